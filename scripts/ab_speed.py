"""Interleaved A/B of parse speed between two commits, in one process.

    python scripts/ab_speed.py BASE [NEW] [--rounds N] [--corpora DIR]

Machine speed drifts by tens of percent within minutes here, so two separate bench runs cannot
tell a 3 % change. This script exports ``src/`` and ``extractors/`` of each commit (NEW defaults to
the working tree) into a temporary folder under a package name of its own (``pp_a``, ``pp_b``),
imports both into one interpreter, and parses the txt notices with each in turn for ``--rounds``
rounds, alternating which goes first; the best round of each is reported (CPU time of this process,
so other work on the machine counts less than in wall time), and the ratio
BASE / NEW (above 1: NEW is faster). Figures only; nothing is asserted.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def _export(ref: str | None, name: str, root: Path) -> None:
    """The package of ``ref`` (None: the working tree) as ``root/name`` with its data folder."""
    tree = root / f"tree_{name}"
    if ref is None:
        shutil.copytree(REPO / "src", tree / "src")
        shutil.copytree(REPO / "extractors", tree / "extractors")
    else:
        tree.mkdir()
        archive = subprocess.run(["git", "-C", str(REPO), "archive", ref, "src", "extractors"],
                                 check=True, capture_output=True).stdout
        subprocess.run(["tar", "-x", "-C", str(tree)], input=archive, check=True)
    package = root / name
    shutil.copytree(tree / "src" / "policyparse", package)
    shutil.copytree(tree / "extractors", package / "_data" / "extractors")
    pattern = re.compile(r"\bpolicyparse(?=\.| import)")
    for path in package.rglob("*.py"):
        path.write_text(pattern.sub(name, path.read_text(encoding="utf-8")), encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("base", help="git ref of the baseline")
    parser.add_argument("new", nargs="?", default=None, help="git ref to compare (default: the working tree)")
    parser.add_argument("--rounds", type=int, default=40)
    parser.add_argument("--corpora", type=Path, default=REPO / "corpora")
    args = parser.parse_args()
    files = sorted(args.corpora.glob("*.txt"))
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        _export(args.base, "pp_a", root)
        _export(args.new, "pp_b", root)
        sys.path.insert(0, str(root))
        parse = {n: importlib.import_module(f"{n}.pipeline").parse_file for n in ("pp_a", "pp_b")}
        for fn in parse.values():  # warm-up: lazy data and regex compilation
            for f in files:
                fn(f)
        best = {n: float("inf") for n in parse}
        for r in range(args.rounds):
            for n in (("pp_a", "pp_b") if r % 2 == 0 else ("pp_b", "pp_a")):
                gc.collect()
                t = time.process_time()
                for f in files:
                    parse[n](f)
                best[n] = min(best[n], (time.process_time() - t) / len(files) * 1000)
    print(f"{args.base:>12}  {best['pp_a']:.3f} ms/notice")
    print(f"{args.new or 'working tree':>12}  {best['pp_b']:.3f} ms/notice")
    print(f"speed-up {best['pp_a'] / best['pp_b']:.3f}  ({len(files)} txt notices, best of {args.rounds} rounds)")


if __name__ == "__main__":
    main()
