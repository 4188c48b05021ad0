import ArgmarkCore

/// Everything the report knows, as JSON for notebooks and pipelines (structure in the README).
package enum JSONRenderer {
    /// The version of the JSON structure; raised when a field changes meaning or disappears.
    package static let formatVersion = 2

    package static func render(_ report: ComparisonReport) -> String {
        String(decoding: renderedBytes(report), as: UTF8.self)
    }

    /// The report's JSON as bytes (the same as ``write(_:to:)`` hands out).
    package static func renderedBytes(_ report: ComparisonReport) -> [UInt8] {
        var bytes: [UInt8] = []
        JSONStreamWriter<Never>.write(document(report)) { bytes += $0 }
        return bytes
    }

    /// Writes the report's JSON to `emit` in chunks: a corpus-wide report (a gigabyte of JSON for
    /// 150,000 articles) is never held whole, as a value tree or as bytes.
    package static func write<Failure: Error>(_ report: ComparisonReport, to emit: @escaping ([UInt8]) throws(Failure) -> Void) throws(Failure) {
        try JSONStreamWriter<Failure>.write(document(report), to: emit)
    }

    /// The document, with every list that grows with the corpus made one element at a time.
    package static func document(_ report: ComparisonReport) -> JSONPiece {
        .object([
            "format": .value(.string("argmark-report")),
            "version": .value(.int(formatVersion)),
            "summary": .value(summary(report)),
            "sources": .array(count: report.keys.count) { index in
                if let spooled = report.sourceBlocks { return .rendered(spooled.block(index)) }
                return .value(source(report.sources[index], graph: report.graphs[index], profile: report.profiles[index]))
            },
            "targets": .value(.array(report.corpus.targets.map { target in
                .object(["id": .string(target.id.rawValue), "name": .string(target.name), "description": optional(target.description)])
            })),
            "propositions": .array(count: report.propositions.count) { proposition(report, report.propositions[$0]) },
            "stanceBySource": matrix(report, report.stanceBySource, speakerColumns: false),
            "stanceBySpeaker": matrix(report, report.stanceBySpeaker, speakerColumns: true),
            "counterclaims": .array(count: report.counterclaims.count) { .value(counterclaim(report, report.counterclaims[$0])) },
            "sharedText": .value(sharedText(report)),
            "speakers": .array(count: report.speakers.count) { .value(speaker(report, report.speakers[$0])) },
            "disagreements": disagreements(report),
        ])
    }

    static func voiced(_ report: ComparisonReport, _ unit: VoicedUnit) -> JSONValue {
        .object([
            "source": .string(report.keys[unit.unit.source]),
            "unit": .string(unit.unit.unit.rawValue),
            "stance": .string(unit.stance.rawValue),
            "voice": .string(unit.voice.rawValue),
            "speaker": optional(unit.speaker),
        ])
    }

    static func side(_ report: ComparisonReport, _ side: Disagreements.Side) -> JSONValue {
        .object([
            "source": .string(report.keys[side.source]),
            "voice": .string(side.voice.rawValue),
            "speaker": optional(side.speaker),
            "units": .array(side.units.map { .string($0.unit.rawValue) }),
        ])
    }

    static func disagreements(_ report: ComparisonReport) -> JSONPiece {
        let found = report.disagreements
        func sides(_ list: [Disagreements.Side]) -> JSONPiece { .array(count: list.count) { .value(side(report, list[$0])) } }
        return .object([
            "targets": .array(count: found.targets.count) { index in
                let entry = found.targets[index]
                return .object([
                    "target": .value(.string(entry.target.rawValue)),
                    "favor": sides(entry.favor),
                    "against": sides(entry.against),
                ])
            },
            "propositions": .array(count: found.propositions.count) { index in
                let entry = found.propositions[index]
                return .object([
                    "proposition": .value(.string(entry.proposition.rawValue)),
                    "asserts": sides(entry.asserts),
                    "opposes": sides(entry.opposes),
                ])
            },
            "omissions": .array(count: found.omissions.count) { index in
                let entry = found.omissions[index]
                return .value(.object([
                    "source": .string(report.keys[entry.source]),
                    "propositions": .array(entry.propositions.map { .string($0.rawValue) }),
                ]))
            },
        ])
    }

    static func optional(_ value: String?) -> JSONValue { value.map(JSONValue.string) ?? .null }

    static func reference(_ report: ComparisonReport, _ reference: UnitReference) -> JSONValue {
        .object(["source": .string(report.keys[reference.source]), "unit": .string(reference.unit.rawValue)])
    }

    static func summary(_ report: ComparisonReport) -> JSONValue {
        let unanswered = report.counterclaims.filter { !$0.isAnswered }.count
        return .object([
            "sources": .int(report.keys.count),
            "units": .int(report.profiles.reduce(0) { $0 + $1.unitCount }),
            "relations": .int(report.relationCount),
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

    /// Where a source's object is written in the document: in the top-level `sources` list.
    static let sourceIndent = 4

    /// One source's object in `sources`: the article's metadata, profile, speakers, units and relations.
    static func source(_ source: ReportSource, graph: ArgumentGraph, profile: SourceProfile) -> JSONValue {
        let article = source.article
        let meta = article.metadata
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

    static func proposition(_ report: ComparisonReport, _ row: PropositionRow) -> JSONPiece {
        .object([
            "id": .value(.string(row.proposition.rawValue)),
            "statement": .value(optional(row.statement)),
            "target": .value(optional(row.target?.rawValue)),
            "stance": .value(optional(row.stance?.rawValue)),
            "sources": .array(count: row.entries.count) { index in
                let entry = row.entries[index]
                return .value(.object([
                    "source": .string(report.keys[entry.source]),
                    "asserts": .array(entry.asserts.map { .string($0.unit.rawValue) }),
                    "reportsAsCounterclaim": .array(entry.reportsAsCounterclaim.map { .string($0.unit.rawValue) }),
                    "rebuts": .array(entry.rebuts.map { .string($0.unit.rawValue) }),
                ]))
            },
        ])
    }

    static func matrix(_ report: ComparisonReport, _ matrix: StanceMatrix, speakerColumns: Bool) -> JSONPiece {
        .object([
            "targets": .value(.array(matrix.targets.map { .string($0.rawValue) })),
            "columns": .array(count: matrix.columns.count) { index in
                let column = matrix.columns[index]
                var members: [String: JSONValue] = ["key": .string(column.key), "label": .string(column.label)]
                if speakerColumns { members["sources"] = .array(column.sources.map { .string(report.keys[$0]) }) }
                return .value(.object(members))
            },
            "cells": .array(count: matrix.cells.count) { index in
                let cell = matrix.cells[index]
                return .object([
                    "target": .value(.string(matrix.targets[cell.row].rawValue)),
                    "column": .value(.string(matrix.columns[cell.column].key)),
                    "verdict": .value(.string(cell.verdictName)),
                    "favor": .array(count: cell.favor.count) { .value(reference(report, cell.favor[$0])) },
                    "against": .array(count: cell.against.count) { .value(reference(report, cell.against[$0])) },
                    "neutral": .array(count: cell.neutral.count) { .value(reference(report, cell.neutral[$0])) },
                    "others": .array(count: cell.others.count) { .value(voiced(report, cell.others[$0])) },
                ])
            },
        ])
    }

    static func counterclaim(_ report: ComparisonReport, _ entry: CounterclaimEntry) -> JSONValue {
        .object([
            "source": .string(report.keys[entry.unit.source]),
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
                "source": .string(report.keys[side.source]),
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
                    "a": .string(report.keys[pair.a]),
                    "b": .string(report.keys[pair.b]),
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
            "source": .string(report.keys[summary.source]),
            "speaker": .string(summary.speaker.rawValue),
            "name": .string(summary.name),
            "role": optional(summary.role),
            "key": .string(summary.key),
            "units": .array(summary.units.map { .string($0.unit.rawValue) }),
            "unitsByType": counts(summary.unitsByType, UnitType.self),
            "stances": .array(summary.stances.map { stance in
                .object(["target": .string(stance.target.rawValue), "favor": .int(stance.favor), "against": .int(stance.against), "neutral": .int(stance.neutral)])
            }),
            "alsoIn": .array(summary.alsoIn.map { .string(report.keys[$0]) }),
            "alsoInCount": .int(summary.alsoInCount),
        ])
    }
}
