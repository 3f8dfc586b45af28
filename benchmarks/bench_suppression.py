"""Small-cell suppression of the risk map's stratum table at growing sizes: how its cost grows.

    python -m benchmarks.bench_suppression [--repeat 3] [--regions 20,60,200,600] [--dense]

Each table is region x stratum (4) x age band (10) x sex (2) x 10 years with every margin, as
`risk.stratum_cells` builds it (1,650 cells per region and year), with realistic counts: small
cells among the young in the high strata. Figures are medians of `repeat` runs of
`suppress_in_margins`, wall and CPU time. `--dense` times the audit it replaced (one dense SVD
per year, kept as the tests' oracle) on the sizes up to 60 regions, for the before / after ratio.

Budgets (issue 12): 60 regions under 1 s, 600 regions (national) under 10 s.
"""

from __future__ import annotations

import argparse
import itertools
import math
import random
import statistics
import time

import polars as pl

BUDGET_S = {60: 1.0, 600: 10.0}
STRATUM_SHARES = (0.63, 0.26, 0.08, 0.03)
AGE_BANDS = 10


def stratum_table(regions: int, years: int = 10, seed: int = 1) -> tuple[pl.DataFrame, dict]:
    """The table with its margins (region -1, stratum -1, age "" and sex "" mean all)."""
    rng = random.Random(seed)
    rows = []
    for year, region in itertools.product(range(years), range(regions)):
        population = rng.randint(2_000, 40_000)
        for stratum, share in enumerate(STRATUM_SHARES):
            weights = [(band + 1) ** stratum for band in range(AGE_BANDS)]
            for band, weight in enumerate(weights):
                mean = population * share * weight / sum(weights) / 2
                for sex in ("female", "male"):
                    persons = max(0, round(rng.gauss(mean, mean**0.5 + 0.5)))
                    rows.append((2015 + year, region, stratum, f"{band * 10}+", sex, persons))
    inner = pl.DataFrame(
        rows, schema=["year", "region_id", "stratum", "age_band", "sex", "persons"], orient="row"
    )
    totals = {"region_id": -1, "stratum": -1, "age_band": "", "sex": ""}
    parts = []
    for k in range(len(totals) + 1):
        for summed in itertools.combinations(totals, k):
            kept = [d for d in totals if d not in summed]
            part = inner.group_by(["year", *kept]).agg(pl.col("persons").sum()) if summed else inner
            parts.append(
                part.with_columns(pl.lit(totals[d], dtype=inner.schema[d]).alias(d) for d in summed).select(
                    inner.columns
                )
            )
    return pl.concat(parts).sort("year", "region_id", "stratum", "age_band", "sex"), totals


def timed(table: pl.DataFrame, totals: dict, repeat: int) -> tuple[float, float, int]:
    from dashboard.services.suppression import suppress_in_margins

    walls, cpus = [], []
    for _ in range(repeat):
        wall, cpu = time.perf_counter(), time.process_time()
        result = suppress_in_margins(table, "persons", totals, keys=("year",))
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return statistics.median(walls), statistics.median(cpus), int(result["persons_suppressed"].sum())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--regions", default="20,60,200,600")
    parser.add_argument("--dense", action="store_true")
    args = parser.parse_args()
    sizes = [int(n) for n in args.regions.split(",")]
    failed = False
    previous: tuple[int, float] | None = None
    print(f"{'regions':>7} {'cells':>9} {'hidden':>8} {'wall s':>8} {'cpu s':>8} {'growth':>7}")
    for regions in sizes:
        table, totals = stratum_table(regions)
        wall, cpu, hidden = timed(table, totals, args.repeat)
        growth = f"n^{math.log(cpu / previous[1]) / math.log(regions / previous[0]):.2f}" if previous else ""
        over = wall > BUDGET_S.get(regions, math.inf)
        failed |= over
        print(
            f"{regions:>7} {table.height:>9,} {hidden:>8,} {wall:>8.2f} {cpu:>8.2f} {growth:>7}"
            f"{'  OVER BUDGET' if over else ''}"
        )
        previous = (regions, cpu)
    if args.dense:
        from dashboard.services import suppression
        from tests.unit.test_suppression_audit import dense_determined

        sparse_audit = suppression._determined_cells
        suppression._determined_cells = lambda marked, flag, totals, keys: sorted(
            dense_determined(marked, flag, totals, keys)
        )
        try:
            for regions in [n for n in sizes if n <= 60]:
                table, totals = stratum_table(regions)
                wall, cpu, hidden = timed(table, totals, 1)
                print(
                    f"{regions:>7} {table.height:>9,} {hidden:>8,} {wall:>8.2f} {cpu:>8.2f}"
                    "   (dense audit, before)"
                )
        finally:
            suppression._determined_cells = sparse_audit
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
