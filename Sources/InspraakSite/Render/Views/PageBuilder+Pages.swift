import InspraakSource
import InspraakTemplates

/// The site's index pages: home, lists per kind, themes, a theme, open items, not found.
extension PageBuilder {
    func homePage() -> View {
        let path = SitePaths.home
        var view = frame(at: path, title: nil, description: nil, feeds: feeds(), section: nil)
        let latest = PageContents.homeLatest(graph)
        let planned = PageContents.homePlanned(graph)
        view["cardLevel"] = 3
        view["latest"] = .list(latest.map { card($0, from: path) })
        view["planned"] = .list(planned.map { card($0, from: path) })
        let overdue = graph.statuses.open.filter(\.isOverdue).count
        view["open"] = [
            "overdueCount": .number(overdue),
            "awaitingCount": .number(graph.statuses.open.count - overdue),
            "oldest": .list(PageContents.homeOldestOpen(graph).compactMap { openItem($0, from: path) }),
            "href": .text(SitePaths.relative(from: path, to: SitePaths.open)),
        ]
        view["themes"] = .list(themeSummaries(from: path))
        view["themesHref"] = .text(SitePaths.relative(from: path, to: SitePaths.themes))
        view["figures"] = figures(graph.figures(for: graph.records), id: "cijfers-site")
        view["kinds"] = .list(RecordKind.allCases.map { kind in
            [
                "label": .text(strings["kind.\(kind.rawValue)"]),
                "href": .text(SitePaths.relative(from: path, to: SitePaths.list(kind, page: 1))),
                "count": .number(graph.records.filter { $0.kind == kind }.count),
            ]
        })
        return view
    }

    /// One page of the records of one kind (`records` already newest first).
    func listPage(_ kind: RecordKind, page: Int, of records: [Record]) -> View {
        let size = config.paginationSize
        let pageCount = PageContents.pageCount(records.count, size: size)
        let path = SitePaths.list(kind, page: page)
        let label = strings["kind.\(kind.rawValue)"]
        let pageText = strings.format("page_of", ["page": String(page), "pages": String(pageCount)])
        var view = frame(at: path, title: page > 1 ? "\(label) – \(pageText)" : label, description: nil, feeds: feeds(kind: kind), section: kind.rawValue)
        view["heading"] = .text(label)
        view["cardLevel"] = 2
        view["kind"] = .text(kind.rawValue)
        let slice = PageContents.listSlice(records, page: page, size: size)
        view["records"] = .list(slice.map { card($0, from: path) })
        view["isEmpty"] = .bool(slice.isEmpty)
        view["feedHref"] = .text(SitePaths.relative(from: path, to: "\(kind.rawValue)/feed.xml"))
        view["pager"] = false
        if pageCount > 1 {
            var pager: View = ["text": .text(pageText), "previousHref": false, "nextHref": false]
            if page > 1 { pager["previousHref"] = .text(SitePaths.relative(from: path, to: SitePaths.list(kind, page: page - 1))) }
            if page < pageCount { pager["nextHref"] = .text(SitePaths.relative(from: path, to: SitePaths.list(kind, page: page + 1))) }
            view["pager"] = .object(pager)
        }
        return view
    }

    func themeSummaries(from path: String) -> [TemplateValue] {
        graph.themes.map { theme in
            let records = graph.records(inTheme: theme.slug)
            let open = graph.openItems(for: records)
            let overdue = open.filter(\.isOverdue).count
            return [
                "title": .text(theme.title),
                "description": .optional(theme.description.nonEmpty),
                "href": .text(SitePaths.relative(from: path, to: SitePaths.theme(theme.slug))),
                "count": .number(records.count),
                "countText": .text(strings.count("records_count", records.count)),
                "overdue": .number(overdue),
                "awaiting": .number(open.count - overdue),
                "hasOpen": .bool(!open.isEmpty),
                "openText": .text(strings.format("open.summary", ["overdue": String(overdue), "awaiting": String(open.count - overdue)])),
            ]
        }
    }

    func themesPage() -> View {
        let path = SitePaths.themes
        var view = frame(at: path, title: strings["kind.themes"], description: strings["themes_intro"], feeds: feeds(), section: "themes")
        view["intro"] = .text(strings["themes_intro"])
        view["themes"] = .list(themeSummaries(from: path))
        return view
    }

    func themePage(_ theme: Theme) -> View {
        let path = SitePaths.theme(theme.slug)
        var view = frame(at: path, title: theme.title, description: theme.description.isEmpty ? nil : theme.description,
                         feeds: feeds(themes: [theme.slug]), section: "themes")
        let records = graph.records(inTheme: theme.slug)
        let open = PageContents.themeOpen(graph, records: records)
        view["theme"] = [
            "title": .text(theme.title),
            "description": .optional(theme.description.nonEmpty),
            "bodyHTML": .text(texts.themes[theme.slug]?.html ?? ""),
        ]
        view["feedHref"] = .text(SitePaths.relative(from: path, to: "themes/\(theme.slug)/feed.xml"))
        view["themesHref"] = .text(SitePaths.relative(from: path, to: SitePaths.themes))
        view["figures"] = figures(graph.figures(for: records), id: "cijfers-\(theme.slug)")
        view["cardLevel"] = 4
        view["groupLevel"] = 3
        view["open"] = openGroups(open.open, inProgress: open.inProgress, implementationOverdue: open.implementationOverdue, from: path)
        view["groups"] = .list(RecordKind.allCases.compactMap { kind -> TemplateValue? in
            let group = graph.newestFirst(records.filter { $0.kind == kind })
            guard !group.isEmpty else { return nil }
            return [
                "kind": .text(kind.rawValue),
                "heading": .text(strings["kind.\(kind.rawValue)"]),
                "count": .number(group.count),
                "records": .list(group.map { card($0, from: path) }),
            ]
        })
        return view
    }

    func openPage() -> View {
        let path = SitePaths.open
        var view = frame(at: path, title: strings["kind.open"], description: strings["open.intro"], feeds: feeds(), section: "open")
        view["intro"] = .text(strings["open.intro"])
        view["groupLevel"] = 2
        view["open"] = openGroups(graph.statuses.open, inProgress: graph.statuses.inProgress,
                                  implementationOverdue: graph.statuses.implementationOverdue, from: path)
        return view
    }

    func notFoundPage() -> View {
        let path = SitePaths.notFound
        var view = frame(at: path, title: strings["not_found_title"], description: nil, feeds: feeds(), section: nil)
        view["themesHref"] = .text(paths.rooted(SitePaths.themes))
        view["openHref"] = .text(paths.rooted(SitePaths.open))
        return view
    }
}
