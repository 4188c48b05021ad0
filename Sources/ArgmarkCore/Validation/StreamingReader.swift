import CLibXML2

/// Reads an argmark document from libxml2's SAX2 events while the compiled XSD checks the same
/// stream (`xmlSchemaSAXPlug`), so that no libxml2 tree is built, walked and freed.
///
/// Only the elements the decoder reads are kept, in one flat store (``StreamedDocument``): the root, its sections
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
        /// Whether libxml2 checked the identity constraints (the whole schema was plugged in), or
        /// ``IdentityConstraints`` found that they hold.
        var identityConstraintsByLibXML = true
    }

    /// Reads `bytes` with the schema's identity constraints checked by ``IdentityConstraints``
    /// when that settles them (the file is otherwise valid and meets them all), else reads them
    /// again with the whole schema plugged in, so that every finding is worded and placed by libxml2.
    static func read(_ bytes: [UInt8], path: String, schema: SchemaValidator) -> Outcome {
        if let problem = PrologScanner.problem(in: bytes, path: path) {
            return Outcome(root: nil, parseFailure: [problem], schemaDiagnostics: [])
        }
        if let withoutIdentityConstraints = schema.withoutIdentityConstraints {
            var outcome = read(bytes, path: path, plugging: withoutIdentityConstraints, schema: schema)
            if outcome.parseFailure.isEmpty, outcome.schemaDiagnostics.isEmpty, let root = outcome.root,
               IdentityConstraints.certainlyHold(in: root) {
                outcome.identityConstraintsByLibXML = false
                return outcome
            }
        }
        // The whole schema is compiled (at its first use) before the pass captures libxml2's errors.
        let whole = schema.pointer
        return read(bytes, path: path, plugging: whole, schema: schema)
    }

    /// One pass over `bytes` with the compiled schema `compiled` plugged into the parser's events;
    /// `schema` words what it finds.
    private static func read(_ bytes: [UInt8], path: String, plugging compiled: xmlSchemaPtr, schema: SchemaValidator) -> Outcome {
        let collector = StreamCollector(capacity: bytes.count)
        let schemaSink = LibXMLIssueSink()
        schemaSink.fallbackLine = { [unowned collector] message in collector.line(for: message) }
        let (parsed, parseIssues) = LibXML.capturingIssues { _ -> Bool in
            guard let validation = xmlSchemaNewValidCtxt(compiled) else { return false }
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
        let root = collector.finish().root
        if !parsed || !errors.isEmpty || collector.sawDoctype || root == nil {
            var diagnostics = errors.map { issue in
                let (rule, message) = SafeXMLParser.clarify(issue.message)
                return Diagnostic(.error, rule, message, at: SourceLocation(path: path, line: issue.line > 0 ? issue.line : nil, column: issue.column))
            }
            if diagnostics.isEmpty, collector.sawDoctype {
                diagnostics.append(Diagnostic(.error, .doctypeForbidden, "DOCTYPE declarations are not allowed in argmark files (they can load external files and expand entities); remove it", at: SourceLocation(path: path)))
            }
            if diagnostics.isEmpty, parsed, root == nil {
                diagnostics.append(Diagnostic(.error, .wellFormed, "document has no root element", at: SourceLocation(path: path)))
            }
            if diagnostics.isEmpty {
                diagnostics.append(Diagnostic(.error, .wellFormed, "file is not well-formed XML", at: SourceLocation(path: path)))
            }
            return Outcome(root: nil, parseFailure: diagnostics, schemaDiagnostics: [])
        }
        var issues = schemaSink.issues
        if let root { relocateKeyrefIssues(&issues, root: root) }
        return Outcome(root: root, parseFailure: [], schemaDiagnostics: schema.diagnostics(for: issues, path: path), textPieces: collector.textPieces)
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
            search: for section in root.elementChildren where section.isArgmark(keyref.section) {
                for item in section.elementChildren where item.isArgmark(keyref.item) && item.attribute(keyref.attribute) == value {
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

/// The elements kept from the stream, in one flat store: each element is a fixed-size record
/// addressed by its index, and its name, attributes and text are ranges of one byte pool. Keeping
/// an element copies its bytes once and allocates nothing of its own; an element built as a value
/// of arrays was copied and destroyed as it was pushed, tested and appended to its parent (about
/// as much work as the libxml2 tree the stream replaced).
struct StreamedStore {
    struct Node {
        var isArgmark: Bool
        var nameStart: Int
        var nameCount: Int
        var line: Int
        var firstAttribute: Int
        var attributeCount = 0
        /// The element's text pieces, a list through ``Piece/next``; -1 when it has none.
        var firstPiece = -1
        var lastPiece = -1
        var firstChild = -1
        var lastChild = -1
        var nextSibling = -1
    }

    struct Attribute {
        var nameStart: Int
        var nameCount: Int
        var valueStart: Int
        var valueCount: Int
    }

    /// A run of text. An element's text is almost always one piece (``TextCoalescer`` joins each
    /// run); it is more only where kept children or comments interrupt it.
    struct Piece {
        var start: Int
        var count: Int
        var next = -1
    }

    var nodes: [Node] = []
    var attributes: [Attribute] = []
    var pieces: [Piece] = []
    var pool: [UInt8] = []

    init(capacity: Int) {
        pool.reserveCapacity(capacity)
    }

    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        let start = pool.count
        pool.append(contentsOf: bytes)
        return start
    }

    func poolEquals(_ start: Int, _ count: Int, _ name: StaticString) -> Bool {
        count == name.utf8CodeUnitCount && pool.withUnsafeBufferPointer { Platform.bytesEqual($0.baseAddress! + start, name.utf8Start, count: count) }
    }

    func string(_ start: Int, _ count: Int) -> String {
        pool.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[start..<start + count]), as: UTF8.self) }
    }
}

