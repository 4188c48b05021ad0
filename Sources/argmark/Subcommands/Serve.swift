import ArgumentParser
import ArgmarkCore
import ArgmarkServer
import Dispatch
import Synchronization

struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Open a folder of articles in the browser workbench (annotate, review suggestions, curate).",
        discussion: """
            Serves FOLDER on 127.0.0.1 only. The first line printed is the address to open, with a \
            random access token: http://127.0.0.1:PORT/?token=… (anyone without it is refused). \
            Every change goes through the same locked, validated, atomic edit as the command line. \
            With --annotator NAME, the articles are that annotator's copies under \
            FOLDER/annotators/NAME/ (made on first open), so several annotators' work can be \
            compared and curated (the curation page writes the shared FOLDER/NAME.xml). \
            Ctrl-C (or SIGTERM) stops the server after the requests in progress.
            """
    )

    @Argument(help: "The folder of annotation files (with its corpus.xml).") var folder: String = "."
    @Option(help: "The port on 127.0.0.1; 0 picks a free one.") var port: Int = 8417
    @Option(help: "Work as this annotator, on copies under FOLDER/annotators/NAME/.") var annotator: String?

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
    }

    func run() throws {
        let workbench: Workbench
        do throws(WorkbenchError) { workbench = try Workbench(folder: folder, annotator: annotator) } catch {
            if case .badRequest(let message) = error { Terminal.standardError("argmark: error: \(message)") }
            throw ExitStatus.usage.code
        }
        let server = WorkbenchServer(workbench: workbench)
        let failure = Mutex<ServeError?>(nil)
        let done = DispatchSemaphore(value: 0)
        let port = self.port
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
