import ArgmarkCore

/// Everything the report knows, as JSON for notebooks and pipelines (structure in the README).
package enum JSONRenderer {
    /// The version of the JSON structure; raised when a field changes meaning or disappears.
    package static let formatVersion = 2

    package static func render(_ report: ComparisonReport) -> String {
        document(report).rendered()
    }

    package static func document(_ report: ComparisonReport) -> JSONValue {
        .object([
            "format": .string("argmark-report"),
            "version": .int(formatVersion),
            "summary": summary(report),
            "sources": .array(report.sources.indices.map { source(report, $0) }),
            "targets": .array(report.corpus.targets.map { target in
                .object(["id": .string(target.id.rawValue), "name": .string(target.name), "description": optional(target.description)])
            }),
            "propositions": .array(report.propositions.map { proposition(report, $0) }),
            "stanceBySource": matrix(report, report.stanceBySource, speakerColumns: false),
            "stanceBySpeaker": matrix(report, report.stanceBySpeaker, speakerColumns: true),
            "counterclaims": .array(report.counterclaims.map { counterclaim(report, $0) }),
            "sharedText": sharedText(report),
            "speakers": .array(report.speakers.map { speaker(report, $0) }),
            "disagreements": disagreements(report),
        ])
    }

    static func voiced(_ report: ComparisonReport, _ unit: VoicedUnit) -> JSONValue {
        .object([
            "source": .string(report.sources[unit.unit.source].key),
            "unit": .string(unit.unit.unit.rawValue),
            "stance": .string(unit.stance.rawValue),
            "voice": .string(unit.voice.rawValue),
            "speaker": optional(unit.speaker),
        ])
    }

    static func side(_ report: ComparisonReport, _ side: Disagreements.Side) -> JSONValue {
        .object([
            "source": .string(report.sources[side.source].key),
            "voice": .string(side.voice.rawValue),
            "speaker": optional(side.speaker),
            "units": .array(side.units.map { .string($0.unit.rawValue) }),
        ])
    }

    static func disagreements(_ report: ComparisonReport) -> JSONValue {
        let found = report.disagreements
        return .object([
            "targets": .array(found.targets.map { entry in
                .object([
                    "target": .string(entry.target.rawValue),
                    "favor": .array(entry.favor.map { side(report, $0) }),
                    "against": .array(entry.against.map { side(report, $0) }),
                ])
            }),
            "propositions": .array(found.propositions.map { entry in
                .object([
                    "proposition": .string(entry.proposition.rawValue),
                    "asserts": .array(entry.asserts.map { side(report, $0) }),
                    "opposes": .array(entry.opposes.map { side(report, $0) }),
                ])
            }),
            "omissions": .array(found.omissions.map { entry in
                .object([
                    "source": .string(report.sources[entry.source].key),
                    "propositions": .array(entry.propositions.map { .string($0.rawValue) }),
                ])
            }),
        ])
    }

    static func optional(_ value: String?) -> JSONValue { value.map(JSONValue.string) ?? .null }

    static func reference(_ report: ComparisonReport, _ reference: UnitReference) -> JSONValue {
        .object(["source": .string(report.sources[reference.source].key), "unit": .string(reference.unit.rawValue)])
    }

    static func summary(_ report: ComparisonReport) -> JSONValue {
        let unanswered = report.counterclaims.filter { !$0.isAnswered }.count
        return .object([
            "sources": .int(report.sources.count),
            "units": .int(report.profiles.reduce(0) { $0 + $1.unitCount }),
            "relations": .int(report.graphs.reduce(0) { $0 + $1.article.relations.count }),
            "targets": .int(report.stanceBySource.targets.count),
            "propositions": .int(report.propositions.count),
            "counterclaims": .int(report.counterclaims.count),
            "unansweredCounterclaims": .int(unanswered),
            "sharedPassages": .int(report.sharedText.pairs.reduce(0) { $0 + $1.passages.count }),
        ])
    }

    static func counts<Key: RawRepresentable & CaseIterable>(_ counts: [Key: Int], _: Key.Type) -> JSONValue where Key.RawValue == String {
        .object(Dictionary(uniqueKeysWithValues: Key.allCases.map { ($0.rawValue, JSONValue.int(counts[$0] ?? 0)) }))
    }

    static func source(_ report: ComparisonReport, _ index: Int) -> JSONValue {
        let source = report.sources[index]
        let article = source.article
        let meta = article.metadata
        let profile = report.profiles[index]
        let graph = report.graphs[index]
        return .object([
            "key": .string(source.key),
            "id": .string(article.id),
            "file": .string(source.file),
            "title": optional(meta.title),
            "outlet": optional(meta.outlet),
            "author": optional(meta.author),
            "published": optional(meta.published),
            "url": optional(meta.url),
            "genre": optional(meta.genre?.rawValue),
            "language": optional(meta.language),
            "textSha256": .string(article.textDigest),
            "profile": .object([
                "units": .int(profile.unitCount),
                "unitsByType": counts(profile.unitsByType, UnitType.self),
                "relationsByType": counts(profile.relationsByType, RelationType.self),
                "supports": .int(profile.supports),
                "attacks": .int(profile.attacks),
                "depth": .int(profile.depth),
                "textLength": .int(profile.textLength),
                "annotatedLength": .int(profile.annotatedLength),
                "annotatedShare": .double(profile.annotatedShare),
                "speakers": .int(profile.speakers),
                "implicitUnits": .int(profile.implicitUnits),
                "suggestedUnits": .int(profile.suggestedUnits),
            ]),
            "speakers": .array(article.speakers.sorted { naturalLess($0.id.rawValue, $1.id.rawValue) }.map { speaker in
                .object(["id": .string(speaker.id.rawValue), "name": .string(speaker.name), "role": optional(speaker.role)])
            }),
            "units": .array(graph.units.map { unit in
                .object([
                    "id": .string(unit.id.rawValue),
                    "type": .string(unit.type.rawValue),
                    "start": unit.span.map { .int($0.start) } ?? .null,
                    "end": unit.span.map { .int($0.end) } ?? .null,
                    "fragments": .array(unit.fragments.map { .array([.int($0.start), .int($0.end)]) }),
                    "quote": .string(unit.quote),
                    "speaker": optional(unit.speaker?.rawValue),
                    "stance": optional(unit.stance?.rawValue),
                    "target": optional(unit.target?.rawValue),
                    "proposition": optional(unit.proposition?.rawValue),
                    "status": .string(unit.status.rawValue),
                ])
            }),
            "relations": .array(article.relations.sorted { naturalLess($0.id.rawValue, $1.id.rawValue) }.map { relation in
                var members: [String: JSONValue] = [
                    "id": .string(relation.id.rawValue),
                    "type": .string(relation.type.rawValue),
                    "from": .string(relation.from.rawValue),
                    "toUnit": .null,
                    "toRelation": .null,
                ]
                switch relation.to {
                case .unit(let id): members["toUnit"] = .string(id.rawValue)
                case .relation(let id): members["toRelation"] = .string(id.rawValue)
                }
                return .object(members)
            }),
        ])
    }

    static func proposition(_ report: ComparisonReport, _ row: PropositionRow) -> JSONValue {
        .object([
            "id": .string(row.proposition.rawValue),
            "statement": optional(row.statement),
            "target": optional(row.target?.rawValue),
            "stance": optional(row.stance?.rawValue),
            "sources": .array(row.entries.map { entry in
                .object([
                    "source": .string(report.sources[entry.source].key),
                    "asserts": .array(entry.asserts.map { .string($0.unit.rawValue) }),
                    "reportsAsCounterclaim": .array(entry.reportsAsCounterclaim.map { .string($0.unit.rawValue) }),
                    "rebuts": .array(entry.rebuts.map { .string($0.unit.rawValue) }),
                ])
            }),
        ])
    }

    static func matrix(_ report: ComparisonReport, _ matrix: StanceMatrix, speakerColumns: Bool) -> JSONValue {
        .object([
            "targets": .array(matrix.targets.map { .string($0.rawValue) }),
            "columns": .array(matrix.columns.map { column in
                var members: [String: JSONValue] = ["key": .string(column.key), "label": .string(column.label)]
                if speakerColumns { members["sources"] = .array(column.sources.map { .string(report.sources[$0].key) }) }
                return .object(members)
            }),
            "cells": .array(matrix.cells.map { cell in
                .object([
                    "target": .string(matrix.targets[cell.row].rawValue),
                    "column": .string(matrix.columns[cell.column].key),
                    "verdict": .string(cell.verdictName),
                    "favor": .array(cell.favor.map { reference(report, $0) }),
                    "against": .array(cell.against.map { reference(report, $0) }),
                    "neutral": .array(cell.neutral.map { reference(report, $0) }),
                    "others": .array(cell.others.map { voiced(report, $0) }),
                ])
            }),
        ])
    }

    static func counterclaim(_ report: ComparisonReport, _ entry: CounterclaimEntry) -> JSONValue {
        .object([
            "source": .string(report.sources[entry.unit.source].key),
            "unit": .string(entry.unit.unit.rawValue),
            "quote": .string(entry.quote),
            "speaker": optional(entry.speaker),
            "target": optional(entry.target?.rawValue),
            "stance": optional(entry.stance?.rawValue),
            "attacks": .array(entry.attacks.map { .string($0.unit.rawValue) }),
            "answered": .bool(entry.isAnswered),
            "answers": .array(entry.answers.map { answer in
                .object(["unit": .string(answer.unit.unit.rawValue), "relation": .string(answer.relation.rawValue), "type": .string(answer.type.rawValue)])
            }),
        ])
    }

    static func sharedText(_ report: ComparisonReport) -> JSONValue {
        let options = report.sharedText.options
        func side(_ side: PassageSide) -> JSONValue {
            .object([
                "source": .string(report.sources[side.source].key),
                "start": .int(side.span.start),
                "end": .int(side.span.end),
                "text": .string(side.text),
                "units": .array(side.units.map { .string($0.rawValue) }),
            ])
        }
        return .object([
            "method": .object([
                "shingleWords": .int(options.shingleWords),
                "minimumWords": .int(options.minimumWords),
                "maximumSourcesPerShingle": .int(options.maximumSourcesPerShingle),
                "maximumGapWords": .int(options.maximumGapWords),
                "commonShinglesSkipped": .int(report.sharedText.commonShinglesSkipped),
                "maximumPartnersPerSource": .int(options.maximumPartnersPerSource),
                "maximumPairs": .int(options.maximumPairs),
                "pairsOmitted": .int(report.sharedText.pairsOmitted),
                "pairBudgetPerSource": .int(options.pairBudgetPerSource),
                "minimumPairBudget": .int(options.minimumPairBudget),
                "effectiveMaximumSourcesPerShingle": .int(report.sharedText.effectiveMaximumSourcesPerShingle),
            ]),
            "pairs": .array(report.sharedText.pairs.map { pair in
                .object([
                    "a": .string(report.sources[pair.a].key),
                    "b": .string(report.sources[pair.b].key),
                    "wordsA": .int(pair.wordsA),
                    "wordsB": .int(pair.wordsB),
                    "sharedWordsA": .int(pair.sharedWordsA),
                    "sharedWordsB": .int(pair.sharedWordsB),
                    "coverageA": .double(pair.coverageA),
                    "coverageB": .double(pair.coverageB),
                    "longestPassageWords": .int(pair.longestPassageWords),
                    "passages": .array(pair.passages.map { passage in
                        .object([
                            "a": side(passage.a),
                            "b": side(passage.b),
                            "matchedWords": .int(passage.matchedWords),
                            "similarity": .double(passage.similarity),
                            "propositions": .array(passage.propositions.map { .string($0.rawValue) }),
                        ])
                    }),
                ])
            }),
        ])
    }

    static func speaker(_ report: ComparisonReport, _ summary: SpeakerSummary) -> JSONValue {
        .object([
            "source": .string(report.sources[summary.source].key),
            "speaker": .string(summary.speaker.rawValue),
            "name": .string(summary.name),
            "role": optional(summary.role),
            "key": .string(summary.key),
            "units": .array(summary.units.map { .string($0.unit.rawValue) }),
            "unitsByType": counts(summary.unitsByType, UnitType.self),
            "stances": .array(summary.stances.map { stance in
                .object(["target": .string(stance.target.rawValue), "favor": .int(stance.favor), "against": .int(stance.against), "neutral": .int(stance.neutral)])
            }),
            "alsoIn": .array(summary.alsoIn.map { .string(report.sources[$0].key) }),
            "alsoInCount": .int(summary.alsoInCount),
        ])
    }
}
