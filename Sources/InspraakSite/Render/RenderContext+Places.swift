import InspraakTemplates
import InspraakSource

extension RenderContext {
    /// The links to the places a record names (`ThemeLink`s), from the page at `path`.
    func placeLinks(_ record: Record, from path: String) -> TemplateValue {
        guard !record.places.isEmpty else { return .list([]) }
        return .views(graph.places(of: record).map { ThemeLink(title: $0.title, href: SitePaths.relative(from: path, to: SitePaths.place($0.slug))) })
    }

    /// The link to an advice's council page (a `ThemeLink`); nil for other records.
    func councilLink(_ record: Record, from path: String) -> ThemeLink? {
        graph.council(of: record).map { ThemeLink(title: $0.title, href: SitePaths.relative(from: path, to: SitePaths.council($0.slug))) }
    }
}
