"""What users put in their pipelines: the GitHub workflow and action, the GitLab job, the
pre-commit hook and the pre-publish script (ci/, action.yml, .pre-commit-hooks.yaml).

The YAML files are parsed and checked for what they must say; their shell steps are run for real
in temporary git repositories, with a stand-in for termcheck where they ask for report formats
this test does not depend on. ci/pre-publish.sh and the pre-commit hook run the real termcheck.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
WORKFLOW = ROOT / "ci" / "github" / "termcheck.yml"
ACTION = ROOT / "action.yml"
GITLAB = ROOT / "ci" / "gitlab" / "termcheck.gitlab-ci.yml"
HOOKS = ROOT / ".pre-commit-hooks.yaml"
PRE_PUBLISH = ROOT / "ci" / "pre-publish.sh"

TIMEOUT = 120  # seconds for one script or termcheck run
INSTALL_TIMEOUT = 600  # pre-commit builds an environment with pip

CLEAN_FR = ("Le ministre russe des Affaires étrangères, Sergueï Lavrov, a rencontré mardi à Genève "
            "son homologue américain pour évoquer la situation en Ukraine.\n")
BAD_FR = CLEAN_FR.replace("Sergueï Lavrov", "Sergei Lavrov")
SPACED = "drafts/dépêche du jour.md"  # a space and accents in the name

needs_bash = pytest.mark.skipif(shutil.which("bash") is None, reason="needs bash")
needs_git = pytest.mark.skipif(shutil.which("git") is None or shutil.which("bash") is None,
                               reason="needs git and bash")


def load(path: Path):
    return yaml.safe_load(path.read_text(encoding="utf-8"))


# --- running things -----------------------------------------------------------------------------
def clean_env(**extra: str) -> dict[str, str]:
    """The environment without the caller's git settings (a test run from a git hook has
    GIT_DIR and GIT_INDEX_FILE), with a fixed identity for commits."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GIT_", "PRE_COMMIT"))}
    env.update(GIT_AUTHOR_NAME="Test", GIT_AUTHOR_EMAIL="test@example.org",
               GIT_COMMITTER_NAME="Test", GIT_COMMITTER_EMAIL="test@example.org",
               GIT_CONFIG_GLOBAL=os.devnull, GIT_CONFIG_NOSYSTEM="1")
    env.update(extra)
    return env


def git(repo: Path, *args: str) -> str:
    done = subprocess.run(["git", *args], cwd=repo, env=clean_env(), capture_output=True,
                          text=True, timeout=TIMEOUT, check=True)
    return done.stdout.strip()


def commit_files(repo: Path, files: dict[str, str | None], message: str) -> None:
    """Write (or, for None, delete) files and commit them."""
    for name, text in files.items():
        path = repo / name
        if text is None:
            git(repo, "rm", "-q", name)
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        git(repo, "add", name)
    git(repo, "commit", "-q", "-m", message)


@pytest.fixture
def newsroom(tmp_path: Path) -> Path:
    """A repository whose main branch holds a clean draft and an old draft with a finding (which
    no change touches, so it must not be checked)."""
    repo = tmp_path / "newsroom"
    repo.mkdir()
    git(repo, "init", "-q", "-b", "main")
    commit_files(repo, {"drafts/ancien.md": "# Ancien\n\n" + CLEAN_FR,
                        "drafts/archive.md": "# Archive\n\n" + BAD_FR,
                        "README.txt": "The newsroom's drafts.\n"}, "drafts")
    return repo


def branch(repo: Path, name: str, files: dict[str, str | None]) -> None:
    git(repo, "checkout", "-q", "-b", name, "main")
    commit_files(repo, files, name)


def run_script(script: str, cwd: Path, env: dict[str, str], *args: str):
    """Run a shell step the way GitHub and GitLab run bash steps (-e, pipefail)."""
    path = cwd.parent / "step.sh"
    path.write_text(script, encoding="utf-8")
    return subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", str(path), *args],
                          cwd=cwd, env=env, capture_output=True, text=True, timeout=TIMEOUT)


