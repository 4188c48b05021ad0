import ArgmarkCore
@testable import ArgmarkReports
import Testing

@Suite struct ArgumentMapLayoutTests {
    let report = Fixtures.report(Fixtures.small)

    func node(_ layout: ArgumentMapLayout, _ id: UnitID) -> MapNode { layout.nodes.first { $0.unit == id }! }

    @Test func layersPutThesesOnTopAndAnswersBelowWhatTheyAnswer() {
        let layout = ArgumentMapLayout.layout(report.graphs[0])
        let layers = Dictionary(uniqueKeysWithValues: layout.nodes.map { ($0.unit.rawValue, $0.layer) })
        #expect(layers == ["a1": 0, "a7": 0, "a2": 1, "a4": 1, "a8": 1, "a3": 2, "a5": 2, "a6": 3])
        #expect(node(layout, "a5").y > node(layout, "a4").y + node(layout, "a4").height)
        for node in layout.nodes {
            #expect(node.x >= ArgumentMapLayout.Metrics.margin)
            #expect(node.x + node.width <= layout.width)
            #expect(node.y + node.height <= layout.height)
        }
    }

    @Test func nodesOfOneLayerDoNotOverlap() {
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

    @Test func anUndercutEndsAtTheMiddleOfTheArrowItAttacks() throws {
        let layout = ArgumentMapLayout.layout(report.graphs[2])
        let attacked = try #require(layout.edges.first { $0.relation == "r2" })
        let undercut = try #require(layout.edges.first { $0.relation == "r3" })
        #expect(undercut.end == attacked.midpoint)
        // It goes round the counterclaim instead of through it: every segment stays clear of c3.
        let counterclaim = node(layout, "c3")
        for (from, to) in zip(undercut.points, undercut.points.dropFirst()) {
            for step in 0...20 {
                let t = Double(step) / 20
                let x = from.x + (to.x - from.x) * t, y = from.y + (to.y - from.y) * t
                let inside = x > counterclaim.x && x < counterclaim.x + counterclaim.width && y > counterclaim.y && y < counterclaim.y + counterclaim.height
                #expect(!inside, "undercut passes through c3 at \(x),\(y)")
            }
        }
        for point in undercut.points { #expect(point.x <= layout.width) }
        #expect(node(layout, "c4").layer == node(layout, "c3").layer + 1, "the rebuttal hangs below the counterclaim")
    }

    @Test func arrowsRunFromTheChildsTopToTheParentsBottom() throws {
        let layout = ArgumentMapLayout.layout(report.graphs[0])
        let support = try #require(layout.edges.first { $0.relation == "r2" })
        let child = node(layout, "a3"), parent = node(layout, "a2")
        #expect(support.start == MapPoint(x: child.x + child.width / 2, y: child.y))
        #expect(support.end.y == parent.y + parent.height)
    }

    @Test func wideLayersWrapIntoRowsThatFitThePage() {
        var units = [ArgumentUnit(id: "p", type: .position, span: nil, quote: "The thesis.")]
        var relations: [Relation] = []
        for index in 1...12 {
            units.append(ArgumentUnit(id: UnitID("c\(index)"), type: .claim, span: nil, quote: "Reason \(index)."))
            relations.append(Relation(id: RelationID("r\(index)"), type: .supports, from: UnitID("c\(index)"), to: .unit("p")))
        }
        let layout = ArgumentMapLayout.layout(ArgumentGraph(Article(id: "wide", text: "", units: units, relations: relations)))
        let claims = layout.nodes.filter { $0.layer == 1 }
        #expect(claims.count == 12)
        #expect(Set(claims.map(\.y)).count == 3, "12 claims in rows of 5, 5 and 2")
        #expect(layout.width <= 1180)
        #expect(layout.edges.count == 12)
    }

    @Test func isolatedEvidenceGoesToTheBottomLayer() {
        let article = Article(id: "x", text: "A thesis. A fact.", units: [
            ArgumentUnit(id: "u1", type: .position, span: Span(start: 0, end: 9), quote: "A thesis."),
            ArgumentUnit(id: "u2", type: .evidence, span: Span(start: 10, end: 17), quote: "A fact."),
        ])
        let layout = ArgumentMapLayout.layout(ArgumentGraph(article))
        #expect(layout.nodes.map(\.layer) == [0, 1])
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
