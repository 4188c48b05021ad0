import ArgumentParser
import ArgmarkCommandLine
import ArgmarkCore
import ArgmarkServer
import Dispatch
import Synchronization

/// `argmark-serve`: the browser workbench, the one program that links the HTTP server. Users run
/// it as `argmark serve`, which checks the arguments and replaces itself by this program (found
/// beside it) with the same arguments; run directly, it takes the same arguments.
@main
struct ArgmarkServe: ParsableCommand {
    static let configuration = ServeArguments.configuration(commandName: "argmark serve")

    @OptionGroup var arguments: ServeArguments

    static func main() { CommandLineEntry.main(Self.self) }

    func run() throws {
        if let mismatch = ArgmarkVersion.mismatch(caller: Platform.environmentValue(ArgmarkVersion.callerVariable), server: Platform.executablePath ?? "argmark-serve") {
            Terminal.standardError("argmark: error: \(mismatch)")
            throw ExitStatus.usage.code
        }
        let workbench: Workbench
        do throws(WorkbenchError) { workbench = try Workbench(folder: arguments.folder, annotator: arguments.annotator, retrainAfter: arguments.retrainAfter) } catch {
            if case .badRequest(let message) = error { Terminal.standardError("argmark: error: \(message)") }
            throw ExitStatus.usage.code
        }
        let server = WorkbenchServer(workbench: workbench)
        let failure = Mutex<ServeError?>(nil)
        let done = DispatchSemaphore(value: 0)
        let port = arguments.port
        Task {
            do throws(ServeError) {
                try await server.run(port: port) { url in
                    Terminal.standardOutput(url)
                    Terminal.standardError("argmark: serving \(workbench.folder)\(workbench.annotator.map { " as annotator \($0)" } ?? ""); Ctrl-C stops")
                }
            } catch {
                failure.withLock { $0 = error }
            }
            done.signal()
        }
        done.wait()
        if let error = failure.withLock({ $0 }) {
            Terminal.standardError("argmark: error: \(error.message)")
            throw ExitStatus.failure.code
        }
        Terminal.standardError("argmark: stopped")
    }
}
