import ArgmarkCore
@testable import ArgmarkReports
import ArgmarkTestSupport
import Foundation
import Testing

/// ``PartMerge``: parts are read back record by record in part order, whatever their order,
/// grouping and concatenation, and cut into runs of records already in order.
@Suite struct PartMergeTests {
    /// Six records: the small fixtures and the seed fixtures, in part order, as lines of a part.
    static let lines: [String] = {
        let bytes = PartRecord.rendered(PartRecord.summarize([Fixtures.small, Fixtures.seeds]))
        return String(decoding: bytes, as: UTF8.self).split(separator: "\n").map(String.init)
    }()

    static func write(_ lines: [String], _ name: String, in folder: URL) throws -> String {
        let url = folder.appendingPathComponent(name)
        try (lines.joined(separator: "\n") + "\n").write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    /// The paths of the records `merge` gives, in order, and their corpora's digests.
    static func merged(_ merge: PartMerge) throws -> (paths: [String], corpora: [String?]) {
        var paths: [String] = []
        var corpora: [String?] = []
        try merge.forEach(keepingSummaries: true) { record in
            paths.append(record.sourcePath)
            corpora.append(record.corpus.map(SHA256.hexDigest(of:)))
        }
        return (paths, corpora)
    }

    static func open(_ paths: [String]) throws -> PartMerge {
        switch PartMerge.open(paths) {
        case .success(let merge): return merge
        case .failure(let problems): throw problems
        }
    }

    @Test func partsInAnyOrderAndConcatenationGiveTheRecordsInPartOrder() throws {
        let folder = try ArgmarkProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let lines = Self.lines
        #expect(lines.count == 6)
        let expected = try Self.merged(Self.open([try Self.write(lines, "whole", in: folder)]))
        #expect(expected.paths.count == 6)
        #expect(expected.paths == expected.paths.sorted { PartRecord.pathOrder($0, $1) == true })

        // One run per part written in order, however it is split.
        let whole = try Self.open([try Self.write(lines, "whole", in: folder)])
        #expect(whole.runCount == 1 && whole.count == 6)
        // Reversed: every record starts a run of its own; blank lines between them are skipped.
        let reversed = try Self.open([try Self.write(lines.reversed().flatMap { [$0, ""] }, "reversed", in: folder)])
        #expect(reversed.runCount == 6 && reversed.count == 6)
        #expect(try Self.merged(reversed).paths == expected.paths)
        // `cat` of the second half and the first half: two runs.
        let cat = try Self.open([try Self.write(Array(lines[3...] + lines[..<3]), "cat", in: folder)])
        #expect(cat.runCount == 2)
        #expect(try Self.merged(cat).paths == expected.paths)
        // Interleaved across parts and out of order inside them.
        let odd = try Self.write([lines[5], lines[1], lines[3]], "odd", in: folder)
        let even = try Self.write([lines[4], lines[0], lines[2]], "even", in: folder)
        for order in [[odd, even], [even, odd]] {
            #expect(try Self.merged(Self.open(order)).paths == expected.paths)
        }
    }

    /// Records without a path (batch records of lines that were not JSON) all sort by the same
    /// empty path, so each starts a run: thousands of runs merge like any other.
    @Test func recordsWithTheSamePathAreEachARun() throws {
        let folder = try ArgmarkProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let failure = { (line: Int) in
            #"{"article":null,"corpus":null,"corpusSha256":null,"diagnostics":[{"message":"line \#(line) is not JSON","severity":"error"}],"errors":1,"id":null,"ok":false,"path":null,"partFormat":2,"summary":null,"warnings":0}"#
        }
        let lines = Self.lines + (0..<3000).map(failure)
        let merge = try Self.open([try Self.write(lines.reversed(), "many", in: folder)])
        // 3,000 runs of one failure each; the first article (the last of the six in part order)
        // sorts after the empty path and joins the last failure's run; the other five each start one.
        #expect(merge.count == 3006 && merge.runCount == 3005)
        var messages: [String] = []
        var paths: [String] = []
        try merge.forEach(keepingSummaries: false) { record in
            paths.append(record.sourcePath)
            if let message = record.diagnostics.first?.message { messages.append(message) }
        }
        #expect(paths.count == 3006)
        #expect(paths.prefix(3000).allSatisfy { $0.isEmpty }, "the empty path sorts first")
        let whole = try Self.merged(Self.open([try Self.write(Self.lines, "whole", in: folder)]))
        #expect(Array(paths.suffix(6)) == whole.paths)
        // Equal paths are ordered by the whole record: the same order from any arrangement.
        let shuffled = try Self.open([try Self.write(Array(lines[3000...] + lines[..<3000]), "shuffled", in: folder)])
        var again: [String] = []
        try shuffled.forEach(keepingSummaries: false) { record in
            if let message = record.diagnostics.first?.message { again.append(message) }
        }
        #expect(again == messages)
        #expect(Set(messages).count == 3000)
    }

    /// A record names its corpus by digest when an earlier record of its part carries it; a part
    /// read first may name a corpus that only a later part carries.
    @Test func aCorpusCarriedByAnotherPartIsResolved() throws {
        let folder = try ArgmarkProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let lines = Self.lines
        let carriers = lines.indices.filter { lines[$0].contains("\"corpus\":\"<?xml") }
        #expect(carriers.count == 2, "one record per folder carries its corpus.xml")
        let named = try Self.write(lines.indices.filter { !carriers.contains($0) }.map { lines[$0] }, "named", in: folder)
        let carrying = try Self.write(carriers.map { lines[$0] }, "carrying", in: folder)
        let expected = try Self.merged(Self.open([try Self.write(lines, "whole", in: folder)]))
        #expect(expected.corpora.allSatisfy { $0 != nil })
        #expect(Set(expected.corpora).count == 2)
        for order in [[named, carrying], [carrying, named]] {
            let merge = try Self.open(order)
            #expect(merge.corpora.count == 2)
            let result = try Self.merged(merge)
            #expect(result.paths == expected.paths && result.corpora == expected.corpora)
        }
        guard case .failure(let problems) = PartMerge.open([named]) else {
            Issue.record("a part naming a corpus no part carries was opened")
            return
        }
        #expect(problems.diagnostics.count == 4)
        #expect(problems.diagnostics.allSatisfy { $0.message.contains("no record of the parts carries that corpus") && $0.location.line != nil })
    }

    @Test func aTruncatedPartIsRefusedWithItsLine() throws {
        let folder = try ArgmarkProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let lines = Self.lines
        let path = try Self.write(Array(lines[..<3]) + [String(lines[3].prefix(lines[3].count / 2))], "truncated", in: folder)
        guard case .failure(let problems) = PartMerge.open([path, FileSystem.join(folder.path, "missing")]) else {
            Issue.record("a truncated part was opened")
            return
        }
        #expect(problems.diagnostics.count == 2)
        #expect(problems.diagnostics[0].location.line == 4)
        #expect(problems.diagnostics[0].message.contains("not valid JSON"))
        #expect(problems.diagnostics[1].rule == .unreadable)
    }

    /// A part that changes between the check and the merge is refused, not misread.
    @Test func aPartChangedDuringTheMergeIsAnError() throws {
        let folder = try ArgmarkProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try Self.write(Self.lines, "part", in: folder)
        let merge = try Self.open([path])
        // Rewritten in place (the merge's open file sees the new bytes).
        try Data("{}\n{}\n".utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: PartRecordProblem.self) { try Self.merged(merge) }
    }
}

extension PartMergeProblems: CustomStringConvertible {
    public var description: String { diagnostics.map(\.message).joined(separator: "; ") }
}
