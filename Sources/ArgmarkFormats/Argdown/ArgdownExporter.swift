import ArgmarkCore

/// Writes an argmark article as Argdown (`<id>.argdown`): one statement per unit, titled by its id
/// and tagged with its type, with its outgoing relations below it (`+>` supports, `->` attacks
/// and rebuts). A relation that is undercut becomes an argument `<relation id>` with a
/// premise–conclusion structure, so the undercut can point to it (`_>`). Stance, target,
/// proposition and `restates` (which Argdown has no relation for) go in the statement's data
/// block `{...}`, with a comment for `restates` that readers see.
package enum ArgdownExporter {
    /// The `<id>.argdown` file.
    package static func export(_ article: Article) -> ExportedFile {
        ExportedFile(name: article.id + ".argdown", text: document(for: article))
    }

    /// The `<id>.argdown` file and what Argdown does not carry (the running text and offsets).
    package static func export(_ input: ExportInput) -> (files: [ExportedFile], losses: [ExportLoss]) {
        var losses = LossCollector()
        if !input.article.units.isEmpty || !input.article.text.isEmpty {
            losses.add("running text and span offsets (Argdown carries each unit's words, not where they stand)")
        }
        losses.metadata(of: input.article, except: ["title", "outlet", "author", "url"])
        return ([ExportedFile(name: input.article.id + ".argdown", text: document(for: input.article, corpus: input.corpus))], losses.losses)
    }

    /// The Argdown text of `article`: deterministic, ending with a newline. `corpus` names targets
    /// and states propositions.
    package static func document(for article: Article, corpus: Corpus? = nil) -> String {
        var blocks: [String] = []
        blocks.append("# " + escape(article.metadata.title ?? article.id))
        var provenance: [String] = ["argmark article \(article.id)"]
        if let outlet = article.metadata.outlet { provenance.append("outlet: \(outlet)") }
        if let author = article.metadata.author { provenance.append("author: \(author)") }
        if let url = article.metadata.url { provenance.append("url: \(url)") }
        blocks.append("<!-- " + provenance.map(comment).joined(separator: "; ") + " -->")

        let undercut = Set(article.relations.compactMap { relation -> RelationID? in
            if case .relation(let target) = relation.to { return target }
            return nil
        })
        var relationsFrom: [UnitID: [Relation]] = [:]
        for relation in article.relations { relationsFrom[relation.from, default: []].append(relation) }
        var restated: [UnitID: [String]] = [:]
        for relation in article.relations where relation.type == .restates {
            if case .unit(let target) = relation.to { restated[relation.from, default: []].append(target.rawValue) }
        }

        for unit in ArticleWriter.canonicalOrder(article.units) {
            var tags = ["#" + unit.type.rawValue]
            if unit.isImplicit { tags.append("#implicit") }
            if let speaker = unit.speaker { tags.append("#(speaker: \(tagText(article.speaker(speaker)?.name ?? speaker.rawValue)))") }
            var data: [(String, String)] = []
            if let stance = unit.stance { data.append(("stance", yamlString(stance.rawValue))) }
            if let target = unit.target {
                data.append(("target", yamlString(target.rawValue)))
                if let name = corpus?.target(target)?.name { data.append(("target_name", yamlString(name))) }
            }
            if let proposition = unit.proposition {
                data.append(("proposition", yamlString(proposition.rawValue)))
                if let statement = corpus?.proposition(proposition)?.statement { data.append(("proposition_statement", yamlString(statement))) }
            }
            if let targets = restated[unit.id] { data.append(("restates", "[" + targets.map(yamlString).joined(separator: ", ") + "]")) }
            if let note = unit.note { data.append(("note", yamlString(note))) }
            let block = data.isEmpty ? "" : " {" + data.map { "\($0.0): \($0.1)" }.joined(separator: ", ") + "}"
            var lines = ["[\(unit.id)]: \(escape(flatten(unit.quote))) \(tags.joined(separator: " "))\(block)"]
            for relation in relationsFrom[unit.id] ?? [] where !undercut.contains(relation.id) {
                lines.append("  " + relationLine(relation))
            }
            blocks.append(lines.joined(separator: "\n"))
        }

        // Undercut relations as reconstructed arguments.
        for relation in article.relations where undercut.contains(relation.id) {
            var lines = ["<\(relation.id)>: \(relation.from) \(relation.type.rawValue) \(relation.to).", "", "<\(relation.id)>", "", "(1) [\(relation.from)]", "----"]
            switch (relation.type, relation.to) {
            case (.supports, .unit(let target)), (.restates, .unit(let target)):
                lines.append("(2) [\(target)]")
            case (.attacks, .unit(let target)), (.rebuts, .unit(let target)):
                lines.append("(2) [\(relation.id)-conclusion]: It is not the case that @[\(target)].")
                lines.append("  -> [\(target)]")
            case (_, .relation(let target)):
                lines.append("(2) [\(relation.id)-conclusion]: The inference of @<\(target)> does not hold.")
                lines.append("  _> <\(target)>")
            case (.undercuts, .unit(let target)):
                lines.append("(2) [\(target)]")
            }
            blocks.append(lines.joined(separator: "\n"))
        }
        return blocks.joined(separator: "\n\n") + "\n"
    }

    static func relationLine(_ relation: Relation) -> String {
        switch (relation.type, relation.to) {
        case (.supports, .unit(let target)): "+> [\(target)]"
        case (.attacks, .unit(let target)), (.rebuts, .unit(let target)), (.undercuts, .unit(let target)): "-> [\(target)]"
        case (.restates, .unit(let target)): "<!-- restates [\(target)] (relation \(relation.id)) -->"
        case (_, .relation(let target)): "_> <\(target)>"
        }
    }

    /// A YAML double-quoted string for a data block: quotes and backslashes escaped, braces as
    /// `\u` escapes so that no value can close the block, line breaks as `\n`.
    static func yamlString(_ text: String) -> String {
        let body = Escaping.replacing(text) { scalar in
            switch scalar {
            case "\"": "\\\""
            case "\\": "\\\\"
            case "\n": "\\n"
            case "\r": "\\r"
            case "\t": "\\t"
            case "{": "\\u007B"
            case "}": "\\u007D"
            default:
                scalar.value < 0x20 ? "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count) + String(scalar.value, radix: 16).uppercased() : nil
            }
        }
        return "\"" + body + "\""
    }

    /// Argdown reads `[ ] < > # @ * _ { } \` in statement text as syntax; a backslash makes them literal.
    static func escape(_ text: String) -> String {
        Escaping.replacing(text) { "[]<>#@*_{}\\".unicodeScalars.contains($0) ? "\\\($0)" : nil }
    }

    static func flatten(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    static func tagText(_ text: String) -> String {
        String(flatten(text).unicodeScalars.filter { $0 != "(" && $0 != ")" }.map(Character.init))
    }

    static func comment(_ text: String) -> String {
        flatten(text).replacing("--", with: "- -")
    }
}
