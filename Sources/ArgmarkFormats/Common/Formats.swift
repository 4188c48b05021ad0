import ArgmarkCore
import Dispatch
import Synchronization

/// The formats argmark reads.
package enum ImportFormat: String, CaseIterable, Sendable {
    case microtexts, xmi, brat, aif

    /// The file name ending searched for in folders.
    package var fileExtension: String {
        switch self {
        case .microtexts: ".xml"
        case .xmi: ".xmi"
        case .brat: ".ann"
        case .aif: ".json"
        }
    }

    /// Reads one source file into an argmark article.
    package func importFile(_ path: String) throws(FormatError) -> Article {
        try importDocument(path).article
    }

    /// Reads one source file into an argmark article, with the vocabulary and warnings it gives.
    package func importDocument(_ path: String, options: ImportOptions = ImportOptions()) throws(FormatError) -> ImportedDocument {
        switch self {
        case .microtexts: ImportedDocument(article: try MicrotextsImporter.importFile(path))
        case .xmi: try XMIImporter.importDocument(path, options: options)
        case .brat: try BratImporter.importDocument(path, options: options)
        case .aif: try AIFImporter.importDocument(path, options: options)
        }
    }
}

/// The formats argmark writes.
package enum ExportFormat: String, CaseIterable, Sendable {
    case microtexts, brat, aif, argdown, xmi, csv, jsonl, conll

    /// Formats written as one set of files for the whole batch, not per article.
    var isTable: Bool { self == .csv || self == .jsonl || self == .conll }

    /// The files one article becomes. `path` is the argmark file, for error messages.
    package func export(_ article: Article, path: String) throws(FormatError) -> [ExportedFile] {
        try export(ExportInput(article: article, path: path)).files
    }

    /// The files one article becomes, and what the format could not carry.
    package func export(_ input: ExportInput) throws(FormatError) -> (files: [ExportedFile], losses: [ExportLoss]) {
        switch self {
        case .microtexts: return try MicrotextsExporter.export(input)
        case .brat: return BratExporter.export(input)
        case .aif: return try AIFExporter.export(input)
        case .argdown: return ArgdownExporter.export(input)
        case .xmi: return XMIExporter.export(input)
        case .csv, .jsonl, .conll:
            let batch = export([input])
            return (batch.files, batch.losses.first?.losses ?? [])
        }
    }

    /// Files written once for the whole batch (brat's `annotation.conf`).
    func sharedFiles(for inputs: [ExportInput]) -> [ExportedFile] {
        switch self {
        case .brat: [BratExporter.configuration(for: inputs.map(\.article))]
        case .xmi: [XMIExporter.typeSystem()]
        default: []
        }
    }

    /// Exports every input; the per-file losses are in input order.
    package func export(_ inputs: [ExportInput]) -> ExportBatch {
        var batch = ExportBatch()
        switch self {
        case .csv, .jsonl:
            let files = TableExporter.export(inputs)
            batch.files = files.filter { self == .jsonl ? $0.name.hasSuffix(".jsonl") : $0.name.hasSuffix(".csv") }
            batch.losses = inputs.map { ($0.path, []) }
            return batch
        case .conll:
            let (file, losses) = CoNLLExporter.export(inputs)
            batch.files = [file]
            batch.losses = losses
            return batch
        default: break
        }
        for input in inputs {
            do {
                let (files, losses) = try export(input)
                batch.files += files
                batch.losses.append((input.path, losses))
            } catch {
                batch.errors.append(error.diagnostic)
            }
        }
        batch.files += sharedFiles(for: inputs)
        return batch
    }
}

/// One group of inputs as the user named it (a file or a folder), for the per-corpus summary.
package struct ImportGroup: Sendable {
    package var name: String
    package var articles: [ImportedArticle]
}

/// Reading many source files at once, in parallel, keeping the order of the paths.
package enum BatchImport {
    /// Imports every file under `paths` (folders searched for the format's extension). Each
    /// argument is one group in the result; unreadable paths and failed files come back as diagnostics.
    package static func run(_ format: ImportFormat, paths: [String], options: ImportOptions = ImportOptions()) -> (groups: [ImportGroup], diagnostics: [Diagnostic]) {
        var jobs: [(group: Int, path: String)] = []
        var diagnostics: [Diagnostic] = []
        for (index, path) in paths.enumerated() {
            let (files, errors) = FileSystem.expand([path], extension: format.fileExtension)
            diagnostics += errors.map { Diagnostic(.error, .unreadable, $0.reason, at: SourceLocation(path: $0.path)) }
            if errors.isEmpty && files.isEmpty {
                diagnostics.append(Diagnostic(.error, .unreadable, "no *\(format.fileExtension) files here to import as \(format.rawValue)", at: SourceLocation(path: path)))
            }
            jobs += files.map { (index, $0) }
        }
        let results = Mutex([Result<ImportedDocument, FormatError>?](repeating: nil, count: jobs.count))
        let work = jobs
        DispatchQueue.concurrentPerform(iterations: work.count) { index in
            let result = Result { () throws(FormatError) in try format.importDocument(work[index].path, options: options) }
            results.withLock { $0[index] = result }
        }
        var groups = paths.map { ImportGroup(name: $0, articles: []) }
        for (index, result) in results.withLock({ $0 }).enumerated() {
            switch result! {
            case .success(let document):
                let subfolder = relativeFolder(of: work[index].path, under: paths[work[index].group])
                groups[work[index].group].articles.append(ImportedArticle(sourcePath: work[index].path, document: document, subfolder: subfolder))
            case .failure(let error): diagnostics.append(error.diagnostic)
            }
        }
        return (groups, diagnostics)
    }

    /// `corpus/en` for `ROOT/corpus/en/x.xml` under `ROOT`; empty for a file named directly.
    static func relativeFolder(of file: String, under root: String) -> String {
        let folder = FileSystem.directoryName(of: file)
        var prefix = root
        while prefix.count > 1 && prefix.hasSuffix("/") { prefix.removeLast() }
        guard file != root, folder.hasPrefix(prefix + "/") else { return "" }
        return String(folder.dropFirst(prefix.count + 1))
    }
}
