import ArgmarkCore

/// An arg-microtexts argumentation graph (`arggraph.dtd`): text segments (EDUs), optional joints,
/// argumentative units (ADUs) with a dialectical role, and typed edges between them.
package struct Arggraph: Sendable, Equatable {
    package struct EDU: Sendable, Equatable {
        package var id: String
        package var text: String
        /// Part 2 marks reconstructed premises and conclusions `implicit="true"`.
        package var isImplicit: Bool
        package var line: Int
    }

    package struct ADU: Sendable, Equatable {
        package var id: String
        /// `pro` (proponent) or `opp` (opponent).
        package var role: String
        package var line: Int
    }

    package struct Edge: Sendable, Equatable {
        package var id: String
        package var source: String
        package var target: String
        /// `seg`, `sup`, `exa`, `add`, `reb` or `und`.
        package var type: String
        package var line: Int
    }

    package static let edgeTypes: Set<String> = ["seg", "sup", "exa", "add", "reb", "und"]

    package var id: String
    /// Attributes of `arggraph` other than `id`, in file order (`topic_id`, `stance`).
    package var attributes: [(name: String, value: String)]
    package var edus: [EDU]
    package var joints: [(id: String, line: Int)]
    package var adus: [ADU]
    package var edges: [Edge]

    package static func == (lhs: Arggraph, rhs: Arggraph) -> Bool {
        lhs.id == rhs.id && lhs.attributes.map(\.name) == rhs.attributes.map(\.name)
            && lhs.attributes.map(\.value) == rhs.attributes.map(\.value) && lhs.edus == rhs.edus
            && lhs.joints.map(\.id) == rhs.joints.map(\.id) && lhs.adus == rhs.adus && lhs.edges == rhs.edges
    }

    package func attribute(_ name: String) -> String? { attributes.first { $0.name == name }?.value }
}

extension Arggraph {
    /// Reads an arggraph file safely: a `<!DOCTYPE arggraph SYSTEM "arggraph.dtd">` line is blanked
    /// out (never loaded), then the bytes go through ``SafeXMLParser``. A DOCTYPE with an internal
    /// subset is refused.
    package static func parse(_ bytes: [UInt8], path: String) throws(FormatError) -> Arggraph {
        let cleaned = try DoctypeStripper.strip(bytes, path: path)
        let parsed: ParsedXML
        switch SafeXMLParser.parse(cleaned, path: path) {
        case .success(let value): parsed = value
        case .failure(let failure):
            throw FormatError(diagnostic: failure.diagnostics.first ?? Diagnostic(.error, .wellFormed, "file is not well-formed XML", at: SourceLocation(path: path)))
        }
        let root = parsed.root
        guard root.name == "arggraph", root.namespace == nil else {
            throw FormatError(path, line: root.line, "root element is <\(root.name)>, expected <arggraph>; is this an arg-microtexts file?")
        }
        guard let id = root[attribute: "id"], !id.isEmpty else {
            throw FormatError(path, line: root.line, "<arggraph> has no id attribute; add id=\"...\"")
        }
        var graph = Arggraph(id: id, attributes: root.attributes.filter { $0.namespace == nil && $0.name != "id" }.map { ($0.name, $0.value) },
                             edus: [], joints: [], adus: [], edges: [])
        var seen: Set<String> = [id]
        func claim(_ value: String?, _ element: XMLElement) throws(FormatError) -> String {
            guard let value, !value.isEmpty else {
                throw FormatError(path, line: element.line, "<\(element.name)> has no id attribute; add id=\"...\"")
            }
            guard seen.insert(value).inserted else {
                throw FormatError(path, line: element.line, "id \(value) is used twice; ids must be unique")
            }
            return value
        }
        for element in root.children {
            switch element.name {
            case "edu":
                let eduID = try claim(element[attribute: "id"], element)
                let implicit = element[attribute: "implicit"]
                if let implicit, implicit != "true", implicit != "false" {
                    throw FormatError(path, line: element.line, "edu \(eduID) has implicit=\"\(implicit)\"; use true or false")
                }
                graph.edus.append(EDU(id: eduID, text: element.text, isImplicit: implicit == "true", line: element.line))
            case "joint":
                graph.joints.append((try claim(element[attribute: "id"], element), element.line))
            case "adu":
                let aduID = try claim(element[attribute: "id"], element)
                let role = element[attribute: "type"] ?? ""
                guard role == "pro" || role == "opp" else {
                    throw FormatError(path, line: element.line, "adu \(aduID) has type \"\(role)\"; an adu is pro or opp")
                }
                graph.adus.append(ADU(id: aduID, role: role, line: element.line))
            case "edge":
                let edgeID = try claim(element[attribute: "id"], element)
                let type = element[attribute: "type"] ?? ""
                guard edgeTypes.contains(type) else {
                    throw FormatError(path, line: element.line, "edge \(edgeID) has type \"\(type)\"; use one of seg, sup, exa, add, reb, und")
                }
                guard let source = element[attribute: "src"], let target = element[attribute: "trg"] else {
                    throw FormatError(path, line: element.line, "edge \(edgeID) needs both src and trg")
                }
                graph.edges.append(Edge(id: edgeID, source: source, target: target, type: type, line: element.line))
            default:
                throw FormatError(path, line: element.line, "unexpected element <\(element.name)> in <arggraph>; expected edu, joint, adu or edge")
            }
        }
        for edge in graph.edges {
            for end in [edge.source, edge.target] where !seen.contains(end) {
                throw FormatError(path, line: edge.line, "edge \(edge.id) refers to \(end), which is not an edu, joint, adu or edge of this graph")
            }
        }
        return graph
    }

