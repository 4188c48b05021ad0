import ArgumentParser
import ArgmarkCommandLine
import ArgmarkCore

/// `argmark serve`: the workbench runs in its own executable, `argmark-serve`, installed beside
/// this one, so that no other command links or loads the HTTP server (it made every command
/// start slower). This command shows the help and checks the arguments like any other, then
/// replaces itself by `argmark-serve` with the same arguments: the same process, streams and
/// signals, so the printed address, Ctrl-C and the exit status are the server's own.
struct Serve: ParsableCommand {
    static let configuration = ServeArguments.configuration(commandName: "serve")

    @OptionGroup var arguments: ServeArguments

    /// The workbench program's file name.
    static let serverProgram = "argmark-serve"

    func run() throws {
        guard let own = Platform.executablePath, let slash = own.lastIndex(of: "/") else {
            Terminal.standardError("argmark: error: cannot find where this argmark is installed, so not \(Self.serverProgram) beside it; run \(Self.serverProgram) FOLDER directly")
            throw ExitStatus.usage.code
        }
        let server = String(own[...slash]) + Self.serverProgram
        // Everything after `serve`, verbatim: argmark-serve parses the very words checked here.
        let given = CommandLine.arguments.dropFirst()
        let rest = given.firstIndex(of: "serve").map { Array(given[($0 + 1)...]) } ?? []
        let failure = Platform.replaceProcess(with: server, arguments: [server] + rest, setting: [(ArgmarkVersion.callerVariable, ArgmarkVersion.current)])
        let problem = failure.kind == .missing ? "is missing" : "cannot be run (\(failure.systemMessage))"
        Terminal.standardError("argmark: error: the workbench is its own program, \(server), which \(problem); build it with `swift build -c release` (it builds argmark and \(Self.serverProgram); `--product \(Self.serverProgram)` builds it alone) and keep it in the same folder as argmark")
        throw ExitStatus.usage.code
    }
}
