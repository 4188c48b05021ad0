import Foundation
import Testing

@Suite struct ValidateCommandTests {
    @Test func shippedAnnotationsAreValid() throws {
        let result = try ArgmarkProcess.run(["validate", "Annotations"], in: ArgmarkProcess.packageRoot)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardError.hasSuffix(" errors, 0 warnings\n") || result.standardError.contains(", 0 errors, "))
    }
}
