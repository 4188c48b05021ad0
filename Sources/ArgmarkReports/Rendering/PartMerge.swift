import ArgmarkCore
import Dispatch

/// The records of any number of parts, in part order, without holding them: a merge reads each
/// record from its part when its turn comes, so its memory is a block of records, not every part.
///
/// Opening the merge reads every part once: each line is checked to be a record (a damaged part
/// is refused before any work is done, as a merge over it would silently lose articles), each
/// corpus is kept once, and each part is cut into its *runs*, stretches of records already in part
/// order. A part that `summarize` wrote is one run; `cat a.part b.part` is two, or one if `b`'s
/// records all sort after `a`'s; a part in any order is as many runs as it has descents. The
/// records are then given by a k-way merge of the runs (``forEach(keepingSummaries:_:)``), each
/// run read from its place in its file, so the order does not depend on how the records were
/// split into parts or how those were concatenated: the merge stays associative and commutative.
package final class PartMerge {
    /// A stretch of a part whose records are in part order.
    struct Run {
        var part: Int
        /// Byte offset of the run's first line, and its line number.
        var offset: Int
        var firstLine: Int
        /// Records in the run (blank lines between them are skipped and not counted).
        var records: Int
    }

    package let paths: [String]
    /// One open descriptor per part, or, with more parts than a fair share of the open-file
    /// limit (``keepsPartsOpen(_:)``), none (-1): each read then opens its part and closes it.
    private let descriptors: [Platform.Descriptor]
    private let runs: [Run]
    /// Each distinct corpus the parts carry, by the SHA-256 of its bytes.
    package let corpora: [String: [UInt8]]
    /// The number of records in all the parts.
    package let count: Int
    /// The number of runs the parts were cut into (1 per part written by `summarize`).
    package var runCount: Int { runs.count }
    /// What every record carries (parts of one merge are all of one format); nil with no records.
    package let format: PartRecord.Format?

    private init(paths: [String], descriptors: [Platform.Descriptor], runs: [Run], corpora: [String: [UInt8]], count: Int, format: PartRecord.Format?) {
        self.format = format
        self.paths = paths
        self.descriptors = descriptors
        self.runs = runs
        self.corpora = corpora
        self.count = count
    }

    deinit {
        for descriptor in descriptors where descriptor >= 0 { Platform.close(descriptor) }
    }

    /// Lines parsed together, in parallel, while a part is checked.
    private static let batchLines = 512

    /// Whether `count` parts may stay open for the whole merge: at most a quarter of the
    /// process's open-file limit, so that thousands of parts (a map of thousands of shards)
    /// merge without running out of descriptors, opening each part when its records are read.
    package static func keepsPartsOpen(_ count: Int) -> Bool {
        count <= Platform.openFileLimit / 4
    }

    /// Reads and checks every part at `paths`; the merge, or every problem found (a line that is
    /// not a record, an unreadable file, a corpus named by digest that no record carries).
    package static func open(_ paths: [String]) -> Result<PartMerge, PartMergeProblems> {
        var descriptors: [Platform.Descriptor] = []
        var problems: [Diagnostic] = []
        var runs: [Run] = []
        var corpora: [String: [UInt8]] = [:]
        var named: [(digest: String, location: SourceLocation)] = []
        var count = 0
        var format: (format: PartRecord.Format, location: SourceLocation)?
        var mixed = Set<Int>()
        for (part, path) in paths.enumerated() {
            let descriptor: Platform.Descriptor
            do {
                descriptor = try Platform.open(path, .read)
            } catch {
                problems.append(Diagnostic(.error, .unreadable, FileSystemError(path, "read", error).reason, at: SourceLocation(path: path)))
                descriptors.append(-1)
                continue
            }
            let keepsOpen = keepsPartsOpen(paths.count)
            descriptors.append(keepsOpen ? descriptor : -1)
            defer { if !keepsOpen { Platform.close(descriptor) } }
            var reader = LineReader(descriptor: descriptor, maximumLineBytes: PartRecord.maximumLineBytes, offset: 0, firstLine: 1)
            var previousPath: String?
            var batch: [(line: Int, bytes: [UInt8])] = []
            var offsets: [Int] = []
            func check(_ batch: [(line: Int, bytes: [UInt8])]) {
                let parsed = parseLines(batch, path: path, keepingSummaries: false)
                for (index, result) in parsed.enumerated() {
                    switch result {
                    case .success(let (record, digest)):
                        count += 1
                        if let format, format.format != record.format {
                            // One finding per part: a part of the other kind has every record wrong.
                            guard mixed.insert(part).inserted else { continue }
                            let location = SourceLocation(path: path, line: batch[index].line)
                            problems.append(Diagnostic(.error, .badRecord, "this record is a part of \(record.format.name) (part format \(record.format.rawValue)), but \(format.location.path):\(format.location.line ?? 0) is a part of \(format.format.name) (part format \(format.format.rawValue)); parts of one merge must be of one kind: summarize these articles again as a part of \(format.format.name)", at: location))
                        } else if format == nil {
                            format = (record.format, SourceLocation(path: path, line: batch[index].line))
                        }
                        if let corpus = record.corpus {
                            let key = SHA256.hexDigest(of: corpus)
                            if corpora[key] == nil { corpora[key] = corpus }
                        } else if let digest, corpora[digest] == nil {
                            named.append((digest, SourceLocation(path: path, line: batch[index].line)))
                        }
                        // A record that does not sort after the one before it starts a new run
                        // (records with the same path too: their order needs the whole records).
                        let sourcePath = record.sourcePath
                        if let previousPath, PartRecord.pathOrder(previousPath, sourcePath) == true {
                            runs[runs.count - 1].records += 1
                        } else {
                            runs.append(Run(part: part, offset: offsets[index], firstLine: batch[index].line, records: 1))
                        }
                        previousPath = sourcePath
                    case .failure(let problem):
                        problems.append(problem.diagnostic)
                    }
                }
            }
            do {
                while true {
                    let offset = reader.nextLineOffset
                    guard let line = try reader.next() else { break }
                    switch line {
                    case .tooLong(let bytes):
                        problems.append(Diagnostic(.error, .badRecord, "line of \(bytes) bytes is longer than any record of a partial report", at: SourceLocation(path: path, line: reader.lineNumber)))
                    case .text(let bytes):
                        if PartRecord.isBlank(bytes) { continue }
                        batch.append((reader.lineNumber, bytes))
                        offsets.append(offset)
                        if batch.count == batchLines {
                            check(batch)
                            batch = []
                            offsets = []
                        }
                    }
                }
                check(batch)
            } catch {
                problems.append(Diagnostic(.error, .unreadable, FileSystemError(path, "read", error).reason, at: SourceLocation(path: path)))
            }
        }
        for (digest, location) in named where corpora[digest] == nil {
            problems.append(Diagnostic(.error, .badRecord, "the record names corpus \(digest.prefix(12))… by its digest, but no record of the parts carries that corpus; merge the part that does too", at: location))
        }
        let merge = PartMerge(paths: paths, descriptors: descriptors, runs: runs, corpora: corpora, count: count, format: format?.format)
        return problems.isEmpty ? .success(merge) : .failure(PartMergeProblems(diagnostics: problems))
    }

    /// One run being read: its next records, parsed, and how many are still in the file.
    /// It keeps its place, not a reader: a part in an order of its own (records with the same
    /// path start runs of their own) can be as many runs as records, and a reader's buffer for
    /// each would cost more than the records.
    private struct Cursor {
        var part: Int
        var offset: Int
        var nextLine: Int
        var remaining: Int
        /// Records read ahead, the next one last.
        var queue: [PartRecord] = []
        var head: PartRecord? { queue.last }
    }

    /// Gives every record of the parts to `body`, in part order, one at a time; each record's
    /// corpus is resolved (a record naming it by digest gets the bytes another record carried).
    /// Without `keepingSummaries` records have no summary (a report does not need it). Throws a
    /// ``PartRecordProblem`` if a part changed since the merge was opened, or what `body` throws.
    package func forEach(keepingSummaries: Bool, _ body: (PartRecord) throws -> Void) throws {
        // Each run is read ahead a few records at a time, parsed in parallel; all the runs' read-ahead
        // together stays near 16,384 records, and at least 4 of each run.
        let readAhead = max(4, min(256, 16_384 / max(1, runs.count)))
        var cursors: [Cursor] = []
        cursors.reserveCapacity(runs.count)
        for run in runs {
            var cursor = Cursor(part: run.part, offset: run.offset, nextLine: run.firstLine, remaining: run.records)
            try refill(&cursor, readAhead, keepingSummaries: keepingSummaries)
            cursors.append(cursor)
        }
        // A binary heap of the runs by their next record (ties by run, so the order is total).
        func before(_ a: Int, _ b: Int) -> Bool {
            let left = cursors[a].head!, right = cursors[b].head!
            if left.sortsBefore(right) { return true }
            if right.sortsBefore(left) { return false }
            return a < b
        }
        var heap = Array(cursors.indices)
        func siftDown(_ start: Int) {
            var parent = start
            while true {
                let left = 2 * parent + 1, right = left + 1
                var smallest = parent
                if left < heap.count, before(heap[left], heap[smallest]) { smallest = left }
                if right < heap.count, before(heap[right], heap[smallest]) { smallest = right }
                if smallest == parent { return }
                heap.swapAt(parent, smallest)
                parent = smallest
            }
        }
        for index in stride(from: heap.count / 2 - 1, through: 0, by: -1) { siftDown(index) }
        while let top = heap.first {
            let record = cursors[top].queue.removeLast()
            if cursors[top].queue.isEmpty { try refill(&cursors[top], readAhead, keepingSummaries: keepingSummaries) }
            if cursors[top].head == nil {
                heap[0] = heap[heap.count - 1]
                heap.removeLast()
            }
            if !heap.isEmpty { siftDown(0) }
            try body(record)
        }
    }

    /// Reads up to `count` more records of the cursor's run into its queue (none at its end).
    private func refill(_ cursor: inout Cursor, _ count: Int, keepingSummaries: Bool) throws {
        let changed = "the part changed while it was merged; merge it again once nothing writes to it"
        let path = paths[cursor.part]
        var lines: [(line: Int, bytes: [UInt8])] = []
        let wanted = min(count, cursor.remaining)
        guard wanted > 0 else { return }
        var descriptor = descriptors[cursor.part]
        if descriptor < 0 {
            do {
                descriptor = try Platform.open(path, .read)
            } catch {
                throw PartRecordProblem(diagnostic: Diagnostic(.error, .unreadable, FileSystemError(path, "read", error).reason, at: SourceLocation(path: path)))
            }
        }
        defer { if descriptors[cursor.part] < 0 { Platform.close(descriptor) } }
        var reader = LineReader(descriptor: descriptor, maximumLineBytes: PartRecord.maximumLineBytes, chunkBytes: min(1 << 16, max(1 << 12, wanted << 13)),
                                offset: cursor.offset, firstLine: cursor.nextLine)
        while lines.count < wanted {
            let line: LineReader.Line?
            do {
                line = try reader.next()
            } catch {
                throw PartRecordProblem(diagnostic: Diagnostic(.error, .unreadable, FileSystemError(path, "read", error).reason, at: SourceLocation(path: path)))
            }
            guard case .text(let bytes)? = line else {
                throw PartRecordProblem(diagnostic: Diagnostic(.error, .badRecord, changed, at: SourceLocation(path: path, line: reader.lineNumber)))
            }
            if !PartRecord.isBlank(bytes) { lines.append((reader.lineNumber, bytes)) }
        }
        cursor.offset = reader.nextLineOffset
        cursor.nextLine = reader.lineNumber + 1
        cursor.remaining -= lines.count
        let parsed = Self.parseLines(lines, path: path, keepingSummaries: keepingSummaries)
        var records: [PartRecord] = []
        records.reserveCapacity(lines.count)
        for (index, result) in parsed.enumerated() {
            let location = SourceLocation(path: path, line: lines[index].line)
            guard case .success(let done) = result else { throw PartRecordProblem(diagnostic: Diagnostic(.error, .badRecord, changed, at: location)) }
            var record = done.record
            // One copy of each corpus, however many records carry or name it.
            if let corpus = record.corpus {
                record.corpus = corpora[SHA256.hexDigest(of: corpus)] ?? corpus
            } else if let digest = done.corpusDigest {
                guard let corpus = corpora[digest] else { throw PartRecordProblem(diagnostic: Diagnostic(.error, .badRecord, changed, at: location)) }
                record.corpus = corpus
            }
            record.line = nil
            records.append(record)
        }
        cursor.queue = records.reversed()
    }

    /// Lines of the part at `path` parsed as records, in parallel.
    private static func parseLines(_ lines: [(line: Int, bytes: [UInt8])], path: String, keepingSummaries: Bool) -> [Result<(record: PartRecord, corpusDigest: String?), PartRecordProblem>] {
        var parsed = [Result<(record: PartRecord, corpusDigest: String?), PartRecordProblem>?](repeating: nil, count: lines.count)
        parsed.withUnsafeMutableBufferPointer { buffer in
            let slots = UnsafeSlots(buffer)
            DispatchQueue.concurrentPerform(iterations: lines.count) { index in
                slots.buffer[index] = PartRecord.parse(lines[index].bytes, location: SourceLocation(path: path, line: lines[index].line), keepingSummaries: keepingSummaries)
            }
        }
        return parsed.map { $0! }
    }
}

/// Why parts cannot be merged: every line that is not a record, every unreadable part.
package struct PartMergeProblems: Error, Sendable {
    package var diagnostics: [Diagnostic]
}
