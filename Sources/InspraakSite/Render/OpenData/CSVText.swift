/// RFC 4180 CSV: CRLF after every record, a field quoted when it holds `,` `"` CR or LF,
/// quotes inside doubled. UTF-8 without a byte-order mark.
enum CSVText {
    static func field(_ text: String) -> String {
        var out: [UInt8] = []
        write(field: text, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    static func table(header: [String], rows: [[String]]) -> String {
        var out: [UInt8] = []
        write(record: header, into: &out)
        for row in rows { write(record: row, into: &out) }
        return String(decoding: out, as: UTF8.self)
    }

    /// Written as bytes: an open-data table is tens of thousands of fields.
    static func write(field text: String, into out: inout [UInt8]) {
        var text = text
        text.withUTF8 { bytes in
            guard bytes.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else {
                out.append(contentsOf: bytes)
                return
            }
            out.append(0x22)
            for byte in bytes {
                if byte == 0x22 { out.append(0x22) }
                out.append(byte)
            }
            out.append(0x22)
        }
    }

    static func write(record fields: some Sequence<String>, into out: inout [UInt8]) {
        for (index, field) in fields.enumerated() {
            if index > 0 { out.append(0x2C) }
            write(field: field, into: &out)
        }
        out.append(contentsOf: [0x0D, 0x0A])
    }
}
