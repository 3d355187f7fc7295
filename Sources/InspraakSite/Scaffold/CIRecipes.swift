/// The pipelines `inspraak init` writes (and docs/examples holds, for version 0.1.0): download
/// the release tarball at a pinned version, check its SHA-256, keep it in the CI cache, check the
/// records (annotations on pull requests), build with full git history and publish on
/// GitHub Pages or GitLab Pages. No Swift toolchain in the pipeline.
public struct CIRecipes: Sendable {
    public static let checksumPlaceholder = "paste-the-sha256-printed-by-make-dist-here"
    public static let releasesPlaceholder = "https://github.com/your-municipality/inspraak/releases/download"

    public let version: String

    public init(version: String) { self.version = version }

    /// Shell lines that download (or take from the cache), verify and unpack the tarball into
    /// `$INSPRAAK_CACHE` (default ~/.cache/inspraak); `path` puts `$INSPRAAK_CACHE/$name` on the PATH.
    private func install(indent: String, path: String) -> String {
        let lines = [
            "set -eu",
            "INSPRAAK_CACHE=\"${INSPRAAK_CACHE:-$HOME/.cache/inspraak}\"",
            "echo \"$INSPRAAK_SHA256\" | grep -Eqx '[0-9a-f]{64}' || { echo \"set INSPRAAK_SHA256 to the SHA-256 of inspraak $INSPRAAK_VERSION (make dist prints it)\" >&2; exit 1; }",
            "name=\"inspraak-$INSPRAAK_VERSION-linux-x86_64\"",
            "tarball=\"$INSPRAAK_CACHE/$name.tar.gz\"",
            "mkdir -p \"$INSPRAAK_CACHE\"",
            "if [ ! -f \"$tarball\" ]; then",
            "  curl -fsSL --retry 3 -o \"$tarball.part\" \"$INSPRAAK_RELEASES/v$INSPRAAK_VERSION/$name.tar.gz\"",
            "  mv \"$tarball.part\" \"$tarball\"",
            "fi",
            "echo \"$INSPRAAK_SHA256  $tarball\" | sha256sum -c - || { rm -f \"$tarball\"; exit 1; }",
            "tar -xzf \"$tarball\" -C \"$INSPRAAK_CACHE\"",
            path,
        ]
        return lines.map { indent + $0 }.joined(separator: "\n")
    }

    public var github: String {
        """
        # inspraak: check the records on every push and pull request (annotations on the changed
        # lines), build the site, and publish the main branch on GitHub Pages
        # (Settings → Pages → Source: GitHub Actions).
        # The pipeline downloads the inspraak release (no Swift needed) and keeps it in the cache.
        # Set INSPRAAK_SHA256 to the checksum of the release tarball (`make dist` prints it).
        name: inspraak
        on:
          push:
            branches: [main]
          pull_request:
        permissions:
          contents: read
          pages: write
          id-token: write
        env:
          INSPRAAK_VERSION: "\(version)"
          INSPRAAK_SHA256: "\(Self.checksumPlaceholder)"
          INSPRAAK_RELEASES: \(Self.releasesPlaceholder)
        jobs:
          build:
            runs-on: ubuntu-24.04
            steps:
              - uses: actions/checkout@v4
                with:
                  fetch-depth: 0            # full history: `updated` dates come from git
              - uses: actions/cache@v4
                with:
                  path: ~/.cache/inspraak
                  key: inspraak-${{ env.INSPRAAK_VERSION }}-${{ env.INSPRAAK_SHA256 }}
              - name: Install inspraak
                run: |
        \(install(indent: "          ", path: "echo \"$INSPRAAK_CACHE/$name\" >> \"$GITHUB_PATH\""))
              - name: Check the records
                run: inspraak check --format github
              - name: Build the site
                run: inspraak build --output public
              - if: github.ref == 'refs/heads/main'
                uses: actions/upload-pages-artifact@v3
                with:
                  path: public
          deploy:
            if: github.ref == 'refs/heads/main'
            needs: build
            runs-on: ubuntu-24.04
            environment:
              name: github-pages
              url: ${{ steps.deployment.outputs.page_url }}
            steps:
              - id: deployment
                uses: actions/deploy-pages@v4

        """
    }

    public var gitlab: String {
        """
        # inspraak: check the records on every push and merge request, build the site, and publish
        # the default branch on GitLab Pages (the folder public/).
        # The pipeline downloads the inspraak release (no Swift needed) and keeps it in the cache.
        # Set INSPRAAK_SHA256 to the checksum of the release tarball (`make dist` prints it).
        variables:
          INSPRAAK_VERSION: "\(version)"
          INSPRAAK_SHA256: "\(Self.checksumPlaceholder)"
          INSPRAAK_RELEASES: \(Self.releasesPlaceholder)
          INSPRAAK_CACHE: $CI_PROJECT_DIR/.cache/inspraak
          GIT_DEPTH: 0                    # full history: `updated` dates come from git

        default:
          image: buildpack-deps:bookworm-scm   # Debian with git and curl
          cache:
            key: inspraak-$INSPRAAK_VERSION
            paths: [.cache/inspraak/]
          before_script:
            - git config --global --add safe.directory "$CI_PROJECT_DIR"
            - |
        \(install(indent: "      ", path: "export PATH=\"$INSPRAAK_CACHE/$name:$PATH\""))

        stages: [check, deploy]

        check:
          stage: check
          script:
            - inspraak check --format json > inspraak-report.json || (inspraak check; exit 1)
          artifacts:
            when: always
            paths: [inspraak-report.json]

        pages:
          stage: deploy
          script:
            - inspraak build --output public
          artifacts:
            paths: [public]
          rules:
            - if: $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH

        """
    }
}
