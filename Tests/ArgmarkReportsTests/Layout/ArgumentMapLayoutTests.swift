import ArgmarkCore
@testable import ArgmarkReports
import Testing

@Suite struct ArgumentMapLayoutTests {
    let report = Fixtures.report(Fixtures.small)

    func node(_ layout: ArgumentMapLayout, _ id: UnitID) -> MapNode { layout.nodes.first { $0.unit == id }! }

    /// The drawn path as a polyline: cubic segments (between points at different x) sampled the
    /// way ``SVGRenderer/pathData(_:)`` draws them.
    static func polyline(_ edge: MapEdge) -> [MapPoint] {
        var result = [edge.points[0]]
        for (from, to) in zip(edge.points, edge.points.dropFirst()) {
            if from.x == to.x { result.append(to); continue }
            let middle = (from.y + to.y) / 2
            for step in 1...16 {
                let t = Double(step) / 16, u = 1 - t
                result.append(MapPoint(x: u * u * u * from.x + 3 * u * u * t * from.x + 3 * u * t * t * to.x + t * t * t * to.x,
                                       y: u * u * u * from.y + 3 * u * u * t * middle + 3 * u * t * t * middle + t * t * t * to.y))
            }
        }
        return result
    }

    /// Boxes an edge's path enters (other than the boxes of its own ends).
    static func boxesCrossed(_ layout: ArgumentMapLayout) -> [String] {
        var found: [String] = []
        for edge in layout.edges {
            let line = polyline(edge)
            for node in layout.nodes where node.unit != edge.from && edge.to != .unit(node.unit) {
                for (a, b) in zip(line, line.dropFirst()) {
                    let hit = (0...8).contains { step in
                        let t = Double(step) / 8, x = a.x + (b.x - a.x) * t, y = a.y + (b.y - a.y) * t
                        return x > node.x + 1 && x < node.x + node.width - 1 && y > node.y + 1 && y < node.y + node.height - 1
                    }
                    if hit { found.append("\(edge.relation) through \(node.unit)"); break }
                }
            }
        }
        return found
    }

    /// Points where two edges' paths cross, away from their ends.
    static func crossings(_ layout: ArgumentMapLayout) -> Int {
        let lines = layout.edges.map(polyline)
        var count = 0
        for i in lines.indices {
            for j in lines.indices where j > i {
                let ends = [lines[i].first!, lines[i].last!, lines[j].first!, lines[j].last!]
                for (p1, p2) in zip(lines[i], lines[i].dropFirst()) {
                    for (p3, p4) in zip(lines[j], lines[j].dropFirst()) {
                        let d = (p2.x - p1.x) * (p4.y - p3.y) - (p2.y - p1.y) * (p4.x - p3.x)
                        guard abs(d) > 1e-9 else { continue }
                        let t = ((p3.x - p1.x) * (p4.y - p3.y) - (p3.y - p1.y) * (p4.x - p3.x)) / d
                        let u = ((p3.x - p1.x) * (p2.y - p1.y) - (p3.y - p1.y) * (p2.x - p1.x)) / d
                        guard t >= 0, t < 1, u >= 0, u < 1 else { continue }
                        let x = p1.x + t * (p2.x - p1.x), y = p1.y + t * (p2.y - p1.y)
                        if !ends.contains(where: { ($0.x - x) * ($0.x - x) + ($0.y - y) * ($0.y - y) < 16 }) { count += 1 }
                    }
                }
            }
        }
        return count
    }

    @Test func answersSitBelowWhatTheyAnswer() {
        let layout = ArgumentMapLayout.layout(report.graphs[0])
        let byID = Dictionary(uniqueKeysWithValues: layout.nodes.map { ($0.unit, $0) })
        for relation in report.graphs[0].article.relations {
            guard case .unit(let target) = relation.to, let child = byID[relation.from], let parent = byID[target] else { continue }
            #expect(child.y >= parent.y + parent.height + ArgumentMapLayout.Metrics.verticalGap, "\(relation.id)")
        }
        for node in layout.nodes {
            #expect(node.x >= ArgumentMapLayout.Metrics.margin)
            #expect(node.x + node.width <= layout.width)
            #expect(node.y + node.height <= layout.height)
        }
    }

    @Test func nodesOfOneRowDoNotOverlap() {
        for graph in report.graphs {
            let layout = ArgumentMapLayout.layout(graph)
            for top in Set(layout.nodes.map(\.y)) {
                let row = layout.nodes.filter { $0.y == top }.sorted { $0.x < $1.x }
                for (left, right) in zip(row, row.dropFirst()) {
                    #expect(left.x + left.width + ArgumentMapLayout.Metrics.horizontalGap <= right.x + 0.001)
                }
            }
        }
    }

    @Test func noEdgeRunsThroughABoxAndTheFixturesHaveNoCrossings() {
        for graph in report.graphs {
            let layout = ArgumentMapLayout.layout(graph)
            #expect(Self.boxesCrossed(layout).isEmpty, "\(graph.article.id): \(Self.boxesCrossed(layout))")
            #expect(Self.crossings(layout) == 0, "\(graph.article.id)")
        }
    }

    @Test func anUndercutEndsAtTheJunctionOnTheArrowItAttacks() throws {
        let layout = ArgumentMapLayout.layout(report.graphs[2])
        let attacked = try #require(layout.edges.first { $0.relation == "r2" })
        let undercut = try #require(layout.edges.first { $0.relation == "r3" })
        let junction = try #require(attacked.junction)
        #expect(undercut.end == junction)
        #expect(attacked.points.contains(junction), "the junction lies on the attacked arrow")
        #expect(node(layout, "c4").y > junction.y, "the rebuttal hangs below the arrow it undercuts")
    }

