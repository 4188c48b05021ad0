import ArgmarkCore

/// Which UIMA annotation types become which argmark unit and relation types, read from a mapping
/// file (`import --from xmi --mapping FILE`), so any type system imports, INCEpTION's custom
/// layers included. One rule a line, tab-separated; `#` starts a comment:
///
///     UIMA_TYPE[@FEATURE=VALUE]<TAB>UNIT_TYPE
///     UIMA_TYPE[@FEATURE=VALUE]<TAB>RELATION_TYPE[<TAB>SOURCE_FEATURE<TAB>TARGET_FEATURE]
///
/// `UIMA_TYPE` is the full type name (`webanno.custom.ArgumentComponent`); the optional
/// `@FEATURE=VALUE` restricts the rule to annotations whose feature has that value. A unit type is
/// one of argmark's (`claim`, ...); a relation type one of argmark's relation types, whose ends are
/// the features `SOURCE_FEATURE` and `TARGET_FEATURE` (default: `Governor` and `Dependent`, as
/// INCEpTION's relation layers have them, else `source` and `target`). The first matching rule wins.
package struct XMIMapping: Sendable, Equatable {
    package enum Result: Sendable, Equatable {
        case unit(UnitType)
        case relation(RelationType, source: String?, target: String?)
    }

    package struct Rule: Sendable, Equatable {
        package var typeName: String
        package var feature: (name: String, value: String)?
        package var result: Result
        package var line: Int

        package static func == (lhs: Rule, rhs: Rule) -> Bool {
            lhs.typeName == rhs.typeName && lhs.feature?.name == rhs.feature?.name && lhs.feature?.value == rhs.feature?.value && lhs.result == rhs.result
        }
    }

    package var rules: [Rule]

    package init(rules: [Rule]) { self.rules = rules }

    /// Reads a mapping file; errors name the line.
    package static func load(_ path: String) throws(FormatError) -> XMIMapping {
        let bytes = try InputFile.read(path)
        guard let text = StrictUTF8.decode(bytes) else { throw FormatError(path, line: nil, "not valid UTF-8; save the mapping as UTF-8") }
        return try parse(text, path: path)
    }

    package static func parse(_ text: String, path: String) throws(FormatError) -> XMIMapping {
        var rules: [Rule] = []
        for (index, rawLine) in BratImporter.lines(of: text).enumerated() {
            let line = rawLine.unicodeScalars.first == "#" ? "" : rawLine
            let fields = line.split(separator: "\t").map { $0.trimmingBlanks() }.filter { !$0.isEmpty }
            if fields.isEmpty { continue }
            let number = index + 1
            guard fields.count == 2 || fields.count == 4 else {
                throw FormatError(path, line: number, "expected UIMA_TYPE[@FEATURE=VALUE]<TAB>UNIT_OR_RELATION_TYPE[<TAB>SOURCE_FEATURE<TAB>TARGET_FEATURE], tab-separated; found \(fields.count) field\(fields.count == 1 ? "" : "s")")
            }
            var typeName = fields[0]
            var feature: (name: String, value: String)?
            if let at = typeName.firstIndex(of: "@") {
                let condition = typeName[typeName.index(after: at)...]
                typeName = String(typeName[..<at])
                guard let equals = condition.firstIndex(of: "="), equals != condition.startIndex else {
                    throw FormatError(path, line: number, "the condition \"@\(condition)\" needs the form @FEATURE=VALUE")
                }
                feature = (String(condition[..<equals]), String(condition[condition.index(after: equals)...]))
            }
            guard !typeName.isEmpty, !typeName.contains(" ") else { throw FormatError(path, line: number, "\"\(fields[0])\" is not a UIMA type name (such as webanno.custom.Claim)") }
            let result: Result
            if let unitType = UnitType(rawValue: fields[1]) {
                guard fields.count == 2 else { throw FormatError(path, line: number, "a unit rule has two fields; source and target features belong to relation rules") }
                result = .unit(unitType)
            } else if let relationType = RelationType(rawValue: fields[1]) {
                result = .relation(relationType, source: fields.count == 4 ? fields[2] : nil, target: fields.count == 4 ? fields[3] : nil)
            } else {
                let units = UnitType.allCases.map(\.rawValue).joined(separator: ", ")
                let relations = RelationType.allCases.map(\.rawValue).joined(separator: ", ")
                throw FormatError(path, line: number, "\"\(fields[1])\" is neither a unit type (\(units)) nor a relation type (\(relations))")
            }
            rules.append(Rule(typeName: typeName, feature: feature, result: result, line: number))
        }
        guard !rules.isEmpty else { throw FormatError(path, line: nil, "the mapping has no rules; write one UIMA_TYPE<TAB>UNIT_TYPE per line") }
        return XMIMapping(rules: rules)
    }

    /// The rule for an annotation of `typeName` whose features are `features`, if any.
    func match(typeName: String, features: (String) -> String?) -> Rule? {
        rules.first { rule in
            guard rule.typeName == typeName else { return false }
            guard let feature = rule.feature else { return true }
            return features(feature.name) == feature.value
        }
    }

    /// The full UIMA type name of an XMI element: namespace `http:///webanno/custom.ecore` and
    /// element `Claim` give `webanno.custom.Claim`.
    static func typeName(namespace: String?, name: String) -> String {
        guard var path = namespace, path.hasPrefix("http:///") else { return name }
        path.removeFirst("http:///".count)
        if path.hasSuffix(".ecore") { path.removeLast(".ecore".count) }
        let package = path.split(separator: "/").joined(separator: ".")
        return package.isEmpty ? name : package + "." + name
    }
}

extension StringProtocol {
    /// Without leading and trailing spaces and tabs.
    func trimmingBlanks() -> String {
        let scalars = Array(unicodeScalars)
        var start = 0, end = scalars.count
        while start < end, scalars[start] == " " || scalars[start] == "\t" { start += 1 }
        while end > start, scalars[end - 1] == " " || scalars[end - 1] == "\t" { end -= 1 }
        return String(String.UnicodeScalarView(scalars[start..<end]))
    }
}
