"""Benchmark policyparse on the bundled corpora: throughput per format, cold start, peak memory.

    python scripts/bench.py [--repeat N] [--corpora DIR]

Throughput is measured in one process after a warm-up parse (notices/s on one core, so per core).
Cold start is the wall time of ``policyparse parse FILE`` in a fresh interpreter (best of 3).
Peak memory is the maximum resident set of a fresh process that parses every corpus file.
Where JioNLP is installed (``pip install jionlp``), its ``extract_money`` + ``extract_time`` run on
the same txt notices in the same run, for throughput. Figures only: nothing here asserts a time.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def throughput(files: list[Path], repeat: int) -> float:
    from policyparse.pipeline import parse_file

    parse_file(files[0])  # warm-up: lazy data, regex compilation
    start = time.perf_counter()
    for _ in range(repeat):
        for path in files:
            parse_file(path)
    return repeat * len(files) / (time.perf_counter() - start)


def cold_start(path: Path) -> float:
    exe = Path(sys.executable).with_name("policyparse")
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        subprocess.run([str(exe), "parse", str(path)], check=True, stdout=subprocess.DEVNULL)
        best = min(best, time.perf_counter() - start)
    return best


def peak_memory_mb(corpora: Path) -> float:
    code = (
        "import sys, resource\n"
        "from pathlib import Path\n"
        "from policyparse.pipeline import parse_file\n"
        "for p in sorted(Path(sys.argv[1]).iterdir()):\n"
        "    if p.suffix in ('.txt', '.docx', '.pdf'):\n"
        "        parse_file(p)\n"
        "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)\n"
    )
    out = subprocess.run([sys.executable, "-c", code, str(corpora)], check=True, capture_output=True, text=True)
    return int(out.stdout.strip().splitlines()[-1]) / 1024


def jionlp_throughput(files: list[Path], repeat: int) -> float | None:
    try:
        import jionlp
    except Exception:  # not installed, or broken install
        return None
    texts = [p.read_text(encoding="utf-8") for p in files]
    jionlp.extract_money(texts[0])
    start = time.perf_counter()
    for _ in range(repeat):
        for text in texts:
            jionlp.extract_money(text)
            jionlp.extract_time(text)
    return repeat * len(texts) / (time.perf_counter() - start)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--corpora", type=Path, default=REPO / "corpora")
    args = parser.parse_args()
    by_format = {fmt: sorted(args.corpora.glob(f"*.{fmt}")) for fmt in ("txt", "docx", "pdf")}
    print(f"corpora: {args.corpora.name}/ ({', '.join(f'{len(v)} {k}' for k, v in by_format.items())}), repeat {args.repeat}")
    for fmt, files in by_format.items():
        if files:
            rate = throughput(files, args.repeat if fmt != "pdf" else max(1, args.repeat // 2))
            print(f"throughput {fmt:<5} {rate:8.1f} notices/s per core")
    txt = by_format["txt"]
    if txt:
        print(f"cold start  policyparse parse {txt[0].name}: {cold_start(txt[0]):.2f} s (best of 3)")
    print(f"peak memory parsing all corpora: {peak_memory_mb(args.corpora):.0f} MB")
    peer = jionlp_throughput(txt, args.repeat) if txt else None
    if peer is None:
        print("jionlp: not installed (pip install jionlp) — no peer figures in this run")
    else:
        ours = throughput(txt, args.repeat)
        print(f"jionlp extract_money+extract_time {peer:8.1f} notices/s; policyparse full parse {ours:.1f} notices/s ({ours / peer:.1f}x)")


if __name__ == "__main__":
    main()
