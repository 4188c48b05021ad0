import Dispatch
import Synchronization

/// The findings for one file.
public struct FileValidation: Sendable {
    /// The file checked.
    public var path: String
    /// Everything found in it, in line order.
    public var diagnostics: [Diagnostic]
    /// How many findings are errors.
    public var errorCount: Int { diagnostics.count { $0.severity == .error } }
    /// How many findings are warnings.
    public var warningCount: Int { diagnostics.count { $0.severity == .warning } }
}

/// The result of validating a set of paths.
public struct ValidationRun: Sendable {
    /// One entry per file checked, in the order the paths were given (folders sorted).
    public var files: [FileValidation]
    /// Paths that do not exist or cannot be listed.
    package var unreadablePaths: [FileSystemError]

    /// Errors in all files.
    public var errorCount: Int { files.reduce(0) { $0 + $1.errorCount } }
    /// Warnings in all files.
    public var warningCount: Int { files.reduce(0) { $0 + $1.warningCount } }
    /// Every file's findings, file after file.
    public var diagnostics: [Diagnostic] { files.flatMap(\.diagnostics) }
}

/// Validates argmark files in three layers — well-formedness, the XSD, the semantic rules — each
/// reported in full, none stopping the others.
public struct Validator: Sendable {
    package let schema: SchemaValidator
    /// Recent results, for a long-running frontend that validates the same bytes twice (see
    /// ``ValidationMemo``); `nil` (the default) validates every time.
    package var memo: ValidationMemo?

    /// A validator with argmark's schema (compiled once per process).
    public init() {
        self.init(schema: .shared)
    }

    package init(schema: SchemaValidator, memo: ValidationMemo? = nil) {
        self.schema = schema
        self.memo = memo
    }

    /// Validates one document held in memory. `corpus` is the vocabulary the article's references
    /// resolve against (ignored for a corpus document).
    ///
    /// The model is decoded from libxml2's event stream while the XSD checks the same stream, so
    /// no tree is built (``validateWithTree(bytes:path:corpus:)`` gives the same result from a tree).
    package func validate(bytes: [UInt8], path: String, corpus: Corpus?) -> (document: DecodedDocument?, diagnostics: [Diagnostic]) {
        guard let memo else { return validateNow(bytes: bytes, path: path, corpus: corpus) }
        let digest = SHA256.hexDigest(of: bytes)
        if let known = memo.result(digest: digest, path: path, corpus: corpus) { return known }
        let result = validateNow(bytes: bytes, path: path, corpus: corpus)
        memo.remember(result, digest: digest, path: path, corpus: corpus)
        return result
    }

    private func validateNow(bytes: [UInt8], path: String, corpus: Corpus?) -> (document: DecodedDocument?, diagnostics: [Diagnostic]) {
        let outcome = StreamingReader.read(bytes, path: path, schema: schema)
        guard outcome.parseFailure.isEmpty, let root = outcome.root else { return (nil, outcome.parseFailure) }
        var diagnostics = outcome.schemaDiagnostics
        let document = ArticleXML.decode(view: root)
        if case .article(let decoded) = document {
            diagnostics += SemanticRules.check(decoded, corpus: corpus, path: path)
        }
        return (document, Self.sorted(diagnostics))
    }

    /// The same validation over a libxml2 tree: parse, then the XSD on the tree, then the decoder
    /// over its nodes. Kept as the reference the streaming path is tested against.
    func validateWithTree(bytes: [UInt8], path: String, corpus: Corpus?) -> (document: DecodedDocument?, diagnostics: [Diagnostic]) {
        let parsed: ParsedXML
        switch SafeXMLParser.parse(bytes, path: path) {
        case .failure(let failure): return (nil, failure.diagnostics)
        case .success(let value): parsed = value
        }
        var diagnostics = schema.validate(parsed, path: path)
        let document = ArticleXML.decode(parsed)
        if case .article(let decoded) = document {
            diagnostics += SemanticRules.check(decoded, corpus: corpus, path: path)
        }
        return (document, Self.sorted(diagnostics))
    }

