import ArgmarkCore
import Dispatch
import Synchronization

/// Writes a whole batch or nothing: every file is prepared and checked in memory first, and only
/// when all of them are fine does anything reach the output folder (each file via ``AtomicFile``).
public enum BatchWriter {
    /// Encodes each imported article, validates the exact bytes to be written, and writes them as
    /// `DIR/<article id>.xml` only if every article is valid and no two share a file name.
    /// Stance targets the articles refer to are defined in the `corpus.xml` beside them (added to
    /// one that is already there, whose own definitions are kept).
    /// Returns the diagnostics that stopped the batch (empty when everything was written).
    public static func writeArticles(_ articles: [ImportedArticle], to directory: String, overwrite: Bool = false, validator: Validator = Validator()) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var owners: [String: String] = [:]
        for imported in articles {
            let name = imported.outputName
            if let other = owners[name] {
                diagnostics.append(Diagnostic(.error, .sourceFormat, "\(other) and this file both become \(FileSystem.join(directory, name)); import them into separate folders", at: SourceLocation(path: imported.sourcePath)))
            }
            owners[name] = imported.sourcePath
        }
        guard diagnostics.isEmpty else { return diagnostics }

        var corpusFiles: [ExportedFile] = []
        var corpusByFolder: [String: Corpus] = [:]
        for folder in Set(articles.map(\.subfolder)).sorted() {
            let needed = Set(articles.filter { $0.subfolder == folder }.flatMap { $0.article.units.compactMap(\.target) })
            let name = folder.isEmpty ? Corpus.fileName : folder + "/" + Corpus.fileName
            let path = FileSystem.join(directory, name)
            var corpus = Corpus()
            var exists = false
            if FileSystem.kind(of: path) != .missing {
                let bytes: [UInt8]
                do {
                    bytes = try FileSystem.read(path)
                } catch {
                    return [Diagnostic(.error, .unreadable, error.reason, at: SourceLocation(path: path))]
                }
                let (document, findings) = validator.validate(bytes: bytes, path: path, corpus: nil)
                guard case .corpus(let decoded)? = document, !findings.contains(where: { $0.severity == .error }) else {
                    return [Diagnostic(.error, .corpusMissing, "the output folder's \(Corpus.fileName) is not a valid corpus file; fix it or choose another output folder", at: SourceLocation(path: path))]
                        + findings.filter { $0.severity == .error }
                }
                corpus = decoded.corpus
                exists = true
            }
            let missing = needed.subtracting(corpus.targets.map(\.id)).sorted()
            if !missing.isEmpty {
                corpus.targets += missing.map { StanceTarget(id: $0, name: $0.rawValue.replacing("_", with: " ")) }
                do {
                    corpusFiles.append(ExportedFile(name: name, bytes: try ArticleWriter.encode(corpus)))
                } catch {
                    return [Diagnostic(.error, .encoding, error.description, at: SourceLocation(path: path))]
                }
            }
            if exists || !missing.isEmpty { corpusByFolder[folder] = corpus }
        }
        let corpora = corpusByFolder

        let prepared = Mutex([Result<ExportedFile, DiagnosticList>?](repeating: nil, count: articles.count))
        DispatchQueue.concurrentPerform(iterations: articles.count) { index in
            let result = prepare(articles[index], directory: directory, corpus: corpora[articles[index].subfolder], validator: validator)
            prepared.withLock { $0[index] = result }
        }
        var files: [ExportedFile] = []
        for result in prepared.withLock({ $0 }) {
            switch result! {
            case .success(let file): files.append(file)
            case .failure(let list): diagnostics += list.diagnostics
            }
        }
        guard diagnostics.isEmpty else { return diagnostics }
        // Corpus files first, so the articles' targets resolve at every moment.
        return write(corpusFiles + files, to: directory, overwrite: overwrite, merged: Set(corpusFiles.map(\.name)))
    }

    struct DiagnosticList: Error { var diagnostics: [Diagnostic] }

    /// Encodes one article and validates the exact bytes, under the name they will be written as.
    static func prepare(_ imported: ImportedArticle, directory: String, corpus: Corpus?, validator: Validator) -> Result<ExportedFile, DiagnosticList> {
        let name = imported.outputName
        let bytes: [UInt8]
        do {
            bytes = try ArticleWriter.encode(imported.article)
        } catch {
            return .failure(DiagnosticList(diagnostics: [Diagnostic(.error, .encoding, error.description, at: SourceLocation(path: imported.sourcePath))]))
        }
        let outputPath = FileSystem.join(directory, name)
        let findings = validator.validate(bytes: bytes, path: outputPath, corpus: corpus).diagnostics.filter { $0.severity == .error }
        guard findings.isEmpty else {
            let lead = Diagnostic(.error, .sourceFormat, "the argmark file this becomes, \(outputPath), would not be valid (\(findings.count) \(findings.count == 1 ? "error follows" : "errors follow")); it was not written", at: SourceLocation(path: imported.sourcePath))
            return .failure(DiagnosticList(diagnostics: [lead] + findings))
        }
        return .success(ExportedFile(name: name, bytes: bytes))
    }

    /// Writes prepared files into `directory` (created if missing), each atomically. Without
    /// `overwrite`, existing files are never replaced: if any target exists, nothing is written.
    /// A failure part-way (a full disk) names the file and how many were written before it.
    /// Files named in `merged` (a corpus file extended with new targets) replace what is there.
    public static func write(_ files: [ExportedFile], to directory: String, overwrite: Bool = false, merged: Set<String> = []) -> [Diagnostic] {
        var names: Set<String> = []
        for file in files where !names.insert(file.name).inserted {
            return [Diagnostic(.error, .sourceFormat, "two inputs would both be written as \(file.name); convert them into separate folders", at: SourceLocation(path: FileSystem.join(directory, file.name)))]
        }
        if !overwrite {
            let existing = files.filter { !merged.contains($0.name) }.map { FileSystem.join(directory, $0.name) }.filter { FileSystem.kind(of: $0) != .missing }
            if !existing.isEmpty {
                return existing.map { Diagnostic(.error, .sourceFormat, "already exists; pass --overwrite to replace it, or choose another output folder", at: SourceLocation(path: $0)) }
            }
        }
        if let problem = makeDirectory(directory) { return [problem] }
        for (index, file) in files.enumerated() {
            if file.name.contains("/"), let problem = makeDirectory(FileSystem.directoryName(of: FileSystem.join(directory, file.name))) { return [problem] }
            do {
                try AtomicFile.write(file.bytes, to: FileSystem.join(directory, file.name), overwrite: overwrite || merged.contains(file.name))
            } catch {
                return [Diagnostic(.error, .unreadable, "\(error.reason) (\(index) of \(files.count) files were written before this one)", at: SourceLocation(path: error.path))]
            }
        }
        return []
    }

    /// Creates `directory` and its parents, like `mkdir -p`.
    static func makeDirectory(_ directory: String) -> Diagnostic? {
        switch FileSystem.kind(of: directory) {
        case .directory: return nil
        case .file, .other:
            return Diagnostic(.error, .unreadable, "exists and is not a folder; choose another output folder", at: SourceLocation(path: directory))
        case .missing:
            let parent = FileSystem.directoryName(of: directory)
            if parent != directory, parent != ".", parent != "/", let problem = makeDirectory(parent) { return problem }
            do {
                try Platform.createDirectory(directory)
            } catch let failure where failure.kind == .exists {
                return nil
            } catch {
                return Diagnostic(.error, .unreadable, "cannot create the folder: \(error.systemMessage)", at: SourceLocation(path: directory))
            }
            return nil
        }
    }
}
