/// Which records each place has: only those that name it (places are not inherited).
enum PlaceAssignment {
    static func assign(_ records: [Record], places: [Place]) -> (members: [String: [Int]], [Diagnostic]) {
        var diagnostics = DefinitionFiles.duplicates(places.map { ($0.slug, $0.location) }, folder: "places")
        let known = Set(places.map(\.slug))
        let sortedKnown = known.sorted()
        var members: [String: [Int]] = [:]
        for (index, record) in records.enumerated() {
            var seen = Set<String>()
            for slug in record.places where seen.insert(slug).inserted {
                guard known.contains(slug) else {
                    diagnostics.append(.error(record.placesLocation, GraphMessage.undefinedPlace(slug),
                                              hint: Message.didYouMean(slug, among: sortedKnown)))
                    continue
                }
                members[slug, default: []].append(index)
            }
        }
        return (members, diagnostics)
    }
}
