import InspraakSource

/// The records of a new site: one theme, one meeting, one advice built on the meeting's input
/// and one feedback that answers the advice, dated in the weeks before `today`, so the first
/// build already shows a whole trail with outcomes.
struct StarterRecords {
    struct File {
        let path: String
        let text: String
    }

    let language: String
    let today: Day

    var all: [File] { [theme, meeting, advice, feedback] }

    private var nl: Bool { language != "en" }
    private func t(_ dutch: String, _ english: String) -> String { nl ? dutch : english }

    private var themeSlug: String { t("ontmoeting", "meeting-places") }
    private var meetingDay: Day { today.adding(days: -70) }
    private var adviceDay: Day { today.adding(days: -49) }
    private var feedbackDay: Day { today.adding(days: -21) }
    private var meetingID: String { "\(meetingDay.iso)-\(t("stamtafel-ontmoeting", "open-table-meeting-places"))" }
    private var adviceID: String { "\(adviceDay.iso)-\(t("advies-ontmoetingsplekken", "advice-meeting-places"))" }
    private var feedbackID: String { "\(feedbackDay.iso)-\(t("reactie-advies-ontmoetingsplekken", "response-advice-meeting-places"))" }

    private func lines(_ lines: [String]) -> String { lines.joined(separator: "\n") + "\n" }

    var theme: File {
        File(path: "content/themes/\(themeSlug).md", text: lines([
            "---",
            "title: " + quoted(t("Ontmoeting", "Meeting places")),
            "description: " + quoted(t("Plekken en activiteiten waar inwoners elkaar treffen.", "Places and activities where residents meet.")),
            "order: 1",
            "---",
            t("Dit is een voorbeeldthema van een nieuwe site. Pas de tekst aan, of verwijder het thema samen met de voorbeeldrecords",
              "This is an example theme of a new site. Change the text, or delete the theme together with the example records"),
            t("zodra u uw eigen bijeenkomsten, adviezen en reacties toevoegt.", "once you add your own meetings, advice and responses."),
        ]))
    }

    var meeting: File {
        File(path: "content/meetings/\(meetingID).md", text: lines([
            "---",
            "title: " + quoted(t("Stamtafel ontmoeting in de buurt", "Open table on meeting places")),
            "date: \(meetingDay.iso)T19:30",
            "end: \(meetingDay.iso)T21:30",
            "format: stamtafel",
            "location: " + quoted(t("Buurthuis De Linde", "De Linde community centre")),
            "organisers: [" + quoted(t("Gemeente", "Municipality")) + "]",
            "attendees: 24",
            "themes: [\(themeSlug)]",
            "input:",
            "  - id: i1",
            "    text: " + quoted(t("Houd het buurthuis ook op zaterdag open.", "Keep the community centre open on Saturdays too.")),
            "  - id: i2",
            "    text: " + quoted(t("Zet alle activiteiten in de buurt op één plek op de website.",
                                    "Put all activities in the neighbourhood in one place on the website.")),
            "---",
            t("## Verslag", "## Report"),
            "",
            t("Vierentwintig inwoners praatten mee over plekken om elkaar te ontmoeten. De punten hierboven nam",
              "Twenty-four residents talked about places to meet each other. The adviesraad took the points"),
            t("de adviesraad mee in zijn advies.", "above into its advice."),
        ]))
    }

    var advice: File {
        File(path: "content/advice/\(adviceID).md", text: lines([
            "---",
            "title: " + quoted(t("Advies over ontmoetingsplekken", "Advice on meeting places")),
            "date: \(adviceDay.iso)",
            "council: " + quoted(t("Adviesraad Sociaal Domein", "Social Affairs Advisory Council")),
            "kind: requested",
            "requested_on: \(today.adding(days: -63).iso)",
            "themes: [\(themeSlug)]",
            "based_on:",
            "  - \"\(meetingID)#i1\"",
            "  - \"\(meetingID)#i2\"",
            "recommendations:",
            "  - id: r1",
            "    text: " + quoted(t("Open het buurthuis op zaterdagmiddag.", "Open the community centre on Saturday afternoons.")),
            "  - id: r2",
            "    text: " + quoted(t("Maak één overzicht van alle activiteiten in de buurt.", "Make one overview of all activities in the neighbourhood.")),
            "---",
            t("## Aanleiding", "## Background"),
            "",
            t("Het college vroeg de adviesraad om advies over ontmoetingsplekken. Wij gebruikten daarvoor de",
              "The municipal executive asked the council for advice on meeting places. We used what residents"),
            t("opbrengst van de stamtafel.", "said at the open table."),
        ]))
    }

    var feedback: File {
        File(path: "content/feedback/\(feedbackID).md", text: lines([
            "---",
            "title: " + quoted(t("Reactie op het advies over ontmoetingsplekken", "Response to the advice on meeting places")),
            "date: \(feedbackDay.iso)",
            "themes: [\(themeSlug)]",
            "responds_to:",
            "  - ref: \"\(adviceID)#r1\"",
            "    outcome: adopted",
            "    note: " + quoted(t("Vanaf volgende maand is het buurthuis op zaterdag van 13.00 tot 17.00 uur open.",
                                    "From next month the community centre is open on Saturdays from 1 to 5 pm.")),
            "  - ref: \"\(adviceID)#r2\"",
            "    outcome: partially-adopted",
            "    note: " + quoted(t("De website krijgt een agenda; activiteiten van verenigingen zetten die er zelf op.",
                                    "The website gets a calendar; associations add their own activities to it.")),
            "  - ref: \"\(meetingID)\"",
            "    outcome: noted",
            "    note: " + quoted(t("Deze punten zijn beantwoord via het advies van de adviesraad.",
                                    "These points were answered through the council's advice.")),
            "---",
            t("## Aan de adviesraad", "## To the council"),
            "",
            t("Dank voor uw advies. Hierboven leest u per aanbeveling wat wij ermee doen.",
              "Thank you for your advice. Above you can read what we do with each recommendation."),
        ]))
    }
}
