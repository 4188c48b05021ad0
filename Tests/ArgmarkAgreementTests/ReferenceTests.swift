import ArgmarkAgreement
import ArgmarkCore
import Foundation
import Testing

/// Every figure agrees with the independent references (make_expected.py) to 1e-9.
@Suite struct ReferenceTests {
    @Test func thereAreFixtures() {
        #expect(Fixtures.cases.count >= 6)
    }

    @Test(arguments: Fixtures.cases, Granularity.allCases)
    func reportMatchesReference(name: String, granularity: Granularity) throws {
        let expected = try #require(Fixtures.expected(name)[granularity.rawValue] as? [String: Any])
        let report = try Fixtures.report(name, granularity)
        var tree = report.json
        // The reference names annotators by folder, as the report does here.
        if case .object(var members) = tree {
            members["annotators"] = .array(report.annotators.map(JSONValue.string))
            tree = .object(members)
        }
        let found = differences(expected: expected, actual: tree)
        #expect(found.isEmpty, "\(name) (\(granularity)):\n\(found.joined(separator: "\n"))")
    }
}
