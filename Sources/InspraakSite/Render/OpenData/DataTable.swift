import InspraakSource

/// One open-data table: its columns (the data dictionary) and its rows, written as CSV and JSON.
struct DataTable: Sendable {
    enum Value: Sendable {
        case text(String)
        case integer(Int)
        case boolean(Bool)
        case none

        var csv: String {
            switch self {
            case .text(let text): return text
            case .integer(let number): return String(number)
            case .boolean(let flag): return flag ? "true" : "false"
            case .none: return ""
            }
        }

        var json: JSONText {
            switch self {
            case .text(let text): return .string(text)
            case .integer(let number): return .number(number)
            case .boolean(let flag): return .bool(flag)
            case .none: return .null
            }
        }

        /// As `json` writes it, without making a `JSONText` (a boxed value per field).
        func writeJSON(into out: inout [UInt8]) {
            switch self {
            case .text(let text): JSONText.writeString(text, into: &out)
            case .integer(let number): out.append(contentsOf: String(number).utf8)
            case .boolean(let flag): out.append(contentsOf: (flag ? "true" : "false").utf8)
            case .none: out.append(contentsOf: "null".utf8)
            }
        }
    }

    struct Column: Sendable {
        let name: String
        /// A CSVW / XML Schema datatype: string, date, dateTime, integer, boolean, anyURI.
        let datatype: String
        let required: Bool
        /// Dutch, for the README and the CSVW `dc:description`.
        let description: String
    }

    struct ForeignKey: Sendable {
        let columns: [String]
        let table: String
        let reference: [String]
    }

    /// File name without extension (`input-points`).
    let name: String
    let title: String
    let description: String
    let columns: [Column]
    let primaryKey: [String]
    let foreignKeys: [ForeignKey]
    let rows: [[Value]]

    /// Past this many bytes, `writeCSV` and `writeJSON` hand what they wrote to `spill`.
    static let spillSize = 1 << 18

    /// As CSV, written straight into bytes (no string per field or row).
    var csv: [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(rows.count * 96)
        writeCSV(into: &out)
        return out
    }

    /// The same after what `out` holds; with `spill`, handed to it in pieces as it is written
    /// (each then emptied from `out`), so a table of megabytes is never held whole.
    func writeCSV(into out: inout [UInt8], spill: ((inout [UInt8]) -> Void)? = nil) {
        CSVText.write(record: columns.lazy.map(\.name), into: &out)
        for row in rows {
            CSVText.write(record: row.lazy.map(\.csv), into: &out)
            if let spill, out.count >= Self.spillSize { spill(&out) }
        }
    }

    /// As pretty JSON (an array of objects, two spaces per level, as `JSONText.pretty`), written
    /// straight into bytes: a table as `JSONText` values is an allocation per field.
    var json: [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(rows.count * 256)
        writeJSON(into: &out)
        return out
    }

    /// The same after what `out` holds, with `spill` as for `writeCSV`.
    func writeJSON(into out: inout [UInt8], spill: ((inout [UInt8]) -> Void)? = nil) {
        guard !rows.isEmpty else { return out.append(contentsOf: "[]\n".utf8) }
        // Each column's `,\n    "name": ` (no comma before the first).
        let keys = columns.enumerated().map { index, column -> [UInt8] in
            var key: [UInt8] = Array((index > 0 ? ",\n    " : "    ").utf8)
            JSONText.writeString(column.name, into: &key)
            key.append(contentsOf: ": ".utf8)
            return key
        }
        out.append(contentsOf: "[\n".utf8)
        for (index, row) in rows.enumerated() {
            if let spill, out.count >= Self.spillSize { spill(&out) }
            out.append(contentsOf: (index > 0 ? ",\n  " : "  ").utf8)
            if row.isEmpty || columns.isEmpty {
                out.append(contentsOf: "{}".utf8)
                continue
            }
            out.append(contentsOf: "{\n".utf8)
            for (key, value) in zip(keys, row) {
                out.append(contentsOf: key)
                value.writeJSON(into: &out)
            }
            out.append(contentsOf: "\n  }".utf8)
        }
        out.append(contentsOf: "\n]\n".utf8)
    }
}

extension Moment {
    /// `2019-05-14T19:30:00+02:00`; nil for a date without a time.
    var isoDateTime: String? {
        guard let minutes else { return nil }
        let offset = offsetSeconds
        let zone = (offset < 0 ? "-" : "+") + Day.pad(abs(offset) / 3600, 2) + ":" + Day.pad(abs(offset) % 3600 / 60, 2)
        return "\(day.iso)T\(Day.pad(minutes / 60, 2)):\(Day.pad(minutes % 60, 2)):00\(zone)"
    }

    /// A full date-time, midnight when no time was written (DiWoo's `atTime` needs one).
    var isoDateTimeOrMidnight: String {
        isoDateTime ?? Moment(day: day, minutes: 0, offsetSeconds: offsetSeconds).isoDateTime!
    }
}
