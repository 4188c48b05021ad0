import ArgmarkCore
import Dispatch

/// A unit with both a target and a stance, as the stance tables and the disagreements use it.
package struct StancedUnit: Sendable {
    package var unit: UnitID
    package var target: TargetID
    package var stance: Stance
    /// The voice it speaks in (``ArgumentGraph/voice(of:)``).
    package var voice: Voice
    package var speaker: SpeakerID?
    /// The speaker's declared name (its id when it is not declared); nil without a speaker.
    package var speakerName: String?
}

/// Where a unit lies in its text: what a shared passage needs to name the units it overlaps.
package struct PlacedUnit: Sendable {
    package var id: UnitID
    package var span: Span
    package var fragments: [Span]
    package var proposition: PropositionID?
}

/// What the shared-text finder needs of one source.
package struct SharedTextSource: Sendable {
    package var text: String
    /// The units that have a span, in text order.
    package var units: [PlacedUnit]
}

/// Everything the comparison tables take from one article, computed from that article alone:
/// a report is the fold of these over its sources. Once an article is folded into its facts, the
/// article and its ``ArgumentGraph`` can be let go (see ``ReportFold``), so a corpus-wide report
/// holds these (and each text, for the shared-text finder), not every article.
package struct SourceFacts: Sendable {
    package var profile: SourceProfile
    package var relations: Int
    /// In text order.
    package var stanced: [StancedUnit]
    /// The targets its units name.
    package var targets: Set<TargetID>
    /// Per proposition its units carry: the row entry, and the voices asserting and opposing it.
    package var propositions: [PropositionFacts]
    package var counterclaims: [CounterclaimEntry]
    /// Its speakers, in id order, before `alsoIn` is known (it needs every source).
    package var speakers: [SpeakerSummary]
    package var sharedText: SharedTextSource

    package struct PropositionFacts: Sendable {
        package var proposition: PropositionID
        package var entry: PropositionRow.Entry
        package var asserts: [Disagreements.Side]
        package var opposes: [Disagreements.Side]
    }

    /// The facts of the source at index `source`.
    package init(source: Int, graph: ArgumentGraph) {
        let article = graph.article
        func speakerName(_ id: SpeakerID?) -> String? { id.map { article.speaker($0)?.name ?? $0.rawValue } }
        profile = ComparisonReport.profile(source, graph, textLength: article.text.unicodeScalars.count)
        relations = article.relations.count
        var stanced: [StancedUnit] = []
        var targets = Set<TargetID>()
        var placed: [PlacedUnit] = []
        var entries: [PropositionID: PropositionRow.Entry] = [:]
        for unit in graph.units {
            if let target = unit.target {
                targets.insert(target)
                if let stance = unit.stance {
                    stanced.append(StancedUnit(unit: unit.id, target: target, stance: stance, voice: graph.voice(of: unit),
                                               speaker: unit.speaker, speakerName: speakerName(unit.speaker)))
                }
            }
            if let span = unit.span { placed.append(PlacedUnit(id: unit.id, span: span, fragments: unit.fragments, proposition: unit.proposition)) }
            guard let proposition = unit.proposition else { continue }
            let reference = UnitReference(source: source, unit: unit.id)
            var entry = entries[proposition] ?? PropositionRow.Entry(source: source)
            if unit.type == .counterclaim {
                entry.reportsAsCounterclaim.append(reference)
            } else {
                entry.asserts.append(reference)
            }
            var rebutters = Set<UnitID>(entry.rebuts.map(\.unit))
            for relation in graph.attacks(on: unit.id) {
                guard let attacker = graph.unitsByID[relation.from], attacker.type != .counterclaim,
                      rebutters.insert(attacker.id).inserted else { continue }
                entry.rebuts.append(UnitReference(source: source, unit: attacker.id))
            }
            entries[proposition] = entry
        }
        self.stanced = stanced
        self.targets = targets
        propositions = entries.keys.sorted().map { proposition in
            var entry = entries[proposition]!
            entry.asserts.sort()
            entry.reportsAsCounterclaim.sort()
            entry.rebuts.sort()
            return PropositionFacts(proposition: proposition, entry: entry,
                                    asserts: Disagreements.sides(entry.asserts, graph), opposes: Disagreements.sides(entry.rebuts, graph))
        }
        counterclaims = graph.units.filter { $0.type == .counterclaim }.map { unit in
            let attacked = (graph.outgoing[unit.id] ?? []).filter { $0.type.isAttack }.compactMap(graph.landingUnit(of:))
            let answers = graph.attacks(on: unit.id).map {
                CounterclaimEntry.Answer(unit: UnitReference(source: source, unit: $0.from), relation: $0.id, type: $0.type)
            }
            return CounterclaimEntry(
                unit: UnitReference(source: source, unit: unit.id), quote: unit.quote, speaker: speakerName(unit.speaker),
                target: unit.target, stance: unit.stance, attacks: attacked.map { UnitReference(source: source, unit: $0) }, answers: answers)
        }
        speakers = ComparisonReport.speakerSummaries(source, graph)
        sharedText = SharedTextSource(text: article.text, units: placed)
    }

    /// The facts about `proposition`, if this source's units carry it.
    func proposition(_ proposition: PropositionID) -> PropositionFacts? {
        propositions.first { $0.proposition == proposition }
    }
}

