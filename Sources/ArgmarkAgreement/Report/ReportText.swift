import ArgmarkCore

/// How a report is laid out for people.
package enum ReportStyle: Sendable {
    /// Aligned plain-text tables for a terminal.
    case text
    /// GitHub-flavoured Markdown tables.
    case markdown
}

/// A table whose first `leftAligned` columns are left-aligned and the others (numbers) right-aligned.
struct Table {
    var header: [String]
    var rows: [[String]]
    var leftAligned = 1

    func rendered(_ style: ReportStyle) -> String {
        switch style {
        case .markdown:
            var lines = ["| " + header.joined(separator: " | ") + " |"]
            lines.append("|" + header.indices.map { $0 < leftAligned ? " --- |" : " ---: |" }.joined())
            lines += rows.map { "| " + $0.joined(separator: " | ") + " |" }
            // A blank line ends the table, so the next line is not read as one of its rows.
            return lines.joined(separator: "\n") + "\n\n"
        case .text:
            let all = [header] + rows
            let widths = header.indices.map { column in all.map { $0[column].unicodeScalars.count }.max() ?? 0 }
            return all.map { row in
                var line = "  "
                for (column, cell) in row.enumerated() {
                    let padding = String(repeating: " ", count: widths[column] - cell.unicodeScalars.count)
                    let separator = column == 0 ? "" : "  "
                    line += column < leftAligned ? separator + cell + padding : separator + padding + cell
                }
                while line.hasSuffix(" ") { line.removeLast() }
                return line
            }.joined(separator: "\n") + "\n"
        }
    }
}

extension AgreementReport {
    /// The letters that stand for annotators in tables: A, B, C, …
    static func letter(_ index: Int) -> String {
        index < 26 ? String(UnicodeScalar(UInt8(65 + index))) : "A\(index)"
    }

    /// A fixed-point number with three decimals, or `n/a` when undefined.
    static func format(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "n/a" }
        return NumberText.fixed(value, decimals: 3)
    }

    /// The report for people: one section per measure, each pair of annotators in turn.
    package func rendered(_ style: ReportStyle) -> String {
        let unitName = granularity == .tokens ? "tokens" : "code points"
        let unitSingular = granularity == .tokens ? "token" : "code point"
        var out = ""
        func heading(_ title: String, level: Int = 2) {
            if !out.isEmpty && !out.hasSuffix("\n\n") { out += "\n" }
            switch style {
            case .markdown: out += String(repeating: "#", count: level) + " " + title + "\n\n"
            case .text: out += title + "\n"
            }
        }
        func paragraph(_ text: String) {
            out += (style == .text ? "  " : "") + text + "\n"
            if style == .markdown { out += "\n" }
        }
        // Names from the command line and the files (folders, article ids) are shown, never obeyed.
        func content(_ text: String) -> String {
            style == .markdown ? DisplayEscaping.markdown(text) : DisplayEscaping.terminal(text)
        }
        func table(_ table: Table) {
            out += table.rendered(style)
        }

        heading("Agreement of \(annotators.count) annotators on \(articles.count) \(articles.count == 1 ? "article" : "articles") (positions: \(unitName))", level: 1)
        table(Table(header: ["annotator", "path", "articles"], rows: annotators.indices.map { index in
            [Self.letter(index), content(annotators[index]), String(articles.filter { $0.annotators.contains(index) }.count)]
        }, leftAligned: 2))
        for skipped in unpaired {
            paragraph("skipped: article \(content(skipped.article)) is only in \(content(skipped.annotator))")
        }

        heading("Coefficients over all annotators")
        table(Table(header: ["measure", "value", "over"], rows: [
            ["Krippendorff's alpha, \(unitSingular) labels (nominal)", Self.format(alpha), "\(alphaPositions) \(unitName)"],
            ["Krippendorff's unitized alpha (αU), all types", Self.format(unitizedAlpha.overall),
             "\(unitizedAlpha.length) \(unitName), \(unitizedAlpha.articleCount) \(unitizedAlpha.articleCount == 1 ? "article" : "articles")"],
        ] + unitizedAlpha.categories.map { ["αU, \($0.type.rawValue)", Self.format($0.value), ""] }))

        for pair in pairs {
            let a = Self.letter(pair.first), b = Self.letter(pair.second)
            heading("\(a) and \(b): units (\(b) against \(a); P = share of \(b)'s units matched, R = share of \(a)'s)")
            var rows: [[String]] = []
            let types = pair.overlap.byType.map(\.type)
            for type in types {
                let exact = pair.exact.byType.first { $0.type == type }!.counts
                let overlap = pair.overlap.byType.first { $0.type == type }!.counts
                rows.append([type.rawValue, String(exact.first), String(exact.second),
                             String(exact.matched), Self.format(exact.precision), Self.format(exact.recall), Self.format(exact.f1),
                             String(overlap.matched), Self.format(overlap.precision), Self.format(overlap.recall), Self.format(overlap.f1)])
            }
            rows.append(["macro", "", "", "", Self.format(pair.exact.macroPrecision), Self.format(pair.exact.macroRecall), Self.format(pair.exact.macroF1),
                         "", Self.format(pair.overlap.macroPrecision), Self.format(pair.overlap.macroRecall), Self.format(pair.overlap.macroF1)])
            let exact = pair.exact.micro, overlap = pair.overlap.micro
            rows.append(["micro", String(exact.first), String(exact.second),
                         String(exact.matched), Self.format(exact.precision), Self.format(exact.recall), Self.format(exact.f1),
                         String(overlap.matched), Self.format(overlap.precision), Self.format(overlap.recall), Self.format(overlap.f1)])
            table(Table(header: ["type", a, b, "exact", "P", "R", "F1", "overlap", "P", "R", "F1"], rows: rows))
            paragraph("exact: same type and span; overlap: same type, overlap ≥ half of each unit in \(unitName)")

            heading("\(a) and \(b): \(unitSingular) labels")
            table(Table(header: ["measure", "value", "over"], rows: [
                ["Cohen's kappa", Self.format(pair.kappa), "\(pair.positions) \(unitName)"],
            ]))
            paragraph("confusion (rows \(a), columns \(b)):")
            table(Table(header: ["\(a) \\ \(b)"] + pair.confusion.labels.map(\.description),
                        rows: pair.confusion.labels.indices.map { row in
                            [pair.confusion.labels[row].description] + pair.confusion.counts[row].map(String.init)
                        }))

            heading("\(a) and \(b): relations and stance on matched units")
            let typed = pair.relations.typed, untyped = pair.relations.untyped, stance = pair.stance
            table(Table(header: ["measure", a, b, "matched", "P", "R", "F1"], rows: [
                ["relations, same type", String(typed.first), String(typed.second), String(typed.matched),
                 Self.format(typed.precision), Self.format(typed.recall), Self.format(typed.f1)],
                ["relations, any type", String(untyped.first), String(untyped.second), String(untyped.matched),
                 Self.format(untyped.precision), Self.format(untyped.recall), Self.format(untyped.f1)],
            ]))
            table(Table(header: ["measure", "value", "over"], rows: [
                ["stance agreement", Self.format(stance.observed), "\(stance.agreed) of \(stance.items) matched units"],
                ["stance Cohen's kappa", Self.format(stance.kappa), "\(stance.items) matched units"],
            ]))
        }
        if !out.hasSuffix("\n\n") { out += "\n" }
        paragraph("n/a: undefined (nothing to compare, or every item got one and the same label so chance explains all agreement)")
        while out.hasSuffix("\n\n") { out.removeLast() }
        return out
    }
}
