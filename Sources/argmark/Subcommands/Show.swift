import ArgumentParser
import ArgmarkCommandLine
import ArgmarkCore

struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", _superCommandName: "argmark",
        abstract: "Print an article with its units marked, then its argument structure as a tree.",
        discussion: """
            Units appear as [u3 claim: …] in the text (coloured by type on a terminal); \
            suggestions of argmark suggest as [u31? claim: …] (dimmed on a terminal). The tree \
            lists each position with the units that support it, the counterclaims that attack it \
            and the rebuttals that answer them; units no position reaches come after.
            Several files and folders are shown one after the other, each under a ==> FILE <== line.
            With --unit ID, prints only that unit: its offsets, line and column, the text around \
            it, and the relations from and to it.
            """
    )

    @Argument(help: "Annotation files or folders of them.") var files: [String]
    @Option(help: "Show only this unit, in its context.") var unit: String?

    func validate() throws {
        if unit != nil && files.count != 1 { throw ValidationError("--unit ID takes one file (or one folder)") }
    }

    func run() throws {
        try Self.eachArticle(files) { file, several throws(EditError) in
            if several { Terminal.write("==> \(Terminal.visible(file)) <==\n", to: Platform.standardOutput) }
            if let unit { try showUnit(unit, in: file) } else { try show(file) }
        }
    }

    /// Runs `body` for every article among `paths` (folders give their `.xml` files, `corpus.xml`
    /// left out); a refusal is printed and the others still run; the worst exit code wins.
    static func eachArticle(_ paths: [String], separated: Bool = true, _ body: (String, Bool) throws(EditError) -> Void) throws {
        var worst = ExitStatus.success
        var files: [String] = []
        for path in paths {
            guard FileSystem.kind(of: path) == .directory else { files.append(path); continue }
            let (found, errors) = FileSystem.expand([path], extension: ".xml")
            for error in errors { EditReporting.print(EditError(.usage, error.reason, at: SourceLocation(path: error.path))); worst = .usage }
            let articles = found.filter { FileSystem.baseName(of: $0) != Corpus.fileName }
            if articles.isEmpty && errors.isEmpty {
                EditReporting.print(EditError(.usage, "no annotation files (.xml) in this folder", at: SourceLocation(path: path)))
                worst = .usage
            }
            files += articles
        }
        for (index, file) in files.enumerated() {
            worst = max(worst, EditReporting.status { () throws(EditError) in
                if separated && index > 0 { Terminal.write("\n", to: Platform.standardOutput) }
                try body(file, files.count > 1)
            })
        }
        try worst.exit()
    }

    private func showUnit(_ id: String, in file: String) throws(EditError) {
        let (article, _, _) = try ArticleEditor.read(article: file)
        guard let unit = article.unit(UnitID(id)) else {
            let kind = article.relation(RelationID(id)) != nil ? "a relation" : article.speaker(SpeakerID(id)) != nil ? "a speaker" : nil
            throw EditError(.refused, kind.map { "\(id) is \($0), not a unit; argmark list \(file) shows the units" } ?? "no unit \(id) in \(article.id); argmark list \(file) shows the ids", at: SourceLocation(path: file))
        }
        let color = Terminal.usesColor(Platform.standardOutput)
        let text = CodePointText(article.text)
        var out = style("\(unit.displayID) \(unit.type.rawValue)", code(unit), color)
        if !unit.attributeSummary.isEmpty { out += " (\(Terminal.visible(unit.attributeSummary)))" }
        out += "\n"
        if let span = unit.span {
            for (index, piece) in (unit.fragments.isEmpty ? [span] : unit.fragments).enumerated() {
                let (line, column) = text.lineAndColumn(of: piece.start)
                let (endLine, endColumn) = text.lineAndColumn(of: piece.end)
                let label = unit.fragments.isEmpty ? "at" : "piece \(index + 1) at"
                out += "  \(label) \(piece.start)-\(piece.end): line \(line), column \(column) to line \(endLine), column \(endColumn)\n"
                out += "  \(Terminal.visible(QuoteMatcher.context(of: piece, in: text)))\n"
            }
        } else {
            out += "  implicit (no span): \"\(Terminal.visible(unit.quote))\"\n"
        }
        if let note = unit.note { out += "  note: \(Terminal.visible(note))\n" }
        let relations = article.relations.filter { $0.from == unit.id || $0.to == .unit(unit.id) }
            .sorted { naturalLess($0.id.rawValue, $1.id.rawValue) }
        for relation in relations {
            let other = relation.from == unit.id ? relation.to.rawID : relation.from.rawValue
            let quote = article.unit(UnitID(other)).map { " \"\(Abbreviation.short($0.quote, limit: 50))\"" } ?? ""
            out += "  \(relation.id): \(relation.from) \(relation.type.rawValue) \(relation.to)\(quote)\n"
        }
        Terminal.write(out, to: Platform.standardOutput)
    }

    private func show(_ file: String) throws(EditError) {
        let (article, _, diagnostics) = try ArticleEditor.read(article: file)
        let color = Terminal.usesColor(Platform.standardOutput)
        var out = ""
        if let title = article.metadata.title { out += style(Terminal.visible(title), "1", color) + "\n" }
        let source = [article.metadata.author, article.metadata.outlet, article.metadata.published].compactMap { $0 }
        out += style("\(article.id)\(source.isEmpty ? "" : " · " + Terminal.visible(source.joined(separator: ", ")))", "2", color) + "\n\n"
        for segment in MarkedText.segments(of: article) {
            switch segment {
            case .text(let text): out += Terminal.visible(displayable(text), keepingLineBreaks: true)
            case .open(let unit): out += style("[\(unit.displayID) \(unit.type.rawValue): ", code(unit), color)
            case .close(let unit, let crossing): out += style(crossing ? "]\(unit.displayID)" : "]", code(unit), color)
            }
        }
        if !out.hasSuffix("\n") { out += "\n" }
        let outline = ArgumentOutline.outline(of: article)
        out += "\n" + style("Argument structure", "1", color) + "\n"
        if outline.positions.isEmpty { out += "  (no positions yet; add one with argmark add \(Terminal.visible(file)) position --quote \"…\")\n" }
        for line in outline.positions { out += render(line, color: color) }
        if !outline.unattached.isEmpty {
            out += "\n" + style("Not connected to a position", "1", color) + "\n"
            for line in outline.unattached { out += render(line, color: color) }
        }
        let implicit = article.units.filter(\.isImplicit)
        if !implicit.isEmpty {
            out += "\n" + style("Implicit units", "1", color) + "\n"
            for unit in ArticleWriter.canonicalOrder(implicit) { out += "  \(unit.id) \(unit.type.rawValue): \(Abbreviation.short(unit.quote, limit: 70))\n" }
        }
        Terminal.write(out, to: Platform.standardOutput)
        let errors = diagnostics.filter { $0.severity == .error }
        if !errors.isEmpty {
            DiagnosticPrinter.print(errors)
            throw EditError(.refused, "the file has \(errors.count) validation \(errors.count == 1 ? "error" : "errors") (listed above); the display may be incomplete", at: SourceLocation(path: file))
        }
    }

    static let maximumIndentation = 24

    private func render(_ line: ArgumentOutline.Line, color: Bool) -> String {
        let unit = line.unit
        // Indentation stops at a fixed depth, so a long chain of relations cannot make the output
        // grow with the square of the file; deeper lines say their depth instead.
        let shownDepth = min(line.depth, Self.maximumIndentation)
        var text = String(repeating: "  ", count: shownDepth + 1)
        if line.depth > shownDepth { text += "(depth \(line.depth)) " }
        text += style("\(unit.displayID) \(unit.type.rawValue)", code(unit), color)
        if let relation = line.relation {
            text += " \(relation.type.rawValue)"
            if let undercut = line.undercut { text += " \(undercut.id) (\(undercut.from) \(undercut.type.rawValue) \(undercut.to))" }
        }
        var details: [String] = []
        if let relation = line.relation { details.append(relation.id.rawValue) }
        if !unit.attributeSummary.isEmpty { details.append(Terminal.visible(unit.attributeSummary)) }
        if !details.isEmpty { text += " (\(details.joined(separator: "; ")))" }
        text += line.repeated ? " — shown above" : ": \"\(Abbreviation.short(unit.quote, limit: 70))\""
        return text + "\n"
    }

    /// A lone CR (old Mac line end) would make a terminal overwrite the line, so it is shown as LF.
    private func displayable(_ text: String) -> String {
        guard text.unicodeScalars.contains("\r") else { return text }
        let scalars = Array(text.unicodeScalars)
        var view = String.UnicodeScalarView()
        for (index, scalar) in scalars.enumerated() {
            let nextIsLineFeed = index + 1 < scalars.count && scalars[index + 1] == "\n"
            view.append(scalar == "\r" && !nextIsLineFeed ? "\n" : scalar)
        }
        return String(view)
    }

    /// The colour of a unit's type; suggestions dimmed (SGR 2) so annotations stand out.
    private func code(_ unit: ArgumentUnit) -> String {
        let colour: String = switch unit.type {
        case .position: "1;35"
        case .claim: "1;34"
        case .counterclaim: "1;31"
        case .rebuttal: "1;32"
        case .evidence: "1;33"
        }
        return unit.status == .suggested ? "2;" + colour.dropFirst(2) : colour
    }

    private func style(_ text: String, _ code: String, _ color: Bool) -> String {
        color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}
