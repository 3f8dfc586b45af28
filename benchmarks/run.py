"""Measure the app against its performance budgets (issue 12) and print one table.

    make bench                                   (demo scale, every part)
    python -m benchmarks.run --scale national --database /path/national.db --data /path/natdata
    python -m benchmarks.run --scale project --repeat 5 --only pages,risk

Parts (`--only`, comma-separated):
  pages     every page a steering user sees, server-side rerun with AppTest, warm and cold
  risk      risk aggregation + suppression: the app's code against pandas and DuckDB baselines
  imports   1,000 actions, 50,000 survey responses, the risk rows, with the CLI importers
  sessions  peak memory of one server with 10 concurrent browser sessions (Playwright)
  drawn     time until every chart of a page is drawn in headless Chromium; the map's payload

Scales: `demo` (a fresh database with the demo consortium and a generated project of 300
actions), `project` (the 44-region pilot of benchmarks/make_data) and `national` (14 projects
over Belgium's 565 municipalities; pages on pilot-01 and the federal project). `--database`
uses a database already loaded by `benchmarks.make_data --load` (a SQLite file is copied first:
the original is never written to); otherwise the data are generated and loaded here (national:
tens of minutes). `--data` is the folder of files make_data wrote (generated when missing).

Each figure is the median of `--repeat` runs (cold page loads: `--cold-repeat`; imports and
browser sessions: one run) and is printed with its budget and ok / OVER. Results are written
to benchmarks/results/latest.json (ignored by git); the exit code is 1 when a figure is over.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

os.environ.setdefault("LIVINGLAB_COOKIE_KEY", "benchmark-cookie-key-" + "x" * 40)
os.environ.setdefault("LIVINGLAB_LOG_KEY", "benchmark-log-key-" + "y" * 40)
os.environ.setdefault("LIVINGLAB_BCRYPT_ROUNDS", "4")

from benchmarks.harness import (  # noqa: E402
    ROOT,
    Figure,
    copy_database,
    sqlite_path,
    use_database,
)

RESULTS = ROOT / "benchmarks" / "results"
PARTS = ("pages", "risk", "imports", "sessions", "drawn")
SCALE_PROJECTS = {
    "demo": ["empact", "scale-300"],
    "project": ["pilot-01"],
    "national": ["pilot-01", "federal"],
}


@dataclass
class Setup:
    scale: str
    folder: Path  # temporary, removed at the end
    source: str  # database URL the copies are made from (never written to)
    database: str  # the working copy (pages, browser)
    data: Path | None  # files of make_data (None at demo scale)
    projects: list[str]
    username: str
    password: str
    # The project with the most regions: the browser parts and the risk part look at it.
    largest: str


def _load_demo(folder: Path) -> str:
    from benchmarks.scale import create_scaled_project
    from dashboard.services.admin.demo import load_demo
    from dashboard.services.admin.users import set_membership
    from models import migrate

    url = f"sqlite:///{folder / 'source.db'}"
    use_database(url)
    migrate.upgrade()
    load_demo()
    create_scaled_project("scale-300", 300)
    set_membership("demo-steering", "scale-300", "steering")
    return url


def _generated_data(scale: str, folder: Path, seed: int) -> Path:
    from benchmarks.make_data import SCALES, write_dataset

    out = folder / "data"
    print(f"writing the {scale} dataset to {out} ...", flush=True)
    write_dataset(SCALES[scale], out, seed)
    return out


def _load_generated(data: Path, folder: Path) -> str:
    from benchmarks.make_data import load_dataset

    url = f"sqlite:///{folder / 'source.db'}"
    use_database(url)
    started = time.perf_counter()
    load_dataset(data)
    print(f"loaded in {time.perf_counter() - started:.0f} s", flush=True)
    return url


def prepare(args: argparse.Namespace, folder: Path) -> Setup:
    from benchmarks.make_data import BENCH_PASSWORD, STEERING_USER

    if args.scale == "demo":
        source = args.database or _load_demo(folder)
        data = args.data
        username, password = "demo-steering", "livinglab-demo"
    else:
        data = args.data
        if data is None or not (data / "manifest.json").exists():
            data = _generated_data(args.scale, folder, args.seed)
        source = args.database or _load_generated(data, folder)
        username, password = STEERING_USER, BENCH_PASSWORD
    if args.database and sqlite_path(source) is not None:
        # A database loaded by an older version of the app: brought to the current schema on a
        # copy (the original is never written to), which every part then copies again.
        from models import migrate

        source = copy_database(source, folder, "source")
        migrate.upgrade(source)
    database = copy_database(source, folder, "work")
    use_database(database)
    projects = SCALE_PROJECTS[args.scale]
    return Setup(
        args.scale,
        folder,
        source,
        database,
        data,
        projects,
        username,
        password,
        largest="empact" if args.scale == "demo" else projects[-1],
    )


def table(figures: list[Figure]) -> str:
    lines = [f"{'part':<9} {'figure':<44} {'median':>12} {'budget':>12} {'':<4}  note", "-" * 110]
    for f in figures:
        value = "-" if f.value is None else f"{f.value:,.1f} {f.unit}"
        budget = "" if f.budget is None else f"{'>=' if f.at_least else '<'} {f.budget:,g}"
        note = f"ERROR: {f.error}" if f.error else f.note
        lines.append(f"{f.part:<9} {f.name:<44} {value:>12} {budget:>12} {f.verdict:<4}  {note}")
    return "\n".join(lines)


def machine() -> dict:
    memory = next(
        (
            line.split()[1]
            for line in Path("/proc/meminfo").read_text().splitlines()
            if line.startswith("MemTotal")
        ),
        "0",
    )
    return {
        "python": platform.python_version(),
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
        "memory_gb": round(int(memory) / 1024 / 1024, 1),
        "processor": platform.processor(),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.run", description=__doc__.splitlines()[0])
    parser.add_argument("--scale", choices=sorted(SCALE_PROJECTS), default="demo")
    parser.add_argument("--database", help="URL or SQLite path of a loaded database (copied)")
    parser.add_argument("--data", type=Path, help="folder of the make_data files")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--cold-repeat", type=int, default=3)
    parser.add_argument("--only", default=",".join(PARTS))
    parser.add_argument("--pages", help="page keys (default: every page a steering user sees)")
    parser.add_argument("--sessions", type=int, default=10)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--port", type=int, default=8613, help="of the server of `sessions`")
    parser.add_argument("--drawn-port", type=int, default=8620, help="of the server of `drawn`")
    parser.add_argument("--output", type=Path, default=RESULTS / "latest.json")
    args = parser.parse_args(argv)
    parts = [p for p in args.only.split(",") if p]
    if unknown := set(parts) - set(PARTS):
        parser.error(f"unknown parts {sorted(unknown)}; choose among {','.join(PARTS)}")
    pages = args.pages.split(",") if args.pages else None
    folder = Path(tempfile.mkdtemp(prefix="livinglab-bench-"))
    figures: list[Figure] = []
    started = time.perf_counter()
    try:
        setup = prepare(args, folder)
        print(f"{args.scale} scale, projects {', '.join(setup.projects)}, user {setup.username}", flush=True)
        for part in parts:
            print(f"[{part}]", flush=True)
            if part == "pages":
                from benchmarks import measure_pages

                figures += measure_pages.measure(
                    setup.projects, setup.username, args.repeat, args.cold_repeat, pages, setup.scale
                )
            elif part == "risk":
                from benchmarks import measure_risk

                figures += measure_risk.measure(setup, args.repeat)
            elif part == "imports":
                from benchmarks import measure_imports

                figures += measure_imports.measure(setup, args.seed)
            elif part == "sessions":
                from benchmarks import measure_browser

                figures += measure_browser.sessions(setup, args.sessions, args.port)
            elif part == "drawn":
                from benchmarks import measure_browser

                figures += measure_browser.drawn(setup, pages, args.repeat, args.drawn_port)
        write(args, parts, figures)  # what is done so far, should a later part hang
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    print()
    print(table(figures))
    over = [f for f in figures if f.ok is False]
    print(f"\n{len(figures)} figures, {len(over)} over budget, {time.perf_counter() - started:.0f} s")
    write(args, parts, figures)
    return 1 if over else 0


def write(args: argparse.Namespace, parts: list[str], figures: list[Figure]) -> None:
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(
        json.dumps(
            {
                "scale": args.scale,
                "database": args.database,
                "repeat": args.repeat,
                "cold_repeat": args.cold_repeat,
                "parts": parts,
                "machine": machine(),
                "when": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
                "figures": [f.as_json() for f in figures],
            },
            indent=2,
        )
        + "\n"
    )


if __name__ == "__main__":
    raise SystemExit(main())