STUB = """\
import json, os, sys
from pathlib import Path

args = sys.argv[1:]
entry = {"args": args}
if "--files-from" in args:
    entry["files"] = Path(args[args.index("--files-from") + 1]).read_text("utf-8").splitlines()
if "--output" in args:
    Path(args[args.index("--output") + 1]).write_text("report", encoding="utf-8")
for option, value in zip(args, args[1:]):
    if option == "--report" and "=" in value:
        Path(value.split("=", 1)[1]).write_text("report", encoding="utf-8")
with open(os.environ["STUB_LOG"], "a", encoding="utf-8") as log:
    log.write(json.dumps(entry) + "\\n")
status = int(os.environ.get("STUB_STATUS", "0"))
sys.exit(0 if status == 1 and "--exit-zero" in args else status)
"""


class Stub:
    """A stand-in `termcheck` that records each call (its arguments and the files listed by
    --files-from), writes any --output file and --report FORMAT=PATH file, and exits with
    $STUB_STATUS (0 for status 1 with --exit-zero, like termcheck)."""

    def __init__(self, folder: Path):
        folder.mkdir()
        self.program = folder / "termcheck"
        self.program.write_text(f"#!{sys.executable}\n{STUB}", encoding="utf-8")
        self.program.chmod(0o755)
        self.log = folder / "calls.jsonl"
        self.env = {"STUB_LOG": str(self.log),
                    "PATH": f"{folder}{os.pathsep}{os.environ.get('PATH', '')}"}

    def calls(self) -> list[dict]:
        if not self.log.exists():
            return []
        return [json.loads(line) for line in self.log.read_text(encoding="utf-8").splitlines()]


@pytest.fixture
def stub(tmp_path: Path) -> Stub:
    return Stub(tmp_path / "stub-bin")


def outputs(path: Path) -> dict[str, str]:
    """The name=value lines a step wrote to $GITHUB_OUTPUT."""
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    return dict(line.split("=", 1) for line in text.splitlines() if "=" in line)


EXPRESSION = re.compile(r"\$\{\{\s*([\w.-]+)\s*\}\}")


def evaluate(value: str, context: dict) -> str:
    """The ${{ a.b.c }} expressions of a step's env, looked up in a nested dict."""

    def lookup(match: re.Match) -> str:
        node = context
        for key in match.group(1).split("."):
            node = node[key]
        return str(node)

    return EXPRESSION.sub(lookup, str(value))


# --- the GitHub workflow ------------------------------------------------------------------------
def workflow_steps() -> list[dict]:
    return load(WORKFLOW)["jobs"]["termcheck"]["steps"]


def step_with_id(steps: list[dict], step_id: str) -> dict:
    (step,) = [s for s in steps if s.get("id") == step_id]
    return step


