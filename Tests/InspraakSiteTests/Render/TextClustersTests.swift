import XCTest
@testable import InspraakSite

/// Splitting at white space and finding a sentence's end on the bytes gives what the same on
/// characters gives, for every text the fast way is taken for.
final class TextClustersTests: XCTestCase {
    static let texts = [
        "Kledingbank. Met vrijwilligers.", "Café\u{2028}open! Echt.", " \u{301}a b", "a \u{301}b. c", "’s Avonds open. Ja",
        "“Meer groen” zei men. Dus", "a\u{00A0}b. c", "x\u{0600} y. z", "Emoji 👍🏽 ok. Volgende", "a.\u{301} b. c",
        "Ideeën. Meer.", "a\r\nb.\r\nc", "e\u{301}. Volgende", "\ttab\t\tgescheiden \n", "x \u{200D}y. z", "één twee",
        ".. . .", "Korean 한국어 text. 다음", "中文。 x. y", "x – y — z. w", "a\u{2009}b. c", "€ 5 per maand. Ja", "« Oui » dit-il. Non",
        "x \u{FE0F}y", "Ünïcödé äll øver. Ñ", "ǅ digraph. x", "a \u{0903}b", "x\u{85}y", "A\u{1680}B", "ok?  Ja!", "Tot 1.000 euro. Ja",
        "", " ", "é", "\u{301}", "a \u{20D0} b", "x \u{1F1F3}\u{1F1F1} vlag. y", "Brahmi \u{110BD} x. y",
    ]

    func testOneLineOnBytesIsOneLineOnCharacters() {
        for text in Self.texts {
            XCTAssertEqual(ChangeEntry.oneLine(text), ChangeEntry.oneLineByCharacters(text), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }

    func testSentenceEndsAgreeWhereTheBytesAreUsed() {
        var fast = 0
        for raw in Self.texts {
            let text = ChangeEntry.oneLine(raw)
            guard TextClusters.splitAtASCII(text) else { continue }
            fast += 1
            let onBytes = ChangeEntry.sentenceEndOnBytes(text).map { text.utf8.distance(from: text.startIndex, to: $0) }
            let byCharacters = ChangeEntry.sentenceEndByCharacters(text).map { text.utf8.distance(from: text.startIndex, to: $0) }
            XCTAssertEqual(onBytes, byCharacters, text)
        }
        XCTAssertGreaterThan(fast, 20, "most texts take the fast way")
    }

    /// What must not take it: a combining mark or joiner after a space, white space that is not
    /// ASCII, a Prepend scalar.
    func testTheFastWayIsRefusedWhereCharactersJoinAcrossBytes() {
        for text in [" \u{301}a", "a \u{200D}b", "a\u{00A0}b", "a\u{2028}b", "x\u{0600} y", "A\u{1680}B", "a \u{0903}b", "x \u{FE0F}y", "a\u{3000}b"] {
            XCTAssertFalse(TextClusters.splitAtASCII(text), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
        for text in ["Café open", "’s Avonds", "“Meer groen”", "Ideeën", "x – y", "€ 5", "Emoji👍🏽 ok", "ǅ x", "plain"] {
            XCTAssertTrue(TextClusters.splitAtASCII(text), text)
        }
    }

    func testLabelsReadMidSentence() {
        let cases = ["Stamtafel": "stamtafel", "ICS-agenda": "ICS-agenda", "Émile": "émile", "ÉÉN": "ÉÉN", "a": "a", "": "",
                     "X": "x", "Ab": "ab", "AB": "AB", "1e": "1e", "E\u{301}x": "e\u{301}x", "Online bijeenkomst": "online bijeenkomst",
                     "AB\u{345}": "aB\u{345}", "XY\u{345}Y\u{32A}": "xY\u{345}Y\u{32A}", "\r\nX": "\r\nX"]
        for (label, expected) in cases {
            XCTAssertEqual(ChangeEntry.midSentence(label), expected, label)
            // The characters' own rule.
            let byCharacters = label.first.map { first in label.dropFirst().first?.isUppercase == true ? label : first.lowercased() + label.dropFirst() } ?? label
            XCTAssertEqual(ChangeEntry.midSentence(label), byCharacters, label)
        }
    }
}
