import ArgmarkCore

/// Everything a report knows about a set of sources: each one's argument, and how they compare.
///
/// Built once by ``build(sources:corpus:options:)``; every renderer (HTML, Markdown, JSON, DOT,
/// SVG) reads from this value, so the formats never disagree.
public struct ComparisonReport: Sendable {
    /// Every source's key, in source order.
    package var keys: [String]
    /// The articles compared, for the formats that draw them; empty in a report folded without
    /// keeping them (``ReportFold/init(spoolingSources:)``), whose sources are in `sourceBlocks`.
    package var sources: [ReportSource]
    /// The targets and propositions of every folder the sources came from, merged.
    package var corpus: Corpus
    /// One per source in `sources` (empty with them).
    package var graphs: [ArgumentGraph]
    /// The sources' JSON, when the articles were not kept.
    package var sourceBlocks: BlockSpool?
    /// One profile per source, in source order.
    package var profiles: [SourceProfile]
    /// Relations in all sources.
    package var relationCount: Int
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

    /// Whether the articles are kept (every format can be written), or only their facts (JSON).
    package var keepsArticles: Bool { sourceBlocks == nil }

    /// Why the sources' JSON could not be spooled or read back, if so: the report written is then
    /// incomplete and must be thrown away.
    package var unwrittenSources: FileSystemError? { sourceBlocks?.problem }

    /// The report from every source's facts: the tables that compare sources are made here, from
    /// the facts alone, whether the articles were kept or not.
    static func assemble(keys: [String], facts: [SourceFacts], sources: [ReportSource], graphs: [ArgumentGraph], spool: BlockSpool?,
                         corpus: Corpus, options: SharedTextOptions, sharedText: SharedTextFindings? = nil) -> ComparisonReport {
        let rows = targetRows(facts, corpus)
        let speakers = speakerSummaries(facts)
        let propositions = propositionRows(facts, corpus)
        return ComparisonReport(
            keys: keys,
            sources: sources,
            corpus: corpus,
            graphs: graphs,
            sourceBlocks: spool,
            profiles: facts.map(\.profile),
            relationCount: facts.reduce(0) { $0 + $1.relations },
            stanceBySource: stanceBySource(keys, facts, rows),
            stanceBySpeaker: stanceBySpeaker(facts, rows, speakers),
            propositions: propositions,
            counterclaims: facts.flatMap(\.counterclaims),
            sharedText: sharedText ?? SharedTextFinder.find(in: facts.map(\.sharedText), options: options),
            speakers: speakers,
            disagreements: Disagreements.find(facts, rows, propositions)
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
    static func targetRows(_ facts: [SourceFacts], _ corpus: Corpus) -> [TargetID] {
        var rows = corpus.targets.map(\.id)
        let known = Set(rows)
        var extra = Set<TargetID>()
        for source in facts {
            for target in source.targets where !known.contains(target) { extra.insert(target) }
        }
        rows += extra.sorted()
        return rows
    }

    static func stanceBySource(_ keys: [String], _ facts: [SourceFacts], _ rows: [TargetID]) -> StanceMatrix {
        let rowIndex = Dictionary(uniqueKeysWithValues: rows.enumerated().map { ($1, $0) })
        var cells: [StanceMatrix.Cell] = []
        for (source, sourceFacts) in facts.enumerated() {
            var bucket: [Int: StanceMatrix.Cell] = [:]
            for unit in sourceFacts.stanced {
                guard let row = rowIndex[unit.target] else { continue }
                let reference = UnitReference(source: source, unit: unit.unit)
                if unit.voice == .own {
                    add(reference, unit.stance, to: &bucket[row, default: StanceMatrix.Cell(row: row, column: source)])
                } else {
                    bucket[row, default: StanceMatrix.Cell(row: row, column: source)].others.append(
                        VoicedUnit(unit: reference, stance: unit.stance, voice: unit.voice, speaker: unit.speakerName))
                }
            }
            cells += bucket.keys.sorted().map { bucket[$0]! }
        }
        cells.sort { ($0.row, $0.column) < ($1.row, $1.column) }
        let columns = keys.enumerated().map { StanceMatrix.Column(key: $1, label: $1, sources: [$0]) }
        return StanceMatrix(targets: rows, columns: columns, cells: cells)
    }

    static func stanceBySpeaker(_ facts: [SourceFacts], _ rows: [TargetID], _ speakers: [SpeakerSummary]) -> StanceMatrix {
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
            // The speaker's units that have a target and a stance (unit ids are unique in a valid article).
            for unit in facts[summary.source].stanced where unit.speaker == summary.speaker {
                guard let row = rowIndex[unit.target] else { continue }
                add(UnitReference(source: summary.source, unit: unit.unit), unit.stance,
                    to: &bucket[row, default: [:]][column, default: StanceMatrix.Cell(row: row, column: column)])
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

    static func propositionRows(_ facts: [SourceFacts], _ corpus: Corpus) -> [PropositionRow] {
        // Sources are folded in order, so each proposition's entries come out by source.
        var entries: [PropositionID: [PropositionRow.Entry]] = [:]
        for source in facts {
            for proposition in source.propositions { entries[proposition.proposition, default: []].append(proposition.entry) }
        }
        var order = corpus.propositions.map(\.id)
        let defined = Set(order)
        order += entries.keys.filter { !defined.contains($0) }.sorted()
        return order.map { id in
            let definition = corpus.proposition(id)
            return PropositionRow(proposition: id, statement: definition?.statement, target: definition?.target, stance: definition?.stance,
                                  entries: entries[id] ?? [])
        }
    }

    /// The key that identifies a speaker across sources: the name lowercased, spaces collapsed.
    package static func speakerKey(_ name: String) -> String {
        name.lowercased().split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).joined(separator: " ")
    }

    /// One source's speakers, in id order, with `alsoIn` left empty.
    static func speakerSummaries(_ source: Int, _ graph: ArgumentGraph) -> [SpeakerSummary] {
        var summaries: [SpeakerSummary] = []
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
            summaries.append(SpeakerSummary(
                source: source, speaker: speaker.id, name: speaker.name, role: speaker.role, key: speakerKey(speaker.name),
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
        return summaries
    }

    /// Every source's speakers, in source order, each told the other sources its name is found in.
    static func speakerSummaries(_ facts: [SourceFacts]) -> [SpeakerSummary] {
        var summaries = facts.flatMap(\.speakers)
        var sourcesByKey: [String: [Int]] = [:]
        for summary in summaries where sourcesByKey[summary.key]?.last != summary.source {
            sourcesByKey[summary.key, default: []].append(summary.source)
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