    /// Validates files and folders (recursively, `*.xml`), on all cores. Each folder's
    /// `corpus.xml` is read once and used for the articles beside it.
    public func validate(paths: [String]) -> ValidationRun {
        let (files, errors) = FileSystem.expand(paths, extension: ".xml")
        var lookups: [String: CorpusFile] = [:]
        for directory in Set(files.map(FileSystem.directoryName(of:))).sorted() {
            lookups[directory] = readCorpus(at: FileSystem.join(directory, Corpus.fileName))
        }
        let corpora = lookups
        let results = Mutex([FileValidation?](repeating: nil, count: files.count))
        DispatchQueue.concurrentPerform(iterations: files.count) { index in
            let path = files[index]
            let directory = FileSystem.directoryName(of: path)
            let lookup = corpora[directory] ?? .absent
            let diagnostics: [Diagnostic]
            if FileSystem.baseName(of: path) == Corpus.fileName, case .valid(_, _, let own) = lookup {
                diagnostics = own
            } else if FileSystem.baseName(of: path) == Corpus.fileName, case .invalid(let own) = lookup {
                diagnostics = own
            } else {
                diagnostics = validateFile(path, corpus: lookup)
            }
            results.withLock { $0[index] = FileValidation(path: path, diagnostics: diagnostics) }
        }
        return ValidationRun(files: results.withLock { $0.map { $0! } }, unreadablePaths: errors)
    }

    private func validateFile(_ path: String, corpus lookup: CorpusFile) -> [Diagnostic] {
        let bytes: [UInt8]
        do {
            bytes = try FileSystem.read(path)
        } catch {
            return [Diagnostic(.error, .unreadable, error.reason, at: SourceLocation(path: path))]
        }
        var corpus: Corpus?
        var extra: [Diagnostic] = []
        switch lookup {
        case .valid(let loaded, _, _): corpus = loaded
        case .absent: corpus = nil
        case .invalid:
            extra.append(Diagnostic(.error, .corpusMissing, "\(Corpus.fileName) beside this file is invalid, so its targets and propositions cannot be checked", at: SourceLocation(path: path),
                                    remedies: [.validate(path: FileSystem.join(FileSystem.directoryName(of: path), Corpus.fileName))]))
        }
        let (document, diagnostics) = validate(bytes: bytes, path: path, corpus: corpus)
        if case .corpus? = document {
            return diagnostics
        }
        return extra + diagnostics
    }

    /// Diagnostics in line order, then by rule, so output is stable.
    static func sorted(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.enumerated().sorted { lhs, rhs in
            let left = (lhs.element.location.line ?? 0, lhs.element.location.column ?? 0)
            let right = (rhs.element.location.line ?? 0, rhs.element.location.column ?? 0)
            if left != right { return left < right }
            return lhs.offset < rhs.offset
        }.map(\.element)
    }
}

/// The last few validation results of one ``Validator``, keyed by the bytes' SHA-256, the path and
/// the corpus they were checked against: the result is a function of exactly these (and the
/// schema, which the validator fixes), so a hit is the validation itself, not an approximation.
/// For the workbench, where an edit validates the file it is about to write and the page's view
/// of the result then validates the same bytes again.
package final class ValidationMemo: Sendable {
    struct Entry: Sendable {
        var digest: String
        var path: String
        var corpus: Corpus?
        var result: (document: DecodedDocument?, diagnostics: [Diagnostic])
    }

    let entries = Mutex<[Entry]>([])
    let capacity: Int

    /// Keeps the last `capacity` results (an article and its corpus file need two).
    package init(capacity: Int = 8) {
        self.capacity = max(1, capacity)
    }

    func result(digest: String, path: String, corpus: Corpus?) -> (document: DecodedDocument?, diagnostics: [Diagnostic])? {
        entries.withLock { entries in
            entries.last { $0.digest == digest && $0.path == path && $0.corpus == corpus }?.result
        }
    }

    func remember(_ result: (document: DecodedDocument?, diagnostics: [Diagnostic]), digest: String, path: String, corpus: Corpus?) {
        entries.withLock { entries in
            entries.removeAll { $0.digest == digest && $0.path == path && $0.corpus == corpus }
            entries.append(Entry(digest: digest, path: path, corpus: corpus, result: result))
            if entries.count > capacity { entries.removeFirst(entries.count - capacity) }
        }
    }
}
