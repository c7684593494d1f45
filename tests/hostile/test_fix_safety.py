"""``--fix`` and every other writer keep the user's file (issue 13, rows 5, 7, 8, 9): an edit
saved during the check is never overwritten, a read-only file stays as it is, the mode, owner
and group are kept, a symbolic link stays a link and its target is written, a device or a FIFO
is never replaced, hard links stay linked; and ``--output`` never overwrites an input.

The tests run as root in CI, where any file is writable: read-only means the mode bits.
"""

from __future__ import annotations

import os
import random
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

import glossary.atomic as atomic
from checker.cli import cli
from checker.tools import fixes
from glossary.atomic import ConcurrentEditError, NotRegularFileError, Snapshot, write_atomic

GOOD = "Selon Sergei Lavrov, la réunion a eu lieu.\n"  # as in the folder fixture
FIXED = "Selon Sergueï Lavrov, la réunion a eu lieu.\n"  # GOOD once fixed
EDITED = "Selon Sergei Lavrov, la réunion a eu lieu.\nAjouté pendant la vérification.\n"
ROOT = hasattr(os, "geteuid") and os.geteuid() == 0
needs_root = pytest.mark.skipif(not ROOT, reason="only root can give a file to another user "
                                                 "or make a device node")


def run(*args: str):
    return CliRunner().invoke(cli, list(args))


def fix(*paths: str):
    return run("check", *paths, "--terms", "small.yaml", "--lang", "fr", "--fix")


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if ".termcheck" in p.name)


def edit_during_check(monkeypatch, name: str, change) -> None:
    """Run ``change(path)`` on the draft ``name`` after it was checked and its fix computed,
    before the fix is written: the seam where an editor saving the file loses its edit."""
    real = fixes.converged_text

    def converged_then_edited(result, recheck, unsafe=False):
        answer = real(result, recheck, unsafe)
        if Path(result.path).name == name:
            change(Path(result.path))
        return answer

    monkeypatch.setattr(fixes, "converged_text", converged_then_edited)


# --- row 5: an edit saved during the check is kept --------------------------------------------
def test_an_edit_saved_during_the_check_is_kept(folder, monkeypatch):
    (folder / "edited.md").write_text(GOOD, encoding="utf-8")
    edit_during_check(monkeypatch, "edited.md",
                      lambda path: path.write_text(EDITED, encoding="utf-8"))
    result = fix("good.md", "edited.md")
    assert result.exit_code == 2, result.output
    assert ("edited.md: error: changed while it was being checked; not fixed (the changes made "
            "meanwhile were kept: check it again)") in result.output
    assert (folder / "edited.md").read_text(encoding="utf-8") == EDITED
    assert (folder / "good.md").read_text(encoding="utf-8") == FIXED  # the others are fixed
    assert leftovers(folder) == []


def test_an_edit_of_the_same_size_and_time_is_caught_by_the_content_digest(folder, monkeypatch):
    same_size = GOOD.replace("réunion", "rencontr")  # as many bytes as "réunion"
    assert len(same_size.encode()) == len(GOOD.encode())

    def edit_keeping_size_and_time(path: Path):
        before = path.stat()
        path.write_text(same_size, encoding="utf-8")
        os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))

    edit_during_check(monkeypatch, "good.md", edit_keeping_size_and_time)
    result = fix("good.md")
    assert result.exit_code == 2 and "changed while it was being checked" in result.output
    assert (folder / "good.md").read_text(encoding="utf-8") == same_size


def test_a_draft_deleted_during_the_check_is_not_brought_back(folder, monkeypatch):
    edit_during_check(monkeypatch, "good.md", Path.unlink)
    result = fix("good.md")
    assert result.exit_code == 2 and "changed while it was being checked" in result.output
    assert not (folder / "good.md").exists()


def test_write_atomic_with_a_stale_snapshot_writes_nothing(tmp_path):
    draft = tmp_path / "a.md"
    draft.write_bytes(b"as read")
    seen = Snapshot.of(b"as read", draft.stat().st_mtime_ns)
    draft.write_bytes(b"saved meanwhile")
    with pytest.raises(ConcurrentEditError):
        write_atomic(draft, b"fixed", expected=seen)
    assert draft.read_bytes() == b"saved meanwhile"
    assert leftovers(tmp_path) == []


