import ArgumentParser
import ArgmarkCommandLine
import ArgmarkCore

struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", _superCommandName: "argmark",
        abstract: "List an article's units (and its relations and speakers).",
        discussion: """
            Units in text order. --type keeps only units of one type; --format json is for tools.
            Several files and folders are listed one after the other, each under a ==> FILE <== line \
            (with --format json: a list of the files' objects, each with its "path").
            """
    )

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Argument(help: "Annotation files or folders of them.") var files: [String]
    @Option(help: "Only units of this type.") var type: String?
    @Option(help: "text or json.") var format: OutputFormat = .text

    func run() throws {
        var unitType: UnitType?
        try EditReporting.run { () throws(EditError) in unitType = try type.map(Vocabulary.unitType) }
        let several = files.count > 1 || files.contains { FileSystem.kind(of: $0) == .directory }
        if format == .json && several {
            // One JSON document: the listings are gathered and printed together.
            var listings: [JSONValue] = []
            defer { Terminal.write(JSONValue.array(listings).rendered(), to: Platform.standardOutput) }
            try Show.eachArticle(files, separated: false) { file, _ throws(EditError) in
                let (article, _, _) = try ArticleEditor.read(article: file)
                guard case .object(var object) = article.listingJSON(unitType: unitType) else { return }
                object["path"] = .string(file)
                listings.append(.object(object))
            }
            return
        }
        try Show.eachArticle(files) { file, several throws(EditError) in
            if several { Terminal.write("==> \(Terminal.visible(file)) <==\n", to: Platform.standardOutput) }
            let (article, _, _) = try ArticleEditor.read(article: file)
            switch format {
            case .json:
                Terminal.write(article.listingJSON(unitType: unitType).rendered(), to: Platform.standardOutput)
            case .text:
                var rows: [[String]] = []
                for unit in ArticleWriter.canonicalOrder(article.units) where unitType == nil || unit.type == unitType {
                    rows.append([unit.id.rawValue, unit.type.rawValue, unit.span.map(\.description) ?? "implicit",
                                 unit.attributeSummary.isEmpty ? "-" : Terminal.visible(unit.attributeSummary), "\"\(Abbreviation.short(unit.quote))\""])
                }
                var out = table(rows)
                if unitType == nil {
                    let relations = article.relations.sorted { naturalLess($0.id.rawValue, $1.id.rawValue) }
                    if !relations.isEmpty {
                        out += "\n" + table(relations.map { [$0.id.rawValue, $0.from.rawValue, $0.type.rawValue, $0.to.rawID] })
                    }
                    let speakers = article.speakers.sorted { naturalLess($0.id.rawValue, $1.id.rawValue) }
                    if !speakers.isEmpty {
                        out += "\n" + table(speakers.map { [$0.id.rawValue, Terminal.visible($0.name), $0.role.map { Terminal.visible($0) } ?? "-"] })
                    }
                }
                Terminal.write(out, to: Platform.standardOutput)
            }
        }
    }

    /// Left-aligned columns separated by two spaces (the last column is not padded).
    private func table(_ rows: [[String]]) -> String {
        guard let columns = rows.map(\.count).max() else { return "" }
        var widths = [Int](repeating: 0, count: columns)
        for row in rows {
            for (index, cell) in row.enumerated() { widths[index] = max(widths[index], cell.unicodeScalars.count) }
        }
        var out = ""
        for row in rows {
            var line = ""
            for (index, cell) in row.enumerated() {
                line += cell
                if index < row.count - 1 { line += String(repeating: " ", count: widths[index] - cell.unicodeScalars.count + 2) }
            }
            out += line + "\n"
        }
        return out
    }
}
