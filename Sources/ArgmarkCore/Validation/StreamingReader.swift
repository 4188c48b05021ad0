import CLibXML2

/// Reads an argmark document from libxml2's SAX2 events while the compiled XSD checks the same
/// stream (`xmlSchemaSAXPlug`), so that no libxml2 tree is built, walked and freed.
///
/// Only the elements the decoder reads are kept, as small Swift values: the root, its sections
/// (`meta`, `text`, `speakers`, `units`, …) and their items (`title`, `unit`, `relation`, …). The
/// same generic decoder as for a tree then turns them into the model, so both paths give the
/// same model by construction; a test compares their diagnostics on every fixture.
enum StreamingReader {
    /// What one pass over a file gave.
    struct Outcome {
        /// The argmark root and its kept descendants; `nil` when not well-formed or no root.
        var root: StreamedElement?
        /// Well-formedness failures, as ``SafeXMLParser`` reports them; when not empty, nothing else counts.
        var parseFailure: [Diagnostic]
        /// What the schema found, already worded as ``SchemaValidator`` words it.
        var schemaDiagnostics: [Diagnostic]
        /// How many pieces the kept elements' text came in: one per run of text between markup
        /// when ``TextCoalescer`` joins them, as a tree holds one text node per run.
        var textPieces = 0
    }

    static func read(_ bytes: [UInt8], path: String, schema: SchemaValidator) -> Outcome {
        if let problem = PrologScanner.problem(in: bytes, path: path) {
            return Outcome(root: nil, parseFailure: [problem], schemaDiagnostics: [])
        }
        let collector = StreamCollector()
        let schemaSink = LibXMLIssueSink()
        schemaSink.fallbackLine = { [unowned collector] message in collector.line(for: message) }
        let (parsed, parseIssues) = LibXML.capturingIssues { _ -> Bool in
            guard let validation = xmlSchemaNewValidCtxt(schema.pointer) else { return false }
            defer { xmlSchemaFreeValidCtxt(validation) }
            xmlSchemaSetValidStructuredErrors(validation, LibXMLIssueSink.structuredCallback, Unmanaged.passUnretained(schemaSink).toOpaque())
            return bytes.withUnsafeBufferPointer { buffer -> Bool in
                let created = buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                    xmlCreateMemoryParserCtxt($0, Int32(clamping: buffer.count))
                }
                guard let context = created else { return false }
                defer { xmlFreeParserCtxt(context) }
                context.pointee.sax.pointee = StreamCollector.handler
                context.pointee.userData = Unmanaged.passUnretained(collector).toOpaque()
                collector.parser = context
                xmlCtxtUseOptions(context, SafeXMLParser.options(forSize: bytes.count))
                // As xmlCtxtReadMemory does when told "UTF-8": the bytes are read as UTF-8 whatever they declare.
                if let utf8 = xmlFindCharEncodingHandler("UTF-8") { xmlSwitchToEncoding(context, utf8) }
                // The plug writes its own handler into the context's fields and puts the originals back on unplug,
                // so it must be given those fields themselves (xmlFreeParserCtxt frees the handler it finds there).
                guard let plug = xmlSchemaSAXPlug(validation, &context.pointee.sax, &context.pointee.userData) else { return false }
                let coalescer = TextCoalescer(context: context)
                xmlParseDocument(context)
                coalescer?.remove(from: context)
                xmlSchemaSAXUnplug(plug)
                return context.pointee.wellFormed != 0
            }
        }
        let errors = parseIssues.filter { !$0.isWarning }
        if !parsed || !errors.isEmpty || collector.sawDoctype || collector.root == nil {
            var diagnostics = errors.map { issue in
                let (rule, message) = SafeXMLParser.clarify(issue.message)
                return Diagnostic(.error, rule, message, at: SourceLocation(path: path, line: issue.line > 0 ? issue.line : nil, column: issue.column))
            }
            if diagnostics.isEmpty, collector.sawDoctype {
                diagnostics.append(Diagnostic(.error, .doctypeForbidden, "DOCTYPE declarations are not allowed in argmark files (they can load external files and expand entities); remove it", at: SourceLocation(path: path)))
            }
            if diagnostics.isEmpty, parsed, collector.root == nil {
                diagnostics.append(Diagnostic(.error, .wellFormed, "document has no root element", at: SourceLocation(path: path)))
            }
            if diagnostics.isEmpty {
                diagnostics.append(Diagnostic(.error, .wellFormed, "file is not well-formed XML", at: SourceLocation(path: path)))
            }
            return Outcome(root: nil, parseFailure: diagnostics, schemaDiagnostics: [])
        }
        var issues = schemaSink.issues
        if let root = collector.root { relocateKeyrefIssues(&issues, root: root) }
        return Outcome(root: collector.root, parseFailure: [], schemaDiagnostics: schema.diagnostics(for: issues, path: path), textPieces: collector.textPieces)
    }

    /// The referencing element of each XSD keyref, by keyref name: section, item, attribute.
    private static let keyrefs: [String: (section: StaticString, item: StaticString, attribute: StaticString)] = [
        "unitSpeaker": ("units", "unit", "speaker"),
        "relationFrom": ("relations", "relation", "from"),
        "relationTo": ("relations", "relation", "to"),
        "propositionTarget": ("propositions", "proposition", "target"),
    ]

    /// A keyref is resolved when its scope (the root) ends, and on a stream libxml2 then knows no
    /// better line than the root's; a tree names the referencing element. The k-th error for a
    /// keyref and value is the k-th element in document order that holds that value.
    static func relocateKeyrefIssues(_ issues: inout [LibXMLIssue], root: StreamedElement) {
        var used: [String: Int] = [:]
        for index in issues.indices where issues[index].message.contains("No match found for key-sequence") {
            let message = issues[index].message
            guard let valueStart = message.firstRange(of: "['"), let valueEnd = message[valueStart.upperBound...].firstRange(of: "']"),
                  let nameStart = message.firstRange(of: "of keyref '") else { continue }
            let value = String(message[valueStart.upperBound..<valueEnd.lowerBound])
            let qualified = message[nameStart.upperBound...].prefix { $0 != "'" }
            let name = String(qualified.split(separator: "}").last ?? qualified[...])
            guard let keyref = keyrefs[name] else { continue }
            let key = name + "\u{0}" + value
            let wanted = used[key, default: 0]
            var seen = 0
            search: for section in root.children where section.isArgmark(keyref.section) {
                for item in section.children where item.isArgmark(keyref.item) && item.attribute(keyref.attribute) == value {
                    if seen == wanted {
                        issues[index].line = item.line
                        break search
                    }
                    seen += 1
                }
            }
            used[key] = wanted + 1
        }
    }
}

