import InspraakSource

/// The site's records as open-data tables, one row per record, item or outcome given, sorted by
/// id (items in the order written), so anyone can recompute the figures.
enum OpenDataTables {
    typealias Column = DataTable.Column
    typealias Value = DataTable.Value

    /// The tables, made side by side on all cores.
    static func all(_ graph: SiteGraph, paths: SitePaths) -> [DataTable] {
        let makers: [@Sendable () -> DataTable] = [{ meetings(graph, paths) }, { inputPoints(graph, paths) }, { advice(graph, paths) },
                                                   { recommendations(graph, paths) }, { feedback(graph, paths) }, { answers(graph) }]
        return makers.parallelMap { $0() }
    }

    private static func text(_ value: String?) -> Value { value.map(Value.text) ?? .none }

    private static func url(_ record: Record, _ paths: SitePaths, item: String? = nil) -> Value {
        .text(paths.absolute(SitePaths.record(record)) + (item.map { "#\($0)" } ?? ""))
    }

    private static func themes(_ graph: SiteGraph, _ record: Record) -> Value {
        let slugs = graph.themesOf[record.id, default: []]
        return slugs.isEmpty ? .none : .text(slugs.joined(separator: " "))
    }

    private static let idColumn = Column(name: "id", datatype: "string", required: true, description: "Kenmerk van het record (de mapnaam of bestandsnaam, ook in de URL).")
    private static let titleColumn = Column(name: "title", datatype: "string", required: true, description: "Titel.")
    private static let dateColumn = Column(name: "date", datatype: "date", required: true, description: "Datum (JJJJ-MM-DD).")
    private static let themesColumn = Column(name: "themes", datatype: "string", required: false, description: "Thema's (slugs, gescheiden door een spatie).")
    private static let summaryColumn = Column(name: "summary", datatype: "string", required: false, description: "Samenvatting (Markdown, zoals geschreven).")
    private static let urlColumn = Column(name: "url", datatype: "anyURI", required: true, description: "Adres van de pagina op de site.")

    static func meetings(_ graph: SiteGraph, _ paths: SitePaths) -> DataTable {
        let rows: [[Value]] = graph.records.compactMap { record in
            guard let meeting = record.meeting else { return nil }
            return [.text(record.id), .text(record.title), .text(record.date.day.iso), text(record.date.isoDateTime),
                    text(meeting.end?.isoDateTime), text(meeting.format), text(meeting.place), .boolean(meeting.cancelled),
                    meeting.attendees.map(Value.integer) ?? .none, .integer(meeting.input.count), themes(graph, record),
                    text(record.summary), url(record, paths)]
        }
        return DataTable(name: "meetings", title: "Bijeenkomsten", description: "Eén rij per bijeenkomst.", columns: [
            idColumn, titleColumn, dateColumn,
            Column(name: "start", datatype: "dateTime", required: false, description: "Begin met tijdzone, als een tijd is opgegeven."),
            Column(name: "end", datatype: "dateTime", required: false, description: "Einde met tijdzone, als opgegeven."),
            Column(name: "format", datatype: "string", required: false, description: "Vorm (bijvoorbeeld stamtafel)."),
            Column(name: "place", datatype: "string", required: false, description: "Plaats."),
            Column(name: "cancelled", datatype: "boolean", required: true, description: "true als de bijeenkomst is afgelast."),
            Column(name: "attendees", datatype: "integer", required: false, description: "Aantal aanwezigen, als opgegeven."),
            Column(name: "input_points", datatype: "integer", required: true, description: "Aantal inbrengpunten (zie input-points)."),
            themesColumn, summaryColumn, urlColumn,
        ], primaryKey: ["id"], foreignKeys: [], rows: rows)
    }

    static func inputPoints(_ graph: SiteGraph, _ paths: SitePaths) -> DataTable {
        itemTable(graph, paths, kind: .meetings, name: "input-points", title: "Inbrengpunten",
                  description: "Eén rij per inbrengpunt van een bijeenkomst.", owner: "meeting", ownerTable: "meetings")
    }

