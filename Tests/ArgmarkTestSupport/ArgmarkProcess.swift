import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// What a run of the built `argmark` executable did.
package struct CommandResult {
    package var status: Int32
    package var standardOutput: String
    package var standardError: String
}

/// The one runner of the built `argmark` executable (the one `swift test` built next to the test
/// bundle). Every run has a time limit far beyond what any test needs, so a hang fails its test
/// instead of stopping the suite; no test measures time with it.
package enum ArgmarkProcess {
    /// `/dev/null`, open for the life of the test process, for a child's unused standard streams.
    /// Given `ArgmarkProcess.devNull`, Foundation's `Process.run` opens and releases a handle of its
    /// own on every launch, and one such release crashed the test process (a bad pointer in
    /// `NSLock`'s deinit) while a hundred launches ran beside other tests' launches; this handle is
    /// only read.
    package static let devNull = FileHandle(forUpdatingAtPath: "/dev/null")!

    /// The package root (the folder holding Package.swift).
    package static var packageRoot: URL { Shared.packageRoot }

    /// How long a run may take before it is killed: a guard against hangs, not a speed target.
    package static let hangLimit: Double = 600

    /// The products folder holds both the test bundle and the executable.
    package static let executable: URL = {
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent("argmark")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        fatalError("argmark executable not found near \(CommandLine.arguments[0]); run the tests with swift test")
    }()

    /// Runs argmark with `arguments` in `directory`, feeding `input` on stdin.
    package static func run(_ arguments: [String], in directory: URL? = nil, input: String? = nil, environment: [String: String] = [:]) throws -> CommandResult {
        try TimedProcess.run([executable.path] + arguments, in: directory, input: input, environment: environment, timeout: hangLimit).result
    }

    /// A fresh temporary folder, removed by the caller.
    package static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("argmark-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

/// Runs a command with a kill deadline and, for argmark, an address-space limit, for inputs
/// that might hang it or make it allocate without bound; can also run argmark as an
/// unprivileged user (`setpriv`), so permission checks are real even when the tests run as root.
package enum TimedProcess {
    package struct Outcome {
        package var result: CommandResult
        /// Whether the run was killed at its deadline (a hang).
        package var timedOut: Bool
    }

    /// Virtual memory allowed to one argmark run (`ulimit -v`, in KiB): far below what reading
    /// a 200 MB file or expanding entities would take.
    package static let memoryLimitKiB = 300_000

    package static var isRoot: Bool { geteuid() == 0 }

    /// `setpriv`, when it exists: the way to drop root's privileges for one command.
    package static let setpriv: String? = ["/usr/bin/setpriv", "/bin/setpriv"].first { FileManager.default.isExecutableFile(atPath: $0) }

    /// Whether argmark can be run as `nobody` here: setpriv exists and the build folder is
    /// reachable by other users (it is not, for example, under a private home folder).
    package static let canRunUnprivileged: Bool = {
        guard setpriv != nil, let outcome = try? runArgmark(["--version"], timeout: 30, unprivileged: true) else { return false }
        return outcome.result.status == 0
    }()

    /// Runs argmark under the memory limit, killed after `timeout` seconds (a hang guard).
    package static func runArgmark(_ arguments: [String], in directory: URL? = nil, timeout: Double = 60, unprivileged: Bool = false) throws -> Outcome {
        var command = ["/bin/sh", "-c", "ulimit -v \(memoryLimitKiB) && exec \"$@\"", "sh"]
        if unprivileged, let setpriv { command += [setpriv, "--reuid=65534", "--regid=65534", "--clear-groups"] }
        command += [ArgmarkProcess.executable.path] + arguments
        return try run(command, in: directory, timeout: timeout)
    }

    /// Runs `command`, feeding `input` on stdin; kills it with SIGKILL after `timeout` seconds.
    /// Output goes to files, not pipes, so a large output can never fill a pipe and deadlock.
    package static func run(_ command: [String], in directory: URL? = nil, input: String? = nil, environment extra: [String: String] = [:], timeout: Double) throws -> Outcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: command[0])
        process.arguments = Array(command.dropFirst())
        if let directory { process.currentDirectoryURL = directory }
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        for (key, value) in extra { environment[key] = value }
        process.environment = environment
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("argmark-timed-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outputURL = scratch.appendingPathComponent("stdout")
        let errorURL = scratch.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: outputURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errorURL.path, contents: nil)
        let outputHandle = try FileHandle(forWritingTo: outputURL)
        let errorHandle = try FileHandle(forWritingTo: errorURL)
        defer {
            try? outputHandle.close()
            try? errorHandle.close()
        }
        process.standardOutput = outputHandle
        process.standardError = errorHandle
        let inputPipe = Pipe()
        process.standardInput = input == nil ? ArgmarkProcess.devNull : inputPipe
        try process.run()
        if let input {
            inputPipe.fileHandleForWriting.write(Data(input.utf8))
            try inputPipe.fileHandleForWriting.close()
        }
        let deadline = Date().addingTimeInterval(timeout)
        var timedOut = false
        while process.isRunning {
            if Date() > deadline {
                kill(process.processIdentifier, SIGKILL)
                timedOut = true
                break
            }
            usleep(5_000)
        }
        process.waitUntilExit()
        return Outcome(
            result: CommandResult(
                status: process.terminationStatus,
                standardOutput: String(decoding: try Data(contentsOf: outputURL), as: UTF8.self),
                standardError: String(decoding: try Data(contentsOf: errorURL), as: UTF8.self)),
            timedOut: timedOut)
    }

    /// A copy of the hostile fixtures in a fresh temporary folder (edits and lock files go there).
    package static func hostileFixtures() throws -> URL {
        let source = ArgmarkProcess.packageRoot.appendingPathComponent("Tests/ArgmarkCoreTests/Fixtures/hostile")
        let folder = try ArgmarkProcess.temporaryFolder()
        for name in try FileManager.default.contentsOfDirectory(atPath: source.path) where name.hasSuffix(".xml") || name.hasSuffix(".txt") {
            try FileManager.default.copyItem(at: source.appendingPathComponent(name), to: folder.appendingPathComponent(name))
        }
        return folder
    }
}
