import ArgmarkCore

/// The formats `argmark report` writes.
public enum ReportFormat: String, Sendable, CaseIterable {
    /// One self-contained page: comparison tables, maps and highlighted texts.
    case html
    /// Tables and outlines for papers.
    case markdown
    /// Everything the report knows, for pipelines.
    case json
    /// One Graphviz graph per source.
    case dot
    /// One drawn map per source.
    case svg

    /// Whether the format describes each source on its own (one output per source).
    public var isPerSource: Bool { self == .dot || self == .svg }

    /// The extension a file in this format gets (`md` for Markdown).
    public var fileExtension: String {
        switch self {
        case .html: "html"
        case .markdown: "md"
        case .json: "json"
        case .dot: "dot"
        case .svg: "svg"
        }
    }
}

extension ComparisonReport {
    /// The whole report in `format`; for `dot` and `svg`, every source's map one after another
    /// (for SVG, prefer ``renderMap(source:format:)``, since one file can hold only one drawing).
    public func rendered(as format: ReportFormat) -> String {
        switch format {
        case .html: HTMLRenderer.render(self)
        case .markdown: MarkdownRenderer.render(self)
        case .json: JSONRenderer.render(self)
        case .dot, .svg: sources.indices.map { renderMap(source: $0, format: format) }.joined()
        }
    }

    /// ``rendered(as:)`` as UTF-8 bytes; JSON is written straight to bytes, which keeps a
    /// corpus-wide report to one copy of its text in memory.
    public func renderedBytes(as format: ReportFormat) -> [UInt8] {
        switch format {
        case .json: JSONRenderer.renderedBytes(self)
        default: Array(rendered(as: format).utf8)
        }
    }

    /// ``renderedBytes(as:)`` handed to `emit` in pieces: JSON is streamed (a corpus-wide report
    /// is never held whole), the other formats are one piece.
    /// A report that keeps no articles (``keepsArticles``) can only be written as JSON.
    package func write<Failure: Error>(as format: ReportFormat, to emit: @escaping ([UInt8]) throws(Failure) -> Void) throws(Failure) {
        precondition(format == .json || keepsArticles, "a report folded without its articles is written as JSON only")
        if format == .json { try JSONRenderer.write(self, to: emit) } else { try emit(renderedBytes(as: format)) }
    }

    /// One source's argument map as DOT or SVG (other formats fall back to SVG).
    public func renderMap(source: Int, format: ReportFormat) -> String {
        let caption = sources[source].caption
        if format == .dot { return DOTRenderer.render(graphs[source], caption: caption) }
        return SVGRenderer.render(ArgumentMapLayout.layout(graphs[source]), caption: caption)
    }

    /// Builds the report comparing articles as ``ArticleLoader`` returns them (pass only valid
    /// ones), merging the corpora of their folders; ``rendered(as:)`` writes it.
    public static func build(loaded: [LoadedArticle]) -> ComparisonReport {
        build(loaded: loaded, options: SharedTextOptions())
    }

    /// ``build(loaded:)`` with the thresholds for finding shared passages.
    package static func build(loaded: [LoadedArticle], options: SharedTextOptions) -> ComparisonReport {
        // One corpus per folder; deduplicated by folder so 10,000 files do not compare corpora pairwise.
        var fold = ReportFold()
        fold.add(loaded.map { ($0.path, $0.article, $0.corpus) })
        return fold.finish(options: options)
    }
}
