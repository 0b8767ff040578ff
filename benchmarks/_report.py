"""Shared by every benchmark: print a result table and append it to docs/benchmarks.md with
the exact command that produced it, the date and the machine, so every number has a source."""
from __future__ import annotations

import datetime as _dt
import os
import platform
import shlex
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("STORYLINE_SHARED", ROOT.parent / "shared"))
BENCHMARKS_MD = ROOT / "docs" / "benchmarks.md"


def require_shared(*parts: str) -> Path:
    path = SHARED.joinpath(*parts)
    if not path.exists():
        sys.exit(f"benchmark data not found: {path} (set STORYLINE_SHARED or put shared/ beside the project)")
    return path


def markdown_table(header: list[str], rows: list[list[object]]) -> str:
    def cell(v: object) -> str:
        if isinstance(v, float):
            return f"{v:.3f}"
        return str(v)

    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(cell(v) for v in row) + " |" for row in rows]
    return "\n".join(lines)


def report(title: str, header: list[str], rows: list[list[object]], notes: str = "", write: bool = True) -> str:
    """Print the table; append it (with command, date, machine) to docs/benchmarks.md."""
    table = markdown_table(header, rows)
    command = "python " + " ".join(shlex.quote(a) for a in [os.path.relpath(sys.argv[0], ROOT), *sys.argv[1:]])
    stamp = _dt.datetime.now().strftime("%Y-%m-%d %H:%M")
    machine = f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    block = f"\n## {title}\n\n`{command}` ({stamp}, {machine})\n\n{table}\n"
    if notes:
        block += f"\n{notes.strip()}\n"
    print(block)
    if write:
        BENCHMARKS_MD.parent.mkdir(parents=True, exist_ok=True)
        if not BENCHMARKS_MD.exists():
            BENCHMARKS_MD.write_text("# Benchmarks\n\nEvery table below was appended by a script in `benchmarks/`; "
                                     "the command above each table reproduces it (run from the project root with "
                                     "`.venv/bin/python`).\n", encoding="utf-8")
        with BENCHMARKS_MD.open("a", encoding="utf-8") as fh:
            fh.write(block)
    return block
