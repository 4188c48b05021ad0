/// Text from a file (article text, names, notes, file names) as a terminal or a Markdown reader
/// should see it: content is shown, never obeyed. XML's escaping lives with the XML writers; this
/// is the one place for what people read.
package enum DisplayEscaping {
    /// What happens to line breaks (LF, and tab) in terminal text.
    package enum LineBreaks: Sendable {
        /// Multi-line content (an article's text): LF, CRLF and tab stay, every other control
        /// (a lone CR too, which would overwrite the line) is escaped.
        case kept
        /// One-line content (a name, a quote, a file name, a finding): LF, CR and tab are escaped
        /// too, so one value can never become two output lines.
        case escaped
    }

    /// Whether a terminal could act on `scalar` instead of showing it: C0 and C1 controls and DEL
    /// (escape sequences, CSI as U+009B), bidirectional embeddings, overrides and isolates
    /// (U+202A–U+202E, U+2066–U+2069, which reorder what follows), and the line and paragraph
    /// separators U+2028/U+2029 (which some viewers break lines at).
    package static func isActive(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x2028...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    /// `text` for a terminal: every active scalar written as an escape (`\n`, `\r`, `\t`, or
    /// `\u{202E}`), so hostile content can neither send escape sequences, nor reorder a line, nor
    /// forge further lines. Text without such scalars is returned as it is.
    package static func terminal(_ text: String, lineBreaks: LineBreaks = .escaped) -> String {
        guard text.unicodeScalars.contains(where: isActive) else { return text }
        var result = String.UnicodeScalarView()
        var scalars = text.unicodeScalars.makeIterator()
        var next = scalars.next()
        while let scalar = next {
            next = scalars.next()
            guard isActive(scalar) else {
                result.append(scalar)
                continue
            }
            switch scalar {
            case "\n" where lineBreaks == .kept, "\t" where lineBreaks == .kept, "\r" where lineBreaks == .kept && next == "\n": result.append(scalar)
            case "\n": result.append(contentsOf: "\\n".unicodeScalars)
            case "\r": result.append(contentsOf: "\\r".unicodeScalars)
            case "\t": result.append(contentsOf: "\\t".unicodeScalars)
            default: result.append(contentsOf: "\\u{\(String(scalar.value, radix: 16, uppercase: true))}".unicodeScalars)
            }
        }
        return String(result)
    }

    /// `text` as literal inline Markdown (GitHub-flavoured): raw HTML, links, emphasis, code,
    /// table pipes, headings, quotes and list markers are backslash-escaped, line breaks become
    /// spaces, and active scalars are shown as in ``terminal(_:lineBreaks:)``, so content read
    /// from a file can never become Markdown structure, nor HTML once rendered.
    package static func markdown(_ text: String) -> String {
        let scalars = Array(terminal(text.flattenedLineBreaks).unicodeScalars)
        var out = String.UnicodeScalarView()
        for scalar in scalars {
            // CommonMark lets a backslash make any ASCII punctuation literal; these are the ones
            // that open structure inline.
            if "\\`*_[]<>&|~!".unicodeScalars.contains(scalar) { out.append("\\") }
            out.append(scalar)
        }
        // At the start, what opens a block: `# `, `- `, `+ `, `= `, `---`, `1. `, `1) `.
        let marker = scalars.prefix { ("0"..."9").contains($0) }.count
        if marker < scalars.count {
            // (A marker alone, like a table's `#` column, opens nothing that content could fill.)
            let next = marker + 1 < scalars.count ? scalars[marker + 1] : "\n"
            let opensBlock = marker > 0 ? (scalars[marker] == "." || scalars[marker] == ")") && next == " "
                : "#-+=".unicodeScalars.contains(scalars[marker]) && (next == " " || next == scalars[marker])
            if opensBlock { out.insert("\\", at: out.index(out.startIndex, offsetBy: marker)) }
        }
        return String(out)
    }
}

extension String {
    /// Line breaks (LF, CR, CRLF, tab) as single spaces: for content shown inside one line.
    fileprivate var flattenedLineBreaks: String {
        guard unicodeScalars.contains(where: { $0 == "\n" || $0 == "\r" || $0 == "\t" }) else { return self }
        var out = String.UnicodeScalarView()
        var previousCR = false
        for scalar in unicodeScalars {
            if scalar == "\n" && previousCR { previousCR = false; continue }
            previousCR = scalar == "\r"
            out.append(scalar == "\n" || scalar == "\r" || scalar == "\t" ? " " : scalar)
        }
        return String(out)
    }
}