/// Gives each source its key: the article id, with `~2`, `~3`… for the second and later files
/// with the same id.
package struct SourceKeys: Sendable {
    private var seen: [String: Int] = [:]
    package init() {}
    package mutating func key(for id: String) -> String {
        let count = (seen[id] ?? 0) + 1
        seen[id] = count
        return count == 1 ? id : "\(id)~\(count)"
    }
}

/// A report built as its articles are read: each block of articles is folded into its
/// ``SourceFacts`` (in parallel) and, unless the articles are kept, let go; the JSON of each
/// source goes to a ``SourceBlockSpool`` on disk. Peak memory is then the facts and the texts
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
    private let spool: SourceBlockSpool?

    /// A fold that keeps every article and its graph.
    package init() {
        spool = nil
    }

    /// A fold that keeps no article: the sources' JSON goes to a temporary file (which is why
    /// this can fail). Its report can only be written as JSON.
    package init(spoolingSources: ()) throws(FileSystemError) {
        spool = try SourceBlockSpool()
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

/// The JSON of every source of a report, rendered as each article is folded and kept in a
/// temporary file (unlinked at once, so nothing is left behind) until the report is written: a
/// corpus-wide report's sources are most of its gigabyte of JSON.
package final class SourceBlockSpool: @unchecked Sendable {
    private let descriptor: Platform.Descriptor
    private var offsets: [Int] = [0]
    private var pending: [UInt8] = []
    /// Why a block could not be written or read back, if one could not (the report written is
    /// then incomplete and must not be kept: see ``ComparisonReport/unwrittenSources``).
    package private(set) var problem: FileSystemError?

    init() throws(FileSystemError) {
        let folder = Platform.environmentValue("TMPDIR").flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        let template = FileSystem.join(folder, "argmark-report-XXXXXX")
        do {
            let (descriptor, path) = try Platform.createUniqueFile(template: template)
            Platform.removeFile(path)
            self.descriptor = descriptor
        } catch {
            throw FileSystemError(folder, "create a temporary file in", error)
        }
    }

    deinit { Platform.close(descriptor) }

    private var path: String { "(temporary file of the report's sources)" }

    /// Adds the next block. A failure to write is kept in ``problem`` (checked before the report
    /// is kept), so that folding goes on without a throw at every article.
    func append(_ bytes: [UInt8]) {
        pending += bytes
        offsets.append(offsets[offsets.count - 1] + bytes.count)
        if pending.count >= 1 << 20 { flush() }
    }

    private func flush() {
        if problem == nil {
            do { try Platform.write(pending, to: descriptor) } catch { problem = FileSystemError(path, "write", error) }
        }
        pending.removeAll(keepingCapacity: true)
    }

    func finishWriting() {
        flush()
        pending = []
    }

    /// The number of blocks.
    package var count: Int { offsets.count - 1 }

    /// Block `index`, read back from the file.
    package func block(_ index: Int) -> [UInt8] {
        let start = offsets[index], length = offsets[index + 1] - start
        var bytes = [UInt8](repeating: 0, count: length)
        var done = 0
        while done < length {
            var failure: Platform.Failure?
            let read = bytes.withUnsafeMutableBytes { buffer -> Int in
                do throws(Platform.Failure) {
                    return try Platform.read(descriptor, into: buffer.baseAddress! + done, count: length - done, at: start + done)
                } catch {
                    failure = error
                    return -1
                }
            }
            if let failure {
                problem = problem ?? FileSystemError(path, "read", failure)
                return []
            }
            if read == 0 {
                problem = problem ?? FileSystemError(path: path, reason: "ended early: it was changed or truncated while the report was written; run the report again")
                return []
            }
            done += read
        }
        return bytes
    }
}
