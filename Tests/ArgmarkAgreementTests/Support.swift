import ArgmarkAgreement
import ArgmarkCore
import Foundation

/// Fixtures beside this file: one folder per case, one subfolder per annotator.
enum Fixtures {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    static var cases: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { FileManager.default.fileExists(atPath: folder.appendingPathComponent($0).appendingPathComponent("expected.json").path) }.sorted()
    }

    /// The annotator folders of a case, in name order (a, b, c), as make_expected.py reads them.
    static func annotators(of name: String) throws -> [Annotator] {
        let caseFolder = folder.appendingPathComponent(name)
        let names = try FileManager.default.contentsOfDirectory(atPath: caseFolder.path).filter {
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: caseFolder.appendingPathComponent($0).path, isDirectory: &isDirectory) && isDirectory.boolValue
        }.sorted()
        return try names.map { annotator in
            let path = caseFolder.appendingPathComponent(annotator).path
            let (loaded, failures) = ArticleLoader.loadAll([path])
            guard failures.isEmpty, loaded.allSatisfy(\.isValid) else {
                throw FixtureError(description: "fixture \(path) does not load: \(failures + loaded.flatMap(\.diagnostics))")
            }
            return Annotator(name: annotator, articles: loaded.map(\.article), paths: loaded.map(\.path))
        }
    }

    static func report(_ name: String, _ granularity: Granularity) throws -> AgreementReport {
        try AgreementReport(annotators: annotators(of: name), granularity: granularity)
    }

    static func expected(_ name: String) throws -> [String: Any] {
        let data = try Data(contentsOf: folder.appendingPathComponent(name).appendingPathComponent("expected.json"))
        return try JSONSerialization.jsonObject(with: data) as! [String: Any]
    }
}

struct FixtureError: Error, CustomStringConvertible {
    var description: String
}

/// Compares an expected JSON tree (from Python) with the report's JSON tree, numbers to `tolerance`.
/// Returns the paths that differ; keys only the report has are ignored.
func differences(expected: Any, actual: JSONValue, path: String = "", tolerance: Double = 1e-9) -> [String] {
    switch (expected, actual) {
    case (is NSNull, .null):
        return []
    case (let object as [String: Any], .object(let members)):
        return object.keys.sorted().flatMap { key -> [String] in
            guard let member = members[key] else { return ["\(path)/\(key): missing"] }
            return differences(expected: object[key]!, actual: member, path: "\(path)/\(key)", tolerance: tolerance)
        }
    case (let array as [Any], .array(let values)):
        guard array.count == values.count else { return ["\(path): \(array.count) elements expected, \(values.count) found"] }
        return zip(array, values).enumerated().flatMap { index, pair in
            differences(expected: pair.0, actual: pair.1, path: "\(path)[\(index)]", tolerance: tolerance)
        }
    case (let string as String, .string(let value)):
        return string == value ? [] : ["\(path): \(string) expected, \(value) found"]
    case (let number as NSNumber, _):
        let actualNumber: Double
        switch actual {
        case .int(let value): actualNumber = Double(value)
        case .double(let value): actualNumber = value
        default: return ["\(path): \(number) expected, \(actual) found"]
        }
        return abs(number.doubleValue - actualNumber) <= tolerance ? [] : ["\(path): \(number.doubleValue) expected, \(actualNumber) found"]
    default:
        return ["\(path): \(expected) expected, \(actual) found"]
    }
}

extension JSONValue {
    subscript(_ key: String) -> JSONValue? {
        if case .object(let members) = self { return members[key] }
        return nil
    }
    subscript(_ index: Int) -> JSONValue? {
        if case .array(let values) = self, values.indices.contains(index) { return values[index] }
        return nil
    }
}
