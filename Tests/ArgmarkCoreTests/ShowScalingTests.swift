import ArgmarkTestSupport
import Testing
@testable import ArgmarkCore

/// `argmark show` on files built to be slow: many crossing units, long chains of relations.
/// The fast algorithms must give exactly what the straightforward ones gave.
@Suite struct ShowScalingTests {
    /// The original quadratic marking algorithm, kept as the reference.
    static func referenceSegments(of article: Article) -> [MarkedText.Segment] {
        let text = CodePointText(article.text)
        let placed = ArticleWriter.canonicalOrder(article.units).filter { $0.span != nil }
        var opensAt: [Int: [ArgumentUnit]] = [:]
        for unit in placed { opensAt[unit.span!.start, default: []].append(unit) }
        for key in opensAt.keys {
            opensAt[key]!.sort { $0.span!.end != $1.span!.end ? $0.span!.end > $1.span!.end : naturalLess($0.id.rawValue, $1.id.rawValue) }
        }
        var segments: [MarkedText.Segment] = []
        var open: [ArgumentUnit] = []
        var buffer = String.UnicodeScalarView()
        func flush() {
            if !buffer.isEmpty { segments.append(.text(String(buffer))); buffer = String.UnicodeScalarView() }
        }
        for offset in 0...text.count {
            let closing = open.enumerated().filter { $0.element.span!.end == offset }.map(\.offset)
            if !closing.isEmpty { flush() }
            for index in closing.reversed() {
                segments.append(.close(open[index], crossing: index != open.count - 1))
                open.remove(at: index)
            }
            if let starting = opensAt[offset] {
                flush()
                for unit in starting {
                    segments.append(.open(unit))
                    open.append(unit)
                }
            }
            if offset < text.count { buffer.append(text.scalars[offset]) }
        }
        flush()
        return segments
    }

    @Test func markingMatchesTheReferenceOnRandomSpans() {
        var random = SeededRandom("ShowScalingTests", default: 42)
        let text = String(repeating: "abcdefghij", count: 6)
        for _ in 0..<400 {
            var units: [ArgumentUnit] = []
            for index in 0..<Int(random.next() % 12) {
                // Nested, crossing, repeated, empty, reversed and out-of-range spans alike.
                let start = Int(random.next() % 70) - 5
                let end = start + Int(random.next() % 30) - 3
                units.append(ArgumentUnit(id: UnitID("u\(index % 7)"), type: UnitType.allCases[Int(random.next() % 5)], span: Span(start: start, end: end), quote: "x"))
            }
            let article = Article(id: "a", text: text, units: units)
            #expect(MarkedText.segments(of: article) == Self.referenceSegments(of: article))
        }
    }

    @Test func manyCrossingUnitsAndLongChainsAreMarkedAndOutlined() {
        let count = 10_000
        let text = String(repeating: "x", count: 2 * count + 1)
        var units: [ArgumentUnit] = []
        var relations: [Relation] = []
        for index in 0..<count {
            units.append(ArgumentUnit(id: UnitID("u\(index)"), type: index == 0 ? .position : .claim, span: Span(start: index, end: count + index), quote: "x"))
            if index > 0 { relations.append(Relation(id: RelationID("r\(index)"), type: .supports, from: UnitID("u\(index)"), to: .unit(UnitID("u\(index - 1)")))) }
        }
        let article = Article(id: "a", text: text, units: units, relations: relations)
        do {
            let segments = MarkedText.segments(of: article)
            #expect(segments.count { if case .open = $0 { true } else { false } } == count)
            #expect(segments.count { if case .close(_, crossing: true) = $0 { true } else { false } } == count - 1)
            let outline = ArgumentOutline.outline(of: article)
            #expect(outline.positions.count == count)
            #expect(outline.positions.last?.depth == count - 1)
            #expect(SemanticRules.supportCycles(relations).isEmpty)
        }
    }

    @Test func supportCyclesAreCappedAndIterative() {
        // A chain of 100,000 supports closed into a cycle, plus back edges everywhere.
        let count = 100_000
        var relations = (0..<count).map { Relation(id: RelationID("r\($0)"), type: .supports, from: UnitID("u\($0)"), to: .unit(UnitID("u\(($0 + 1) % count)"))) }
        relations += (1..<1000).map { Relation(id: RelationID("b\($0)"), type: .supports, from: UnitID("u\(count - $0)"), to: .unit(UnitID("u\($0)"))) }
        let cycles = SemanticRules.supportCycles(relations)
        #expect(!cycles.isEmpty && cycles.count <= 50)
    }
}