    static func recommendations(_ graph: SiteGraph, _ paths: SitePaths) -> DataTable {
        itemTable(graph, paths, kind: .advice, name: "recommendations", title: "Aanbevelingen",
                  description: "Eén rij per aanbeveling van een advies.", owner: "advice", ownerTable: "advice")
    }

    /// Input points and recommendations, with the outcome each stands at today.
    private static func itemTable(_ graph: SiteGraph, _ paths: SitePaths, kind: RecordKind, name: String, title: String,
                                  description: String, owner: String, ownerTable: String) -> DataTable {
        var rows: [[Value]] = []
        for record in graph.records where record.kind == kind {
            for item in record.items {
                let (status, outcome) = itemStatus(graph.statuses.items[ItemKey(record: record.id, item: item.id)])
                rows.append([.text(record.id), .text(item.id), .text(item.text), status, outcome, url(record, paths, item: item.id)])
            }
        }
        return DataTable(name: name, title: title, description: description, columns: [
            Column(name: owner, datatype: "string", required: true, description: "Kenmerk van het record (\(ownerTable).id)."),
            Column(name: "item", datatype: "string", required: true, description: "Kenmerk van het punt binnen het record."),
            Column(name: "text", datatype: "string", required: true, description: "Tekst (Markdown, zoals geschreven)."),
            Column(name: "status", datatype: "string", required: true, description: "Stand op de bouwdatum: answered, awaiting, overdue of not-expected."),
            Column(name: "outcome", datatype: "string", required: false, description: "Laatste uitkomst (zie answers), als beantwoord."),
            Column(name: "url", datatype: "anyURI", required: true, description: "Adres van het punt op de pagina."),
        ], primaryKey: [owner, "item"], foreignKeys: [.init(columns: [owner], table: ownerTable, reference: ["id"])], rows: rows)
    }

    private static func itemStatus(_ status: ItemStatus?) -> (Value, Value) {
        switch status {
        case .answered(let answer): return (.text("answered"), .text(answer.outcome.rawValue))
        case .awaiting: return (.text("awaiting"), .none)
        case .overdue: return (.text("overdue"), .none)
        case .notExpected, nil: return (.text("not-expected"), .none)
        }
    }

    static func advice(_ graph: SiteGraph, _ paths: SitePaths) -> DataTable {
        let rows: [[Value]] = graph.records.compactMap { record in
            guard let advice = record.advice else { return nil }
            return [.text(record.id), .text(record.title), .text(record.date.day.iso), .text(graph.councilName(of: record) ?? advice.council), .text(advice.addressedTo),
                    .text(advice.kind.rawValue), text(advice.requestedOn?.iso), .text(advice.responseDue.iso),
                    text(graph.statuses.advice[record.id]?.key), .integer(advice.recommendations.count),
                    themes(graph, record), text(record.summary), url(record, paths)]
        }
        return DataTable(name: "advice", title: "Adviezen", description: "Eén rij per advies.", columns: [
            idColumn, titleColumn, dateColumn,
            Column(name: "council", datatype: "string", required: true, description: "Adviesraad die het advies gaf."),
            Column(name: "addressed_to", datatype: "string", required: true, description: "Aan wie het advies is gericht."),
            Column(name: "kind", datatype: "string", required: true, description: "requested (gevraagd) of unsolicited (ongevraagd)."),
            Column(name: "requested_on", datatype: "date", required: false, description: "Datum van de adviesaanvraag, als opgegeven."),
            Column(name: "response_due", datatype: "date", required: true, description: "Uiterste datum voor de reactie."),
            Column(name: "status", datatype: "string", required: true, description: "Stand op de bouwdatum: answered, partly-answered, awaiting of overdue."),
            Column(name: "recommendations", datatype: "integer", required: true, description: "Aantal aanbevelingen (zie recommendations)."),
            themesColumn, summaryColumn, urlColumn,
        ], primaryKey: ["id"], foreignKeys: [], rows: rows)
    }

