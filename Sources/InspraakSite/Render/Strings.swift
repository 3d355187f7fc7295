import InspraakSource
import InspraakTemplates

/// The theme's UI strings for the site's language, with the few rules of Dutch and English
/// that templates cannot express (plurals, placeholders, dates).
public struct Strings: Sendable {
    let table: [String: String]
    let language: String
    let months: [String]
    let monthsShort: [String]
    let weekdaysShort: [String]

    init(_ table: [String: String], language: String) {
        self.table = table
        self.language = language
        months = (table["date.months"] ?? "").split(separator: " ").map(String.init)
        monthsShort = (table["date.months_short"] ?? "").split(separator: " ").map(String.init)
        weekdaysShort = (table["date.weekdays_short"] ?? "").split(separator: " ").map(String.init)
    }

    /// The string, or its key when the theme lacks it (visible, so it gets noticed and fixed).
    subscript(key: String) -> String { table[key] ?? key }

    /// `{name}` placeholders filled in.
    /// One pass: a value that itself contains `{…}` is left as it is.
    func format(_ key: String, _ values: KeyValuePairs<String, String>) -> String {
        Self.fill(self[key], values, count: nil)
    }

    /// `key.zero` (when present), `key.one` or `key.other`, with `{n}` filled in.
    func count(_ key: String, _ n: Int, _ values: KeyValuePairs<String, String> = [:]) -> String {
        let form = n == 0 && table[key + ".zero"] != nil ? ".zero" : (n == 1 ? ".one" : ".other")
        return Self.fill(self[key + form], values, count: String(n))
    }

    /// The placeholders of `text` filled from `values`, then `{n}` from `count`; a name neither
    /// has stays as written. On the UTF-8 bytes (braces are ASCII): status changes alone fill
    /// tens of thousands of strings, and a search by Character, a dictionary of values and
    /// appends of substrings made each fill cost thousands of instructions.
    private static func fill(_ text: String, _ values: KeyValuePairs<String, String>, count: String?) -> String {
        var text = text
        let filled = text.withUTF8 { bytes -> [UInt8]? in
            guard var open = bytes.firstIndex(of: UInt8(ascii: "{")) else { return nil }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + 64)
            var copied = 0
            while true {
                guard let close = bytes[open...].firstIndex(of: UInt8(ascii: "}")) else { break }
                let name = UnsafeBufferPointer(rebasing: bytes[(open + 1)..<close])
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<open]))
                if let value = value(named: name, in: values, count: count) {
                    out.append(contentsOf: value.utf8)
                } else {
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[open...close]))
                }
                copied = close + 1
                guard let next = bytes[copied...].firstIndex(of: UInt8(ascii: "{")) else { break }
                open = next
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied...]))
            return out
        }
        return filled.map { String(decoding: $0, as: UTF8.self) } ?? text
    }

    private static func value(named name: UnsafeBufferPointer<UInt8>, in values: KeyValuePairs<String, String>, count: String?) -> String? {
        for (key, value) in values where key.utf8.elementsEqual(name) { return value }
        if let count, name.count == 1, name[0] == UInt8(ascii: "n") { return count }
        return nil
    }

    /// The strings as nested dictionaries, for templates: `{{t.kind.meetings}}`.
    func templateTree() -> TemplateValue {
        var root: TemplateValue = [:]
        for (key, value) in table.sorted(by: { $0.key < $1.key }) {
            Self.insert(value, at: key.split(separator: ".").map(String.init)[...], into: &root)
        }
        return root
    }

    private static func insert(_ value: String, at path: ArraySlice<String>, into tree: inout TemplateValue) {
        guard let first = path.first else { return }
        if path.count == 1 {
            if tree[first] == nil { tree[first] = .text(value) }
            return
        }
        var child: TemplateValue = [:]
        if case .object? = tree[first] { child = tree[first]! }
        insert(value, at: path.dropFirst(), into: &child)
        tree[first] = child
    }

    // MARK: Dates, as a resident writes them

    /// "14 mei 2019" / "14 May 2019".
    func longDate(_ day: Day) -> String {
        let (year, month, date) = day.components
        guard (1000...9999).contains(year), months.indices.contains(month - 1) else {
            return "\(date) \(months.indices.contains(month - 1) ? months[month - 1] : String(month)) \(year)"
        }
        // Written in place: feeds and status changes word tens of thousands of dates.
        var name = months[month - 1]
        return name.withUTF8 { name in
            let dateDigits = date < 10 ? 1 : 2
            return String(unsafeUninitializedCapacity: dateDigits + name.count + 6) { bytes in
                Day.writeDigits(date, count: dateDigits, into: bytes, at: 0)
                bytes[dateDigits] = UInt8(ascii: " ")
                _ = UnsafeMutableBufferPointer(rebasing: bytes[(dateDigits + 1)...]).initialize(from: name)
                bytes[dateDigits + 1 + name.count] = UInt8(ascii: " ")
                Day.writeDigits(year, count: 4, into: bytes, at: dateDigits + name.count + 2)
                return dateDigits + name.count + 6
            }
        }
    }

    /// "14 mei 2019", or "di 14 mei 2019 19:30" when there is a time.
    func moment(_ moment: Moment) -> String {
        guard let minutes = moment.minutes else { return longDate(moment.day) }
        let weekday = weekdaysShort.indices.contains(moment.day.weekday) ? weekdaysShort[moment.day.weekday] + " " : ""
        return "\(weekday)\(longDate(moment.day)) \(Self.clock(minutes))"
    }

    /// "19:30".
    static func clock(_ minutes: Int) -> String {
        Day.pad(minutes / 60, 2) + ":" + Day.pad(minutes % 60, 2)
    }

    /// The `datetime` attribute of `<time>`: `2019-05-14` or `2019-05-14T19:30+02:00`.
    static func machine(_ moment: Moment) -> String {
        guard let minutes = moment.minutes else { return moment.day.iso }
        let offset = moment.offsetSeconds
        let sign = offset < 0 ? "-" : "+"
        let zone = sign + Day.pad(abs(offset) / 3600, 2) + ":" + Day.pad(abs(offset) % 3600 / 60, 2)
        return moment.day.iso + "T" + clock(minutes) + zone
    }
}