def test_workflow_runs_on_pull_requests_with_annotations_and_sarif():
    workflow = load(WORKFLOW)
    triggers = workflow.get("on", workflow.get(True))  # YAML 1.1 reads a bare `on` as True
    assert triggers["pull_request"]["paths"]
    assert workflow["permissions"]["security-events"] == "write"
    assert workflow["env"]["TERMCHECK_PIP_SPEC"].startswith("git+https://")
    assert "PLACEHOLDER" in WORKFLOW.read_text(encoding="utf-8")

    steps = workflow_steps()
    uses = [s.get("uses", "") for s in steps]
    checkout = steps[uses.index(next(u for u in uses if u.startswith("actions/checkout@")))]
    assert checkout["with"]["fetch-depth"] == 0
    assert any(u.startswith("actions/setup-python@") for u in uses)
    assert 'pip install "$TERMCHECK_PIP_SPEC"' in step_with_id(steps, "install")["run"]

    listing = step_with_id(steps, "drafts")["run"]
    assert "git diff --name-only" in listing and "--diff-filter=ACMR" in listing
    assert '"$BASE_SHA...$HEAD_SHA"' in listing

    runs = [s for s in steps if "run" in s and "termcheck check" in s["run"]]
    [check] = runs  # termcheck runs once, writing every report
    command = " ".join(check["run"].split())
    assert "--files-from" in command
    for report in ("--report github", "--report sarif=termcheck.sarif",
                   "--report html=termcheck.html"):
        assert report in command
    assert "--format" not in command and "--exit-zero" not in command
    assert "always()" not in check.get("if", "")  # its exit status fails the job

    sarif = next(s for s in steps if s.get("uses", "").startswith(
        "github/codeql-action/upload-sarif@"))
    assert sarif["uses"] == "github/codeql-action/upload-sarif@v4"
    assert sarif["with"]["sarif_file"] == "termcheck.sarif"
    # The fork guard: a pull request from a fork has a read-only token, which cannot upload.
    assert ("github.event.pull_request.head.repo.full_name == github.repository"
            in " ".join(sarif["if"].split()))
    artifact = next(s for s in steps if s.get("uses", "").startswith("actions/upload-artifact@"))
    assert artifact["with"]["path"] == "termcheck.html"
    for step in [sarif, artifact]:
        assert "always()" in step["if"], step.get("name")


@needs_git
def test_workflow_lists_only_changed_drafts_and_wires_the_list(newsroom, tmp_path, stub):
    branch(newsroom, "article", {"drafts/mauvais.md": BAD_FR, SPACED: CLEAN_FR,
                                 "drafts/ancien.md": None, "drafts/notes.py": "# Lavrov\n",
                                 "README.txt": "Changed, but not a draft.\n"})
    workflow, steps = load(WORKFLOW), workflow_steps()
    context = {"github": {"event": {"pull_request": {
        "base": {"sha": git(newsroom, "rev-parse", "main")},
        "head": {"sha": git(newsroom, "rev-parse", "HEAD")}}}},
        "steps": {}}
    runner_temp = tmp_path / "runner-temp"
    runner_temp.mkdir()
    status = {}
    for step in steps:
        if "run" not in step:
            continue
        if "pip install" in step["run"]:
            continue  # the stand-in is termcheck here
        github_output = tmp_path / f"output-{len(status)}"
        env = clean_env(**stub.env, RUNNER_TEMP=str(runner_temp), GITHUB_OUTPUT=str(github_output),
                        STUB_STATUS="1", **workflow["env"])
        env.update({k: evaluate(v, context) for k, v in step.get("env", {}).items()})
        done = run_script(step["run"], newsroom, env)
        status[step["name"]] = done.returncode
        if "id" in step:
            context["steps"][step["id"]] = {"outputs": outputs(github_output)}

    drafts = context["steps"]["drafts"]["outputs"]
    assert drafts["count"] == "2"
    listed = Path(drafts["list"]).read_text(encoding="utf-8").splitlines()
    assert sorted(listed) == sorted(["drafts/mauvais.md", SPACED])
    [call] = stub.calls()
    assert call["files"] == listed
    assert call["args"][-6:] == ["--report", "github", "--report", "sarif=termcheck.sarif",
                                 "--report", "html=termcheck.html"]
    check = step_with_id(steps, "check")["name"]
    assert status[check] == 1  # findings fail the job
    assert (newsroom / "termcheck.sarif").exists() and (newsroom / "termcheck.html").exists()


@needs_git
def test_workflow_lists_nothing_when_no_draft_changed(newsroom, tmp_path):
    branch(newsroom, "readme", {"README.txt": "Only the readme.\n"})
    listing = step_with_id(workflow_steps(), "drafts")
    github_output = tmp_path / "output"
    env = clean_env(RUNNER_TEMP=str(tmp_path), GITHUB_OUTPUT=str(github_output),
                    TERMCHECK_DRAFTS="drafts", BASE_SHA=git(newsroom, "rev-parse", "main"),
                    HEAD_SHA=git(newsroom, "rev-parse", "HEAD"))
    done = run_script(listing["run"], newsroom, env)
    assert done.returncode == 0, done.stderr
    assert outputs(github_output)["count"] == "0"
    assert "nothing to check" in done.stdout