    static func feedback(_ graph: SiteGraph, _ paths: SitePaths) -> DataTable {
        let rows: [[Value]] = graph.records.compactMap { record in
            guard let feedback = record.feedback else { return nil }
            return [.text(record.id), .text(record.title), .text(record.date.day.iso), text(feedback.decision?.title),
                    text(feedback.decision?.url), themes(graph, record), text(record.summary), url(record, paths)]
        }
        return DataTable(name: "feedback", title: "Terugkoppelingen", description: "Eén rij per terugkoppeling van de gemeente.", columns: [
            idColumn, titleColumn, dateColumn,
            Column(name: "decision_title", datatype: "string", required: false, description: "Titel van het besluit, als gekoppeld."),
            Column(name: "decision_url", datatype: "anyURI", required: false, description: "Adres van het besluit, als gekoppeld."),
            themesColumn, summaryColumn, urlColumn,
        ], primaryKey: ["id"], foreignKeys: [], rows: rows)
    }

    /// One row per step a feedback gave an item: an outcome, an implementation report, or both
    /// (a ref to a whole record counts for each of its items), sorted by feedback, then the item.
    /// The latest row with an outcome per item is the outcome the figures count.
    static func answers(_ graph: SiteGraph) -> DataTable {
        var rows: [(key: ItemKey, step: HistoryStep)] = []
        for (key, history) in graph.histories {
            for step in history.steps { rows.append((key, step)) }
        }
        // Positions are sorted, not the rows: moving a step is many copies and retains.
        let order = rows.indices.sorted { a, b in
            if rows[a].step.feedback != rows[b].step.feedback { return rows[a].step.feedback < rows[b].step.feedback }
            if rows[a].key != rows[b].key { return rows[a].key < rows[b].key }
            return rows[a].step.responseIndex < rows[b].step.responseIndex
        }
        rows = order.map { rows[$0] }
        let kinds = Dictionary(graph.records.map { ($0.id, $0.kind.rawValue) }) { first, _ in first }
        return DataTable(name: "answers", title: "Uitkomsten en uitvoering", description: "Eén rij per stap die een terugkoppeling aan een inbrengpunt, aanbeveling of record gaf: een uitkomst, de stand van de uitvoering, of beide.", columns: [
            Column(name: "feedback", datatype: "string", required: true, description: "Kenmerk van de terugkoppeling (feedback.id)."),
            Column(name: "date", datatype: "date", required: true, description: "Datum van de terugkoppeling."),
            Column(name: "ref", datatype: "string", required: true, description: "Waar de stap over gaat: record#punt, of het record als het geen punten heeft."),
            Column(name: "record_kind", datatype: "string", required: true, description: "meetings of advice."),
            Column(name: "record", datatype: "string", required: true, description: "Kenmerk van de bijeenkomst of het advies."),
            Column(name: "item", datatype: "string", required: false, description: "Kenmerk van het inbrengpunt of de aanbeveling."),
            Column(name: "outcome", datatype: "string", required: false, description: "adopted, partially-adopted, not-adopted, in-progress, referred of noted; leeg als deze stap alleen over de uitvoering gaat."),
            Column(name: "implementation", datatype: "string", required: false, description: "Stand van de uitvoering van wat (deels) is overgenomen: planned, underway of done."),
            Column(name: "expected", datatype: "date", required: false, description: "Beloofde datum: van het besluit (in-progress) of van de uitvoering."),
            Column(name: "note", datatype: "string", required: false, description: "Toelichting (Markdown, zoals geschreven)."),
        ], primaryKey: [], foreignKeys: [.init(columns: ["feedback"], table: "feedback", reference: ["id"])], rows: rows.map { row in
            [.text(row.step.feedback), .text(row.step.date.day.iso),
             .text(row.key.record + (row.key.item.map { "#\($0)" } ?? "")), text(kinds[row.key.record]),
             .text(row.key.record), text(row.key.item), text(row.step.outcome?.rawValue), text(row.step.implementation?.rawValue),
             text(row.step.expected?.iso), text(row.step.note)]
        })
    }
}
