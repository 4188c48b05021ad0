import ArgmarkCore

/// One argmark article to export, with the corpus vocabulary beside it (for target names and
/// proposition statements).
package struct ExportInput: Sendable {
    package var article: Article
    /// The argmark file it was read from (for the per-file report).
    package var path: String
    package var corpus: Corpus?

    package init(article: Article, path: String, corpus: Corpus? = nil) {
        self.article = article
        self.path = path
        self.corpus = corpus
    }
}

/// Something of an article that a format cannot carry: what, how many, and which.
package struct ExportLoss: Sendable, Equatable {
    /// What was not carried, in words (`implicit units (no span)`).
    package var what: String
    package var count: Int
    /// Ids of the elements, when they have one.
    package var ids: [String]

    package init(_ what: String, count: Int, ids: [String] = []) {
        self.what = what
        self.count = count
        self.ids = ids
    }

    /// `2 implicit units (no span): u3, u7`.
    package var description: String {
        let shown = ids.count > 8 ? ids.prefix(8).joined(separator: ", ") + ", …" : ids.joined(separator: ", ")
        return "\(count) \(what)" + (ids.isEmpty ? "" : ": " + shown)
    }
}

/// Collects an exporter's losses for one article, counted by kind.
struct LossCollector {
    private var order: [String] = []
    private var entries: [String: (count: Int, ids: [String])] = [:]

    mutating func add(_ what: String, id: String? = nil, count: Int = 1) {
        guard count > 0 else { return }
        if entries[what] == nil { order.append(what) }
        entries[what, default: (0, [])].count += count
        if let id { entries[what]!.ids.append(id) }
    }

    var losses: [ExportLoss] { order.map { ExportLoss($0, count: entries[$0]!.count, ids: entries[$0]!.ids) } }

    /// The article-level fields no format but argmark's own and the tables carry.
    mutating func metadata(of article: Article, except carried: Set<String> = []) {
        let metadata = article.metadata
        let fields: [(String, Bool)] = [
            ("title", metadata.title != nil), ("outlet", metadata.outlet != nil), ("author", metadata.author != nil),
            ("published", metadata.published != nil), ("url", metadata.url != nil), ("genre", metadata.genre != nil),
            ("language", metadata.language != nil),
        ]
        let missing = fields.filter { $0.1 && !carried.contains($0.0) }.map(\.0)
        if !missing.isEmpty { add("metadata fields (" + missing.joined(separator: ", ") + ")", count: missing.count) }
    }

    /// Speakers' names and roles, when only their ids are carried.
    mutating func speakerNames(of article: Article) {
        let used = Set(article.units.compactMap(\.speaker))
        add("speaker names (only their ids are carried)", count: article.speakers.filter { used.contains($0.id) }.count)
    }
}

/// What an export of a batch made: the files, and per article file what the format could not carry.
package struct ExportBatch: Sendable {
    package var files: [ExportedFile] = []
    /// Per input path, in input order, the losses (empty when everything was carried).
    package var losses: [(path: String, losses: [ExportLoss])] = []
    /// Inputs that could not be exported at all.
    package var errors: [Diagnostic] = []

    package init() {}

    /// The losses as warnings (or, with `strict`, errors), one per input file that lost something.
    package func lossDiagnostics(format: ExportFormat, strict: Bool) -> [Diagnostic] {
        losses.filter { !$0.losses.isEmpty }.map { entry in
            let list = entry.losses.map(\.description).joined(separator: "; ")
            return Diagnostic(strict ? .error : .warning, .exportLoss, "\(format.rawValue) cannot carry \(list)", at: SourceLocation(path: entry.path),
                              remedies: strict ? [.acceptLosses, .formatThatCarriesIt] : [])
        }
    }
}
