/// A folder's `corpus.xml` as read and validated. Every command that needs a folder's vocabulary
/// (validate, the annotating commands, reports, import, reanchor) reads it through
/// ``Validator/readCorpus(at:)``, so all agree on what counts as a usable corpus.
package enum CorpusFile: Sendable {
    /// No file at that path.
    case absent
    /// A corpus with no errors: its vocabulary, the bytes it was read from (an edit's original)
    /// and its warnings.
    case valid(Corpus, bytes: [UInt8], warnings: [Diagnostic])
    /// A file that cannot be used: unreadable, not well-formed, not a corpus, or with errors.
    /// All its findings, at least one of them an error.
    case invalid([Diagnostic])

    /// The vocabulary, when the file exists and is valid.
    package var corpus: Corpus? {
        if case .valid(let corpus, _, _) = self { return corpus }
        return nil
    }

    /// The errors that make the file unusable (empty unless ``invalid(_:)``).
    package var errors: [Diagnostic] {
        if case .invalid(let findings) = self { return findings.filter { $0.severity == .error } }
        return []
    }

    /// Whether the file could not be read at all (as opposed to read and found wrong).
    package var isUnreadable: Bool {
        if case .invalid(let findings) = self { return findings.contains { $0.rule == .unreadable } }
        return false
    }
}

extension Validator {
    /// The corpus file at `path` (a `corpus.xml`), read and validated in full.
    package func readCorpus(at path: String) -> CorpusFile {
        switch FileSystem.kind(of: path) {
        case .missing: return .absent
        case .file: break
        case .directory, .other:
            return .invalid([Diagnostic(.error, .unreadable, "\(Corpus.fileName) is not a regular file", at: SourceLocation(path: path))])
        }
        let bytes: [UInt8]
        do {
            bytes = try FileSystem.read(path)
        } catch {
            return .invalid([Diagnostic(.error, .unreadable, error.reason, at: SourceLocation(path: path))])
        }
        let (document, diagnostics) = validate(bytes: bytes, path: path, corpus: nil)
        let hasErrors = diagnostics.contains { $0.severity == .error }
        switch document {
        case .corpus(let decoded)? where !hasErrors:
            return .valid(decoded.corpus, bytes: bytes, warnings: diagnostics)
        case .article?:
            let notCorpus = Diagnostic(.error, .schema, "this is an article, not a corpus file; \(Corpus.fileName) must hold the folder's targets and propositions in a <corpus> element", at: SourceLocation(path: path, line: 1))
            return .invalid([notCorpus] + diagnostics)
        default:
            let noCorpus = Diagnostic(.error, .schema, "\(Corpus.fileName) must hold a <corpus> element in namespace \(ArticleXML.namespace)", at: SourceLocation(path: path, line: 1))
            return .invalid(hasErrors ? diagnostics : [noCorpus] + diagnostics)
        }
    }

    /// The corpus file beside `path` (an article or any file in the same folder).
    package func readCorpus(besides path: String) -> CorpusFile {
        readCorpus(at: FileSystem.join(FileSystem.directoryName(of: path), Corpus.fileName))
    }
}
