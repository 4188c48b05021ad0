import ArgmarkCore

/// Tables and lists a researcher can paste into a paper (GitHub-flavoured Markdown).
public enum MarkdownRenderer {
    /// Above this many sources, source-by-target tables are written one row per source instead of
    /// one column per source, so they stay readable.
    static let maximumSourceColumns = 8
    /// Outlines indent at most this many levels.
    static let maximumIndentation = 12

    public static func render(_ report: ComparisonReport) -> String {
        var out = "# Argument report\n\n"
        let units = report.profiles.reduce(0) { $0 + $1.unitCount }
        let relations = report.graphs.reduce(0) { $0 + $1.article.relations.count }
        out += "\(report.sources.count) \(plural(report.sources.count, "source")), \(units) \(plural(units, "unit")), \(relations) \(plural(relations, "relation")), \(report.stanceBySource.targets.count) \(plural(report.stanceBySource.targets.count, "target")), \(report.propositions.count) shared \(plural(report.propositions.count, "proposition")).\n\n"
        out += sourcesSection(report)
        out += stanceSection(report, report.stanceBySource, title: "Stance by source", columnName: "Source")
        out += stanceSection(report, report.stanceBySpeaker, title: "Stance by speaker", columnName: "Speaker")
        out += propositionsSection(report)
        out += counterclaimsSection(report)
        out += sharedTextSection(report)
        out += speakersSection(report)
        out += mapsSection(report)
        return out
    }

    static func plural(_ count: Int, _ word: String) -> String { count == 1 ? word : word + "s" }

