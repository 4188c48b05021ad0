import CLibXML2

/// What the argmark reader needs from an element, so that one decoder serves both the Swift tree
/// (``XMLElement``) and libxml2's own nodes, which it reads without copying the whole tree.
protocol XMLNodeView {
    /// Whether this is the element `name` in the argmark namespace.
    func isArgmark(_ name: StaticString) -> Bool
    func attribute(_ name: StaticString) -> String?
    /// The values of several attributes, in the order of `names`, read in one pass.
    func attributes(_ names: [StaticString]) -> [String?]
    /// The text directly inside the element.
    var text: String { get }
    var line: Int { get }
    var elementChildren: [Self] { get }
}

extension XMLNodeView {
    func attributes(_ names: [StaticString]) -> [String?] {
        names.map { attribute($0) }
    }

    func argmarkChild(_ name: StaticString) -> Self? {
        elementChildren.first { $0.isArgmark(name) }
    }

    func argmarkChildren(_ name: StaticString) -> [Self] {
        elementChildren.filter { $0.isArgmark(name) }
    }
}

extension StaticString {
    var string: String { withUTF8Buffer { String(decoding: $0, as: UTF8.self) } }
}

extension XMLElement: XMLNodeView {
    func isArgmark(_ name: StaticString) -> Bool {
        namespace == ArticleXML.namespace && self.name == name.string
    }

    func attribute(_ name: StaticString) -> String? { self[attribute: name.string] }

    var elementChildren: [XMLElement] { children }
}

/// A libxml2 element, read in place. Valid only while its document is alive.
struct LibXMLNodeView: XMLNodeView {
    let node: xmlNodePtr

    private static let namespace: [UInt8] = Array(ArticleXML.namespace.utf8) + [0]

    func isArgmark(_ name: StaticString) -> Bool {
        guard let namespace = node.pointee.ns, let href = namespace.pointee.href else { return false }
        return Self.equal(node.pointee.name, name) && Self.namespace.withUnsafeBufferPointer { xmlStrEqual(href, $0.baseAddress) == 1 }
    }

    func attribute(_ name: StaticString) -> String? {
        var attribute = node.pointee.properties
        while let current = attribute {
            // argmark's attributes are unqualified; a namespaced attribute of the same local name is another attribute.
            if current.pointee.ns == nil, Self.equal(current.pointee.name, name) {
                var value = ""
                var piece = current.pointee.children
                while let text = piece {
                    if let content = text.pointee.content { value += String(cString: content) }
                    piece = text.pointee.next
                }
                return value
            }
            attribute = current.pointee.next
        }
        return nil
    }

    /// One walk over the attribute list: a unit has about eight attributes out of fourteen
    /// possible, so looking each name up separately compared names ten times as often.
    func attributes(_ names: [StaticString]) -> [String?] {
        var values = [String?](repeating: nil, count: names.count)
        var attribute = node.pointee.properties
        while let current = attribute {
            if current.pointee.ns == nil, let name = current.pointee.name {
                let length = Platform.cStringLength(UnsafeRawPointer(name).assumingMemoryBound(to: CChar.self))
                for index in names.indices where names[index].utf8CodeUnitCount == length && values[index] == nil {
                    if Platform.bytesEqual(name, names[index].utf8Start, count: length) {
                        values[index] = Self.value(of: current)
                        break
                    }
                }
            }
            attribute = current.pointee.next
        }
        return values
    }

    private static func value(of attribute: xmlAttrPtr) -> String {
        // Without a DTD an attribute's children are plain text nodes, almost always exactly one.
        guard let first = attribute.pointee.children else { return "" }
        if first.pointee.next == nil, let content = first.pointee.content { return String(cString: content) }
        var value = ""
        var piece: xmlNodePtr? = first
        while let text = piece {
            if let content = text.pointee.content { value += String(cString: content) }
            piece = text.pointee.next
        }
        return value
    }

    var text: String {
        var result = ""
        var child = node.pointee.children
        while let current = child {
            if current.pointee.type == XML_TEXT_NODE || current.pointee.type == XML_CDATA_SECTION_NODE, let content = current.pointee.content {
                result += String(cString: content)
            }
            child = current.pointee.next
        }
        return result
    }

    var line: Int { Int(xmlGetLineNo(node)) }

    var elementChildren: [LibXMLNodeView] {
        var result: [LibXMLNodeView] = []
        var child = node.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE { result.append(LibXMLNodeView(node: current)) }
            child = current.pointee.next
        }
        return result
    }

    private static func equal(_ value: UnsafePointer<xmlChar>?, _ name: StaticString) -> Bool {
        guard let value else { return false }
        return name.withUTF8Buffer { buffer in
            for index in 0..<buffer.count where value[index] != buffer[index] { return false }
            return value[buffer.count] == 0
        }
    }
}
