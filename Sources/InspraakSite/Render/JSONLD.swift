import InspraakSource

/// schema.org data for search engines and other machines, one JSON-LD block per page: a meeting
/// is an `Event`, advice and feedback a `Report`, the home page the `WebSite`. Only what the
/// record states is said; a field without a value is left out.
enum JSONLD {
    static let context: JSONText = "https://schema.org"

    /// The block for the page of `record`.
    static func record(_ record: Record, _ context: RenderContext) -> JSONText {
        switch record.details {
        case .meeting(let meeting): return event(record, meeting: meeting, context)
        case .advice(let advice):
            return report(record, context, author: organization(context.graph.councilName(of: record) ?? advice.council),
                          basedOn: advice.basedOn.map(\.target))
        case .feedback(let feedback):
            return report(record, context, author: government(context.settings.adviceAddressedTo),
                          basedOn: feedback.responses.map(\.ref.target))
        }
    }

    /// The home page: the site, published by the municipality.
    static func website(_ settings: RenderSettings, paths: SitePaths) -> JSONText {
        var pairs: [(String, JSONText)] = [
            ("@context", context), ("@type", "WebSite"),
            ("name", .string(settings.title)),
            ("url", .string(paths.absolute(SitePaths.home))),
            ("inLanguage", .string(settings.language)),
        ]
        if !settings.description.isEmpty { pairs.append(("description", .string(settings.description))) }
        pairs.append(("publisher", government(settings.publisherName)))
        return .object(pairs)
    }

    static func event(_ record: Record, meeting: Meeting, _ context: RenderContext) -> JSONText {
        let url = context.paths.absolute(SitePaths.record(record))
        var pairs = head(record, type: "Event", url: url, context)
        pairs.append(("startDate", .string(dateTime(record.date))))
        if let end = meeting.end { pairs.append(("endDate", .string(dateTime(end)))) }
        pairs.append(("eventStatus", .string("https://schema.org/" + (meeting.cancelled ? "EventCancelled" : "EventScheduled"))))
        let online = isOnline(meeting)
        pairs.append(("eventAttendanceMode", .string("https://schema.org/" + (online ? "OnlineEventAttendanceMode" : "OfflineEventAttendanceMode"))))
        if online {
            // Where to join: the place when it is an address on the web, else the meeting's page.
            var location: [(String, JSONText)] = [("@type", "VirtualLocation")]
            if let place = meeting.place, !isURL(place) { location.append(("name", .string(place))) }
            location.append(("url", .string(meeting.place.flatMap { isURL($0) ? $0 : nil } ?? url)))
            pairs.append(("location", .object(location)))
        } else if let place = meeting.place, !place.isEmpty {
            pairs.append(("location", .object([("@type", "Place"), ("name", .string(place)), ("address", .string(place))])))
        }
        let organisers = meeting.organisers.isEmpty ? [government(context.settings.publisherName)] : meeting.organisers.map(organization)
        pairs.append(("organizer", organisers.count == 1 ? organisers[0] : .array(organisers)))
        return .object(pairs)
    }

    private static func report(_ record: Record, _ context: RenderContext, author: JSONText, basedOn targets: [String]) -> JSONText {
        let url = context.paths.absolute(SitePaths.record(record))
        var pairs = head(record, type: "Report", url: url, context)
        pairs.append(("datePublished", .string(dateTime(record.date))))
        if let updated = record.updated { pairs.append(("dateModified", .string(updated.iso))) }
        pairs.append(("author", author))
        pairs.append(("publisher", government(context.settings.publisherName)))
        var seen = Set<String>()
        let urls = targets.compactMap { context.graph.record($0) }.filter { seen.insert($0.id).inserted }
            .map { JSONText.string(context.paths.absolute(SitePaths.record($0))) }
        if !urls.isEmpty { pairs.append(("isBasedOn", .array(urls))) }
        return .object(pairs)
    }

    private static func head(_ record: Record, type: JSONText, url: String, _ context: RenderContext) -> [(String, JSONText)] {
        var pairs: [(String, JSONText)] = [("@context", Self.context), ("@type", type), ("@id", .string(url)),
                                           ("name", .string(record.title)), ("url", .string(url)),
                                           ("inLanguage", .string(context.settings.language))]
        if let summary = context.texts.records[record.id]?.summaryText, !summary.isEmpty {
            pairs.append(("description", .string(summary)))
        }
        return pairs
    }

    /// `2019-03-19T19:30:00+01:00` (ISO 8601 with seconds and offset), or `2019-03-19` for a date.
    static func dateTime(_ moment: Moment) -> String {
        moment.minutes == nil ? moment.day.iso : RFC3339.format(moment)
    }

    private static func organization(_ name: String) -> JSONText {
        .object([("@type", "Organization"), ("name", .string(name))])
    }

    private static func government(_ name: String) -> JSONText {
        .object([("@type", "GovernmentOrganization"), ("name", .string(name))])
    }

    /// Online when its format says so or its place is a web address.
    static func isOnline(_ meeting: Meeting) -> Bool {
        meeting.format == "online" || meeting.place.map(isURL) == true
    }

    private static func isURL(_ text: String) -> Bool {
        let lower = text.lowercased()
        return lower.hasPrefix("https://") || lower.hasPrefix("http://")
    }
}
