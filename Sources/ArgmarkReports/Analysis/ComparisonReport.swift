import ArgmarkCore
import Dispatch

/// Everything a report knows about a set of sources: each one's argument, and how they compare.
///
/// Built once by ``build(sources:corpus:options:)``; every renderer (HTML, Markdown, JSON, DOT,
/// SVG) reads from this value, so the formats never disagree.
public struct ComparisonReport: Sendable {
    package var sources: [ReportSource]
    /// The targets and propositions of every folder the sources came from, merged.
    package var corpus: Corpus
    package var graphs: [ArgumentGraph]
    /// One profile per source, in source order.
    package var profiles: [SourceProfile]
    /// Targets × sources.
    package var stanceBySource: StanceMatrix
    /// Targets × speakers (speakers matched across sources by name).
    package var stanceBySpeaker: StanceMatrix
    package var propositions: [PropositionRow]
    package var counterclaims: [CounterclaimEntry]
    package var sharedText: SharedTextFindings
    /// Who quotes whom: every speaker of every source, in source order.
    package var speakers: [SpeakerSummary]
    /// Where sources and speakers oppose each other, and what each source leaves out.
    package var disagreements: Disagreements

    /// Analyses `sources`. Work per source runs in parallel; nothing compares all pairs of sources.
    package static func build(sources: [ReportSource], corpus: Corpus, options: SharedTextOptions = SharedTextOptions()) -> ComparisonReport {
        var graphs = [ArgumentGraph?](repeating: nil, count: sources.count)
        // Only each text's length in code points is kept: a scalar array of every text was the
        // largest part of a big report's memory (4 bytes per character of the corpus).
        var textLengths = [Int](repeating: 0, count: sources.count)
        graphs.withUnsafeMutableBufferPointer { graphBuffer in
            textLengths.withUnsafeMutableBufferPointer { lengthBuffer in
                let graphSlots = UnsafeSlots(graphBuffer)
                let lengthSlots = UnsafeSlots(lengthBuffer)
                DispatchQueue.concurrentPerform(iterations: sources.count) { index in
                    graphSlots.buffer[index] = ArgumentGraph(sources[index].article)
                    lengthSlots.buffer[index] = sources[index].article.text.unicodeScalars.count
                }
            }
        }
        let allGraphs = graphs.map { $0! }
        let speakers = speakerSummaries(sources, allGraphs)
        let propositions = propositionRows(sources, allGraphs, corpus)
        return ComparisonReport(
            sources: sources,
            corpus: corpus,
            graphs: allGraphs,
            profiles: sources.indices.map { profile($0, allGraphs[$0], textLength: textLengths[$0]) },
            stanceBySource: stanceBySource(sources, allGraphs, corpus),
            stanceBySpeaker: stanceBySpeaker(sources, allGraphs, corpus, speakers),
            propositions: propositions,
            counterclaims: counterclaimEntries(allGraphs),
            sharedText: SharedTextFinder.find(in: sources, graphs: allGraphs, options: options),
            speakers: speakers,
            disagreements: Disagreements.find(allGraphs, targetRows(allGraphs, corpus), propositions)
        )
    }

    /// The name of a speaker of source `source`, if declared.
    package func speakerName(_ id: SpeakerID?, in source: Int) -> String? {
        guard let id else { return nil }
        return graphs[source].article.speaker(id)?.name ?? id.rawValue
    }

    /// The unit a reference points to.
    package func unit(_ reference: UnitReference) -> ArgumentUnit? {
        graphs[reference.source].unitsByID[reference.unit]
    }

    // MARK: - Tables

    /// Targets in corpus order, then targets that units use but the corpus does not define.
    static func targetRows(_ graphs: [ArgumentGraph], _ corpus: Corpus) -> [TargetID] {
        var rows = corpus.targets.map(\.id)
        var known = Set(rows)
        var extra = Set<TargetID>()
        for graph in graphs {
            for unit in graph.units {
                if let target = unit.target, !known.contains(target) { extra.insert(target) }
            }
        }
        rows += extra.sorted()
        known.formUnion(extra)
        return rows
    }

