import InspraakSource

/// `data/catalog.ttl` and `data/catalog.jsonld`: the DCAT-AP-NL 3.0 description of the open data
/// (one catalog, one dataset, one distribution per data file), for data.overheid.nl to harvest.
enum DataCatalog {
    struct Distribution {
        /// File name under `data/` (`meetings.csv`).
        let file: String
        let title: String
        let byteSize: Int
    }

    static let accessRightsPublic = "http://publications.europa.eu/resource/authority/access-right/PUBLIC"
    static let themeGovernment = "http://publications.europa.eu/resource/authority/data-theme/GOVE"
    static let languageDutch = "http://publications.europa.eu/resource/authority/language/NLD"
    static let languageEnglish = "http://publications.europa.eu/resource/authority/language/ENG"

    /// IANA media type and EU file type of the data files, by extension.
    static func formats(of file: String) -> (mediaType: String, fileType: String) {
        file.hasSuffix(".csv")
            ? ("https://www.iana.org/assignments/media-types/text/csv", "http://publications.europa.eu/resource/authority/file-type/CSV")
            : ("https://www.iana.org/assignments/media-types/application/json", "http://publications.europa.eu/resource/authority/file-type/JSON")
    }

    static func graph(config: RenderSettings, paths: SitePaths, today: Day, distributions: [Distribution]) -> RDFGraph {
        let data = paths.absolute("data/")
        let language = config.language == "en" ? "en" : "nl"
        let licence = OpenDataLicence.accepted[config.dataLicense] ?? OpenDataLicence.accepted["CC0-1.0"]!
        let catalog = data + "#catalog", dataset = data + "#dataset", contact = data + "#contact"
        let publisher = config.wooPublisher ?? data + "#publisher"
        let publisherName = config.publisherName
        var graph = RDFGraph()

        graph.type(catalog, "dcat:Catalog")
        graph.add(catalog, "dct:title", .text(config.title, language: language))
        graph.add(catalog, "dct:description", .text(catalogDescription(config), language: language))
        graph.add(catalog, "dct:publisher", .iri(publisher))
        graph.add(catalog, "dcat:contactPoint", .iri(contact))
        graph.add(catalog, "foaf:homepage", .iri(paths.absolute("")))
        graph.add(catalog, "dct:language", .iri(config.language == "en" ? languageEnglish : languageDutch))
        graph.add(catalog, "dct:modified", .literal(today.iso, datatype: "xsd:date"))
        graph.add(catalog, "dct:license", .iri(licence.uri))
        graph.add(catalog, "dcat:dataset", .iri(dataset))

        graph.type(dataset, "dcat:Dataset")
        graph.add(dataset, "dct:identifier", .literal(dataset, datatype: nil))
        graph.add(dataset, "dct:title", .text("Inspraak en reacties: \(config.title)", language: language))
        graph.add(dataset, "dct:description", .text(datasetDescription(config), language: language))
        graph.add(dataset, "dcat:contactPoint", .iri(contact))
        graph.add(dataset, "dct:creator", .iri(publisher))
        graph.add(dataset, "dct:publisher", .iri(publisher))
        graph.add(dataset, "dct:accessRights", .iri(accessRightsPublic))
        graph.add(dataset, "dcat:theme", .iri(themeGovernment))
        graph.add(dataset, "dct:language", .iri(config.language == "en" ? languageEnglish : languageDutch))
        graph.add(dataset, "dct:license", .iri(licence.uri))
        graph.add(dataset, "dct:modified", .literal(today.iso, datatype: "xsd:date"))
        graph.add(dataset, "dcat:landingPage", .iri(data))
        for keyword in ["inspraak", "participatie", "adviesraad"] {
            graph.add(dataset, "dcat:keyword", .text(keyword, language: "nl"))
        }

        for distribution in distributions {
            let node = data + "#" + distribution.file
            let (mediaType, fileType) = formats(of: distribution.file)
            graph.add(dataset, "dcat:distribution", .iri(node))
            graph.type(node, "dcat:Distribution")
            graph.add(node, "dct:title", .text(distribution.title, language: language))
            graph.add(node, "dcat:accessURL", .iri(data))
            graph.add(node, "dcat:downloadURL", .iri(data + distribution.file))
            graph.add(node, "dcat:mediaType", .iri(mediaType))
            graph.add(node, "dct:format", .iri(fileType))
            graph.add(node, "dcat:byteSize", .literal(String(distribution.byteSize), datatype: "xsd:nonNegativeInteger"))
            graph.add(node, "dct:license", .iri(licence.uri))
            graph.add(node, "dct:modified", .literal(today.iso, datatype: "xsd:date"))
            graph.type(mediaType, "dct:MediaType")
            graph.type(fileType, "dct:MediaTypeOrExtent")
        }

        graph.type(contact, "vcard:Kind", "vcard:Organization")
        graph.add(contact, "vcard:fn", .literal(publisherName, datatype: nil))
        graph.add(contact, "vcard:hasURL", .iri(paths.absolute("")))

        graph.type(publisher, "foaf:Agent", "foaf:Organization")
        graph.add(publisher, "foaf:name", .text(publisherName, language: language))

        graph.type(licence.uri, "dct:LicenseDocument")
        graph.type(accessRightsPublic, "dct:RightsStatement")
        graph.type(themeGovernment, "skos:Concept")
        graph.type(config.language == "en" ? languageEnglish : languageDutch, "dct:LinguisticSystem")
        graph.type(paths.absolute(""), "foaf:Document")
        graph.type(data, "foaf:Document")
        return graph
    }

    private static func catalogDescription(_ config: RenderSettings) -> String {
        config.description.isEmpty ? "Open data van \(config.title)" : config.description
    }

    private static func datasetDescription(_ config: RenderSettings) -> String {
        "Bijeenkomsten, inbrengpunten, adviezen, aanbevelingen, terugkoppelingen en elke uitkomst die de gemeente gaf, van \(config.title)."
    }
}
