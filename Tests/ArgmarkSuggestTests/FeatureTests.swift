import ArgmarkCore
import Testing
@testable import ArgmarkSuggest

/// The features of each segment of `text`.
private func features(_ text: String) -> [Set<String>] {
    FeatureExtractor().extract(CodePointText(text)).map { Set($0.features.names) }
}

struct FeatureTests {
    @Test func discourseMarkersAndReportedViews() {
        let result = features("Critics claim that the movement is finished. They are wrong. However, the fact is that it grows.")
        #expect(result[0].isSuperset(of: ["lex:opponents", "lex:view-verb", "start:opponents"]))
        #expect(result[1].isSuperset(of: ["lex:rebuttal", "start:rebuttal", "len:1-3", "prev:reported-view"]))
        #expect(result[1].contains("next:starts-contrast"))
        #expect(result[2].isSuperset(of: ["start:contrast", "lex:contrast", "lex:rebuttal"]))
    }

    @Test func personModalityNegationAndEvidence() {
        let result = features("I think we must not give up. According to a 2018 survey, 40% agreed.")
        #expect(result[0].isSuperset(of: ["lex:first-singular", "lex:first-plural", "lex:deontic", "lex:negation", "lex:opinion", "start:first-singular"]))
        #expect(!result[0].contains("lex:digits"))
        #expect(result[1].isSuperset(of: ["lex:evidence", "start:evidence", "lex:digits", "lex:percent", "lex:speech-verb"]))
        #expect(!result[1].contains("lex:negation"))
    }

    @Test func wholeWordsOnly() {
        // "nothing" is a negation, but "not" inside "notable" is not; "so" is not found in "also".
        let result = features("A notable case also emerged.")
        #expect(!result[0].contains("lex:negation"))
        #expect(!result[0].contains("lex:conclusion"))
    }

    @Test func questionsInterviewsAndQuotations() {
        let result = features("Q: Has #MeToo gone too far?\nNo. It has not.\nShe wrote, “We will not be silenced by anyone.”\nGetty Images")
        #expect(result.count == 6)
        #expect(result[0].isSuperset(of: ["sent:question", "qa:question-line", "qa:turn-prefix", "par:one-sentence"]))
        #expect(result[1].isSuperset(of: ["qa:after-question-line", "par:first", "len:1-3", "lex:negation"]))
        #expect(!result[1].contains("qa:question-line"))
        #expect(result[4].isSuperset(of: ["quote:inside", "quote:has-marks", "clause:later"]))
        #expect(!result[3].contains("quote:inside"))
        #expect(result[3].contains("lex:speech-verb"))
        #expect(result[5].isSuperset(of: ["sent:no-final-stop", "par:alone"]))
    }

    @Test func positionInTheText() {
        let result = features("Aaa. Bbb. Ccc. Ddd. Eee.")
        #expect(result.map { $0.first { $0.hasPrefix("text:fifth-") } } == ["text:fifth-1", "text:fifth-2", "text:fifth-3", "text:fifth-4", "text:fifth-5"])
        #expect(result[0].contains("par:first") && !result[0].contains("par:last"))
        #expect(result[4].contains("par:last"))
    }

    @Test func lengthsOfTheSegmentAndItsSentenceAndPlaceFromEitherEnd() {
        let result = features("Short one. This sentence has enough words to be cut, but the second half is long too. End.")
        #expect(result.allSatisfy { $0.contains("doc:sentences-3") })
        #expect(result[0].isSuperset(of: ["len:1-3", "slen:1-3", "sent:index-0", "sent:from-end-2+"]))
        // A clause knows its own length and its whole sentence's.
        #expect(result[1].isSuperset(of: ["len:7-9", "slen:15-19", "sent:index-1", "sent:from-end-1"]))
        #expect(result[2].isSuperset(of: ["len:7-9", "slen:15-19"]))
        #expect(result[3].isSuperset(of: ["sent:index-2", "sent:from-end-0"]))
    }

    @Test func featuresAreSortedAndAlwaysHaveABias() {
        for vector in FeatureExtractor().extract(CodePointText("Some text. More text, but different.")).map(\.features) {
            #expect(vector.names == vector.names.sorted())
            #expect(vector.names.contains("bias"))
        }
    }
}
