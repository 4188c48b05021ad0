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

    /// Folds sources given by their facts, as a part of facts carries them (``PartRecord/facts``:
    /// ``SourceFacts/json`` with the report's entry of the source as `source`), in order. Only a
    /// fold that spools its sources can (it has no articles to keep). The text of a source for
    /// which `keepsText` is false is let go: the shared text was found elsewhere
    /// (``SharedTextJoin``) and only the listed pairs' texts are needed.
    /// Returns the paths whose facts could not be read (nothing is folded then).
    package mutating func add(facts block: [(path: String, id: String, facts: JSONValue, corpus: Corpus?)], keepsText: (Int) -> Bool = { _ in true }) -> [String] {
        precondition(spool != nil, "a fold of facts spools its sources")
        let first = keys.count
        var decoded = [SourceFacts?](repeating: nil, count: block.count)
        var rendered = [[UInt8]](repeating: [], count: block.count)
        var blockKeys: [String] = []
        for entry in block { blockKeys.append(sourceKeys.key(for: entry.id)) }
        let names = blockKeys
        decoded.withUnsafeMutableBufferPointer { factBuffer in
            rendered.withUnsafeMutableBufferPointer { renderedBuffer in
                let factSlots = UnsafeSlots(factBuffer), renderedSlots = UnsafeSlots(renderedBuffer)
                DispatchQueue.concurrentPerform(iterations: block.count) { index in
                    let entry = block[index]
                    guard let facts = SourceFacts(json: entry.facts, source: first + index),
                          case .object(let members) = entry.facts, case .object(var source)? = members["source"] else { return }
                    source["key"] = .string(names[index])
                    source["file"] = .string(FileSystem.baseName(of: entry.path))
                    var bytes: [UInt8] = []
                    JSONValue.object(source).write(into: &bytes, indent: JSONRenderer.sourceIndent)
                    renderedSlots.buffer[index] = bytes
                    factSlots.buffer[index] = facts
                }
            }
        }
        let unreadable = block.indices.filter { decoded[$0] == nil }.map { block[$0].path }
        guard unreadable.isEmpty else { return unreadable }
        for (index, entry) in block.enumerated() {
            if folders.insert(FileSystem.directoryName(of: entry.path)).inserted, let corpus = entry.corpus { corpora.append(corpus) }
            var facts = decoded[index]!
            if !keepsText(first + index) { facts.sharedText = SharedTextSource(text: "", units: []) }
            self.facts.append(facts)
            spool!.append(rendered[index])
        }
        keys += names
        return []
    }

    /// The report over every source folded, with `corpus` (by default the corpora of the
    /// articles' folders, merged). With `join`, the shared text is the join's (whose listed
    /// sources must have kept their texts), not found again.
    package consuming func finish(corpus given: Corpus? = nil, options: SharedTextOptions = SharedTextOptions(),
                                  join: (join: SharedTextJoin, commonSkipped: Int, admitted: Int)? = nil) -> ComparisonReport {
        let corpus = given ?? Corpus.merging(corpora)
        spool?.finishWriting()
        let facts = self.facts
        let sharedText = join.map { $0.join.findings(sources: { facts[$0].sharedText }, commonSkipped: $0.commonSkipped, admitted: $0.admitted) }
        return ComparisonReport.assemble(keys: keys, facts: facts, sources: sources, graphs: graphs, spool: spool, corpus: corpus, options: options,
                                         sharedText: sharedText)
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