# --- row 7: read-only files ---------------------------------------------------------------------
def test_a_read_only_draft_is_not_fixed_even_by_root(folder):
    os.chmod(folder / "good.md", 0o444)
    result = fix("good.md")
    assert result.exit_code == 2, result.output
    assert ("good.md: error: could not be fixed (Permission denied); the file was left as it "
            "was") in result.output
    assert (folder / "good.md").read_text(encoding="utf-8") == GOOD
    assert stat.S_IMODE((folder / "good.md").stat().st_mode) == 0o444
    assert leftovers(folder) == []


def test_terms_add_leaves_a_read_only_termbase_alone(folder):
    termbase = folder / "small.yaml"
    before = termbase.read_bytes()
    os.chmod(termbase, 0o444)
    result = run("terms", "add", "small.yaml", "--type", "person", "--preferred", "en=Wang Yi")
    assert result.exit_code == 2, result.output
    assert "small.yaml: cannot be written (Permission denied)" in result.output
    assert "Traceback" not in result.output
    assert termbase.read_bytes() == before


@pytest.mark.parametrize("option", ["--output", "--write-baseline"])
def test_a_read_only_report_or_baseline_is_not_overwritten(folder, option):
    report = folder / "report.json"
    report.write_text("kept\n", encoding="utf-8")
    os.chmod(report, 0o444)
    result = run("check", "good.md", "--terms", "small.yaml", "--lang", "fr", "--format", "json",
                 option, "report.json")
    assert result.exit_code == 2, result.output
    assert "cannot write" in result.output and "(Permission denied)" in result.output
    assert report.read_text(encoding="utf-8") == "kept\n"


# --- row 8: mode, owner and group ---------------------------------------------------------------
@needs_root
def test_fix_keeps_the_owner_the_group_and_the_mode(folder):
    draft = folder / "good.md"
    os.chown(draft, 4321, 8765)
    os.chmod(draft, 0o2640)  # setgid too: chown would clear it, so the mode is set after
    assert fix("good.md").exit_code == 0
    info = draft.stat()
    assert (info.st_uid, info.st_gid, stat.S_IMODE(info.st_mode)) == (4321, 8765, 0o2640)
    assert draft.read_text(encoding="utf-8") == FIXED


@needs_root
def test_terms_add_keeps_the_owner_and_group_of_the_termbase(folder):
    termbase = folder / "small.yaml"
    os.chown(termbase, 4321, 8765)
    result = run("terms", "add", "small.yaml", "--type", "person", "--preferred", "en=Wang Yi")
    assert result.exit_code == 0, result.output
    assert (termbase.stat().st_uid, termbase.stat().st_gid) == (4321, 8765)
    assert "Wang Yi" in termbase.read_text(encoding="utf-8")


@needs_root
def test_a_user_who_cannot_give_the_file_away_writes_it_in_place(folder, monkeypatch):
    """A user other than root may not chown a new file to the draft's owner: the draft is then
    written in place (same inode, so same owner), with the backup copy removed after."""
    draft = folder / "good.md"
    os.chown(draft, 4321, 8765)
    inode = draft.stat().st_ino

    def not_root(*args, **kwargs):
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(os, "chown", not_root)
    assert fix("good.md").exit_code == 0
    info = draft.stat()
    assert (info.st_ino, info.st_uid, info.st_gid) == (inode, 4321, 8765)
    assert draft.read_text(encoding="utf-8") == FIXED
    assert leftovers(folder) == []


# --- row 9: symbolic links, devices, FIFOs, hard links ------------------------------------------
def test_fix_writes_through_a_symbolic_link_and_keeps_the_link(folder):
    (folder / "real").mkdir()
    target = folder / "real" / "article.md"
    target.write_text(GOOD, encoding="utf-8")
    (folder / "drafts").mkdir()
    link = folder / "drafts" / "article.md"
    link.symlink_to("../real/article.md")
    assert fix("drafts/article.md").exit_code == 0
    assert link.is_symlink() and os.readlink(link) == "../real/article.md"
    assert target.read_text(encoding="utf-8") == FIXED
    assert leftovers(folder / "drafts") == [] and leftovers(folder / "real") == []


