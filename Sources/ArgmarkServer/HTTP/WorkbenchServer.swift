import ArgmarkCore
import ArgmarkFormats
import Hummingbird
import HummingbirdCore
import NIOCore
import Logging
import Synchronization

/// Why `argmark serve` could not start or stopped with an error.
package struct ServeError: Error, Sendable, CustomStringConvertible {
    package var message: String
    package var description: String { message }
}

/// `argmark serve`: the workbench's HTTP server on the loopback address.
///
/// It only parses requests, calls ``Workbench`` and serves what it returns; every rule about
/// files and edits lives in the core.
package struct WorkbenchServer: Sendable {
    package let workbench: Workbench
    package let token: String
    /// The largest request body accepted (an edit list); larger ones get 413.
    package static let maximumRequestBytes = 1 << 20
    /// Connections open at once; more wait until one closes.
    package static let maximumConnections = 32

    package init(workbench: Workbench, token: String? = nil) {
        self.workbench = workbench
        self.token = token ?? SecurityMiddleware<BasicRequestContext>.makeToken()
    }

    /// Serves on `127.0.0.1:port` (`0` picks a free port) until SIGINT or SIGTERM, then stops
    /// after the requests in progress, so no edit is cut off and no lock stays held.
    /// `onListening` gets the URL with the token once the socket is bound.
    package func run(port: Int, onListening: @escaping @Sendable (String) -> Void) async throws(ServeError) {
        let boundPort = Mutex(port)
        let router = Router(context: BasicRequestContext.self)
        router.add(middleware: SecurityMiddleware(token: token, port: { boundPort.withLock { $0 } }))
        addRoutes(to: router)
        var logger = Logger(label: "argmark-serve", factory: { StreamLogHandler.standardError(label: $0) })
        logger.logLevel = .error
        let token = self.token
        let app = Application(
            router: router,
            configuration: .init(address: .hostname("127.0.0.1", port: port), serverName: nil,
                                 availableConnectionsDelegate: MaximumAvailableConnections(Self.maximumConnections)),
            onServerRunning: { channel in
                let actual = channel.localAddress?.port ?? port
                boundPort.withLock { $0 = actual }
                onListening("http://127.0.0.1:\(actual)/?token=\(token)")
            },
            logger: logger
        )
        do {
            try await app.runService()
        } catch let error as IOError where error.errnoCode == 98 || error.errnoCode == 48 {
            throw ServeError(message: "port \(port) is already in use on 127.0.0.1; pass another --port, or --port 0 for any free port")
        } catch let error as IOError where error.errnoCode == 13 {
            throw ServeError(message: "port \(port) needs privileges to bind; pass a port above 1023, or --port 0 for any free port")
        } catch {
            throw ServeError(message: "the server stopped: \(error)")
        }
    }

    // MARK: Routes

    func addRoutes(to router: Router<BasicRequestContext>) {
        let workbench = self.workbench
        let token = self.token
        router.get("/") { _, _ in Pages.corpus(workbench: workbench, token: token) }
        router.get("/article/{name}") { _, context in
            try Pages.article(name: try Self.name(context), workbench: workbench, token: token)
        }
        router.get("/curate/{name}") { _, context in
            try Pages.curation(name: try Self.name(context), workbench: workbench, token: token)
        }
        router.get("/assets/workbench.js") { _, _ in Responses.bytes(PackageResources.workbench_js, type: "text/javascript; charset=utf-8") }
        router.get("/assets/workbench.css") { _, _ in Responses.bytes(PackageResources.workbench_css, type: "text/css; charset=utf-8") }

        router.get("/api/info") { _, _ in
            Responses.json(.object([
                "folder": .string(workbench.folder),
                "annotator": workbench.annotator.map(JSONValue.string) ?? .null,
                "annotators": .array(workbench.annotatorNames().map(JSONValue.string)),
            ]))
        }
        router.get("/api/articles") { _, _ in
            Responses.json(.object(["articles": .array(workbench.corpusSummary().map(\.json)),
                                    "annotator": workbench.annotator.map(JSONValue.string) ?? .null]))
        }
        router.get("/api/articles/{name}") { request, context in
            let name = try Self.name(context)
            // `?map=0` leaves the map out: the page shows the text first and asks for the map after.
            let parts = ArticleView.Parts(text: true, map: request.uri.queryParameters.get("map") != "0")
            return Self.answer { () throws(WorkbenchError) in try workbench.article(name).json(parts) }
        }
        router.get("/api/articles/{name}/map") { _, context in
            let name = try Self.name(context)
            return Self.answer { () throws(WorkbenchError) in
                let (version, svg) = try workbench.map(of: name)
                return .object(["version": .string(version), "map": .string(svg)])
            }
        }
        router.get("/api/articles/{name}/version") { _, context in
            let name = try Self.name(context)
            return Self.answer { () throws(WorkbenchError) in .object(["version": .string(try workbench.version(of: name))]) }
        }
        router.post("/api/articles/{name}/edits") { request, context in
            let name = try Self.name(context)
            var request = request
            let body = try await Self.body(&request)
            return Self.answer { () throws(WorkbenchError) in
                let applied = try workbench.apply(try Self.edits(body), to: name, version: try Self.version(body, required: false))
                return Self.json(applied, article: try workbench.article(name))
            }
        }
        for redo in [false, true] {
            router.post("/api/articles/{name}/\(redo ? "redo" : "undo")") { request, context in
                let name = try Self.name(context)
                var request = request
                let body = try await Self.body(&request)
                return Self.answer { () throws(WorkbenchError) in
                    let applied = try workbench.step(name, version: try Self.version(body, required: true)!, redo: redo)
                    return Self.json(applied, article: try workbench.article(name))
                }
            }
        }
        router.post("/api/corpus/edits") { request, _ in
            var request = request
            let body = try await Self.body(&request)
            return Self.answer { () throws(WorkbenchError) in
                let ids = try workbench.applyToCorpus(try Self.edits(body))
                return .object(["ids": .array(ids.map(JSONValue.string))])
            }
        }
        router.get("/api/model") { _, _ in Responses.json(workbench.model.status().json) }
        router.post("/api/model/train") { _, _ in Responses.json(workbench.model.retrain().json) }
        router.get("/api/curation/{name}") { _, context in
            let name = try Self.name(context)
            return Self.answer { () throws(WorkbenchError) in try workbench.curation(name).json }
        }
        router.post("/api/curation/{name}/merge") { request, context in
            let name = try Self.name(context)
            var request = request
            let body = try await Self.body(&request)
            return Self.answer { () throws(WorkbenchError) in
                let applied = try workbench.mergeAgreed(name, version: try Self.version(body, required: true))
                return .object(["version": .string(applied.version), "created": .array(applied.created.map(JSONValue.string))])
            }
        }
        router.post("/api/curation/{name}/take") { request, context in
            let name = try Self.name(context)
            var request = request
            let body = try await Self.body(&request)
            return Self.answer { () throws(WorkbenchError) in
                guard let annotator = body["annotator"]?.string, let id = body["id"]?.string else {
                    throw .badRequest("take needs \"annotator\" and \"id\" (a unit or relation of that annotator)")
                }
                let applied = try workbench.take(id, from: annotator, into: name, version: try Self.version(body, required: true))
                return .object(["version": .string(applied.version), "created": .array(applied.created.map(JSONValue.string))])
            }
        }
    }

    /// The article name from the path, decoded and checked (a bad one is simply not found).
    static func name(_ context: BasicRequestContext) throws -> String {
        guard let raw = context.parameters.get("name"), let name = PathGuard.percentDecoded(raw), PathGuard.isPlainName(name) else {
            throw HTTPError(.notFound, message: "no such article")
        }
        return name
    }

    /// The body's `edits` list; a malformed edit is a bad request naming its index.
    static func edits(_ body: JSONNode) throws(WorkbenchError) -> [WorkbenchEdit] {
        do throws(EditSyntaxError) { return try WorkbenchEdit.parseList(body["edits"]) } catch {
            throw .badRequest((error.index.map { "edit \($0): " } ?? "") + error.message)
        }
    }

    /// The request body as JSON, at most ``maximumRequestBytes``.
    static func body(_ request: inout Request) async throws -> JSONNode {
        let buffer: ByteBuffer
        do { buffer = try await request.collectBody(upTo: maximumRequestBytes) } catch {
            throw HTTPError(.contentTooLarge, message: "the request body is larger than \(maximumRequestBytes) bytes")
        }
        do throws(JSONSyntaxError) { return try JSONReader.parse(Array(buffer.readableBytesView)) } catch {
            throw HTTPError(.badRequest, message: "the request body is not JSON: line \(error.line): \(error.message)")
        }
    }

    static func version(_ body: JSONNode, required: Bool) throws(WorkbenchError) -> String? {
        guard let version = body["version"]?.string else {
            if required { throw .badRequest("\"version\" is missing: send the version of the article the page shows") }
            return nil
        }
        return version
    }

    static func json(_ applied: AppliedEdits, article: ArticleView) -> JSONValue {
        .object([
            "version": .string(applied.version),
            "created": .array(applied.created.map(JSONValue.string)),
            "labels": .object(applied.labels.mapValues(JSONValue.string)),
            "removed": .array(applied.removed.map(JSONValue.string)),
            "warnings": .array(applied.warnings.map(\.json)),
            "changed": .bool(applied.changed),
            "article": article.json(.annotations),
        ])
    }

    /// Runs `body` and maps what the workbench says to a status: 200, or 400/404/409/422.
    static func answer(_ body: () throws(WorkbenchError) -> JSONValue) -> Response {
        do throws(WorkbenchError) {
            return Responses.json(try body())
        } catch {
            switch error {
            case .notFound(let name): return Responses.error(.notFound, "no article \(name) in the folder")
            case .badRequest(let message): return Responses.error(.badRequest, message)
            case .stale(let current):
                return Responses.error(.conflict, "the article changed since the page loaded it (another tab, annotator or the command line); it was reloaded, nothing was written", extra: ["version": .string(current)])
            case .historyBroken:
                return Responses.error(.conflict, "the article changed outside the workbench since the last change made here, so undo and redo would lose that change; the history of this article was cleared")
            case .refused(let refusal): return Responses.error(.unprocessableContent, refusal.message, diagnostics: refusal.diagnostics)
            case .unreadable(let diagnostics): return Responses.error(.unprocessableContent, "the article cannot be read; fix it first (argmark validate lists the errors)", diagnostics: diagnostics)
            }
        }
    }
}
