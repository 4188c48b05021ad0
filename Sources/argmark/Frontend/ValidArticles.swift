import ArgmarkCommandLine
import ArgmarkCore

/// The valid articles among `paths`, for the commands that read a corpus whole (`report`,
/// `link --suggest`): every finding is printed, invalid files are left out (and counted), and a
/// command left with nothing valid ends here with a line saying why.
struct ValidArticles {
    var articles: [LoadedArticle]
    /// Every finding of the files read, valid or not.
    var diagnostics: [Diagnostic]
    /// The files left out: invalid articles and paths that could not be read as one.
    var leftOut: Int

    /// `task` completes "no valid articles to …" (`report on`, `link`).
    init(_ paths: [String], toDo task: String) throws {
        let loadResult = ArticleLoader.loadAll(paths)
        diagnostics = loadResult.failures
        articles = []
        for loaded in loadResult.articles {
            diagnostics += loaded.diagnostics
            if loaded.isValid { articles.append(loaded) }
        }
        DiagnosticPrinter.print(diagnostics)
        leftOut = loadResult.articles.count - articles.count + loadResult.failures.count
        if articles.isEmpty {
            Terminal.standardError(loadResult.articles.isEmpty && loadResult.failures.isEmpty
                ? "\(paths.joined(separator: " ")): error: no argmark article files found; pass .xml files or folders that hold them"
                : "argmark: error: no valid articles to \(task); fix the errors above (see argmark validate)")
            throw max(ExitStatus(diagnostics), .failure).code
        }
    }
}