    static func stanceBySource(_ sources: [ReportSource], _ graphs: [ArgumentGraph], _ corpus: Corpus) -> StanceMatrix {
        let rows = targetRows(graphs, corpus)
        let rowIndex = Dictionary(uniqueKeysWithValues: rows.enumerated().map { ($1, $0) })
        var cells: [StanceMatrix.Cell] = []
        for (source, graph) in graphs.enumerated() {
            var bucket: [Int: StanceMatrix.Cell] = [:]
            for unit in graph.units {
                guard let target = unit.target, let stance = unit.stance, let row = rowIndex[target] else { continue }
                let reference = UnitReference(source: source, unit: unit.id)
                let voice = graph.voice(of: unit)
                if voice == .own {
                    add(reference, stance, to: &bucket[row, default: StanceMatrix.Cell(row: row, column: source)])
                } else {
                    let speaker = unit.speaker.map { graph.article.speaker($0)?.name ?? $0.rawValue }
                    bucket[row, default: StanceMatrix.Cell(row: row, column: source)].others.append(
                        VoicedUnit(unit: reference, stance: stance, voice: voice, speaker: speaker))
                }
            }
            cells += bucket.keys.sorted().map { bucket[$0]! }
        }
        cells.sort { ($0.row, $0.column) < ($1.row, $1.column) }
        let columns = sources.enumerated().map { StanceMatrix.Column(key: $1.key, label: $1.key, sources: [$0]) }
        return StanceMatrix(targets: rows, columns: columns, cells: cells)
    }

    static func stanceBySpeaker(_ sources: [ReportSource], _ graphs: [ArgumentGraph], _ corpus: Corpus, _ speakers: [SpeakerSummary]) -> StanceMatrix {
        let rows = targetRows(graphs, corpus)
        let rowIndex = Dictionary(uniqueKeysWithValues: rows.enumerated().map { ($1, $0) })
        var labels: [String: String] = [:]
        var sourcesByKey: [String: [Int]] = [:]
        for summary in speakers {
            if labels[summary.key] == nil { labels[summary.key] = summary.name }
            if sourcesByKey[summary.key]?.last != summary.source { sourcesByKey[summary.key, default: []].append(summary.source) }
        }
        let keys = labels.keys.sorted()
        let columnIndex = Dictionary(uniqueKeysWithValues: keys.enumerated().map { ($1, $0) })
        var bucket: [Int: [Int: StanceMatrix.Cell]] = [:]
        for summary in speakers {
            let column = columnIndex[summary.key]!
            for reference in summary.units {
                guard let unit = graphs[reference.source].unitsByID[reference.unit],
                      let target = unit.target, let stance = unit.stance, let row = rowIndex[target] else { continue }
                add(reference, stance, to: &bucket[row, default: [:]][column, default: StanceMatrix.Cell(row: row, column: column)])
            }
        }
        var cells: [StanceMatrix.Cell] = []
        for row in bucket.keys.sorted() {
            for column in bucket[row]!.keys.sorted() {
                var cell = bucket[row]![column]!
                cell.favor.sort()
                cell.against.sort()
                cell.neutral.sort()
                cells.append(cell)
            }
        }
        let columns = keys.map { StanceMatrix.Column(key: $0, label: labels[$0]!, sources: sourcesByKey[$0] ?? []) }
        return StanceMatrix(targets: rows, columns: columns, cells: cells)
    }

    static func add(_ reference: UnitReference, _ stance: Stance, to cell: inout StanceMatrix.Cell) {
        switch stance {
        case .favor: cell.favor.append(reference)
        case .against: cell.against.append(reference)
        case .neutral: cell.neutral.append(reference)
        }
    }

    static func propositionRows(_ sources: [ReportSource], _ graphs: [ArgumentGraph], _ corpus: Corpus) -> [PropositionRow] {
        var entries: [PropositionID: [Int: PropositionRow.Entry]] = [:]
        for (source, graph) in graphs.enumerated() {
            for unit in graph.units {
                guard let proposition = unit.proposition else { continue }
                let reference = UnitReference(source: source, unit: unit.id)
                var entry = entries[proposition]?[source] ?? PropositionRow.Entry(source: source)
                if unit.type == .counterclaim {
                    entry.reportsAsCounterclaim.append(reference)
                } else {
                    entry.asserts.append(reference)
                }
                var rebutters = Set<UnitID>(entry.rebuts.map(\.unit))
                for relation in graph.attacks(on: unit.id) {
                    guard let attacker = graph.unitsByID[relation.from], attacker.type != .counterclaim,
                          rebutters.insert(attacker.id).inserted else { continue }
                    entry.rebuts.append(UnitReference(source: source, unit: attacker.id))
                }
                entries[proposition, default: [:]][source] = entry
            }
        }
        var order = corpus.propositions.map(\.id)
        let defined = Set(order)
        order += entries.keys.filter { !defined.contains($0) }.sorted()
        return order.compactMap { id in
            let definition = corpus.proposition(id)
            let bySource = entries[id] ?? [:]
            return PropositionRow(
                proposition: id,
                statement: definition?.statement,
                target: definition?.target,
                stance: definition?.stance,
                entries: bySource.keys.sorted().map { key in
                    var entry = bySource[key]!
                    entry.asserts.sort()
                    entry.reportsAsCounterclaim.sort()
                    entry.rebuts.sort()
                    return entry
                }
            )
        }
    }

