import CLibYAML
import InspraakMarkdown

/// The C libraries this program is linked with (`inspraak --version --verbose`): which
/// Markdown and YAML behaviour a site gets depends on them.
public enum LibraryVersions {
    public static var cmarkGFM: String { CmarkGFM.version }
    public static var libyaml: String { String(cString: yaml_get_version_string()) }
}
