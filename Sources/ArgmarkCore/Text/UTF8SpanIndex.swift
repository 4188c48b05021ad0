/// Maps code-point offsets to UTF-8 byte offsets for a chosen set of offsets, in one pass over the
/// bytes and without decoding: validation checks every quote this way, so it never builds an
/// array of scalars for a text it only needs to compare against.
///
/// The text's own UTF-8 storage is read in place, and the offsets are a sorted array searched
/// by bisection: a copy of the bytes, a `Set` to sort the offsets and a `Dictionary` to find
/// them cost more than the scan itself on an article of a few kilobytes.
struct UTF8SpanIndex {
    private let text: String
    /// The number of code points in the text.
    let count: Int
    /// The offsets asked for that lie within the text, ascending, each once.
    private let offsets: [Int]
    /// The byte offset of each of `offsets`.
    private let byteOffsets: [Int]

    /// Indexes `text` for the code-point offsets in `offsets` (those past the end are left out).
    init(_ text: String, offsets: some Sequence<Int>) {
        var text = text
        text.makeContiguousUTF8()
        var wanted = Array(offsets)
        wanted.sort()
        var found: [Int] = []
        var bytesFound: [Int] = []
        found.reserveCapacity(wanted.count)
        bytesFound.reserveCapacity(wanted.count)
        var scalarIndex = 0
        text.withUTF8 { bytes in
            var nextWanted = 0
            var byteIndex = 0
            func record(_ byteOffset: Int) {
                while nextWanted < wanted.count, wanted[nextWanted] <= scalarIndex {
                    if wanted[nextWanted] == scalarIndex, found.last != scalarIndex {
                        found.append(scalarIndex)
                        bytesFound.append(byteOffset)
                    }
                    nextWanted += 1
                }
            }
            while byteIndex < bytes.count {
                // Eight bytes at a time while no wanted offset falls inside them: a scalar starts
                // at every byte that is not a continuation byte (0b10xxxxxx).
                if byteIndex + 8 <= bytes.count {
                    let word = UnsafeRawPointer(bytes.baseAddress! + byteIndex).loadUnaligned(as: UInt64.self)
                    let continuation = word & ~(word << 1) & 0x8080_8080_8080_8080
                    let starts = 8 - continuation.nonzeroBitCount
                    if nextWanted >= wanted.count || wanted[nextWanted] >= scalarIndex + starts {
                        scalarIndex += starts
                        byteIndex += 8
                        continue
                    }
                }
                if bytes[byteIndex] & 0xC0 != 0x80 {
                    record(byteIndex)
                    scalarIndex += 1
                }
                byteIndex += 1
            }
            record(bytes.count)
        }
        self.text = text
        count = scalarIndex
        self.offsets = found
        byteOffsets = bytesFound
    }

    /// The byte offset of a code-point offset that was indexed.
    private func byteOffset(_ offset: Int) -> Int? {
        var low = 0
        var high = offsets.count
        while low < high {
            let middle = (low + high) / 2
            if offsets[middle] < offset { low = middle + 1 } else { high = middle }
        }
        return low < offsets.count && offsets[low] == offset ? byteOffsets[low] : nil
    }

    /// Whether the text at `span` is exactly `quote`, byte for byte (so code point for code point).
    func matches(_ quote: String, at span: Span) -> Bool {
        guard let start = byteOffset(span.start), let end = byteOffset(span.end) else { return false }
        var quote = quote
        var text = text
        return quote.withUTF8 { quoteBytes in
            quoteBytes.count == end - start && text.withUTF8 { bytes in
                quoteBytes.isEmpty || Platform.bytesEqual(quoteBytes.baseAddress!, bytes.baseAddress! + start, count: quoteBytes.count)
            }
        }
    }

    /// The text at `span` (which must have been indexed).
    subscript(span: Span) -> String {
        guard let start = byteOffset(span.start), let end = byteOffset(span.end) else { return "" }
        var text = text
        return text.withUTF8 { String(decoding: UnsafeBufferPointer(rebasing: $0[start..<end]), as: UTF8.self) }
    }
}