    /// A table cell: pipes escaped, line breaks flattened.
    static func cell(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "|": out += "\\|"
            case "\n", "\r", "\t": out += " "
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    static func table(_ header: [String], _ rows: [[String]]) -> String {
        var out = "| " + header.map(cell).joined(separator: " | ") + " |\n"
        out += "|" + header.map { _ in " --- |" }.joined() + "\n"
        for row in rows { out += "| " + row.map(cell).joined(separator: " | ") + " |\n" }
        return out + "\n"
    }

    static func targetName(_ report: ComparisonReport, _ id: TargetID) -> String {
        report.corpus.target(id)?.name ?? id.rawValue
    }

    static func sourcesSection(_ report: ComparisonReport) -> String {
        var out = "## Sources\n\n"
        let header = ["Source", "Outlet", "Genre", "Published", "Units"] + UnitType.allCases.map(\.rawValue) + ["Supports", "Attacks", "Depth", "Annotated"]
        let rows = report.sources.indices.map { index -> [String] in
            let source = report.sources[index]
            let profile = report.profiles[index]
            let meta = source.article.metadata
            return [source.key, meta.outlet ?? "", meta.genre?.rawValue ?? "", meta.published ?? "", String(profile.unitCount)]
                + UnitType.allCases.map { String(profile.unitsByType[$0] ?? 0) }
                + [String(profile.supports), String(profile.attacks), String(profile.depth), Markup.percent(profile.annotatedShare)]
        }
        out += table(header, rows)
        return out
    }

    static func stanceCell(_ cell: StanceMatrix.Cell?, _ report: ComparisonReport, showSource: Bool) -> String {
        guard let cell else { return "" }
        func ids(_ references: [UnitReference]) -> String {
            references.map { showSource ? "\(report.sources[$0.source].key):\($0.unit)" : $0.unit.rawValue }.joined(separator: ", ")
        }
        var parts: [String] = []
        if !cell.favor.isEmpty { parts.append("favor (\(ids(cell.favor)))") }
        if !cell.against.isEmpty { parts.append("against (\(ids(cell.against)))") }
        if !cell.neutral.isEmpty { parts.append("neutral (\(ids(cell.neutral)))") }
        if !cell.reported.isEmpty { parts.append("reports counterclaims (\(ids(cell.reported)))") }
        let verdict = cell.verdictName == "mixed" ? "**mixed**: " : ""
        return verdict + parts.joined(separator: "; ")
    }

    static func stanceSection(_ report: ComparisonReport, _ matrix: StanceMatrix, title: String, columnName: String) -> String {
        var out = "## \(title)\n\n"
        guard !matrix.cells.isEmpty else { return out + "No unit has both a stance and a target.\n\n" }
        let showSource = columnName == "Speaker"
        if matrix.columns.count <= maximumSourceColumns {
            let header = ["Target"] + matrix.columns.map(\.label)
            let rows = matrix.targets.indices.map { row in
                [targetName(report, matrix.targets[row])] + matrix.columns.indices.map { stanceCell(matrix.cell(row: row, column: $0), report, showSource: showSource) }
            }
            out += table(header, rows)
        } else {
            let header = [columnName] + matrix.targets.map { targetName(report, $0) }
            var rows: [[String]] = []
            var cellsByColumn: [Int: [Int: StanceMatrix.Cell]] = [:]
            for cell in matrix.cells { cellsByColumn[cell.column, default: [:]][cell.row] = cell }
            for column in cellsByColumn.keys.sorted() {
                rows.append([matrix.columns[column].label] + matrix.targets.indices.map { stanceCell(cellsByColumn[column]![$0], report, showSource: showSource) })
            }
            out += table(header, rows)
        }
        return out
    }

    static func propositionsSection(_ report: ComparisonReport) -> String {
        var out = "## Shared propositions\n\n"
        guard !report.propositions.isEmpty else { return out + "No shared propositions are declared or used.\n\n" }
        func list(_ entries: [PropositionRow.Entry], _ pick: (PropositionRow.Entry) -> [UnitReference]) -> String {
            entries.compactMap { entry in
                let units = pick(entry)
                return units.isEmpty ? nil : "\(report.sources[entry.source].key) (\(units.map(\.unit.rawValue).joined(separator: ", ")))"
            }.joined(separator: "; ")
        }
        let rows = report.propositions.map { row in
            [row.proposition.rawValue, row.statement ?? "", list(row.entries, \.asserts), list(row.entries, \.reportsAsCounterclaim), list(row.entries, \.rebuts)]
        }
        out += table(["Proposition", "Statement", "Asserted by", "Reported as counterclaim by", "Rebutted by"], rows)
        return out
    }

    static func counterclaimsSection(_ report: ComparisonReport) -> String {
        var out = "## Counterclaims and answers\n\n"
        guard !report.counterclaims.isEmpty else { return out + "No counterclaims are annotated.\n\n" }
        let unanswered = report.counterclaims.filter { !$0.isAnswered }.count
        out += "\(report.counterclaims.count) \(plural(report.counterclaims.count, "counterclaim")), \(unanswered) unanswered.\n\n"
        let rows = report.counterclaims.map { entry -> [String] in
            let answers = entry.answers.map { "\($0.unit.unit) (\($0.type.rawValue))" }.joined(separator: ", ")
            return [report.sources[entry.unit.source].key, entry.unit.unit.rawValue, entry.speaker ?? "", Markup.shorten(entry.quote, to: 140), entry.isAnswered ? answers : "**unanswered**"]
        }
        out += table(["Source", "Unit", "Held by", "Counterclaim", "Answered by"], rows)
        return out
    }

    static func sharedTextSection(_ report: ComparisonReport) -> String {
        var out = "## Shared text\n\n"
        let options = report.sharedText.options
        out += "Passages of at least \(options.minimumWords) matching words, found through \(options.shingleWords)-word shingles (case, quotes and punctuation ignored). Offsets are Unicode code points.\n\n"
        guard !report.sharedText.pairs.isEmpty else { return out + "No shared passages found.\n\n" }
        for pair in report.sharedText.pairs {
            let a = report.sources[pair.a].key, b = report.sources[pair.b].key
            out += "### \(a) and \(b)\n\n"
            out += "\(pair.passages.count) \(plural(pair.passages.count, "passage")); \(pair.sharedWordsA) of \(a)'s \(pair.wordsA) words (\(Markup.percent(pair.coverageA))) and \(pair.sharedWordsB) of \(b)'s \(pair.wordsB) words (\(Markup.percent(pair.coverageB))) are shared; the longest passage has \(pair.longestPassageWords) words.\n\n"
            let rows = pair.passages.enumerated().map { index, passage -> [String] in
                [String(index + 1), String(passage.matchedWords), Markup.score(passage.similarity),
                 "\(passage.a.span)", "\(passage.b.span)", "“" + Markup.shorten(passage.a.text, to: 160) + "”",
                 (passage.a.units + passage.b.units).isEmpty ? "" : "\(a): \(passage.a.units.map(\.rawValue).joined(separator: ", ")); \(b): \(passage.b.units.map(\.rawValue).joined(separator: ", "))",
                 passage.propositions.map(\.rawValue).joined(separator: ", ")]
            }
            out += table(["#", "Words", "Similarity", "\(a) offsets", "\(b) offsets", "Passage (as in \(a))", "Units", "Propositions"], rows)
        }
        return out
    }

    static func speakersSection(_ report: ComparisonReport) -> String {
        var out = "## Who quotes whom\n\n"
        guard !report.speakers.isEmpty else { return out + "No speakers are declared.\n\n" }
        let rows = report.speakers.map { summary -> [String] in
            let stances = summary.stances.map { stance -> String in
                var parts: [String] = []
                if stance.favor > 0 { parts.append("favor \(stance.favor)") }
                if stance.against > 0 { parts.append("against \(stance.against)") }
                if stance.neutral > 0 { parts.append("neutral \(stance.neutral)") }
                return "\(targetName(report, stance.target)): \(parts.joined(separator: ", "))"
            }.joined(separator: "; ")
            return [report.sources[summary.source].key, summary.name, summary.role ?? "", String(summary.units.count), stances, summary.alsoInDescription { report.sources[$0].key }]
        }
        out += table(["Source", "Speaker", "Role", "Units", "Stance", "Also in"], rows)
        return out
    }

    /// Each argument as an outline: roots first, then what bears on them, indented.
    static func mapsSection(_ report: ComparisonReport) -> String {
        var out = "## Argument maps\n\n"
        for (index, graph) in report.graphs.enumerated() {
            let source = report.sources[index]
            out += "### \(source.key)" + (source.article.metadata.title.map { ": " + cell($0) } ?? "") + "\n\n"
            guard !graph.units.isEmpty else {
                out += "No argument units annotated.\n\n"
                continue
            }
            for line in graph.outline() {
                guard let unit = graph.unitsByID[line.unit] else { continue }
                // Indentation stops at a readable depth; deeper lines say how deep they are.
                var text = String(repeating: "  ", count: min(line.depth, maximumIndentation)) + "- "
                if line.depth > maximumIndentation { text += "(depth \(line.depth)) " }
                if let relation = line.relation { text += "*\(relation.type.rawValue)*: " }
                text += "**\(unit.type.rawValue)** \(unit.id)"
                if let speaker = unit.speaker { text += " (\(graph.article.speaker(speaker)?.name ?? speaker.rawValue))" }
                text += ": “" + Markup.shorten(unit.quote, to: 200) + "”"
                out += text + (line.isRepeat ? " (see above)\n" : "\n")
            }
            out += "\n"
        }
        return out
    }
}
