"""Import of a large partner survey: 5,000 responses x 40 items, preview then apply, on SQLite.

    python -m benchmarks.bench_survey_import [--responses 5000] [--items 40] [--repeat 5]

A questionnaire of 40 items (8 dimensions x 5) is installed in a fresh project first (not
timed); each timed run imports the same generated CSV (a Google Forms-like export: timestamp,
e-mail, category label, answers as labels and numbers, a comment column) into a new wave of a
fresh copy of that database, so that every run does the same work. Also timed: importing the
same file again (recognised, nothing written). Figures are medians; budget: 5 s.
"""

from __future__ import annotations

import argparse
import csv
import io
import os
import random
import shutil
import statistics
import tempfile
import time
from pathlib import Path

os.environ.setdefault("LIVINGLAB_COOKIE_KEY", "benchmark-cookie-key-" + "x" * 40)
os.environ.setdefault("LIVINGLAB_LOG_KEY", "benchmark-log-key-" + "y" * 40)

BUDGET_SECONDS = 5.0
CATEGORIES = [
    "1re ligne",
    "2e ligne",
    "Aide et soins à domicile",
    "Pouvoirs locaux (CPAS)",
    "Mutualités",
    "Secteur social",
]
LABELS = [
    "Pas du tout d'accord",
    "Pas d'accord",
    "Ni d'accord ni pas d'accord",
    "D'accord",
    "Tout à fait d'accord",
]


def questionnaire_csv(items: int) -> bytes:
    rows = ["code,dimension,text_fr,text_nl,text_en,reversed,dimension_fr,dimension_nl,dimension_en"]
    for n in range(items):
        dimension = f"dim{n // 5 + 1}"
        rows.append(
            f"Q{n + 1:02d},{dimension},Affirmation {n + 1},Stelling {n + 1},"
            f"Statement {n + 1},{'yes' if n % 7 == 6 else 'no'},"
            f"Dimension {n // 5 + 1},Dimensie {n // 5 + 1},Dimension {n // 5 + 1}"
        )
    return "\n".join(rows).encode()


def responses_csv(responses: int, items: int, seed: int = 7) -> bytes:
    rng = random.Random(seed)
    buffer = io.StringIO()
    writer = csv.writer(buffer, quoting=csv.QUOTE_ALL)
    writer.writerow(
        [
            "Horodateur",
            "Adresse e-mail",
            "Catégorie de votre organisation",
            *[f"Q{n + 1:02d}" for n in range(items)],
            "Commentaires",
        ]
    )
    for index in range(responses):
        person = rng.gauss(3.4, 0.6)
        answers = [min(5, max(1, round(rng.gauss(person, 0.8)))) for _ in range(items)]
        cells = [LABELS[a - 1] if (index + n) % 2 else str(a) for n, a in enumerate(answers)]
        day, minute = 1 + index % 28, index % 60
        writer.writerow(
            [
                f"2025/10/{day:02d} 10:{minute:02d}:{index % 60:02d} AM GMT+2",
                f"person{index}@example.be",
                CATEGORIES[index % len(CATEGORIES)],
                *cells,
                "Plus de réunions en ligne." if index % 9 == 0 else "",
            ]
        )
    return buffer.getvalue().encode()


def prepare(folder: Path, items: int) -> Path:
    from dashboard.services.access import cli_actor
    from dashboard.services.admin.projects import create_project
    from dashboard.services.partners.survey_import import apply_questionnaire_import
    from models import migrate
    from models.db import dispose_engines, session_scope
    from models.tables import Partner

    template = folder / "template.db"
    os.environ["LIVINGLAB_DATABASE_URL"] = f"sqlite:///{template}"
    dispose_engines()
    migrate.upgrade()
    project = create_project("bench", "Benchmark consortium")
    with session_scope() as session:
        session.add_all(
            Partner(
                project_id=project.id,
                name=f"Partner {n}",
                category=["first_line", "second_line", "home_care"][n % 3],
            )
            for n in range(150)
        )
    apply_questionnaire_import(cli_actor("bench"), questionnaire_csv(items), "questionnaire.csv")
    dispose_engines()
    return template


def timed_run(template: Path, folder: Path, run: int, content: bytes) -> tuple[float, float]:
    from dashboard.services.access import cli_actor
    from dashboard.services.partners.survey_import import apply_survey_import, preview_survey_import
    from models.db import dispose_engines

    database = folder / f"run-{run}.db"
    shutil.copy(template, database)
    os.environ["LIVINGLAB_DATABASE_URL"] = f"sqlite:///{database}"
    dispose_engines()
    actor = cli_actor("bench")
    started = time.perf_counter()
    preview = preview_survey_import(actor, content, "responses.csv", wave="2025")
    assert not preview.problems, preview.problems[:3]
    apply_survey_import(actor, content, "responses.csv", wave="2025")
    first = time.perf_counter() - started
    started = time.perf_counter()
    again = preview_survey_import(actor, content, "responses.csv", wave="2025")
    assert not again.has_changes and again.unchanged_respondents == preview.new_respondents
    apply_survey_import(actor, content, "responses.csv", wave="2025")
    second = time.perf_counter() - started
    dispose_engines()
    return first, second


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--responses", type=int, default=5000)
    parser.add_argument("--items", type=int, default=40)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        template = prepare(folder, args.items)
        content = responses_csv(args.responses, args.items)
        print(f"file: {args.responses} responses x {args.items} items, {len(content) / 1e6:.1f} MB CSV")
        timed_run(template, folder, 0, content)  # warm-up: imports, caches
        runs = [timed_run(template, folder, run, content) for run in range(1, args.repeat + 1)]
    imports = [first for first, _ in runs]
    again = [second for _, second in runs]
    median = statistics.median(imports)
    print(
        f"preview + apply (new wave): median {median:.2f} s over {args.repeat} runs "
        f"(min {min(imports):.2f}, max {max(imports):.2f}); budget {BUDGET_SECONDS:.0f} s: "
        f"{'OK' if median < BUDGET_SECONDS else 'OVER'}"
    )
    print(f"same file again (preview + apply, nothing written): median {statistics.median(again):.2f} s")


if __name__ == "__main__":
    main()
