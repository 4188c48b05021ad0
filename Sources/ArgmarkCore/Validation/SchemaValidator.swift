import CLibXML2
import Synchronization

/// The argmark XSD compiled by libxml2, once, and shared by every thread that validates.
///
/// A compiled `xmlSchema` is read-only once built; each validation creates its own context.
package final class SchemaValidator: @unchecked Sendable {
    /// A compiled schema, read-only once built.
    private struct Compiled: @unchecked Sendable {
        let pointer: xmlSchemaPtr
    }

    private let schemaBytes: [UInt8]
    /// The whole schema, compiled when first needed (a file the quick check does not settle, or
    /// a tree to validate): most runs of a one-file command never need it.
    private let whole = Mutex<Compiled?>(nil)
    /// The whole compiled schema, for the tree validator and the streaming reader.
    var pointer: xmlSchemaPtr {
        whole.withLock { compiled in
            if let compiled { return compiled.pointer }
            do {
                let made = Compiled(pointer: try Self.compile(schemaBytes))
                compiled = made
                return made.pointer
            } catch {
                // Only the identity constraints were not compiled before; argmark compiles only its own schema.
                fatalError("the schema compiles without its identity constraints but not with them: \(error)")
            }
        }
    }
    /// The same schema without its identity constraints (`xs:unique`, `xs:key`, `xs:keyref`), and
    /// the schema document it was compiled from (kept alive as long as the compiled schema).
    /// libxml2 spends about half of its validation on those constraints (it formats every key
    /// into a string to hash it); ``IdentityConstraints`` checks them on the decoded elements in
    /// a fraction of that, and the streaming reader validates with the whole schema again only
    /// when this one or that check finds anything. `nil` when the stripped schema does not compile.
    private let stripped: (schema: xmlSchemaPtr, document: xmlDocPtr)?
    /// The compiled schema without identity constraints, if there is one.
    var withoutIdentityConstraints: xmlSchemaPtr? { stripped?.schema }

    /// The schema compiled into argmark, the same bytes as `Schemas/argmark.xsd`.
    package static let shared: SchemaValidator = {
        do {
            return try SchemaValidator(schemaBytes: PackageResources.argmark_xsd)
        } catch {
            fatalError("argmark's own schema does not compile: \(error)")
        }
    }()

    /// Compiles a schema from its bytes without its identity constraints, and the whole schema
    /// when first needed; throws the compiler's errors if the schema without them does not
    /// compile (the whole schema is then compiled at once, and its errors thrown).
    package init(schemaBytes: [UInt8]) throws(SchemaCompilationError) {
        self.schemaBytes = schemaBytes
        stripped = Self.compileWithoutIdentityConstraints(schemaBytes)
        if stripped == nil {
            let compiled = Compiled(pointer: try Self.compile(schemaBytes))
            whole.withLock { $0 = compiled }
        }
    }

    private static func compile(_ schemaBytes: [UInt8]) throws(SchemaCompilationError) -> xmlSchemaPtr {
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
        return compiled
    }

    deinit {
        whole.withLock { compiled in
            if let compiled { xmlSchemaFree(compiled.pointer) }
        }
        if let stripped {
            xmlSchemaFree(stripped.schema)
            xmlFreeDoc(stripped.document)
        }
    }

    /// The local names of the XSD's identity-constraint elements.
    static let identityConstraintNames: Set<String> = ["unique", "key", "keyref"]

    /// Parses the schema document, removes every identity-constraint definition and compiles the rest.
    private static func compileWithoutIdentityConstraints(_ schemaBytes: [UInt8]) -> (schema: xmlSchemaPtr, document: xmlDocPtr)? {
        let (compiled, _) = LibXML.capturingIssues { _ -> (schema: xmlSchemaPtr, document: xmlDocPtr)? in
            let parsed = schemaBytes.withUnsafeBufferPointer { buffer in
                buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                    xmlReadMemory($0, Int32(buffer.count), nil, nil, Int32(XML_PARSE_NONET.rawValue))
                }
            }
            guard let document = parsed else { return nil }
            if let root = xmlDocGetRootElement(document) { removeIdentityConstraints(under: root) }
            guard let context = xmlSchemaNewDocParserCtxt(document) else {
                xmlFreeDoc(document)
                return nil
            }
            defer { xmlSchemaFreeParserCtxt(context) }
            guard let schema = xmlSchemaParse(context) else {
                xmlFreeDoc(document)
                return nil
            }
            return (schema, document)
        }
        return compiled
    }

    private static func removeIdentityConstraints(under node: xmlNodePtr) {
        var child = node.pointee.children
        while let current = child {
            child = current.pointee.next
            guard current.pointee.type == XML_ELEMENT_NODE else { continue }
            let local = current.pointee.name.map { String(cString: $0) } ?? ""
            let namespace = current.pointee.ns?.pointee.href.map { String(cString: $0) }
            if namespace == "http://www.w3.org/2001/XMLSchema", identityConstraintNames.contains(local) {
                xmlUnlinkNode(current)
                xmlFreeNode(current)
            } else {
                removeIdentityConstraints(under: current)
            }
        }
    }

    /// Validates a parsed document; each schema violation becomes a diagnostic at its line.
    package func validate(_ parsed: ParsedXML, path: String) -> [Diagnostic] {
        // Compiled (if it is the first use) outside the capture: compiling captures its own errors.
        let compiled = pointer
        let (_, issues) = LibXML.capturingIssues { sink in
            guard let context = xmlSchemaNewValidCtxt(compiled) else { return }
            defer { xmlSchemaFreeValidCtxt(context) }
            xmlSchemaSetValidStructuredErrors(context, LibXMLIssueSink.structuredCallback, Unmanaged.passUnretained(sink).toOpaque())
            _ = xmlSchemaValidateDoc(context, parsed.document.pointer)
        }
        return diagnostics(for: issues, path: path)
    }

    /// libxml2's schema errors as argmark's diagnostics, each said once.
    func diagnostics(for issues: [LibXMLIssue], path: String) -> [Diagnostic] {
        var seen: Set<String> = []
        var diagnostics: [Diagnostic] = []
        for issue in issues {
            let rule = Self.rule(for: issue.message)
            let undefinedSpeaker = rule == .unknownSpeaker ? issue.message.firstRange(of: "['").map { String(issue.message[$0.upperBound...].prefix { $0 != "'" }) } : nil
            let diagnostic = Diagnostic(issue.isWarning ? .warning : .error, rule, Self.clarify(issue.message),
                                        at: SourceLocation(path: path, line: issue.line > 0 ? issue.line : nil),
                                        remedies: undefinedSpeaker.map { [.defineSpeaker(id: $0, path: path)] } ?? [])
            // One duplicate id breaks several identity constraints at once; say it once.
            if seen.insert(diagnostic.description).inserted { diagnostics.append(diagnostic) }
        }
        return diagnostics
    }

    /// Identity constraints carry names in the XSD that say which reference broke.
    static func rule(for message: String) -> RuleID {
        if message.contains("Duplicate key-sequence") { return .duplicateID }
        if message.contains("unitSpeaker'") { return .unknownSpeaker }
        if message.contains("relationFrom'") || message.contains("relationTo'") { return .unknownUnit }
        if message.contains("propositionTarget'") { return .unknownTarget }
        return .schema
    }

    /// Rewrites libxml2's messages into the names users type; identity-constraint messages, which
    /// name XSD internals, become plain statements about ids.
    static func clarify(_ message: String) -> String {
        let plain = message.replacing("{\(ArticleXML.namespace)}", with: "")
        let element = plain.firstRange(of: "Element '").map { start in
            plain[start.upperBound...].prefix { $0 != "'" }
        }.map(String.init) ?? "element"
        let value = plain.firstRange(of: "['").map { start in
            plain[start.upperBound...].prefix { $0 != "'" }
        }.map(String.init)
        if plain.contains("No matching global declaration available for the validation root") {
            return "root element \(element.hasPrefix("{") ? element : "'\(element)' (in no namespace)") is not an argmark element; an argmark file's root is <article xmlns=\"\(ArticleXML.namespace)\"> or <corpus xmlns=\"\(ArticleXML.namespace)\">"
        }
        if plain.contains("Element content is not allowed, because the content type is a simple type definition") {
            return "<\(element)> holds text only, but has an element inside; remove it (argmark does not process XInclude or other markup there)"
        }
        if plain.contains("Duplicate key-sequence"), let value {
            return "\(element) id '\(value)' is already used in this file; ids must be unique within an article"
        }
        if plain.contains("No match found for key-sequence"), let value {
            let what: String
            if plain.contains("unitSpeaker'") { what = "speaker '\(value)' is not defined in <speakers>" }
            else if plain.contains("relationFrom'") { what = "from='\(value)' names no unit of this article" }
            else if plain.contains("relationTo'") { what = "to='\(value)' names no unit or relation of this article" }
            else if plain.contains("propositionTarget'") { what = "target '\(value)' is not defined in <targets>" }
            else { what = "reference '\(value)' is not defined" }
            return "\(element): \(what)"
        }
        return plain
    }
}

/// The errors libxml2 gave while compiling a schema.
package struct SchemaCompilationError: Error, CustomStringConvertible {
    package var messages: [String]
    package var description: String { messages.joined(separator: "\n") }
}
