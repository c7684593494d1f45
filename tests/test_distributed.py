"""``check --scheduler``: the files checked on a Dask cluster (a ``LocalCluster`` of two worker
processes here) give the reports one process gives, byte for byte; URLs are read through
fsspec; a worker lost mid-run is retried and a file that kills every worker is reported."""

from __future__ import annotations

import dataclasses
import json
import os
import signal
import sys
from pathlib import Path

import cloudpickle
import pytest
from click.testing import CliRunner

from checker import distributed
from checker.app import cluster_checker, index_files, open_checker, portable
from checker.cli import cli
from checker.distributed import IndexImage, check_on_cluster
from checker.engine import Checker
from checker.errors import ClusterError
from checker.inputs import expand_paths, read_source
from checker.settings import resolve_settings
from glossary.index.cache import index_key, read_index

dask = pytest.importorskip("dask")
distributed_package = pytest.importorskip("distributed")

# Pickled by value: the workers need not import this test module.
cloudpickle.register_pickle_by_value(sys.modules[__name__])

TERMS = """\
version: 1
entries:
  - id: lavrov-sergei
    type: person
    en: {preferred: Sergei Lavrov, short: [Lavrov]}
    fr: {preferred: Sergueï Lavrov, short: [Lavrov], avoid: [Sergei Lavrov]}
  - id: hopper-grace
    type: person
    en: {preferred: Grace Hopper, short: [Hopper]}
    fr: {preferred: Grace Hopper, short: [Hopper]}
  - id: korolev-sergei
    type: person
    en: {preferred: Sergei Korolev, short: [Korolev]}
    fr: {preferred: Sergueï Korolev, short: [Korolev]}
"""
# Sentences of our own, with and without errors, mixed into each generated article.
SENTENCES = [
    "Sergueï Lavrov a reçu ses homologues mardi pour préparer la réunion.",
    "Selon Sergei Lavrov, les discussions avancent lentement.",
    "grace Hopper avait écrit le premier compilateur, rappelle le musée.",
    "Le programme spatial doit beaucoup à Sergueï Korolyov, note l'historien.",
    "La conférence se tiendra à la fin du mois dans la capitale.",
    "Grace Hoper reste une figure citée dans les écoles d'ingénieurs.",
]


@pytest.fixture(scope="module")
def cluster():
    """Two worker processes, one thread each; a task whose worker dies is tried once more
    before it is given up (``KilledWorker``), to keep the killing tests short."""
    with (
        dask.config.set({"distributed.scheduler.allowed-failures": 1}),
        distributed_package.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as local,
    ):
        yield local


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    """A small archive: 40 articles in two folders, one file that is not UTF-8."""
    root = tmp_path / "archive"
    for number in range(40):
        folder = root / f"20{number % 2 + 24}"
        folder.mkdir(parents=True, exist_ok=True)
        picked = [SENTENCES[(number + k) % len(SENTENCES)] for k in range(number % 4 + 2)]
        (folder / f"article-{number:03}.md").write_text(
            f"# Dépêche {number}\n\n" + " ".join(picked) + "\n", encoding="utf-8"
        )
    (root / "2024" / "broken.txt").write_bytes("Sergueï Lavrov".encode() + b" \xff\xfe a dit.\n")
    return root


@pytest.fixture
def terms(tmp_path: Path) -> Path:
    path = tmp_path / "terms.yaml"
    path.write_text(TERMS, encoding="utf-8")
    return path


FR_JSON = ["--terms", "terms.yaml", "--lang", "fr", "--format", "json"]


def run(*args: str):
    return CliRunner().invoke(cli, ["check", *args])


@pytest.fixture
def offered(monkeypatch) -> list[IndexImage]:
    """The images whose bytes the client put up for the workers (it reads them only then)."""
    images: list[IndexImage] = []
    read = IndexImage.bytes

    def spied(image: IndexImage) -> bytes:
        images.append(image)
        return read(image)

    monkeypatch.setattr(IndexImage, "bytes", spied)
    return images


def test_the_cluster_writes_the_reports_one_process_writes(
    cluster, archive, terms, tmp_path, monkeypatch, offered
):
    monkeypatch.chdir(tmp_path)  # relative paths, sent absolute, reported as given
    reports = {}
    for name, extra in (("one", []), ("dask", ["--scheduler", cluster.scheduler_address])):
        out = tmp_path / name
        out.mkdir()
        done = run(
            "archive",
            *FR_JSON,
            "--report",
            f"text={out}/report.txt",
            "--report",
            f"sarif={out}/r.sarif",
            "--report",
            f"html={out}/report.html",
            *extra,
        )
        # 2: findings, and the file that is not UTF-8
        assert done.exit_code == 2 and done.stdout, done.output
        reports[name] = {
            "json": done.stdout,
            **{p.name: p.read_bytes() for p in sorted(out.iterdir())},
        }
    assert reports["dask"] == reports["one"]
    data = json.loads(reports["dask"]["json"])
    assert data["summary"]["files"] == 41
    assert {f["rule"] for f in data["findings"]} >= {"avoid", "capitalization", "typo"}
    assert data["findings"][0]["path"].startswith("archive/2024/")
    (error,) = data["errors"]
    assert error["path"] == "archive/2024/broken.txt" and "UTF-8" in error["message"]
    assert offered == []  # the workers mapped the client's cache file: no bytes sent