/// An element kept from the stream: what ``XMLNodeView`` offers the decoder.
struct StreamedElement {
    var isArgmarkElement: Bool
    var name: [UInt8]
    /// Unqualified attributes only: argmark's own attributes have no namespace.
    var attributeNames: [[UInt8]] = []
    var attributeValues: [String] = []
    var textBytes: [UInt8] = []
    var line: Int
    var children: [StreamedElement] = []
}

extension StreamedElement: XMLNodeView {
    func isArgmark(_ name: StaticString) -> Bool {
        isArgmarkElement && Self.equal(self.name, name)
    }

    func attribute(_ name: StaticString) -> String? {
        for index in attributeNames.indices where Self.equal(attributeNames[index], name) { return attributeValues[index] }
        return nil
    }

    var text: String { String(decoding: textBytes, as: UTF8.self) }

    var elementChildren: [StreamedElement] { children }

    private static func equal(_ bytes: [UInt8], _ name: StaticString) -> Bool {
        guard bytes.count == name.utf8CodeUnitCount else { return false }
        return name.withUTF8Buffer { $0.elementsEqual(bytes) }
    }
}

/// Receives the SAX2 events (passed to C as an unmanaged pointer) and keeps what the decoder reads.
final class StreamCollector {
    var parser: xmlParserCtxtPtr?
    var root: StreamedElement?
    var sawDoctype = false
    private(set) var textPieces = 0
    /// Open elements from the root down; `nil` for an element (and its subtree) that is not kept.
    private var open: [StreamedElement?] = []
    /// Whether the innermost open element collects its text.
    private var collectsText: [Bool] = []
    /// The local names and start lines of every open element, kept or not.
    private var openElements: [(name: [UInt8], line: Int)] = []
    /// The element that ended last, while the schema's handler for that end runs.
    private var justEnded: (name: [UInt8], line: Int)?

