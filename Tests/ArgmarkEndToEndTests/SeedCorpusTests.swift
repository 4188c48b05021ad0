import ArgmarkCore
import ArgmarkTestSupport
import Foundation
import Testing

/// The committed seed-corpus annotations (built from `Annotations/edits/`, which ApplyCommandTests
/// rebuilds byte for byte) still match the seed articles and keep the properties the corpus is
/// for: the texts are the seeds byte for byte, every seed is annotated with positions, claims
/// and evidence, and the sources share propositions where they say the same thing.
@Suite struct SeedCorpusTests {
    static let annotations = ArgmarkProcess.packageRoot.appendingPathComponent("Annotations")
    static let seeds = Shared.seeds

    /// Annotation file name → seed text file name.
    static let seedFiles: [(annotation: String, seed: String)] = [
        ("seed-000.xml", "000_4df17bf2c55a06b5.txt"),
        ("seed-001.xml", "001_ff871f241174ef25.txt"),
        ("seed-002.xml", "002_ff8583a44754fd84.txt"),
        ("seed-003.xml", "003_390148bdc4a9d2c1.txt"),
        ("seed-004.xml", "004_4121eeeb1cc65138.txt"),
    ]

    static func load(_ name: String) throws -> Article {
        let loaded = try ArticleLoader.load(annotations.appendingPathComponent(name).path)
        #expect(loaded.isValid, "\(loaded.diagnostics.map(\.description))")
        return loaded.article
    }

    @Test(.enabled(if: Shared.isPresent, Shared.skipReason), arguments: zip(seedFiles.map(\.annotation), seedFiles.map(\.seed)))
    func textIsTheSeedByteForByte(annotation: String, seed: String) throws {
        let article = try Self.load(annotation)
        let seedBytes = try Data(contentsOf: Self.seeds.appendingPathComponent(seed))
        let identical = article.text.utf8.elementsEqual(seedBytes)
        #expect(identical, "\(annotation) no longer holds the text of \(seed) byte for byte")
    }

    @Test(arguments: seedFiles.map(\.annotation))
    func everySeedHasPositionsClaimsAndEvidenceInATree(annotation: String) throws {
        let article = try Self.load(annotation)
        let types = Set(article.units.map(\.type))
        #expect(types.isSuperset(of: [.position, .claim, .evidence]), "\(annotation) has only \(types.map(\.rawValue).sorted())")
        #expect(article.units.count >= 15, "\(annotation) has only \(article.units.count) units")
        #expect(article.relations.count >= article.units.count / 2, "\(annotation): too few relations to form argument trees")
        #expect(article.units.allSatisfy { $0.speaker != nil && !$0.isImplicit }, "\(annotation): every unit needs a speaker and a span")
    }

    /// The radio re-report (001) quotes the guest blog (000) at length; both blog posts (000, 002)
    /// quote Tarana Burke's "there is no model survivor".
    @Test func sourcesShareTheirPropositions() throws {
        func propositions(_ name: String) throws -> Set<String> {
            Set(try Self.load(name).units.compactMap { $0.proposition?.rawValue })
        }
        let blog = try propositions("seed-000.xml")
        let radio = try propositions("seed-001.xml")
        let catharsis = try propositions("seed-002.xml")
        #expect(blog.intersection(radio).count >= 5, "000 and 001 share only \(blog.intersection(radio).sorted())")
        #expect(blog.isSuperset(of: ["no-model-survivor", "one-case-does-not-nullify"]))
        #expect(catharsis.isSuperset(of: ["no-model-survivor", "one-case-does-not-nullify"]))
    }

    /// A shared proposition keeps its original speaker: Milano's sentences quoted on the radio are
    /// Milano's, not the news agency's.
    @Test func requotedUnitsKeepTheOriginalSpeaker() throws {
        let radio = try Self.load("seed-001.xml")
        let nullify = try #require(radio.units.first { $0.proposition?.rawValue == "one-case-does-not-nullify" })
        #expect(nullify.speaker?.rawValue == "milano")
        #expect(radio.speaker(SpeakerID("milano"))?.name == "Alyssa Milano")
    }

    /// The German reader comment after the interview (003) is page furniture: no unit reaches into it.
    @Test func readerCommentIsNotAnnotated() throws {
        let interview = try Self.load("seed-003.xml")
        let text = CodePointText(interview.text)
        let commentStart = try #require(text.occurrences(of: "Hans Baiker").first?.start)
        let lastEnd = interview.units.compactMap { $0.span?.end }.max() ?? 0
        #expect(lastEnd <= commentStart)
    }
}
