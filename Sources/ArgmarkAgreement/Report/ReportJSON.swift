import ArgmarkCore

extension AgreementReport {
    /// The report as JSON (keys sorted by ``JSONValue``; undefined values are `null`).
    package var json: JSONValue {
        .object([
            "annotators": .array(annotators.map(JSONValue.string)),
            "granularity": .string(granularity.rawValue),
            "articles": .array(articles.map { article in
                .object(["id": .string(article.id), "annotators": .array(article.annotators.map { .string(annotators[$0]) })])
            }),
            "skipped": .array(unpaired.map { .object(["article": .string($0.article), "annotator": .string($0.annotator)]) }),
            "labels": .object([
                "krippendorffAlpha": number(alpha),
                "positions": .int(alphaPositions),
            ]),
            "unitizedAlpha": .object([
                "overall": number(unitizedAlpha.overall),
                "length": .int(unitizedAlpha.length),
                "articles": .int(unitizedAlpha.articleCount),
                "byType": .object(Dictionary(uniqueKeysWithValues: unitizedAlpha.categories.map { category in
                    (category.type.rawValue, JSONValue.object([
                        "value": number(category.value),
                        "observedDisagreement": .double(category.observed),
                        "expectedDisagreement": .double(category.expected),
                    ]))
                })),
            ]),
            "pairs": .array(pairs.map(json(for:))),
        ])
    }

    private func json(for pair: Pair) -> JSONValue {
        .object([
            "first": .string(annotators[pair.first]),
            "second": .string(annotators[pair.second]),
            "articles": .int(pair.articleCount),
            "units": .object(["exact": json(for: pair.exact), "overlap": json(for: pair.overlap)]),
            "labels": .object([
                "positions": .int(pair.positions),
                "cohenKappa": number(pair.kappa),
                "confusion": .object([
                    "labels": .array(pair.confusion.labels.map { .string($0.description) }),
                    "counts": .array(pair.confusion.counts.map { .array($0.map(JSONValue.int)) }),
                ]),
            ]),
            "relations": .object(["typed": json(for: pair.relations.typed), "untyped": json(for: pair.relations.untyped)]),
            "stance": .object([
                "items": .int(pair.stance.items),
                "agreed": .int(pair.stance.agreed),
                "observed": number(pair.stance.observed),
                "cohenKappa": number(pair.stance.kappa),
            ]),
        ])
    }

    private func json(for scores: UnitScores) -> JSONValue {
        .object([
            "byType": .object(Dictionary(uniqueKeysWithValues: scores.byType.map { ($0.type.rawValue, json(for: $0.counts)) })),
            "macro": .object([
                "precision": number(scores.macroPrecision),
                "recall": number(scores.macroRecall),
                "f1": number(scores.macroF1),
            ]),
            "micro": json(for: scores.micro),
        ])
    }

    private func json(for counts: MatchCounts) -> JSONValue {
        .object([
            "first": .int(counts.first),
            "second": .int(counts.second),
            "matched": .int(counts.matched),
            "precision": number(counts.precision),
            "recall": number(counts.recall),
            "f1": number(counts.f1),
        ])
    }

    private func number(_ value: Double?) -> JSONValue {
        value.map(JSONValue.double) ?? .null
    }
}