    /// The decoder reads the root, its children and their children (`article/units/unit`,
    /// `article/meta/title`), never deeper.
    private static let keptDepth = 3

    private static let namespace: [UInt8] = Array(ArticleXML.namespace.utf8)
    private static let ampersandReference: [UInt8] = Array("&#38;".utf8)

    func start(localName: UnsafePointer<xmlChar>?, uri: UnsafePointer<xmlChar>?, attributeCount: Int, attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) {
        let depth = open.count + 1
        let line = Int(parser.map { xmlSAX2GetLineNumber($0) } ?? 0)
        let name = Self.bytes(localName)
        openElements.append((name, line))
        justEnded = nil
        let parentKept = open.isEmpty || open[open.count - 1] != nil
        let isArgmark = uri.map { Self.equalsNamespace($0) } ?? false
        guard parentKept, depth <= Self.keptDepth, depth == 1 || isArgmark else {
            open.append(nil)
            collectsText.append(false)
            return
        }
        var element = StreamedElement(isArgmarkElement: isArgmark, name: name, line: line)
        if let attributes {
            element.attributeNames.reserveCapacity(attributeCount)
            element.attributeValues.reserveCapacity(attributeCount)
            for index in 0..<attributeCount {
                // Five pointers per attribute: local name, prefix, URI, value start, value end.
                let base = index * 5
                guard attributes[base + 2] == nil, let name = attributes[base], let start = attributes[base + 3], let end = attributes[base + 4] else { continue }
                element.attributeNames.append(Self.bytes(name))
                element.attributeValues.append(Self.attributeValue(start, end))
            }
        }
        // Text is read from `text` (a section) and from items; a section's own text is whitespace.
        let collects = depth == Self.keptDepth || (depth == 2 && element.isArgmark("text"))
        open.append(element)
        collectsText.append(collects)
    }

    func end() {
        justEnded = openElements.removeLast()
        guard let finished = open.removeLast() else {
            collectsText.removeLast()
            return
        }
        collectsText.removeLast()
        if open.isEmpty {
            root = finished
        } else {
            open[open.count - 1]!.children.append(finished)
        }
    }

    func characters(_ pointer: UnsafePointer<xmlChar>?, _ count: Int) {
        justEnded = nil
        guard let pointer, count > 0, collectsText.last == true else { return }
        textPieces += 1
        open[open.count - 1]!.textBytes.append(contentsOf: UnsafeBufferPointer(start: pointer, count: count))
    }

    /// The line a tree validator would give an error libxml2 raised on the stream without one:
    /// that of the element the message names, the innermost such among the element that just
    /// ended (its end is being checked) and the open ones. A child that a simple-typed element
    /// may not hold, for example, is reported at the parent, as on a tree.
    func line(for message: String) -> Int {
        var candidates = openElements.reversed().map { $0 }
        if let justEnded { candidates.insert(justEnded, at: 0) }
        if let start = message.firstRange(of: "Element '") {
            let qualified = message[start.upperBound...].prefix { $0 != "'" }
            let local = Array((qualified.split(separator: "}").last ?? qualified[...]).utf8)
            if let match = candidates.first(where: { $0.name == local }) { return match.line }
        }
        return candidates.first?.line ?? 0
    }

    private static func equalsNamespace(_ uri: UnsafePointer<xmlChar>) -> Bool {
        namespace.withUnsafeBufferPointer { expected in
            Platform.cStringLength(UnsafeRawPointer(uri).assumingMemoryBound(to: CChar.self)) == expected.count
                && Platform.bytesEqual(uri, expected.baseAddress!, count: expected.count)
        }
    }

    private static func bytes(_ pointer: UnsafePointer<xmlChar>?) -> [UInt8] {
        guard let pointer else { return [] }
        return Array(UnsafeBufferPointer(start: pointer, count: Platform.cStringLength(UnsafeRawPointer(pointer).assumingMemoryBound(to: CChar.self))))
    }

