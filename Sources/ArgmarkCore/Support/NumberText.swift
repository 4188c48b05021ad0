/// The one way argmark writes a number as text: in files (confidences), JSON, reports, agreement
/// tables and messages. It never goes through the platform's float printing or locale, so the same
/// value gives the same bytes on every machine, and it rounds half away from zero unless told
/// otherwise.
package enum NumberText {
    /// `value` with exactly `decimals` digits after the point (`fixed(0.5, decimals: 2)` is
    /// `0.50`). No `-` on a value that rounds to zero.
    package static func fixed(_ value: Double, decimals: Int, rounding: FloatingPointRoundingRule = .toNearestOrAwayFromZero) -> String {
        guard let (negative, whole, fraction) = digits(value, decimals: decimals, rounding: rounding) else { return fallback(value, rounding: rounding) }
        return (negative ? "-" : "") + whole + (decimals > 0 ? "." + fraction : "")
    }

    /// `value` with at most `decimals` digits after the point and no trailing zeros (`0.25`, `1`,
    /// `0`). No `-` on a value that rounds to zero.
    package static func trimmed(_ value: Double, maxDecimals decimals: Int, rounding: FloatingPointRoundingRule = .toNearestOrAwayFromZero) -> String {
        guard let (negative, whole, fraction) = digits(value, decimals: decimals, rounding: rounding) else { return fallback(value, rounding: rounding) }
        var kept = Substring(fraction)
        while kept.last == "0" { kept.removeLast() }
        return (negative ? "-" : "") + whole + (kept.isEmpty ? "" : "." + kept)
    }

    /// A share (0.37) as a whole percentage (`37%`). `rounding: .down` never shows a value above
    /// what it is (a similarity shown as 80% is at least 0.8).
    package static func percent(_ share: Double, rounding: FloatingPointRoundingRule = .toNearestOrAwayFromZero) -> String {
        fixed(share * 100, decimals: 0, rounding: rounding) + "%"
    }

    /// The sign, whole digits and exactly `decimals` fraction digits of `value` rounded, or `nil`
    /// when it is not finite or too large to scale exactly in an `Int`.
    private static func digits(_ value: Double, decimals: Int, rounding: FloatingPointRoundingRule) -> (Bool, String, String)? {
        precondition((0...15).contains(decimals), "NumberText supports 0 to 15 decimals")
        var scale = 1
        for _ in 0..<decimals { scale *= 10 }
        let scaled = (value * Double(scale)).rounded(rounding)
        guard scaled.isFinite, abs(scaled) < 9e15 else { return nil }
        let magnitude = Int(abs(scaled))
        let fraction = String(magnitude % scale)
        return (scaled < 0 && magnitude != 0, String(magnitude / scale),
                decimals == 0 ? "" : String(repeating: "0", count: decimals - fraction.count) + fraction)
    }

    /// Values beyond exact scaling: whole numbers when they fit an `Int`, otherwise Swift's own
    /// shortest representation (`1e+20`, `inf`, `nan`), which is the same on every platform.
    private static func fallback(_ value: Double, rounding: FloatingPointRoundingRule) -> String {
        let rounded = value.rounded(rounding)
        if rounded.isFinite, abs(rounded) < 9.2e18 { return String(Int(rounded)) }
        return rounded.description
    }
}