    @Test func arrowsRunFromTheChildsTopToTheParentsBottom() throws {
        let layout = ArgumentMapLayout.layout(report.graphs[0])
        let support = try #require(layout.edges.first { $0.relation == "r2" })
        let child = node(layout, "a3"), parent = node(layout, "a2")
        #expect(support.start.y == child.y)
        #expect(support.start.x > child.x && support.start.x < child.x + child.width)
        #expect(support.end.y == parent.y + parent.height)
        #expect(support.end.x > parent.x && support.end.x < parent.x + parent.width)
    }

    static func star(_ count: Int) -> ArgumentGraph {
        var units = [ArgumentUnit(id: "p", type: .position, span: nil, quote: "The thesis.")]
        var relations: [Relation] = []
        for index in 1...count {
            units.append(ArgumentUnit(id: UnitID("c\(index)"), type: .claim, span: nil, quote: "Reason \(index)."))
            relations.append(Relation(id: RelationID("r\(index)"), type: .supports, from: UnitID("c\(index)"), to: .unit("p")))
        }
        return ArgumentGraph(Article(id: "wide", text: "", units: units, relations: relations))
    }

    @Test func wideLayersFoldIntoRowsThatFitThePageWithoutCrossings() {
        let layout = ArgumentMapLayout.layout(Self.star(12))
        let claims = layout.nodes.filter { $0.unit != "p" }
        #expect(claims.count == 12)
        #expect(Set(claims.map(\.y)).count >= 3, "12 claims do not fit one row of the page")
        #expect(layout.width <= ArgumentMapLayout.Metrics.maximumWidth)
        #expect(layout.edges.count == 12)
        #expect(Self.boxesCrossed(layout).isEmpty, "\(Self.boxesCrossed(layout))")
        #expect(Self.crossings(layout) == 0)
    }

    @Test func aCycleIsDrawnWithEveryArrowPointingAtItsTarget() throws {
        let units = ["u1", "u2", "u3"].map { ArgumentUnit(id: UnitID($0), type: .claim, span: nil, quote: "Claim \($0).") }
        let relations = [
            Relation(id: "r1", type: .supports, from: "u1", to: .unit("u2")),
            Relation(id: "r2", type: .supports, from: "u2", to: .unit("u3")),
            Relation(id: "r3", type: .attacks, from: "u3", to: .unit("u1")),
        ]
        let layout = ArgumentMapLayout.layout(ArgumentGraph(Article(id: "cycle", text: "", units: units, relations: relations)))
        #expect(layout.edges.count == 3)
        for edge in layout.edges {
            let from = node(layout, edge.from)
            guard case .unit(let targetID) = edge.to else { continue }
            let target = node(layout, targetID)
            let touches = { (point: MapPoint, box: MapNode) in
                point.x >= box.x && point.x <= box.x + box.width && (abs(point.y - box.y) < 0.01 || abs(point.y - box.y - box.height) < 0.01)
            }
            #expect(touches(edge.start, from), "\(edge.relation) starts at \(edge.from)")
            #expect(touches(edge.end, target), "\(edge.relation) ends at its target")
        }
        #expect(Self.boxesCrossed(layout).isEmpty)
    }

    @Test func aChainOfTenThousandSupportsIsLaidOutWithoutRecursion() {
        let count = 10_000
        var units: [ArgumentUnit] = []
        var relations: [Relation] = []
        for index in 0..<count {
            units.append(ArgumentUnit(id: UnitID("u\(index)"), type: index == 0 ? .position : .claim, span: nil, quote: "Step \(index)."))
            if index > 0 { relations.append(Relation(id: RelationID("r\(index)"), type: .supports, from: UnitID("u\(index)"), to: .unit(UnitID("u\(index - 1)")))) }
        }
        let graph = ArgumentGraph(Article(id: "chain", text: "", units: units, relations: relations))
        #expect(graph.depth == count)
        #expect(graph.outline().count == count)
        #expect(graph.outline().last?.depth == count - 1)
        let layout = ArgumentMapLayout.layout(graph)
        #expect(layout.nodes.count == count)
        #expect(layout.edges.count == count - 1)
    }

    @Test func isolatedEvidenceGoesBelowTheArgument() {
        let article = Article(id: "x", text: "A thesis. A fact.", units: [
            ArgumentUnit(id: "u1", type: .position, span: Span(start: 0, end: 9), quote: "A thesis."),
            ArgumentUnit(id: "u2", type: .evidence, span: Span(start: 10, end: 17), quote: "A fact."),
        ])
        let layout = ArgumentMapLayout.layout(ArgumentGraph(article))
        #expect(layout.nodes.count == 2)
    }

    @Test func wrapShortensLongQuotesWithAnEllipsis() {
        let long = String(repeating: "argument ", count: 40)
        let lines = ArgumentMapLayout.wrap(long)
        #expect(lines.count == ArgumentMapLayout.Metrics.maximumLines)
        #expect(lines.last!.hasSuffix("…"))
        for line in lines { #expect(line.unicodeScalars.count <= ArgumentMapLayout.Metrics.charactersPerLine) }
        #expect(ArgumentMapLayout.wrap("short one") == ["short one"])
        let word = ArgumentMapLayout.wrap(String(repeating: "x", count: 80))
        #expect(word == [String(repeating: "x", count: ArgumentMapLayout.Metrics.charactersPerLine - 1) + "…"])
    }

    @Test func emptyArticleHasAnEmptyMap() {
        let layout = ArgumentMapLayout.layout(ArgumentGraph(Article(id: "e", text: "nothing")))
        #expect(layout.nodes.isEmpty)
        #expect(layout.edges.isEmpty)
        #expect(layout.width > 0)
    }
}