# --- the composite action -----------------------------------------------------------------------
def test_action_is_a_composite_with_its_inputs():
    action = load(ACTION)
    assert action["runs"]["using"] == "composite"
    inputs = action["inputs"]
    assert {"paths", "terms", "fail-on", "lang", "sarif", "version"} <= set(inputs)
    defaults = {name: inputs[name].get("default") for name in inputs}
    assert defaults["paths"] == "."
    assert defaults["fail-on"] == "warning"
    assert defaults["lang"] == "auto"
    assert defaults["sarif"] == "true"
    assert not defaults["terms"]
    for spec in inputs.values():
        assert spec["description"]

    steps = action["runs"]["steps"]
    for step in steps:
        if "run" in step:
            assert step["shell"] == "bash"  # a composite action's run steps must name a shell
    install = step_with_id(steps, "install")["run"]
    assert "$GITHUB_ACTION_PATH" in install and "pip install" in install
    check = step_with_id(steps, "check")["run"]
    assert "--report github" in check and '--report "sarif=$sarif"' in check
    assert "--format" not in check
    upload = next(s for s in steps if s.get("uses", "").startswith(
        "github/codeql-action/upload-sarif@"))
    assert upload["uses"] == "github/codeql-action/upload-sarif@v4"
    condition = " ".join(upload["if"].split())
    assert "always()" in condition and "inputs.sarif == 'true'" in condition
    # The fork guard, as in the workflow; other events (push, schedule) upload.
    assert ("(github.event_name != 'pull_request' || "
            "github.event.pull_request.head.repo.full_name == github.repository)") in condition


def run_action_check(tmp_path: Path, stub, status: int, **inputs: str):
    action = load(ACTION)
    values = {name: spec.get("default", "") for name, spec in action["inputs"].items()}
    values.update({name.replace("_", "-"): value for name, value in inputs.items()})
    step = step_with_id(action["runs"]["steps"], "check")
    installed = {"outputs": {"termcheck": str(stub.program)}}
    context = {"inputs": values, "steps": {"install": installed}}
    runner_temp = tmp_path / "runner-temp"
    runner_temp.mkdir(exist_ok=True)
    github_output = tmp_path / "github-output"
    env = clean_env(**stub.env, RUNNER_TEMP=str(runner_temp), GITHUB_OUTPUT=str(github_output),
                    STUB_STATUS=str(status))
    env.update({k: evaluate(v, context) for k, v in step["env"].items()})
    workspace = tmp_path / "workspace"
    workspace.mkdir(exist_ok=True)
    return run_script(step["run"], workspace, env), outputs(github_output), runner_temp


@needs_bash
def test_action_builds_the_command_from_its_inputs(tmp_path, stub):
    done, written, runner_temp = run_action_check(
        tmp_path, stub, 1, paths="drafts  notes/*.md\nmore drafts", terms="default house.yaml",
        fail_on="error", lang="fr", args="--exclude archive/**")
    assert done.returncode == 1, done.stderr  # the findings fail the step
    sarif = str(runner_temp / "termcheck.sarif")
    options = ["--terms", "default", "--terms", "house.yaml", "--fail-on", "error", "--lang",
               "fr", "--exclude", "archive/**"]
    paths = ["drafts", "notes/*.md", "more", "drafts"]
    assert [c["args"] for c in stub.calls()] == [
        ["check", *options, "--report", "github", "--report", f"sarif={sarif}", *paths]]
    assert written["sarif-file"] == sarif


