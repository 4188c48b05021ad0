import CLibXML2

/// The argmark XSD compiled by libxml2, once, and shared by every thread that validates.
///
/// A compiled `xmlSchema` is read-only once built; each validation creates its own context.
public final class SchemaValidator: @unchecked Sendable {
    private let schema: xmlSchemaPtr

    /// The schema compiled into argmark, the same bytes as `Schemas/argmark.xsd`.
    public static let shared: SchemaValidator = {
        do {
            return try SchemaValidator(schemaBytes: PackageResources.argmark_xsd)
        } catch {
            fatalError("argmark's own schema does not compile: \(error)")
        }
    }()

    /// Compiles a schema from its bytes; throws the compiler's errors if it does not compile.
    public init(schemaBytes: [UInt8]) throws(SchemaCompilationError) {
        let (compiled, issues) = LibXML.capturingIssues { sink -> xmlSchemaPtr? in
            let context = schemaBytes.withUnsafeBufferPointer { buffer in
                buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                    xmlSchemaNewMemParserCtxt($0, Int32(buffer.count))
                }
            }
            guard let context else { return nil }
            defer { xmlSchemaFreeParserCtxt(context) }
            xmlSchemaSetParserStructuredErrors(context, LibXMLIssueSink.structuredCallback, Unmanaged.passUnretained(sink).toOpaque())
            return xmlSchemaParse(context)
        }
        guard let compiled else {
            throw SchemaCompilationError(messages: issues.map { "\($0.line): \($0.message)" })
        }
        schema = compiled
    }

    deinit { xmlSchemaFree(schema) }

    /// Validates a parsed document; each schema violation becomes a diagnostic at its line.
    public func validate(_ parsed: ParsedXML, path: String) -> [Diagnostic] {
        let (_, issues) = LibXML.capturingIssues { sink in
            guard let context = xmlSchemaNewValidCtxt(schema) else { return }
            defer { xmlSchemaFreeValidCtxt(context) }
            xmlSchemaSetValidStructuredErrors(context, LibXMLIssueSink.structuredCallback, Unmanaged.passUnretained(sink).toOpaque())
            _ = xmlSchemaValidateDoc(context, parsed.document.pointer)
        }
        return issues.map { issue in
            Diagnostic(issue.isWarning ? .warning : .error, Self.rule(for: issue.message), Self.clarify(issue.message),
                       at: SourceLocation(path: path, line: issue.line > 0 ? issue.line : nil))
        }
    }

    /// Identity constraints carry names in the XSD that say which reference broke.
    static func rule(for message: String) -> RuleID {
        if message.contains("Duplicate key-sequence") { return .duplicateID }
        if message.contains("unitSpeaker'") { return .unknownSpeaker }
        if message.contains("relationFrom'") || message.contains("relationTo'") { return .unknownUnit }
        if message.contains("propositionTarget'") { return .unknownTarget }
        return .schema
    }

    /// Rewrites libxml2's namespace-qualified element names into the names users type.
    static func clarify(_ message: String) -> String {
        message
            .replacing("{\(ArticleXML.namespace)}", with: "")
            .replacing("No match found for key-sequence [", with: "reference to an undefined id [")
    }
}

/// The errors libxml2 gave while compiling a schema.
public struct SchemaCompilationError: Error, CustomStringConvertible {
    public var messages: [String]
    public var description: String { messages.joined(separator: "\n") }
}
