import InspraakTemplates
import InspraakSource
/// The places index (`places` template): every village or ward with its records and open points.
struct PlacesPage: TemplateView {
    let context: RenderContext
    let path = SitePaths.places

    static let keyIndex = KeyIndex<Key>()
    func value(for name: TemplateKey) -> TemplateValue? { lookUp(name) }

    enum Key: String, CaseIterable { case intro, places }

    func value(_ key: Key) -> TemplateValue? {
        switch key {
        case .intro: return .text(context.strings["places_intro"])
        case .places:
            let graph = context.graph
            return .views(graph.places.map { place in
                ThemeSummary(title: place.title, description: place.description, to: SitePaths.place(place.slug),
                             records: graph.records(inPlace: place.slug), from: path, context)
            })
        }
    }
}

/// One place's page (`place` template): its text, open points, figures and records by kind.
struct PlacePage: TemplateView {
    let context: RenderContext
    let place: Place
    /// The records that name the place.
    let records: [Record]

    init(_ context: RenderContext, place: Place) {
        self.context = context
        self.place = place
        records = context.graph.records(inPlace: place.slug)
    }

    var path: String { SitePaths.place(place.slug) }

    var frame: PageFrame {
        PageFrame(context, at: path, title: place.title, description: place.description.nonEmpty,
                  feeds: [context.siteFeed, FeedLink(title: "\(place.title) – \(context.settings.title)", path: Self.feedPath(place.slug),
                                                     paths: context.paths)],
                  section: "places")
    }

    static func feedPath(_ slug: String) -> String { SitePaths.place(slug) + "feed.xml" }

    static let keyIndex = KeyIndex<Key>()
    func value(for name: TemplateKey) -> TemplateValue? { lookUp(name) }

    enum Key: String, CaseIterable { case place, feedHref, placesHref, figures, cardLevel, groupLevel, open, groups }

    func value(_ key: Key) -> TemplateValue? {
        let graph = context.graph
        switch key {
        case .place:
            return .view(ThemeHeader(title: place.title, description: place.description, bodyHTML: context.texts.places[place.slug]?.html ?? ""))
        case .feedHref: return .text(SitePaths.relative(from: path, to: Self.feedPath(place.slug)))
        case .placesHref: return .text(SitePaths.relative(from: path, to: SitePaths.places))
        case .figures: return .view(FiguresView(figures: context.figureShares.value.figures(for: records), id: "cijfers-plaats-\(place.slug)", strings: context.strings))
        case .cardLevel: return .number(4)
        case .groupLevel: return .number(3)
        case .open: return .view(OpenGroupsView(context, of: records, from: path))
        case .groups: return .views(KindGroup.groups(records, context, from: path))
        }
    }
}
