/// The checks no XSD can express: offsets against the text, the digest, references into the corpus
/// file, and the rules of argument structure. Each finding names its rule (``RuleID``).
package enum SemanticRules {
    /// Checks a decoded article; `corpus` is the vocabulary beside it, if there is one.
    package static func check(_ decoded: DecodedArticle, corpus: Corpus?, path: String) -> [Diagnostic] {
        var findings = Findings(path: path)
        let article = decoded.article
        let lines = decoded.lines
        var offsets: [Int] = []
        offsets.reserveCapacity(article.units.count * 2)
        for case let span? in article.units.lazy.map(\.span) {
            offsets.append(span.start)
            offsets.append(span.end)
        }
        let text = UTF8SpanIndex(article.text, offsets: offsets)

        if let stored = decoded.storedDigest, stored.count == 64, stored != article.textDigest {
            findings.error(.digestMismatch, "text digest does not match the text (stored \(stored.prefix(12))…, actual \(article.textDigest.prefix(12))…); the text was edited after annotation", line: lines.text, remedies: [.reanchor])
        }

        checkSpans(article, decoded: decoded, text: text, findings: &findings)
        checkReferences(article, corpus: corpus, lines: lines, findings: &findings)
        checkRelations(article, lines: lines, findings: &findings)
        return findings.diagnostics
    }

    private static func checkSpans(_ article: Article, decoded: DecodedArticle, text: UTF8SpanIndex, findings: inout Findings) {
        struct TypedSpan: Hashable {
            var type: UnitType
            var span: Span
        }
        var seenSpans: [TypedSpan: UnitID] = [:]
        for unit in article.units {
            // Looked up only for a finding: most units have none.
            var line: Int? { decoded.lines.units[unit.id] }
            if !decoded.unreadableUnits.isEmpty, decoded.unreadableUnits.contains(unit.id) { continue }
            if !decoded.halfSpanUnits.isEmpty, decoded.halfSpanUnits.contains(unit.id) {
                findings.error(.spanMissing, "unit \(unit.id) has only one of start and end; give both, or neither for an implicit unit", line: line)
                continue
            }
            guard let span = unit.span else {
                if unit.quote.unicodeScalars.allSatisfy(\.properties.isWhitespace) {
                    findings.error(.spanMissing, "implicit unit \(unit.id) has neither a span nor a paraphrase; give start and end, or write the paraphrase as its content", line: line)
                }
                if !unit.fragments.isEmpty {
                    findings.error(.fragments, "implicit unit \(unit.id) has fragments but no span", line: line)
                }
                continue
            }
            guard span.start < span.end else {
                findings.error(.spanOrder, "unit \(unit.id) has start \(span.start) not before end \(span.end); a span needs start < end", line: line)
                continue
            }
            guard span.start >= 0 else {
                findings.error(.spanRange, "unit \(unit.id) starts at \(span.start), before the start of the text; offsets count code points from 0", line: line)
                continue
            }
            guard span.end <= text.count else {
                findings.error(.spanRange, "unit \(unit.id) ends at \(span.end), past the end of the text (\(text.count) code points)", line: line)
                continue
            }
            if !text.matches(unit.quote, at: span) {
                findings.error(.quoteMismatch, "quote of unit \(unit.id) differs from the text at \(span.start)-\(span.end): the text there is \"\(abbreviate(text[span]))\", the quote is \"\(abbreviate(unit.quote))\"", line: line)
            }
            if !unit.fragments.isEmpty {
                var previousEnd = span.start
                var valid = unit.fragments.first?.start == span.start && unit.fragments.last?.end == span.end
                for fragment in unit.fragments {
                    if fragment.start < previousEnd || fragment.start >= fragment.end { valid = false }
                    previousEnd = fragment.end
                }
                if !valid {
                    findings.error(.fragments, "fragments of unit \(unit.id) must be ordered, non-overlapping, non-empty pieces that begin at start and finish at end", line: line)
                }
            }
            let key = TypedSpan(type: unit.type, span: span)
            if let other = seenSpans[key] {
                findings.warning(.duplicateSpan, "units \(other) and \(unit.id) are both \(unit.type.rawValue) on \(span.start)-\(span.end)", line: line)
            } else {
                seenSpans[key] = unit.id
            }
        }
    }

    private static func checkReferences(_ article: Article, corpus: Corpus?, lines: ElementLines, findings: inout Findings) {
        // Most articles refer to no proposition and few targets: the sets are built only when used.
        let referencesTargets = article.units.contains { $0.target != nil }
        let referencesPropositions = article.units.contains { $0.proposition != nil }
        let targets = referencesTargets ? Set(corpus?.targets.map(\.id) ?? []) : []
        let propositions = referencesPropositions ? Set(corpus?.propositions.map(\.id) ?? []) : []
        for unit in article.units {
            var line: Int? { lines.units[unit.id] }
            if unit.stance != nil && unit.target == nil {
                findings.error(.stanceTarget, "unit \(unit.id) has a stance but no target; add target=\"…\" naming what it is for or against", line: line)
            }
            if unit.target != nil && unit.stance == nil {
                findings.error(.stanceTarget, "unit \(unit.id) has a target but no stance; add stance=\"favor|against|neutral\"", line: line)
            }
            if let target = unit.target, !targets.contains(target) {
                if corpus == nil {
                    findings.error(.unknownTarget, "unit \(unit.id) refers to unknown target \(target); no \(Corpus.fileName) beside this file defines targets", line: line)
                } else {
                    findings.error(.unknownTarget, "unit \(unit.id) refers to unknown target \(target)", line: line, remedies: [.defineTarget(id: target.rawValue, folder: FileSystem.directoryName(of: findings.path))])
                }
            }
            if let proposition = unit.proposition, !propositions.contains(proposition) {
                if corpus == nil {
                    findings.error(.unknownProposition, "unit \(unit.id) refers to unknown proposition \(proposition); no \(Corpus.fileName) beside this file defines propositions", line: line)
                } else {
                    findings.error(.unknownProposition, "unit \(unit.id) refers to unknown proposition \(proposition)", line: line, remedies: [.defineProposition(id: proposition.rawValue, folder: FileSystem.directoryName(of: findings.path))])
                }
            }
        }
    }

    private static func checkRelations(_ article: Article, lines: ElementLines, findings: inout Findings) {
        // Types and endpoints only: copying whole units and relations into the tables cost more
        // than every check below.
        var typeOf: [UnitID: UnitType] = [:]
        typeOf.reserveCapacity(article.units.count)
        for unit in article.units where typeOf[unit.id] == nil { typeOf[unit.id] = unit.type }
        // Only a rebuttal's relations need these.
        var relationsByID: [RelationID: (type: RelationType, from: UnitID)] = [:]
        var attackers: Set<UnitID> = []
        if article.units.contains(where: { $0.type == .rebuttal }) {
            relationsByID.reserveCapacity(article.relations.count)
            for relation in article.relations where relationsByID[relation.id] == nil { relationsByID[relation.id] = (relation.type, relation.from) }
            for relation in article.relations where relation.type.isAttack { attackers.insert(relation.from) }
        }

        for relation in article.relations {
            var line: Int? { lines.relations[relation.id] }
            if relation.to.rawID == relation.from.rawValue || relation.to == .relation(relation.id) {
                findings.error(.selfRelation, "relation \(relation.id) points from \(relation.from) to itself", line: line)
                continue
            }
            switch relation.to {
            case .relation(let target):
                if relation.type != .undercuts {
                    findings.error(.relationToRelation, "relation \(relation.id) (\(relation.type.rawValue)) points to relation \(target); only undercuts may point to a relation", line: line)
                }
            case .unit(let target):
                if relation.type == .undercuts {
                    findings.error(.undercutTarget, "relation \(relation.id) undercuts unit \(target); undercuts attacks an inference, so point it to a relation id (use rebuts or attacks against a unit)", line: line)
                }
                _ = target
            }
            guard let sourceType = typeOf[relation.from] else { continue }
            let source = relation.from
            switch sourceType {
            case .evidence:
                if relation.type != .supports && relation.type != .restates {
                    findings.error(.evidenceRelation, "evidence \(source) \(relation.type.rawValue) \(relation.to); evidence supports a claim or position (make \(source) a claim, counterclaim or rebuttal instead)", line: line)
                }
            case .counterclaim:
                if relation.type == .supports, case .unit(let target) = relation.to, let targetType = typeOf[target], targetType != .counterclaim {
                    findings.error(.counterclaimRelation, "counterclaim \(source) supports \(targetType.rawValue) \(target); a counterclaim attacks what it opposes", line: line)
                }
            case .rebuttal:
                if relation.type == .supports || relation.type == .restates { break }
                let answersAnAttack: Bool
                switch relation.to {
                case .unit(let target):
                    answersAnAttack = typeOf[target].map { $0 == .counterclaim || attackers.contains(target) } ?? true
                case .relation(let target):
                    answersAnAttack = relationsByID[target].map { $0.type.isAttack || typeOf[$0.from] == .counterclaim } ?? true
                }
                if !answersAnAttack {
                    findings.error(.rebuttalRelation, "rebuttal \(source) \(relation.type.rawValue) \(relation.to), which attacks nothing; a rebuttal answers a counterclaim or another attack", line: line)
                }
            case .position, .claim:
                break
            }
        }

        for cycle in supportCycles(article.relations) {
            let line = lines.relations[cycle.relation]
            let names = cycle.units.map(\.rawValue)
            let shown = names.count <= 12 ? names : names.prefix(5) + ["… \(names.count - 10) more …"] + names.suffix(5)
            findings.error(.supportCycle, "supports relations form a cycle: \(shown.joined(separator: " → "))", line: line)
        }
    }

    /// Cycles of `supports` between units, each reported once at the relation that closes it.
    ///
    /// Units are numbered once, so the search runs over arrays instead of dictionaries keyed by id.
    package static func supportCycles(_ relations: [Relation]) -> [(units: [UnitID], relation: RelationID)] {
        var number: [UnitID: Int] = [:]
        var units: [UnitID] = []
        var edges: [[(unit: Int, relation: RelationID)]] = []
        func numbered(_ id: UnitID) -> Int {
            if let known = number[id] { return known }
            number[id] = units.count
            units.append(id)
            edges.append([])
            return units.count - 1
        }
        for relation in relations where relation.type == .supports {
            // A unit supporting itself is reported as a self-relation, not again as a cycle.
            if case .unit(let target) = relation.to, target != relation.from {
                let from = numbered(relation.from)
                edges[from].append((numbered(target), relation.id))
            }
        }
        guard !edges.isEmpty else { return [] }
        enum Mark { case unvisited, visiting, done }
        var marks = [Mark](repeating: .unvisited, count: units.count)
        var stack: [Int] = []
        var cycles: [(units: [UnitID], relation: RelationID)] = []
        // Depth-first search with an explicit stack: a hostile file can chain 100,000 supports,
        // which recursion would turn into a stack overflow. Reported cycles are capped, so a
        // file full of back edges cannot make the report quadratic. Roots are taken in id order.
        let cycleLimit = 50
        let roots = units.indices.filter { !edges[$0].isEmpty }.sorted { units[$0] < units[$1] }
        for root in roots where marks[root] == .unvisited {
            var frames: [(unit: Int, next: Int)] = [(root, 0)]
            marks[root] = .visiting
            stack.append(root)
            while let top = frames.last {
                let outgoing = edges[top.unit]
                guard top.next < outgoing.count else {
                    frames.removeLast()
                    stack.removeLast()
                    marks[top.unit] = .done
                    continue
                }
                frames[frames.count - 1].next += 1
                let (next, relation) = outgoing[top.next]
                switch marks[next] {
                case .visiting:
                    if cycles.count < cycleLimit, let index = stack.lastIndex(of: next) { cycles.append((stack[index...].map { units[$0] } + [units[next]], relation)) }
                case .done: break
                case .unvisited:
                    marks[next] = .visiting
                    stack.append(next)
                    frames.append((next, 0))
                }
            }
        }
        return cycles
    }

    static func abbreviate(_ text: String, limit: Int = 60) -> String {
        let flat = String(String.UnicodeScalarView(text.unicodeScalars.map { $0 == "\n" || $0 == "\r" || $0 == "\t" ? " " : $0 }))
        let scalars = Array(flat.unicodeScalars)
        guard scalars.count > limit else { return flat }
        return String(String.UnicodeScalarView(scalars[0..<limit])) + "…"
    }
}

/// Collects findings for one file.
struct Findings {
    let path: String
    var diagnostics: [Diagnostic] = []

    mutating func error(_ rule: RuleID, _ message: String, line: Int?, remedies: [Remedy] = []) {
        diagnostics.append(Diagnostic(.error, rule, message, at: SourceLocation(path: path, line: line), remedies: remedies))
    }

    mutating func warning(_ rule: RuleID, _ message: String, line: Int?) {
        diagnostics.append(Diagnostic(.warning, rule, message, at: SourceLocation(path: path, line: line)))
    }
}
