import ArgmarkCore

/// A point in map coordinates (pixels, y downward).
package struct MapPoint: Sendable, Equatable {
    package var x: Double
    package var y: Double
    package init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }
}

/// A unit placed on the map.
package struct MapNode: Sendable {
    package var unit: UnitID
    package var type: UnitType
    /// Top-left corner.
    package var x: Double
    package var y: Double
    package var width: Double
    package var height: Double
    package var layer: Int
    /// The quote wrapped into lines and shortened with `…` when too long.
    package var lines: [String]
    package var speaker: String?
    /// The full quote, for tooltips.
    package var quote: String
    package var isImplicit: Bool
    package var center: MapPoint { MapPoint(x: x + width / 2, y: y + height / 2) }
}

/// A relation drawn on the map: a path from the border of the unit it starts at to the border of
/// its target (or, for an undercut, to the junction on the arrow it attacks). Between two points
/// at different x the path is a curve with vertical tangents (see ``SVGRenderer``); it never
/// passes through a node's box.
package struct MapEdge: Sendable {
    package var relation: RelationID
    package var type: RelationType
    package var from: UnitID
    package var to: RelationEndpoint
    package var start: MapPoint
    /// The arrow's tip: a border of the target node, or for an undercut the junction of the
    /// arrow it attacks.
    package var end: MapPoint
    /// The points between `start` and `end`.
    package var bends: [MapPoint] = []
    /// For a relation that is undercut: the point on its path where the undercuts end.
    package var junction: MapPoint?

    /// Every point of the path, from start to tip.
    package var points: [MapPoint] { [start] + bends + [end] }
}

