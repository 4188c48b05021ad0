@testable import ArgmarkCore
import ArgmarkTestSupport
import Foundation
import Testing

/// `LineReader`: lines across chunk boundaries, CRLF, a last line without a newline, and lines
/// over the limit, which are counted and dropped without being held.
@Suite struct LineReaderTests {
    func lines(of content: [UInt8], limit: Int) throws -> [String] {
        let folder = try ArgmarkProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("input").path
        try Data(content).write(to: URL(fileURLWithPath: path))
        let descriptor = try Platform.open(path, .read)
        defer { Platform.close(descriptor) }
        var reader = LineReader(descriptor: descriptor, maximumLineBytes: limit, chunkBytes: 1024)
        var result: [String] = []
        while let line = try reader.next() {
            switch line {
            case .text(let bytes): result.append("\(reader.lineNumber):" + String(decoding: bytes, as: UTF8.self))
            case .tooLong(let bytes): result.append("\(reader.lineNumber):too long \(bytes)")
            }
        }
        return result
    }

    @Test func linesSpanningChunksAreWholeAndLongOnesAreCounted() throws {
        let long = String(repeating: "x", count: 5000)
        let medium = String(repeating: "y", count: 1500)
        let content = Array("a\r\n\n\(medium)\n\(long)\nb\n\(long)".utf8)
        #expect(try lines(of: content, limit: 2000) == ["1:a", "2:", "3:\(medium)", "4:too long 5000", "5:b", "6:too long 5000"])
        // At exactly the limit a line is kept; one byte more and it is not.
        #expect(try lines(of: Array("\(medium)\n".utf8), limit: 1500) == ["1:\(medium)"])
        #expect(try lines(of: Array("\(medium)\n".utf8), limit: 1499) == ["1:too long 1500"])
        #expect(try lines(of: [], limit: 10).isEmpty)
        #expect(try lines(of: Array("last".utf8), limit: 10) == ["1:last"])
    }
}