    /// SAX2 hands attribute values with `&` written as `&#38;` (the tree builder re-reads them);
    /// no other `&` can reach here, so undoing exactly that gives the value the tree holds.
    private static func attributeValue(_ start: UnsafePointer<xmlChar>, _ end: UnsafePointer<xmlChar>) -> String {
        let raw = UnsafeBufferPointer(start: start, count: end - start)
        guard raw.contains(UInt8(ascii: "&")) else { return String(decoding: raw, as: UTF8.self) }
        var value: [UInt8] = []
        value.reserveCapacity(raw.count)
        var index = 0
        while index < raw.count {
            if raw[index] == UInt8(ascii: "&"), raw.count - index >= ampersandReference.count,
               raw[index..<index + ampersandReference.count].elementsEqual(ampersandReference) {
                value.append(UInt8(ascii: "&"))
                index += ampersandReference.count
            } else {
                value.append(raw[index])
                index += 1
            }
        }
        return String(decoding: value, as: UTF8.self)
    }

    private static func collector(_ context: UnsafeMutableRawPointer?) -> StreamCollector? {
        context.map { Unmanaged<StreamCollector>.fromOpaque($0).takeUnretainedValue() }
    }

    /// The SAX2 handler: only the events the decoder needs, and none that builds a tree.
    /// Read-only after its one initialisation; every parse copies it into its own context.
    nonisolated(unsafe) static let handler: xmlSAXHandler = {
        var sax = xmlSAXHandler()
        sax.initialized = UInt32(XML_SAX2_MAGIC)
        sax.startElementNs = { context, localName, _, uri, _, _, attributeCount, _, attributes in
            collector(context)?.start(localName: localName, uri: uri, attributeCount: Int(attributeCount), attributes: attributes)
        }
        sax.endElementNs = { context, _, _, _ in collector(context)?.end() }
        // Text reaches here joined into runs by ``TextCoalescer``; CDATA arrives as characters (XML_PARSE_NOCDATA).
        sax.characters = { context, pointer, count in collector(context)?.characters(pointer, Int(count)) }
        sax.ignorableWhitespace = sax.characters
        // Without a comment handler libxml2 does not keep a comment's text, and its errors about
        // a broken comment would then quote less than the tree parser's.
        sax.comment = { _, _ in }
        // Defence in depth: the prolog scan refuses every DOCTYPE before libxml2 sees the bytes.
        sax.internalSubset = { context, _, _, _ in collector(context)?.sawDoctype = true }
        sax.externalSubset = { context, _, _, _ in collector(context)?.sawDoctype = true }
        return sax
    }()
}

/// Sits in front of the schema plug and hands it each run of text as one event, as a tree holds
/// one text node per run.
///
/// The parser reports text in pieces (at every entity reference, every 300 bytes of non-ASCII
/// text), and libxml2's schema validator appends each piece to the element's value with
/// `xmlStrncat`, which measures the value so far every time: quadratic in the text's length
/// (a 4 MB text took minutes). Joined, the validator copies the value once.
///
/// Every other event first hands over the pending text, so the plug and the collector see the
/// events in the same order, with text between the same neighbours, as without the coalescer.
/// CDATA is text here: argmark parses with XML_PARSE_NOCDATA, so a tree merges it into the run.
final class TextCoalescer {
    private let next: UnsafeMutablePointer<xmlSAXHandler>
    private let nextData: UnsafeMutableRawPointer?
    private let handler: UnsafeMutablePointer<xmlSAXHandler>
    private var pending: [UInt8] = []

    /// Installs itself between `context` and the handler plugged into it; `nil` (nothing
    /// installed) when that handler uses a callback the coalescer does not forward.
    init?(context: xmlParserCtxtPtr) {
        guard let plugged = context.pointee.sax, Self.forwardsEverything(plugged.pointee) else { return nil }
        next = plugged
        nextData = context.pointee.userData
        handler = .allocate(capacity: 1)
        handler.initialize(to: Self.forwarder(for: plugged.pointee))
        context.pointee.sax = handler
        context.pointee.userData = Unmanaged.passUnretained(self).toOpaque()
    }

    deinit {
        handler.deinitialize(count: 1)
        handler.deallocate()
    }

    /// Hands over any pending text and gives `context` back the plugged handler, as the plug's
    /// unplugging expects to find it.
    func remove(from context: xmlParserCtxtPtr) {
        flush()
        context.pointee.sax = next
        context.pointee.userData = nextData
    }

    private func append(_ pointer: UnsafePointer<xmlChar>?, _ count: Int32) {
        guard let pointer, count > 0 else { return }
        pending.append(contentsOf: UnsafeBufferPointer(start: pointer, count: Int(count)))
    }

