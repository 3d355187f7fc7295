import CCmarkGFM

/// The libcmark-gfm this program is linked with, for `inspraak --version --verbose`.
public enum CmarkGFM {
    public static var version: String { String(cString: cmark_version_string()) }
}