def test_without_a_cache_file_the_bytes_are_sent(cluster, archive, terms, offered):
    options = [str(archive), "--terms", str(terms), "--lang", "fr", "--format", "json"]
    one = run(*options, "--no-cache")
    on_cluster = run(*options, "--no-cache", "--scheduler", cluster.scheduler_address)
    assert on_cluster.stdout == one.stdout and one.exit_code == on_cluster.exit_code == 2
    (image,) = offered  # no file to map: put up once, before the first batch
    assert image.path is None


def test_an_index_file_named_relative_is_mapped_by_the_workers(
    cluster, archive, terms, tmp_path, monkeypatch, offered
):
    monkeypatch.chdir(tmp_path)  # the workers' working folder is another
    options = [str(archive), "--terms", str(terms), "--lang", "fr", "--index", "house.idx"]
    one = run(*options)
    assert (tmp_path / "house.idx").is_file()
    on_cluster = run(*options, "--scheduler", cluster.scheduler_address)
    assert on_cluster.stdout == one.stdout and "avoid" in one.stdout
    assert offered == []


def test_file_urls_on_the_cluster(cluster, archive, terms):
    url = archive.as_uri()
    options = ["--terms", str(terms), "--lang", "fr", "--format", "json"]
    one = run(url, *options)
    on_cluster = run(url, *options, "--scheduler", cluster.scheduler_address)
    assert on_cluster.stdout == one.stdout
    paths = {f["path"] for f in json.loads(on_cluster.stdout)["findings"]}
    assert paths and all(p.startswith(f"file://{archive}/") for p in paths)


def test_the_workers_speak_the_clients_interface_language(cluster, archive, terms):
    options = ["--ui-lang", "fr", "check", str(archive), "--terms", str(terms), "--lang", "fr"]
    one = CliRunner().invoke(cli, options)
    on_cluster = CliRunner().invoke(cli, [*options, "--scheduler", cluster.scheduler_address])
    assert on_cluster.stdout == one.stdout
    assert "forme à éviter" in on_cluster.stdout  # the findings' messages, in French


def _count_reads() -> None:
    """On a worker: count the index files it reads from now on."""
    module = sys.modules["checker.distributed"]
    read = module.read_index

    def counted(path, key, *args):
        module.reads += 1
        return read(path, key, *args)

    module.reads, module.read_index, module.uncounted = 0, counted, read


def _reads() -> int:
    """On a worker: the index files it read since ``_count_reads``; the counting stops."""
    module = sys.modules["checker.distributed"]
    module.read_index = module.uncounted
    return module.reads


def test_a_worker_keeps_the_index_it_mapped_for_the_next_run(cluster, archive, terms):
    options = [str(archive), "--terms", str(terms), "--lang", "fr", "--format", "json"]
    with distributed_package.Client(cluster) as client:
        client.run(_count_reads)
        first = run(*options, "--scheduler", cluster.scheduler_address)
        then = run(*options, "--scheduler", cluster.scheduler_address)
        reads = client.run(_reads)
    assert first.stdout == then.stdout and "avoid" in then.stdout
    assert 1 <= sum(reads.values()) <= len(reads)  # once a worker at most, for both runs


# --- workers that die -------------------------------------------------------------------------
class DyingChecker(Checker):
    """A checker whose process dies on a file named ``poison-*`` (always), or ``shaky-*`` (the
    first time: it leaves a mark beside the file before it dies)."""

    def check_path(self, path: str):
        name = Path(path).name
        mark = Path(path).with_suffix(".died")
        if name.startswith("poison-") or (name.startswith("shaky-") and not mark.exists()):
            mark.touch()
            os.kill(os.getpid(), signal.SIGKILL)
        return super().check_path(path)


def dying_checker(settings, index):
    checker = cluster_checker(settings, index)
    return DyingChecker(checker.termbase, checker.options, checker.index)


def dying_run(terms: Path, shared: bool = False):
    """A run whose workers die on some files; its index is mapped from the client's cache file
    when ``shared``, else sent as bytes (there is no file to map)."""
    settings = resolve_settings(terms=[str(terms)], lang="fr")
    run = open_checker(settings)
    key = index_key([str(terms)])
    image = IndexImage.of(run.index, key, index_files(settings, key) if shared else [])
    assert (image.path is not None) == shared
    return run, image, lambda index: dying_checker(portable(settings), index)


