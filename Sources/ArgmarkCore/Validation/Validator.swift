import Dispatch
import Synchronization

/// The findings for one file.
public struct FileValidation: Sendable {
    public var path: String
    public var diagnostics: [Diagnostic]
    public var errorCount: Int { diagnostics.count { $0.severity == .error } }
    public var warningCount: Int { diagnostics.count { $0.severity == .warning } }
}

/// The result of validating a set of paths.
public struct ValidationRun: Sendable {
    /// One entry per file checked, in the order the paths were given (folders sorted).
    public var files: [FileValidation]
    /// Paths that do not exist or cannot be listed.
    public var unreadablePaths: [FileSystemError]

    public var errorCount: Int { files.reduce(0) { $0 + $1.errorCount } }
    public var warningCount: Int { files.reduce(0) { $0 + $1.warningCount } }
    public var diagnostics: [Diagnostic] { files.flatMap(\.diagnostics) }
}

/// Validates argmark files in three layers — well-formedness, the XSD, the semantic rules — each
/// reported in full, none stopping the others.
public struct Validator: Sendable {
    public let schema: SchemaValidator

    public init(schema: SchemaValidator = .shared) {
        self.schema = schema
    }

    /// Validates one document held in memory. `corpus` is the vocabulary the article's references
    /// resolve against (ignored for a corpus document).
    public func validate(bytes: [UInt8], path: String, corpus: Corpus?) -> (document: DecodedDocument?, diagnostics: [Diagnostic]) {
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
        var lookups: [String: CorpusLookup] = [:]
        for directory in Set(files.map(FileSystem.directoryName(of:))).sorted() {
            lookups[directory] = loadCorpus(in: directory)
        }
        let corpora = lookups
        let results = Mutex([FileValidation?](repeating: nil, count: files.count))
        DispatchQueue.concurrentPerform(iterations: files.count) { index in
            let path = files[index]
            let directory = FileSystem.directoryName(of: path)
            let lookup = corpora[directory] ?? .absent
            let diagnostics: [Diagnostic]
            if FileSystem.baseName(of: path) == Corpus.fileName, case .loaded(_, let own) = lookup {
                diagnostics = own
            } else if FileSystem.baseName(of: path) == Corpus.fileName, case .broken(let own) = lookup {
                diagnostics = own
            } else {
                diagnostics = validateFile(path, corpus: lookup)
            }
            results.withLock { $0[index] = FileValidation(path: path, diagnostics: diagnostics) }
        }
        return ValidationRun(files: results.withLock { $0.map { $0! } }, unreadablePaths: errors)
    }

    private func validateFile(_ path: String, corpus lookup: CorpusLookup) -> [Diagnostic] {
        let bytes: [UInt8]
        do {
            bytes = try FileSystem.read(path)
        } catch {
            return [Diagnostic(.error, .unreadable, error.reason, at: SourceLocation(path: path))]
        }
        var corpus: Corpus?
        var extra: [Diagnostic] = []
        switch lookup {
        case .loaded(let loaded, _): corpus = loaded
        case .absent: corpus = nil
        case .broken:
            extra.append(Diagnostic(.error, .corpusMissing, "\(Corpus.fileName) beside this file is invalid, so its targets and propositions cannot be checked", at: SourceLocation(path: path),
                                    remedies: [.validate(path: FileSystem.join(FileSystem.directoryName(of: path), Corpus.fileName))]))
        }
        let (document, diagnostics) = validate(bytes: bytes, path: path, corpus: corpus)
        if case .corpus? = document {
            return diagnostics
        }
        return extra + diagnostics
    }

    /// The vocabulary of a folder, as far as it could be read.
    enum CorpusLookup: Sendable {
        case absent
        case loaded(Corpus, [Diagnostic])
        case broken([Diagnostic])
    }

    func loadCorpus(in directory: String) -> CorpusLookup {
        let path = FileSystem.join(directory, Corpus.fileName)
        guard FileSystem.kind(of: path) == .file else { return .absent }
        let bytes: [UInt8]
        do {
            bytes = try FileSystem.read(path)
        } catch {
            return .broken([Diagnostic(.error, .unreadable, error.reason, at: SourceLocation(path: path))])
        }
        let (document, diagnostics) = validate(bytes: bytes, path: path, corpus: nil)
        guard case .corpus(let decoded)? = document, !diagnostics.contains(where: { $0.severity == .error }) else {
            var own = diagnostics
            if own.isEmpty {
                own.append(Diagnostic(.error, .schema, "\(Corpus.fileName) must hold a <corpus> element in namespace \(ArticleXML.namespace)", at: SourceLocation(path: path)))
            }
            return .broken(own)
        }
        return .loaded(decoded.corpus, diagnostics)
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
