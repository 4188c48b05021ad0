import ArgmarkCore

/// How each unit type and relation type looks, shared by SVG, DOT and HTML so they agree.
package enum Style {
    /// The outline of a node; Graphviz has a shape for each.
    package enum Shape: Sendable {
        case rounded, box, octagon, hexagon
    }

    package struct NodeStyle: Sendable {
        package var fill: String
        package var stroke: String
        package var strokeWidth: Double
        package var shape: Shape
    }

    package struct EdgeStyle: Sendable {
        package var color: String
        package var width: Double
        /// SVG dash pattern, empty for a solid line.
        package var dash: String
        /// Graphviz style name.
        package var dotStyle: String
    }

    package static func node(_ type: UnitType) -> NodeStyle {
        switch type {
        case .position: NodeStyle(fill: "#dbeafe", stroke: "#1e40af", strokeWidth: 2.5, shape: .rounded)
        case .claim: NodeStyle(fill: "#eef2ff", stroke: "#4f46e5", strokeWidth: 1.5, shape: .rounded)
        case .evidence: NodeStyle(fill: "#dcfce7", stroke: "#15803d", strokeWidth: 1.5, shape: .box)
        case .counterclaim: NodeStyle(fill: "#fee2e2", stroke: "#b91c1c", strokeWidth: 1.5, shape: .octagon)
        case .rebuttal: NodeStyle(fill: "#ffedd5", stroke: "#c2410c", strokeWidth: 1.5, shape: .hexagon)
        }
    }

    package static func edge(_ type: RelationType) -> EdgeStyle {
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
    /// Escapes text for XML/HTML content and attribute values (the core's one escaper; a
    /// character XML cannot hold is shown as its `\u{…}` escape, never dropped).
    package static func escape(_ text: String) -> String {
        XMLEscaping.escapeShowingUnwritable(text, as: .markup)
    }

    /// A coordinate with exactly one decimal, so output is the same on every platform.
    static func number(_ value: Double) -> String {
        NumberText.fixed(value, decimals: 1)
    }

    /// A share as a whole percentage, e.g. `37%`.
    static func percent(_ value: Double) -> String {
        NumberText.percent(value)
    }

    /// A score with two decimals, e.g. `0.97`.
    static func score(_ value: Double) -> String {
        NumberText.fixed(value, decimals: 2)
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
