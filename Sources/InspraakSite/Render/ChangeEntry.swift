import Foundation
import InspraakMarkdown
import InspraakSource

/// One change as a feed shows it, worded once for RSS and Atom:
/// "Begin een kledingbank … (stamtafel 14 mei 2019): doorverwezen".
struct ChangeEntry: Sendable {
    let title: String
    /// The item's anchor on its record's page.
    let url: String
    /// `<feedback-id>#<ref>`.
    let guid: String
    /// The feedback's date.
    let date: Moment
    /// The note, the promised day and the feedback it came from, as plain text.
    let summary: String
    /// The record's kind, then its themes.
    let categories: [String]

    /// Nil when the item's record or feedback is not in the graph (never, for a graph's own history).
    init?(_ change: Change, _ context: RenderContext) {
        let strings = context.strings
        guard let record = context.record(change.key.record), let feedback = context.record(change.step.feedback) else { return nil }
        let step = change.step
        let label: String
        if let id = change.key.item, let item = record.items.first(where: { $0.id == id }) {
            label = Self.shortLabel(Markdown.plainText(item.text))
        } else {
            label = Self.shortLabel(record.title)
        }
        title = strings.format("changes.item", [
            "item": label,
            "kind": Self.kindLabel(record, context),
            "date": strings.longDate(record.date.day),
            "state": Self.state(step, strings: strings),
        ])
        // Items have their anchor (`#i1`); a record without items its answer section.
        let anchor = change.key.item ?? "reactie-heading"
        url = context.paths.absolute(SitePaths.record(record)) + "#" + anchor
        guid = change.guid
        date = step.date
        var parts: [String] = []
        if let note = step.note {
            let text = Self.oneLine(Markdown.plainText(note))
            if !text.isEmpty { parts.append(text.last.map { ".!?".contains($0) } == true ? text : text + ".") }
        }
        if let expected = step.expected {
            let key = step.implementation == nil ? "history.promised_decision" : "history.promised_done"
            parts.append(Self.sentence(strings.format(key, ["date": strings.longDate(expected)])))
        }
        parts.append(strings.format("changes.source", ["feedback": feedback.title, "date": strings.longDate(step.date.day)]))
        summary = parts.joined(separator: " ")
        categories = [context.kindLabel(record.kind)] + context.graph.themesOf[record.id, default: []].map(context.themeTitle)
    }

    /// "overgenomen", "wordt uitgevoerd", or "overgenomen, wordt uitgevoerd".
    static func state(_ step: HistoryStep, strings: Strings) -> String {
        ([step.outcome.map { strings[$0.stringKey] }, step.implementation.map { strings[$0.stringKey] }].compactMap { $0 })
            .joined(separator: ", ")
    }

    /// A meeting's format ("stamtafel"), else the record's kind ("advies"), as it reads mid-sentence.
    static func kindLabel(_ record: Record, _ context: RenderContext) -> String {
        var label = context.kindLabel(record.kind)
        if case .meeting(let meeting) = record.details, let format = meeting.format {
            label = context.formatLabel(format)
        }
        return midSentence(label)
    }

    /// "Stamtafel" as it reads mid-sentence, "stamtafel"; "ICS-agenda" stays as it is.
    static func midSentence(_ label: String) -> String {
        // Three ASCII bytes first (every label of the default strings): decided on the bytes.
        // The third too, as a combining mark after the second would be part of its character
        // (U+0345 after "B" makes it not upper case).
        var bytes = label.utf8.makeIterator()
        if let first = bytes.next(), first < 0x80 {
            let second = bytes.next(), third = bytes.next()
            if second.map({ $0 < 0x80 }) ?? true, third.map({ $0 < 0x80 }) ?? true {
                if let second, (0x41...0x5A).contains(second) { return label }
                guard (0x41...0x5A).contains(first) else { return label }
                return String(UnicodeScalar(first + 0x20)) + label.dropFirst()
            }
        }
        guard let first = label.first, label.dropFirst().first?.isUppercase != true else { return label }
        return first.lowercased() + label.dropFirst()
    }

    static let labelLength = 80

    /// The first sentence, or the words that fit in ~80 characters followed by "…".
    static func shortLabel(_ text: String) -> String {
        if let label = asciiLabel(text) { return label }
        let text = oneLine(text)
        var sentence: String
        let sentenceEnd = TextClusters.splitAtASCII(text) ? sentenceEndOnBytes(text) : sentenceEndByCharacters(text)
        sentence = sentenceEnd.map { String(text[..<$0]) } ?? text
        if sentenceEnd != nil, text[sentenceEnd!] != "." { sentence.append(text[sentenceEnd!]) }
        // A character is at least one byte: a short text needs no counting.
        if sentence.utf8.count <= labelLength || sentence.count <= labelLength { return sentence }
        let cut = sentence.prefix(labelLength)
        let words = cut.lastIndex(of: " ").map { cut[..<$0] } ?? cut
        // Punctuation left at either end of the cut (a `CharacterSet` made per label was a
        // tenth of the status-change feeds' time).
        var scalars = words.unicodeScalars
        while let first = scalars.first, Self.cutPunctuation.contains(first) { scalars.removeFirst() }
        while let last = scalars.last, Self.cutPunctuation.contains(last) { scalars.removeLast() }
        return String(scalars) + "…"
    }