def one_process(run_, files: list[str]) -> list[tuple]:
    return [(r.path, r.findings, r.error) for r in map(run_.checker.check_path, files)]


# A path the workers cannot read, as the client's own disk is for another machine's workers.
ELSEWHERE = Path("/nonexistent-termcheck-client-disk/index.idx")


@pytest.mark.parametrize("where", ["shared", "elsewhere"])
def test_a_worker_started_in_place_of_a_dead_one_gets_the_index(
    cluster, archive, terms, where, offered
):
    """The worker that replaces one killed mid-run maps the shared file, or fetches the bytes
    the client put up, as the first workers did."""
    shaky = archive / "2025" / "shaky-2.txt"
    shaky.write_text("Selon Sergei Lavrov, rien ne change.\n", encoding="utf-8")
    run_, image, make = dying_run(terms, shared=where == "shared")
    if where == "elsewhere":
        image = dataclasses.replace(image, path=ELSEWHERE)
    files = run_.checker.inputs([str(archive)])
    results = check_on_cluster(cluster.scheduler_address, files, make, image, batch=8)
    assert shaky.with_suffix(".died").exists()  # a worker died on it, and was replaced
    assert [(r.path, r.findings, r.error) for r in results] == one_process(run_, files)
    assert [f.rule for f in results[files.index(str(shaky))].findings] == ["avoid"]
    # The bytes went up once when the workers could not read the file, never when they could.
    assert [i.path for i in offered] == ([] if where == "shared" else [ELSEWHERE])


@pytest.mark.slow  # five workers killed and started again: six seconds
def test_a_lost_worker_is_retried_and_a_killing_file_reported(cluster, archive, terms):
    shaky = archive / "2025" / "shaky-1.txt"
    shaky.write_text("Selon Sergei Lavrov, rien ne change.\n", encoding="utf-8")
    poison = archive / "2025" / "poison-1.txt"
    poison.write_text("Grace Hopper.\n", encoding="utf-8")
    run_, image, make = dying_run(terms)
    files = run_.checker.inputs([str(archive)])
    seen: list[int] = []

    def progress(results, total):
        for result in results:
            seen.append(total)
            yield result

    results = check_on_cluster(
        cluster.scheduler_address, files, make, image, batch=8, progress=progress
    )
    assert [r.path for r in results] == files
    assert len(seen) == len(files)  # the progress saw every file
    by_path = {r.path: r for r in results}
    assert "every cluster worker that checked it died" in by_path[str(poison)].error
    assert by_path[str(shaky)].error is None  # its worker died once: checked again
    assert [f.rule for f in by_path[str(shaky)].findings] == ["avoid"]
    assert [(r.path, r.findings, r.error) for r in results if r.path != str(poison)] == (
        one_process(run_, [p for p in files if p != str(poison)])
    )


# --- the index sent ---------------------------------------------------------------------------
def test_the_index_offered_is_the_file_the_run_read(terms, tmp_path, monkeypatch):
    key = index_key([str(terms)])
    cached = resolve_settings(terms=[str(terms)])
    run_ = open_checker(cached)
    (path,) = index_files(cached, key)
    assert path.is_file()  # the cache file open_index wrote, named as it names it
    image = IndexImage.of(run_.index, key, [tmp_path / "missing.idx", path])
    assert image.path == path and image.bytes() == path.read_bytes()
    monkeypatch.chdir(tmp_path)
    named = resolve_settings(terms=[str(terms)], index_file="house.idx")
    open_checker(named)
    assert index_files(named, key) == [Path("house.idx")]
    assert IndexImage.of(run_.index, key, [Path("house.idx")]).path == tmp_path / "house.idx"
    # No file at hand: no path, and the bytes are the index written afresh, which reads back.
    image = IndexImage.of(run_.index, key, [tmp_path / "missing.idx"])
    assert image.path is None
    (tmp_path / "again.idx").write_bytes(image.bytes())
    assert read_index(tmp_path / "again.idx", key) is not None
    # A file that holds another index (stale): its bytes are never offered for this one.
    (tmp_path / "stale.idx").write_bytes(b"not an index")
    stale = IndexImage.of(run_.index, key, [tmp_path / "stale.idx"])
    assert stale.path == tmp_path / "stale.idx" and stale.bytes() == image.bytes()


