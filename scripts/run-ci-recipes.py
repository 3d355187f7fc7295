#!/usr/bin/env python3
"""Runs the shell steps of the CI recipes in docs/examples against a release tarball, offline.

The recipes download `$INSPRAAK_RELEASES/v<version>/inspraak-<version>-linux-x86_64.tar.gz`;
here INSPRAAK_RELEASES is a file:// folder holding the given tarball, and INSPRAAK_VERSION and
INSPRAAK_SHA256 are set to its version and checksum. Everything else runs as written: the
GitHub Actions `run:` steps of the build job (with $GITHUB_PATH), and GitLab's before_script and
job scripts (with $CI_PROJECT_DIR), in a git repository made by `inspraak init`, with a fresh
$HOME. Each pipeline runs twice: the second run must take the tarball from the cache (the
"release" is gone by then). A placeholder checksum must stop the install with a clear message.
Usage: INSPRAAK_DIST_TARBALL=dist/inspraak-….tar.gz scripts/run-ci-recipes.py
"""
import hashlib
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "docs" / "examples"
NOW = "2026-11-15"


def run(script: str, cwd: Path, env: dict) -> subprocess.CompletedProcess:
    return subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", script],
                          cwd=cwd, env=env, capture_output=True, text=True)


def new_site(binary: Path, folder: Path, env: dict) -> None:
    subprocess.run([str(binary), "init", str(folder), "--ci", "none", "--now", NOW], check=True, capture_output=True)
    for command in (["git", "init", "-q", "-b", "main"], ["git", "add", "-A"], ["git", "commit", "-qm", "A new site"]):
        subprocess.run(command, cwd=folder, env=env, check=True)


def github(workflow: dict, base_env: dict, site: Path) -> list:
    """The build job's run steps; returns the outputs, raises on a failing step."""
    env = dict(base_env)
    env.update({k: str(v) for k, v in workflow["env"].items()})
    env.update(base_env["__overrides"])
    github_path = site.parent / "github_path"
    github_path.write_text("")
    env["GITHUB_PATH"] = str(github_path)
    outputs = []
    for step in workflow["jobs"]["build"]["steps"]:
        if "run" not in step:
            continue
        assert "${{" not in step["run"], f"a run step uses an expression the test cannot evaluate: {step['run']}"
        extra = [line for line in github_path.read_text().splitlines() if line]
        step_env = dict(env, PATH=":".join(list(reversed(extra)) + [env["PATH"]]))
        result = run(step["run"], site, {k: v for k, v in step_env.items() if not k.startswith("__")})
        if result.returncode != 0:
            raise AssertionError(f"GitHub step {step.get('name', step['run'])!r} failed:\n{result.stdout}{result.stderr}")
        outputs.append(result.stdout + result.stderr)
    return outputs


def gitlab(pipeline: dict, base_env: dict, site: Path) -> list:
    env = dict(base_env)
    env.update({"CI_PROJECT_DIR": str(site), "CI_COMMIT_BRANCH": "main", "CI_DEFAULT_BRANCH": "main"})
    for key, value in pipeline["variables"].items():
        env[key] = re.sub(r"\$(\w+)", lambda m: env.get(m.group(1), ""), str(value))
    env.update(base_env["__overrides"])
    outputs = []
    for job in ("check", "pages"):
        script = "\n".join(pipeline["default"]["before_script"] + pipeline[job]["script"])
        result = run(script, site, {k: v for k, v in env.items() if not k.startswith("__")})
        if result.returncode != 0:
            raise AssertionError(f"GitLab job {job} failed:\n{result.stdout}{result.stderr}")
        outputs.append(result.stdout + result.stderr)
    return outputs


def main() -> int:
    tarball = Path(os.environ["INSPRAAK_DIST_TARBALL"]).resolve()
    match = re.fullmatch(r"inspraak-(.+)-linux-x86_64\.tar\.gz", tarball.name)
    assert match, f"{tarball.name} is not named like a release tarball for x86_64"
    version = match.group(1)
    checksum = hashlib.sha256(tarball.read_bytes()).hexdigest()
    with tempfile.TemporaryDirectory() as temporary:
        work = Path(temporary)
        subprocess.run(["tar", "-xzf", str(tarball), "-C", str(work)], check=True)
        binary = work / tarball.name[: -len(".tar.gz")] / "inspraak"
        # No inspraak on the PATH: the recipes must install it.
        path = ":".join(p for p in os.environ.get("PATH", "/usr/bin:/bin").split(":") if not (Path(p) / "inspraak").exists())
        for name, recipe, runner in (("GitHub Actions", "github-actions.yml", github), ("GitLab CI", "gitlab-ci.yml", gitlab)):
            pipeline = yaml.safe_load((EXAMPLES / recipe).read_text())
            if "on" not in pipeline and True in pipeline:  # YAML 1.1 reads the key `on` as true
                pipeline["on"] = pipeline.pop(True)
            releases = work / "releases"
            (releases / f"v{version}").mkdir(parents=True, exist_ok=True)
            shutil.copy(tarball, releases / f"v{version}" / tarball.name)
            home = work / f"home-{recipe}"
            home.mkdir()
            git_env = {"GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.nl", "GIT_COMMITTER_NAME": "Test",
                       "GIT_COMMITTER_EMAIL": "test@example.nl", "GIT_CONFIG_NOSYSTEM": "1"}
            env = {"PATH": path, "HOME": str(home), "LANG": "C.UTF-8", **git_env,
                   "__overrides": {"INSPRAAK_VERSION": version, "INSPRAAK_SHA256": checksum,
                                   "INSPRAAK_RELEASES": (releases).as_uri()}}
            site = work / f"site-{recipe}"
            new_site(binary, site, {**os.environ, **git_env, "HOME": str(home)})
            outputs = runner(pipeline, env, site)
            assert (site / "public" / "index.html").exists(), f"{name}: no public/index.html"
            # The second run takes the tarball from the cache: the release is gone.
            shutil.rmtree(releases)
            shutil.rmtree(site / "public")
            runner(pipeline, env, site)
            assert (site / "public" / "index.html").exists(), f"{name}: the cached tarball did not build the site"
            # A placeholder checksum stops the install with a clear message.
            placeholder = dict(env, __overrides=dict(env["__overrides"], INSPRAAK_SHA256="paste-the-sha256-printed-by-make-dist-here"))
            shutil.rmtree(home / ".cache", ignore_errors=True)
            shutil.rmtree(site / ".cache", ignore_errors=True)
            try:
                runner(pipeline, placeholder, site)
                raise AssertionError(f"{name}: a placeholder checksum did not stop the pipeline")
            except AssertionError as error:
                assert "set INSPRAAK_SHA256 to the SHA-256" in str(error), f"{name}: {error}"
            built = next(line for output in outputs for line in output.splitlines() if line.startswith("built "))
            print(f"{name}: installed inspraak {version} from the release and the cache; {built}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
