import ArgmarkCore
import Dispatch
import Synchronization

/// What writing a batch of imported articles did.
package struct ImportWriteOutcome: Sendable {
    /// Errors: why inputs were refused, or why nothing could be written.
    package var errors: [Diagnostic] = []
    /// Inputs that were not imported (source paths), in input order.
    package var refusedInputs: [String] = []
    /// Elements left out of the articles that were written (``ImportOptions/keepGoing``), each named.
    package var dropped: [Diagnostic] = []
    /// The articles written, as finally written (after anything dropped).
    package var written: [ImportedArticle] = []
    /// Files written, `corpus.xml` files included.
    package var fileCount = 0
}

/// Writes a whole batch or nothing: every file is prepared and checked in memory first, staged in a
/// hidden folder inside the output folder, and moved into place only when all of them are written.
package enum BatchWriter {
    /// Encodes each imported article, validates the exact bytes to be written, and writes them as
    /// `DIR/<article id>.xml`. Stance targets and propositions the articles refer to are defined in
    /// the `corpus.xml` beside them (added to one that is already there, whose own definitions are kept).
    ///
    /// Without `keepGoing`, one article that cannot be written stops the batch and nothing is
    /// written. With it, relations the validator refuses (a self-loop, an edge closing a support
    /// cycle, ...) are dropped and reported, articles that still fail are refused and listed, and
    /// the rest are written.
    ///
    /// Each `corpus.xml` is read, extended and replaced under its lock (the one `argmark target`
    /// takes), so concurrent imports into one folder keep every definition.
    package static func writeArticles(_ articles: [ImportedArticle], to directory: String, overwrite: Bool = false, keepGoing: Bool = false, validator: Validator = Validator()) -> ImportWriteOutcome {
        for imported in articles where FileSystem.baseName(of: imported.outputName) == Corpus.fileName {
            var outcome = ImportWriteOutcome()
            outcome.errors = [Diagnostic(.error, .sourceFormat, "this document would become \(FileSystem.join(directory, imported.outputName)), the name of the folder's corpus file (its targets and propositions); rename the source file", at: SourceLocation(path: imported.sourcePath))]
            outcome.refusedInputs = [imported.sourcePath]
            return outcome
        }
        // The folders must exist to hold the corpus locks; those made here are removed again if
        // nothing is written, so a refused import leaves no trace.
        var created: [String] = []
        var locks: [FileLock] = []
        var outcome = ImportWriteOutcome()
        let corpusPaths = Set(articles.map { FileSystem.join(directory, $0.subfolder.isEmpty ? Corpus.fileName : $0.subfolder + "/" + Corpus.fileName) }).sorted()
        for path in corpusPaths {
            if let problem = makeDirectory(FileSystem.directoryName(of: path), created: &created) ?? linkProblem(path, in: directory) {
                outcome.errors = [problem]
                break
            }
            do {
                let lock = try FileLock(for: path)
                lock.removeFileOnRelease()
                locks.append(lock)
            } catch {
                outcome.errors = [Diagnostic(.error, .unreadable, error.reason, at: SourceLocation(path: error.path))]
                break
            }
        }
        if outcome.errors.isEmpty {
            outcome = writeArticlesLocked(articles, to: directory, overwrite: overwrite, keepGoing: keepGoing, validator: validator)
        }
        locks.removeAll()
        if outcome.fileCount == 0 {
            for folder in created.reversed() { Platform.removeDirectory(folder) }
        }
        return outcome
    }

    private static func writeArticlesLocked(_ articles: [ImportedArticle], to directory: String, overwrite: Bool, keepGoing: Bool, validator: Validator) -> ImportWriteOutcome {
        var outcome = ImportWriteOutcome()
        var owners: [String: String] = [:]
        for imported in articles {
            let name = imported.outputName
            if let other = owners[name] {
                outcome.errors.append(Diagnostic(.error, .sourceFormat, "\(other) and this file both become \(FileSystem.join(directory, name)); import them into separate folders", at: SourceLocation(path: imported.sourcePath)))
            }
            owners[name] = imported.sourcePath
        }
        guard outcome.errors.isEmpty else { return outcome }

        var corpusFiles: [ExportedFile] = []
        var corpusByFolder: [String: Corpus] = [:]
        for folder in Set(articles.map(\.subfolder)).sorted() {
            let inFolder = articles.filter { $0.subfolder == folder }
            let name = folder.isEmpty ? Corpus.fileName : folder + "/" + Corpus.fileName
            let path = FileSystem.join(directory, name)
            var corpus = Corpus()
            var exists = false
            switch validator.readCorpus(at: path) {
            case .absent: break
            case .valid(let existing, _, _):
                corpus = existing
                exists = true
            case .invalid(let findings):
                if let unreadable = findings.first(where: { $0.rule == .unreadable }) {
                    outcome.errors = [unreadable]
                } else {
                    outcome.errors = [Diagnostic(.error, .corpusMissing, "the output folder's \(Corpus.fileName) is not a valid corpus file; fix it or choose another output folder", at: SourceLocation(path: path))]
                        + findings.filter { $0.severity == .error }
                }
                return outcome
            }
            let added = addDefinitions(for: inFolder, to: &corpus)
            if added {
                do {
                    corpusFiles.append(ExportedFile(name: name, bytes: try ArticleWriter.encode(corpus)))
                } catch {
                    outcome.errors = [Diagnostic(.error, .encoding, error.description, at: SourceLocation(path: path))]
                    return outcome
                }
            }
            if exists || added { corpusByFolder[folder] = corpus }
        }
        let corpora = corpusByFolder

        let prepared = Mutex([Prepared?](repeating: nil, count: articles.count))
        DispatchQueue.concurrentPerform(iterations: articles.count) { index in
            let result = prepare(articles[index], directory: directory, corpus: corpora[articles[index].subfolder], keepGoing: keepGoing, validator: validator)
            prepared.withLock { $0[index] = result }
        }
        var files: [ExportedFile] = []
        for (index, result) in prepared.withLock({ $0 }).enumerated() {
            let result = result!
            if let file = result.file {
                files.append(file)
                var written = articles[index]
                written.article = result.article
                written.dropped += result.dropped
                outcome.written.append(written)
                outcome.dropped += written.dropped
            } else {
                outcome.errors += result.errors
                outcome.refusedInputs.append(articles[index].sourcePath)
            }
        }
        if !keepGoing && !outcome.errors.isEmpty {
            outcome.written = []
            outcome.dropped = []
            return outcome
        }
        guard !files.isEmpty else { return outcome }
        // Corpus files first, so the articles' targets resolve at every moment.
        let writeErrors = write(corpusFiles + files, to: directory, overwrite: overwrite, merged: Set(corpusFiles.map(\.name)))
        if !writeErrors.isEmpty {
            outcome.errors += writeErrors
            outcome.written = []
            return outcome
        }
        outcome.fileCount = corpusFiles.count + files.count
        return outcome
    }

    /// Adds to `corpus` the targets and propositions the articles refer to and it lacks: with the
    /// names the importers found, else a target named after its id and a proposition stated by the
    /// quote of the first unit that expresses it. Returns whether anything was added.
    static func addDefinitions(for articles: [ImportedArticle], to corpus: inout Corpus) -> Bool {
        var known = Set(corpus.targets.map(\.id))
        var knownPropositions = Set(corpus.propositions.map(\.id))
        let givenTargets = Dictionary(articles.flatMap(\.targets).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let givenPropositions = Dictionary(articles.flatMap(\.propositions).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var added = false
        var newTargets: [StanceTarget] = []
        var newPropositions: [Proposition] = []
        for imported in articles {
            for unit in imported.article.units {
                if let target = unit.target, known.insert(target).inserted {
                    newTargets.append(givenTargets[target] ?? StanceTarget(id: target, name: target.rawValue.replacing("_", with: " ")))
                }
                if let proposition = unit.proposition, knownPropositions.insert(proposition).inserted {
                    newPropositions.append(givenPropositions[proposition] ?? Proposition(id: proposition, statement: unit.quote))
                }
            }
        }
        for proposition in newPropositions {
            if let target = proposition.target, known.insert(target).inserted {
                newTargets.append(givenTargets[target] ?? StanceTarget(id: target, name: target.rawValue.replacing("_", with: " ")))
            }
        }
        if !newTargets.isEmpty || !newPropositions.isEmpty { added = true }
        corpus.targets += newTargets.sorted { $0.id < $1.id }
        corpus.propositions += newPropositions.sorted { $0.id < $1.id }
        return added
    }

    struct Prepared: Sendable {
        var file: ExportedFile?
        var article: Article
        var errors: [Diagnostic] = []
        var dropped: [Diagnostic] = []
    }

    /// Encodes one article and validates the exact bytes, under the name they will be written as.
    /// With `keepGoing`, relations at the lines the validator refuses are dropped and it tries again.
    static func prepare(_ imported: ImportedArticle, directory: String, corpus: Corpus?, keepGoing: Bool, validator: Validator) -> Prepared {
        let name = imported.outputName
        let outputPath = FileSystem.join(directory, name)
        var article = imported.article
        var dropped: [Diagnostic] = []
        // Each round drops at least one relation, so this ends; the cap keeps a hostile file cheap.
        for _ in 0..<64 {
            let bytes: [UInt8]
            do {
                bytes = try ArticleWriter.encode(article)
            } catch {
                return Prepared(article: article, errors: [Diagnostic(.error, .encoding, error.description, at: SourceLocation(path: imported.sourcePath))])
            }
            let (document, diagnostics) = validator.validate(bytes: bytes, path: outputPath, corpus: corpus)
            let findings = diagnostics.filter { $0.severity == .error }
            if findings.isEmpty { return Prepared(file: ExportedFile(name: name, bytes: bytes), article: article, dropped: dropped) }
            let lead = Diagnostic(.error, .sourceFormat, "the argmark file this becomes, \(outputPath), would not be valid (\(findings.count) \(findings.count == 1 ? "error follows" : "errors follow")); it was not written", at: SourceLocation(path: imported.sourcePath))
            guard keepGoing, case .article(let decoded)? = document else { return Prepared(article: article, errors: [lead] + findings) }
            let relationAtLine = Dictionary(decoded.lines.relations.map { ($0.value, $0.key) }, uniquingKeysWith: { first, _ in first })
            let refused = findings.compactMap { finding in finding.location.line.flatMap { relationAtLine[$0] }.map { (finding, $0) } }
            // Only relations are dropped: an error elsewhere (a unit, the text) refuses the input.
            guard refused.count == findings.count else { return Prepared(article: article, errors: [lead] + findings) }
            let ids = Set(refused.map(\.1))
            for (finding, id) in refused {
                let relation = article.relation(id)
                let source = relation?.sourceID.map { " (\(relation?.sourceLabel ?? "source") \($0) in the source)" } ?? ""
                dropped.append(Diagnostic(.warning, finding.rule, "dropped relation \(id)\(source): \(finding.message)", at: SourceLocation(path: imported.sourcePath)))
            }
            article.relations.removeAll { ids.contains($0.id) }
        }
        return Prepared(article: article, errors: [Diagnostic(.error, .sourceFormat, "too many relations would have to be dropped; fix the source", at: SourceLocation(path: imported.sourcePath))])
    }

    /// Writes prepared files into `directory` (created if missing). Without `overwrite`, existing
    /// files are never replaced: if any target exists, nothing is written. Files named in `merged`
    /// (a corpus file extended with new targets) replace what is there.
    ///
    /// Every file is first written into a hidden staging folder inside `directory` (so on the same
    /// file system), and only when all are there are they renamed into place; a killed or failed
    /// write leaves at most that staging folder, which the next write into the folder removes.
    package static func write(_ files: [ExportedFile], to directory: String, overwrite: Bool = false, merged: Set<String> = []) -> [Diagnostic] {
        var names: Set<String> = []
        for file in files where !names.insert(file.name).inserted {
            return [Diagnostic(.error, .sourceFormat, "two inputs would both be written as \(file.name); convert them into separate folders", at: SourceLocation(path: FileSystem.join(directory, file.name)))]
        }
        if !overwrite {
            let existing = files.filter { !merged.contains($0.name) }.map { FileSystem.join(directory, $0.name) }.filter { FileSystem.kind(of: $0) != .missing }
            if !existing.isEmpty {
                return existing.map { Diagnostic(.error, .sourceFormat, "already exists", at: SourceLocation(path: $0), remedies: [.overwrite, .anotherOutputFolder]) }
            }
        }
        // Never write outside the output folder: no name written, and no subfolder on the way to
        // it, may be a symbolic link (a rename would replace the link, a write would follow it).
        for file in files {
            if let problem = linkProblem(FileSystem.join(directory, file.name), in: directory) { return [problem] }
        }
        if let problem = makeDirectory(directory) { return [problem] }
        Staging.removeAbandoned(in: directory)
        let staging: String
        do {
            staging = try Staging.create(in: directory)
        } catch {
            return [Diagnostic(.error, .unreadable, error.reason, at: SourceLocation(path: error.path))]
        }
        defer { Staging.remove(staging) }
        for file in files where file.name.contains("/") {
            if let problem = makeDirectory(FileSystem.directoryName(of: FileSystem.join(staging, file.name))) { return [problem] }
        }
        // One flush of the file system for the whole batch, not one per file (AtomicFile.writeAll).
        let written = AtomicFile.writeAll(files.map { (path: FileSystem.join(staging, $0.name), bytes: $0.bytes) }, overwrite: true)
        if let failure = zip(files, written).first(where: { $0.1 != nil }), let error = failure.1 {
            let target = FileSystem.join(directory, failure.0.name)
            return [Diagnostic(.error, .unreadable, "\(error.reason); nothing was written to \(directory)", at: SourceLocation(path: target))]
        }
        for (index, file) in files.enumerated() {
            let target = FileSystem.join(directory, file.name)
            if file.name.contains("/"), let problem = makeDirectory(FileSystem.directoryName(of: target)) { return [problem] }
            let staged = FileSystem.join(staging, file.name)
            let replace = overwrite || merged.contains(file.name)
            // Every writer takes the file's lock, so an edit of an article being replaced is not lost
            // halfway (merged corpus files are already locked by the caller).
            var lock: FileLock?
            if !merged.contains(file.name) {
                do {
                    lock = try FileLock(for: target)
                    lock?.removeFileOnRelease()
                } catch {
                    return [Diagnostic(.error, .unreadable, "\(error.reason) (\(index) of \(files.count) files were moved into place before this one)", at: SourceLocation(path: error.path))]
                }
            }
            // link() refuses an existing name, so a file that appeared since the check is never replaced.
            do throws(Platform.Failure) {
                if replace {
                    try Platform.rename(staged, to: target)
                } else {
                    try Platform.link(staged, to: target)
                    Platform.removeFile(staged)
                }
            } catch {
                let reason = error.kind == .exists ? "appeared while writing" : error.systemMessage
                return [Diagnostic(.error, .unreadable, "\(reason) (\(index) of \(files.count) files were moved into place before this one)", at: SourceLocation(path: target),
                                   remedies: error.kind == .exists ? [.overwrite] : [])]
            }
            withExtendedLifetime(lock) {}
        }
        for folder in Set(files.map { FileSystem.directoryName(of: FileSystem.join(directory, $0.name)) }).sorted() {
            FileSystem.flushFolder(folder)
        }
        return []
    }

    /// Why `path` (inside `directory`) must not be written: it, or a folder between `directory`
    /// and it, is a symbolic link.
    static func linkProblem(_ path: String, in directory: String) -> Diagnostic? {
        var current = path
        while current != directory, current.count > directory.count {
            if FileSystem.isSymbolicLink(current) {
                return Diagnostic(.error, .unreadable, "is a symbolic link; argmark never writes through links in an output folder (that could write outside it), so nothing was written; remove the link or choose another output folder", at: SourceLocation(path: current))
            }
            current = FileSystem.directoryName(of: current)
        }
        return nil
    }

    /// Creates `directory` and its parents, like `mkdir -p`, adding each folder it made to `created`.
    static func makeDirectory(_ directory: String, created: inout [String]) -> Diagnostic? {
        switch FileSystem.kind(of: directory) {
        case .directory: return nil
        case .file, .other:
            return Diagnostic(.error, .unreadable, "exists and is not a folder; choose another output folder", at: SourceLocation(path: directory))
        case .missing:
            let parent = FileSystem.directoryName(of: directory)
            if parent != directory, parent != ".", parent != "/", let problem = makeDirectory(parent, created: &created) { return problem }
            do {
                try Platform.createDirectory(directory)
            } catch let failure where failure.kind == .exists {
                return nil
            } catch {
                return Diagnostic(.error, .unreadable, "cannot create the folder: \(error.systemMessage)", at: SourceLocation(path: directory))
            }
            created.append(directory)
            return nil
        }
    }

    /// Creates `directory` and its parents, like `mkdir -p`.
    static func makeDirectory(_ directory: String) -> Diagnostic? {
        do {
            try FileSystem.createDirectory(directory)
            return nil
        } catch {
            return Diagnostic(.error, .unreadable, error.reason, at: SourceLocation(path: error.path))
        }
    }
}

/// The hidden folders a batch is staged in before it is moved into place.
enum Staging {
    static let prefix = ".argmark-staging-"

    /// A new folder `DIR/.argmark-staging-<pid>-XXXXXX`.
    static func create(in directory: String) throws(FileSystemError) -> String {
        do {
            return try Platform.createUniqueDirectory(template: FileSystem.join(directory, "\(prefix)\(Platform.processID)-XXXXXX"))
        } catch {
            throw FileSystemError(path: directory, reason: "cannot create a staging folder: \(error.systemMessage); check the folder is writable")
        }
    }

    /// Staging folders left by a process that no longer runs (killed mid-write).
    static func removeAbandoned(in directory: String) {
        guard let names = try? Platform.entries(in: directory) else { return }
        for name in names where name.hasPrefix(prefix) {
            guard let pid = Int32(name.dropFirst(prefix.count).prefix { $0 != "-" }) else { continue }
            if pid != Platform.processID && !Platform.processExists(pid) { remove(FileSystem.join(directory, name)) }
        }
    }

    /// Removes a folder tree (without following symbolic links).
    static func remove(_ path: String) {
        guard let status = try? Platform.status(of: path, followingLinks: false) else { return }
        if status.kind == .directory, let names = try? Platform.entries(in: path) {
            for name in names { remove(FileSystem.join(path, name)) }
            Platform.removeDirectory(path)
        } else {
            Platform.removeFile(path)
        }
    }
}
