"""Importing risk counts and region outlines into a project: good files in every format,
every kind of bad file (nothing written), re-imports, replacements, permissions, and the
command line. On SQLite and PostgreSQL."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest
from sqlmodel import func, select

from dashboard.cli import main
from dashboard.errors import PermissionDenied, ValidationFailed
from dashboard.services.population import geo_import
from dashboard.services.population import risk
from dashboard.services.population import risk_import
from dashboard.services.access import actor_for, cli_actor
from dashboard.services.admin.projects import create_project, get_project
from models.db import session_scope
from models.tables import CareRegion, ImportLog, RegionPopulation, RiskCount

DATA = Path(__file__).resolve().parent.parent / "data"


def file(kind: str, name: str) -> tuple[bytes, str]:
    return (DATA / kind / name).read_bytes(), name


def table_counts() -> dict[str, int]:
    with session_scope() as session:
        return {
            t.__name__: session.exec(select(func.count()).select_from(t)).one()
            for t in (RiskCount, RegionPopulation, CareRegion, ImportLog)
        }


def persons(project_id: int, region_code: str, year: int, **cell: object) -> int | None:
    with session_scope() as session:
        row = session.exec(
            select(RiskCount.persons)
            .join(CareRegion, CareRegion.id == RiskCount.region_id)
            .where(
                RiskCount.project_id == project_id,
                CareRegion.code == region_code,
                RiskCount.year == year,
                RiskCount.stratum == cell.get("stratum", 0),
                RiskCount.age_band == cell.get("age_band", ""),
                RiskCount.sex == cell.get("sex", ""),
                RiskCount.condition == cell.get("condition", ""),
            )
        ).first()
        return row


@pytest.fixture
def empact(demo_db):
    return cli_actor("empact")


# ---------------------------------------------------------------- risk counts


@pytest.mark.parametrize("name", ["good.csv", "good.xlsx", "good.parquet", "good_french.csv"])
def test_a_good_file_adds_its_region_years(empact, name):
    before = table_counts()
    version = get_project("empact").data_version
    preview = risk_import.preview_risk_import(empact, *file("risk", name))
    assert preview.problems == []
    assert [(c.region, c.year, c.added) for c in preview.new] == [
        ("Diksmuide", 2025, 4),
        ("Ieper", 2025, 15),
        ("Poperinge", 2025, 4),
    ]
    assert table_counts() == before  # a preview writes nothing
    risk_import.apply_risk_import(empact, *file("risk", name))
    assert table_counts()["RiskCount"] == before["RiskCount"] + 23
    assert persons(empact.project_id, "IEP", 2025, stratum=3, age_band="0-17", sex="female") == 2
    assert persons(empact.project_id, "IEP", 2025, stratum=2, condition="diabetes") == 1402
    with session_scope() as session:
        ieper = session.exec(
            select(CareRegion).where(CareRegion.code == "IEP", CareRegion.project_id == empact.project_id)
        ).one()
        population = session.exec(
            select(RegionPopulation.population).where(
                RegionPopulation.region_id == ieper.id, RegionPopulation.year == 2025
            )
        ).one()
        assert population == 62950 and ieper.population == 62950  # the latest year
        log = session.exec(select(ImportLog).where(ImportLog.kind == "risk")).one()
        assert log.file_name == name and log.imported_by == "cli"
    assert get_project("empact").data_version == version + 1
    assert 2025 in risk.years(empact)


def test_importing_the_same_file_again_changes_nothing(empact):
    risk_import.apply_risk_import(empact, *file("risk", "good.csv"))
    before = table_counts()
    version = get_project("empact").data_version
    again = risk_import.apply_risk_import(empact, *file("risk", "good.csv"))
    assert not again.has_changes and len(again.unchanged) == 3
    assert table_counts() == before and get_project("empact").data_version == version
    # the same data in another format is the same data
    assert not risk_import.preview_risk_import(empact, *file("risk", "good.parquet")).has_changes


def test_a_file_replaces_the_region_years_it_holds_and_leaves_the_others(empact):
    before = table_counts()
    ieper_2023 = persons(empact.project_id, "IEP", 2023, stratum=3)
    preview = risk_import.preview_risk_import(empact, *file("risk", "ieper_2024_totals.csv"))
    [change] = preview.changed
    # the demo has 4 totals, 40 age x sex cells and 24 condition cells for Ieper in 2024
    assert (change.region, change.year, change.added, change.changed, change.removed) == (
        "Ieper",
        2024,
        0,
        4,
        64,
    )
    risk_import.apply_risk_import(empact, *file("risk", "ieper_2024_totals.csv"))
    assert persons(empact.project_id, "IEP", 2024, stratum=3) == 1321
    assert persons(empact.project_id, "IEP", 2024, stratum=3, age_band="75+", sex="female") is None
    assert persons(empact.project_id, "IEP", 2023, stratum=3) == ieper_2023
    assert table_counts()["RiskCount"] == before["RiskCount"] - 64


def test_a_bad_file_is_refused_whole_with_every_problem(empact):
    before = table_counts()
    # Its rows name the care region Ieper, which is also a municipality: the key is chosen.
    preview = risk_import.preview_risk_import(empact, *file("risk", "bad.csv"), key="region")
    found = {(p.line, p.key) for p in preview.problems}
    assert {
        (3, "problem.unknown_region"),
        (4, "problem.risk.bad_year"),
        (5, "problem.risk.bad_stratum"),
        (6, "problem.risk.bad_count"),
        (7, "problem.risk.bad_count"),
        (8, "problem.risk.bad_age_band"),
        (9, "problem.risk.bad_sex"),
        (10, "problem.risk.bad_condition"),
        (11, "problem.risk.duplicate"),
        (12, "problem.risk.population_differs"),
        (13, "problem.empty_cell"),
    } == found
    unknown = next(p for p in preview.problems if p.key == "problem.unknown_region")
    assert unknown.value == "Yperen" and unknown.column == "region"
    assert [p.line for p in preview.problems] == sorted(p.line for p in preview.problems)
    typo = risk_import.preview_risk_import(
        empact, b"region,year,stratum,persons\nIepre,2025,0,10\nROE,2025,0,10\n", "typo.csv"
    )
    assert [p.params["closest"].split(", ")[0] for p in typo.problems] == ["Ieper"]
    duplicate = next(p for p in preview.problems if p.key == "problem.risk.duplicate")
    assert duplicate.params["first_line"] == 2
    with pytest.raises(ValidationFailed) as refused:
        risk_import.apply_risk_import(empact, *file("risk", "bad.csv"), key="region")
    assert len(refused.value.problems) == len(found)
    assert table_counts() == before


@pytest.mark.parametrize(
    "name,key",
    [
        ("empty.csv", "problem.empty_file"),
        ("not_parquet.parquet", "problem.risk.not_parquet"),
        ("missing_columns.csv", "problem.missing_column"),
    ],
)
def test_unreadable_or_incomplete_files_are_refused(empact, name, key):
    before = table_counts()
    preview = risk_import.preview_risk_import(empact, *file("risk", name))
    assert [p.key for p in preview.problems] == [key]
    with pytest.raises(ValidationFailed):
        risk_import.apply_risk_import(empact, *file("risk", name))
    assert table_counts() == before


@pytest.mark.parametrize("username", ["demo-steering", "demo-academic", "demo-viewer"])
def test_only_coordinators_and_admins_import(demo_db, username):
    with pytest.raises(PermissionDenied):
        risk_import.preview_risk_import(actor_for(username, "empact"), *file("risk", "good.csv"))
    with pytest.raises(PermissionDenied):
        geo_import.apply_geo_import(actor_for(username, "empact"), *file("geo", "regions.geojson"))
    coordinator = actor_for("demo-coordinator", "empact")
    assert risk_import.apply_risk_import(coordinator, *file("risk", "good.csv")).has_changes


# ---------------------------------------------------------------- outlines


@pytest.fixture
def fresh(empty_db):
    create_project("fresh", "Fresh pilot")
    return cli_actor("fresh")


def regions_of(actor) -> dict[str, CareRegion]:  # noqa: ANN001
    with session_scope() as session:
        return {
            r.code: r
            for r in session.exec(select(CareRegion).where(CareRegion.project_id == actor.project_id))
        }


def test_outlines_create_the_regions_and_a_second_import_changes_nothing(fresh):
    preview = geo_import.preview_geo_import(
        fresh, *file("geo", "regions.geojson"), attribution="Made up (CC0)"
    )
    assert [r.code for r in preview.new_regions] == ["NORD", "SUD"]
    geo_import.apply_geo_import(fresh, *file("geo", "regions.geojson"), attribution="Made up (CC0)")
    regions = regions_of(fresh)
    assert regions["NORD"].name == "Région Nord"
    assert regions["SUD"].geometry["type"] == "MultiPolygon"
    assert regions["SUD"].geometry_source == "Made up (CC0)"
    before = table_counts()
    again = geo_import.apply_geo_import(fresh, *file("geo", "regions.geojson"), attribution="Made up (CC0)")
    assert not again.has_changes and sorted(again.unchanged_regions) == ["Région Nord", "Région Sud"]
    assert table_counts() == before
    # the map of the new project has both regions, with a label point each
    data = risk.load_risk_data(fresh)
    assert data.regions["label_lon"].null_count() == 0 and data.bounds is not None


def test_municipalities_are_dissolved_into_regions_by_the_mapping(fresh):
    preview = geo_import.apply_geo_import(
        fresh,
        *file("geo", "municipalities.geojson"),
        mapping_content=file("geo", "mapping.csv")[0],
        mapping_name="mapping.csv",
    )
    assert preview.mode == "municipalities" and preview.unused_municipalities == 1
    regions = regions_of(fresh)
    assert sorted(regions["WEST"].municipality_nis) == ["25005", "25015"]
    assert regions["WEST"].name == "Zone Ouest"
    from shapely.geometry import shape

    west = shape(regions["WEST"].geometry)
    assert west.geom_type == "Polygon"  # two adjacent squares become one
    assert west.bounds == pytest.approx((4.60, 50.60, 4.65, 50.70))
    # without a mapping file, the municipalities the project records are used again
    again = geo_import.preview_geo_import(
        fresh, *file("geo", "municipalities.geojson"), attribution="Imported from municipalities.geojson"
    )
    assert not again.has_changes


def test_bad_outlines_or_a_bad_mapping_write_nothing(fresh):
    before = table_counts()
    preview = geo_import.preview_geo_import(fresh, *file("geo", "bad_features.geojson"))
    assert len(preview.problems) == 4  # the bow tie is repaired
    with pytest.raises(ValidationFailed):
        geo_import.apply_geo_import(fresh, *file("geo", "bad_features.geojson"))
    with pytest.raises(ValidationFailed) as refused:
        geo_import.apply_geo_import(
            fresh,
            *file("geo", "municipalities.geojson"),
            mapping_content=file("geo", "mapping_bad.csv")[0],
            mapping_name="mapping_bad.csv",
        )
    missing = [p for p in refused.value.problems if p.key == "problem.geo.unknown_municipality"]
    assert [(p.file, p.line, p.value) for p in missing] == [("mapping_bad.csv", 5, "99999")]
    assert table_counts() == before


def test_existing_regions_keep_their_names_and_get_new_outlines(demo_db):
    empact = cli_actor("empact")
    content = (
        b'{"type":"FeatureCollection","features":[{"type":"Feature",'
        b'"properties":{"code":"IEP","name":"Ypres"},"geometry":{"type":"Polygon",'
        b'"coordinates":[[[2.8,50.8],[2.95,50.8],[2.95,50.9],[2.8,50.8]]]}}]}'
    )
    preview = geo_import.apply_geo_import(empact, content, "ieper.geojson")
    assert [r.code for r in preview.changed_regions] == ["IEP"]
    assert len(preview.absent_regions) == 5  # the five others are kept
    ieper = regions_of(empact)["IEP"]
    assert ieper.name == "Ieper" and ieper.geometry_source == "Imported from ieper.geojson"


# ---------------------------------------------------------------- command line


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_dry_run_import_and_again(demo_db, capsys):
    path = str(DATA / "risk" / "good.csv")
    before = table_counts()
    code, out, _ = run(capsys, "import", "risk", path, "--project", "empact", "--dry-run")
    assert code == 0 and "new region-years: 3" in out and "dry run" in out
    assert table_counts() == before
    code, out, _ = run(capsys, "import", "risk", path, "--project", "empact")
    assert code == 0 and "imported" in out
    code, out, _ = run(capsys, "import", "risk", path, "--project", "empact")
    assert code == 0 and "nothing to change" in out


def test_cli_refuses_a_bad_file_with_one_problem_per_line(demo_db, capsys):
    before = table_counts()
    code, _, err = run(
        capsys, "import", "risk", str(DATA / "risk" / "bad.csv"), "--project", "empact", "--key", "region"
    )
    lines = err.strip().splitlines()
    assert code == 2 and "nothing imported" in lines[0] and len(lines) == 1 + 11
    assert "bad.csv, line 3, column region: unknown care region 'Yperen'" in err
    code, _, err = run(
        capsys, "import", "geo", str(DATA / "geo" / "bad_features.geojson"), "--project", "empact"
    )
    assert code == 2 and len(err.strip().splitlines()) == 1 + 4
    code, _, err = run(capsys, "import", "risk", "no-such-file.csv", "--project", "empact")
    assert code == 2 and err.count("\n") == 1
    assert table_counts() == before


def test_cli_imports_outlines_with_a_mapping(empty_db, capsys):
    create_project("fresh", "Fresh pilot")
    code, out, _ = run(
        capsys,
        "import",
        "geo",
        str(DATA / "geo" / "municipalities.geojson"),
        "--mapping",
        str(DATA / "geo" / "mapping.csv"),
        "--project",
        "fresh",
        "--attribution",
        "Synthetic squares",
    )
    assert code == 0 and "new regions: 2" in out and "imported" in out
    assert regions_of(cli_actor("fresh"))["EAST"].geometry_source == "Synthetic squares"


def test_home_s_high_complexity_share_is_the_risk_map_s_for_a_file_by_age_and_sex_only(empact):
    """A file by age band and sex has no total rows: home read only total rows and showed
    0 % for the federal project of the national dataset."""
    from dashboard.services.overview import home_figures

    rows = ["region,year,stratum,age_band,sex,condition,persons,population"]
    persons = {0: 9000, 1: 3000, 2: 1500, 3: 500}  # per age band and sex
    for stratum, count in persons.items():
        for band in ("0-17", "18-44", "45-64", "65-74", "75+"):
            for sex in ("female", "male"):
                rows.append(f"IEP,2030,{stratum},{band},{sex},,{count},140000")
    risk_import.apply_risk_import(empact, "\n".join(rows).encode(), "by_age_and_sex.csv")
    figures = home_figures(empact)
    assert figures.risk_year == 2030
    assert figures.high_complexity_share == pytest.approx((1500 + 500) * 10 / 140000)
    shares = risk.stratum_shares(risk.load_year_cells(empact, [2030]))
    project = shares.filter(pl.col("region_id") == risk.PROJECT, pl.col("stratum") >= 2)
    assert figures.high_complexity_share == pytest.approx(project["share"].sum())
