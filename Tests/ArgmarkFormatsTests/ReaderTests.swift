import ArgmarkCore
@testable import ArgmarkFormats
import ArgmarkTestSupport
import Testing

@Suite("readers and helpers")
struct ReaderTests {
    @Test("JSON: escapes, surrogate pairs, numbers as ids, lines of values")
    func json() throws {
        let node = try JSONReader.parse(Array("{\n \"a\": \"x\\u00e9\\ud83d\\ude00\\n\",\n \"b\": [1, 2.5e3, true, null],\n \"c\": 7\n}".utf8))
        #expect(node["a"]?.text == "xé😀\n")
        #expect(node["b"]?.array?.count == 4)
        #expect(node["b"]?.line == 3)
        #expect(node["c"]?.text == "7")
        for bad in ["{\"a\": }", "[1, 2", "{\"a\": \"\\ud83d\"}", "{\"a\": 1} x", "\"line\nbreak\""] {
            #expect(throws: JSONSyntaxError.self, "\(bad)") { try JSONReader.parse(Array(bad.utf8)) }
        }
    }

    @Test("UTF-16 offsets map to code points; the middle of a surrogate pair has none")
    func utf16() {
        let offsets = UTF16Offsets("a😀b")
        #expect(offsets.utf16Count == 4)
        #expect(offsets.codePointOffset(ofUTF16: 0) == 0)
        #expect(offsets.codePointOffset(ofUTF16: 1) == 1)
        #expect(offsets.codePointOffset(ofUTF16: 2) == nil)
        #expect(offsets.codePointOffset(ofUTF16: 3) == 2)
        #expect(offsets.codePointOffset(ofUTF16: 4) == 3)
        #expect(offsets.codePointOffset(ofUTF16: 5) == nil)
    }

    @Test("Java properties: comments dropped, escapes undone")
    func javaProperties() {
        let parsed = JavaProperties.parse("#java.util.Properties\n#Thu Aug 07\noriginalView=logos\nrephrasedContent=a\\=b\\: c \\u00fc\n")
        #expect(parsed.map(\.key) == ["originalView", "rephrasedContent"])
        #expect(parsed.last?.value == "a=b: c ü")
    }

    @Test("ids from file names and source ids are valid argmark ids")
    func identifiers() {
        #expect(Names.identifier("1233", prefix: "doc-") == "doc-1233")
        #expect(Names.identifier("micro_b001", prefix: "doc-") == "micro_b001")
        #expect(Names.identifier("Über uns", prefix: "doc-") == "doc--ber-uns")
        #expect(UnitID.isValid(Names.identifier("", prefix: "doc-")))
    }

    @Test("brat: a text column that differs from the .txt is an error naming the line")
    func bratTextMismatch() {
        do {
            _ = try BratImporter.article(text: "Hello world.", annotations: "T1\tClaim 0 5\tHello\nT2\tClaim 6 11\tWorld\n", path: "x.ann", id: "x")
            Issue.record("imported")
        } catch {
            #expect(error.diagnostic.location == SourceLocation(path: "x.ann", line: 2))
            #expect(error.description.contains("says \"World\" but the text at its offsets is \"world\""))
        }
    }

    @Test("importing the same files twice gives the same bytes")
    func deterministic() throws {
        for (format, path) in [(ImportFormat.microtexts, Corpora.sampleMicrotextsPart2 + "/micro_c003.xml"), (.xmi, Corpora.sampleXMI + "/1037.xmi"),
                               (.brat, Corpora.fixtures + "/brat/good/schulpflicht.ann"), (.aif, Corpora.fixtures + "/aif/debate.json")] {
            let first = try ArticleWriter.encode(try format.importFile(path))
            let second = try ArticleWriter.encode(try format.importFile(path))
            #expect(first == second)
        }
    }
}

@Suite("output layout")
struct OutputLayoutTests {
    @Test("files found in subfolders of a folder argument keep their subfolder under the output folder")
    func relativeFolders() {
        #expect(BatchImport.relativeFolder(of: "corpus/en/a.xml", under: "corpus") == "en")
        #expect(BatchImport.relativeFolder(of: "corpus/en/a.xml", under: "corpus/") == "en")
        #expect(BatchImport.relativeFolder(of: "corpus/a.xml", under: "corpus") == "")
        #expect(BatchImport.relativeFolder(of: "corpus/a.xml", under: "corpus/a.xml") == "")
        #expect(BatchImport.relativeFolder(of: "/x/corpus/de/sub/a.xml", under: "/x/corpus") == "de/sub")
    }
}
