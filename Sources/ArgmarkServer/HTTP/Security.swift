import ArgmarkCore
import HTTPTypes
import Hummingbird

/// The rules every request passes before it reaches a route (see the README, section Workbench):
/// a loopback Host (against DNS rebinding), the access token, changes only by POST/PUT/DELETE
/// with the token in a header, and headers that forbid framing, sniffing and foreign scripts.
struct SecurityMiddleware<Context: RequestContext>: RouterMiddleware {
    let token: String
    let port: @Sendable () -> Int

    static var tokenHeader: HTTPField.Name { HTTPField.Name("X-Argmark-Token")! }
    static var cookieName: String { "argmark_token" }

    /// Only the page's own scripts, styles and requests; no inline script, no framing, no forms.
    static var contentSecurityPolicy: String { "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'" }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await check(request, context: context, next: next)
        response.headers[.contentSecurityPolicy] = Self.contentSecurityPolicy
        response.headers[HTTPField.Name("X-Content-Type-Options")!] = "nosniff"
        response.headers[HTTPField.Name("X-Frame-Options")!] = "DENY"
        response.headers[HTTPField.Name("Referrer-Policy")!] = "no-referrer"
        response.headers[HTTPField.Name("Cross-Origin-Resource-Policy")!] = "same-origin"
        response.headers[.cacheControl] = "no-store"
        return response
    }

    func check(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard Self.isLoopbackHost(request.head.authority, port: port()) else {
            return Responses.error(.forbidden, "this server answers only to 127.0.0.1, localhost or [::1] with its port")
        }
        let method = request.method
        guard [.get, .head, .post, .put, .delete].contains(method) else {
            return Responses.error(.methodNotAllowed, "method \(method.rawValue) is not allowed")
        }
        // The link printed at start-up carries the token once; it becomes a cookie and the
        // address bar loses it, so it does not end up in the history or in a shared link.
        if method == .get, request.uri.path == "/", let offered = request.uri.queryParameters["token"].map(String.init) {
            guard Self.constantTimeEqual(offered, token) else { return Responses.error(.forbidden, "wrong access token; use the link argmark serve printed") }
            var response = Response(status: .seeOther, headers: [.location: "/"])
            response.headers[.setCookie] = "\(Self.cookieName)=\(token); Path=/; HttpOnly; SameSite=Strict"
            return response
        }
        let mutating = [.post, .put, .delete].contains(method)
        let presented: String?
        if mutating {
            // A cookie is sent by the browser on its own; only a header proves the page's script sent it.
            presented = request.headers[Self.tokenHeader]
        } else {
            presented = request.headers[Self.tokenHeader] ?? Self.cookie(Self.cookieName, in: request.headers[values: .cookie])
        }
        guard let presented else {
            return Responses.error(.unauthorized, mutating ? "changes need the access token in the X-Argmark-Token header" : "no access token; open the link argmark serve printed")
        }
        guard Self.constantTimeEqual(presented, token) else {
            return Responses.error(.forbidden, "wrong access token; open the link argmark serve printed")
        }
        return try await next(request, context)
    }

    /// Whether the Host header names this server on a loopback address.
    static func isLoopbackHost(_ authority: String?, port: Int) -> Bool {
        guard let authority else { return false }
        let host = authority.lowercased()
        return ["127.0.0.1:\(port)", "localhost:\(port)", "[::1]:\(port)"].contains(host)
    }

    static func cookie(_ name: String, in headers: [String]) -> String? {
        for header in headers {
            for part in header.split(separator: ";") {
                let pair = part.trimmingPrefix(" ")
                if pair.hasPrefix(name + "=") { return String(pair.dropFirst(name.count + 1)) }
            }
        }
        return nil
    }

    /// Compares without stopping at the first difference, so timing tells nothing about the token.
    static func constantTimeEqual(_ lhs: String, _ rhs: String) -> Bool {
        let left = Array(lhs.utf8), right = Array(rhs.utf8)
        guard left.count == right.count else { return false }
        var difference: UInt8 = 0
        for index in left.indices { difference |= left[index] ^ right[index] }
        return difference == 0
    }

    /// A new random token: 32 bytes from the system's secure generator, hex.
    static func makeToken() -> String {
        var generator = SystemRandomNumberGenerator()
        let hex = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        for _ in 0..<32 {
            let byte = UInt8.random(in: 0...255, using: &generator)
            out.append(hex[Int(byte >> 4)])
            out.append(hex[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}

/// Response helpers: JSON bodies from core's deterministic writer, errors in one shape.
enum Responses {
    static func json(_ value: JSONValue, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "application/json; charset=utf-8"],
                 body: ResponseBody(byteBuffer: ByteBuffer(bytes: value.renderedBytes())))
    }

    /// `{"error": message, "diagnostics": [...]}`, the diagnostics in the CLI's JSON shape.
    static func error(_ status: HTTPResponse.Status, _ message: String, diagnostics: [Diagnostic] = [], extra: [String: JSONValue] = [:]) -> Response {
        var members = extra
        members["error"] = .string(message)
        members["diagnostics"] = .array(diagnostics.map(\.json))
        return json(.object(members), status: status)
    }

    static func bytes(_ bytes: [UInt8], type: String) -> Response {
        Response(status: .ok, headers: [.contentType: type], body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}
