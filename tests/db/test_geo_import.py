"""Importing outlines from files shaped like the published Belgian boundaries: what is
repaired, converted or ignored (with a note), what is refused (with what to do), and that
nothing is written on a refusal."""

from __future__ import annotations

from pathlib import Path

import pytest
from shapely.geometry import shape
from sqlmodel import select

from dashboard.cli import main
from dashboard.errors import ValidationFailed, describe
from dashboard.services.population import geo_import
from dashboard.services.access import cli_actor
from dashboard.services.admin.projects import create_project
from models.db import session_scope
from models.tables import CareRegion

DATA = Path(__file__).resolve().parent.parent / "data" / "geo"
WESTHOEK = (DATA / "mapping_westhoek.csv").read_bytes()


def file(name: str) -> tuple[bytes, str]:
    return (DATA / name).read_bytes(), name


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


def test_statbel_boundaries_with_invalid_rings_import_with_notes(fresh):
    content, name = file("statbel_municipalities_invalid.geojson")
    preview = geo_import.apply_geo_import(
        fresh, content, name, mapping_content=WESTHOEK, mapping_name="mapping_westhoek.csv"
    )
    assert not preview.problems and preview.code_property == "CD_MUNTY_REFNIS"
    assert {n.key for n in preview.notes} == {
        "note.geo.repaired_invalid",
        "note.geo.repaired_collection",
        "note.geo.ignored_unreadable",
    }
    regions = regions_of(fresh)
    assert sorted(regions) == ["IEP", "POP"]
    assert sorted(regions["IEP"].municipality_nis) == ["33011", "33039"]
    assert shape(regions["IEP"].geometry).is_valid
    # the notes say what was done, in words
    words = " ".join(describe(n) for n in preview.notes)
    assert "1 invalid outline (crossing itself) repaired" in words
    assert "2 unreadable features outside the project's regions, ignored" in words
    again = geo_import.preview_geo_import(
        fresh, content, name, mapping_content=WESTHOEK, mapping_name="mapping_westhoek.csv"
    )
    assert not again.has_changes and not again.problems


def test_the_belgian_region_property_creates_no_region(fresh):
    content, name = file("shn_region.geojson")
    preview = geo_import.preview_geo_import(fresh, content, name)
    assert [p.key for p in preview.problems][0] == "problem.geo.belgian_region"
    assert preview.problems[0].column == "region" and preview.problems[0].value == "BE-VLG"
    with pytest.raises(ValidationFailed):
        geo_import.apply_geo_import(fresh, content, name)
    assert regions_of(fresh) == {}
    # with the municipalities' mapping, the NIS code is read from shn (BE233011 -> 33011)
    done = geo_import.apply_geo_import(
        fresh, content, name, mapping_content=WESTHOEK, mapping_name="mapping_westhoek.csv"
    )
    assert done.mode == "municipalities" and done.code_property == "shn"
    assert sorted(regions_of(fresh)) == ["IEP", "POP"]
    # and the project's own municipality lists do as well as the mapping; the note says why
    # the region property was not read
    again = geo_import.preview_geo_import(fresh, content, name, attribution=done.attribution)
    assert not again.problems and not again.has_changes and again.mode == "municipalities"
    assert "note.geo.belgian_region" in {n.key for n in again.notes}


def test_the_code_property_is_chosen_when_two_could_be_it(fresh):
    content, name = file("nis_two_years.geojson")
    mapping = b"nis,region,region_name\n37022,TLT,Tielt\n37017,WLB,Wielsbeke\n"
    options = {"mapping_content": mapping, "mapping_name": "tielt.csv"}
    asked = geo_import.preview_geo_import(fresh, content, name, **options)
    assert [p.key for p in asked.problems] == ["problem.geo.several_nis_properties"]
    assert asked.code_candidates == ["NIS_2019", "NIS_2025"]
    # the 2019 codes: Tielt's 2025 code is missing, and the message says why
    old = geo_import.preview_geo_import(fresh, content, name, code_property="NIS_2019", **options)
    assert [(p.key, p.value, p.params.get("codes"), p.params.get("years")) for p in old.problems] == [
        ("problem.geo.unknown_municipality_year", "37022", "37007, 37015", "2025")
    ]
    assert "2019 / 2025 mergers" in describe(old.problems[0])
    assert "docs/formats/geo.md" in describe(old.problems[0])
    done = geo_import.apply_geo_import(fresh, content, name, code_property="NIS_2025", **options)
    assert not done.problems and done.code_property == "NIS_2025"
    tielt = shape(regions_of(fresh)["TLT"].geometry)
    assert tielt.area == pytest.approx(2 * 0.05 * 0.05, rel=0.01)  # Tielt and Meulebeke


def test_a_topojson_named_geojson_imports(fresh):
    content, name = file("belgium_topo.geojson")
    preview = geo_import.apply_geo_import(
        fresh, content, name, mapping_content=WESTHOEK[:55], mapping_name="ieper.csv"
    )
    assert not preview.problems, [describe(p) for p in preview.problems]
    assert "note.geo.topojson" in {n.key for n in preview.notes}
    ieper = shape(regions_of(fresh)["IEP"].geometry)
    assert ieper.bounds == pytest.approx((2.80, 50.80, 2.90, 50.85))


def test_cli_code_property_and_notes(fresh, capsys):
    path = str(DATA / "nis_two_years.geojson")
    mapping = DATA.parent.parent / "data" / "geo" / "tielt_mapping.csv"
    mapping.write_text("nis,region\n37022,TLT\n37017,WLB\n", encoding="utf-8")
    try:
        code = main(["import", "geo", path, "--project", "fresh", "--mapping", str(mapping)])
        _, err = capsys.readouterr()
        assert code == 2 and "--code-property" in err and "NIS_2019, NIS_2025" in err
        code = main(
            [
                "import",
                "geo",
                path,
                "--project",
                "fresh",
                "--mapping",
                str(mapping),
                "--code-property",
                "NIS_2025",
            ]
        )
        out, _ = capsys.readouterr()
        assert code == 0 and "code property: NIS_2025" in out and "imported" in out
        code = main(
            [
                "import",
                "geo",
                str(DATA / "statbel_municipalities_invalid.geojson"),
                "--project",
                "fresh",
                "--mapping",
                str(DATA / "mapping_westhoek.csv"),
                "--dry-run",
            ]
        )
        out, _ = capsys.readouterr()
        assert code == 0 and "note: " in out and "repaired" in out
    finally:
        mapping.unlink()


def test_a_new_region_named_like_an_existing_one_is_refused_not_a_crash(demo_db):
    # EMPACT has a region named Tielt; a file that would create another (code TLT) is refused
    # with the problem (it raised TypeError before)
    content, name = file("nis_two_years.geojson")
    mapping = b"nis,region,region_name\n37022,TLT,Tielt\n"
    preview = geo_import.preview_geo_import(
        cli_actor("empact"),
        content,
        name,
        code_property="NIS_2025",
        mapping_content=mapping,
        mapping_name="t.csv",
    )
    assert [(p.key, p.value) for p in preview.problems] == [("problem.geo.name_taken", "Tielt")]
    assert "name already used by the project's region" in describe(preview.problems[0])
    long_code = b"nis,region\n37022," + b"X" * 70 + b"\n"
    preview = geo_import.preview_geo_import(
        cli_actor("empact"),
        content,
        name,
        code_property="NIS_2025",
        mapping_content=long_code,
        mapping_name="t.csv",
    )
    assert [p.key for p in preview.problems] == ["problem.geo.code_too_long"]
    assert "64" in describe(preview.problems[0])