@needs_bash
def test_action_defaults_and_empty_settings(tmp_path, stub):
    done, written, _ = run_action_check(tmp_path, stub, 0, sarif="false", fail_on="", lang="")
    assert done.returncode == 0, done.stderr
    assert [c["args"] for c in stub.calls()] == [["check", "--report", "github", "."]]
    assert "sarif-file" not in written


# --- the GitLab job -----------------------------------------------------------------------------
def test_gitlab_job_reports_code_quality_junit_and_the_html_report():
    job = load(GITLAB)["termcheck"]
    assert job["image"].startswith("python:")
    assert any("merge_request_event" in rule["if"] for rule in job["rules"])
    assert str(job["variables"]["GIT_DEPTH"]) == "0"
    script = "\n".join(job["script"])
    assert "$CI_MERGE_REQUEST_DIFF_BASE_SHA...HEAD" in script
    assert "git diff --name-only" in script
    command = " ".join(script.replace("\\\n", " ").split())
    for report in ("--report text", "--report gitlab=gl-code-quality-report.json",
                   "--report junit=termcheck-junit.xml", "--report html=termcheck.html"):
        assert report in command
    artifacts = job["artifacts"]
    assert artifacts["reports"]["junit"] == "termcheck-junit.xml"
    assert artifacts["reports"]["codequality"] == "gl-code-quality-report.json"
    assert artifacts["when"] == "always"
    assert artifacts["expose_as"]
    assert "termcheck.html" in artifacts["paths"]


@needs_git
@pytest.mark.parametrize("changed", [True, False])
def test_gitlab_script_checks_the_changed_drafts(newsroom, tmp_path, stub, changed):
    if changed:
        branch(newsroom, "article", {"drafts/mauvais.md": BAD_FR, SPACED: CLEAN_FR,
                                     "drafts/ancien.md": None})
    job = load(GITLAB)["termcheck"]
    env = clean_env(**stub.env, **{k: str(v) for k, v in job["variables"].items()},
                    STUB_STATUS="1",
                    CI_MERGE_REQUEST_DIFF_BASE_SHA=git(newsroom, "rev-parse", "main"))
    done = run_script("\n".join(job["script"]), newsroom, env)
    calls = stub.calls()
    if not changed:
        assert done.returncode == 0, done.stderr
        assert "nothing to check" in done.stdout
        assert calls == []
        return
    assert done.returncode == 1  # termcheck's status is the job's
    [call] = calls  # one run writes every report
    assert sorted(call["files"]) == sorted(["drafts/mauvais.md", SPACED])
    for report in ("termcheck.html", "termcheck-junit.xml", "gl-code-quality-report.json"):
        assert (newsroom / report).exists()


