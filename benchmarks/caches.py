"""What reading the caches back costs: the compiled index (warm start) at several termbase sizes,
and the data cache (word lists, language model), each in fresh processes as every run after the
first pays it. The digest (BLAKE2b over the whole file, glossary/framing.py) is most of it, so
the hashing rate is printed too.

    python benchmarks/caches.py                    # 10k and 100k entries, 7 runs each
    python benchmarks/caches.py --sizes 1000 --runs 11

Termbases are generated as in benchmarks/scale.py (deterministic); compiling the index of
100,000 entries takes 40 s to 2 minutes and about 2 GB, once. Figures: median (min) of the runs,
wall time and CPU time (user + system, every thread) of the read alone, and the peak RSS of the
reading process.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

# The peak RSS is VmHWM: ru_maxrss of an exec'd child counts its parent's pages before exec.
PEAK = "int(open('/proc/self/status').read().split('VmHWM:')[1].split()[0]) / 1024"
READ_INDEX = """
import sys, time
from glossary.index import cache
key = cache.index_key([sys.argv[1]])
path = cache.cache_dir() / f"index-{key}{cache.SUFFIX}"
wall, cpu = time.perf_counter(), time.process_time()
index = cache.read_index(path, key)
wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
assert index is not None, "the index was not read back"
print(wall, cpu, PEAK)
""".replace("PEAK", PEAK)

READ_DATA = """
import sys, time
from checker import language, words
wall, cpu = time.perf_counter(), time.process_time()
words._frequencies("fr"), words._frequencies("en"), language._identifier(("en", "fr"))
wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
print(wall, cpu, PEAK)
""".replace("PEAK", PEAK)


def runs(script: str, args: list[str], env: dict, count: int) -> list[tuple[float, ...]]:
    found = []
    for _ in range(count):
        # From the cache folder: ``-c`` puts the working folder first on the path.
        done = subprocess.run([sys.executable, "-c", script, *args], env=env, check=True,
                              capture_output=True, text=True, cwd=env["TERMCHECK_CACHE_DIR"])
        found.append(tuple(float(x) for x in done.stdout.split()))
    return found


def show(label: str, figures: list[tuple[float, ...]]) -> None:
    wall, cpu, rss = zip(*figures, strict=True)
    print(f"  {label:<28} wall {statistics.median(wall):.3f} s ({min(wall):.3f})  "
          f"CPU {statistics.median(cpu):.3f} s ({min(cpu):.3f})  peak RSS {max(rss):.0f} MB",
          flush=True)


def hashing_rate(path: Path) -> float:
    """MB/s of the frame digest over ``path``, best of three (0 for a termcheck without
    one)."""
    try:
        from glossary import framing
    except ImportError:  # termcheck 0.1: a CRC-32 of the body
        return 0.0

    fd = os.open(path, os.O_RDONLY)
    try:
        size = os.fstat(fd).st_size
        best = float("inf")
        for _ in range(3):
            start = time.perf_counter()
            framing.tree_digest(lambda part: framing._pread_slice(fd, part), size)
            best = min(best, time.perf_counter() - start)
    finally:
        os.close(fd)
    return size / best / 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000", help="termbase sizes, comma-separated")
    parser.add_argument("--runs", type=int, default=7, help="fresh processes per figure")
    options = parser.parse_args()
    from scale import make_people, termbase_yaml

    with tempfile.TemporaryDirectory(prefix="termcheck-caches-") as work:
        env = {**os.environ, "TERMCHECK_CACHE_DIR": str(Path(work) / "cache"),
               "PYTHONPATH": str(ROOT)}
        env.pop("TERMCHECK_NO_CACHE", None)
        os.environ["TERMCHECK_CACHE_DIR"] = env["TERMCHECK_CACHE_DIR"]
        print(f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs, load average "
              f"{os.getloadavg()[0]:.1f}; {options.runs} runs each, median (min)")
        for size in (int(s) for s in options.sizes.split(",")):
            terms = Path(work) / f"terms-{size}.yaml"
            terms.write_text(termbase_yaml(make_people(size)), encoding="utf-8")
            from glossary.index.cache import load_index

            start = time.perf_counter()
            load_index([str(terms)])  # and so the cache folder is made
            compiled = time.perf_counter() - start
            (index,) = Path(env["TERMCHECK_CACHE_DIR"]).glob("index-*")
            print(f"{size:,} entries: index {index.stat().st_size / 1e6:.1f} MB, compiled and "
                  f"written in {compiled:.1f} s, digest at {hashing_rate(index):.0f} MB/s")
            show("warm start (read_index)", runs(READ_INDEX, [str(terms)], env, options.runs))
            index.unlink()
        runs(READ_DATA, [], env, 1)  # built and stored
        data = sum(p.stat().st_size for p in Path(env["TERMCHECK_CACHE_DIR"]).glob("data-*"))
        print(f"data cache: {data / 1e6:.1f} MB (word lists fr and en, language model en-fr)")
        show("read back", runs(READ_DATA, [], env, options.runs))


if __name__ == "__main__":
    main()
