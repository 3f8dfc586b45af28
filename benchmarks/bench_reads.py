"""Reading a fact table into a polars frame (`models.db.read_frame`) at 1x and 2x rows: the
bulk path (SQLite cursor straight into the frame) against polars' read_database on the
SQLAlchemy connection (what read_frame did before), and how each grows.

    python -m benchmarks.bench_reads [--rows 300000] [--repeat 3]

The table has the shape of the survey answers and the risk counts: integer keys, an integer
value, a short text and a boolean. Figures are medians of `repeat` reads. A cost that grows
faster than the data (2x / 1x well above 2) is a defect; the bulk path should also stay
several times faster than the old one.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

import polars as pl
from sqlalchemy import Boolean, Column, Integer, MetaData, String, Table, create_engine, insert, select


def _table(url: str, rows: int) -> Table:
    metadata = MetaData()
    facts = Table(
        "facts",
        metadata,
        Column("id", Integer, primary_key=True),
        Column("respondent_id", Integer),
        Column("item_code", String),
        Column("value", Integer),
        Column("reversed", Boolean),
    )
    engine = create_engine(url)
    metadata.create_all(engine)
    with engine.begin() as connection:
        connection.execute(
            insert(facts),
            [
                {
                    "respondent_id": n // 40,
                    "item_code": f"Q{n % 40:02d}",
                    "value": n % 5 + 1,
                    "reversed": n % 7 == 0,
                }
                for n in range(rows)
            ],
        )
    return facts


def _median(run, repeat: int) -> float:  # noqa: ANN001
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.bench_reads")
    parser.add_argument("--rows", type=int, default=300_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    from models import db

    results: dict[str, list[float]] = {"bulk (read_frame)": [], "read_database (before)": []}
    with tempfile.TemporaryDirectory() as folder:
        for rows in (args.rows, 2 * args.rows):
            url = f"sqlite:///{Path(folder) / f'facts-{rows}.db'}"
            facts = _table(url, rows)
            statement = select(facts.c.respondent_id, facts.c.item_code, facts.c.value, facts.c.reversed)
            engine = db.get_engine(url)
            schema = db._statement_schema(statement)
            with engine.connect() as connection:
                bulk = _median(lambda s=statement, c=connection, k=schema: db._read(s, c, k, k), args.repeat)
                old = _median(
                    lambda s=statement, c=connection, k=schema: pl.read_database(
                        s, connection=c, schema_overrides=k
                    ),
                    args.repeat,
                )
            results["bulk (read_frame)"].append(bulk)
            results["read_database (before)"].append(old)
    print(f"{'path':<24} {args.rows:>10,} rows s {2 * args.rows:>10,} rows s {'2x / 1x':>8}")
    for name, (one, two) in results.items():
        print(f"{name:<24} {one:>15.3f} {two:>15.3f} {two / one:>8.2f}")
    bulk, old = results["bulk (read_frame)"], results["read_database (before)"]
    print(f"speed-up at {2 * args.rows:,} rows: {old[1] / bulk[1]:.1f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
