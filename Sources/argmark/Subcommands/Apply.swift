import ArgumentParser
import ArgmarkCommandLine
import ArgmarkCore

struct Apply: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "apply", _superCommandName: "argmark",
        abstract: "Apply many edits in one locked transaction, from a JSON Lines file or standard input.",
        discussion: """
            One edit per line, a JSON object such as {"edit": "add", "type": "claim", "quote": "…", \
            "as": "c1"}; a later line may use the label "c1" wherever an id goes. Blank lines and \
            lines starting with # are skipped. Either every edit lands or none: a line that fails \
            is reported as EDITS.jsonl:LINE: error: … and the file is left as it was (exit 1).
            Target and proposition edits go to corpus.xml (pass it or its folder as FILE).
            README.md, section "Edit files", lists every edit and field.
            """
    )

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Argument(help: "The annotation file (or corpus.xml, or its folder, for target and proposition edits).") var file: String
    @Argument(help: "The JSON Lines file of edits; - or nothing reads standard input.") var edits: String = "-"
    @Option(help: "Refuse unless the file's SHA-256 is this (the digest an earlier apply printed).") var expectedDigest: String?
    @Option(help: "text (a summary) or json (every result, the labels' ids and the new digest).") var format: OutputFormat = .text

    func run() throws {
        let source = edits == "-" ? "<stdin>" : edits
        try EditReporting.run { () throws(EditError) in
            let bytes: [UInt8]
            do throws(FileSystemError) { bytes = try FileSystem.read(edits == "-" ? "/dev/stdin" : edits) } catch {
                throw EditError(.usage, error.reason, at: SourceLocation(path: source))
            }
            let forCorpus = FileSystem.kind(of: file) == .directory || FileSystem.baseName(of: file) == Corpus.fileName
            let lines: [EditJSON.Line]
            do throws(EditJSON.ReadError) { lines = try EditJSON.lines(bytes, forCorpus: forCorpus) } catch {
                throw Self.lineError(error.message, source: source, line: error.line)
            }
            guard !lines.isEmpty else { throw EditError(.usage, "no edits in it (one JSON object per line); nothing was written", at: SourceLocation(path: source)) }
            let outcome: EditOutcome
            do throws(EditError) {
                outcome = try ArticleEditor.apply(lines.map(\.edit), to: file, expectedDigest: expectedDigest)
            } catch {
                guard let index = error.editIndex else { throw error }
                var located = Self.lineError(Self.message(for: error), source: source, line: lines[index].number)
                located.diagnostics = error.diagnostics
                throw located
            }
            for (line, result) in zip(lines, outcome.results) {
                if case .addedUnit(let unit, let forgiven) = result { EditReporting.noteForgiven(unit, forgiven, path: "\(source):\(line.number)") }
                if case .setUnit(let unit, let forgiven) = result { EditReporting.noteForgiven(unit, forgiven, path: "\(source):\(line.number)") }
                if case .speaker(let speaker, _, let sameName) = result, !sameName.isEmpty {
                    EditReporting.warning("\(sameName.map(\.rawValue).joined(separator: ", ")) also \(sameName.count == 1 ? "has" : "have") the name \"\(speaker.name)\"", path: "\(source):\(line.number)")
                }
            }
            EditReporting.warn(outcome.warnings)
            switch format {
            case .text: Terminal.standardOutput(summary(outcome, count: lines.count))
            case .json: Terminal.write(json(outcome, lines: lines).rendered(), to: Platform.standardOutput)
            }
        }
    }

    /// In an edit file the fix is a field, not a flag.
    static func message(for error: EditError) -> String {
        switch error.problem {
        case .redefinition(let kind, let id, let existing, let given)?:
            return "\(kind.rawValue) \(id) is already defined as \"\(existing)\"; give \"replace\": true to change it to \"\(given)\" (that changes what every unit using it means), or choose another id"
        case .vocabularyInUse(let kind, let id, let uses)?:
            return "\(kind.rawValue) \(id) is still used in \(EditReporting.describe(uses)); clear those uses first, or give \"cascade\": true to clear them all"
        case .unknownRole(let role, let known)?:
            return "unknown role \"\(role)\"; use one of \(known.joined(separator: ", ")), optionally followed by a description (\"role\": \"quoted: founder of #MeToo\")"
        default:
            return EditReporting.message(for: error)
        }
    }

    static func lineError(_ message: String, source: String, line: Int) -> EditError {
        var error = EditError(.refused, message, at: SourceLocation(path: source, line: line))
        error.problem = .editLine(path: source, line: line)
        return error
    }

    private func summary(_ outcome: EditOutcome, count: Int) -> String {
        var counts: [String] = []
        func tally(_ name: String, _ matches: (EditResult) -> Bool) {
            let number = outcome.results.filter(matches).count
            if number > 0 { counts.append("\(number) \(name)\(number == 1 ? "" : "s")") }
        }
        tally("unit") { if case .addedUnit = $0 { true } else { false } }
        tally("relation") { if case .addedRelation = $0 { true } else { false } }
        tally("speaker") { if case .speaker(_, true, _) = $0 { true } else { false } }
        tally("target") { if case .target(_, true) = $0 { true } else { false } }
        tally("proposition") { if case .proposition(_, true) = $0 { true } else { false } }
        let done = counts.isEmpty ? "" : counts.joined(separator: ", ") + " added"
        let state = outcome.changed ? "written" : "unchanged"
        let others = outcome.otherFiles.isEmpty ? "" : "; also changed \(outcome.otherFiles.joined(separator: ", "))"
        return "\(outcome.path): \(count) \(count == 1 ? "edit" : "edits") applied\(done.isEmpty ? "" : " (\(done))"), \(state), sha256 \(outcome.digest)\(others)"
    }

    private func json(_ outcome: EditOutcome, lines: [EditJSON.Line]) -> JSONValue {
        let results: [JSONValue] = zip(lines, outcome.results).map { line, result in
            var object: [String: JSONValue] = ["line": .int(line.number)]
            switch result {
            case .addedUnit(let unit, _): object["added"] = .string("unit"); object["id"] = .string(unit.id.rawValue)
            case .addedRelation(let relation): object["added"] = .string("relation"); object["id"] = .string(relation.id.rawValue)
            case .setUnit(let unit, _): object["set"] = .string(unit.id.rawValue)
            case .setRelation(let relation): object["set"] = .string(relation.id.rawValue)
            case .removed(let removal):
                object["removed"] = .array((removal.units.map(\.id.rawValue) + removal.relations.map(\.id.rawValue) + removal.speakers.map(\.id.rawValue)).map(JSONValue.string))
                object["clearedSpeakerOf"] = .array(removal.unitsWithoutSpeaker.map { .string($0.rawValue) })
            case .speaker(let speaker, let created, _): object[created ? "added" : "set"] = .string(created ? "speaker" : speaker.id.rawValue); object["id"] = .string(speaker.id.rawValue)
            case .meta: object["set"] = .string("meta")
            case .renamed(let from, let to, let kind, let references):
                object["renamed"] = .string(kind.rawValue); object["from"] = .string(from); object["to"] = .string(to); object["references"] = .int(references)
            case .accepted(let units): object["accepted"] = .array(units.map { .string($0.id.rawValue) })
            case .rejected(let units, let speakers, let relations): object["rejected"] = .array((units.map(\.id.rawValue) + relations.map(\.id.rawValue) + speakers.map(\.id.rawValue)).map(JSONValue.string))
            case .target(let target, let created): object[created ? "added" : "set"] = .string("target"); object["id"] = .string(target.id.rawValue)
            case .proposition(let proposition, let created): object[created ? "added" : "set"] = .string("proposition"); object["id"] = .string(proposition.id.rawValue)
            case .removedVocabulary(let id, let kind, let cleared):
                object["removed"] = .string(kind.rawValue); object["id"] = .string(id)
                object["cleared"] = .array(cleared.map { use in
                    .object(["file": .string(use.path), "units": .array(use.units.map { .string($0.rawValue) }),
                             "propositions": .array(use.propositions.map { .string($0.rawValue) })])
                })
            }
            return .object(object)
        }
        return .object([
            "file": .string(outcome.path), "changed": .bool(outcome.changed), "sha256": .string(outcome.digest),
            "labels": .object(outcome.labels.mapValues(JSONValue.string)), "results": .array(results),
            "otherFiles": .array(outcome.otherFiles.map(JSONValue.string)),
            "warnings": .array(outcome.warnings.map { .string($0.description) }),
        ])
    }
}

