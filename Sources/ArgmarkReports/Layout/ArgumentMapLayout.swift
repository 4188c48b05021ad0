import ArgmarkCore

/// A point in map coordinates (pixels, y downward).
public struct MapPoint: Sendable, Equatable {
    public var x: Double
    public var y: Double
    public init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }
}

/// A unit placed on the map.
public struct MapNode: Sendable {
    public var unit: UnitID
    public var type: UnitType
    /// Top-left corner.
    public var x: Double
    public var y: Double
    public var width: Double
    public var height: Double
    public var layer: Int
    /// The quote wrapped into lines and shortened with `…` when too long.
    public var lines: [String]
    public var speaker: String?
    /// The full quote, for tooltips.
    public var quote: String
    public var isImplicit: Bool
    public var center: MapPoint { MapPoint(x: x + width / 2, y: y + height / 2) }
}

/// A relation drawn on the map as a straight arrow.
public struct MapEdge: Sendable {
    public var relation: RelationID
    public var type: RelationType
    public var from: UnitID
    public var to: RelationEndpoint
    public var start: MapPoint
    /// The arrow's tip: a border of the target node, or for an undercut the midpoint of the
    /// arrow it attacks.
    public var end: MapPoint
    /// Corners between `start` and `end`; empty for a straight arrow.
    public var bends: [MapPoint] = []

    /// Every point of the arrow, from start to tip.
    public var points: [MapPoint] { [start] + bends + [end] }

    /// The middle of the arrow's middle segment: where an undercut aimed at this arrow ends.
    public var midpoint: MapPoint {
        let points = points
        let segment = (points.count - 1) / 2
        let from = points[segment], to = points[segment + 1]
        return MapPoint(x: (from.x + to.x) / 2, y: (from.y + to.y) / 2)
    }
}

/// An article's argument map, laid out in layers: the units nothing points from (positions and
/// claims) on top, what supports or attacks them below, what answers those further down.
public struct ArgumentMapLayout: Sendable {
    public var nodes: [MapNode]
    /// Edges to units first, then undercuts, each group by relation id.
    public var edges: [MapEdge]
    public var width: Double
    public var height: Double

    /// Sizes used by the layout and the SVG renderer.
    public enum Metrics {
        public static let nodeWidth = 210.0
        public static let horizontalGap = 24.0
        public static let verticalGap = 56.0
        public static let margin = 16.0
        /// A layer with more units wraps onto several rows, so a map fits a 1280 px wide page.
        public static let maximumNodesPerRow = 5
        /// Room above the map for the caption.
        public static let header = 34.0
        /// Room below the map for the legend.
        public static let footer = 34.0
        public static let lineHeight = 14.0
        public static let charactersPerLine = 32
        public static let maximumLines = 4
        /// Type line, padding and speaker line around the quote.
        public static let chrome = 44.0
    }

    /// Lays out `graph`. Deterministic: the same article always gives the same coordinates.
    public static func layout(_ graph: ArgumentGraph) -> ArgumentMapLayout {
        typealias M = Metrics
        let units = graph.units
        guard !units.isEmpty else {
            return ArgumentMapLayout(nodes: [], edges: [], width: 2 * M.margin + M.nodeWidth * 2, height: M.header + M.footer + 40)
        }
        let layers = assignLayers(graph)
        let maximumLayer = layers.values.max() ?? 0
        var rows = [[ArgumentUnit]](repeating: [], count: maximumLayer + 1)
        for unit in units { rows[layers[unit.id]!].append(unit) }

        var centerX: [UnitID: Double] = [:]
        var nodes: [MapNode] = []
        var y = M.header + M.margin
        var textOrder: [UnitID: Int] = [:]
        for (index, unit) in units.enumerated() { textOrder[unit.id] = index }
        for (layer, row) in rows.enumerated() where !row.isEmpty {
            // Children go under their parents (the mean x of what they point to), in text order on ties.
            let desired: [(unit: ArgumentUnit, x: Double)] = row.map { unit in
                let parents = (graph.outgoing[unit.id] ?? []).compactMap { graph.parentUnit(of: $0) }.compactMap { centerX[$0] }
                let x = parents.isEmpty ? Double.infinity : parents.reduce(0, +) / Double(parents.count)
                return (unit, x)
            }
            let ordered = desired.sorted { lhs, rhs in
                if lhs.x != rhs.x { return lhs.x < rhs.x }
                return textOrder[lhs.unit.id]! < textOrder[rhs.unit.id]!
            }
            // A wide layer wraps: rows of at most `maximumNodesPerRow`, packed from the left.
            let wraps = ordered.count > M.maximumNodesPerRow
            for chunkStart in stride(from: 0, to: ordered.count, by: M.maximumNodesPerRow) {
                let chunk = ordered[chunkStart..<min(chunkStart + M.maximumNodesPerRow, ordered.count)]
                y += place(Array(chunk), wrapped: wraps, layer: layer, y: y, graph: graph, centerX: &centerX, nodes: &nodes) + M.verticalGap
            }
        }
        let edges = route(graph, nodes)
        // Undercuts routed round a node may run in the gutter right of the last column.
        let right = (nodes.map { $0.x + $0.width } + edges.flatMap(\.bends).map(\.x)).max() ?? 0
        let width = max(right + M.margin, 2 * M.margin + 2 * M.nodeWidth)
        let height = y - M.verticalGap + M.margin + M.footer
        return ArgumentMapLayout(nodes: nodes, edges: edges, width: width, height: height)
    }