    static func counterclaimEntries(_ graphs: [ArgumentGraph]) -> [CounterclaimEntry] {
        var result: [CounterclaimEntry] = []
        for (source, graph) in graphs.enumerated() {
            for unit in graph.units where unit.type == .counterclaim {
                let attacked = (graph.outgoing[unit.id] ?? []).filter { $0.type.isAttack }.compactMap(graph.landingUnit(of:))
                let answers = graph.attacks(on: unit.id).map {
                    CounterclaimEntry.Answer(unit: UnitReference(source: source, unit: $0.from), relation: $0.id, type: $0.type)
                }
                result.append(CounterclaimEntry(
                    unit: UnitReference(source: source, unit: unit.id),
                    quote: unit.quote,
                    speaker: unit.speaker.map { graph.article.speaker($0)?.name ?? $0.rawValue },
                    target: unit.target,
                    stance: unit.stance,
                    attacks: attacked.map { UnitReference(source: source, unit: $0) },
                    answers: answers
                ))
            }
        }
        return result
    }

    /// The key that identifies a speaker across sources: the name lowercased, spaces collapsed.
    package static func speakerKey(_ name: String) -> String {
        name.lowercased().split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).joined(separator: " ")
    }

    static func speakerSummaries(_ sources: [ReportSource], _ graphs: [ArgumentGraph]) -> [SpeakerSummary] {
        var summaries: [SpeakerSummary] = []
        var sourcesByKey: [String: [Int]] = [:]
        for (source, graph) in graphs.enumerated() {
            var unitsBySpeaker: [SpeakerID: [ArgumentUnit]] = [:]
            for unit in graph.units {
                if let speaker = unit.speaker { unitsBySpeaker[speaker, default: []].append(unit) }
            }
            let speakers = graph.article.speakers.sorted { naturalLess($0.id.rawValue, $1.id.rawValue) }
            for speaker in speakers {
                let units = unitsBySpeaker[speaker.id] ?? []
                var byType: [UnitType: Int] = [:]
                var stances: [TargetID: (Int, Int, Int)] = [:]
                for unit in units {
                    byType[unit.type, default: 0] += 1
                    guard let target = unit.target, let stance = unit.stance else { continue }
                    var counts = stances[target] ?? (0, 0, 0)
                    switch stance {
                    case .favor: counts.0 += 1
                    case .against: counts.1 += 1
                    case .neutral: counts.2 += 1
                    }
                    stances[target] = counts
                }
                let key = speakerKey(speaker.name)
                if sourcesByKey[key]?.last != source { sourcesByKey[key, default: []].append(source) }
                summaries.append(SpeakerSummary(
                    source: source, speaker: speaker.id, name: speaker.name, role: speaker.role, key: key,
                    units: units.map { UnitReference(source: source, unit: $0.id) },
                    unitsByType: byType,
                    stances: stances.keys.sorted().map { target in
                        let counts = stances[target]!
                        return SpeakerSummary.TargetStance(target: target, favor: counts.0, against: counts.1, neutral: counts.2)
                    },
                    alsoIn: [],
                    alsoInCount: 0
                ))
            }
        }
        for index in summaries.indices {
            let sources = sourcesByKey[summaries[index].key] ?? []
            let ownSource = summaries[index].source
            // The list holds each source with this name once, this summary's own source among them.
            summaries[index].alsoInCount = max(0, sources.count - 1)
            summaries[index].alsoIn = Array(sources.lazy.filter { $0 != ownSource }.prefix(SpeakerSummary.alsoInLimit))
        }
        return summaries
    }

    static func profile(_ source: Int, _ graph: ArgumentGraph, textLength: Int) -> SourceProfile {
        var unitsByType: [UnitType: Int] = [:]
        var relationsByType: [RelationType: Int] = [:]
        var covered: [Span] = []
        for unit in graph.units {
            unitsByType[unit.type, default: 0] += 1
            if let span = unit.span {
                covered += unit.fragments.isEmpty ? [span] : unit.fragments
            }
        }
        for relation in graph.article.relations { relationsByType[relation.type, default: 0] += 1 }
        var annotated = 0
        var reached = 0
        for span in covered.sorted() {
            let start = max(span.start, reached)
            let end = min(span.end, textLength)
            if end > start { annotated += end - start }
            reached = max(reached, span.end)
        }
        return SourceProfile(
            source: source,
            unitsByType: unitsByType,
            relationsByType: relationsByType,
            supports: relationsByType[.supports] ?? 0,
            attacks: (relationsByType[.attacks] ?? 0) + (relationsByType[.rebuts] ?? 0) + (relationsByType[.undercuts] ?? 0),
            depth: graph.depth,
            textLength: textLength,
            annotatedLength: annotated,
            speakers: graph.article.speakers.count,
            implicitUnits: graph.units.filter(\.isImplicit).count,
            suggestedUnits: graph.units.filter { $0.status == .suggested }.count
        )
    }
}
