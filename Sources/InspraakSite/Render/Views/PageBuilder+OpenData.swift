import InspraakSource
import InspraakTemplates

extension PageBuilder {
    /// `data/`: the open-data files for people who want the figures themselves, in the site's
    /// frame and language (the files and their dictionary are made by `OpenDataFiles`).
    func openDataPage() -> View {
        let path = OpenDataFiles.pagePath
        var view = frame(at: path, title: strings["data.title"], description: strings["data.intro"], feeds: feeds(), section: nil)
        let licence = OpenDataLicence.accepted[config.dataLicense] ?? OpenDataLicence.accepted["CC0-1.0"]!
        let link = { (file: String) in SitePaths.relative(from: path, to: "data/" + file) }
        view["dataTables"] = .list(OpenDataFiles.tableNames.map { name in
            ["title": .text(strings["data.table.\(name)"]), "csvHref": .text(link("\(name).csv")),
             "jsonHref": .text(link("\(name).json")), "metadataHref": .text(link("\(name).csv-metadata.json"))]
        })
        view["licenceName"] = .text(licence.name)
        view["licenceHref"] = .text(licence.page)
        view["licenceID"] = .text(config.dataLicense)
        view["readmeHref"] = .text(link("README.md"))
        view["catalogTurtleHref"] = .text(link("catalog.ttl"))
        view["catalogJSONLDHref"] = .text(link("catalog.jsonld"))
        return view
    }
}
