/// Reads a stream (standard input, a pipe) line by line, holding at most one line in memory.
///
/// A line longer than `maximumLineBytes` is not kept: its bytes are counted and dropped up to the
/// next newline, so one enormous record costs a bounded buffer, never the whole line, and the
/// lines after it are read as usual.
package struct LineReader {
    /// One line without its newline (a final CR is dropped too), or how long a refused line was.
    package enum Line {
        case text([UInt8])
        case tooLong(bytes: Int)
    }

    let descriptor: Platform.Descriptor
    let maximumLineBytes: Int
    private var buffer: [UInt8]
    private var start = 0
    private var end = 0
    private var atEnd = false
    /// 1-based number of the line last returned.
    package private(set) var lineNumber = 0
    /// Where `buffer[0]` lies in the stream (or file).
    private var bufferOrigin = 0
    /// Reading at a file offset (`pread`) instead of from the descriptor's position: several
    /// readers can then share one descriptor, each at its own place in the file.
    private let positioned: Bool

    /// A reader of the stream from where its descriptor stands.
    package init(descriptor: Platform.Descriptor, maximumLineBytes: Int, chunkBytes: Int = 1 << 16) {
        self.descriptor = descriptor
        self.maximumLineBytes = max(1, maximumLineBytes)
        buffer = [UInt8](repeating: 0, count: max(1024, chunkBytes))
        positioned = false
    }

    /// A reader of a file from byte `offset`, whose first line is line `firstLine`; it leaves the
    /// descriptor's own position alone.
    package init(descriptor: Platform.Descriptor, maximumLineBytes: Int, chunkBytes: Int = 1 << 16, offset: Int, firstLine: Int) {
        self.descriptor = descriptor
        self.maximumLineBytes = max(1, maximumLineBytes)
        buffer = [UInt8](repeating: 0, count: max(1024, chunkBytes))
        positioned = true
        bufferOrigin = offset
        lineNumber = firstLine - 1
    }

    /// The offset in the stream of the line ``next()`` returns next.
    package var nextLineOffset: Int { bufferOrigin + start }

    /// The next line, or nil at the end of the stream. A last line without a newline counts.
    package mutating func next() throws(Platform.Failure) -> Line? {
        var line: [UInt8] = []
        var dropped = 0
        while true {
            if start < end {
                let newline = buffer[start..<end].firstIndex(of: UInt8(ascii: "\n"))
                let stop = newline ?? end
                let piece = stop - start
                if dropped == 0, line.count + piece <= maximumLineBytes {
                    line.append(contentsOf: buffer[start..<stop])
                } else {
                    // Past the limit: count the rest of the line and keep nothing of it.
                    dropped += (dropped == 0 ? line.count : 0) + piece
                    line = []
                }
                start = stop
                if newline != nil {
                    start += 1
                    return finish(line, dropped)
                }
            }
            if atEnd {
                return line.isEmpty && dropped == 0 ? nil : finish(line, dropped)
            }
            bufferOrigin += end
            start = 0
            let origin = bufferOrigin, positioned = positioned
            let read = buffer.withUnsafeMutableBytes { raw in
                Result { () throws(Platform.Failure) in
                    positioned ? try Platform.read(descriptor, into: raw.baseAddress!, count: raw.count, at: origin)
                        : try Platform.read(descriptor, into: raw.baseAddress!, count: raw.count)
                }
            }
            end = try read.get()
            if end == 0 { atEnd = true }
        }
    }

    private mutating func finish(_ line: [UInt8], _ dropped: Int) -> Line {
        lineNumber += 1
        if dropped > 0 { return .tooLong(bytes: dropped) }
        return .text(line.last == UInt8(ascii: "\r") ? Array(line.dropLast()) : line)
    }
}