def test_terms_add_and_compile_write_through_symbolic_links(folder):
    (folder / "house").mkdir()
    os.replace(folder / "small.yaml", folder / "house" / "terms.yaml")
    (folder / "small.yaml").symlink_to("house/terms.yaml")
    result = run("terms", "add", "small.yaml", "--type", "person", "--preferred", "en=Wang Yi")
    assert result.exit_code == 0, result.output
    assert (folder / "small.yaml").is_symlink()
    assert "Wang Yi" in (folder / "house" / "terms.yaml").read_text(encoding="utf-8")
    (folder / "index.idx").symlink_to("house/compiled.idx")  # dangling until compiled
    result = run("terms", "compile", "--terms", "small.yaml", "-o", "index.idx")
    assert result.exit_code == 0, result.output
    assert (folder / "index.idx").is_symlink()
    assert (folder / "house" / "compiled.idx").stat().st_size > 0


def test_check_index_writes_through_a_symbolic_link(folder):
    (folder / "cache").mkdir()
    (folder / "index.idx").symlink_to("cache/real.idx")
    result = run("check", "good.md", "--terms", "small.yaml", "--lang", "fr", "--index",
                 "index.idx", "--format", "json")
    assert result.exit_code == 1, result.output
    assert (folder / "index.idx").is_symlink()
    assert (folder / "cache" / "real.idx").stat().st_size > 0


