import ArgmarkCore

/// Draws an argument map as SVG, without any external program. Same layout, same bytes.
package enum SVGRenderer {
    /// The map of one source as a complete SVG document.
    ///
    /// - Parameters:
    ///   - idPrefix: prefixes every `id` in the drawing, so several maps can share one HTML page.
    ///   - linkPrefix: when given, each node links to `#<linkPrefix><unit id>` (the unit in the
    ///     highlighted text of the HTML report).
    ///   - foldable: draws a fold button on every unit that others answer (the HTML report's script
    ///     folds and unfolds the subtree below it).
    package static func render(_ layout: ArgumentMapLayout, caption: String, idPrefix: String = "map", linkPrefix: String? = nil, foldable: Bool = false) -> String {
        typealias M = ArgumentMapLayout.Metrics
        let n = Markup.number
        var out = ""
        out += "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(n(layout.width))\" height=\"\(n(layout.height))\" viewBox=\"0.0 0.0 \(n(layout.width)) \(n(layout.height))\" font-family=\"DejaVu Sans, Liberation Sans, Arial, Helvetica, sans-serif\" role=\"img\" aria-labelledby=\"\(idPrefix)-title\">\n"
        out += "<title id=\"\(idPrefix)-title\">\(Markup.escape("Argument map: " + caption))</title>\n"
        out += "<defs>\n"
        for type in RelationType.allCases {
            let style = Style.edge(type)
            out += "<marker id=\"\(idPrefix)-arrow-\(type.rawValue)\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerUnits=\"userSpaceOnUse\" markerWidth=\"10\" markerHeight=\"10\" orient=\"auto-start-reverse\"><path d=\"M 0 0 L 10 5 L 0 10 z\" fill=\"\(style.color)\"/></marker>\n"
        }
        out += "</defs>\n"
        out += "<rect x=\"0.0\" y=\"0.0\" width=\"\(n(layout.width))\" height=\"\(n(layout.height))\" fill=\"#ffffff\"/>\n"
        out += "<text x=\"\(n(M.margin))\" y=\"\(n(22))\" font-size=\"14\" font-weight=\"bold\" fill=\"#111827\">\(Markup.escape(Markup.shorten(caption, to: Int((layout.width - 2 * M.margin) / 8))))</text>\n"
        if layout.nodes.isEmpty {
            out += "<text x=\"\(n(M.margin))\" y=\"\(n(M.header + 30))\" font-size=\"12\" fill=\"#6b7280\">no argument units annotated</text>\n"
        }
        out += "<g class=\"edges\">\n"
        for edge in layout.edges {
            let style = Style.edge(edge.type)
            let dash = style.dash.isEmpty ? "" : " stroke-dasharray=\"\(style.dash)\""
            let target: String
            switch edge.to {
            case .unit(let id): target = id.rawValue
            case .relation(let id): target = id.rawValue
            }
            out += "<g class=\"edge r-\(edge.type.rawValue)\" id=\"\(idPrefix)-\(Markup.escape(edge.relation.rawValue))\" data-relation=\"\(Markup.escape(edge.relation.rawValue))\" data-from=\"\(Markup.escape(edge.from.rawValue))\" data-to=\"\(Markup.escape(target))\"><title>\(Markup.escape("\(edge.relation): \(edge.from) \(edge.type.rawValue) \(edge.to)"))</title>"
            let paint = "stroke=\"\(style.color)\" stroke-width=\"\(n(style.width))\"\(dash) marker-end=\"url(#\(idPrefix)-arrow-\(edge.type.rawValue))\""
            out += "<path d=\"\(pathData(edge.points))\" fill=\"none\" \(paint)/>"
            if case .relation = edge.to {
                out += "<circle cx=\"\(n(edge.end.x))\" cy=\"\(n(edge.end.y))\" r=\"3.0\" fill=\"\(style.color)\"/>"
            }
            out += "</g>\n"
        }
        out += "</g>\n<g class=\"nodes\">\n"
        // Units something answers: the target of a relation, or the start of an undercut relation.
        var startOf: [RelationID: UnitID] = [:]
        for edge in layout.edges { startOf[edge.relation] = edge.from }
        var answered = Set<UnitID>()
        for edge in layout.edges {
            switch edge.to {
            case .unit(let id): answered.insert(id)
            case .relation(let id): if let from = startOf[id] { answered.insert(from) }
            }
        }
        for node in layout.nodes {
            let style = Style.node(node.type)
            var title = "\(node.type.rawValue) \(node.unit)"
            if let speaker = node.speaker { title += " (\(speaker))" }
            if node.isImplicit { title += ", implicit" }
            title += ": \(node.quote)"
            let open = linkPrefix.map { "<a href=\"#\(Markup.escape($0 + node.unit.rawValue))\">" } ?? ""
            let close = linkPrefix == nil ? "" : "</a>"
            out += "<g class=\"node t-\(node.type.rawValue)\" id=\"\(idPrefix)-\(Markup.escape(node.unit.rawValue))\" data-unit=\"\(Markup.escape(node.unit.rawValue))\">\(open)<title>\(Markup.escape(title))</title>"
            out += shape(node, style)
            out += "<text x=\"\(n(node.x + 10))\" y=\"\(n(node.y + 15))\" font-size=\"9.5\" font-weight=\"bold\" fill=\"\(style.stroke)\">\(Markup.escape(node.type.rawValue.uppercased() + " · " + node.unit.rawValue))</text>"
            for (index, line) in node.lines.enumerated() {
                out += "<text x=\"\(n(node.x + 10))\" y=\"\(n(node.y + 31 + Double(index) * M.lineHeight))\" font-size=\"11\" fill=\"#111827\">\(Markup.escape(line))</text>"
            }
            if let speaker = node.speaker {
                out += "<text x=\"\(n(node.x + 10))\" y=\"\(n(node.y + node.height - 9))\" font-size=\"9.5\" font-style=\"italic\" fill=\"#374151\">\(Markup.escape("— " + Markup.shorten(speaker, to: 34)))</text>"
            }
            out += close
            if foldable, answered.contains(node.unit) {
                let x = node.x + node.width - 9, y = node.y + node.height - 9
                out += "<g class=\"fold\" data-unit=\"\(Markup.escape(node.unit.rawValue))\" role=\"button\"><title>fold or unfold what answers \(Markup.escape(node.unit.rawValue))</title><circle cx=\"\(n(x))\" cy=\"\(n(y))\" r=\"6.5\" fill=\"#ffffff\" stroke=\"#6b7280\"/><text x=\"\(n(x))\" y=\"\(n(y + 3.5))\" font-size=\"11\" text-anchor=\"middle\" fill=\"#374151\">−</text></g>"
            }
            out += "</g>\n"
        }
        out += "</g>\n"
        out += legend(layout, idPrefix: idPrefix)
        out += "</svg>\n"
        return out
    }

    /// SVG path data through `points`: straight where a segment is vertical, otherwise a cubic
    /// curve with vertical tangents, which stays inside the band between its two ends (the
    /// layout only lets such segments run through the empty gaps between rows).
    static func pathData(_ points: [MapPoint]) -> String {
        let n = Markup.number
        guard let first = points.first else { return "" }
        var data = "M \(n(first.x)) \(n(first.y))"
        for (from, to) in zip(points, points.dropFirst()) {
            if Markup.number(from.x) == Markup.number(to.x) {
                data += " L \(n(to.x)) \(n(to.y))"
            } else {
                let middle = (from.y + to.y) / 2
                data += " C \(n(from.x)) \(n(middle)) \(n(to.x)) \(n(middle)) \(n(to.x)) \(n(to.y))"
            }
        }
        return data
    }

    static func shape(_ node: MapNode, _ style: Style.NodeStyle) -> String {
        let n = Markup.number
        let dash = node.isImplicit ? " stroke-dasharray=\"4 3\"" : ""
        let paint = "fill=\"\(style.fill)\" stroke=\"\(style.stroke)\" stroke-width=\"\(n(style.strokeWidth))\"\(dash)"
        let (x, y, w, h) = (node.x, node.y, node.width, node.height)
        switch style.shape {
        case .octagon:
            let c = 8.0
            let points = [(x + c, y), (x + w - c, y), (x + w, y + c), (x + w, y + h - c), (x + w - c, y + h), (x + c, y + h), (x, y + h - c), (x, y + c)]
            return "<polygon points=\"\(points.map { "\(n($0.0)),\(n($0.1))" }.joined(separator: " "))\" \(paint)/>"
        case .hexagon:
            let c = 10.0
            let points = [(x + c, y), (x + w - c, y), (x + w, y + h / 2), (x + w - c, y + h), (x + c, y + h), (x, y + h / 2)]
            return "<polygon points=\"\(points.map { "\(n($0.0)),\(n($0.1))" }.joined(separator: " "))\" \(paint)/>"
        case .box:
            return "<rect x=\"\(n(x))\" y=\"\(n(y))\" width=\"\(n(w))\" height=\"\(n(h))\" \(paint)/>"
        case .rounded:
            let radius = node.type == .position ? 14.0 : 6.0
            return "<rect x=\"\(n(x))\" y=\"\(n(y))\" width=\"\(n(w))\" height=\"\(n(h))\" rx=\"\(n(radius))\" \(paint)/>"
        }
    }

    /// Two rows at the bottom: unit types, then relation types.
    static func legend(_ layout: ArgumentMapLayout, idPrefix: String) -> String {
        let n = Markup.number
        let top = layout.height - ArgumentMapLayout.Metrics.footer + 4
        var out = "<g class=\"legend\" font-size=\"9.5\" fill=\"#374151\">\n"
        for (index, type) in UnitType.allCases.enumerated() {
            let style = Style.node(type)
            let x = ArgumentMapLayout.Metrics.margin + Double(index) * 88
            out += "<rect x=\"\(n(x))\" y=\"\(n(top))\" width=\"10.0\" height=\"10.0\" fill=\"\(style.fill)\" stroke=\"\(style.stroke)\"/><text x=\"\(n(x + 14))\" y=\"\(n(top + 9))\">\(type.rawValue)</text>\n"
        }
        for (index, type) in RelationType.allCases.enumerated() {
            let style = Style.edge(type)
            let x = ArgumentMapLayout.Metrics.margin + Double(index) * 88
            let dash = style.dash.isEmpty ? "" : " stroke-dasharray=\"\(style.dash)\""
            out += "<line x1=\"\(n(x))\" y1=\"\(n(top + 20))\" x2=\"\(n(x + 16))\" y2=\"\(n(top + 20))\" stroke=\"\(style.color)\" stroke-width=\"\(n(style.width))\"\(dash) marker-end=\"url(#\(idPrefix)-arrow-\(type.rawValue))\"/><text x=\"\(n(x + 22))\" y=\"\(n(top + 24))\">\(type.rawValue)</text>\n"
        }
        out += "</g>\n"
        return out
    }
}
