/// Builds the node tree from the lexer's tags and reports, at the tag that causes it, the
/// mistakes a theme author makes: a section closed with another name, one never closed, an
/// unknown transform, a name with characters a name cannot have.
package enum TemplateParser {
    package struct Parsed: Sendable {
        package let nodes: [TemplateNode]
        /// Partials and parents it names, for the theme-wide check that they exist.
        package let references: [TemplateReference]
    }

    private enum FrameKind {
        case root, section, inverted, parent, block, override
    }

    private struct Frame {
        let kind: FrameKind
        let sigil: String
        let name: String
        let parsedName: TemplateName?
        let line: Int
        let column: Int
        var indentation: [UInt8] = []
        var nodes: [TemplateNode] = []
        var overrides: [String: [TemplateNode]] = [:]
    }

    package static func parse(_ text: String) -> Result<Parsed, TemplateSyntaxError> {
        let lexemes: [TemplateLexer.Lexeme]
        switch TemplateLexer.lex(Array(text.utf8)) {
        case .success(let result): lexemes = result
        case .failure(let error): return .failure(error)
        }
        var stack = [Frame(kind: .root, sigil: "", name: "", parsedName: nil, line: 1, column: 1)]
        var references: [TemplateReference] = []

        func fail(_ lexeme: TemplateLexer.Lexeme, _ message: String) -> Result<Parsed, TemplateSyntaxError> {
            .failure(TemplateSyntaxError(line: lexeme.line, column: lexeme.column, message: message))
        }
        func append(_ node: TemplateNode) { stack[stack.count - 1].nodes.append(node) }

        for lexeme in lexemes {
            let insideParent = stack.last!.kind == .parent
            guard case .tag(let sigil) = lexeme.kind else {
                // Text between the overrides of `{{<parent}}` is not rendered (Mustache spec).
                if insideParent { continue }
                if lexeme.kind == .newline { appendNewline(lexeme.bytes, to: &stack[stack.count - 1].nodes) }
                else { append(.text(Array(lexeme.bytes), endsLine: false)) }
                continue
            }
            let content = String(decoding: lexeme.bytes, as: UTF8.self)
            if insideParent, sigil != .block, sigil != .close, sigil != .comment, sigil != .delimiters {
                return fail(lexeme, TemplateMessage.onlyOverridesInParent(stack.last!.name))
            }
            switch sigil {
            case .comment, .delimiters:
                continue
            case .pragma:
                switch content.filter({ !$0.isWhitespace }) {
                case "CONTENT_TYPE:HTML": append(.escaping(true))
                case "CONTENT_TYPE:TEXT": append(.escaping(false))
                default: return fail(lexeme, TemplateMessage.unknownPragma(content))
                }
            case .variable, .unescaped:
                switch name(content) {
                case .success(let parsed): append(.variable(parsed, escaped: sigil == .variable))
                case .failure(let problem): return fail(lexeme, problem.message)
                }
            case .section, .inverted:
                switch name(content) {
                case .success(let parsed):
                    stack.append(Frame(kind: sigil == .section ? .section : .inverted, sigil: sigil == .section ? "#" : "^",
                                       name: content, parsedName: parsed, line: lexeme.line, column: lexeme.column))
                case .failure(let problem): return fail(lexeme, problem.message)
                }
            case .partial, .parent:
                guard isPartialName(content) else {
                    return fail(lexeme, TemplateMessage.notATemplateName(content, parent: sigil == .parent))
                }
                let dynamic = content.hasPrefix("*")
                let target = dynamic ? TemplateLexer.trim(String(content.dropFirst())) : content
                if !dynamic { references.append(TemplateReference(name: target, line: lexeme.line, column: lexeme.column)) }
                if sigil == .partial {
                    append(.partial(target, dynamic: dynamic, indentation: Array(lexeme.indentation), overrides: nil))
                } else {
                    stack.append(Frame(kind: .parent, sigil: "<", name: content, parsedName: nil, line: lexeme.line, column: lexeme.column,
                                       indentation: Array(lexeme.indentation)))
                }
            case .block:
                guard isPlainName(content) else {
                    return fail(lexeme, content.contains("(") ? TemplateMessage.transformOnBlock(content) : TemplateMessage.notABlockName(content))
                }
                stack.append(Frame(kind: insideParent ? .override : .block, sigil: "$", name: content, parsedName: nil,
                                   line: lexeme.line, column: lexeme.column))
            case .close:
                guard stack.count > 1 else { return fail(lexeme, TemplateMessage.closesNothing(content)) }
                let frame = stack.removeLast()
                guard frame.name == content else {
                    return fail(lexeme, TemplateMessage.closesWrongSection(content, open: frame.sigil + frame.name, line: frame.line, name: frame.name))
                }
                switch frame.kind {
                case .section, .inverted:
                    append(.section(frame.parsedName!, frame.nodes, inverted: frame.kind == .inverted))
                case .parent:
                    let dynamic = frame.name.hasPrefix("*")
                    let target = dynamic ? TemplateLexer.trim(String(frame.name.dropFirst())) : frame.name
                    append(.partial(target, dynamic: dynamic, indentation: frame.indentation, overrides: frame.overrides))
                case .block:
                    append(.block(frame.name, frame.nodes))
                case .override:
                    // Two overrides of one block: the first counts, as in swift-mustache's parser.
                    if stack[stack.count - 1].overrides[frame.name] == nil { stack[stack.count - 1].overrides[frame.name] = frame.nodes }
                case .root:
                    break
                }
            }
        }
        if stack.count > 1, let open = stack.last {
            return .failure(TemplateSyntaxError(line: open.line, column: open.column,
                                                message: TemplateMessage.neverClosed(open.sigil + open.name, name: open.name)))
        }
        return .success(Parsed(nodes: stack[0].nodes, references: references))
    }

    /// A newline joins the text before it, so a line is one node.
    private static func appendNewline(_ newline: ArraySlice<UInt8>, to nodes: inout [TemplateNode]) {
        if case .text(let text, endsLine: false)? = nodes.last {
            nodes[nodes.count - 1] = .text(text + newline, endsLine: true)
        } else {
            nodes.append(.text(Array(newline), endsLine: true))
        }
    }

    /// `title`, `t.kind.meetings`, `.`, `.title`, `empty(items)`, `uppercased(first(list))`, `index()`.
    static func name(_ source: String) -> Result<TemplateName, Problem> {
        var inner = Substring(source)
        var transforms: [TemplateTransform] = []
        while let open = inner.firstIndex(of: "(") {
            guard inner.hasSuffix(")") else { return .failure(Problem(TemplateMessage.missingClosingParenthesis(source))) }
            let function = String(inner[..<open])
            guard let transform = TemplateTransform(rawValue: function) else {
                return .failure(Problem(TemplateMessage.unknownTransform(function, in: source, known: TemplateTransform.allCases.map(\.rawValue))))
            }
            transforms.insert(transform, at: 0)
            inner = inner[inner.index(after: open)..<inner.index(before: inner.endIndex)]
        }
        if inner.contains(")") { return .failure(Problem(TemplateMessage.strayClosingParenthesis(source))) }
        let text = String(inner)
        let invalid = TemplateMessage.notALookupName(source)
        if text.isEmpty {
            return transforms.isEmpty ? .failure(Problem(TemplateMessage.emptyTag)) : .success(TemplateName(root: .position, path: [], transforms: transforms, source: source))
        }
        if text == "." { return .success(TemplateName(root: .current, path: [], transforms: transforms, source: source)) }
        let relative = text.hasPrefix(".")
        let parts = (relative ? String(text.dropFirst()) : text).split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard parts.allSatisfy(isPlainName) else { return .failure(Problem(invalid)) }
        return .success(TemplateName(root: relative ? .currentOnly : .anywhere, path: parts.map(TemplateKey.init), transforms: transforms, source: source))
    }

    struct Problem: Error {
        let message: String
        init(_ message: String) { self.message = message }
    }

    private static func isPlainName(_ text: String) -> Bool {
        !text.isEmpty && text.utf8.allSatisfy { byte in
            (byte >= 48 && byte <= 57) || (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122)
                || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "?")
        }
    }

    private static func isPartialName(_ text: String) -> Bool {
        let name = text.hasPrefix("*") ? TemplateLexer.trim(String(text.dropFirst())) : text
        return !name.isEmpty && name.split(separator: "/").allSatisfy { part in
            part.split(separator: ".").allSatisfy { isPlainName(String($0)) }
        }
    }
}
