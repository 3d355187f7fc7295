/// Where something was written: a path relative to the source folder, and a 1-based line and column.
///
/// Line 0 means "the file as a whole" (a missing file, a folder that should not be there).
public struct SourceLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let path: String
    public let line: Int
    public let column: Int

    public init(path: String, line: Int = 0, column: Int = 0) {
        self.path = path
        self.line = line
        self.column = column
    }

    /// The same file, another line.
    public func at(line: Int, column: Int = 1) -> SourceLocation {
        SourceLocation(path: path, line: line, column: column)
    }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.path, lhs.line, lhs.column) < (rhs.path, rhs.line, rhs.column)
    }

    /// `path:line:col` as editors and CI annotations read it (line and column at least 1).
    public var description: String {
        "\(path):\(max(line, 1)):\(max(column, 1))"
    }
}