# --- the pre-commit hook ------------------------------------------------------------------------
@pytest.mark.slow
@needs_git
def test_gitlab_script_writes_every_report_with_the_real_termcheck(newsroom):
    branch(newsroom, "article", {"drafts/mauvais.md": "# Diplomatie\n\n" + BAD_FR})
    job = load(GITLAB)["termcheck"]
    env = real_termcheck_env(**{k: str(v) for k, v in job["variables"].items()},
                             CI_MERGE_REQUEST_DIFF_BASE_SHA=git(newsroom, "rev-parse", "main"))
    done = run_script("\n".join(job["script"]), newsroom, env)
    assert done.returncode == 1, done.stderr  # the finding fails the job
    assert "drafts/mauvais.md:3:" in done.stdout and "wrong-language" in done.stdout
    [issue] = json.loads((newsroom / job["artifacts"]["reports"]["codequality"]).read_text("utf-8"))
    assert (issue["check_name"], issue["location"]) == (
        "wrong-language", {"path": "drafts/mauvais.md", "lines": {"begin": 3, "end": 3}})
    junit = (newsroom / job["artifacts"]["reports"]["junit"]).read_text(encoding="utf-8")
    assert 'name="drafts/mauvais.md:3:' in junit
    assert (newsroom / "termcheck.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_pre_commit_hook_definition():
    (hook,) = load(HOOKS)
    assert hook["id"] == "termcheck"
    assert hook["language"] == "python"
    assert hook["entry"] == "termcheck check"
    assert hook["require_serial"] is False
    pattern = re.compile(hook["files"])  # pre-commit matches with re.search
    for name in ["a.md", "drafts/b.MD", "c.markdown", "d.txt", "e.text", "fr/f.po", "g.pot",
                 "h.xlf", "i.xliff", "dossier avec espace/j.md"]:
        assert pattern.search(name), name
    for name in ["a.py", "b.yaml", "c.json", "d.mdx", "md", "e.md.orig", "f.pot.bak"]:
        assert not pattern.search(name), name
    assert set(hook.get("types", [])) <= {"text"}  # anything more would narrow the pattern


def test_changed_file_filters_list_every_type_termcheck_reads():
    """The GitHub workflow, the GitLab job and the pre-commit hook pick the changed drafts by
    suffix: exactly the suffixes termcheck has a reader for (HTML, Word, OpenDocument, TMX
    and reStructuredText included), so that no draft is left out and nothing else is given."""
    from checker.readers import BINARY_READERS, READERS

    readable = {suffix.lstrip(".") for suffix in [*READERS, *BINARY_READERS]}
    alternatives = re.compile(r"\\\.\(([a-z|]+)\)\$")
    for path in (WORKFLOW, GITLAB, HOOKS):
        found = alternatives.findall(path.read_text(encoding="utf-8"))
        assert found, path
        for group in found:
            assert set(group.split("|")) == readable, path
    (hook,) = load(HOOKS)
    pattern = re.compile(hook["files"])
    for name in ["a.html", "b.HTM", "c.docx", "d.odt", "e.rst", "f.tmx", "g.xhtml"]:
        assert pattern.search(name), name


def is_git_checkout(path: Path) -> bool:
    try:
        top = git(path, "rev-parse", "--show-toplevel")
    except (OSError, subprocess.CalledProcessError):
        return False
    return Path(top).resolve() == path.resolve()


@pytest.mark.slow
@needs_git
@pytest.mark.parametrize("draft", ["bad", "good"])
def test_pre_commit_try_repo(tmp_path, draft):
    """try-repo installs the hook from this checkout (its committed and staged files) with pip,
    in a store of its own, each time: about 10 seconds."""
    pytest.importorskip("pre_commit", reason="pre-commit is not installed (the test extra has it)")
    if os.environ.get("TERMCHECK_SKIP_NETWORK_TESTS") == "1":
        pytest.skip("TERMCHECK_SKIP_NETWORK_TESTS=1: pre-commit installs from PyPI")
    if not is_git_checkout(ROOT):
        pytest.skip("the tests do not run from a git checkout of termcheck")
    repo = tmp_path / "drafts"
    repo.mkdir()
    git(repo, "init", "-q", "-b", "main")
    (repo / "draft.md").write_text("# Diplomatie\n\n" + (BAD_FR if draft == "bad" else CLEAN_FR),
                                   encoding="utf-8")
    # Not a draft: the hook must leave it alone, findings or not.
    (repo / "notes.py").write_text(f"# {BAD_FR}", encoding="utf-8")
    git(repo, "add", ".")
    # PRE_COMMIT_HOME: pre-commit's log and database go there, not to ~/.cache.
    env = clean_env(PRE_COMMIT_HOME=str(tmp_path / "pre-commit-home"), PRE_COMMIT_COLOR="never")
    done = subprocess.run(
        [sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), "termcheck",
         "--files", "draft.md", "notes.py"],
        cwd=repo, env=env, capture_output=True, text=True, timeout=INSTALL_TIMEOUT)
    output = done.stdout + done.stderr
    if draft == "bad":
        assert done.returncode == 1, output
        assert "draft.md:3:" in output and "wrong-language" in output
    else:
        assert done.returncode == 0, output
    assert "notes.py" not in output


