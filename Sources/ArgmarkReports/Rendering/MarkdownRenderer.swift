import ArgmarkCore

/// The report as GitHub-flavoured Markdown (tables and outlines a researcher can paste into a
/// paper), drawn from the same ``ReportDocument`` as the HTML report. Every text from the
/// articles goes through ``DisplayEscaping/markdown(_:)``: raw HTML, links and emphasis in a
/// title, a quote or a name stay literal text.
package enum MarkdownRenderer {
    /// Outlines indent at most this many levels.
    static let maximumIndentation = 12

    package static func render(_ report: ComparisonReport) -> String {
        let document = ReportDocument.build(report)
        var out = "# \(cell(document.title))\n\n\(cell(document.summary)).\n\n"
        for section in document.sections {
            out += "## \(cell(section.title))\n\n"
            for block in section.blocks { out += render(block, report) }
        }
        return out
    }

    static func render(_ block: ReportDocument.Block, _ report: ComparisonReport) -> String {
        switch block {
        case .paragraph(let inlines, _):
            return inline(inlines, inTable: false) + "\n\n"
        case .heading(let inlines, _, _):
            return "### " + inline(inlines, inTable: false) + "\n\n"
        case .table(let table):
            return self.table(table)
        case .outline(let source):
            return outline(report.graphs[source])
        case .map, .text:
            return ""
        }
    }

    static func inline(_ inlines: [ReportDocument.Inline], inTable: Bool) -> String {
        var out = ""
        for piece in inlines {
            switch piece {
            case .text(let text): out += cell(text)
            case .strong(let text): out += "**\(cell(text))**"
            case .emphasis(let text): out += "*\(cell(text))*"
            // Ids only (letters, digits, `-_.`): nothing in them can close the code span.
            case .code(let text): out += "`\(text)`"
            case .unit(_, let label, _), .source(_, let label): out += cell(label)
            case .stance(_, let label): out += "**\(cell(label))**"
            case .quote(let text): out += "“" + cell(text) + "”"
            case .lineBreak: out += inTable ? "; " : "  \n"
            }
        }
        return out
    }

    /// Text as literal Markdown on one line (it serves table cells too: pipes are escaped).
    static func cell(_ text: String) -> String {
        DisplayEscaping.markdown(text)
    }

    static func table(_ table: ReportDocument.Table) -> String {
        var out = "| " + table.header.map(cell).joined(separator: " | ") + " |\n"
        out += "|" + table.header.indices.map { table.numericColumns.contains($0) ? " ---: |" : " --- |" }.joined() + "\n"
        for row in table.rows { out += "| " + row.cells.map { inline($0, inTable: true) }.joined(separator: " | ") + " |\n" }
        return out + "\n"
    }

    /// The argument as nested bullets: roots first, then what bears on them, indented.
    static func outline(_ graph: ArgumentGraph) -> String {
        var out = ""
        for line in graph.outline() {
            guard let unit = graph.unitsByID[line.unit] else { continue }
            // Indentation stops at a readable depth; deeper lines say how deep they are.
            var text = String(repeating: "  ", count: min(line.depth, maximumIndentation)) + "- "
            if line.depth > maximumIndentation { text += "(depth \(line.depth)) " }
            if let relation = line.relation { text += "*\(relation.type.rawValue)*: " }
            text += "**\(unit.type.rawValue)** \(unit.id)"
            if let speaker = unit.speaker { text += " (\(cell(graph.article.speaker(speaker)?.name ?? speaker.rawValue)))" }
            text += ": “" + cell(Markup.shorten(unit.quote, to: 200)) + "”"
            out += text + (line.isRepeat ? " (see above)\n" : "\n")
        }
        return out + "\n"
    }
}
