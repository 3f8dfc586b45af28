"""What every part of `benchmarks.run` shares: a measured figure with its budget, medians, the
database a run works on (a copy, never the original) and the data files it reads."""

from __future__ import annotations

import os
import shutil
import sqlite3
import statistics
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


@dataclass
class Figure:
    """One measured figure. `budget` is an upper bound, or a lower bound when `at_least`."""

    part: str
    name: str
    value: float | None
    unit: str
    budget: float | None = None
    at_least: bool = False
    runs: int = 1
    note: str = ""
    samples: list[float] = field(default_factory=list)
    error: str = ""  # the figure could not be measured: why

    @property
    def ok(self) -> bool | None:
        if self.error:
            return False
        if self.budget is None or self.value is None:
            return None
        return self.value >= self.budget if self.at_least else self.value < self.budget

    @property
    def verdict(self) -> str:
        if self.error:
            return "FAIL"
        return {None: "", True: "ok", False: "OVER"}[self.ok]

    def as_json(self) -> dict:
        return {**asdict(self), "ok": self.ok, "verdict": self.verdict}


def median_of(
    function: Callable[[], object], repeat: int, before: Callable[[], object] | None = None
) -> list[float]:
    """Seconds of `repeat` calls of `function` (each after `before`, not timed)."""
    timings = []
    for _ in range(repeat):
        if before is not None:
            before()
        started = time.perf_counter()
        function()
        timings.append(time.perf_counter() - started)
    return timings


def median(samples: list[float]) -> float:
    return statistics.median(samples)


def sqlite_path(database: str) -> Path | None:
    """The file of a SQLite URL or path (None for another database)."""
    if database.startswith("sqlite:///"):
        return Path(database.removeprefix("sqlite:///"))
    if "://" in database:
        return None
    return Path(database)


def copy_database(database: str, folder: Path, name: str) -> str:
    """A URL of a copy of `database` in `folder` (the original is never written to). Other
    databases than SQLite are used in place."""
    source = sqlite_path(database)
    if source is None:
        return database
    if not source.exists():
        raise SystemExit(f"no database at {source}")
    from models.db import dispose_engines

    dispose_engines()  # the last connection closing checkpoints this process's WAL
    copy = folder / f"{name}.db"
    if Path(f"{source}-wal").exists():  # someone still has it open: copy what it committed
        with sqlite3.connect(f"file:{source}?mode=ro", uri=True) as original, sqlite3.connect(copy) as target:
            original.backup(target)
    else:
        shutil.copyfile(source, copy)
    return f"sqlite:///{copy}"


def use_database(url: str) -> None:
    """Point the app's services (in this process) at `url`."""
    from models.db import dispose_engines

    os.environ["LIVINGLAB_DATABASE_URL"] = url
    dispose_engines()


def peak_rss_mb(pid: int) -> float | None:
    """VmHWM (peak resident set) of a running process, in MB."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def rss_mb(pid: int) -> float | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None
