import ArgmarkCore

/// Writes an argument map in Graphviz's DOT language, for users who lay out graphs with Graphviz.
///
/// Graphviz cannot aim an edge at another edge, so a relation that is undercut is drawn through a
/// small point node, and the undercut ends at that point.
package enum DOTRenderer {
    package static func render(_ graph: ArgumentGraph, caption: String) -> String {
        let undercutTargets = Set(graph.article.relations.compactMap { relation -> RelationID? in
            if case .relation(let id) = relation.to { return id } else { return nil }
        })
        var out = "digraph \(quote(graph.article.id)) {\n"
        out += "  graph [rankdir=BT, labelloc=t, fontname=\"Helvetica\", label=\(quote(caption))];\n"
        out += "  node [fontname=\"Helvetica\", fontsize=10, width=2.6];\n"
        out += "  edge [fontname=\"Helvetica\", fontsize=9];\n"
        for unit in graph.units {
            let style = Style.node(unit.type)
            var label = unit.type.rawValue.uppercased() + " · " + unit.id.rawValue + "\n"
            label += ArgumentMapLayout.wrap(unit.quote).joined(separator: "\n")
            if let speaker = unit.speaker {
                label += "\n— " + (graph.article.speaker(speaker)?.name ?? speaker.rawValue)
            }
            let shape = switch style.shape {
            case .octagon: "octagon"
            case .hexagon: "hexagon"
            case .rounded, .box: "box"
            }
            var styles = ["filled"]
            if style.shape == .rounded { styles.append("rounded") }
            if unit.type == .position { styles.append("bold") }
            if unit.isImplicit { styles.append("dashed") }
            out += "  \(quote(unit.id.rawValue)) [shape=\(shape), style=\(quote(styles.joined(separator: ","))), fillcolor=\(quote(style.fill)), color=\(quote(style.stroke)), label=\(quote(label)), tooltip=\(quote(unit.quote))];\n"
        }
        let relations = graph.article.relations.sorted { naturalLess($0.id.rawValue, $1.id.rawValue) }
        for relation in relations {
            let style = Style.edge(relation.type)
            let attributes = "label=\(quote(relation.type.rawValue)), color=\(quote(style.color)), fontcolor=\(quote(style.color)), style=\(style.dotStyle)"
            let target: String
            switch relation.to {
            case .unit(let id): target = quote(id.rawValue)
            case .relation(let id): target = quote(id.rawValue + ".mid")
            }
            if undercutTargets.contains(relation.id) {
                let point = quote(relation.id.rawValue + ".mid")
                out += "  \(point) [shape=point, width=0.06, color=\(quote(style.color))];\n"
                out += "  \(quote(relation.from.rawValue)) -> \(point) [arrowhead=none, color=\(quote(style.color)), style=\(style.dotStyle)];\n"
                out += "  \(point) -> \(target) [\(attributes), id=\(quote(relation.id.rawValue))];\n"
            } else {
                out += "  \(quote(relation.from.rawValue)) -> \(target) [\(attributes), id=\(quote(relation.id.rawValue))];\n"
            }
        }
        out += "}\n"
        return out
    }

    /// A DOT double-quoted string; newlines become DOT's centred line breaks.
    static func quote(_ text: String) -> String {
        let body = Escaping.replacing(text) { scalar in
            switch scalar {
            case "\"": "\\\""
            case "\\": "\\\\"
            case "\n": "\\n"
            case "\r", "\t": " "
            default: nil
            }
        }
        return "\"" + body + "\""
    }
}
