import ArgmarkCore
import ArgmarkSuggest
import Synchronization

/// Why the workbench could not answer; the HTTP layer maps each case to a status code.
package enum WorkbenchError: Error, Sendable {
    /// No such article (or a name that would leave the folder): 404.
    case notFound(String)
    /// The request is malformed: 400.
    case badRequest(String)
    /// The article is not the version the page edited: 409, with the current version.
    case stale(current: String)
    /// The core refused the change (nothing was written): 422, with its findings.
    case refused(EditError)
    /// The article cannot be read at all: 422, with its findings.
    case unreadable([Diagnostic])
    /// The article changed outside the workbench since its last change here, so undo or redo
    /// would lose that change; the history was cleared: 409.
    case historyBroken
}

/// A folder of argmark articles opened in the browser: what the pages show and what they change,
/// with no HTTP in it (the server only parses requests and serves these values).
///
/// Every change goes through ``EditTransaction`` (the core's locked, validated, atomic edit). The
/// undo history lives here, per article, so it survives a reload of the page.
package final class Workbench: Sendable {
    /// The folder, resolved (no symbolic links), so containment checks compare real paths.
    package let folder: String
    /// With an annotator, articles are that annotator's copies under `annotators/NAME/`.
    package let annotator: String?
    /// One validator for every request, remembering its last results: an edit validates the
    /// file it writes in full, and the answer's view of that file then reuses that validation
    /// instead of repeating it (the memo is keyed by the bytes' digest, so nothing stale is reused).
    let validator = Validator(schema: .shared, memo: ValidationMemo())
    let history = Mutex<[String: History]>([:])
    /// The last argument map drawn per article file, with the version it is of.
    let maps = Mutex<[String: (version: String, svg: String)]>([:])
    /// The corpus's own suggestion model (see ``CorpusModel``).
    package let model: CorpusModel

    /// The folder annotators' copies live in.
    package static let annotatorsFolder = "annotators"

    /// Opens `folder`; refuses a missing folder or an annotator name that is not a plain name.
    /// `retrainAfter` accepted or rejected suggestions retrain the corpus's model (0: only on request).
    package init(folder: String, annotator: String?, retrainAfter: Int = CorpusModel.defaultRetrainAfter) throws(WorkbenchError) {
        guard FileSystem.kind(of: folder) == .directory, let resolved = PathGuard.realPath(folder) else {
            throw .badRequest("\(folder): no such folder; pass the folder of annotation files to serve")
        }
        if let annotator, !PathGuard.isPlainName(annotator) {
            throw .badRequest("annotator name \"\(annotator)\" must be letters, digits, '.', '_' or '-', not starting with '.'")
        }
        self.folder = resolved
        self.annotator = annotator
        let validator = Validator()
        let articlesFolder = annotator.map { FileSystem.join(FileSystem.join(resolved, Self.annotatorsFolder), $0) } ?? resolved
        model = CorpusModel(articlesFolder: articlesFolder, retrainAfter: retrainAfter, validator: validator) {
            Self.articleNames(in: resolved).map { FileSystem.join(articlesFolder, $0 + ".xml") }
                .filter { FileSystem.kind(of: $0) == .file && PathGuard.isInside($0, folder: resolved) }
        }
    }

    // MARK: Paths

    /// The shared (gold) file of article `name`, inside the folder.
    func sharedPath(_ name: String) throws(WorkbenchError) -> String {
        guard PathGuard.isPlainName(name), name != "corpus" else { throw .notFound(name) }
        let path = FileSystem.join(folder, name + ".xml")
        guard PathGuard.isInside(path, folder: folder) else { throw .notFound(name) }
        return path
    }

    /// The folder of annotator `name`'s copies.
    func annotatorFolder(_ name: String) -> String {
        FileSystem.join(FileSystem.join(folder, Self.annotatorsFolder), name)
    }

    /// The file the page edits: the shared article, or this annotator's copy (made on first open).
    package func path(of name: String) throws(WorkbenchError) -> String {
        let shared = try sharedPath(name)
        guard let annotator else {
            guard FileSystem.kind(of: shared) == .file else { throw .notFound(name) }
            return shared
        }
        let own = FileSystem.join(annotatorFolder(annotator), name + ".xml")
        if FileSystem.kind(of: own) == .file {
            guard PathGuard.isInside(own, folder: folder) else { throw .notFound(name) }
            return own
        }
        guard FileSystem.kind(of: shared) == .file else { throw .notFound(name) }
        try copyForAnnotator(shared, to: own)
        return own
    }

    /// Copies the shared article (and `corpus.xml`, so references resolve) into the annotator's folder.
    func copyForAnnotator(_ shared: String, to own: String) throws(WorkbenchError) {
        let directory = FileSystem.directoryName(of: own)
        for folderPath in [FileSystem.directoryName(of: directory), directory] where FileSystem.kind(of: folderPath) != .directory {
            do throws(Platform.Failure) { try Platform.createDirectory(folderPath) } catch {
                guard error.kind == .exists else { throw .badRequest("\(folderPath): cannot create the annotator's folder (\(error.systemMessage))") }
            }
        }
        guard PathGuard.isInside(directory, folder: folder) else { throw .notFound(FileSystem.baseName(of: own)) }
        do throws(FileSystemError) {
            let corpus = FileSystem.join(folder, Corpus.fileName)
            let ownCorpus = FileSystem.join(directory, Corpus.fileName)
            if FileSystem.kind(of: corpus) == .file, FileSystem.kind(of: ownCorpus) == .missing {
                try AtomicFile.write(try FileSystem.read(corpus), to: ownCorpus, overwrite: false)
            }
            try AtomicFile.write(try FileSystem.read(shared), to: own, overwrite: false)
        } catch {
            // Another tab may have made the copy at the same moment; then it is there.
            if FileSystem.kind(of: own) == .file { return }
            throw .badRequest(error.description)
        }
    }

    /// The article names of the folder (files `NAME.xml` beside `corpus.xml`), sorted.
    package func articleNames() -> [String] { Self.articleNames(in: folder) }

    static func articleNames(in folder: String) -> [String] {
        let (files, _) = FileSystem.expand([folder], extension: ".xml")
        return files.filter { FileSystem.directoryName(of: $0) == folder }
            .map { String(FileSystem.baseName(of: $0).dropLast(4)) }
            .filter { $0 != "corpus" && PathGuard.isPlainName($0) && PathGuard.isInside(FileSystem.join(folder, $0 + ".xml"), folder: folder) }
            .sorted { naturalLess($0, $1) }
    }

    /// Annotators with a folder under `annotators/`, sorted.
    package func annotatorNames() -> [String] {
        let root = FileSystem.join(folder, Self.annotatorsFolder)
        guard FileSystem.kind(of: root) == .directory else { return [] }
        return PathGuard.entries(of: root).filter { PathGuard.isPlainName($0) && FileSystem.kind(of: FileSystem.join(root, $0)) == .directory }
            .sorted { naturalLess($0, $1) }
    }

    /// The corpus file edits of targets and propositions go to: the annotator's copy if there is one.
    func corpusPaths() -> [String] {
        var paths = [FileSystem.join(folder, Corpus.fileName)]
        if let annotator {
            let own = FileSystem.join(annotatorFolder(annotator), Corpus.fileName)
            if FileSystem.kind(of: own) == .file { paths.append(own) }
        }
        return paths
    }

    // MARK: Reading

    /// An article as the page shows it.
    package func article(_ name: String) throws(WorkbenchError) -> ArticleView {
        try ArticleView.load(name: name, path: path(of: name), annotator: annotator, validator: validator,
                             history: historyCounts(name))
    }

    /// The argument map of article `name` as it is now, and the version it is of. The last map
    /// drawn for each article is kept, so asking again for an unchanged article costs a read.
    package func map(of name: String) throws(WorkbenchError) -> (version: String, svg: String) {
        let path = try path(of: name)
        let current: String
        do throws(FileSystemError) { current = EditTransaction.version(of: try FileSystem.read(path)) } catch {
            throw .unreadable([Diagnostic(.error, .unreadable, error.reason, at: SourceLocation(path: path))])
        }
        if let cached = maps.withLock({ $0[path] }), cached.version == current { return cached }
        let view = try article(name)
        let drawn = (version: view.version, svg: view.mapSVG)
        maps.withLock { $0[path] = drawn }
        return drawn
    }

    /// The current version of article `name`, cheap enough to poll (the page does, to notice
    /// changes made by the command line or another tab).
    package func version(of name: String) throws(WorkbenchError) -> String {
        let path = try path(of: name)
        do throws(FileSystemError) { return EditTransaction.version(of: try FileSystem.read(path)) } catch {
            throw .unreadable([Diagnostic(.error, .unreadable, error.reason, at: SourceLocation(path: path))])
        }
    }

    /// Every article of the folder with its progress, for the corpus page.
    package func corpusSummary() -> [ArticleSummary] {
        articleNames().map { name in
            let path: String
            if let annotator {
                let own = FileSystem.join(annotatorFolder(annotator), name + ".xml")
                path = FileSystem.kind(of: own) == .file ? own : FileSystem.join(folder, name + ".xml")
            } else {
                path = FileSystem.join(folder, name + ".xml")
            }
            return ArticleSummary.load(name: name, path: path, validator: validator)
        }
    }

    // MARK: Changing

    /// Applies the page's edits to article `name` if it is still at `version`.
    package func apply(_ edits: [WorkbenchEdit], to name: String, version: String?) throws(WorkbenchError) -> AppliedEdits {
        let path = try path(of: name)
        let applied: AppliedEdits
        do throws(EditFailure) {
            applied = try EditTransaction.apply(edits, to: path, expectedVersion: version, suggester: model.suggester, validator: validator)
        } catch {
            throw Self.map(error)
        }
        if applied.changed {
            record(name, before: applied.before, version: applied.version)
            model.noteReviews(applied.reviewed)
        }
        return applied
    }

    /// Adds or changes targets and propositions in `corpus.xml` (and the annotator's copy).
    package func applyToCorpus(_ edits: [WorkbenchEdit]) throws(WorkbenchError) -> [String] {
        var ids: [String] = []
        for path in corpusPaths() {
            do throws(EditFailure) { ids = try EditTransaction.applyToCorpus(edits, at: path, validator: validator) } catch {
                throw Self.map(error)
            }
        }
        return ids
    }

    static func map(_ failure: EditFailure) -> WorkbenchError {
        switch failure {
        case .stale(let current): .stale(current: current)
        case .refused(let error): .refused(error)
        }
    }

    // MARK: Undo and redo

    struct Step: Sendable {
        /// The file's bytes to go back (or forward) to.
        var bytes: [UInt8]
        /// The version the file has when this step is the one to take.
        var version: String
    }

    struct History: Sendable {
        var undo: [Step] = []
        var redo: [Step] = []
    }

    /// How many steps can be undone and redone for `name`.
    package func historyCounts(_ name: String) -> (undo: Int, redo: Int) {
        history.withLock { ($0[historyKey(name)]?.undo.count ?? 0, $0[historyKey(name)]?.redo.count ?? 0) }
    }

    func historyKey(_ name: String) -> String { (annotator ?? "") + "/" + name }

    /// The history is capped (in steps and in bytes kept) so a long session cannot grow without
    /// bound; the oldest steps go first, the last one always stays.
    static let historyLimit = 500
    static let historyByteLimit = 64 << 20

    func record(_ name: String, before: [UInt8], version: String) {
        history.withLock { all in
            var entry = all[historyKey(name)] ?? History()
            entry.undo.append(Step(bytes: before, version: version))
            if entry.undo.count > Self.historyLimit { entry.undo.removeFirst(entry.undo.count - Self.historyLimit) }
            var kept = entry.undo.reduce(0) { $0 + $1.bytes.count }
            while entry.undo.count > 1, kept > Self.historyByteLimit { kept -= entry.undo.removeFirst().bytes.count }
            entry.redo = []
            all[historyKey(name)] = entry
        }
    }

    /// Undoes the last change the workbench made to `name` (`redo: true` redoes the last undone one).
    package func step(_ name: String, version: String, redo: Bool) throws(WorkbenchError) -> AppliedEdits {
        let path = try path(of: name)
        let key = historyKey(name)
        guard let step = history.withLock({ redo ? $0[key]?.redo.last : $0[key]?.undo.last }) else {
            throw .badRequest(redo ? "nothing to redo" : "nothing to undo")
        }
        let current = (try? FileSystem.read(path)).map(EditTransaction.version(of:)) ?? ""
        guard current == version else { throw .stale(current: current) }
        guard step.version == current else {
            // The file moved on outside the workbench (the CLI, another tool): going back would
            // silently drop that change, so the history of this article ends here.
            history.withLock { $0[key] = nil }
            throw .historyBroken
        }
        let applied: AppliedEdits
        do throws(EditFailure) {
            applied = try EditTransaction.restore(step.bytes, at: path, expectedVersion: version, validator: validator)
        } catch {
            throw Self.map(error)
        }
        history.withLock { all in
            var entry = all[key] ?? History()
            if redo {
                entry.redo.removeLast()
                entry.undo.append(Step(bytes: applied.before, version: applied.version))
            } else {
                entry.undo.removeLast()
                entry.redo.append(Step(bytes: applied.before, version: applied.version))
            }
            all[key] = entry
        }
        return applied
    }
}
