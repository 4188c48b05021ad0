import ArgmarkCore
import ArgmarkFormats
import Foundation
import Testing

/// Where the tests find the shared corpora (read in place) and their own fixtures.
enum Corpora {
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    /// `../shared/corpora` beside the repository.
    static let folder = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/corpora").path
    /// Whether `../shared/corpora` is there (CI); tests that read whole corpora are skipped otherwise.
    static let available = FileManager.default.fileExists(atPath: folder + "/README.md")
    static let absent: Comment = "needs the shared corpora in ../shared/corpora (present in CI)"
    static let fixtures = packageRoot.appendingPathComponent("Tests/ArgmarkFormatsTests/Fixtures").path

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

/// What a run of the built `argmark` executable did.
struct CommandResult {
    var status: Int32
    var standardOutput: String
    var standardError: String
}

/// Runs the `argmark` executable that `swift test` built next to the test bundle.
enum ArgmarkBinary {
    static let executable: URL = {
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent("argmark")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        fatalError("argmark executable not found near \(CommandLine.arguments[0]); run the tests with swift test")
    }()

    static func run(_ arguments: [String]) throws -> CommandResult {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        process.environment = environment
        let scratch = try Corpora.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let outputPath = scratch + "/stdout", errorPath = scratch + "/stderr"
        _ = FileManager.default.createFile(atPath: outputPath, contents: nil)
        _ = FileManager.default.createFile(atPath: errorPath, contents: nil)
        let output = try FileHandle(forWritingTo: URL(fileURLWithPath: outputPath))
        let error = try FileHandle(forWritingTo: URL(fileURLWithPath: errorPath))
        defer {
            try? output.close()
            try? error.close()
        }
        process.standardOutput = output
        process.standardError = error
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return CommandResult(status: process.terminationStatus,
                             standardOutput: String(decoding: try Data(contentsOf: URL(fileURLWithPath: outputPath)), as: UTF8.self),
                             standardError: String(decoding: try Data(contentsOf: URL(fileURLWithPath: errorPath)), as: UTF8.self))
    }
}
