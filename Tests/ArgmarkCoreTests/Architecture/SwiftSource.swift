/// A Swift source file split into code and string literals, enough for the architecture checks to
/// look at identifiers (without matching words in comments or messages) and at the text of
/// messages (without matching code).
struct SwiftSource {
    /// The file with comments removed and string literal contents blanked; interpolated code
    /// (`\(Corpus.fileName)`) is kept, because it is a real reference.
    var code: String
    /// Every string literal's text (interpolations left out), with the line it starts on.
    var literals: [(line: Int, text: String)]

    init(_ source: String) {
        var code = String.UnicodeScalarView()
        var literals: [(line: Int, text: String)] = []
        let scalars = Array(source.unicodeScalars)
        var index = 0
        var line = 1

        enum Context { case code(parens: Int), string(multiline: Bool, start: Int) }
        // The innermost context last: code inside an interpolation inside a string inside code …
        var stack: [Context] = [.code(parens: 0)]
        var literal = String.UnicodeScalarView()

        func peek(_ offset: Int) -> Unicode.Scalar? {
            index + offset < scalars.count ? scalars[index + offset] : nil
        }

        while index < scalars.count {
            let scalar = scalars[index]
            switch stack[stack.count - 1] {
            case .code(let parens):
                if scalar == "/", peek(1) == "/" {
                    while index < scalars.count, scalars[index] != "\n" { index += 1 }
                    continue
                }
                if scalar == "/", peek(1) == "*" {
                    var depth = 0
                    repeat {
                        if scalars[index] == "/", peek(1) == "*" { depth += 1; index += 2; continue }
                        if scalars[index] == "*", peek(1) == "/" { depth -= 1; index += 2; continue }
                        if scalars[index] == "\n" { line += 1; code.append("\n") }
                        index += 1
                    } while depth > 0 && index < scalars.count
                    code.append(" ")
                    continue
                }
                if scalar == "\"" {
                    let multiline = peek(1) == "\"" && peek(2) == "\""
                    stack.append(.string(multiline: multiline, start: line))
                    literal = String.UnicodeScalarView()
                    index += multiline ? 3 : 1
                    code.append(contentsOf: "\"\"".unicodeScalars)
                    continue
                }
                if scalar == "(" { stack[stack.count - 1] = .code(parens: parens + 1) }
                if scalar == ")" {
                    if parens == 0, stack.count > 1 {
                        // The end of an interpolation: back into the string.
                        stack.removeLast()
                        index += 1
                        code.append(" ")
                        continue
                    }
                    stack[stack.count - 1] = .code(parens: parens - 1)
                }
                if scalar == "\n" { line += 1 }
                code.append(scalar)
                index += 1
            case .string(let multiline, let start):
                if scalar == "\\" {
                    if peek(1) == "(" {
                        stack.append(.code(parens: 0))
                        code.append(" ")
                        index += 2
                        continue
                    }
                    if let next = peek(1) { literal.append(scalar); literal.append(next) }
                    index += 2
                    continue
                }
                let closes = multiline ? (scalar == "\"" && peek(1) == "\"" && peek(2) == "\"") : scalar == "\""
                if closes {
                    literals.append((start, String(literal)))
                    stack.removeLast()
                    index += multiline ? 3 : 1
                    continue
                }
                if scalar == "\n" {
                    line += 1
                    code.append("\n")
                }
                literal.append(scalar)
                index += 1
            }
        }
        self.code = String(code)
        self.literals = literals
    }

    /// The identifiers in the code, each with whether it follows a `.` (a member access) and
    /// whether it is an argument label (`name:`).
    var tokens: [(name: String, isMember: Bool, isLabel: Bool, line: Int)] {
        var result: [(String, Bool, Bool, Int)] = []
        let scalars = Array(code.unicodeScalars)
        var index = 0
        var line = 1
        func isHead(_ s: Unicode.Scalar) -> Bool { s == "_" || s.properties.isAlphabetic }
        func isBody(_ s: Unicode.Scalar) -> Bool { isHead(s) || ("0"..."9").contains(s) }
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "\n" { line += 1 }
            guard isHead(scalar), index == 0 || !isBody(scalars[index - 1]) else { index += 1; continue }
            var end = index
            while end < scalars.count, isBody(scalars[end]) { end += 1 }
            let name = String(String.UnicodeScalarView(scalars[index..<end]))
            var before = index - 1
            while before >= 0, scalars[before] == " " { before -= 1 }
            var after = end
            while after < scalars.count, scalars[after] == " " { after += 1 }
            let isMember = before >= 0 && scalars[before] == "."
            let isLabel = after < scalars.count && scalars[after] == ":" && (after + 1 >= scalars.count || scalars[after + 1] != ":")
                && name.first.map { $0.isLowercase || $0 == "_" } == true
            result.append((name, isMember, isLabel, line))
            index = end
        }
        return result
    }
}
