import Testing
@testable import ArgmarkCore

/// The one number formatter, and the formats built on it keeping their bytes.
@Suite struct NumberTextTests {
    @Test func fixedHasExactlyTheDecimalsAsked() {
        #expect(NumberText.fixed(0.5, decimals: 2) == "0.50")
        #expect(NumberText.fixed(1, decimals: 3) == "1.000")
        #expect(NumberText.fixed(12.345, decimals: 0) == "12")
        #expect(NumberText.fixed(-0.0004, decimals: 3) == "0.000")  // no sign on a value shown as zero
        #expect(NumberText.fixed(-2.25, decimals: 1) == "-2.3")     // half away from zero
        #expect(NumberText.fixed(2.25, decimals: 1) == "2.3")
        #expect(NumberText.fixed(0.0625, decimals: 3) == "0.063")
        #expect(NumberText.fixed(-0.05, decimals: 1) == "-0.1")
    }

    @Test func trimmedDropsTrailingZeros() {
        #expect(NumberText.trimmed(0.25, maxDecimals: 4) == "0.25")
        #expect(NumberText.trimmed(1, maxDecimals: 4) == "1")
        #expect(NumberText.trimmed(0, maxDecimals: 6) == "0")
        #expect(NumberText.trimmed(-0.0000001, maxDecimals: 6) == "0")
        #expect(NumberText.trimmed(0.83333333, maxDecimals: 4) == "0.8333")
        #expect(NumberText.trimmed(-1.5, maxDecimals: 6) == "-1.5")
    }

    @Test func percentRoundsAsAsked() {
        #expect(NumberText.percent(0.375) == "38%")
        #expect(NumberText.percent(0.937, rounding: .down) == "93%")
        #expect(NumberText.percent(0.8, rounding: .down) == "80%")
        #expect(NumberText.percent(1) == "100%")
    }

    /// Values too large to scale exactly still give plain digits (or Swift's own shortest form)
    /// and never trap converting to `Int`.
    @Test func largeAndNonFiniteValuesDoNotTrap() {
        #expect(NumberText.trimmed(12_345_678_901, maxDecimals: 6) == "12345678901")
        #expect(NumberText.fixed(1e20, decimals: 2) == "1e+20")
        #expect(NumberText.fixed(-.infinity, decimals: 1) == "-inf")
        #expect(JSONValue.format(1e19) == "1e+19")
        #expect(JSONValue.format(.nan) == "null")
        #expect(JSONValue.format(0.1 + 0.2) == "0.3")
    }

    /// The formats the files and displays promise, now all from one place.
    @Test func confidencesKeepTheirFormats() {
        #expect(ArticleWriter.formatConfidence(0.87654) == "0.8765")
        #expect(ArticleWriter.formatConfidence(1.2) == "1")
        #expect(ArticleWriter.formatConfidence(-3) == "0")
        #expect(ArgumentUnit.formatConfidence(0.999) == "1.00")
        #expect(ArgumentUnit.formatConfidence(0.05) == "0.05")
        #expect(Reanchor.percent(0.799) == "79%")
    }
}
