import Foundation
import Testing
@testable import ArgmarkCore

/// The streaming validator (model decoded from SAX events while the XSD checks the stream) must
/// say exactly what the tree validator says: the same diagnostics, lines and columns included,
/// and the same model, on every fixture and on seeded mutations of them.
@Suite struct StreamingValidationTests {
    static var fixturePaths: [String] {
        var folders = ["valid", "invalid", "no-corpus"].map { Fixtures.validation.appendingPathComponent($0) }
        folders.append(FuzzTests.hostile)
        folders.append(FuzzTests.hostile.appendingPathComponent("fuzz-crashes"))
        var paths = folders.flatMap { folder in
            ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
                .filter { $0.hasSuffix(".xml") }.sorted().map { folder.appendingPathComponent($0).path }
        }
        paths += FuzzTests.annotatedArticles
        paths.append(Fixtures.packageRoot.appendingPathComponent("Annotations/corpus.xml").path)
        return paths
    }

    @Test func fixturesAreFound() {
        let paths = Self.fixturePaths
        #expect(paths.count >= 60, "found only \(paths.count) fixtures")
        #expect(paths.contains { $0.hasSuffix("/valid/fixture.xml") })
        #expect(paths.contains { $0.hasSuffix("/hostile/truncated.xml") })
    }

    @Test(arguments: fixturePaths)
    func streamingMatchesTree(_ path: String) throws {
        let bytes = try FileSystem.read(path)
        let corpus = ArticleLoader.loadCorpus(besides: path)
        let problems = Self.differences(bytes, path: path, corpus: corpus)
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
    }

    /// Mutations reach the corners fixtures do not: broken tags halfway, stray entities, text in
    /// odd places, multi-line elements whose errors libxml2 locates at their start or their end.
    @Test func streamingMatchesTreeOnMutations() throws {
        let seed = ProcessInfo.processInfo.environment["ARGMARK_FUZZ_SEED"].flatMap(UInt64.init) ?? 0x57_2EA3
        print("streaming differential: seed \(seed)")
        var mutator = Mutator(seed: seed)
        let inputs = try FuzzTests.seedInputs()
        let corpus = FuzzTests.corpus
        var failures: [String] = []
        for iteration in 0..<400 {
            let input = mutator.mutate(inputs[iteration % inputs.count])
            let problems = Self.differences(input, path: "m.xml", corpus: corpus)
            if !problems.isEmpty {
                failures.append("seed \(seed) iteration \(iteration): \(problems.joined(separator: "; "))\n  input: \(String(decoding: input.prefix(1500), as: UTF8.self))")
            }
            if failures.count >= 3 { break }
        }
        #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
    }

    /// The parser reports text in pieces (at each reference, each CDATA section, every few hundred
    /// bytes of non-ASCII text); the stream hands each run between markup over whole, as a tree
    /// holds one text node per run, so the schema does not re-measure a growing value per piece.
    @Test func textRunsReachTheDecoderWhole() throws {
        let fixture = try String(contentsOf: Fixtures.validation.appendingPathComponent("valid/fixture.xml"), encoding: .utf8)
        let pieced = fixture
            .replacingOccurrences(of: "They are wrong.&#13;", with: "They are <![CDATA[wrong]]>.&#13;")
            .replacingOccurrences(of: "person’s", with: "person&#8217;s")
            .replacingOccurrences(of: ">They are wrong.</unit>", with: ">They &#97;re <![CDATA[wrong]]>.</unit>")
        #expect(pieced != fixture)
        let bytes = Array(pieced.utf8)
        let outcome = StreamingReader.read(bytes, path: "p.xml", schema: .shared)
        // title, genre, language, the text and four units: one piece each.
        #expect(outcome.textPieces == 8)
        #expect(outcome.parseFailure.isEmpty && outcome.schemaDiagnostics.isEmpty)
        let corpus = ArticleLoader.loadCorpus(besides: Fixtures.validation.appendingPathComponent("valid/fixture.xml").path)
        #expect(Validator().validate(bytes: bytes, path: "p.xml", corpus: corpus).diagnostics.isEmpty)
        #expect(Self.differences(bytes, path: "p.xml", corpus: corpus).isEmpty)
    }

    /// Text where only elements may be is one error per run, as on a tree, however many pieces
    /// the parser reports it in.
    @Test func strayTextInPiecesIsOneErrorAsOnATree() throws {
        let fixture = try String(contentsOf: Fixtures.validation.appendingPathComponent("valid/fixture.xml"), encoding: .utf8)
        let stray = fixture.replacingOccurrences(of: "<units>", with: "<units>stray &amp; text &lt; here <![CDATA[and]]> more")
        let bytes = Array(stray.utf8)
        let streamed = Validator().validate(bytes: bytes, path: "s.xml", corpus: nil).diagnostics
        #expect(streamed.count { $0.message.contains("Character content other than whitespace") } == 1, "\(streamed.map(\.description))")
        #expect(Self.differences(bytes, path: "s.xml", corpus: nil).isEmpty)
    }

    static func differences(_ bytes: [UInt8], path: String, corpus: Corpus?) -> [String] {
        let validator = Validator()
        let streamed = validator.validate(bytes: bytes, path: path, corpus: corpus)
        let tree = validator.validateWithTree(bytes: bytes, path: path, corpus: corpus)
        var problems: [String] = []
        if streamed.diagnostics != tree.diagnostics {
            problems.append("stream: \(streamed.diagnostics.map(\.description))\ntree:   \(tree.diagnostics.map(\.description))")
        }
        switch (streamed.document, tree.document) {
        case (nil, nil): break
        case (.article(let left)?, .article(let right)?):
            if left.article != right.article { problems.append("the articles differ") }
            if left.storedDigest != right.storedDigest { problems.append("the stored digests differ") }
            if left.lines != right.lines { problems.append("the element lines differ") }
        case (.corpus(let left)?, .corpus(let right)?):
            if left.corpus != right.corpus { problems.append("the corpora differ") }
            if left.lines != right.lines { problems.append("the element lines differ") }
        default: problems.append("one read a document, the other \(tree.document == nil ? "none" : "another kind")")
        }
        return problems
    }
}