    /// Where the first sentence ends: a `.`, `!` or `?` before a space or the end.
    static func sentenceEndByCharacters(_ text: String) -> String.Index? {
        var index = text.startIndex
        while index < text.endIndex {
            let next = text.index(after: index)
            if ".!?".contains(text[index]), next == text.endIndex || text[next] == " " { return index }
            index = next
        }
        return nil
    }

    /// The same found in the bytes, for a text whose characters split at its ASCII bytes
    /// (`TextClusters.splitAtASCII`): a paragraph's characters were a third of the feeds' time.
    static func sentenceEndOnBytes(_ text: String) -> String.Index? {
        let bytes = text.utf8
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            let next = bytes.index(after: index)
            if byte == 0x2E || byte == 0x21 || byte == 0x3F, next == bytes.endIndex || bytes[next] == 0x20 { return index }
            index = next
        }
        return nil
    }

    /// `shortLabel` read off the first `labelLength + 2` bytes of the text with its white space
    /// made single spaces, when those are ASCII (a byte is a character then): the label never
    /// depends on more, and item texts run to paragraphs. Nil when a byte on the way is not
    /// ASCII (a combining mark after the cut joins the last character, a no-break space is
    /// white space): the label is then made from the whole text.
    private static func asciiLabel(_ text: String) -> String? {
        let limit = labelLength + 2
        var head: [UInt8] = []
        head.reserveCapacity(limit)
        var pendingSpace = false
        var complete = true
        for byte in text.utf8 {
            if byte >= 0x80 { return nil }
            if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) {
                pendingSpace = !head.isEmpty
                continue
            }
            if head.count >= limit {
                complete = false
                break
            }
            if pendingSpace { head.append(0x20) }
            pendingSpace = false
            head.append(byte)
        }
        // The first sentence's end: `.` left out, `!` and `?` kept. Cut short, `head` holds
        // more than the label's length, so a sentence that runs past it is cut either way.
        var end = head.count
        for (index, byte) in head.enumerated() where byte == 0x2E || byte == 0x21 || byte == 0x3F {
            if index + 1 < head.count ? head[index + 1] == 0x20 : complete {
                end = byte == 0x2E ? index : index + 1
                break
            }
        }
        guard end > labelLength else { return String(decoding: head[..<end], as: UTF8.self) }
        var cut = head[..<labelLength]
        if let space = cut.lastIndex(of: 0x20) { cut = cut[..<space] }
        while let first = cut.first, Self.cutPunctuationASCII.contains(first) { cut = cut.dropFirst() }
        while let last = cut.last, Self.cutPunctuationASCII.contains(last) { cut = cut.dropLast() }
        return String(decoding: cut, as: UTF8.self) + "…"
    }

    private static let cutPunctuation: Set<Unicode.Scalar> = [" ", ",", ";", ":", "–", "-"]
    private static let cutPunctuationASCII: [UInt8] = [0x20, 0x2C, 0x3B, 0x3A, 0x2D]

    /// Whitespace (line breaks from Markdown's plain text) as single spaces.
    static func oneLine(_ text: String) -> String {
        // Where the characters split at the ASCII bytes, the same split on the bytes Unicode
        // calls white space (tab to carriage return, space).
        guard TextClusters.splitAtASCII(text) else { return oneLineByCharacters(text) }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for byte in text.utf8 {
            if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(0x20) }
                pendingSpace = false
                out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func oneLineByCharacters(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// "klaar beloofd voor 1 juni 2026" as a sentence: "Klaar beloofd voor 1 juni 2026."
    static func sentence(_ text: String) -> String {
        guard let first = text.first else { return text }
        return first.uppercased() + text.dropFirst() + "."
    }

    /// Atom wants an IRI: a `tag:` URI (RFC 4151) on the site's host, with the guid's own `#`
    /// kept for the one between feedback and ref and the ref's `#` written `%23`:
    /// `tag:example.nl,2026:2019-11-19-terugkoppeling#2019-05-14-stamtafel%23i1`. The year is
    /// fixed, so the id never changes.
    static func atomID(_ guid: String, host: String) -> String {
        // `#` is ASCII: found in the UTF-8, not by Character (one id per status change).
        let bytes = guid.utf8
        guard let hash = bytes.firstIndex(of: UInt8(ascii: "#")) else { return "tag:\(host),2026:\(guid)" }
        var id = "tag:\(host),2026:"
        id.reserveCapacity(id.utf8.count + bytes.count + 8)
        id += Substring(bytes[...hash])
        var rest = bytes[bytes.index(after: hash)...]
        while let next = rest.firstIndex(of: UInt8(ascii: "#")) {
            id += Substring(rest[..<next])
            id += "%23"
            rest = rest[rest.index(after: next)...]
        }
        id += Substring(rest)
        return id
    }

    /// The tag URI's authority: the site's host (read once per build, not per change).
    static func atomHost(baseURL: String) -> String {
        URL(string: baseURL)?.host ?? "inspraak"
    }
}
