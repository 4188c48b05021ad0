import Foundation

/// Checks that the folders of a target form layers: a file may use what its own layer and the
/// layers below declare, never what a layer above declares.
///
/// A Swift module has no imports between its files, so "use" is read from the source: a file in
/// layer N uses a name declared at the top level of a file in a layer above N (a type, a function,
/// a global), or a member that a layer above adds to a lower type in an `extension` (as in
/// `extension Article { var allIDs … }`), when no layer at or below N declares that name too.
/// Names are matched as words outside comments and string literals, so the check errs towards
/// false alarms (a local variable named like an upper type), which are fixed by renaming, never
/// towards missing a real reference.
struct LayerCheck {
    /// The folder names, lowest first.
    var layers: [String]

    struct Violation: CustomStringConvertible, Equatable {
        var file: String
        var line: Int
        var name: String
        var fileLayer: String
        var declaredIn: String
        var description: String {
            "\(file):\(line): \(fileLayer) uses \(name), declared in the higher layer \(declaredIn)"
        }
    }

    /// Violations in the target at `root` (a folder of layer folders); files outside a known
    /// layer folder are violations too, so a new folder cannot slip past the check.
    func violations(in root: URL) throws -> [Violation] {
        var sources: [(file: String, layer: Int, source: SwiftSource)] = []
        var unplaced: [Violation] = []
        let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)!
        for case let url as URL in enumerator where url.pathExtension == "swift" {
            let relative = String(url.path.dropFirst(root.path.count + 1))
            let folder = relative.split(separator: "/").dropLast().first.map(String.init) ?? ""
            guard let layer = layers.firstIndex(of: folder) else {
                unplaced.append(Violation(file: relative, line: 1, name: folder.isEmpty ? "(no folder)" : folder, fileLayer: "-", declaredIn: "a folder that is not one of the layers \(layers.joined(separator: ", "))"))
                continue
            }
            sources.append((relative, layer, SwiftSource(try String(contentsOf: url, encoding: .utf8))))
        }
        sources.sort { $0.file < $1.file }

        // Where each name is declared: at the top level, as an extension member, or anywhere.
        var topLevel: [String: Set<Int>] = [:]
        var extensionMembers: [String: Set<Int>] = [:]
        var anywhere: [String: Set<Int>] = [:]
        for (_, layer, source) in sources {
            for declaration in Self.declarations(in: source.code) {
                anywhere[declaration.name, default: []].insert(layer)
                switch declaration.scope {
                case .topLevel: topLevel[declaration.name, default: []].insert(layer)
                case .extensionMember: extensionMembers[declaration.name, default: []].insert(layer)
                case .nested: break
                }
            }
        }

        var found = unplaced
        for (file, layer, source) in sources {
            var reported: Set<String> = []
            for token in source.tokens where !token.isLabel && !reported.contains(token.name) {
                let declared = token.isMember ? extensionMembers[token.name] : topLevel[token.name]
                guard let declared, let lowest = declared.min(), lowest > layer else { continue }
                // Declared at or below this layer too (a local, a member of the same name): not a
                // reference upwards.
                if anywhere[token.name, default: []].contains(where: { $0 <= layer }) { continue }
                reported.insert(token.name)
                found.append(Violation(file: file, line: token.line, name: token.name, fileLayer: layers[layer], declaredIn: layers[lowest]))
            }
        }
        return found
    }

    enum Scope { case topLevel, extensionMember, nested }

    /// The names a file declares, read line by line from the code (comments and strings gone):
    /// braces give the depth, so top-level declarations and the members of top-level extensions
    /// are told apart from everything nested deeper.
    static func declarations(in code: String) -> [(name: String, scope: Scope)] {
        let keywords: Set<String> = ["struct", "enum", "class", "protocol", "actor", "typealias", "func", "var", "let", "case", "init"]
        let modifiers: Set<String> = ["public", "package", "internal", "private", "fileprivate", "static", "final", "indirect", "mutating", "nonmutating", "override", "lazy", "weak", "unowned", "nonisolated", "consuming", "borrowing", "convenience", "required", "dynamic", "open"]
        var result: [(String, Scope)] = []
        var depth = 0
        var extensionDepth: Int?
        for rawLine in code.split(separator: "\n", omittingEmptySubsequences: false) {
            let words = rawLine.split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "_" || $0 == "@") }).map(String.init)
            var position = 0
            while position < words.count, words[position].hasPrefix("@") || modifiers.contains(words[position]) { position += 1 }
            if position < words.count {
                let keyword = words[position]
                if keyword == "extension", depth == 0 { extensionDepth = 0 }
                if keywords.contains(keyword), position + 1 < words.count, keyword != "init" {
                    let name = words[position + 1]
                    let scope: Scope = depth == 0 ? .topLevel : (extensionDepth != nil && depth == 1 ? .extensionMember : .nested)
                    result.append((name, scope))
                }
            }
            for character in rawLine {
                if character == "{" { depth += 1 }
                if character == "}" {
                    depth -= 1
                    if depth == 0 { extensionDepth = nil }
                }
            }
        }
        return result
    }
}