    /// Places one row of at most ``Metrics/maximumNodesPerRow`` nodes at `y`: each under its
    /// parents unless the layer wraps, without overlaps, and never beyond the last column.
    /// Returns the row's height.
    static func place(_ row: [(unit: ArgumentUnit, x: Double)], wrapped: Bool, layer: Int, y: Double, graph: ArgumentGraph,
                      centerX: inout [UnitID: Double], nodes: inout [MapNode]) -> Double {
        typealias M = Metrics
        var rowHeight = 0.0
        var previousRight = -Double.infinity
        var placed: [(ArgumentUnit, Double)] = []
        for (unit, wanted) in row {
            var left = wanted.isFinite && !wrapped ? wanted - M.nodeWidth / 2 : max(M.margin, previousRight + M.horizontalGap)
            left = max(left, previousRight + M.horizontalGap, M.margin)
            placed.append((unit, left))
            previousRight = left + M.nodeWidth
        }
        // Pushed too far right by its neighbours, the row slides back inside the last column.
        var limit = M.margin + Double(M.maximumNodesPerRow) * (M.nodeWidth + M.horizontalGap) - M.horizontalGap
        for index in placed.indices.reversed() {
            placed[index].1 = min(placed[index].1, limit - M.nodeWidth)
            limit = placed[index].1 - M.horizontalGap
        }
        for (unit, left) in placed {
            let lines = wrap(unit.quote)
            let height = M.chrome + Double(lines.count) * M.lineHeight
            rowHeight = max(rowHeight, height)
            centerX[unit.id] = left + M.nodeWidth / 2
            nodes.append(MapNode(
                unit: unit.id, type: unit.type, x: left, y: y, width: M.nodeWidth, height: height, layer: layer,
                lines: lines, speaker: unit.speaker.map { graph.article.speaker($0)?.name ?? $0.rawValue },
                quote: unit.quote, isImplicit: unit.isImplicit
            ))
        }
        return rowHeight
    }

    /// Layer 0 holds units that point at nothing (the roots); a unit sits one layer below the
    /// lowest unit it supports or attacks (an undercut: below the unit whose inference it attacks),
    /// and on the same layer as a unit it restates. Units with no relation at all that are not
    /// positions or claims go to an extra bottom layer.
    static func assignLayers(_ graph: ArgumentGraph) -> [UnitID: Int] {
        var memo: [UnitID: Int] = [:]
        var onStack = Set<UnitID>()
        func layer(of id: UnitID) -> Int {
            if let known = memo[id] { return known }
            if !onStack.insert(id).inserted { return 0 }
            var result = 0
            for relation in graph.outgoing[id] ?? [] {
                guard let target = graph.parentUnit(of: relation), target != id, graph.unitsByID[target] != nil else { continue }
                result = max(result, layer(of: target) + (relation.type == .restates ? 0 : 1))
            }
            onStack.remove(id)
            memo[id] = result
            return result
        }
        var layers: [UnitID: Int] = [:]
        var isolated: [UnitID] = []
        for unit in graph.units {
            let connected = !(graph.outgoing[unit.id] ?? []).isEmpty || !(graph.incoming[unit.id] ?? []).isEmpty
            if !connected, unit.type != .position, unit.type != .claim {
                isolated.append(unit.id)
            } else {
                layers[unit.id] = layer(of: unit.id)
            }
        }
        let bottom = (layers.values.max() ?? -1) + 1
        for id in isolated { layers[id] = bottom }
        return layers
    }