    /// The file as arg-microtexts writes it: XML declaration, CDATA text, edges after the nodes.
    package func encoded() -> [UInt8] {
        var out = "<?xml version='1.0' encoding='UTF-8'?>\n"
        out += "<arggraph id=\"\(ExportXML.attribute(id))\""
        for attribute in attributes { out += " \(attribute.name)=\"\(ExportXML.attribute(attribute.value))\"" }
        out += ">\n"
        for edu in edus {
            out += "  <edu id=\"\(ExportXML.attribute(edu.id))\"\(edu.isImplicit ? " implicit=\"true\"" : "")>\(ExportXML.cdata(edu.text))</edu>\n"
        }
        for joint in joints { out += "  <joint id=\"\(ExportXML.attribute(joint.id))\"/>\n" }
        for adu in adus { out += "  <adu id=\"\(ExportXML.attribute(adu.id))\" type=\"\(adu.role)\"/>\n" }
        for edge in edges {
            out += "  <edge id=\"\(ExportXML.attribute(edge.id))\" src=\"\(ExportXML.attribute(edge.source))\" trg=\"\(ExportXML.attribute(edge.target))\" type=\"\(edge.type)\"/>\n"
        }
        out += "</arggraph>\n"
        return Array(out.utf8)
    }

    /// The plain text file that accompanies each graph: EDUs joined by a space, implicit ones in
    /// capitals (as part 2 does).
    package var plainText: String {
        edus.map { $0.isImplicit ? $0.text.uppercased() : $0.text }.joined(separator: " ")
    }
}

/// Removes a DOCTYPE declaration so the hardened parser accepts the file, without ever reading
/// the DTD it names. Bytes are replaced by spaces (newlines kept) so line numbers stay right.
enum DoctypeStripper {
    static func strip(_ bytes: [UInt8], path: String) throws(FormatError) -> [UInt8] {
        let marker = Array("<!DOCTYPE".utf8)
        guard let start = firstIndex(of: marker, in: bytes, before: firstElementStart(bytes)) else { return bytes }
        var index = start + marker.count
        var quote: UInt8? = nil
        while index < bytes.count {
            let byte = bytes[index]
            if let open = quote {
                if byte == open { quote = nil }
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                quote = byte
            } else if byte == UInt8(ascii: "[") {
                throw FormatError(path, line: line(of: start, in: bytes), "the DOCTYPE has an internal subset ([...]); argmark never reads DTD declarations or entities, remove the DOCTYPE")
            } else if byte == UInt8(ascii: ">") {
                var result = bytes
                for position in start...index where result[position] != UInt8(ascii: "\n") { result[position] = UInt8(ascii: " ") }
                return result
            }
            index += 1
        }
        throw FormatError(path, line: line(of: start, in: bytes), "the DOCTYPE declaration is not closed; the file is truncated or not well-formed")
    }

    /// The offset of the first `<` that starts an element (not `<?` or `<!`).
    private static func firstElementStart(_ bytes: [UInt8]) -> Int {
        var index = 0
        while index + 1 < bytes.count {
            if bytes[index] == UInt8(ascii: "<"), bytes[index + 1] != UInt8(ascii: "?"), bytes[index + 1] != UInt8(ascii: "!") { return index }
            index += 1
        }
        return bytes.count
    }

    private static func firstIndex(of needle: [UInt8], in bytes: [UInt8], before limit: Int) -> Int? {
        guard limit >= needle.count else { return nil }
        var index = 0
        while index + needle.count <= limit {
            if bytes[index] == needle[0], Array(bytes[index..<index + needle.count]) == needle { return index }
            index += 1
        }
        return nil
    }

    private static func line(of offset: Int, in bytes: [UInt8]) -> Int {
        1 + bytes[0..<offset].count { $0 == UInt8(ascii: "\n") }
    }
}
