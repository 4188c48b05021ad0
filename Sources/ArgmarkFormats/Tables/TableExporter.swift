import ArgmarkCore

/// Tables for notebooks and model training, one set for the whole batch: `articles.csv`,
/// `units.csv` and `relations.csv` (RFC 4180, UTF-8, a header row), and `articles.jsonl` (one JSON
/// record per article with its units and relations). Offsets are Unicode code points, so
/// `text[start:end]` in Python is the unit's quote. Every column is documented in the README.
package enum TableExporter {
    /// One column: its name and what it holds.
    package struct Column: Sendable {
        package var name: String
        package var meaning: String
    }

    package static let articleColumns: [Column] = [
        Column(name: "article_id", meaning: "argmark article id"),
        Column(name: "title", meaning: "headline"), Column(name: "outlet", meaning: "publication"), Column(name: "author", meaning: "byline"),
        Column(name: "published", meaning: "ISO date"), Column(name: "url", meaning: "source address"),
        Column(name: "genre", meaning: "news, opinion, interview, ..."), Column(name: "language", meaning: "BCP 47 code"),
        Column(name: "characters", meaning: "length of the text in code points"), Column(name: "units", meaning: "number of units"),
        Column(name: "relations", meaning: "number of relations"), Column(name: "text_sha256", meaning: "SHA-256 of the text (UTF-8)"),
        Column(name: "path", meaning: "the argmark file"),
        Column(name: "text", meaning: "the article's text (quoted; may hold line breaks)"),
    ]

    package static let unitColumns: [Column] = [
        Column(name: "article_id", meaning: "the article"), Column(name: "article_title", meaning: "its title"),
        Column(name: "article_outlet", meaning: "its outlet"), Column(name: "article_author", meaning: "its author"),
        Column(name: "article_published", meaning: "its date"), Column(name: "article_genre", meaning: "its genre"),
        Column(name: "article_language", meaning: "its language"),
        Column(name: "unit_id", meaning: "unit id (unique within the article)"),
        Column(name: "type", meaning: "position, claim, counterclaim, rebuttal or evidence"),
        Column(name: "start", meaning: "first code point (empty for an implicit unit)"), Column(name: "end", meaning: "code point after the last (empty for an implicit unit)"),
        Column(name: "fragments", meaning: "pieces of a discontinuous unit, START-END separated by spaces"),
        Column(name: "implicit", meaning: "true for a unit with no span (its quote is a paraphrase)"),
        Column(name: "quote", meaning: "the unit's words (the text at its span, or the paraphrase)"),
        Column(name: "speaker_id", meaning: "who asserts it (empty: the author)"), Column(name: "speaker_name", meaning: "that speaker's name"),
        Column(name: "speaker_role", meaning: "that speaker's role"),
        Column(name: "stance", meaning: "favor, against or neutral"), Column(name: "target_id", meaning: "what the stance is toward"),
        Column(name: "target_name", meaning: "the target's name (from corpus.xml)"),
        Column(name: "proposition_id", meaning: "the shared proposition the unit expresses"),
        Column(name: "proposition_statement", meaning: "its canonical statement (from corpus.xml)"),
        Column(name: "status", meaning: "gold, or suggested for an unreviewed machine suggestion"),
        Column(name: "confidence", meaning: "a suggestion's confidence"), Column(name: "note", meaning: "annotator's note"),
        Column(name: "source_label", meaning: "label in the source it was imported from"), Column(name: "source_id", meaning: "id in that source"),
    ]

    package static let relationColumns: [Column] = [
        Column(name: "article_id", meaning: "the article"), Column(name: "article_outlet", meaning: "its outlet"),
        Column(name: "relation_id", meaning: "relation id"),
        Column(name: "type", meaning: "supports, attacks, rebuts, undercuts or restates"),
        Column(name: "from_unit", meaning: "source unit id"), Column(name: "from_type", meaning: "its unit type"),
        Column(name: "to_kind", meaning: "unit, or relation for an undercut"), Column(name: "to_id", meaning: "target unit or relation id"),
        Column(name: "to_type", meaning: "the target's unit type or relation type"),
        Column(name: "note", meaning: "annotator's note"), Column(name: "source_label", meaning: "label in the source"), Column(name: "source_id", meaning: "id in the source"),
    ]

    /// The four files for `inputs`; tables lose nothing, so there are no losses to report.
    package static func export(_ inputs: [ExportInput]) -> [ExportedFile] {
        var articles: [[String]] = []
        var units: [[String]] = []
        var relations: [[String]] = []
        var records: [String] = []
        for input in inputs {
            let article = input.article
            let metadata = article.metadata
            articles.append([article.id, metadata.title ?? "", metadata.outlet ?? "", metadata.author ?? "", metadata.published ?? "", metadata.url ?? "",
                             metadata.genre?.rawValue ?? "", metadata.language ?? "", String(article.text.unicodeScalars.count),
                             String(article.units.count), String(article.relations.count), article.textDigest, input.path, article.text])
            let typeOf = Dictionary(article.units.map { ($0.id, $0.type) }, uniquingKeysWith: { first, _ in first })
            let relationTypeOf = Dictionary(article.relations.map { ($0.id, $0.type) }, uniquingKeysWith: { first, _ in first })
            for unit in ArticleWriter.canonicalOrder(article.units) {
                let speaker = unit.speaker.flatMap { article.speaker($0) }
                units.append([article.id, metadata.title ?? "", metadata.outlet ?? "", metadata.author ?? "", metadata.published ?? "",
                              metadata.genre?.rawValue ?? "", metadata.language ?? "", unit.id.rawValue, unit.type.rawValue,
                              unit.span.map { String($0.start) } ?? "", unit.span.map { String($0.end) } ?? "",
                              unit.fragments.map(\.description).joined(separator: " "), unit.isImplicit ? "true" : "false", unit.quote,
                              unit.speaker?.rawValue ?? "", speaker?.name ?? "", speaker?.role ?? "", unit.stance?.rawValue ?? "",
                              unit.target?.rawValue ?? "", unit.target.flatMap { input.corpus?.target($0)?.name } ?? "",
                              unit.proposition?.rawValue ?? "", unit.proposition.flatMap { input.corpus?.proposition($0)?.statement } ?? "",
                              unit.status.rawValue, unit.confidence.map { JSONValue.double($0).renderedCompact() } ?? "", unit.note ?? "",
                              unit.sourceLabel ?? "", unit.sourceID ?? ""])
            }
            for relation in article.relations {
                let (kind, targetType): (String, String)
                switch relation.to {
                case .unit(let target): (kind, targetType) = ("unit", typeOf[target]?.rawValue ?? "")
                case .relation(let target): (kind, targetType) = ("relation", relationTypeOf[target]?.rawValue ?? "")
                }
                relations.append([article.id, metadata.outlet ?? "", relation.id.rawValue, relation.type.rawValue, relation.from.rawValue,
                                  typeOf[relation.from]?.rawValue ?? "", kind, relation.to.rawID, targetType, relation.note ?? "",
                                  relation.sourceLabel ?? "", relation.sourceID ?? ""])
            }
            records.append(record(input).renderedCompact())
        }
        return [
            ExportedFile(name: "articles.csv", text: csv(articleColumns, articles)),
            ExportedFile(name: "units.csv", text: csv(unitColumns, units)),
            ExportedFile(name: "relations.csv", text: csv(relationColumns, relations)),
            ExportedFile(name: "articles.jsonl", text: records.map { $0 + "\n" }.joined()),
        ]
    }

    /// The JSON record of one article: `id`, `metadata`, `text`, `speakers`, `units`, `relations`.
    static func record(_ input: ExportInput) -> JSONValue {
        let article = input.article
        let metadata = article.metadata
        func optional(_ value: String?) -> JSONValue { value.map(JSONValue.string) ?? .null }
        var meta: [String: JSONValue] = [
            "title": optional(metadata.title), "outlet": optional(metadata.outlet), "author": optional(metadata.author),
            "published": optional(metadata.published), "url": optional(metadata.url), "genre": optional(metadata.genre?.rawValue),
            "language": optional(metadata.language),
        ]
        meta["properties"] = .array(metadata.properties.map { .object(["name": .string($0.name), "value": .string($0.value)]) })
        let units: [JSONValue] = ArticleWriter.canonicalOrder(article.units).map { unit in
            .object([
                "id": .string(unit.id.rawValue), "type": .string(unit.type.rawValue),
                "start": unit.span.map { .int($0.start) } ?? .null, "end": unit.span.map { .int($0.end) } ?? .null,
                "fragments": .array(unit.fragments.map { .array([.int($0.start), .int($0.end)]) }), "quote": .string(unit.quote),
                "speaker": optional(unit.speaker?.rawValue), "speaker_name": optional(unit.speaker.flatMap { article.speaker($0)?.name }),
                "stance": optional(unit.stance?.rawValue), "target": optional(unit.target?.rawValue),
                "target_name": optional(unit.target.flatMap { input.corpus?.target($0)?.name }),
                "proposition": optional(unit.proposition?.rawValue),
                "proposition_statement": optional(unit.proposition.flatMap { input.corpus?.proposition($0)?.statement }),
                "status": .string(unit.status.rawValue), "confidence": unit.confidence.map(JSONValue.double) ?? .null,
                "note": optional(unit.note), "source_label": optional(unit.sourceLabel), "source_id": optional(unit.sourceID),
            ])
        }
        let relations: [JSONValue] = article.relations.map { relation in
            var kind = "unit"
            if case .relation = relation.to { kind = "relation" }
            return .object([
                "id": .string(relation.id.rawValue), "type": .string(relation.type.rawValue), "from": .string(relation.from.rawValue),
                "to": .string(relation.to.rawID), "to_kind": .string(kind), "note": optional(relation.note),
                "source_label": optional(relation.sourceLabel), "source_id": optional(relation.sourceID),
            ])
        }
        let speakers: [JSONValue] = article.speakers.map { .object(["id": .string($0.id.rawValue), "name": .string($0.name), "role": optional($0.role)]) }
        return .object(["id": .string(article.id), "metadata": .object(meta), "text": .string(article.text), "speakers": .array(speakers),
                        "units": .array(units), "relations": .array(relations)])
    }

    /// RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled; CRLF rows.
    static func csv(_ columns: [Column], _ rows: [[String]]) -> String {
        func field(_ value: String) -> String {
            guard value.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
            return "\"" + value.replacing("\"", with: "\"\"") + "\""
        }
        var out = columns.map(\.name).joined(separator: ",") + "\r\n"
        for row in rows { out += row.map(field).joined(separator: ",") + "\r\n" }
        return out
    }
}
