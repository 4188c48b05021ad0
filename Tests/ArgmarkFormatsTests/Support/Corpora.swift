import ArgmarkCore
import ArgmarkFormats
import ArgmarkTestSupport
import Foundation
import Testing

/// Where the tests find the shared corpora (read in place) and their own fixtures.
enum Corpora {
    static let packageRoot: URL = Shared.packageRoot
    /// `../shared/corpora` beside the repository (tests that read it are enabled only where it exists).
    static let folder = Shared.corpora.path
    static let fixtures = packageRoot.appendingPathComponent("Tests/ArgmarkFormatsTests/Fixtures").path

    /// Files copied from the shared corpora (`Fixtures/samples/README.md`: licences, attribution),
    /// in the same folder layout, for the tests that need one real file of a format.
    static let samples = fixtures + "/samples"
    static var sampleMicrotextsEnglish: String { samples + "/arg-microtexts/corpus/en" }
    static var sampleMicrotextsPart2: String { samples + "/arg-microtexts-part2/corpus" }
    static var sampleXMI: String { samples + "/habernal-gurevych-web-discourse/toulmin" }

    static var microtextsEnglish: String { folder + "/arg-microtexts/corpus/en" }
    static var microtextsGerman: String { folder + "/arg-microtexts/corpus/de" }
    static var microtextsPart2: String { folder + "/arg-microtexts-part2/corpus" }
    static var xmi: String { folder + "/habernal-gurevych-web-discourse/toulmin" }
    static var arct: String { folder + "/arct-room-for-debate/xmi" }

    static func files(in directory: String, ending suffix: String) -> [String] {
        FileSystem.expand([directory], extension: suffix).files
    }

    /// Encodes and validates an imported article as the import command does (with a corpus
    /// defining the targets it refers to); returns the errors.
    static func validationErrors(of article: Article) throws -> [Diagnostic] {
        let bytes = try ArticleWriter.encode(article)
        let targets = Set(article.units.compactMap(\.target)).sorted().map { StanceTarget(id: $0, name: $0.rawValue) }
        return Validator().validate(bytes: bytes, path: article.id + ".xml", corpus: Corpus(targets: targets)).diagnostics.filter { $0.severity == .error }
    }

    static func temporaryFolder() throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("argmark-formats-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url.path
    }

    static func contents(of directory: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).sorted()
    }
}
