/// The licences `[data] license` may name: SPDX ids of the open licences DCAT-AP-NL 3.0 takes
/// for `dct:license`, which points at the EU Vocabularies licence list. Here with the config
/// that checks the id; the site target writes the catalog and data files that name the licence.
package enum OpenDataLicence {
    package struct Licence: Sendable {
        /// In the EU licence authority list (`dct:license` of the catalog).
        package let uri: String
        /// The licence text people read.
        package let page: String
        package let name: String
    }

    package static let accepted: [String: Licence] = [
        "CC0-1.0": Licence(uri: "http://publications.europa.eu/resource/authority/licence/CC0",
                           page: "https://creativecommons.org/publicdomain/zero/1.0/deed.nl",
                           name: "CC0 1.0 Universeel (publiek domein)"),
        "CC-BY-4.0": Licence(uri: "http://publications.europa.eu/resource/authority/licence/CC_BY_4_0",
                             page: "https://creativecommons.org/licenses/by/4.0/deed.nl",
                             name: "Creative Commons Naamsvermelding 4.0"),
        "CC-BY-SA-4.0": Licence(uri: "http://publications.europa.eu/resource/authority/licence/CC_BYSA_4_0",
                                page: "https://creativecommons.org/licenses/by-sa/4.0/deed.nl",
                                name: "Creative Commons Naamsvermelding-GelijkDelen 4.0"),
    ]
}
