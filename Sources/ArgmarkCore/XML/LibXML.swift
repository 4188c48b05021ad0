import CLibXML2

/// One-time libxml2 set-up, run before any parsing so that concurrent use is safe.
enum LibXML {
    /// Swift runs a global's initialiser exactly once, even when threads race to it.
    private static let initialized: Bool = {
        xmlInitParser()
        return true
    }()

    /// Runs `body` with every libxml2 error on this thread routed into a fresh sink.
    ///
    /// libxml2 keeps its structured error handler per thread, so concurrent captures on
    /// different threads do not see each other's errors; while a structured handler is set,
    /// libxml2 prints nothing to stderr.
    static func capturingIssues<Result>(_ body: (LibXMLIssueSink) throws -> Result) rethrows -> (Result, [LibXMLIssue]) {
        _ = initialized
        let sink = LibXMLIssueSink()
        let unmanaged = Unmanaged.passRetained(sink)
        xmlSetStructuredErrorFunc(unmanaged.toOpaque(), LibXMLIssueSink.structuredCallback)
        defer {
            xmlSetStructuredErrorFunc(nil, LibXMLIssueSink.discardingCallback)
            unmanaged.release()
        }
        let result = try body(sink)
        return (result, sink.issues)
    }
}

/// An error libxml2 reported, copied out of its callback.
struct LibXMLIssue: Sendable {
    var message: String
    var line: Int
    var column: Int?
    var isWarning: Bool
}

/// Collects libxml2 errors; passed to C callbacks as an unmanaged pointer.
final class LibXMLIssueSink {
    var issues: [LibXMLIssue] = []
    /// Caps what a hostile file can make us store.
    let limit = 200
    /// Where an error without a line happened, when the caller knows better than libxml2: the
    /// schema checks a stream without nodes, so it cannot say which element it was at.
    var fallbackLine: ((_ message: String) -> Int)?

    func record(_ error: xmlErrorPtr?) {
        guard let error, issues.count < limit else { return }
        var message = error.pointee.message.map { String(cString: $0) } ?? "unknown libxml2 error"
        while message.last == "\n" || message.last == " " { message.removeLast() }
        let column = Int(error.pointee.int2)
        var line = Int(error.pointee.line)
        if line <= 0, let fallbackLine { line = fallbackLine(message) }
        issues.append(LibXMLIssue(
            message: message,
            line: line,
            column: column > 0 ? column : nil,
            isWarning: error.pointee.level == XML_ERR_WARNING
        ))
    }
}

/// Owns a parsed libxml2 document and frees it.
final class LibXMLDocument {
    let pointer: xmlDocPtr
    init(_ pointer: xmlDocPtr) { self.pointer = pointer }
    deinit { xmlFreeDoc(pointer) }
}

extension LibXMLIssueSink {
    /// The C callback shape libxml2 uses for structured errors.
    static let structuredCallback: xmlStructuredErrorFunc = { userData, error in
        guard let userData else { return }
        Unmanaged<LibXMLIssueSink>.fromOpaque(userData).takeUnretainedValue().record(error)
    }
    /// Installed between captures so that nothing is ever printed by libxml2 itself.
    static let discardingCallback: xmlStructuredErrorFunc = { _, _ in }
}
