import InspraakTemplates
import InspraakSource
/// The councils index (`councils` template): every council with how much advice it gave and
/// how many of its points are open.
struct CouncilsPage: TemplateView {
    let context: RenderContext
    let path = SitePaths.councils

    static let keyIndex = KeyIndex<Key>()
    func value(for name: TemplateKey) -> TemplateValue? { lookUp(name) }

    enum Key: String, CaseIterable { case intro, councils }

    func value(_ key: Key) -> TemplateValue? {
        switch key {
        case .intro: return .text(context.strings["councils_intro"])
        case .councils:
            let graph = context.graph
            return .views(graph.councils.map { council in
                ThemeSummary(title: council.title, description: council.file?.description ?? "", to: SitePaths.council(council.slug),
                             records: graph.records(ofCouncil: council.slug), countKey: "advice_count", from: path, context)
            })
        }
    }
}

/// One council's page (`council` template): who it is, its figures, its open points and its
/// advice, newest first.
struct CouncilPage: TemplateView {
    let context: RenderContext
    let council: Council
    /// The council's advice, newest first.
    let records: [Record]

    init(_ context: RenderContext, council: Council) {
        self.context = context
        self.council = council
        records = context.graph.newestFirst(context.graph.records(ofCouncil: council.slug))
    }

    var path: String { SitePaths.council(council.slug) }

    var frame: PageFrame {
        PageFrame(context, at: path, title: council.title, description: council.file?.description.nonEmpty,
                  feeds: [context.siteFeed, FeedLink(title: "\(council.title) – \(context.settings.title)", path: CouncilPage.feedPath(council.slug),
                                                     paths: context.paths)],
                  section: "councils")
    }

    static func feedPath(_ slug: String) -> String { SitePaths.council(slug) + "feed.xml" }

    static let keyIndex = KeyIndex<Key>()
    func value(for name: TemplateKey) -> TemplateValue? { lookUp(name) }

    enum Key: String, CaseIterable { case council, feedHref, councilsHref, figures, cardLevel, groupLevel, open, records }

    func value(_ key: Key) -> TemplateValue? {
        switch key {
        case .council: return .view(CouncilHeader(council: council, bodyHTML: context.texts.councils[council.slug]?.html ?? ""))
        case .feedHref: return .text(SitePaths.relative(from: path, to: Self.feedPath(council.slug)))
        case .councilsHref: return .text(SitePaths.relative(from: path, to: SitePaths.councils))
        case .figures:
            return .view(FiguresView(figures: context.figureShares.value.figures(for: records), id: "cijfers-raad-\(council.slug)",
                                     strings: context.strings, adviceOnly: true))
        case .cardLevel: return .number(3)
        case .groupLevel: return .number(3)
        case .open: return .view(OpenGroupsView(context, of: records, from: path))
        case .records: return RecordCard.cards(records, from: path, context)
        }
    }
}

/// The council itself, at the top of its page: from its file, when it has one.
struct CouncilHeader: TemplateView {
    let council: Council
    let bodyHTML: String

    static let keyIndex = KeyIndex<Key>()
    func value(for name: TemplateKey) -> TemplateValue? { lookUp(name) }

    enum Key: String, CaseIterable { case title, description, bodyHTML, contact, contactHref }

    func value(_ key: Key) -> TemplateValue? {
        switch key {
        case .title: return .text(council.title)
        case .description: return .optional(council.file?.description.nonEmpty)
        case .bodyHTML: return .text(bodyHTML)
        case .contact: return .optional(council.file?.contact)
        case .contactHref: return .optional(council.file?.contact.flatMap(Self.href))
        }
    }

    /// An e-mail address becomes a `mailto:` link, a web address a link; other text stays text.
    static func href(_ contact: String) -> String? {
        if !contact.contains(" "), !contact.contains(":"), contact.contains("@") { return LinkTarget.checked("mailto:" + contact) }
        guard contact.hasPrefix("https://") || contact.hasPrefix("http://") || contact.hasPrefix("mailto:") else { return nil }
        return LinkTarget.checked(contact)
    }
}