# --- batches ---------------------------------------------------------------------------------
def test_batches_shrink_as_the_run_ends_so_the_workers_finish_together():
    sizes = [end - start for start, end in distributed._spans(2000, 2)]
    assert sum(sizes) == 2000  # every file, once, in order
    assert sizes[0] == distributed.MAX_BATCH and max(sizes) == distributed.MAX_BATCH
    assert sizes == sorted(sizes, reverse=True)
    assert sizes[-2] == distributed.MIN_BATCH  # small at the end, never tiny but the last
    # A thousand workers: the last tasks are a hundred files, not a handful.
    assert min(end - start for start, end in list(distributed._spans(10**6, 1000))[:-1]) == 100
    assert [end - start for start, end in distributed._spans(20, 2, batch=8)] == [8, 8, 4]
    assert list(distributed._spans(0, 2)) == []


# --- without a cluster ------------------------------------------------------------------------
def test_without_the_extra_the_flag_says_how_to_install_it(terms, archive, monkeypatch):
    monkeypatch.setitem(sys.modules, "distributed", None)  # import distributed fails
    done = run(str(archive), "--terms", str(terms), "--scheduler", "tcp://127.0.0.1:8786")
    assert done.exit_code == 2
    assert "pip install 'termcheck[dask]'" in done.stderr


def test_an_unreachable_scheduler_is_said(terms, archive, monkeypatch):
    monkeypatch.setattr(distributed, "CONNECT_TIMEOUT", "0.5s")
    with pytest.raises(
        ClusterError, match=r"cannot reach the Dask scheduler at tcp://127\.0\.0\.1:9"
    ):
        distributed.cluster_client("tcp://127.0.0.1:9")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--jobs", "2"], "--jobs and --scheduler"),
        (["--fix"], "--fix fixes local files"),
        (["--scope", "project"], "--scope project cannot run on a cluster"),
    ],
)
def test_what_a_cluster_run_cannot_do_is_said(terms, archive, args, message):
    done = run(str(archive), "--terms", str(terms), "--scheduler", "tcp://127.0.0.1:9", *args)
    assert done.exit_code == 2
    assert message in done.stderr


def test_standard_input_is_not_sent_to_a_cluster(terms):
    done = CliRunner().invoke(
        cli,
        ["check", "-", "--terms", str(terms), "--scheduler", "tcp://127.0.0.1:9"],
        input="Sergei Lavrov.",
    )
    assert done.exit_code == 2
    assert "standard input (-) cannot be checked on a cluster" in done.stderr


# --- URLs through fsspec ----------------------------------------------------------------------
@pytest.fixture
def memory_archive():
    import fsspec

    fs = fsspec.filesystem("memory")
    fs.pipe(
        {
            "/news/b.md": b"Selon Sergei Lavrov, rien.\n",
            "/news/a/c.txt": b"Grace Hopper.\n",
            "/news/.hidden/d.txt": b"x",
            "/news/data.bin": b"\x00",
            "/news/bad.txt": b"\xff\xfe\x00\x00abc",
        }
    )
    yield "memory://news"
    fs.rm("/news", recursive=True)


def test_a_url_folder_is_walked_as_a_folder_is(memory_archive):
    assert list(expand_paths([memory_archive, f"{memory_archive}/b.md"])) == [
        "memory:///news/a/c.txt",
        "memory:///news/b.md",
        "memory:///news/bad.txt",
    ]


def test_urls_are_checked_in_one_process_too(memory_archive, terms):
    done = run(memory_archive, "--terms", str(terms), "--lang", "fr", "--format", "json")
    data = json.loads(done.stdout)
    assert [(f["path"], f["rule"]) for f in data["findings"]] == [("memory:///news/b.md", "avoid")]
    assert data["summary"]["files"] == 3


def test_a_url_that_cannot_be_read_is_an_input_error(memory_archive):
    from checker.errors import InputError

    source = read_source(f"{memory_archive}/b.md")
    assert source.text.startswith("Selon") and source.stamp is None
    for url, message in [
        (f"{memory_archive}/nope.md", "no such file"),
        (memory_archive, "is a folder"),
        ("nope://bucket/a.md", "Protocol not known"),
        (f"{memory_archive}/a/c.txt", "limit"),
    ]:
        with pytest.raises(InputError, match=message):
            read_source(url, max_size=5)


def test_without_fsspec_a_url_says_how_to_install_it(monkeypatch):
    from checker.errors import InputError

    monkeypatch.setitem(sys.modules, "fsspec", None)
    monkeypatch.setitem(sys.modules, "fsspec.core", None)
    with pytest.raises(InputError, match=r"pip install 'termcheck\[dask\]'"):
        read_source("s3://bucket/a.md")


def test_portable_settings_name_files_by_absolute_path(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("termcheck.toml").write_text('lang = "fr"\n', encoding="utf-8")
    Path("house.yaml").write_text("", encoding="utf-8")
    settings = resolve_settings(config_path="termcheck.toml", styles=["house.yaml", "fr-CA"])
    moved = portable(settings)
    assert moved.config.path == tmp_path / "termcheck.toml"
    assert moved.styles == (str(tmp_path / "house.yaml"), "fr-CA")
