import InspraakTemplates
import InspraakSource
/// Every view type a template can see, by its Swift name, with its names: what `docs/themes.md`
/// documents, table by table (`ThemeContractTests` compares the two in both directions).
enum ThemeContract {
    /// The page kinds' own views; each page also has the frame's names (`PageFrame`).
    static let pages: [(type: String, template: String, keys: [String])] = [
        ("HomePage", "home", HomePage.keys),
        ("ListPage", "list", ListPage.keys),
        ("RecordPage", "record", RecordPage.keys),
        ("ThemesPage", "themes", ThemesPage.keys),
        ("ThemePage", "theme", ThemePage.keys),
        ("CouncilsPage", "councils", CouncilsPage.keys),
        ("CouncilPage", "council", CouncilPage.keys),
        ("PlacesPage", "places", PlacesPage.keys),
        ("PlacePage", "place", PlacePage.keys),
        ("OpenPage", "open", OpenPage.keys),
        ("AccessibilityPage", "accessibility", AccessibilityPage.keys),
        ("DataPage", "data", DataPage.keys),
        ("NotFoundPage", "404", NotFoundPage.keys),
    ]

    /// The frame and the parts pages are made of.
    static let parts: [(type: String, keys: [String])] = [
        ("PageFrame", PageFrame.keys),
        ("NavEntry", NavEntry.keys),
        ("StylesheetLink", StylesheetLink.keys),
        ("FeedLink", FeedLink.keys),
        ("ChangeFeedLink", ChangeFeedLink.keys),
        ("CalendarLinks", CalendarLinks.keys),
        ("FollowLink", FollowLink.keys),
        ("TimeView", TimeView.keys),
        ("ThemeLink", ThemeLink.keys),
        ("StatusBadge", StatusBadge.keys),
        ("BadgeLabel", BadgeLabel.keys),
        ("RecordCard", RecordCard.keys),
        ("HomeOpen", HomeOpen.keys),
        ("KindLink", KindLink.keys),
        ("Pager", Pager.keys),
        ("ThemeSummary", ThemeSummary.keys),
        ("ThemeHeader", ThemeHeader.keys),
        ("CouncilHeader", CouncilHeader.keys),
        ("KindGroup", KindGroup.keys),
        ("FiguresView", FiguresView.keys),
        ("FigureRow", FigureRow.keys),
        ("ChartBar", ChartBar.keys),
        ("OpenGroupsView", OpenGroupsView.keys),
        ("OpenGroup", OpenGroup.keys),
        ("OpenItemView", OpenItemView.keys),
        ("ItemStatusView", ItemStatusView.keys),
        ("HistoryStepView", HistoryStepView.keys),
        ("RecordView", RecordView.keys),
        ("MetaRow", MetaRow.keys),
        ("DocumentLink", DocumentLink.keys),
        ("RecordReference", RecordReference.keys),
        ("TrailGapStep", TrailGapStep.keys),
        ("TrailGap", TrailGap.keys),
        ("FollowGroup", FollowGroup.keys),
        ("ItemsSection", ItemsSection.keys),
        ("ItemView", ItemView.keys),
        ("ResponseView", ResponseView.keys),
        ("LaterStateView", LaterStateView.keys),
        ("DecisionView", DecisionView.keys),
        ("ChangeLogEntry", ChangeLogEntry.keys),
        ("DataTableLink", DataTableLink.keys),
    ]
}
