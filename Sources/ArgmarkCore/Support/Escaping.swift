/// The one scalar-by-scalar escaper behind the writers of other languages' strings (tab-separated
/// fields, DOT and YAML strings, Argdown text): each writer names what it writes for the scalars
/// its language reserves; every other scalar is copied as it is.
package enum Escaping {
    /// `text` with each scalar for which `replacement` gives a string written as that string.
    package static func replacing(_ text: String, _ replacement: (Unicode.Scalar) -> String?) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if let written = replacement(scalar) { out.append(contentsOf: written.unicodeScalars) } else { out.append(scalar) }
        }
        return String(out)
    }
}

/// Tab-separated records, as argmark's own tables in git keep them (`link-suggestions.tsv`): one
/// record a line, fields between tabs; a backslash, tab, line feed or carriage return in a value is
/// written `\\`, `\t`, `\n`, `\r`, so any value round-trips and no value can split a line.
package enum TabSeparated {
    /// One line (without its line feed) holding `fields`, escaped.
    package static func line(_ fields: [String]) -> String {
        fields.map(escape).joined(separator: "\t")
    }

    /// The fields of one line, unescaped.
    package static func fields(_ line: Substring) -> [String] {
        line.split(separator: "\t", omittingEmptySubsequences: false).map { unescape(String($0)) }
    }

    package static func escape(_ value: String) -> String {
        Escaping.replacing(value) { scalar in
            switch scalar {
            case "\\": "\\\\"
            case "\t": "\\t"
            case "\n": "\\n"
            case "\r": "\\r"
            default: nil
            }
        }
    }

    /// The value `escape` wrote; a backslash before any other scalar stands for that scalar.
    package static func unescape(_ value: String) -> String {
        var out = String.UnicodeScalarView()
        var escaping = false
        for scalar in value.unicodeScalars {
            if escaping {
                switch scalar {
                case "t": out.append("\t")
                case "n": out.append("\n")
                case "r": out.append("\r")
                default: out.append(scalar)
                }
                escaping = false
            } else if scalar == "\\" {
                escaping = true
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }
}
