/// The site's index pages: home, lists per kind, themes, a theme, open items, not found.
extension PageBuilder {
    static let homeLatestCount = 10
    static let homeOpenCount = 5

    func homePage() -> [String: Any] {
        let path = SitePaths.home
        var view = frame(at: path, title: nil, description: nil, feeds: feeds(), section: nil)
        let latest = graph.newestFirst(graph.records.filter { $0.date.day <= graph.today }).prefix(Self.homeLatestCount)
        let planned = graph.records.filter { $0.date.day > graph.today && !($0.meeting?.cancelled ?? false) }
            .sorted { ($0.date.epochSeconds, $0.id) < ($1.date.epochSeconds, $1.id) }
        view["cardLevel"] = 3
        view["latest"] = latest.map { card($0, from: path) }
        view["planned"] = planned.map { card($0, from: path) }
        let overdue = graph.statuses.open.filter(\.isOverdue).count
        var openSummary: [String: Any] = [
            "overdueCount": overdue,
            "awaitingCount": graph.statuses.open.count - overdue,
        ]
        openSummary["oldest"] = graph.statuses.open.prefix(Self.homeOpenCount).compactMap { openItem($0, from: path) }
        openSummary["href"] = SitePaths.relative(from: path, to: SitePaths.open)
        view["open"] = openSummary
        view["themes"] = themeSummaries(from: path)
        view["themesHref"] = SitePaths.relative(from: path, to: SitePaths.themes)
        view["figures"] = figures(graph.figures(for: graph.records), id: "cijfers-site")
        view["kinds"] = RecordKind.allCases.map { kind in
            [
                "label": strings["kind.\(kind.rawValue)"],
                "href": SitePaths.relative(from: path, to: SitePaths.list(kind, page: 1)),
                "count": graph.records.filter { $0.kind == kind }.count,
            ] as [String: Any]
        }
        return view
    }

    /// One page of the records of one kind (`records` already newest first).
    func listPage(_ kind: RecordKind, page: Int, of records: [Record]) -> [String: Any] {
        let size = config.paginationSize
        let pageCount = Self.pageCount(records.count, size: size)
        let path = SitePaths.list(kind, page: page)
        let label = strings["kind.\(kind.rawValue)"]
        let pageText = strings.format("page_of", ["page": String(page), "pages": String(pageCount)])
        var view = frame(at: path, title: page > 1 ? "\(label) – \(pageText)" : label, description: nil, feeds: feeds(kind: kind), section: kind.rawValue)
        view["heading"] = label
        view["cardLevel"] = 2
        view["kind"] = kind.rawValue
        let slice = records.dropFirst((page - 1) * size).prefix(size)
        view["records"] = slice.map { card($0, from: path) }
        view["isEmpty"] = slice.isEmpty
        view["feedHref"] = SitePaths.relative(from: path, to: "\(kind.rawValue)/feed.xml")
        if pageCount > 1 {
            var pager: [String: Any] = ["text": pageText]
            if page > 1 { pager["previousHref"] = SitePaths.relative(from: path, to: SitePaths.list(kind, page: page - 1)) }
            if page < pageCount { pager["nextHref"] = SitePaths.relative(from: path, to: SitePaths.list(kind, page: page + 1)) }
            view["pager"] = pager
        }
        return view
    }

    static func pageCount(_ count: Int, size: Int) -> Int { max(1, (count + size - 1) / size) }

    func themeSummaries(from path: String) -> [[String: Any]] {
        graph.themes.map { theme in
            let records = graph.records(inTheme: theme.slug)
            let open = graph.openItems(for: records)
            return [
                "title": theme.title,
                "description": theme.description.nonEmpty as Any,
                "href": SitePaths.relative(from: path, to: SitePaths.theme(theme.slug)),
                "count": records.count,
                "countText": strings.count("records_count", records.count),
                "overdue": open.filter(\.isOverdue).count,
                "awaiting": open.filter { !$0.isOverdue }.count,
                "hasOpen": !open.isEmpty,
                "openText": strings.format("open.summary", ["overdue": String(open.filter(\.isOverdue).count), "awaiting": String(open.filter { !$0.isOverdue }.count)]),
            ]
        }
    }

    func themesPage() -> [String: Any] {
        let path = SitePaths.themes
        var view = frame(at: path, title: strings["kind.themes"], description: strings["themes_intro"], feeds: feeds(), section: "themes")
        view["intro"] = strings["themes_intro"]
        view["themes"] = themeSummaries(from: path)
        return view
    }

    func themePage(_ theme: Theme) -> [String: Any] {
        let path = SitePaths.theme(theme.slug)
        var view = frame(at: path, title: theme.title, description: theme.description.isEmpty ? nil : theme.description,
                         feeds: feeds(themes: [theme.slug]), section: "themes")
        let records = graph.records(inTheme: theme.slug)
        let ids = Set(records.map(\.id))
        let inProgress = graph.statuses.inProgress.filter { ids.contains($0.key.record) }
        view["theme"] = [
            "title": theme.title,
            "description": theme.description.nonEmpty as Any,
            "bodyHTML": texts.themes[theme.slug]?.html ?? "",
        ]
        view["feedHref"] = SitePaths.relative(from: path, to: "themes/\(theme.slug)/feed.xml")
        view["themesHref"] = SitePaths.relative(from: path, to: SitePaths.themes)
        view["figures"] = figures(graph.figures(for: records), id: "cijfers-\(theme.slug)")
        view["cardLevel"] = 4
        view["groupLevel"] = 3
        view["open"] = openGroups(graph.openItems(for: records), inProgress: inProgress, from: path)
        view["groups"] = RecordKind.allCases.compactMap { kind -> [String: Any]? in
            let group = graph.newestFirst(records.filter { $0.kind == kind })
            guard !group.isEmpty else { return nil }
            return [
                "kind": kind.rawValue,
                "heading": strings["kind.\(kind.rawValue)"],
                "count": group.count,
                "records": group.map { card($0, from: path) },
            ]
        }
        return view
    }

    func openPage() -> [String: Any] {
        let path = SitePaths.open
        var view = frame(at: path, title: strings["kind.open"], description: strings["open.intro"], feeds: feeds(), section: "open")
        view["intro"] = strings["open.intro"]
        view["groupLevel"] = 2
        view["open"] = openGroups(graph.statuses.open, inProgress: graph.statuses.inProgress, from: path)
        return view
    }

    func notFoundPage() -> [String: Any] {
        let path = SitePaths.notFound
        var view = frame(at: path, title: strings["not_found_title"], description: nil, feeds: feeds(), section: nil)
        view["themesHref"] = paths.rooted(SitePaths.themes)
        view["openHref"] = paths.rooted(SitePaths.open)
        return view
    }
}
