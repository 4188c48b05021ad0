import ArgmarkTestSupport
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A running `argmark serve`, started on a free port; stopped with SIGTERM by `stop()`.
final class ServeProcess {
    let process = Process()
    let port: Int
    let token: String
    let url: String
    private let errorURL: URL

    /// Starts `argmark serve` with `arguments` (through `executable`, the built argmark unless
    /// given) and waits (at most 60 s) for its first line.
    init(_ arguments: [String], executable: URL = ArgmarkProcess.executable) throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("argmark-serve-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        errorURL = scratch.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: errorURL.path, contents: nil)
        let output = Pipe()
        process.executableURL = executable
        process.arguments = ["serve"] + arguments
        process.standardOutput = output
        process.standardError = try FileHandle(forWritingTo: errorURL)
        process.standardInput = ArgmarkProcess.devNull
        try process.run()
        var line = Data()
        let deadline = Date().addingTimeInterval(60)
        let handle = output.fileHandleForReading
        while !line.contains(UInt8(ascii: "\n")) {
            guard Date() < deadline, process.isRunning || handle.availableData.count > 0 else { break }
            let chunk = handle.availableData
            if chunk.isEmpty { usleep(10_000); continue }
            line.append(chunk)
        }
        let first = String(decoding: line, as: UTF8.self).split(separator: "\n").first.map(String.init) ?? ""
        guard first.hasPrefix("http://127.0.0.1:"), let query = first.range(of: "/?token=") else {
            process.terminate()
            throw ServeFailure(message: "argmark serve printed \(first.debugDescription); stderr: \((try? String(contentsOf: errorURL, encoding: .utf8)) ?? "")")
        }
        url = first
        port = Int(first[first.index(first.startIndex, offsetBy: 17)..<query.lowerBound])!
        token = String(first[query.upperBound...])
    }

    var standardError: String { (try? String(contentsOf: errorURL, encoding: .utf8)) ?? "" }

    /// SIGTERM, then waits for the exit; returns the exit status.
    @discardableResult
    func stop() -> Int32 {
        if process.isRunning { kill(process.processIdentifier, SIGTERM) }
        let deadline = Date().addingTimeInterval(30)
        while process.isRunning && Date() < deadline { usleep(10_000) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        return process.terminationStatus
    }

    deinit { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
}

struct ServeFailure: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}

/// What the server answered.
struct HTTPReply {
    var status: Int
    var headers: [(String, String)]
    var body: Data

    func header(_ name: String) -> String? { headers.first { $0.0.lowercased() == name.lowercased() }?.1 }
    var text: String { String(decoding: body, as: UTF8.self) }
    var json: [String: Any] { (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] ?? [:] }
}

/// A raw HTTP/1.1 client over a socket: it sends the path and headers exactly as given (no
/// normalisation of `..` or `%2e`), which is what the traversal and Host tests need.
enum RawHTTP {
    static func request(port: Int, method: String = "GET", path: String, headers: [(String, String)] = [], body: Data? = nil, host: String? = nil) throws -> HTTPReply {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw ServeFailure(message: "socket failed") }
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var timeout = timeval(tv_sec: 30, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw ServeFailure(message: "connect to port \(port) failed") }
        var head = "\(method) \(path) HTTP/1.1\r\nHost: \(host ?? "127.0.0.1:\(port)")\r\nConnection: close\r\n"
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        if let body { head += "Content-Length: \(body.count)\r\n" }
        head += "\r\n"
        var bytes = Array(head.utf8) + (body.map(Array.init) ?? [])
        var sent = 0
        while sent < bytes.count {
            let count = bytes.withUnsafeMutableBytes { send(descriptor, $0.baseAddress! + sent, $0.count - sent, Int32(MSG_NOSIGNAL)) }
            if count <= 0 { break } // the server may close early (413): read what it said
            sent += count
        }
        var received = Data()
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = recv(descriptor, &buffer, buffer.count, 0)
            if count <= 0 { break }
            received.append(contentsOf: buffer[0..<count])
        }
        bytes.removeAll()
        return try parse(received)
    }

    static func parse(_ data: Data) throws -> HTTPReply {
        guard let split = data.range(of: Data("\r\n\r\n".utf8)) else { throw ServeFailure(message: "no HTTP reply: \(String(decoding: data, as: UTF8.self))") }
        let head = String(decoding: data[..<split.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
        let status = Int(head[0].split(separator: " ")[1]) ?? 0
        let headers = head.dropFirst().compactMap { line -> (String, String)? in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            return (String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
        }
        var body = Data(data[split.upperBound...])
        if headers.contains(where: { $0.0.lowercased() == "transfer-encoding" && $0.1.lowercased().contains("chunked") }) {
            body = dechunk(body)
        }
        return HTTPReply(status: status, headers: headers, body: body)
    }

    static func dechunk(_ data: Data) -> Data {
        var out = Data()
        var rest = data[...]
        while let lineEnd = rest.range(of: Data("\r\n".utf8)) {
            let sizeText = String(decoding: rest[..<lineEnd.lowerBound], as: UTF8.self).split(separator: ";")[0]
            guard let size = Int(sizeText, radix: 16), size > 0 else { break }
            let start = lineEnd.upperBound
            out.append(rest[start..<start + size])
            rest = rest[(start + size + 2)...]
        }
        return out
    }
}
