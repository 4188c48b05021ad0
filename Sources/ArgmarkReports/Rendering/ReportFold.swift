import ArgmarkCore
import Dispatch

/// A report built as its articles are read: each block of articles is folded into its
/// ``SourceFacts`` (in parallel) and, unless the articles are kept, let go; the JSON of each
/// source goes to a ``BlockSpool`` on disk. Peak memory is then the facts and the texts
/// (for the shared-text finder), not the articles and their graphs.
///
/// The formats that draw every article (HTML, Markdown, DOT, SVG) keep them
/// (`keepingArticles`); the JSON report does not need to. Both give the same report.
package struct ReportFold {
    private var keys: [String] = []
    private var facts: [SourceFacts] = []
    private var sources: [ReportSource] = []
    private var graphs: [ArgumentGraph] = []
    private var sourceKeys = SourceKeys()
    private var folders = Set<String>()
    private var corpora: [Corpus] = []
    private let spool: BlockSpool?

    /// A fold that keeps every article and its graph.
    package init() {
        spool = nil
    }

    /// A fold that keeps no article: the sources' JSON goes to a temporary file (which is why
    /// this can fail). Its report can only be written as JSON.
    package init(spoolingSources: ()) throws(FileSystemError) {
        spool = try BlockSpool(holding: "the report's sources")
    }

    /// Why the sources' JSON could not be spooled, if it could not.
    package var problem: FileSystemError? { spool?.problem }

    /// The number of sources folded so far.
    package var count: Int { keys.count }

    /// Folds articles read from `path`s, in order; each folder's corpus is used once, in the order
    /// of the folder's first article.
    package mutating func add(_ articles: [(path: String, article: Article, corpus: Corpus?)]) {
        var sources: [ReportSource] = []
        sources.reserveCapacity(articles.count)
        for entry in articles {
            sources.append(ReportSource(key: sourceKeys.key(for: entry.article.id), file: FileSystem.baseName(of: entry.path), article: entry.article))
            if folders.insert(FileSystem.directoryName(of: entry.path)).inserted, let corpus = entry.corpus { corpora.append(corpus) }
        }
        add(sources)
    }

    /// Folds sources whose keys are already given.
    package mutating func add(_ block: [ReportSource]) {
        let first = keys.count
        var graphs = [ArgumentGraph?](repeating: nil, count: block.count)
        var facts = [SourceFacts?](repeating: nil, count: block.count)
        var rendered = [[UInt8]](repeating: [], count: spool == nil ? 0 : block.count)
        graphs.withUnsafeMutableBufferPointer { graphBuffer in
            facts.withUnsafeMutableBufferPointer { factBuffer in
                rendered.withUnsafeMutableBufferPointer { renderedBuffer in
                    let graphSlots = UnsafeSlots(graphBuffer), factSlots = UnsafeSlots(factBuffer), renderedSlots = UnsafeSlots(renderedBuffer)
                    let rendersJSON = spool != nil
                    DispatchQueue.concurrentPerform(iterations: block.count) { index in
                        let graph = ArgumentGraph(block[index].article)
                        let sourceFacts = SourceFacts(source: first + index, graph: graph)
                        if rendersJSON {
                            var bytes: [UInt8] = []
                            JSONRenderer.source(block[index], graph: graph, profile: sourceFacts.profile)
                                .write(into: &bytes, indent: JSONRenderer.sourceIndent)
                            renderedSlots.buffer[index] = bytes
                        }
                        factSlots.buffer[index] = sourceFacts
                        graphSlots.buffer[index] = graph
                    }
                }
            }
        }
        keys += block.map(\.key)
        self.facts += facts.map { $0! }
        if let spool {
            for bytes in rendered { spool.append(bytes) }
        } else {
            self.sources += block
            self.graphs += graphs.map { $0! }
        }
    }

    /// The report over every source folded, with `corpus` (by default the corpora of the
    /// articles' folders, merged).
    package consuming func finish(corpus given: Corpus? = nil, options: SharedTextOptions = SharedTextOptions()) -> ComparisonReport {
        let corpus = given ?? Corpus.merging(corpora)
        spool?.finishWriting()
        return ComparisonReport.assemble(keys: keys, facts: facts, sources: sources, graphs: graphs, spool: spool, corpus: corpus, options: options)
    }
}

extension ComparisonReport {
    /// Analyses `sources`. Work per source runs in parallel; nothing compares all pairs of sources.
    package static func build(sources: [ReportSource], corpus: Corpus, options: SharedTextOptions = SharedTextOptions()) -> ComparisonReport {
        var fold = ReportFold()
        fold.add(sources)
        return fold.finish(corpus: corpus, options: options)
    }
}
