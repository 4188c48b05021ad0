import CLibXML2

/// An attribute as it appears in the file.
package struct XMLAttribute: Hashable, Sendable {
    package var name: String
    package var namespace: String?
    package var value: String
}

/// An element of a parsed XML file, in plain Swift values, with the line it starts on.
///
/// Importers and the argmark reader both work on this tree, so every XML file argmark reads goes
/// through the same hardened parser (``SafeXMLParser``).
package struct XMLElement: Sendable {
    package var name: String
    package var namespace: String?
    package var attributes: [XMLAttribute]
    package var children: [XMLElement]
    /// The concatenated text and CDATA directly inside this element (not inside its children).
    package var text: String
    package var line: Int

    /// The value of the attribute named `name` without a namespace.
    package subscript(attribute name: String) -> String? {
        attributes.first { $0.name == name && $0.namespace == nil }?.value
    }

    /// The child elements named `name`.
    package func children(named name: String) -> [XMLElement] {
        children.filter { $0.name == name }
    }

    /// The first child element named `name`.
    package func child(named name: String) -> XMLElement? {
        children.first { $0.name == name }
    }
}

/// Why a file could not be parsed, as diagnostics.
package struct XMLParseFailure: Error, Sendable {
    package var diagnostics: [Diagnostic]
}

/// A parsed document: the Swift tree plus the libxml2 document, kept for schema validation so
/// that no file is parsed twice.
package struct ParsedXML: @unchecked Sendable {
    let document: LibXMLDocument
    let rootNode: xmlNodePtr

    /// The document as a Swift tree, built on each access (argmark's own reader walks the
    /// libxml2 nodes directly and never needs it).
    package var root: XMLElement { SafeXMLParser.makeElement(rootNode) }

    /// The root element as a cheap view over libxml2's nodes.
    var rootView: LibXMLNodeView { LibXMLNodeView(node: rootNode) }
}

