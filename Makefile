# inspraak — two commands on a fresh Debian/Ubuntu machine:
#   make site   install what is missing, build (release), generate the example site into public/
#   make test   the same dependency step, then the whole test suite
# and for a release:
#   make dist        the self-contained tarball in dist/ (prints its SHA-256 for the CI recipes)
#   make test-dist   make dist, then test the tarball (empty environment, no Swift, CI recipes)
#   make install     the release executable, completions and manual page under PREFIX
SHELL := /bin/bash
.DEFAULT_GOAL := site

SWIFT ?= swift
NOW ?= 2026-11-15
APT_PACKAGES := libcmark-gfm-dev libcmark-gfm-extensions-dev libyaml-dev libgoogle-perftools-dev pkg-config time python3-yaml curl
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
BIN := .build/release/inspraak
PREFIX ?= /usr/local
# A target may import only the targets Package.swift says it depends on (the source target never
# sees the site or templates target). Without this SwiftPM on Linux lets an undeclared import
# through whenever that module happens to be built already.
IMPORT_CHECK := --explicit-target-dependency-import-check error

.PHONY: site test lint e2e deps pagefind build theme check-theme golden clean bench bench-serve bench-large dist test-dist install

## deps: install the system packages the build needs (only when one is missing).
deps:
	@missing=""; \
	for p in $(APT_PACKAGES); do dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	fi

## pagefind: the pinned Pagefind (PyPI pagefind-bin) for the search index, into
## .build/tools/bin/pagefind (docs/search.md); the release build itself does not need it.
PAGEFIND := .build/tools/bin/pagefind
pagefind:
	@bash scripts/install-pagefind.sh

## theme: embed themes/default/ into the binary (the built-in default theme).
theme:
	@python3 scripts/embed-default-theme.py

check-theme:
	@python3 scripts/embed-default-theme.py --check

build: deps theme
	$(SWIFT) build -c release --product inspraak $(IMPORT_CHECK)

## site: the example site into public/ (dates from git history where there is one).
# The example site from a shallow clone (git clone --depth 1) still builds, with one warning and
# each record's own date; a real site's pipeline fetches the full history instead (docs/ci.md).
site: build pagefind
	$(BIN) build --source . --output public --allow-shallow --pagefind $(PAGEFIND)

## test: every test: unit, golden and CLI tests in Swift, then the browser and validator suite.
test: deps pagefind theme lint
	$(SWIFT) build --build-tests $(IMPORT_CHECK)
	$(SWIFT) test --skip-build 2>&1 | tee .build/test-output.txt; exit $${PIPESTATUS[0]}
	bash Tests/e2e/run.sh "$$($(SWIFT) build --show-bin-path)/inspraak"

## lint: swift format lint with .swift-format (rule findings fail; see scripts/lint.sh).
lint:
	@SWIFT=$(SWIFT) bash scripts/lint.sh

## e2e: only the browser and validator suite (Tests/e2e), against the debug build.
e2e: deps pagefind theme
	$(SWIFT) build --product inspraak $(IMPORT_CHECK)
	bash Tests/e2e/run.sh "$$($(SWIFT) build --show-bin-path)/inspraak"

## golden: re-record the golden copy of the example site (then review the diff and commit).
golden: deps theme
	RECORD_GOLDEN=1 $(SWIFT) test --filter GoldenSiteTests $(IMPORT_CHECK) || true

clean:
	rm -rf .build public dist

## dist: dist/inspraak-<version>-linux-<arch>.tar.gz: one executable that needs only the C
## library, README, LICENSE, CHANGELOG, release notes, completions, manual (scripts/dist.sh).
dist: deps theme
	@SWIFT=$(SWIFT) bash scripts/dist.sh

## test-dist: make dist, then run the tarball's executable with an empty environment and in a
## chroot without Swift, compare its site with the golden copy, run the CI recipes against it.
## Not part of make test: the static release build takes several minutes.
test-dist: dist
	@bash scripts/test-dist.sh

## install: the release executable, shell completions and manual page under PREFIX (and DESTDIR).
install: dist
	@stage=dist/inspraak-$$(scripts/version.sh)-linux-$$(uname -m); to="$(DESTDIR)$(PREFIX)"; \
	install -Dm755 $$stage/inspraak $$to/bin/inspraak; \
	install -Dm644 $$stage/man/inspraak.1 $$to/share/man/man1/inspraak.1; \
	install -Dm644 $$stage/completions/inspraak.bash $$to/share/bash-completion/completions/inspraak; \
	install -Dm644 $$stage/completions/_inspraak $$to/share/zsh/site-functions/_inspraak; \
	install -Dm644 $$stage/completions/inspraak.fish $$to/share/fish/vendor_completions.d/inspraak.fish; \
	echo "installed inspraak $$($$to/bin/inspraak --version) into $$to"

## BENCH_BIN: the executable the benchmarks time. By default the self-contained release that
## `make dist` makes (dist/inspraak), which is what a site's pipeline downloads and runs
## (docs/ci.md); BENCH_BIN=$(BIN) times the development build (`make build`) instead.
BENCH_BIN ?= dist/inspraak
BENCH_BUILD := $(if $(filter dist/inspraak,$(BENCH_BIN)),dist,build)

## bench: inspraak vs Hugo at 1,000 and 10,000 records, then the serve benchmark (bench-serve);
## exit status the worse of the two: 1 when a bar or target is missed, 2 when a run failed.
bench: $(BENCH_BUILD) pagefind
	rc=0; python3 bench/run_bench.py --bin $(BENCH_BIN) --pagefind $(PAGEFIND) || rc=$$?; \
	python3 bench/serve_bench.py --bin $(BENCH_BIN) || { s=$$?; if [ $$s -gt $$rc ]; then rc=$$s; fi; }; \
	exit $$rc

## bench-serve: `inspraak serve` vs `hugo server` at 10,000 records: edit to changed page served (issue 15).
bench-serve: $(BENCH_BUILD)
	python3 bench/serve_bench.py --bin $(BENCH_BIN)

## bench-large: the same plus 50,000 records (inspraak only; HUGO_LARGE=1 runs Hugo there too).
bench-large: $(BENCH_BUILD) pagefind
	python3 bench/run_bench.py --large --bin $(BENCH_BIN) --pagefind $(PAGEFIND) $(if $(HUGO_LARGE),--hugo-large)
