/// Atom 1.0 (RFC 4287) beside every RSS feed, with the same items: the page's URL as the feed's
/// stable id, each record's URL as the entry's.
extension RSSFeed {
    func atom(_ context: RenderContext, into out: inout [UInt8]) {
        let base = channel(context)
        let channel = SyndicationXML.Channel(title: base.title, description: base.description, language: base.language,
                                             pageURL: base.pageURL, selfURL: context.paths.absolute(atomPath), atomID: base.atomID,
                                             siteTitle: base.siteTitle, homeURL: base.homeURL, today: base.today)
        SyndicationXML.atom(channel, entries(context), into: &out)
    }
}
