/// The word lists segmentation and features use. Lower-case; multi-word entries are matched on
/// whole words. Kept here, in one place, so what the model looks at can be read in a minute.
package enum Lexicon {
    static let closingMarks: Set<Unicode.Scalar> = ["”", "\"", "’", "'", ")", "]", "»"]
    static let openingMarks: Set<Unicode.Scalar> = ["“", "\"", "‘", "«", "„"]

    /// Words whose full stop does not end a sentence (compared without the stop, lower-case).
    /// "No." is one only before a number ("No. 5"), which the segmenter checks itself, since
    /// "No. Absolutely not." is a sentence.
    static let abbreviations: Set<String> = [
        "mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "vs", "v", "etc", "e.g", "i.e", "u.s", "u.k", "u.n", "e.u",
        "inc", "ltd", "co", "corp", "gen", "gov", "sen", "rep", "rev", "capt", "lt", "col", "sgt", "mt",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "a.m", "p.m", "approx",
        "dept", "est", "fig", "vol", "pp", "cf", "al", "ca", "mme", "mlle", "hon", "pres", "messrs",
    ]

    /// Connectives after a comma that start a new clause (the cut goes before the word).
    static let clauseConnectives: Set<String> = [
        "but", "because", "although", "though", "whereas", "while", "yet", "so", "since", "however", "which",
    ]

    /// Contrast and concession: a turn in the argument.
    package static let contrast = ["however", "but", "yet", "although", "though", "nevertheless", "nonetheless",
                                  "on the other hand", "whereas", "while", "despite", "instead", "rather", "still", "even so"]
    /// Conclusion: what the text argues for.
    package static let conclusion = ["therefore", "thus", "hence", "consequently", "in conclusion", "in short",
                                    "that is why", "this is why", "so", "overall", "to sum up", "let me be clear", "clearly"]
    /// Reasons offered for something.
    package static let reason = ["because", "since", "as a result", "due to", "given that", "for this reason"]
    /// Evidence: examples, figures, sources.
    package static let evidence = ["for example", "for instance", "such as", "according to", "study", "studies",
                                  "research", "survey", "percent", "statistics", "data", "found that", "reported",
                                  "report", "in 19", "in 20", "last year", "last week"]
    /// Answers to an opposing view.
    package static let rebuttal = ["they are wrong", "that is wrong", "is wrong", "are wrong", "not true", "the fact is",
                                  "in fact", "actually", "indeed", "absolutely not", "nonsense", "the truth is",
                                  "of course", "the answer is", "no one", "nothing can"]
    /// Others' views being reported: who holds them.
    package static let opponents = ["critics", "opponents", "some people", "some say", "many people", "others",
                                   "those who", "skeptics", "detractors", "people say", "it is argued", "many women",
                                   "many men", "some argue", "naysayers", "people are quick", "people pounced"]
    /// Verbs of holding or asserting a view (counterclaims are often reported with them).
    package static let viewVerbs = ["claim", "claims", "claimed", "argue", "argues", "argued", "allege", "alleged",
                                   "insist", "insists", "accuse", "accused", "believe", "believes", "suggest",
                                   "suggests", "contend", "contends", "prove", "concerned that", "worry", "worried"]
    /// Verbs of reported speech (attribution of a quotation).
    package static let speechVerbs = ["said", "says", "told", "tells", "wrote", "writes", "tweeted", "tweets", "added",
                                     "explained", "stated", "asked", "asks", "replied", "responded", "posted",
                                     "declared", "noted", "recalled", "according to", "insisted", "continued",
                                     "admitted", "announced", "commented", "remarked", "shared", "penned"]
    package static let firstPersonSingular = ["i", "me", "my", "mine", "myself", "i'm", "i’m", "i've", "i’ve", "i'd", "i’d"]
    package static let firstPersonPlural = ["we", "us", "our", "ours", "ourselves", "we're", "we’re", "we've", "we’ve"]
    package static let secondPerson = ["you", "your", "yours", "you're", "you’re"]
    /// Obligation and recommendation.
    package static let deontic = ["should", "must", "need to", "needs to", "ought", "have to", "has to", "shouldn't",
                                 "shouldn’t", "mustn't", "mustn’t"]
    /// Hedges and possibility.
    package static let hedge = ["may", "might", "could", "perhaps", "possibly", "probably", "seem", "seems", "likely", "maybe"]
    package static let negation = ["not", "no", "never", "nothing", "none", "nobody", "neither", "nor", "cannot",
                                  "isn't", "isn’t", "don't", "don’t", "doesn't", "doesn’t", "didn't", "didn’t",
                                  "won't", "won’t", "can't", "can’t", "aren't", "aren’t", "wasn't", "wasn’t"]
    /// Opinion and evaluation.
    package static let opinion = ["i think", "i believe", "in my opinion", "i feel", "i guess", "wrong", "right",
                                 "good", "bad", "important", "best", "worst", "better", "worse", "unfair", "fair",
                                 "ridiculous", "absurd", "misguided", "sad", "should be", "need"]
}