    /// Straight arrows between node borders. Several arrows into one node spread along its border;
    /// undercuts end at the midpoint of the arrow they attack, so they are placed after it.
    static func route(_ graph: ArgumentGraph, _ nodes: [MapNode]) -> [MapEdge] {
        var nodeByID: [UnitID: MapNode] = [:]
        for node in nodes { nodeByID[node.unit] = node }
        let relations = graph.article.relations.sorted { naturalLess($0.id.rawValue, $1.id.rawValue) }
        var arrivals: [UnitID: [RelationID]] = [:]
        for relation in relations {
            if case .unit(let id) = relation.to { arrivals[id, default: []].append(relation.id) }
        }
        var edges: [MapEdge] = []
        var placed: [RelationID: MapEdge] = [:]
        for relation in relations {
            guard case .unit(let targetID) = relation.to, let source = nodeByID[relation.from], let target = nodeByID[targetID],
                  relation.from != targetID else { continue }
            let slots = arrivals[targetID]!
            let slot = Double(slots.firstIndex(of: relation.id)!)
            let spread = slots.count > 1 ? (slot / Double(slots.count - 1) - 0.5) * target.width * 0.6 : 0
            let start: MapPoint
            let end: MapPoint
            if target.y + target.height <= source.y {
                start = MapPoint(x: source.x + source.width / 2, y: source.y)
                end = MapPoint(x: target.x + target.width / 2 + spread, y: target.y + target.height)
            } else if source.y + source.height <= target.y {
                start = MapPoint(x: source.x + source.width / 2, y: source.y + source.height)
                end = MapPoint(x: target.x + target.width / 2 + spread, y: target.y)
            } else if source.x < target.x {
                start = MapPoint(x: source.x + source.width, y: source.y + source.height / 2)
                end = MapPoint(x: target.x, y: target.y + target.height / 2)
            } else {
                start = MapPoint(x: source.x, y: source.y + source.height / 2)
                end = MapPoint(x: target.x + target.width, y: target.y + target.height / 2)
            }
            let edge = MapEdge(relation: relation.id, type: relation.type, from: relation.from, to: relation.to, start: start, end: end)
            edges.append(edge)
            placed[relation.id] = edge
        }
        // Undercuts may aim at undercuts; place them in rounds until nothing more can be placed.
        var pending = relations.filter { if case .relation = $0.to { return true } else { return false } }
        while !pending.isEmpty {
            var next: [Relation] = []
            for relation in pending {
                guard case .relation(let targetID) = relation.to, let source = nodeByID[relation.from] else { continue }
                guard let attacked = placed[targetID] else {
                    next.append(relation)
                    continue
                }
                let end = attacked.midpoint
                var bends: [MapPoint] = []
                let start: MapPoint
                if end.y < source.y {
                    start = MapPoint(x: source.x + source.width / 2, y: source.y)
                    // A straight line would usually cross the node the attacked arrow starts from,
                    // which sits right above; go round it instead: up into the gap above this row,
                    // across to the gutter beside that node, up the gutter, across to the midpoint.
                    if let attackedFrom = nodeByID[attacked.from], attackedFrom.y + attackedFrom.height <= source.y, attackedFrom.y > end.y {
                        let gutter = attackedFrom.x + attackedFrom.width + Metrics.horizontalGap / 2
                        let aboveRow = source.y - Metrics.verticalGap / 2
                        bends = [MapPoint(x: start.x, y: aboveRow), MapPoint(x: gutter, y: aboveRow), MapPoint(x: gutter, y: end.y)]
                    }
                } else {
                    start = MapPoint(x: source.x + source.width / 2, y: source.y + source.height)
                }
                let edge = MapEdge(relation: relation.id, type: relation.type, from: relation.from, to: relation.to, start: start, end: end, bends: bends)
                edges.append(edge)
                placed[relation.id] = edge
            }
            if next.count == pending.count { break }
            pending = next
        }
        return edges
    }

    /// Word-wraps `text` into at most ``Metrics/maximumLines`` lines of about
    /// ``Metrics/charactersPerLine`` code points, ending with `…` when it had to shorten.
    public static func wrap(_ text: String, width: Int = Metrics.charactersPerLine, maximumLines: Int = Metrics.maximumLines) -> [String] {
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
