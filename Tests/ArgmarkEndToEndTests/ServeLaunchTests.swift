import ArgmarkTestSupport
import Foundation
import Testing

/// `argmark serve` hands over to the workbench's own program, `argmark-serve`, beside the
/// running argmark, so that the other commands neither link nor load the HTTP server.
@Suite(.serialized) struct ServeLaunchTests {
    static let server = ArgmarkProcess.executable.deletingLastPathComponent().appendingPathComponent("argmark-serve")

    /// A folder holding one seed article and the corpus.xml beside it.
    static func articles() throws -> URL {
        let folder = try ArgmarkProcess.temporaryFolder()
        let source = ArgmarkProcess.packageRoot.appendingPathComponent("Annotations")
        for name in ["seed-000.xml", "corpus.xml"] {
            try FileManager.default.copyItem(at: source.appendingPathComponent(name), to: folder.appendingPathComponent(name))
        }
        return folder
    }

    /// The CLI's binary has none of Hummingbird or NIO in it; the workbench's has both (so this
    /// check can fail: the names are there to find when a binary links them).
    @Test func onlyTheWorkbenchProgramLinksTheHTTPServer() throws {
        let names = ["Hummingbird", "NIOCore", "NIOPosix"].map { Data($0.utf8) }
        let cli = try Data(contentsOf: ArgmarkProcess.executable, options: .alwaysMapped)
        let workbench = try Data(contentsOf: Self.server, options: .alwaysMapped)
        for name in names {
            #expect(cli.range(of: name) == nil, "argmark links \(String(decoding: name, as: UTF8.self)); only argmark-serve may")
            #expect(workbench.range(of: name) != nil, "argmark-serve has no \(String(decoding: name, as: UTF8.self))")
        }
    }

    /// Started through a link (as from a folder on PATH), argmark finds argmark-serve beside its
    /// real file, and the server's address, SIGTERM and exit status reach the caller unchanged.
    @Test func servesThroughALinkToArgmark() throws {
        let folder = try Self.articles()
        let bin = try ArgmarkProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder); try? FileManager.default.removeItem(at: bin) }
        let link = bin.appendingPathComponent("argmark")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: ArgmarkProcess.executable)
        let server = try ServeProcess([folder.path, "--port", "0"], executable: link)
        // The same process, now the workbench program: what signals it gets, argmark-serve gets.
        if FileManager.default.fileExists(atPath: "/proc/self/exe") {
            let image = try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/\(server.process.processIdentifier)/exe")
            #expect(image.hasSuffix("/argmark-serve"), "\(image)")
        }
        let articles = try RawHTTP.request(port: server.port, path: "/api/articles", headers: [("X-Argmark-Token", server.token)])
        #expect(articles.status == 200)
        #expect(articles.text.contains("seed-000"))
        #expect(server.stop() == 0)
        #expect(server.standardError.contains("argmark: stopped"))
    }

    /// Run directly, argmark-serve takes the same arguments and words errors as `argmark serve`.
    @Test func theWorkbenchProgramTakesServesArguments() throws {
        let run = try TimedProcess.run([Self.server.path, "--port", "70000"], timeout: ArgmarkProcess.hangLimit).result
        #expect(run.status == 2)
        #expect(run.standardError == "argmark: error: --port must be between 0 and 65535 (see argmark serve --help)\n")
        let missing = try TimedProcess.run([Self.server.path, "/no/such/folder"], timeout: ArgmarkProcess.hangLimit).result
        #expect(missing.status == 2)
        #expect(missing.standardError.contains("/no/such/folder: no such folder"))
    }

    /// An argmark-serve from another release, started by this argmark, refuses to serve and says
    /// why (naming both releases and how to install a matching pair). The same release passes
    /// the check: every other serve test starts argmark-serve through argmark, which sets it.
    @Test func aWorkbenchProgramFromAnotherReleaseIsRefused() throws {
        let folder = try Self.articles()
        defer { try? FileManager.default.removeItem(at: folder) }
        let version = try ArgmarkProcess.run(["--version"]).standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(!version.isEmpty)
        let stale = try TimedProcess.run([Self.server.path, folder.path, "--port", "0"], environment: ["ARGMARK_CALLER_VERSION": "0.0.9"], timeout: ArgmarkProcess.hangLimit).result
        #expect(stale.status == 2)
        #expect(stale.standardOutput.isEmpty)
        #expect(stale.standardError.hasPrefix("argmark: error: argmark 0.0.9 started "), "\(stale.standardError)")
        #expect(stale.standardError.contains("which is argmark-serve \(version): the two programs come from different builds"))
        #expect(stale.standardError.contains("swift build -c release"))
    }

    /// An argmark installed without argmark-serve says so, names how to build it, and exits 2;
    /// the other commands and `serve --help` work without it.
    @Test func aMissingWorkbenchProgramIsNamedWithHowToBuildIt() throws {
        let folder = try Self.articles()
        let bin = try ArgmarkProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder); try? FileManager.default.removeItem(at: bin) }
        let alone = bin.appendingPathComponent("argmark")
        try FileManager.default.copyItem(at: ArgmarkProcess.executable, to: alone)
        let serve = try TimedProcess.run([alone.path, "serve", folder.path, "--port", "0"], timeout: ArgmarkProcess.hangLimit).result
        #expect(serve.status == 2)
        #expect(serve.standardOutput.isEmpty)
        let expected = "argmark: error: the workbench is its own program, \(bin.resolvingSymlinksInPath().path)/argmark-serve, which is missing; "
        #expect(serve.standardError.hasPrefix(expected), "\(serve.standardError)")
        #expect(serve.standardError.contains("swift build -c release"))
        #expect(serve.standardError.split(separator: "\n").count == 1)
        let help = try TimedProcess.run([alone.path, "serve", "--help"], timeout: ArgmarkProcess.hangLimit).result
        #expect(help.status == 0)
        #expect(help.standardOutput.contains("USAGE: argmark serve [<folder>] [--port <port>]"))
        let validate = try TimedProcess.run([alone.path, "validate", folder.appendingPathComponent("seed-000.xml").path], timeout: ArgmarkProcess.hangLimit).result
        #expect(validate.status == 0)
    }
}