/// A finished store, shared by the views into it. Its store is a constant: reading a variable
/// stored in a class costs a run-time exclusivity check per access, which on every attribute and
/// child was a tenth of the decoder's work.
final class StreamedDocument {
    let store: StreamedStore

    init(_ store: StreamedStore) {
        self.store = store
    }

    var root: StreamedElement? { store.nodes.isEmpty ? nil : StreamedElement(document: self, index: 0) }
}

/// An element kept from the stream: what ``XMLNodeView`` offers the decoder.
struct StreamedElement: XMLNodeView {
    let document: StreamedDocument
    let index: Int

    func isArgmark(_ name: StaticString) -> Bool {
        let node = document.store.nodes[index]
        return node.isArgmark && document.store.poolEquals(node.nameStart, node.nameCount, name)
    }

    func attribute(_ name: StaticString) -> String? {
        let store = document.store
        let node = store.nodes[index]
        for index in node.firstAttribute..<node.firstAttribute + node.attributeCount {
            let attribute = store.attributes[index]
            if store.poolEquals(attribute.nameStart, attribute.nameCount, name) { return store.string(attribute.valueStart, attribute.valueCount) }
        }
        return nil
    }

    /// One walk over the attributes, as for libxml2's nodes.
    func attributes(_ names: [StaticString]) -> [String?] {
        var values = [String?](repeating: nil, count: names.count)
        let store = document.store
        let node = store.nodes[index]
        for index in node.firstAttribute..<node.firstAttribute + node.attributeCount {
            let attribute = store.attributes[index]
            for slot in names.indices where values[slot] == nil && store.poolEquals(attribute.nameStart, attribute.nameCount, names[slot]) {
                values[slot] = store.string(attribute.valueStart, attribute.valueCount)
                break
            }
        }
        return values
    }

