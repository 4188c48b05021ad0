import ArgmarkTestSupport

/// Random mutations of argmark files: byte-level damage, plus XML- and argmark-aware edits
/// (tokens that reach the DOCTYPE guard, the encoding checks, the schema and the semantic rules).
struct Mutator {
    var random: SeededRandom

    /// Fragments that exercise the reader and the rules when spliced in anywhere.
    static let dictionary: [[UInt8]] = [
        "<", ">", "&", "\"", "'", "/>", "</", "<!DOCTYPE a [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>", "&x;",
        "<!DOCTYPE article SYSTEM \"http://127.0.0.1:9/x.dtd\">", "<![CDATA[", "]]>", "<!--", "-->", "<?pi x?>",
        "&#0;", "&#13;", "&#xD;", "&#x1F600;", "&#xFFFE;", "&amp;", "&lt;", "&unknown;",
        "\u{FEFF}", "\u{0301}", "\u{200B}", "\u{202E}", "😀", "\r\n", "\r", "\t",
        " start=\"", " end=\"", "-1", "0", "2147483647", "2147483648", "99999999999999999999", "1e3", "0x10",
        " id=\"u1\"", " id=\"r1\"", " type=\"rebuttal\"", " type=\"undercuts\"", " type=\"supports\"",
        " from=\"u1\"", " to=\"r1\"", " to=\"u2\"", " speaker=\"s1\"", " stance=\"favor\"", " target=\"t1\"",
        " fragments=\"0-1 1-0\"", " fragments=\"", " confidence=\"NaN\"", " confidence=\"1e308\"",
        " xmlns=\"\"", " xmlns=\"urn:argmark:2\"", " xmlns:xi=\"http://www.w3.org/2001/XInclude\"",
        "<xi:include href=\"/etc/passwd\" parse=\"text\"/>",
        " xsi:schemaLocation=\"urn:argmark:1 http://127.0.0.1:9/x.xsd\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"",
        "<unit id=\"u9\" type=\"claim\" start=\"0\" end=\"3\">abc</unit>", "<unit id=\"u8\" type=\"evidence\">implicit</unit>",
        "<relation id=\"r9\" type=\"undercuts\" from=\"u1\" to=\"r9\"/>", "<relation id=\"r8\" type=\"supports\" from=\"u2\" to=\"u1\"/>",
        "<relation id=\"r7\" type=\"rebuts\" from=\"u1\" to=\"u2\"/>", "<units>", "</units>", "<relations>", "</relations>",
        "<speakers><speaker id=\"s1\" name=\"x\"/></speakers>", "<?xml version=\"1.0\" encoding=\"UTF-16\"?>",
        "\u{00}", "\u{01}", "\u{FF}", "\u{80}",
    ].map { Array($0.utf8) }

    init(seed: UInt64) { random = SeededRandom(seed: seed) }

    mutating func int(_ bound: Int) -> Int { bound <= 0 ? 0 : Int(random.next() % UInt64(bound)) }

    /// `input` with one to four random mutations applied.
    mutating func mutate(_ input: [UInt8]) -> [UInt8] {
        var bytes = input
        for _ in 0..<(1 + int(4)) { mutateOnce(&bytes) }
        return bytes
    }

    private mutating func mutateOnce(_ bytes: inout [UInt8]) {
        let position = int(bytes.count + 1)
        switch int(11) {
        case 0 where !bytes.isEmpty: // flip a bit
            let index = min(position, bytes.count - 1)
            bytes[index] ^= UInt8(1) << UInt8(int(8))
        case 1: // insert a random byte
            bytes.insert(UInt8(truncatingIfNeeded: random.next()), at: position)
        case 2 where !bytes.isEmpty: // delete a range
            let start = min(position, bytes.count - 1)
            let length = 1 + int(min(64, bytes.count - start))
            bytes.removeSubrange(start..<min(bytes.count, start + length))
        case 3 where !bytes.isEmpty: // duplicate a range
            let start = min(position, bytes.count - 1)
            let end = min(bytes.count, start + 1 + int(256))
            bytes.insert(contentsOf: bytes[start..<end], at: int(bytes.count + 1))
        case 4, 5: // splice in a dictionary token
            bytes.insert(contentsOf: Self.dictionary[int(Self.dictionary.count)], at: position)
        case 6, 7: // change a number (offsets, digests, ids)
            let digits = bytes.indices.filter { bytes[$0] >= 0x30 && bytes[$0] <= 0x39 }
            guard !digits.isEmpty else { return }
            var start = digits[int(digits.count)]
            var end = start
            while start > 0, bytes[start - 1] >= 0x30, bytes[start - 1] <= 0x39 { start -= 1 }
            while end < bytes.count, bytes[end] >= 0x30, bytes[end] <= 0x39 { end += 1 }
            let replacements = ["0", "1", "-1", String(int(400)), String(int(4000)), "2147483647", "99999999999999999999", ""]
            bytes.replaceSubrange(start..<end, with: Array(replacements[int(replacements.count)].utf8))
        case 8: // swap the values of two attributes
            let quotes = bytes.indices.filter { bytes[$0] == UInt8(ascii: "\"") }
            guard quotes.count >= 4 else { return }
            let first = int(quotes.count / 2 - 1) * 2
            let second = int(quotes.count / 2 - 1) * 2
            guard first != second else { return }
            let (a, b) = (min(first, second), max(first, second))
            let left = Array(bytes[(quotes[a] + 1)..<quotes[a + 1]])
            let right = Array(bytes[(quotes[b] + 1)..<quotes[b + 1]])
            bytes.replaceSubrange((quotes[b] + 1)..<quotes[b + 1], with: left)
            bytes.replaceSubrange((quotes[a] + 1)..<quotes[a + 1], with: right)
        case 9 where bytes.count > 1: // truncate
            bytes.removeSubrange(max(1, position)..<bytes.count)
        default: // repeat a token many times (deep nesting, long runs)
            let token = Self.dictionary[int(Self.dictionary.count)]
            let count = 1 + int(300)
            var run: [UInt8] = []
            run.reserveCapacity(token.count * count)
            for _ in 0..<count { run += token }
            bytes.insert(contentsOf: run, at: position)
        }
    }

    /// A corrected version of an article text: a few deletions, insertions, copies and changed
    /// characters, using only characters XML can store.
    mutating func mutateText(_ text: String) -> String {
        var scalars = Array(text.unicodeScalars)
        let inserts: [Unicode.Scalar] = ["x", " ", ".", "é", "\u{301}", "😀", "\n", "\r", "ש"]
        for _ in 0..<(1 + int(3)) {
            let position = int(scalars.count + 1)
            switch int(4) {
            case 0 where !scalars.isEmpty:
                let start = min(position, scalars.count - 1)
                scalars.removeSubrange(start..<min(scalars.count, start + 1 + int(40)))
            case 1 where !scalars.isEmpty:
                let start = min(position, scalars.count - 1)
                let copy = scalars[start..<min(scalars.count, start + 1 + int(80))]
                scalars.insert(contentsOf: copy, at: int(scalars.count + 1))
            case 2 where !scalars.isEmpty:
                scalars[min(position, scalars.count - 1)] = inserts[int(inserts.count)]
            default:
                scalars.insert(inserts[int(inserts.count)], at: position)
            }
        }
        return String(String.UnicodeScalarView(scalars))
    }
}
