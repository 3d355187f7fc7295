import InspraakSource

/// `data/<name>.csv-metadata.json`: the W3C CSVW description of one CSV file (columns, types,
/// keys), so a CSVW tool can read the file with its types.
enum CSVWMetadata {
    static func json(_ table: DataTable, licence: OpenDataLicence.Licence) -> String {
        var schema: [(String, JSONText)] = [
            ("columns", .array(table.columns.map { column in
                .object([("name", .string(column.name)), ("titles", .string(column.name)),
                         ("datatype", .string(column.datatype)), ("required", .bool(column.required)),
                         ("dc:description", .string(column.description))])
            })),
        ]
        if !table.primaryKey.isEmpty {
            schema.append(("primaryKey", key(table.primaryKey)))
        }
        if !table.foreignKeys.isEmpty {
            schema.append(("foreignKeys", .array(table.foreignKeys.map { foreign in
                .object([("columnReference", key(foreign.columns)),
                         ("reference", .object([("resource", .string(foreign.table + ".csv")), ("columnReference", key(foreign.reference))]))])
            })))
        }
        return JSONText.object([
            ("@context", .string("http://www.w3.org/ns/csvw")),
            ("url", .string(table.name + ".csv")),
            ("dc:title", .string(table.title)),
            ("dc:description", .string(table.description)),
            ("dc:license", .object([("@id", .string(licence.uri))])),
            ("dialect", .object([("header", .bool(true)), ("encoding", .string("utf-8")), ("lineTerminators", .array([.string("\r\n")]))])),
            ("tableSchema", .object(schema)),
        ]).pretty() + "\n"
    }

    private static func key(_ columns: [String]) -> JSONText {
        columns.count == 1 ? .string(columns[0]) : .array(columns.map(JSONText.string))
    }
}