/// Parses XML with every network, DTD and entity feature of libxml2 turned off.
///
/// A file with a DOCTYPE is refused before libxml2 sees it: argmark files never need one, and
/// refusing it outright closes external entities, entity expansion and external DTDs at once.
package enum SafeXMLParser {
    /// Files larger than this are parsed with `XML_PARSE_HUGE` (libxml2's text-node limit is 10,000,000 bytes).
    static let hugeInputThreshold = 9_000_000

    /// The parser options of every argmark read, tree or stream: no network, CDATA as text, line
    /// numbers past 65,535, nothing printed by libxml2 itself. libxml2 refuses a text node over
    /// 10,000,000 bytes ("Huge input lookup") unless told otherwise; argmark's own bound is the
    /// file size it reads (FileSystem.maximumFileSize), so larger files lift libxml2's. Smaller
    /// ones keep its default limits (depth 256 among them).
    static func options(forSize size: Int) -> Int32 {
        var options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOCDATA.rawValue | XML_PARSE_COMPACT.rawValue
            | XML_PARSE_BIG_LINES.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
        if size > hugeInputThreshold { options |= Int32(XML_PARSE_HUGE.rawValue) }
        return options
    }

    /// Parses `bytes`; on failure returns diagnostics located in `path`.
    package static func parse(_ bytes: [UInt8], path: String) -> Result<ParsedXML, XMLParseFailure> {
        if let problem = PrologScanner.problem(in: bytes, path: path) {
            return .failure(XMLParseFailure(diagnostics: [problem]))
        }
        let parserOptions = options(forSize: bytes.count)
        let (document, issues) = LibXML.capturingIssues { _ -> xmlDocPtr? in
            guard let context = xmlNewParserCtxt() else { return nil }
            defer { xmlFreeParserCtxt(context) }
            return bytes.withUnsafeBufferPointer { buffer in
                buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { base in
                    xmlCtxtReadMemory(context, base, Int32(clamping: buffer.count), path, "UTF-8", parserOptions)
                }
            }
        }
        let errors = issues.filter { !$0.isWarning }
        guard let document, errors.isEmpty else {
            if let document { xmlFreeDoc(document) }
            var diagnostics = errors.map { issue in
                let (rule, message) = clarify(issue.message)
                return Diagnostic(.error, rule, message, at: SourceLocation(path: path, line: issue.line > 0 ? issue.line : nil, column: issue.column))
            }
            if diagnostics.isEmpty {
                diagnostics.append(Diagnostic(.error, .wellFormed, "file is not well-formed XML", at: SourceLocation(path: path)))
            }
            return .failure(XMLParseFailure(diagnostics: diagnostics))
        }
        let owned = LibXMLDocument(document)
        // Defence in depth: the prolog scan refuses DOCTYPEs, but should one ever get past it, a
        // document with a DTD is still refused here, before any of its content is used.
        if document.pointee.intSubset != nil || document.pointee.extSubset != nil {
            return .failure(XMLParseFailure(diagnostics: [Diagnostic(.error, .doctypeForbidden, "DOCTYPE declarations are not allowed in argmark files (they can load external files and expand entities); remove it", at: SourceLocation(path: path))]))
        }
        guard let rootNode = xmlDocGetRootElement(document) else {
            return .failure(XMLParseFailure(diagnostics: [Diagnostic(.error, .wellFormed, "document has no root element", at: SourceLocation(path: path))]))
        }
        return .success(ParsedXML(document: owned, rootNode: rootNode))
    }

    /// libxml2's messages rewritten where they would not tell an argmark user what to do, and
    /// always on one line (libxml2 puts the offending bytes on a second line).
    static func clarify(_ message: String) -> (RuleID, String) {
        func trimmed(_ text: Substring) -> String {
            String(text.drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
        }
        let oneLine = message.split(whereSeparator: \.isNewline).map(trimmed).filter { !$0.isEmpty }.joined(separator: "; ")
        if message.hasPrefix("Input is not proper UTF-8") || message.hasPrefix("Invalid bytes in character encoding") {
            let bytes = message.firstRange(of: "Bytes:").map { trimmed(message[$0.upperBound...]) }
            return (.encoding, "file is not valid UTF-8\(bytes.map { " (bytes \($0))" } ?? ""); argmark reads UTF-8 only: convert it (for example iconv -f WINDOWS-1252 -t UTF-8 IN > OUT)")
        }
        if message.hasPrefix("Excessive depth in document") {
            let limit = message.split(whereSeparator: { !$0.isNumber }).first.map(String.init) ?? "256"
            return (.wellFormed, "elements are nested more than \(limit) levels deep; argmark files nest only a few levels, so this is not an argmark file")
        }
        if message.hasPrefix("xmlParseCharRef: invalid xmlChar value") {
            let value = message.split(separator: " ").last.map(String.init) ?? "?"
            return (.wellFormed, "character reference to code point \(value), a control character XML 1.0 cannot hold; remove it")
        }
        if message.hasPrefix("Char 0x0 out of allowed range") {
            return (.encoding, "file contains a NUL byte, which XML cannot hold; is it a binary file, or UTF-16? argmark reads UTF-8 text only")
        }
        return (.wellFormed, oneLine)
    }

    /// Converts libxml2's tree to Swift values without recursion, so no nesting depth can
    /// overflow the stack (libxml2 stops at 256 levels today, but this code does not rely on it).
    static func makeElement(_ root: xmlNodePtr) -> XMLElement {
        var stack: [(element: XMLElement, next: xmlNodePtr?)] = [(makeShell(root), root.pointee.children)]
        while true {
            guard let current = stack[stack.count - 1].next else {
                let finished = stack.removeLast().element
                if stack.isEmpty { return finished }
                stack[stack.count - 1].element.children.append(finished)
                continue
            }
            stack[stack.count - 1].next = current.pointee.next
            switch current.pointee.type {
            case XML_ELEMENT_NODE:
                stack.append((makeShell(current), current.pointee.children))
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = current.pointee.content { stack[stack.count - 1].element.text += String(cString: content) }
            default:
                break
            }
        }
    }

    /// An element with its name, namespace, attributes and line, and no content yet.
    private static func makeShell(_ node: xmlNodePtr) -> XMLElement {
        var attributes: [XMLAttribute] = []
        var attribute = node.pointee.properties
        while let current = attribute {
            let name = String(cString: current.pointee.name)
            let namespace = current.pointee.ns.flatMap { $0.pointee.href.map { String(cString: $0) } }
            // Without a DTD an attribute's children are plain text nodes.
            var value = ""
            var piece = current.pointee.children
            while let text = piece {
                if let content = text.pointee.content { value += String(cString: content) }
                piece = text.pointee.next
            }
            attributes.append(XMLAttribute(name: name, namespace: namespace, value: value))
            attribute = current.pointee.next
        }
        return XMLElement(
            name: String(cString: node.pointee.name),
            namespace: node.pointee.ns.flatMap { $0.pointee.href.map { String(cString: $0) } },
            attributes: attributes,
            children: [],
            text: "",
            line: Int(xmlGetLineNo(node))
        )
    }
}

/// Looks at what precedes the root element: encoding and DOCTYPE, the two things argmark refuses
/// before handing a file to libxml2.
enum PrologScanner {
    static func problem(in bytes: [UInt8], path: String) -> Diagnostic? {
        if bytes.isEmpty {
            return Diagnostic(.error, .wellFormed, "file is empty; an argmark file starts with <?xml version=\"1.0\" encoding=\"UTF-8\"?>", at: SourceLocation(path: path))
        }
        // A byte-order mark, or "<" followed or preceded by a zero byte, is UTF-16 or UTF-32.
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) || bytes.starts(with: [0x3C, 0x00]) || bytes.starts(with: [0x00, 0x3C]) || bytes.starts(with: [0x00, 0x00, 0x00, 0x3C]) {
            return Diagnostic(.error, .encoding, "file is UTF-16 or UTF-32; argmark reads UTF-8 only (convert it with iconv -t UTF-8)", at: SourceLocation(path: path, line: 1, column: 1))
        }
        var index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var line = 1
        var lineStart = index
        // Compares in place: this runs on every file, so it must not allocate.
        func matches(_ literal: StaticString, at position: Int) -> Bool {
            let count = literal.utf8CodeUnitCount
            guard bytes.count - position >= count else { return false }
            return literal.withUTF8Buffer { utf8 in
                for offset in 0..<count where bytes[position + offset] != utf8[offset] { return false }
                return true
            }
        }
        func startsWith(_ literal: StaticString) -> Bool { matches(literal, at: index) }
        func skip(until terminator: StaticString) {
            while index < bytes.count {
                if bytes[index] == UInt8(ascii: "\n") { line += 1; lineStart = index + 1 }
                if matches(terminator, at: index) {
                    index += terminator.utf8CodeUnitCount
                    return
                }
                index += 1
            }
        }
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\n") { line += 1; lineStart = index + 1; index += 1; continue }
            if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r") { index += 1; continue }
            if startsWith("<?xml ") || startsWith("<?xml\t") {
                let declarationStart = index
                skip(until: "?>")
                // Byte search: generic string searching costs more than parsing a small file.
                var encodingEnd: Int?
                for position in declarationStart..<index where matches("encoding", at: position) {
                    encodingEnd = position + 8
                    break
                }
                if let encodingEnd {
                    let declaration = String(decoding: bytes[encodingEnd..<index], as: UTF8.self).lowercased()
                    let rest = declaration.drop { $0 == " " || $0 == "=" || $0 == "\"" || $0 == "'" }
                    let name = rest.prefix { $0 != "\"" && $0 != "'" }
                    if name != "utf-8" && name != "utf8" {
                        return Diagnostic(.error, .encoding, "file declares encoding \"\(name)\"; argmark reads UTF-8 only", at: SourceLocation(path: path, line: 1, column: 1))
                    }
                }
                continue
            }
            if startsWith("<?") { skip(until: "?>"); continue }
            if startsWith("<!--") { skip(until: "-->"); continue }
            if startsWith("<!DOCTYPE") || startsWith("<!doctype") {
                return Diagnostic(.error, .doctypeForbidden, "DOCTYPE declarations are not allowed in argmark files (they can load external files and expand entities); remove it", at: SourceLocation(path: path, line: line, column: index - lineStart + 1))
            }
            if byte != UInt8(ascii: "<") {
                // Binary files, NUL padding, plain text: say what it is rather than libxml2's "Document is empty".
                let hex = String(byte, radix: 16, uppercase: true)
                return Diagnostic(.error, .wellFormed, "file is not XML: byte 0x\(hex.count == 1 ? "0" + hex : hex) where markup should start; an argmark file starts with <?xml version=\"1.0\" encoding=\"UTF-8\"?>", at: SourceLocation(path: path, line: line, column: index - lineStart + 1))
            }
            return nil
        }
        return Diagnostic(.error, .wellFormed, "file has no root element (only whitespace, comments or processing instructions); an argmark file holds an <article> or a <corpus>", at: SourceLocation(path: path))
    }
}