# --- the pre-publish script ---------------------------------------------------------------------
def real_termcheck_env(**extra: str) -> dict[str, str]:
    """PATH with this Python's bin folder (the venv's, holding termcheck) first."""
    folder = Path(sys.executable).parent
    if shutil.which("termcheck", path=str(folder)) is None:
        pytest.skip(f"no termcheck beside {sys.executable} (install the package in this venv)")
    return clean_env(PATH=f"{folder}{os.pathsep}{os.environ.get('PATH', '')}", **extra)


def pre_publish(repo: Path, *args: str, cwd: Path | None = None, **env: str):
    return subprocess.run([str(PRE_PUBLISH), *args], cwd=cwd or repo,
                          env=real_termcheck_env(**env), capture_output=True, text=True,
                          timeout=TIMEOUT)


def test_pre_publish_is_an_executable_strict_script():
    text = PRE_PUBLISH.read_text(encoding="utf-8")
    assert text.startswith("#!/usr/bin/env bash\n")
    assert "set -euo pipefail" in text
    assert os.access(PRE_PUBLISH, os.X_OK)
    if is_git_checkout(ROOT):  # the executable bit is what git records, not only this disk's
        staged = git(ROOT, "ls-files", "-s", "ci/pre-publish.sh")
        assert not staged or staged.startswith("100755 "), staged
    if shutil.which("shellcheck"):
        done = subprocess.run(["shellcheck", str(PRE_PUBLISH)], capture_output=True, text=True,
                              timeout=TIMEOUT)
        assert done.returncode == 0, done.stdout


@pytest.mark.slow
@needs_git
def test_pre_publish_checks_only_the_changed_drafts(newsroom):
    branch(newsroom, "article", {"drafts/mauvais.md": "# Diplomatie\n\n" + BAD_FR,
                                 SPACED: "# Dépêche\n\n" + CLEAN_FR, "drafts/ancien.md": None,
                                 "drafts/notes.py": f"# {BAD_FR}"})
    done = pre_publish(newsroom, "main", "--format", "json")  # options go through to termcheck
    assert done.returncode == 1, done.stderr
    report = json.loads(done.stdout)
    assert report["summary"]["files"] == 2  # not the unchanged archive.md, not the deleted draft
    assert {f["path"] for f in report["findings"]} == {"drafts/mauvais.md"}
    assert [f["rule"] for f in report["findings"]] == ["wrong-language"]
    assert report["errors"] == []
    assert "2 draft(s) changed since main" in done.stderr

    # From a subfolder the paths still lead to the drafts.
    done = pre_publish(newsroom, "main", cwd=newsroom / "drafts")
    assert done.returncode == 1, done.stderr
    assert "../drafts/mauvais.md:3:" in done.stdout


@pytest.mark.slow
@needs_git
def test_pre_publish_passes_when_only_clean_drafts_changed(newsroom):
    branch(newsroom, "dépêche", {SPACED: "# Dépêche\n\n" + CLEAN_FR, "drafts/ancien.md": None})
    done = pre_publish(newsroom, TERMCHECK_BASE="main")  # the base from the environment
    assert done.returncode == 0, done.stdout + done.stderr
    assert "no findings in 1 file" in done.stdout


@needs_git
def test_pre_publish_says_so_when_nothing_changed(newsroom):
    done = pre_publish(newsroom, "main")
    assert done.returncode == 0, done.stderr
    assert "no draft changed since main; nothing to check" in done.stdout

    branch(newsroom, "readme", {"README.md.orig": BAD_FR, "drafts/ancien.md": None})
    done = pre_publish(newsroom, "--", "--fail-on", "info", TERMCHECK_BASE="main")
    assert done.returncode == 0, done.stderr
    assert "nothing to check" in done.stdout


@needs_git
def test_pre_publish_refuses_an_unknown_base(newsroom):
    done = pre_publish(newsroom)  # origin/main: there is no remote
    assert done.returncode == 2
    assert "unknown base 'origin/main'" in done.stderr
