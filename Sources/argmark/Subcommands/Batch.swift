import ArgumentParser
import ArgmarkCommandLine
import ArgmarkCore
import ArgmarkReports
import ArgmarkSuggest

struct Batch: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batch", _superCommandName: "argmark",
        abstract: "Validate, suggest or summarize a stream of articles: JSON Lines in, JSON Lines out.",
        discussion: """
            Reads one JSON object per line on standard input: an article as argmark XML \
            ({"path": ..., "xml": "<article ...>"}) or as text with metadata ({"id": ..., "text": ..., \
            "title": ..., "published": ...}), optionally with its "corpus" (a corpus.xml as a \
            string; --corpus gives one for every record). Writes one JSON object per input line \
            on standard output, in input order: the article, its findings, and its suggestions \
            or its summary. A bad line gives an error record (ok: false) and the rest go on. \
            Blank lines are skipped. Record shapes are in the README. Memory holds one record \
            at a time; output is deterministic.

            Exit 0 when every record is ok, 1 when any is not, 2 for a usage error or an \
            unreadable --corpus.
            """
    )

    enum Action: String, ExpressibleByArgument, CaseIterable {
        case validate, suggest, summarize
    }

    @Option(name: .customLong("do"), help: "What to do with each article: validate, suggest or summarize.")
    var action: Action

    @Option(help: "A corpus.xml (or its folder) whose targets and propositions every record may use.")
    var corpus: String?

    @Option(help: "With --do suggest: only suggest units the model gives at least this confidence (0 to 1).")
    var minConfidence: Double = 0

    @Option(help: "With --do suggest: a model written by argmark train (default: the shipped model).")
    var model: String?

    @Option(help: "With --do suggest: the unit types your project annotates, comma-separated (e.g. claim,evidence): the model's other types become the nearest of them.")
    var types: String?

    @Flag(help: "With --do suggest: do not suggest relations.")
    var noRelations = false

    @Flag(help: "With --do summarize: records of a part of facts (each article's facts and text instead of its XML; see argmark summarize --facts).")
    var facts = false

    @Option(help: "The longest line accepted, in bytes; a longer one gives an error record and is skipped.")
    var maxRecordBytes: Int = 64 << 20

    @Option(help: "The number of the first input line (for a shard of a larger stream), so records and findings name lines of the whole stream.")
    var firstLine: Int = 1

    func validate() throws {
        guard firstLine >= 1 else { throw ValidationError("--first-line must be 1 or more") }
        guard (0...1).contains(minConfidence) else { throw ValidationError("--min-confidence must be between 0 and 1") }
        guard maxRecordBytes > 0 else { throw ValidationError("--max-record-bytes must be positive") }
        if action != .suggest, model != nil || types != nil || noRelations {
            throw ValidationError("--model, --types and --no-relations go with --do suggest")
        }
        if facts, action != .summarize { throw ValidationError("--facts goes with --do summarize") }
        if let types { _ = try LabelSet.parse(types) }
    }

    func run() throws {
        let validator = Validator()
        let shared = try sharedCorpus(validator)
        let suggester = try Suggester.loaded(model: model, types: types)
        var reader = LineReader(descriptor: Platform.standardInput, maximumLineBytes: maxRecordBytes)
        var records = 0
        var failed = 0
        var writer = PartRecord.StreamWriter()
        while true {
            let next: LineReader.Line?
            do {
                next = try reader.next()
            } catch {
                Terminal.standardError("<stdin>: error: cannot read standard input (\(error.systemMessage)); \(records) records were written")
                throw ExitStatus.usage.code
            }
            guard let next else { break }
            let line = reader.lineNumber + firstLine - 1
            let result: Result<ArticleRecord, ArticleRecordFailure>
            switch next {
            case .tooLong(let bytes):
                result = .failure(ArticleRecords.tooLong(line: line, bytes: bytes, limit: maxRecordBytes))
            case .text(let bytes):
                if bytes.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }) { continue }
                result = ArticleRecords.read(bytes, line: line, corpus: shared, validator: validator)
            }
            let output = record(result, suggester: suggester, validator: validator, writer: &writer)
            records += 1
            if case .object(let members) = output, members["ok"] != .bool(true) { failed += 1 }
            Terminal.write(output.renderedCompact() + "\n", to: Platform.standardOutput)
        }
        if failed > 0 {
            Terminal.standardError("\(records) \(records == 1 ? "record" : "records"), \(failed) not ok (see their diagnostics)")
            throw ExitStatus.failure.code
        }
    }

    /// The output record for one input record.
    func record(_ result: Result<ArticleRecord, ArticleRecordFailure>, suggester: Suggester, validator: Validator, writer: inout PartRecord.StreamWriter) -> JSONValue {
        var part: PartRecord
        switch result {
        case .failure(let failure): part = PartRecord(failure)
        case .success(let record):
            switch action {
            case .summarize: part = facts ? PartRecord(record).withFacts(of: record.article) : PartRecord(record)
            case .validate: part = PartRecord(path: record.path, id: record.article.id, article: record.isValid ? record.bytes : nil, corpus: nil, summary: nil, diagnostics: record.diagnostics, line: record.line)
            case .suggest: return suggested(record, suggester: suggester, validator: validator)
            }
        }
        if facts { part.format = .facts }
        part.printed = part.diagnostics.map { DiagnosticPrinter.line(for: $0, color: false) }
        return trimmed(writer.json(part))
    }

    /// The fields of `--do summarize` that the other actions do not have are left out.
    func trimmed(_ value: JSONValue) -> JSONValue {
        guard action != .summarize, case .object(var members) = value else { return value }
        members["corpus"] = nil
        members["corpusSha256"] = nil
        members["summary"] = nil
        members["partFormat"] = nil
        return .object(members)
    }

    /// The article with the model's suggestions added, validated again, and what was added.
    func suggested(_ record: ArticleRecord, suggester: Suggester, validator: Validator) -> JSONValue {
        guard record.isValid else {
            var part = PartRecord(path: record.path, id: record.article.id, article: nil, corpus: nil, summary: nil, diagnostics: record.diagnostics, line: record.line)
            part.printed = part.diagnostics.map { DiagnosticPrinter.line(for: $0, color: false) }
            return trimmed(part.json())
        }
        var article = record.article
        let added = suggester.suggest(into: &article, corpus: record.corpus, minimumConfidence: minConfidence, relations: !noRelations)
        var diagnostics = record.diagnostics
        var bytes: [UInt8]?
        do {
            let encoded = try ArticleWriter.encode(article)
            let (_, findings) = validator.validate(bytes: encoded, path: record.path ?? ArticleRecords.streamName, corpus: record.corpus)
            diagnostics = findings
            bytes = encoded
        } catch {
            diagnostics.append(Diagnostic(.error, .badRecord, "the article with suggestions cannot be written: \(error)", at: SourceLocation(path: record.path ?? ArticleRecords.streamName, line: record.line)))
        }
        var part = PartRecord(path: record.path, id: article.id, article: bytes, corpus: nil, summary: nil, diagnostics: diagnostics, line: record.line)
        if !part.isValid { part.article = nil }
        part.printed = part.diagnostics.map { DiagnosticPrinter.line(for: $0, color: false) }
        guard case .object(var members) = trimmed(part.json()) else { return .null }
        members["suggestions"] = .array(added.units.map { unit in
            .object([
                "id": .string(unit.id.rawValue), "type": .string(unit.type.rawValue),
                "start": unit.span.map { .int($0.start) } ?? .null, "end": unit.span.map { .int($0.end) } ?? .null,
                "quote": .string(unit.quote), "confidence": unit.confidence.map(JSONValue.double) ?? .null,
                "speaker": unit.speaker.map { .string($0.rawValue) } ?? .null,
                "stance": unit.stance.map { .string($0.rawValue) } ?? .null,
                "target": unit.target.map { .string($0.rawValue) } ?? .null,
            ])
        })
        members["relations"] = .array(added.relations.map { relation, confidence in
            .object([
                "id": .string(relation.id.rawValue), "type": .string(relation.type.rawValue),
                "from": .string(relation.from.rawValue), "to": .string(relation.to.rawID), "confidence": .double(confidence),
            ])
        })
        members["newSpeakers"] = .array(added.speakers.map { speaker in
            .object(["id": .string(speaker.id.rawValue), "name": .string(speaker.name), "role": speaker.role.map(JSONValue.string) ?? .null])
        })
        members["skipped"] = .object(["overlapping": .int(added.overlapping), "belowMinimum": .int(added.belowMinimum), "furniture": .int(added.furniture)])
        return .object(members)
    }

    /// The `--corpus` vocabulary, read once.
    func sharedCorpus(_ validator: Validator) throws -> ArticleRecords.SharedCorpus? {
        guard let corpus else { return nil }
        let path = FileSystem.kind(of: corpus) == .directory ? FileSystem.join(corpus, Corpus.fileName) : corpus
        let bytes: [UInt8]
        do {
            bytes = try FileSystem.read(path)
        } catch {
            Terminal.standardError("\(error.path): error: \(error.reason)")
            throw ExitStatus.usage.code
        }
        let (document, diagnostics) = validator.validate(bytes: bytes, path: path, corpus: nil)
        let errors = diagnostics.filter { $0.severity == .error }
        guard case .corpus(let decoded)? = document, errors.isEmpty else {
            let isCorpus = if case .corpus? = document { true } else { false }
            DiagnosticPrinter.print(isCorpus && !errors.isEmpty ? errors : [Diagnostic(.error, .schema, "this is not a corpus file; --corpus names a corpus.xml (targets and propositions) or its folder", at: SourceLocation(path: path, line: 1))])
            throw ExitStatus.usage.code
        }
        return ArticleRecords.SharedCorpus(corpus: decoded.corpus, bytes: bytes)
    }
}
