/// Maps code-point offsets to UTF-8 byte offsets for a chosen set of offsets, in one pass over the
/// bytes and without decoding: validation checks every quote this way, so it never builds an
/// array of scalars for a text it only needs to compare against.
struct UTF8SpanIndex {
    let utf8: [UInt8]
    /// The number of code points in the text.
    let count: Int
    private let byteOffsets: [Int: Int]

    /// Indexes `text` for the code-point offsets in `offsets` (those past the end are left out).
    init(_ text: String, offsets: some Sequence<Int>) {
        utf8 = Array(text.utf8)
        let wanted = Set(offsets).sorted()
        var mapping: [Int: Int] = [:]
        mapping.reserveCapacity(wanted.count)
        var scalarIndex = 0
        var nextWanted = 0
        utf8.withUnsafeBufferPointer { bytes in
            var byteIndex = 0
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
                    while nextWanted < wanted.count, wanted[nextWanted] <= scalarIndex {
                        if wanted[nextWanted] == scalarIndex { mapping[scalarIndex] = byteIndex }
                        nextWanted += 1
                    }
                    scalarIndex += 1
                }
                byteIndex += 1
            }
        }
        while nextWanted < wanted.count, wanted[nextWanted] <= scalarIndex {
            if wanted[nextWanted] == scalarIndex { mapping[scalarIndex] = utf8.count }
            nextWanted += 1
        }
        count = scalarIndex
        byteOffsets = mapping
    }

    /// Whether the text at `span` is exactly `quote`, byte for byte (so code point for code point).
    func matches(_ quote: String, at span: Span) -> Bool {
        guard let start = byteOffsets[span.start], let end = byteOffsets[span.end] else { return false }
        var quote = quote
        return quote.withUTF8 { quoteBytes in
            quoteBytes.count == end - start && utf8.withUnsafeBufferPointer { bytes in
                quoteBytes.isEmpty || Platform.bytesEqual(quoteBytes.baseAddress!, bytes.baseAddress! + start, count: quoteBytes.count)
            }
        }
    }

    /// The text at `span` (which must have been indexed).
    subscript(span: Span) -> String {
        guard let start = byteOffsets[span.start], let end = byteOffsets[span.end] else { return "" }
        return String(decoding: utf8[start..<end], as: UTF8.self)
    }
}