    var text: String {
        let store = document.store
        var piece = store.nodes[index].firstPiece
        guard piece >= 0 else { return "" }
        let first = store.pieces[piece]
        if first.next < 0 { return store.string(first.start, first.count) }
        var bytes: [UInt8] = []
        while piece >= 0 {
            let current = store.pieces[piece]
            bytes.append(contentsOf: store.pool[current.start..<current.start + current.count])
            piece = current.next
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    var line: Int { document.store.nodes[index].line }

    var elementChildren: [StreamedElement] {
        let store = document.store
        var children: [StreamedElement] = []
        var child = store.nodes[index].firstChild
        while child >= 0 {
            children.append(StreamedElement(document: document, index: child))
            child = store.nodes[child].nextSibling
        }
        return children
    }
}

/// Receives the SAX2 events (passed to C as an unmanaged pointer) and keeps what the decoder reads.
///
/// Everything an event changes is one value (``State``), changed in place by one call per event:
/// each access to a variable stored in a class is checked for exclusivity at run time, and the
/// events touched several such variables many times each.
final class StreamCollector {
    var parser: xmlParserCtxtPtr?
    var sawDoctype = false
    private var state: State

    init(capacity: Int) {
        state = State(store: StreamedStore(capacity: capacity))
    }

    var textPieces: Int { state.textPieces }

    /// The elements kept, once the parse is over.
    func finish() -> StreamedDocument { StreamedDocument(state.store) }

    /// An open element, kept or not. `name` is libxml2's interned local name, alive as long as
    /// the parser: only ``line(for:)`` reads it, from inside the parse.
    private struct OpenElement {
        /// The kept element's index, or -1 for an element (and its subtree) that is not kept.
        var node: Int
        /// Whether this element collects its text.
        var collectsText: Bool
        var name: UnsafePointer<xmlChar>?
        var line: Int
    }

    private struct State {
        var store: StreamedStore
        /// Open elements from the root down.
        var open: [OpenElement] = []
        /// The element that ended last, while the schema's handler for that end runs.
        var justEnded: OpenElement?
        var textPieces = 0

        mutating func start(localName: UnsafePointer<xmlChar>?, isArgmark: Bool, line: Int, attributeCount: Int, attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) {
            let depth = open.count + 1
            justEnded = nil
            let parent = open.last?.node ?? -1
            let parentKept = open.isEmpty || parent >= 0
            guard parentKept, depth <= StreamCollector.keptDepth, depth == 1 || isArgmark else {
                open.append(OpenElement(node: -1, collectsText: false, name: localName, line: line))
                return
            }
            let nameCount = localName.map { Platform.cStringLength(UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self)) } ?? 0
            let nameStart = localName.map { store.append(UnsafeBufferPointer(start: $0, count: nameCount)) } ?? store.pool.count
            var node = StreamedStore.Node(isArgmark: isArgmark, nameStart: nameStart, nameCount: nameCount, line: line, firstAttribute: store.attributes.count)
            if let attributes {
                for index in 0..<attributeCount {
                    // Five pointers per attribute: local name, prefix, URI, value start, value end.
                    let base = index * 5
                    guard attributes[base + 2] == nil, let name = attributes[base], let start = attributes[base + 3], let end = attributes[base + 4] else { continue }
                    let count = Platform.cStringLength(UnsafeRawPointer(name).assumingMemoryBound(to: CChar.self))
                    let attributeNameStart = store.append(UnsafeBufferPointer(start: name, count: count))
                    let (valueStart, valueCount) = appendAttributeValue(start, end)
                    store.attributes.append(StreamedStore.Attribute(nameStart: attributeNameStart, nameCount: count, valueStart: valueStart, valueCount: valueCount))
                    node.attributeCount += 1
                }
            }
            let index = store.nodes.count
            store.nodes.append(node)
            if parent >= 0 {
                let previous = store.nodes[parent].lastChild
                if previous >= 0 { store.nodes[previous].nextSibling = index } else { store.nodes[parent].firstChild = index }
                store.nodes[parent].lastChild = index
            }
            // Text is read from `text` (a section) and from items; a section's own text is whitespace.
            let collects = depth == StreamCollector.keptDepth || (depth == 2 && isArgmark && store.poolEquals(nameStart, nameCount, "text"))
            open.append(OpenElement(node: index, collectsText: collects, name: localName, line: line))
        }

        mutating func end() {
            justEnded = open.popLast()
        }

        mutating func characters(_ pointer: UnsafePointer<xmlChar>?, _ count: Int) {
            justEnded = nil
            guard let pointer, count > 0, let innermost = open.last, innermost.collectsText else { return }
            textPieces += 1
            let start = store.append(UnsafeBufferPointer(start: pointer, count: count))
            let node = innermost.node
            let last = store.nodes[node].lastPiece
            // A piece that directly follows the element's last one in the pool extends it.
            if last >= 0, store.pieces[last].start + store.pieces[last].count == start {
                store.pieces[last].count += count
                return
            }
            let piece = store.pieces.count
            store.pieces.append(StreamedStore.Piece(start: start, count: count))
            if last >= 0 { store.pieces[last].next = piece } else { store.nodes[node].firstPiece = piece }
            store.nodes[node].lastPiece = piece
        }

        /// SAX2 hands attribute values with `&` written as `&#38;` (the tree builder re-reads them);
        /// no other `&` can reach here, so undoing exactly that gives the value the tree holds.
        /// Returns the value's range in the pool.
        private mutating func appendAttributeValue(_ start: UnsafePointer<xmlChar>, _ end: UnsafePointer<xmlChar>) -> (start: Int, count: Int) {
            let raw = UnsafeBufferPointer(start: start, count: end - start)
            let valueStart = store.pool.count
            guard raw.contains(UInt8(ascii: "&")) else {
                store.pool.append(contentsOf: raw)
                return (valueStart, raw.count)
            }
            let reference = StreamCollector.ampersandReference
            var index = 0
            while index < raw.count {
                if raw[index] == UInt8(ascii: "&"), raw.count - index >= reference.count,
                   raw[index..<index + reference.count].elementsEqual(reference) {
                    store.pool.append(UInt8(ascii: "&"))
                    index += reference.count
                } else {
                    store.pool.append(raw[index])
                    index += 1
                }
            }
            return (valueStart, store.pool.count - valueStart)
        }
    }

    /// The decoder reads the root, its children and their children (`article/units/unit`,
    /// `article/meta/title`), never deeper.
    fileprivate static let keptDepth = 3

    private static let namespace: [UInt8] = Array(ArticleXML.namespace.utf8)
    fileprivate static let ampersandReference: [UInt8] = Array("&#38;".utf8)

    func start(localName: UnsafePointer<xmlChar>?, uri: UnsafePointer<xmlChar>?, attributeCount: Int, attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) {
        let line = Int(parser.map { xmlSAX2GetLineNumber($0) } ?? 0)
        let isArgmark = uri.map { Self.equalsNamespace($0) } ?? false
        state.start(localName: localName, isArgmark: isArgmark, line: line, attributeCount: attributeCount, attributes: attributes)
    }

    func end() {
        state.end()
    }

    func characters(_ pointer: UnsafePointer<xmlChar>?, _ count: Int) {
        state.characters(pointer, count)
    }

    /// The line a tree validator would give an error libxml2 raised on the stream without one:
    /// that of the element the message names, the innermost such among the element that just
    /// ended (its end is being checked) and the open ones. A child that a simple-typed element
    /// may not hold, for example, is reported at the parent, as on a tree.
    func line(for message: String) -> Int {
        var candidates = state.open.reversed().map { $0 }
        if let justEnded = state.justEnded { candidates.insert(justEnded, at: 0) }
        if let start = message.firstRange(of: "Element '") {
            let qualified = message[start.upperBound...].prefix { $0 != "'" }
            let local = Array((qualified.split(separator: "}").last ?? qualified[...]).utf8)
            if let match = candidates.first(where: { Self.equal($0.name, local) }) { return match.line }
        }
        return candidates.first?.line ?? 0
    }

    private static func equal(_ name: UnsafePointer<xmlChar>?, _ bytes: [UInt8]) -> Bool {
        guard let name else { return bytes.isEmpty }
        return Platform.cStringLength(UnsafeRawPointer(name).assumingMemoryBound(to: CChar.self)) == bytes.count
            && bytes.withUnsafeBufferPointer { bytes.isEmpty || Platform.bytesEqual(name, $0.baseAddress!, count: bytes.count) }
    }

    private static func equalsNamespace(_ uri: UnsafePointer<xmlChar>) -> Bool {
        namespace.withUnsafeBufferPointer { expected in
            Platform.cStringLength(UnsafeRawPointer(uri).assumingMemoryBound(to: CChar.self)) == expected.count
                && Platform.bytesEqual(uri, expected.baseAddress!, count: expected.count)
        }
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
