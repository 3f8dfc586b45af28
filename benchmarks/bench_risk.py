"""The Risk map: size of the map sent to the browser, reading and suppressing a project's counts,
and the page's rerun time, for the two demo projects and a larger generated project.

    python -m benchmarks.bench_risk [--repeat 9] [--regions 30]

On a fresh SQLite database with the demo consortium. The generated project has `--regions`
square care regions (imported through the real geometry importer) and 7 years of counts by
stratum, age band x sex (with small cells among the young) and condition (imported through the
real risk importer). Figures are medians of repeated runs after a warm-up. Budgets: the map
under 1 MB, the page rerun under 300 ms (cached data), reading and suppressing a project's
counts (once per data version) under 3 s.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import random
import shutil
import statistics
import tempfile
import time
from pathlib import Path

os.environ.setdefault("LIVINGLAB_COOKIE_KEY", "benchmark-cookie-key-" + "x" * 40)
os.environ.setdefault("LIVINGLAB_LOG_KEY", "benchmark-log-key-" + "y" * 40)
os.environ.setdefault("LIVINGLAB_BCRYPT_ROUNDS", "4")

PAYLOAD_BUDGET_BYTES = 1_000_000
PAGE_BUDGET_MS = 300.0
LOAD_BUDGET_S = 3.0
BANDS = ("0-17", "18-44", "45-64", "65-74", "75+")
SHARES = (0.635, 0.265, 0.081, 0.019)
AGE_SHARES = (
    (0.27, 0.38, 0.25, 0.06, 0.04),
    (0.05, 0.22, 0.38, 0.20, 0.15),
    (0.01, 0.08, 0.28, 0.28, 0.35),
    (0.003, 0.03, 0.14, 0.25, 0.577),
)


def median_ms(function, repeat: int) -> float:  # noqa: ANN001
    function()  # warm-up
    timings = []
    for _ in range(repeat):
        started = time.perf_counter()
        function()
        timings.append((time.perf_counter() - started) * 1000)
    return statistics.median(timings)


def map_payload(slug: str, measure: str = "share", **view: object) -> int:
    """Bytes of the map (deck spec and tooltip) for a view, built as the page builds it."""
    from dashboard.charts import population as charts
    from dashboard.services.population import risk, risk_classes
    from dashboard.services.access import cli_actor
    from dashboard.services.admin.projects import get_project
    from dashboard.services.population.risk import Measure, RiskView
    from dashboard.presenters import population as display

    project = get_project(slug)
    data = risk.load_risk_data(cli_actor(slug))
    chosen = RiskView(year=data.years[-1], measure=Measure(measure), **view)
    table = risk.region_table(data, chosen)
    classes = risk_classes.measure_breaks(data, chosen)
    shown = display.shown_regions(table, chosen, classes, project)
    deck = charts.risk_map(
        charts.region_features(data.regions, shown, classes.edges),
        display.map_labels(data.regions, shown, chosen),
        charts.initial_view(data.bounds),
        charts.MapTexts("Population", "Value", tuple(project.stratum_label(s) for s in range(4)), "Actions"),
    )
    return charts.payload_size(deck)


def generated_project(slug: str, regions: int, seed: int = 11) -> None:
    """A project of `regions` square regions with 7 years of counts, through the importers."""
    from dashboard.services.access import cli_actor
    from dashboard.services.population.geo_import import apply_geo_import
    from dashboard.services.admin.projects import create_project
    from dashboard.services.population.risk_import import apply_risk_import
    from dashboard.services.admin.users import set_membership

    rng = random.Random(seed)
    create_project(slug, f"Risk scale test ({regions} regions)")
    set_membership("demo-admin", slug, "admin")
    actor = cli_actor(slug)
    side = int(regions**0.5 + 0.999)
    features = []
    for n in range(regions):
        x, y = 4.0 + (n % side) * 0.08, 50.3 + (n // side) * 0.06
        features.append(
            {
                "type": "Feature",
                "properties": {"code": f"R{n:02d}", "name": f"Region {n:02d}"},
                "geometry": {
                    "type": "Polygon",
                    "coordinates": [[[x, y], [x + 0.08, y], [x + 0.08, y + 0.06], [x, y + 0.06], [x, y]]],
                },
            }
        )
    apply_geo_import(
        actor, json.dumps({"type": "FeatureCollection", "features": features}).encode(), "regions.geojson"
    )
    out = io.StringIO()
    out.write("region,year,stratum,age_band,sex,condition,persons,population\n")
    for n in range(regions):
        population = rng.randint(8_000, 40_000)
        for year in range(2018, 2025):
            by_stratum = [round(population * s * rng.uniform(0.9, 1.1)) for s in SHARES]
            total = sum(by_stratum)
            for stratum, persons in enumerate(by_stratum):
                out.write(f"R{n:02d},{year},{stratum},,,,{persons},{total}\n")
                for band, share in zip(BANDS, AGE_SHARES[stratum], strict=True):
                    in_band = round(persons * share)
                    female = in_band // 2
                    out.write(f"R{n:02d},{year},{stratum},{band},female,,{female},{total}\n")
                    out.write(f"R{n:02d},{year},{stratum},{band},male,,{in_band - female},{total}\n")
                if stratum:
                    for condition in ("diabetes", "copd", "heart_failure"):
                        out.write(
                            f"R{n:02d},{year},{stratum},,,{condition},"
                            f"{round(persons * rng.uniform(0.05, 0.3))},{total}\n"
                        )
    apply_risk_import(actor, out.getvalue().encode(), "counts.csv")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=9)
    parser.add_argument("--regions", type=int, default=30)
    args = parser.parse_args()

    from benchmarks.run import _fresh_database, time_page
    from dashboard.services.population import risk
    from dashboard.services.access import cli_actor

    folder = Path(tempfile.mkdtemp(prefix="livinglab-bench-risk-"))
    failed = False
    try:
        _fresh_database(folder)
        slug = f"risk-{args.regions}"
        started = time.perf_counter()
        generated_project(slug, args.regions)
        print(f"generated project {slug}: imported in {time.perf_counter() - started:.1f} s")
        for project in ("empact", "chronicopole", slug):
            sizes = {
                "share, stratum 3": map_payload(project),
                "count, 0-17, stratum 3": map_payload(project, "count", age_band="0-17"),
                "prevalence, diabetes": map_payload(project, "prevalence", condition="diabetes"),
            }
            for view, size in sizes.items():
                over = size > PAYLOAD_BUDGET_BYTES
                failed |= over
                print(
                    f"{project:>13} map payload ({view}): {size / 1000:7.1f} kB"
                    f"{'  OVER BUDGET' if over else ''}"
                )
            reader = cli_actor(project)
            load = median_ms(lambda reader=reader: risk.load_risk_data(reader), args.repeat)
            failed |= load > LOAD_BUDGET_S * 1000
            print(f"{project:>13} read and suppress all counts: median {load:7.1f} ms")
            timings = time_page("risk_map", "demo-admin", project, args.repeat)
            page = statistics.median(timings)
            failed |= page > PAGE_BUDGET_MS
            print(
                f"{project:>13} risk map rerun: median {page:7.1f} ms (min "
                f"{min(timings):.1f}, max {max(timings):.1f}, {len(timings)} runs)"
                f"{'  OVER BUDGET' if page > PAGE_BUDGET_MS else ''}"
            )
        return 1 if failed else 0
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    raise SystemExit(main())
