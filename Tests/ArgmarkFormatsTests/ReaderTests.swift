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

    /// Hostile, round two: Java writes a non-BMP character as a surrogate pair of \\u escapes
    /// (this gave two U+FFFD); a lone half or a malformed escape is a U+FFFD (what follows is kept), never a crash.
    @Test("Java properties: a surrogate pair of \\u escapes is one character; malformed escapes are U+FFFD")
    func javaPropertiesSurrogatePairs() {
        let parsed = JavaProperties.parse("a=\\ud83d\\ude00 x\nb=\\uD835\\uDC9C\nc=\\ud83d alone\nd=\\u+041\ne=\\ude00\\ud83d\nf=\\u00\n")
        #expect(parsed.map(\.value) == ["😀 x", "𝒜", "\u{FFFD} alone", "\u{FFFD}+041", "\u{FFFD}\u{FFFD}", "\u{FFFD}00"])
    }

    /// Hostile, round two: the strict reader took "+1" (Double() does) and "\\u+041" (a signed radix-16 parse).
    @Test("JSON: numbers follow RFC 8259 exactly; \\u needs four hex digits", arguments: [
        "[+1]", "[01]", "[.5]", "[1.]", "[1e]", "[1e+]", "[-]", "[--1]", "[1.5.5]", "[0x10]", "[1e5e5]", "[-+1]",
        "[\"\\u+041\"]", "[\"\\u-041\"]", "[\"\\u 041\"]", "[\"\\u00g1\"]", "[\"\\ud83d\\u+e00\"]",
    ])
    func strictJSONRefuses(_ bad: String) {
        #expect(throws: JSONSyntaxError.self) { try JSONReader.parse(Array(bad.utf8)) }
    }

    @Test("JSON: every number form RFC 8259 allows is read")
    func strictJSONAccepts() throws {
        let node = try JSONReader.parse(Array("[0, -0, 1, -12, 0.5, -0.5, 1e5, 1E+5, 1e-5, 12.25e10, \"\\u0041\\uD83D\\uDE00\"]".utf8))
        #expect(node.array?.map { $0.text ?? "" } == ["0", "-0", "1", "-12", "0.5", "-0.5", "1e5", "1E+5", "1e-5", "12.25e10", "A😀"])
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

    @Test("importing the same files twice gives the same bytes", .enabled(if: Shared.isPresent, Shared.skipReason))
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
