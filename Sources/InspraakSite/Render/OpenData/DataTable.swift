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

    var csv: String {
        CSVText.table(header: columns.map(\.name), rows: rows.map { $0.map(\.csv) })
    }

    var json: String {
        JSONText.array(rows.map { row in
            .object(zip(columns, row).map { ($0.name, $1.json) })
        }).pretty() + "\n"
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
