"""(b) Risk aggregation + suppression: the app's code against a pandas and a DuckDB baseline that
compute the same aggregate from the same Parquet file, timed in one run.

The app: `services.risk.stratum_cells` and `condition_cells`, what `load_risk_data` (the Risk
map's read) calls once the rows are read: every cell region (and the whole project) x year x
stratum (and all strata) x age band (and all ages) x sex (and both), and per condition, with
its margins, then `suppression.suppress_in_margins`: primary suppression of counts below 5 and
the secondary suppression that keeps them from being worked out of the shown cells and margins.

The baselines read the same file and build the same cells with their margins (pandas: one
group-by per combination of margins; DuckDB: GROUP BY CUBE), then hide the counts below 5
(the same primary rule). They do NOT do secondary suppression (nothing stops a hidden cell
being recovered by subtraction), nor the recorded population replacing the sum of strata (the
generated files' populations are that sum). So they are a lower bound of the work: the ratio
says how much the app's safety and polars cost (or save) against the obvious code.

Also timed: `load_risk_data` itself on the database (reading the rows through SQL, the
outlines, the actions' coverage), what the Risk map waits for after a change.
"""

from __future__ import annotations

from pathlib import Path

import polars as pl

from benchmarks.harness import Figure, median, median_of

SUBSET_REGIONS = 60
SUBSET_BUDGET_S = 1.0
NATIONAL_BUDGET_S = 10.0
RATIO_BUDGET = 5.0
THRESHOLD = 5
STRATUM_SETS = [(r, s, a, x) for r in (0, 1) for s in (0, 1) for a in (0, 1) for x in (0, 1)]


# ---------------------------------------------------------------- the app


def app_cells(path: Path) -> tuple[pl.DataFrame, pl.DataFrame]:
    """The app's cells from a risk file, as `load_risk_data` builds them from the database
    rows (region codes numbered like region ids, no condition stored as "")."""
    from dashboard.services.population import risk

    frame = pl.read_parquet(path)
    codes = frame["region"].unique().sort()
    ids = pl.DataFrame({"region": codes, "region_id": pl.int_range(1, len(codes) + 1, eager=True)})
    frame = frame.join(ids, on="region")
    counts = frame.select(
        "region_id",
        "year",
        pl.col("stratum").cast(pl.Int64),
        "age_band",
        "sex",
        pl.col("condition").fill_null(risk.ALL),
        "persons",
    )
    populations = frame.select("region_id", "year", "population").unique()
    return risk.stratum_cells(counts, populations), risk.condition_cells(counts)


# ---------------------------------------------------------------- pandas


def pandas_cells(path: Path):  # noqa: ANN201
    """Cells and margins with one pandas group-by per combination; counts < 5 hidden."""
    import pandas as pd

    frame = pd.read_parquet(path)
    plain = frame[frame["condition"].isna()]
    stratum_parts = []
    for by_region, by_stratum, by_age, by_sex in STRATUM_SETS:
        keys = ["year"] + [
            k
            for k, on in (
                ("region", by_region),
                ("stratum", by_stratum),
                ("age_band", by_age),
                ("sex", by_sex),
            )
            if on
        ]
        part = plain.groupby(keys, as_index=False, observed=True)["persons"].sum()
        for column, on, total in (
            ("region", by_region, "PROJECT"),
            ("stratum", by_stratum, -1),
            ("age_band", by_age, ""),
            ("sex", by_sex, ""),
        ):
            if not on:
                part[column] = total
        stratum_parts.append(part)
    strata = pd.concat(stratum_parts, ignore_index=True)
    strata["persons"] = strata["persons"].where(strata["persons"] >= THRESHOLD)
    with_condition = frame[frame["condition"].notna()]
    condition_parts = []
    for by_region, by_age, by_sex in [(r, a, x) for r in (0, 1) for a in (0, 1) for x in (0, 1)]:
        keys = ["year", "condition"] + [
            k for k, on in (("region", by_region), ("age_band", by_age), ("sex", by_sex)) if on
        ]
        part = with_condition.groupby(keys, as_index=False, observed=True)["persons"].sum()
        for column, on, total in (
            ("region", by_region, "PROJECT"),
            ("age_band", by_age, ""),
            ("sex", by_sex, ""),
        ):
            if not on:
                part[column] = total
        condition_parts.append(part)
    conditions = pd.concat(condition_parts, ignore_index=True)
    conditions["persons"] = conditions["persons"].where(conditions["persons"] >= THRESHOLD)
    return strata, conditions


# ---------------------------------------------------------------- DuckDB


def duckdb_cells(path: Path):  # noqa: ANN201
    """The same cells with GROUP BY CUBE in DuckDB; counts < 5 hidden."""
    import duckdb

    source = f"read_parquet('{path}')"
    hide = f"CASE WHEN sum(persons) >= {THRESHOLD} THEN sum(persons) END AS persons"
    with duckdb.connect() as connection:
        strata = connection.sql(f"""
            SELECT year,
                   CASE WHEN grouping(region) = 1 THEN 'PROJECT' ELSE region END AS region,
                   CASE WHEN grouping(stratum) = 1 THEN -1 ELSE stratum END AS stratum,
                   CASE WHEN grouping(age_band) = 1 THEN '' ELSE age_band END AS age_band,
                   CASE WHEN grouping(sex) = 1 THEN '' ELSE sex END AS sex, {hide}
            FROM {source} WHERE condition IS NULL
            GROUP BY year, CUBE (region, stratum, age_band, sex)""").to_arrow_table()
        conditions = connection.sql(f"""
            SELECT year, condition,
                   CASE WHEN grouping(region) = 1 THEN 'PROJECT' ELSE region END AS region,
                   CASE WHEN grouping(age_band) = 1 THEN '' ELSE age_band END AS age_band,
                   CASE WHEN grouping(sex) = 1 THEN '' ELSE sex END AS sex, {hide}
            FROM {source} WHERE condition IS NOT NULL
            GROUP BY year, condition, CUBE (region, age_band, sex)""").to_arrow_table()
    return strata, conditions


