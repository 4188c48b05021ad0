import Foundation

/// What a run of the built `argmark` executable did.
struct CommandResult {
    var status: Int32
    var standardOutput: String
    var standardError: String
}

/// Runs the `argmark` executable that `swift test` built next to the test bundle.
enum ArgmarkProcess {
    /// The package root, found from this file's path.
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `../shared` beside the repository, where the seeds and corpora are.
    static let sharedFolder: URL = packageRoot.deletingLastPathComponent().appendingPathComponent("shared")

    /// The products folder holds both the test bundle and the executable.
    static let executable: URL = {
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent("argmark")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        fatalError("argmark executable not found near \(CommandLine.arguments[0]); run the tests with swift test")
    }()

    /// Runs argmark with `arguments` in `directory`, feeding `input` on stdin (through
    /// ``TimedProcess``, with a limit no test comes near).
    static func run(_ arguments: [String], in directory: URL? = nil, input: String? = nil, environment: [String: String] = [:]) throws -> CommandResult {
        try TimedProcess.run([executable.path] + arguments, in: directory, input: input, environment: environment, timeout: 600).result
    }

    /// A fresh temporary folder, removed by the caller with `cleanUp`.
    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("argmark-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
