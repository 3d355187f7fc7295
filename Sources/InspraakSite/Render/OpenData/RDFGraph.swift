/// A small RDF graph written as Turtle and as JSON-LD from the same triples, so both files
/// describe the same graph by construction.
struct RDFGraph: Sendable {
    enum Object: Sendable, Hashable {
        case iri(String)
        case literal(String, datatype: String?)
        case text(String, language: String)
    }

    /// Prefixes used to write names short, longest namespace first when matching.
    static let prefixes: [(String, String)] = [
        ("dcat", "http://www.w3.org/ns/dcat#"),
        ("dct", "http://purl.org/dc/terms/"),
        ("foaf", "http://xmlns.com/foaf/0.1/"),
        ("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"),
        ("skos", "http://www.w3.org/2004/02/skos/core#"),
        ("vcard", "http://www.w3.org/2006/vcard/ns#"),
        ("xsd", "http://www.w3.org/2001/XMLSchema#"),
    ]

    /// Subjects in the order first given, each with its predicate-object pairs in order.
    private(set) var subjects: [String] = []
    private(set) var statements: [String: [(String, Object)]] = [:]

    mutating func add(_ subject: String, _ predicate: String, _ object: Object) {
        let predicate = RDFGraph.expand(predicate)
        if statements[subject] == nil { subjects.append(subject) }
        if statements[subject, default: []].contains(where: { $0.0 == predicate && $0.1 == object }) { return }
        statements[subject, default: []].append((predicate, object))
    }

    mutating func type(_ subject: String, _ classes: String...) {
        for name in classes { add(subject, "rdf:type", .iri(RDFGraph.expand(name))) }
    }

    /// `dcat:Dataset` → the full IRI.
    static func expand(_ name: String) -> String {
        for (prefix, namespace) in prefixes where name.hasPrefix(prefix + ":") {
            return namespace + name.dropFirst(prefix.count + 1)
        }
        return name
    }

    // MARK: Turtle

    var turtle: String {
        var out = RDFGraph.prefixes.map { "@prefix \($0.0): <\($0.1)> .\n" }.joined() + "\n"
        for subject in subjects {
            let pairs = statements[subject]!
            out += "<\(RDFGraph.iriText(subject))>\n"
            out += pairs.enumerated().map { index, pair in
                let predicate = pair.0 == RDFGraph.expand("rdf:type") ? "a" : RDFGraph.turtleName(pair.0)
                return "    \(predicate) \(RDFGraph.turtleObject(pair.1))" + (index == pairs.count - 1 ? " .\n" : " ;\n")
            }.joined()
            out += "\n"
        }
        return out
    }

    private static func turtleName(_ iri: String) -> String {
        for (prefix, namespace) in prefixes where iri.hasPrefix(namespace) {
            let local = iri.dropFirst(namespace.count)
            if !local.isEmpty, local.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) { return "\(prefix):\(local)" }
        }
        return "<\(iriText(iri))>"
    }

    private static func turtleObject(_ object: Object) -> String {
        switch object {
        case .iri(let iri): return turtleName(iri)
        case .literal(let value, let datatype):
            return turtleString(value) + (datatype.map { "^^" + turtleName(expand($0)) } ?? "")
        case .text(let value, let language): return turtleString(value) + "@" + language
        }
    }

    private static func turtleString(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// Characters Turtle does not allow inside `<…>` are percent-encoded.
    private static func iriText(_ iri: String) -> String {
        var out = ""
        for scalar in iri.unicodeScalars {
            if scalar.value <= 0x20 || "<>\"{}|^`\\".unicodeScalars.contains(scalar) {
                out += "%" + String(scalar.value, radix: 16, uppercase: true)
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    // MARK: JSON-LD

    /// Expanded-style JSON-LD in a `@graph`, full IRIs everywhere: no context to resolve.
    var jsonLD: String {
        let typeIRI = RDFGraph.expand("rdf:type")
        let nodes: [JSONText] = subjects.map { subject in
            let pairs = statements[subject]!
            var members: [(String, JSONText)] = [("@id", .string(RDFGraph.iriText(subject)))]
            let types = pairs.filter { $0.0 == typeIRI }.compactMap { pair -> JSONText? in
                if case .iri(let iri) = pair.1 { return .string(RDFGraph.iriText(iri)) }
                return nil
            }
            if !types.isEmpty { members.append(("@type", .array(types))) }
            var predicates: [String] = []
            for pair in pairs where pair.0 != typeIRI && !predicates.contains(pair.0) { predicates.append(pair.0) }
            for predicate in predicates {
                let values = pairs.filter { $0.0 == predicate }.map { RDFGraph.jsonObject($0.1) }
                members.append((predicate, .array(values)))
            }
            return .object(members)
        }
        return JSONText.object([("@graph", .array(nodes))]).pretty() + "\n"
    }

    private static func jsonObject(_ object: Object) -> JSONText {
        switch object {
        case .iri(let iri): return .object([("@id", .string(iriText(iri)))])
        case .literal(let value, let datatype):
            return .object([("@value", .string(value))] + (datatype.map { [("@type", JSONText.string(expand($0)))] } ?? []))
        case .text(let value, let language): return .object([("@value", .string(value)), ("@language", .string(language))])
        }
    }
}
