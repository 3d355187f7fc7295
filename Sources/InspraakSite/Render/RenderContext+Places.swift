import InspraakTemplates
import InspraakSource

extension RenderContext {
    /// The links to the places a record names (`ThemeLink`s), from the page at `path`.
    func placeLinks(_ record: Record, from path: String) -> TemplateValue {
        guard !record.places.isEmpty else { return .list([]) }
        return .views(graph.places(of: record).map { ThemeLink(title: $0.title, href: SitePaths.relative(from: path, to: SitePaths.place($0.slug))) })
    }

    /// The link to an advice's council page (a `ThemeLink`); nil for other records. Named as
    /// the council's file names it, else as this advice does (so a card depends on no other advice).
    func councilLink(_ record: Record, from path: String) -> ThemeLink? {
        guard let advice = record.advice, let council = graph.council(of: record) else { return nil }
        return ThemeLink(title: council.file?.title ?? advice.council,
                         href: SitePaths.relative(from: path, to: SitePaths.council(council.slug)))
    }
}
