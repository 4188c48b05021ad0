import ArgmarkCore

/// What the model can say about a segment: one of the unit types, or that it is no unit.
public enum SegmentLabel: String, Sendable, CaseIterable, Equatable {
    case none, position, claim, counterclaim, rebuttal, evidence

    public var unitType: UnitType? { UnitType(rawValue: rawValue) }
}

/// Why a weights table could not be read.
public struct ModelLoadError: Error, Sendable, CustomStringConvertible {
    public var line: Int
    public var message: String
    public var description: String { "weights:\(line): error: \(message)" }
}

/// Multinomial logistic regression over named features: for each label a weight per feature;
/// the probability of a label is the softmax of the summed weights of the features present.
///
/// The weights are a tab-separated table (``defaultWeightsTable``, shipped in the package and
/// written by `bench/suggest/train.py`): a header `feature` then one column per label, then one
/// row per feature. Lines starting with `#` are comments. Features the table does not know are
/// ignored, so the table and the extractor can evolve one step apart without breaking.
/// Before the header, `none-threshold<TAB>T` sets ``noneThreshold``.
public struct SuggestionModel: Sendable {
    public var labels: [SegmentLabel]
    /// Feature name → one weight per label, in `labels` order.
    public var weights: [String: [Double]]
    /// A segment is proposed as a unit when the probability of `none` is below this (the most
    /// probable unit type is proposed); 0.5 is close to taking the most probable label, higher
    /// values propose more. Chosen on training articles (see `bench/suggest/train.sh`).
    public var noneThreshold: Double = 0.5

    /// The model shipped with argmark.
    public static let shipped: SuggestionModel = {
        do { return try SuggestionModel(table: String(decoding: PackageResources.weights_tsv, as: UTF8.self)) } catch {
            fatalError("the shipped weights table is broken: \(error)")
        }
    }()

    public init(labels: [SegmentLabel], weights: [String: [Double]]) {
        self.labels = labels
        self.weights = weights
    }

    /// Parses a weights table.
    public init(table: String) throws(ModelLoadError) {
        var labels: [SegmentLabel]?
        var weights: [String: [Double]] = [:]
        var noneThreshold = 0.5
        for (index, line) in table.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let number = index + 1
            if line.isEmpty || line.hasPrefix("#") { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard let header = labels else {
                if fields.count == 2, fields[0] == "none-threshold" {
                    guard let value = Double(fields[1]), (0...1).contains(value) else {
                        throw ModelLoadError(line: number, message: "none-threshold must be a number between 0 and 1")
                    }
                    noneThreshold = value
                    continue
                }
                guard fields.first == "feature", fields.count >= 3 else {
                    throw ModelLoadError(line: number, message: "expected a header line \"feature<TAB>label…\"")
                }
                var parsed: [SegmentLabel] = []
                for field in fields.dropFirst() {
                    guard let label = SegmentLabel(rawValue: field) else {
                        throw ModelLoadError(line: number, message: "unknown label \"\(field)\"; use \(SegmentLabel.allCases.map(\.rawValue).joined(separator: ", "))")
                    }
                    parsed.append(label)
                }
                guard parsed.contains(.none), Set(parsed).count == parsed.count else {
                    throw ModelLoadError(line: number, message: "the header must name each label once, including none")
                }
                labels = parsed
                continue
            }
            guard fields.count == header.count + 1 else {
                throw ModelLoadError(line: number, message: "expected \(header.count + 1) tab-separated fields, found \(fields.count)")
            }
            var row: [Double] = []
            for field in fields.dropFirst() {
                guard let value = Double(field), value.isFinite else {
                    throw ModelLoadError(line: number, message: "\"\(field)\" is not a number")
                }
                row.append(value)
            }
            guard weights[fields[0]] == nil else { throw ModelLoadError(line: number, message: "feature \"\(fields[0])\" appears twice") }
            weights[fields[0]] = row
        }
        guard let labels else { throw ModelLoadError(line: 1, message: "the table is empty; expected a header line") }
        self.labels = labels
        self.weights = weights
        self.noneThreshold = noneThreshold
    }

    /// The probability of each label, in `labels` order. Sums run over the features in name
    /// order, so the result is the same bit for bit on every run.
    public func probabilities(_ features: FeatureVector) -> [Double] {
        var scores = [Double](repeating: 0, count: labels.count)
        for (name, value) in features.values {
            guard let row = weights[name] else { continue }
            for index in scores.indices { scores[index] += row[index] * value }
        }
        let highest = scores.max() ?? 0
        let exponentials = scores.map { Platform.exponential($0 - highest) }
        let total = exponentials.reduce(0, +)
        return exponentials.map { $0 / total }
    }

    /// The label to propose and its probability: the most probable unit type if the probability
    /// of `none` is below ``noneThreshold``, `none` otherwise (ties go to the earlier label).
    public func predict(_ features: FeatureVector) -> (label: SegmentLabel, probability: Double) {
        let probabilities = self.probabilities(features)
        let noneIndex = labels.firstIndex(of: .none)!
        guard probabilities[noneIndex] < noneThreshold else { return (.none, probabilities[noneIndex]) }
        var best: Int?
        for index in probabilities.indices where index != noneIndex && probabilities[index] > (best.map { probabilities[$0] } ?? -1) { best = index }
        return (labels[best!], probabilities[best!])
    }
}

