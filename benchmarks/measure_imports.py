"""(c) Imports into a fresh copy of the database, with the command-line importers users run
(`python -m dashboard import ...`, as benchmarks.make_data loads its data): the care regions
(outlines + municipality mapping) of the largest project's files, 1,000 actions, a wave of
50,000 survey responses to 40 items and the risk rows (the federal file at national scale),
into a new project. Each import is one subprocess, run once; its time is wall-clock and its peak
memory its maximum resident set (`resource.getrusage(RUSAGE_CHILDREN)` in a small launcher
process whose only child is the import).
"""

from __future__ import annotations

import os
import random
import subprocess
import sys
import time
from pathlib import Path

import polars as pl

from benchmarks.harness import ROOT, Figure, copy_database

ACTIONS = 1_000
RESPONSES = 50_000
PROJECT = "bench-import"


# A small process runs the import and reports its child's peak: a child forked straight from
# this (large) process would start with this process's resident set as its high-water mark.
LAUNCHER = (
    "import resource, subprocess, sys\n"
    "code = subprocess.call(sys.argv[1:])\n"
    "print(f'PEAK_RSS_KB {resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}')\n"
    "sys.exit(code)\n"
)


def run_cli(args: list[str], env: dict, log: Path) -> tuple[float, float]:
    """Seconds and peak RSS (MB) of `python -m dashboard <args>`; raises on failure."""
    with log.open("w") as out:
        started = time.perf_counter()
        code = subprocess.call(
            [sys.executable, "-c", LAUNCHER, sys.executable, "-m", "dashboard", *args],
            cwd=ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
        seconds = time.perf_counter() - started
    printed = log.read_text()
    if code != 0:
        raise RuntimeError(f"python -m dashboard {' '.join(args)} failed ({code}): {printed[-800:]}")
    peak = next(line.split()[1] for line in printed.splitlines()[::-1] if line.startswith("PEAK_RSS_KB "))
    return seconds, int(peak) / 1024  # KB on Linux


def source_files(setup, seed: int) -> tuple[Path, Path]:  # noqa: ANN001
    """The outlines and mapping of the project with the most regions among the data files
    (generated at project scale when the run has none)."""
    data = setup.data
    if data is None:
        from benchmarks.make_data import SCALES, write_dataset

        data = setup.folder / "data"
        write_dataset(SCALES["project"], data, seed)
        setup.data = data
    name = setup.largest if (data / setup.largest).exists() else "pilot-01"
    return data / name, data / name / "risk.parquet"


def measure(setup, seed: int) -> list[Figure]:  # noqa: ANN001
    from benchmarks.make_data import plan_file, questionnaire_file, survey_file

    folder, risk_file = source_files(setup, seed)
    work = setup.folder / "imports"
    work.mkdir(exist_ok=True)
    database = copy_database(setup.source, setup.folder, "imports")
    env = dict(os.environ, LIVINGLAB_DATABASE_URL=database)
    regions = pl.read_csv(
        folder / "regions-mapping.csv", schema_overrides={"region": pl.String, "nis": pl.String}
    )
    codes = regions["region"].to_list()
    rng = random.Random(seed)
    files = {
        "actions": work / "actions-1000.csv",
        "questionnaire": work / "questionnaire.csv",
        "survey": work / "survey-50000.csv",
    }
    files["actions"].write_bytes(plan_file(codes, ACTIONS, rng))
    files["questionnaire"].write_bytes(questionnaire_file())
    files["survey"].write_bytes(survey_file(0, 2025, RESPONSES, rng))
    risk_rows = pl.scan_parquet(risk_file).select(pl.len()).collect().item()
    run_cli(["projects", "add", PROJECT, "--name", "Import benchmark"], env, work / "add.log")
    steps = [
        (
            "care regions",
            f"{len(codes)} outlines + mapping ({folder.name})",
            [
                "import",
                "geo",
                str(folder / "regions.geojson"),
                "--mapping",
                str(folder / "regions-mapping.csv"),
            ],
        ),
        (f"{ACTIONS:,} actions", "action plan, 3 levels", ["import", "actions", str(files["actions"])]),
        ("questionnaire", "40 items", ["import", "questionnaire", str(files["questionnaire"])]),
        (
            f"{RESPONSES:,} responses",
            "one wave x 40 items",
            ["import", "survey", str(files["survey"]), "--wave", "2025"],
        ),
        (f"{risk_rows:,} risk rows", f"{folder.name}/risk.parquet", ["import", "risk", str(risk_file)]),
    ]
    figures = []
    for name, what, args in steps:
        try:
            seconds, peak = run_cli([*args, "--project", PROJECT], env, work / f"{args[1]}.log")
        except RuntimeError as failure:
            figures.append(
                Figure("imports", f"{name}: time", None, "s", note=what, error=str(failure)[-300:])
            )
            print(f"  {name}: failed: {failure}", flush=True)
            continue
        figures += [
            Figure("imports", f"{name}: time", round(seconds, 1), "s", note=what),
            Figure("imports", f"{name}: peak RSS", round(peak), "MB", note="of the importing process"),
        ]
        print(f"  {name:<24} {seconds:7.1f} s  {peak:7.0f} MB", flush=True)
    Path(database.removeprefix("sqlite:///")).unlink(missing_ok=True)
    return figures
