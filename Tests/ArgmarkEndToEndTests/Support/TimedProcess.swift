import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Runs `argmark` with a time limit and an address-space limit, for inputs that might hang it or
/// make it allocate without bound; can also run it as an unprivileged user (`setpriv`), so
/// permission checks are real even when the tests run as root.
enum TimedProcess {
    struct Outcome {
        var result: CommandResult
        var timedOut: Bool
    }

    /// Virtual memory allowed to one argmark run (`ulimit -v`, in KiB): far below what reading
    /// a 200 MB file or expanding entities would take.
    static let memoryLimitKiB = 300_000

    static var isRoot: Bool { geteuid() == 0 }

    /// `setpriv`, when it exists: the way to drop root's privileges for one command.
    static let setpriv: String? = ["/usr/bin/setpriv", "/bin/setpriv"].first { FileManager.default.isExecutableFile(atPath: $0) }

    /// Whether argmark can be run as `nobody` here: setpriv exists and the build folder is
    /// reachable by other users (it is not, for example, under a private home folder).
    static let canRunUnprivileged: Bool = {
        guard setpriv != nil, let outcome = try? runArgmark(["--version"], timeout: 30, unprivileged: true) else { return false }
        return outcome.result.status == 0
    }()

    static func runArgmark(_ arguments: [String], in directory: URL? = nil, timeout: Double = 30, unprivileged: Bool = false) throws -> Outcome {
        var command = ["/bin/sh", "-c", "ulimit -v \(memoryLimitKiB) && exec \"$@\"", "sh"]
        if unprivileged, let setpriv { command += [setpriv, "--reuid=65534", "--regid=65534", "--clear-groups"] }
        command += [ArgmarkProcess.executable.path] + arguments
        return try run(command, in: directory, timeout: timeout)
    }

    /// Runs `command`, feeding `input` on stdin; kills it with SIGKILL after `timeout` seconds.
    /// Output goes to files, not pipes, so a large output can never fill a pipe and deadlock.
    static func run(_ command: [String], in directory: URL? = nil, input: String? = nil, environment extra: [String: String] = [:], timeout: Double) throws -> Outcome {
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
        process.standardInput = input == nil ? FileHandle.nullDevice : inputPipe
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
    static func hostileFixtures() throws -> URL {
        let source = ArgmarkProcess.packageRoot.appendingPathComponent("Tests/ArgmarkCoreTests/Fixtures/hostile")
        let folder = try ArgmarkProcess.temporaryFolder()
        for name in try FileManager.default.contentsOfDirectory(atPath: source.path) where name.hasSuffix(".xml") || name.hasSuffix(".txt") {
            try FileManager.default.copyItem(at: source.appendingPathComponent(name), to: folder.appendingPathComponent(name))
        }
        return folder
    }
}