/// An article's argument map, laid out in layers: the units nothing points from (positions and
/// claims) on top, what supports or attacks them below, what answers those further down (see
/// ``LayeredLayout`` for the method). Rows wider than ``Metrics/maximumWidth`` continue on the
/// next row, so a map fits a page.
package struct ArgumentMapLayout: Sendable {
    package var nodes: [MapNode]
    /// Edges to units first, then undercuts, each group by relation id.
    package var edges: [MapEdge]
    package var width: Double
    package var height: Double

    /// Sizes used by the layout and the SVG renderer.
    package enum Metrics {
        package static let nodeWidth = 200.0
        package static let horizontalGap = 20.0
        package static let verticalGap = 44.0
        package static let margin = 16.0
        /// The widest a map gets (unless folding would need an unreasonable number of bends).
        package static let maximumWidth = 1200.0
        /// Room above the map for the caption.
        package static let header = 34.0
        /// Room below the map for the legend.
        package static let footer = 34.0
        package static let lineHeight = 14.0
        package static let charactersPerLine = 32
        package static let maximumLines = 4
        /// Type line, padding and speaker line around the quote.
        package static let chrome = 44.0
        /// The room an edge passing through a row takes, and its distance to what is beside it.
        package static let edgeWidth = 6.0
        package static let edgeGap = 8.0
        /// The room reserved around the junction of an undercut relation.
        package static let junctionWidth = 20.0
    }

    /// Lays out `graph`. Deterministic: the same article always gives the same coordinates.
    package static func layout(_ graph: ArgumentGraph) -> ArgumentMapLayout {
        typealias M = Metrics
        let units = graph.units
        guard !units.isEmpty else {
            return ArgumentMapLayout(nodes: [], edges: [], width: 2 * M.margin + M.nodeWidth * 2, height: M.header + M.footer + 40)
        }
        var index: [UnitID: Int] = [:]
        var layoutNodes: [LayeredLayout.Node] = []
        var wrapped: [[String]] = []
        for unit in units where index[unit.id] == nil {
            index[unit.id] = layoutNodes.count
            let lines = wrap(unit.quote)
            wrapped.append(lines)
            layoutNodes.append(.init(width: M.nodeWidth, height: M.chrome + Double(lines.count) * M.lineHeight))
        }
        let relations = graph.article.relations.sorted { naturalLess($0.id.rawValue, $1.id.rawValue) }
        // A relation that is undercut passes through a junction node, where the undercuts end.
        var junction: [RelationID: Int] = [:]
        for relation in relations {
            guard case .relation(let attacked) = relation.to, graph.relationsByID[attacked] != nil, junction[attacked] == nil else { continue }
            junction[attacked] = layoutNodes.count
            layoutNodes.append(.init(width: M.junctionWidth, height: 0, isPoint: true))
        }
        /// Where a relation's arrow ends in the layout graph.
        func head(_ relation: Relation) -> Int? {
            switch relation.to {
            case .unit(let id): return index[id]
            case .relation(let id): return junction[id]
            }
        }
        var layoutEdges: [LayeredLayout.Edge] = []
        /// Per relation: the layout edges its path is made of, in order from its start.
        var pieces: [RelationID: [Int]] = [:]
        for relation in relations where pieces[relation.id] == nil {
            guard let from = index[relation.from], let to = head(relation), from != to else { continue }
            if let point = junction[relation.id] {
                pieces[relation.id] = [layoutEdges.count, layoutEdges.count + 1]
                layoutEdges.append(.init(child: from, parent: point))
                layoutEdges.append(.init(child: point, parent: to))
            } else {
                pieces[relation.id] = [layoutEdges.count]
                layoutEdges.append(.init(child: from, parent: to))
            }
        }
        let options = LayeredLayout.Options(
            maximumWidth: M.maximumWidth - 2 * M.margin + M.horizontalGap, horizontalGap: M.horizontalGap,
            dummyWidth: M.edgeWidth, dummyGap: M.edgeGap, verticalGap: M.verticalGap,
            top: 0, left: 0
        )
        let result = layoutByComponent(layoutNodes, layoutEdges, options)
        var nodes: [MapNode] = []
        for (position, unit) in units.enumerated() where index[unit.id] == position {
            nodes.append(MapNode(
                unit: unit.id, type: unit.type, x: result.x[position], y: result.y[position],
                width: layoutNodes[position].width, height: layoutNodes[position].height, layer: result.row[position],
                lines: wrapped[position], speaker: unit.speaker.map { graph.article.speaker($0)?.name ?? $0.rawValue },
                quote: unit.quote, isImplicit: unit.isImplicit
            ))
        }
        var toUnits: [MapEdge] = []
        var undercuts: [MapEdge] = []
        for relation in relations {
            guard let parts = pieces[relation.id] else { continue }
            var points: [MapPoint] = []
            for part in parts {
                for point in result.paths[part] where points.last != point { points.append(point) }
            }
            guard points.count >= 2 else { continue }
            var edge = MapEdge(relation: relation.id, type: relation.type, from: relation.from, to: relation.to,
                               start: points[0], end: points[points.count - 1], bends: Array(points.dropFirst().dropLast()))
            if let point = junction[relation.id] {
                edge.junction = MapPoint(x: result.x[point] + M.junctionWidth / 2, y: result.y[point])
            }
            if case .relation = relation.to { undercuts.append(edge) } else { toUnits.append(edge) }
        }
        let width = max(result.width + 2 * M.margin, 2 * M.margin + 2 * M.nodeWidth)
        let height = result.height + M.header + 2 * M.margin + M.footer
        return ArgumentMapLayout(nodes: nodes, edges: toUnits + undercuts, width: width, height: height)
    }

    /// The connected parts of an argument (units linked by relations, undercuts joining the
    /// relation they attack), each in text order, ordered by their first unit in the text; units
    /// without any relation come last, together, as one part. The HTML report draws one map per
    /// part when a whole map would be huge.
    package static func parts(_ graph: ArgumentGraph) -> [[UnitID]] {
        var index: [UnitID: Int] = [:]
        for (position, unit) in graph.units.enumerated() where index[unit.id] == nil { index[unit.id] = position }
        var sets = DisjointSets(count: graph.units.count)
        var linked = Set<Int>()
        for relation in graph.article.relations {
            guard let from = index[relation.from], let target = graph.parentUnit(of: relation), let to = index[target], from != to else { continue }
            linked.formUnion([from, to])
            sets.join(from, to)
        }
        var partOf: [Int: Int] = [:]
        var parts: [[UnitID]] = []
        var loose: [UnitID] = []
        for (position, unit) in graph.units.enumerated() where index[unit.id] == position {
            guard linked.contains(position) else {
                loose.append(unit.id)
                continue
            }
            let root = sets.root(of: position)
            if partOf[root] == nil {
                partOf[root] = parts.count
                parts.append([])
            }
            parts[partOf[root]!].append(unit.id)
        }
        return loose.isEmpty ? parts : parts + [loose]
    }

    /// The map of only `units` (and the relations among them) of `graph`.
    package static func layout(_ graph: ArgumentGraph, only units: Set<UnitID>) -> ArgumentMapLayout {
        var article = graph.article
        article.units = article.units.filter { units.contains($0.id) }
        let relationIDs = Set(article.relations.map(\.id))
        article.relations = article.relations.filter { relation in
            guard units.contains(relation.from) else { return false }
            switch relation.to {
            case .unit(let id): return units.contains(id)
            case .relation(let id): return relationIDs.contains(id) && graph.relationsByID[id].map { units.contains($0.from) } == true
            }
        }
        return layout(ArgumentGraph(article))
    }

    /// Lays out each connected part of the map on its own (so one argument's long edges do not
    /// push another's boxes aside), then packs the parts left to right in shelves no wider than
    /// the page, in the order of their first unit in the text. Coordinates include the margins.
    static func layoutByComponent(_ nodes: [LayeredLayout.Node], _ edges: [LayeredLayout.Edge], _ options: LayeredLayout.Options)
        -> (x: [Double], y: [Double], row: [Int], paths: [[MapPoint]], width: Double, height: Double) {
        typealias M = Metrics
        var sets = DisjointSets(count: nodes.count)
        for edge in edges { sets.join(edge.child, edge.parent) }
        var componentOf: [Int: Int] = [:]
        var members: [[Int]] = []
        for node in nodes.indices {
            let root = sets.root(of: node)
            if componentOf[root] == nil {
                componentOf[root] = members.count
                members.append([])
            }
            members[componentOf[root]!].append(node)
        }
        var edgesOf = [[Int]](repeating: [], count: members.count)
        for (index, edge) in edges.enumerated() { edgesOf[componentOf[sets.root(of: edge.child)]!].append(index) }
        var x = [Double](repeating: 0, count: nodes.count), y = x
        var row = [Int](repeating: 0, count: nodes.count)
        var paths = [[MapPoint]](repeating: [], count: edges.count)
        var shelfX = 0.0, shelfY = 0.0, shelfHeight = 0.0, shelfRow = 0, shelfRows = 0
        var width = 0.0
        let limit = M.maximumWidth - 2 * M.margin
        for (component, list) in members.enumerated() {
            var local: [Int: Int] = [:]
            for (position, node) in list.enumerated() { local[node] = position }
            let localEdges = edgesOf[component].map { LayeredLayout.Edge(child: local[edges[$0].child]!, parent: local[edges[$0].parent]!) }
            let result = LayeredLayout.layout(nodes: list.map { nodes[$0] }, edges: localEdges, options: options)
            let partWidth = result.width, partHeight = result.bottom
            if shelfX > 0, shelfX + partWidth > limit {
                shelfY += shelfHeight + M.verticalGap
                shelfX = 0
                shelfHeight = 0
                shelfRow += shelfRows
                shelfRows = 0
            }
            let dx = M.margin + shelfX, dy = M.header + M.margin + shelfY
            for (position, node) in list.enumerated() {
                x[node] = result.x[position] + dx
                y[node] = result.y[position] + dy
                row[node] = result.row[position] + shelfRow
            }
            for (position, edge) in edgesOf[component].enumerated() {
                paths[edge] = result.paths[position].map { MapPoint(x: $0.x + dx, y: $0.y + dy) }
            }
            width = max(width, shelfX + partWidth)
            shelfX += partWidth + M.horizontalGap * 2
            shelfHeight = max(shelfHeight, partHeight)
            shelfRows = max(shelfRows, result.rowTops.count)
        }
        return (x, y, row, paths, width, shelfY + shelfHeight)
    }

    /// Word-wraps `text` into at most ``Metrics/maximumLines`` lines of about
    /// ``Metrics/charactersPerLine`` code points, ending with `…` when it had to shorten.
    package static func wrap(_ text: String, width: Int = Metrics.charactersPerLine, maximumLines: Int = Metrics.maximumLines) -> [String] {
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }).map(String.init)
        var lines: [String] = []
        var current = ""
        var truncated = false
        for word in words {
            var piece = word
            if piece.unicodeScalars.count > width {
                piece = String(String.UnicodeScalarView(piece.unicodeScalars.prefix(width - 1))) + "…"
            }
            let candidateLength = current.unicodeScalars.count + (current.isEmpty ? 0 : 1) + piece.unicodeScalars.count
            if candidateLength <= width {
                current += (current.isEmpty ? "" : " ") + piece
            } else {
                lines.append(current)
                current = piece
                if lines.count == maximumLines {
                    truncated = true
                    break
                }
            }
        }
        if !truncated, !current.isEmpty { lines.append(current) }
        if truncated, var last = lines.popLast() {
            while last.unicodeScalars.count > width - 1, let space = last.lastIndex(of: " ") { last = String(last[..<space]) }
            lines.append(last + "…")
        }
        return lines.isEmpty ? [""] : lines
    }
}

/// Union-find over `0..<count`, iterative with path halving (no recursion, whatever the depth).
/// A join keeps the smaller root, so a set's root is its first member.
struct DisjointSets {
    private var parent: [Int]

    init(count: Int) { parent = Array(0..<count) }

    mutating func root(of node: Int) -> Int {
        var node = node
        while parent[node] != node {
            parent[node] = parent[parent[node]]
            node = parent[node]
        }
        return node
    }

    mutating func join(_ a: Int, _ b: Int) {
        let a = root(of: a), b = root(of: b)
        if a != b { parent[max(a, b)] = min(a, b) }
    }
}
