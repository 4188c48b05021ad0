import ArgmarkCore

/// How each unit type and relation type looks, shared by SVG, DOT and HTML so they agree.
public enum Style {
    /// The outline of a node; Graphviz has a shape for each.
    public enum Shape: Sendable {
        case rounded, box, octagon, hexagon
    }

    public struct NodeStyle: Sendable {
        public var fill: String
        public var stroke: String
        public var strokeWidth: Double
        public var shape: Shape
    }

    public struct EdgeStyle: Sendable {
        public var color: String
        public var width: Double
        /// SVG dash pattern, empty for a solid line.
        public var dash: String
        /// Graphviz style name.
        public var dotStyle: String
    }

    public static func node(_ type: UnitType) -> NodeStyle {
        switch type {
        case .position: NodeStyle(fill: "#dbeafe", stroke: "#1e40af", strokeWidth: 2.5, shape: .rounded)
        case .claim: NodeStyle(fill: "#eef2ff", stroke: "#4f46e5", strokeWidth: 1.5, shape: .rounded)
        case .evidence: NodeStyle(fill: "#dcfce7", stroke: "#15803d", strokeWidth: 1.5, shape: .box)
        case .counterclaim: NodeStyle(fill: "#fee2e2", stroke: "#b91c1c", strokeWidth: 1.5, shape: .octagon)
        case .rebuttal: NodeStyle(fill: "#ffedd5", stroke: "#c2410c", strokeWidth: 1.5, shape: .hexagon)
        }
    }

    public static func edge(_ type: RelationType) -> EdgeStyle {
        switch type {
        case .supports: EdgeStyle(color: "#15803d", width: 1.6, dash: "", dotStyle: "solid")
        case .attacks: EdgeStyle(color: "#b91c1c", width: 1.6, dash: "", dotStyle: "solid")
        case .rebuts: EdgeStyle(color: "#c2410c", width: 2.4, dash: "", dotStyle: "bold")
        case .undercuts: EdgeStyle(color: "#b91c1c", width: 1.6, dash: "6 4", dotStyle: "dashed")
        case .restates: EdgeStyle(color: "#6b7280", width: 1.4, dash: "2 3", dotStyle: "dotted")
        }
    }
}

/// Text escaping and number formatting shared by the renderers.
package enum Markup {
    /// Escapes text for XML/HTML content and attribute values.
    package static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\r": out += "&#13;"
            default:
                // Control characters other than tab and newline cannot appear in XML at all.
                if scalar.value < 0x20, scalar != "\n", scalar != "\t" { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// A coordinate with exactly one decimal, so output is the same on every platform.
    static func number(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        let sign = tenths < 0 ? "-" : ""
        let magnitude = abs(tenths)
        return "\(sign)\(magnitude / 10).\(magnitude % 10)"
    }

    /// A share as a whole percentage, e.g. `37%`.
    static func percent(_ value: Double) -> String {
        "\(Int((value * 100).rounded()))%"
    }

    /// A score with two decimals, e.g. `0.97`.
    static func score(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        let fraction = hundredths % 100
        return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }

    /// `text` cut to about `limit` code points at a word boundary, with `…` when cut.
    static func shorten(_ text: String, to limit: Int) -> String {
        let collapsed = text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }).joined(separator: " ")
        guard collapsed.unicodeScalars.count > limit else { return collapsed }
        var cut = String(String.UnicodeScalarView(collapsed.unicodeScalars.prefix(limit)))
        if let space = cut.lastIndex(of: " "), cut.distance(from: cut.startIndex, to: space) > limit / 2 {
            cut = String(cut[..<space])
        }
        return cut + "…"
    }
}
