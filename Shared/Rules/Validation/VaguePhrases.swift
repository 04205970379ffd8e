/// The curated list of vague justification phrases (seed 000 item 19: "psiholoģiskas
/// problēmas" is the seed's own example of what must not be written) and the word counting
/// behind "a minimum of concrete detail".
public enum VaguePhrases {
    /// Built-in Latvian phrases. Matching ignores case, punctuation and Latvian diacritics.
    public static let latvian = [
        "psiholoģiskas problēmas", "psiholoģiskās problēmas", "psihiskas problēmas",
        "emocionālas problēmas", "emocionālās problēmas", "problēmas ģimenē", "ģimenes problēmas",
        "sociālas problēmas", "sociālās problēmas", "veselības problēmas", "mācību problēmas",
        "mācību grūtības", "grūtības mācībās", "slikta uzvedība", "nav motivācijas", "zema motivācija",
        "motivācijas trūkums", "nevēlas mācīties", "slinkums", "slinks", "grūta situācija",
        "sarežģīta situācija", "smaga situācija", "dažādas problēmas", "nelabvēlīga ģimene",
        "riska ģimene", "sociālā riska ģimene", "skatīt iepriekš",
    ]

    /// Built-in English phrases.
    public static let english = [
        "psychological problems", "psychological issues", "emotional problems", "mental problems",
        "family problems", "family issues", "problems at home", "social problems", "health problems",
        "learning problems", "learning difficulties", "bad behaviour", "bad behavior", "lack of motivation",
        "no motivation", "not motivated", "lazy", "difficult situation", "various problems",
        "dysfunctional family", "see above",
    ]

    /// Function words that carry no concrete detail and are not counted.
    static let stopWords: Set<String> = [
        "ir", "un", "ar", "ka", "bet", "vai", "ari", "loti", "no", "uz", "par", "pie", "to", "ta", "tas",
        "tie", "jo", "kas", "the", "an", "is", "are", "has", "have", "and", "or", "of", "to", "with", "very",
        "in", "on", "at", "he", "she", "it",
    ]

    /// The result of reading a justification.
    public struct Analysis: Sendable, Hashable {
        /// The curated vague phrases found (as listed, with diacritics).
        public var vaguePhrases: [String]
        /// Whether the text contains the risk's own name (which adds no detail).
        public var repeatsRiskName: Bool
        /// Words of concrete detail: what remains after removing vague phrases, the risk's
        /// name and function words.
        public var concreteWords: Int
    }

    /// Reads `text` for a risk whose catalogue name is `riskLabel`.
    public static func analyse(_ text: String, riskLabel: LocalizedText, extra: [String] = []) -> Analysis {
        var words = normalizedWords(text)
        var repeatsName = false
        for label in [riskLabel.lv, riskLabel.en] where remove(normalizedWords(label), from: &words) {
            repeatsName = true
        }
        var found: [String] = []
        let phrases = extra.isEmpty ? builtIn : byLength(latvian + english + extra)
        for (phrase, phraseWords) in phrases where !phraseWords.isEmpty && remove(phraseWords, from: &words) {
            found.append(phrase)
        }
        let concrete = words.filter { $0 != "" && !stopWords.contains($0) }.count
        return Analysis(vaguePhrases: found, repeatsRiskName: repeatsName, concreteWords: concrete)
    }

    /// The built-in phrases with their words, longest first (so "sociālā riska ģimene" is found
    /// before "riska ģimene" could take its words). Computed once: every plan's justifications
    /// are read against them.
    private static let builtIn = byLength(latvian + english)

    private static func byLength(_ phrases: [String]) -> [(phrase: String, words: [String])] {
        // Stable: phrases of equal length keep their listed order.
        phrases.enumerated().map { (index: $0.offset, phrase: $0.element, words: normalizedWords($0.element)) }
            .sorted { $0.words.count != $1.words.count ? $0.words.count > $1.words.count : $0.index < $1.index }
            .map { ($0.phrase, $0.words) }
    }

    /// Lower-cased words with Latvian diacritics folded and punctuation dropped. Words of a
    /// single letter are dropped too (initials, "u.c.").
    public static func normalizedWords(_ text: String) -> [String] {
        var words: [String] = []
        var current = ""
        for character in text.lowercased() {
            let folded = fold[character] ?? character
            if folded.isLetter || folded.isNumber {
                current.append(folded)
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        return words.filter { $0.count > 1 || $0.first?.isNumber == true }
    }

    /// Blanks every occurrence of `phrase` in `words` (keeping positions); true if any.
    private static func remove(_ phrase: [String], from words: inout [String]) -> Bool {
        guard !phrase.isEmpty, words.count >= phrase.count else { return false }
        var found = false
        var index = 0
        while index + phrase.count <= words.count {
            if Array(words[index..<index + phrase.count]) == phrase {
                for offset in 0..<phrase.count { words[index + offset] = "" }
                found = true
                index += phrase.count
            } else {
                index += 1
            }
        }
        return found
    }

    private static let fold: [Character: Character] = [
        "ā": "a", "č": "c", "ē": "e", "ģ": "g", "ī": "i", "ķ": "k", "ļ": "l", "ņ": "n", "š": "s",
        "ū": "u", "ž": "z", "ō": "o", "ŗ": "r",
    ]
}
