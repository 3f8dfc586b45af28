"""Measure server-side rerun times of the pages and the demo load; compare them to budgets.

    make bench            (or: python -m benchmarks.run [--repeat N] [--pages home,portfolio])

A page rerun is timed with Streamlit's AppTest: the whole script (entry script, sidebar, page)
runs as it does for a browser, without the network. Each figure is the median of `repeat` runs
after one warm-up; the machine is shared, so medians, not single runs, are compared to budgets.
Results are printed and written to benchmarks/results/latest.json.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import tempfile
import time
from pathlib import Path

os.environ.setdefault("LIVINGLAB_COOKIE_KEY", "benchmark-cookie-key-" + "x" * 40)
os.environ.setdefault("LIVINGLAB_BCRYPT_ROUNDS", "4")

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "results"
# Budgets in milliseconds, per page rerun (median).
PAGE_BUDGET_MS = 300.0


def _fresh_database(folder: Path) -> None:
    from dashboard.services.demo import load_demo
    from models import migrate
    from models.db import dispose_engines

    os.environ["LIVINGLAB_DATABASE_URL"] = f"sqlite:///{folder / 'bench.db'}"
    dispose_engines()
    migrate.upgrade()
    started = time.perf_counter()
    load_demo()
    return time.perf_counter() - started


def time_page(key: str, username: str, project: str, repeat: int) -> list[float]:
    from streamlit.testing.v1 import AppTest

    from dashboard.navigation import page_path

    from dashboard.i18n import set_language

    # AppTest formats widget options (format_func) in this thread too: one language for both.
    set_language("fr")
    at = AppTest.from_file(str(ROOT / "dashboard" / "app.py"), default_timeout=120)
    at.session_state["authentication_status"] = True
    at.session_state["username"] = username
    at.session_state["project_slug"] = project
    at.session_state["lang"] = "fr"
    at.session_state["_lang_chosen"] = True
    at.run()
    at.switch_page(page_path(key)).run()  # warm-up: first run imports and fills caches
    assert not at.exception, at.exception
    timings = []
    for _ in range(repeat):
        started = time.perf_counter()
        at.run()
        timings.append((time.perf_counter() - started) * 1000)
    return timings


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--pages", default="home,portfolio,decisions,risk_map,surveys,"
                                           "indicators,maturity")
    parser.add_argument("--project", default="empact")
    parser.add_argument("--scale", type=int, default=300,
                        help="also time the portfolio pages on a project of this many actions")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="livinglab-bench-"))
    try:
        results: dict[str, dict] = {"demo_load_s": round(_fresh_database(folder), 2)}
        print(f"demo load: {results['demo_load_s']} s")
        runs = [(key, args.project) for key in args.pages.split(",")]
        if args.scale:
            from benchmarks.scale import create_scaled_project
            from dashboard.services.users import set_membership

            slug = f"scale-{args.scale}"
            create_scaled_project(slug, args.scale)
            set_membership("demo-admin", slug, "admin")
            runs += [(key, slug) for key in ("portfolio", "gantt", "update_actions", "home")]
        failed = False
        for key, project in runs:
            timings = time_page(key, "demo-admin", project, args.repeat)
            median = statistics.median(timings)
            over = median > PAGE_BUDGET_MS
            failed |= over
            results[f"{project}/{key}"] = {"median_ms": round(median, 1), "min_ms": round(min(timings), 1),
                            "max_ms": round(max(timings), 1), "runs": len(timings),
                            "budget_ms": PAGE_BUDGET_MS, "within_budget": not over}
            print(f"{project + '/' + key:>26}: median {median:7.1f} ms  (min {min(timings):.1f}, "
                  f"max {max(timings):.1f}, {len(timings)} runs)  "
                  f"{'OVER BUDGET' if over else 'ok'}")
        RESULTS.mkdir(exist_ok=True)
        (RESULTS / "latest.json").write_text(json.dumps(results, indent=2))
        return 1 if failed else 0
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    raise SystemExit(main())