    private func flush() {
        guard !pending.isEmpty else { return }
        pending.withUnsafeBufferPointer { buffer in
            next.pointee.characters?(nextData, buffer.baseAddress, Int32(clamping: buffer.count))
        }
        pending.removeAll(keepingCapacity: true)
    }

    private static func from(_ context: UnsafeMutableRawPointer?) -> TextCoalescer {
        Unmanaged<TextCoalescer>.fromOpaque(context!).takeUnretainedValue()
    }

    /// Whether every callback `plugged` sets is one the forwarder passes on.
    private static func forwardsEverything(_ plugged: xmlSAXHandler) -> Bool {
        [plugged.isStandalone == nil, plugged.hasInternalSubset == nil, plugged.hasExternalSubset == nil,
         plugged.resolveEntity == nil, plugged.getEntity == nil, plugged.entityDecl == nil,
         plugged.notationDecl == nil, plugged.attributeDecl == nil, plugged.elementDecl == nil,
         plugged.unparsedEntityDecl == nil, plugged.setDocumentLocator == nil,
         plugged.startElement == nil, plugged.endElement == nil, plugged.warning == nil,
         plugged.error == nil, plugged.fatalError == nil, plugged.getParameterEntity == nil,
         plugged.serror == nil, plugged.characters != nil].allSatisfy { $0 }
    }

    /// The plugged handler's callbacks, each first handing over pending text; text is kept.
    private static func forwarder(for plugged: xmlSAXHandler) -> xmlSAXHandler {
        var sax = xmlSAXHandler()
        sax.initialized = plugged.initialized
        sax.characters = { context, pointer, count in TextCoalescer.from(context).append(pointer, count) }
        sax.ignorableWhitespace = sax.characters
        sax.cdataBlock = sax.characters
        if plugged.startElementNs != nil {
            sax.startElementNs = { context, localName, prefix, uri, namespaceCount, namespaces, attributeCount, defaulted, attributes in
                let coalescer = TextCoalescer.from(context)
                coalescer.flush()
                coalescer.next.pointee.startElementNs?(coalescer.nextData, localName, prefix, uri, namespaceCount, namespaces, attributeCount, defaulted, attributes)
            }
        }
        if plugged.endElementNs != nil {
            sax.endElementNs = { context, localName, prefix, uri in
                let coalescer = TextCoalescer.from(context)
                coalescer.flush()
                coalescer.next.pointee.endElementNs?(coalescer.nextData, localName, prefix, uri)
            }
        }
        if plugged.reference != nil {
            sax.reference = { context, name in
                let coalescer = TextCoalescer.from(context)
                coalescer.flush()
                coalescer.next.pointee.reference?(coalescer.nextData, name)
            }
        }
        if plugged.comment != nil {
            sax.comment = { context, value in
                let coalescer = TextCoalescer.from(context)
                coalescer.flush()
                coalescer.next.pointee.comment?(coalescer.nextData, value)
            }
        }
        if plugged.processingInstruction != nil {
            sax.processingInstruction = { context, target, data in
                let coalescer = TextCoalescer.from(context)
                coalescer.flush()
                coalescer.next.pointee.processingInstruction?(coalescer.nextData, target, data)
            }
        }
        if plugged.internalSubset != nil {
            sax.internalSubset = { context, name, externalID, systemID in
                let coalescer = TextCoalescer.from(context)
                coalescer.flush()
                coalescer.next.pointee.internalSubset?(coalescer.nextData, name, externalID, systemID)
            }
        }
        if plugged.externalSubset != nil {
            sax.externalSubset = { context, name, externalID, systemID in
                let coalescer = TextCoalescer.from(context)
                coalescer.flush()
                coalescer.next.pointee.externalSubset?(coalescer.nextData, name, externalID, systemID)
            }
        }
        if plugged.startDocument != nil {
            sax.startDocument = { context in
                let coalescer = TextCoalescer.from(context)
                coalescer.flush()
                coalescer.next.pointee.startDocument?(coalescer.nextData)
            }
        }
        if plugged.endDocument != nil {
            sax.endDocument = { context in
                let coalescer = TextCoalescer.from(context)
                coalescer.flush()
                coalescer.next.pointee.endDocument?(coalescer.nextData)
            }
        }
        return sax
    }
}