# ---------------------------------------------------------------- files and figures


def subset_file(setup, folder: Path, regions: int = SUBSET_REGIONS) -> Path:  # noqa: ANN001
    """The first `regions` regions of the federal file (or of generated counts)."""
    out = folder / f"risk-{regions}.parquet"
    federal = setup.data / "federal" / "risk.parquet" if setup.data else None
    if federal is not None and federal.exists():
        frame = pl.read_parquet(federal)
        chosen = frame["region"].unique().sort()[:regions]
        frame.filter(pl.col("region").is_in(chosen.implode())).write_parquet(out)
    else:
        import numpy as np

        from benchmarks.make_data import region_populations, risk_frame

        rng = np.random.default_rng(2026)
        codes = [f"{10000 + n:05d}" for n in range(regions)]
        risk_frame(codes, region_populations(codes, rng), rng, True).write_parquet(out)
    return out


def largest_file(setup) -> tuple[str, Path] | None:  # noqa: ANN001
    if setup.data is None:
        return None
    for name in (setup.largest, "pilot-01"):
        path = setup.data / name / "risk.parquet"
        if path.exists():
            return name, path
    return None


def _rows(table) -> int:  # noqa: ANN001
    return table.num_rows if hasattr(table, "num_rows") else len(table)


def compare(label: str, path: Path, budget: float, repeat: int) -> list[Figure]:
    regions = pl.scan_parquet(path).select(pl.col("region").n_unique()).collect().item()
    rows = pl.scan_parquet(path).select(pl.len()).collect().item()
    size = f"{regions} regions, {rows:,} rows"
    app_result = app_cells(path)
    pandas_result = pandas_cells(path)
    duck_result = duckdb_cells(path)
    same = [len(app_result[i]) == _rows(pandas_result[i]) == _rows(duck_result[i]) for i in (0, 1)]
    app_hidden = sum(int(frame["persons_suppressed"].sum()) for frame in app_result)
    primary_hidden = sum(int(frame["persons"].isna().sum()) for frame in pandas_result)
    app = median_of(lambda: app_cells(path), repeat)
    pandas = median_of(lambda: pandas_cells(path), repeat)
    duck = median_of(lambda: duckdb_cells(path), repeat)
    cells = len(app_result[0]) + len(app_result[1])
    checked = (
        "same cells in all three" if all(same) else f"CELL COUNTS DIFFER (strata, conditions equal: {same})"
    )
    figures = [
        Figure(
            "risk",
            f"{label}: app (polars, primary+secondary)",
            round(median(app), 2),
            "s",
            budget,
            runs=repeat,
            samples=[round(s, 3) for s in app],
            note=f"{size}; {cells:,} cells, {app_hidden:,} hidden",
        ),
        Figure(
            "risk",
            f"{label}: pandas baseline",
            round(median(pandas), 2),
            "s",
            runs=repeat,
            samples=[round(s, 3) for s in pandas],
            note=f"primary < 5 only: {primary_hidden:,} hidden; {checked}",
        ),
        Figure(
            "risk",
            f"{label}: DuckDB baseline",
            round(median(duck), 2),
            "s",
            runs=repeat,
            samples=[round(s, 3) for s in duck],
            note="GROUP BY CUBE, primary < 5 only",
        ),
        Figure(
            "risk",
            f"{label}: pandas time / app time",
            round(median(pandas) / median(app), 2),
            "x",
            RATIO_BUDGET,
            at_least=True,
            runs=repeat,
            note="app must be >= 5x faster than pandas",
        ),
        Figure(
            "risk",
            f"{label}: DuckDB time / app time",
            round(median(duck) / median(app), 2),
            "x",
            runs=repeat,
            note="> 1: app faster",
        ),
    ]
    for figure in figures:
        print(f"  {figure.name:<44} {figure.value:>8} {figure.unit}  {figure.verdict}", flush=True)
    return figures


def load_risk_data_figure(project: str, repeat: int) -> Figure:
    from dashboard.services.population import risk
    from dashboard.services.access import cli_actor

    reader = cli_actor(project)
    samples = median_of(lambda: risk.load_risk_data(reader), repeat)
    figure = Figure(
        "risk",
        f"{project}: load_risk_data (DB)",
        round(median(samples), 2),
        "s",
        runs=repeat,
        samples=[round(s, 3) for s in samples],
        note="what the Risk map waits for after a change: SQL read + cells + outlines + coverage",
    )
    print(f"  {figure.name:<44} {figure.value:>8} s", flush=True)
    return figure


def measure(setup, repeat: int) -> list[Figure]:  # noqa: ANN001
    figures = compare(f"{SUBSET_REGIONS} regions", subset_file(setup, setup.folder), SUBSET_BUDGET_S, repeat)
    if (largest := largest_file(setup)) is not None:
        name, path = largest
        figures += compare(name, path, NATIONAL_BUDGET_S if name == "federal" else SUBSET_BUDGET_S, repeat)
    figures.append(load_risk_data_figure(setup.largest, repeat))
    return figures
