@testable import ArgmarkCore
import Testing

@Suite struct BlockSpoolTests {
    @Test func blocksComeBackInAnyOrderAndAnyNumberOfTimes() throws {
        let spool = try BlockSpool(holding: "test blocks")
        // Larger than the write buffer, so some blocks are read from the file, some after a flush.
        let blocks: [[UInt8]] = (0..<40).map { index in [UInt8](repeating: UInt8(index), count: index * 50_000) }
        for block in blocks { spool.append(block) }
        spool.finishWriting()
        #expect(spool.count == blocks.count)
        for index in [39, 0, 17, 17, 1] { #expect(spool.block(index) == blocks[index]) }
        #expect(spool.problem == nil)
    }

    @Test func renderedPiecesAreWrittenAsGiven() {
        var bytes: [UInt8] = []
        var value: [UInt8] = []
        JSONValue.object(["a": .int(1)]).write(into: &value, indent: 2)
        JSONStreamWriter<Never>.write(.object(["x": .rendered(value)])) { bytes += $0 }
        var expected: [UInt8] = []
        JSONStreamWriter<Never>.write(.object(["x": .value(.object(["a": .int(1)]))])) { expected += $0 }
        #expect(bytes == expected)
    }
}