def test_write_atomic_never_replaces_a_fifo(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(NotRegularFileError, match="a FIFO"):
        write_atomic(fifo, b"data")
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    assert leftovers(tmp_path) == []


def test_terms_compile_refuses_to_replace_a_fifo(folder):
    os.mkfifo(folder / "pipe")
    result = run("terms", "compile", "--terms", "small.yaml", "-o", "pipe")
    assert result.exit_code == 2, result.output
    assert "cannot write the compiled index to pipe (it is a FIFO (named pipe), not a regular " \
           "file)" in result.output
    assert stat.S_ISFIFO((folder / "pipe").stat().st_mode)


@needs_root
def test_devices_are_never_replaced_and_reports_are_written_into_them(folder):
    node = folder / "null"
    os.mknod(node, 0o666 | stat.S_IFCHR, os.makedev(1, 3))  # a /dev/null of our own
    result = run("terms", "compile", "--terms", "small.yaml", "-o", "null")
    assert result.exit_code == 2 and "(it is a device, not a regular file)" in result.output
    assert stat.S_ISCHR(node.stat().st_mode)
    result = run("check", "good.md", "--terms", "small.yaml", "--lang", "fr", "--index", "null",
                 "--format", "json", "--output", "null")
    assert result.exit_code == 1, result.output  # checked, the index only not stored
    assert stat.S_ISCHR(node.stat().st_mode)
    assert leftovers(folder) == []


def test_fix_keeps_hard_links(folder):
    draft, alias = folder / "good.md", folder / "alias.md"
    os.link(draft, alias)
    assert fix("good.md").exit_code == 0
    assert draft.stat().st_ino == alias.stat().st_ino and draft.stat().st_nlink == 2
    assert alias.read_text(encoding="utf-8") == FIXED
    assert leftovers(folder) == []


def test_a_failed_in_place_write_puts_the_original_back(folder, monkeypatch):
    draft, alias = folder / "good.md", folder / "alias.md"
    os.link(draft, alias)
    real = atomic._overwrite
    calls = []

    def disk_full_half_way(stream, data):
        calls.append(data)
        if len(calls) == 1:
            stream.seek(0)
            stream.write(data[:len(data) // 2])
            raise OSError(28, "No space left on device")
        real(stream, data)

    monkeypatch.setattr(atomic, "_overwrite", disk_full_half_way)
    result = fix("good.md")
    assert result.exit_code == 2
    assert "good.md: error: could not be fixed (No space left on device)" in result.output
    assert alias.read_text(encoding="utf-8") == GOOD
    assert leftovers(folder) == []


def test_an_in_place_write_that_cannot_be_undone_keeps_the_backup(folder, monkeypatch):
    draft, alias = folder / "good.md", folder / "alias.md"
    os.link(draft, alias)

    def broken(stream, data):
        stream.seek(0)
        stream.write(b"XX")
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(atomic, "_overwrite", broken)
    result = fix("good.md")
    assert result.exit_code == 2
    assert ("good.md: error: could not be fixed (Input/output error) and may be part written: "
            "its original is in ") in result.output
    backups = list(folder.glob(".good.md.*.termcheck-backup"))
    assert len(backups) == 1 and str(backups[0]) in result.output.replace("\n", "")
    assert backups[0].read_text(encoding="utf-8") == GOOD


@pytest.mark.slow
def test_hard_linked_drafts_killed_at_random_moments_are_whole_or_backed_up(tmp_path,
                                                                            small_terms):
    """In place, a crash can leave a file part written: the guarantee is that its whole
    original is then in the backup beside it."""
    originals = {}
    for number in range(8):
        path = tmp_path / f"draft{number:02}.md"
        path.write_text(GOOD * 150, encoding="utf-8")
        os.link(path, tmp_path / f"link{number:02}.txt")
        originals[path] = path.read_bytes()
    fixed = (FIXED * 150).encode()
    command = [sys.executable, "-m", "checker", "check", "--fix", "--terms", str(small_terms),
               "--lang", "fr", *[p.name for p in sorted(originals)]]
    rng = random.Random(13)
    kills = 0
    # Fixing the 8 drafts takes some tenths of a second, less on a fast idle machine: a run
    # that ends before its kill halves the window the next moment is drawn from.
    window = 0.3
    for _ in range(12):
        if kills >= 3:
            break
        for path, original in originals.items():
            path.write_bytes(original)  # in place: the links stay
        process = subprocess.Popen(command, cwd=tmp_path, stdout=subprocess.DEVNULL,
                                   stderr=subprocess.DEVNULL)
        _fixing_started(tmp_path, process)
        time.sleep(rng.uniform(0, window))
        if process.poll() is None:
            process.send_signal(signal.SIGKILL)
            kills += 1
        else:
            window /= 2
        process.wait(timeout=60)
        for path, original in originals.items():
            content = path.read_bytes()
            backups = list(tmp_path.glob(f".{path.name}.*.termcheck-backup"))
            assert content in (original, fixed) or [b.read_bytes() for b in backups] == \
                [original], f"{path.name} is part written without its backup"
            for backup in backups:
                backup.unlink()
        assert all(p.stat().st_nlink == 2 for p in originals)
        for leftover in tmp_path.glob(".*.termcheck"):
            leftover.unlink()
    assert kills >= 2, "the runs ended before they could be killed"


def _fixing_started(folder: Path, process: subprocess.Popen) -> None:
    """Wait until fixing starts: the folder changes when the first backup is made."""
    before = os.stat(folder).st_mtime_ns
    deadline = time.monotonic() + 60
    while (time.monotonic() < deadline and process.poll() is None
           and os.stat(folder).st_mtime_ns == before):
        time.sleep(0.002)


@pytest.mark.parametrize("args", [
    ["check", "good.md", "--terms", "small.yaml", "--lang", "fr", "--output", "new.txt"],
    ["terms", "export", "--format", "csv", "--terms", "small.yaml", "-o", "new.txt"],
], ids=["report", "export"])
def test_a_new_output_file_gets_the_usual_mode(folder, args):
    """A new file written for the user has the mode any program would give it (0666 less the
    umask), not the 0600 of a temporary file."""
    mask = os.umask(0o022)
    try:
        run(*args)
    finally:
        os.umask(mask)
    assert stat.S_IMODE((folder / "new.txt").stat().st_mode) == 0o644


# --- caches: a planted file never directs the write --------------------------------------------
@pytest.mark.parametrize("plant", ["symlink", "hardlink", "foreign"])
def test_a_file_planted_in_the_cache_folder_never_directs_the_write(folder, monkeypatch, plant):
    """A user's file is written through its links and keeps its owner; a cache file is
    termcheck's own: a link or a file planted at its path (in a shared cache folder) is
    replaced, never written through, and the new file is never handed to the planter."""
    cache = folder / "cache"
    monkeypatch.setenv("TERMCHECK_CACHE_DIR", str(cache))
    args = ("check", "good.md", "--terms", "small.yaml", "--lang", "fr")
    assert run(*args).exit_code == 1
    [index] = cache.glob("index-*.idx")
    victim = folder / "victim.txt"
    victim.write_text("victim\n", encoding="utf-8")
    index.unlink()
    if plant == "symlink":
        index.symlink_to(victim)
    elif plant == "hardlink":
        os.link(victim, index)
    else:
        index.write_text("planted\n", encoding="utf-8")
        os.chmod(index, 0o666)
        if ROOT:
            os.chown(index, 4321, 4321)
    assert run(*args).exit_code == 1
    assert victim.read_text(encoding="utf-8") == "victim\n"
    info = index.lstat()
    if index.read_bytes() not in (b"victim\n", b"planted\n"):  # replaced by a new index
        assert stat.S_ISREG(info.st_mode) and info.st_uid == os.geteuid()
        assert not info.st_mode & 0o077, oct(info.st_mode)


# --- --output never overwrites an input ---------------------------------------------------------
@pytest.mark.parametrize("args", [
    ["check", "good.md", "--output", "good.md"],
    ["check", "good.md", "--output", "./good.md"],
    ["check", ".", "--output", "good.md"],
    ["check", "good.md", "--output", "small.yaml"],
    ["check", "good.md", "--write-baseline", "good.md"],
    ["check", "good.md", "--output", "alias.json"],  # a symbolic link to the draft
    ["check", "good.md", "other.md", "--fix", "--output", "other.md"],
], ids=["same", "other-spelling", "in-a-folder", "termbase", "baseline", "link", "with-fix"])
def test_check_refuses_an_output_that_is_one_of_its_inputs(folder, args):
    (folder / "other.md").write_text(GOOD, encoding="utf-8")
    (folder / "alias.json").symlink_to("good.md")
    termbase = (folder / "small.yaml").read_bytes()
    result = run(*args, "--terms", "small.yaml", "--lang", "fr")
    assert result.exit_code == 2, result.output
    assert "is one of the files this command reads" in result.output
    assert "nothing was written" in result.output
    assert (folder / "good.md").read_text(encoding="utf-8") == GOOD
    assert (folder / "other.md").read_text(encoding="utf-8") == GOOD
    assert (folder / "small.yaml").read_bytes() == termbase


@pytest.mark.parametrize("args", [
    ["translate", "good.md", "--lang", "en", "--provider", "google", "--terms", "small.yaml",
     "-o", "good.md"],
    ["suggest", "good.md", "--terms", "small.yaml", "-o", "good.md"],
    ["terms", "import", "small.csv", "-o", "small.csv"],
    ["terms", "export", "--format", "json", "--terms", "small.yaml", "-o", "small.yaml"],
    ["terms", "compile", "--terms", "small.yaml", "-o", "small.yaml"],
], ids=["translate", "suggest", "import", "export", "compile"])
def test_other_commands_refuse_an_output_that_is_their_input(folder, args):
    (folder / "small.csv").write_text("id,type,en\nwang-yi,person,Wang Yi\n", encoding="utf-8")
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    result = run(*args)
    assert result.exit_code == 2, result.output
    assert "is one of the files this command reads" in result.output
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before


def test_an_output_beside_the_inputs_is_still_written(folder):
    result = run("check", ".", "--terms", "small.yaml", "--lang", "fr", "--format", "json",
                 "--output", "report.json")
    assert result.exit_code == 1, result.output
    assert '"findings"' in (folder / "report.json").read_text(encoding="utf-8")
