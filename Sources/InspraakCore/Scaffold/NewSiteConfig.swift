/// The site.toml that `inspraak init` writes: every setting the loader knows, set to its default
/// (or the given value) and explained, in the site's language. A test checks that every key of
/// `SiteConfig.knownKeys` is here.
struct NewSiteConfig {
    let site: NewSite

    var text: String {
        let nl = site.language != "en"
        func t(_ dutch: String, _ english: String) -> String { "# " + (nl ? dutch : english) }
        let defaults = SiteConfig(title: site.title, baseURL: site.baseURL)
        let lines: [String] = [
            t("Instellingen van de site. Alleen `title` en `base_url` zijn verplicht; elke andere",
              "Settings of the site. Only `title` and `base_url` are required; every other"),
            t("instelling staat hier op haar standaardwaarde, met uitleg.",
              "setting is shown here at its default value, with an explanation."),
            "",
            t("De naam van de site, bovenaan elke pagina en in de feeds.", "The site's name, at the top of every page and in the feeds."),
            "title = \(quoted(site.title))",
            t("Eén zin onder de titel en in de feeds.", "One sentence below the title and in the feeds."),
            "description = \(quoted(nl ? "Wat er gebeurt met uw inbreng" : "What happens with your input"))",
            t("Het volledige adres waar de site komt te staan (http of https), ook met een subpad zoals",
              "The full address the site is published at (http or https), also with a sub-path such as"),
            t("https://example.nl/participatie/. Feeds en de sitemap gebruiken het; `inspraak build",
              "https://example.nl/participatie/. Feeds and the sitemap use it; `inspraak build"),
            t("--base-url` vervangt het voor een voorbeeldversie.", "--base-url` replaces it for a preview."),
            "base_url = \(quoted(SiteConfig.normalisedBaseURL(site.baseURL) ?? site.baseURL))",
            t("Taal van knoppen, koppen en datums: \"nl\" of \"en\".", "Language of buttons, headings and dates: \"nl\" or \"en\"."),
            "language = \(quoted(site.language))",
            t("Tijdzone voor tijden zonder zone (zoals 19:30).", "Time zone for times without a zone (such as 19:30)."),
            "timezone = \(quoted(defaults.timezone))",
            t("Het thema: \"default\" is ingebouwd; een eigen thema staat in themes/<naam>/.",
              "The theme: \"default\" is built in; a theme of your own lives in themes/<name>/."),
            "theme = \(quoted(site.themeName ?? defaults.theme))",
            "",
            "[advice]",
            t("Aan wie een advies gericht is als het zelf geen `addressed_to` noemt.",
              "Whom an advice is addressed to when it names no `addressed_to` itself."),
            "addressed_to = \(quoted(nl ? defaults.adviceAddressedTo : "Mayor and aldermen"))",
            t("Binnen hoeveel dagen na een advies de reactie hoort te komen; daarna is het advies te laat",
              "Within how many days after an advice the response is due; after that the advice is"),
            t("beantwoord. Een advies kan zelf `response_due` noemen.", "overdue. An advice may give its own `response_due`."),
            "response_days = \(defaults.adviceResponseDays)",
            "",
            "[feedback]",
            t("Binnen hoeveel dagen na een bijeenkomst de inbreng een reactie hoort te krijgen.",
              "Within how many days after a meeting its input should have had a response."),
            "expected_days = \(defaults.feedbackExpectedDays)",
            "",
            "[feeds]",
            t("Hoeveel items de feeds hebben (de nieuwste).", "How many items the feeds hold (the newest)."),
            "limit = \(defaults.feedsLimit)",
            "",
            "[pagination]",
            t("Hoeveel records een lijstpagina toont; daarna volgen page/2/ enzovoort.",
              "How many records a list page shows; then come page/2/ and so on."),
            "size = \(defaults.paginationSize)",
            "",
            "[markdown]",
            t("HTML in de tekst van records wordt weggelaten. Zet dit alleen op true als u iedereen",
              "HTML in the text of records is left out. Set this to true only if you trust everyone"),
            t("vertrouwt die records schrijft.", "who writes records."),
            "unsafe_html = \(defaults.unsafeHTML)",
            "",
            "[formats]",
            t("Namen van soorten bijeenkomsten (het veld `format`). Het thema kent al stamtafel,",
              "Names of kinds of meeting (the field `format`). The theme already knows stamtafel,"),
            t("thematafel, adviesraad, werkbijeenkomst, inloopavond en online. Voeg eigen soorten toe",
              "thematafel, adviesraad, werkbijeenkomst, inloopavond and online. Add kinds of your own"),
            t("of geef een bestaande een andere naam, bijvoorbeeld:", "or rename one, for example:"),
            "# " + (nl ? "spreekuur = \"Spreekuur van de wethouder\"" : "surgery = \"Alderman's surgery\""),
            "",
        ]
        return lines.joined(separator: "\n")
    }
}
