import ArgmarkCore
@testable import ArgmarkFormats
import Foundation
import Testing

/// Damaged input must give an error, never a crash: every prefix of each fixture is imported.
@Suite("robustness")
struct RobustnessTests {
    @Test("every truncation of each fixture imports or fails with a located error", arguments: [
        (ImportFormat.microtexts, "microtexts/school_uniforms.xml", "x.xml"),
        (.xmi, "xmi/emoji.xmi", "x.xmi"),
        (.brat, "brat/good/schulpflicht.ann", "x.ann"),
        (.aif, "aif/debate.json", "x.json"),
    ])
    func truncations(format: ImportFormat, fixture: String, name: String) throws {
        let bytes = try FileSystem.read(Corpora.fixtures + "/" + fixture)
        let folder = try Corpora.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/" + name
        if format == .brat {
            try FileManager.default.copyItem(atPath: Corpora.fixtures + "/brat/good/schulpflicht.txt", toPath: folder + "/x.txt")
        }
        var failures = 0
        for length in stride(from: 0, to: bytes.count, by: max(1, bytes.count / 150)) {
            try AtomicFile.write(Array(bytes[0..<length]), to: path)
            switch Result(catching: { () throws(FormatError) in try format.importFile(path) }) {
            case .success(let article):
                // What imports must be writable argmark.
                #expect(throws: Never.self, "\(fixture) cut at \(length)") { try ArticleWriter.encode(article) }
            case .failure(let error):
                failures += 1
                #expect(error.diagnostic.location.path == path)
                #expect(error.diagnostic.severity == .error)
            }
        }
        #expect(failures > 0)
    }

    @Test("brat lines with odd shapes are errors, not crashes")
    func oddBratLines() {
        for annotations in ["T1\tClaim ;\tx", "T1\tClaim\tx", "T1", "R1\tsupports Arg1:T1", "A1\tStance", "X1\tfoo", "T1\tClaim 5 2\tx", "T1\tClaim a b\tx"] {
            #expect(throws: FormatError.self, "\(annotations)") {
                try BratImporter.article(text: "Hello world.", annotations: annotations, path: "x.ann", id: "x")
            }
        }
    }
}
