"""Files per municipality (NIS5 codes of any year, or names) imported as care-region figures:
risk counts, indicator values and Statbel population tables. Aggregated before anything is
stored or shown; municipalities outside every region reported; ambiguous keys refused; nothing
written on error; re-import changes nothing. On SQLite and PostgreSQL (EMPACT demo regions:
Ieper = 33011 33037 33040 36019, Roeselare = 36006 36015, Tielt = 37002 37011 37020 37021
37022, all 2025 codes)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from sqlmodel import func, select

from dashboard.cli import main
from dashboard.errors import ValidationFailed
from dashboard.services.population import risk_import
from dashboard.services.access import cli_actor
from models.db import session_scope
from models.tables import CareRegion, ImportLog, IndicatorValue, RegionPopulation, RiskCount

DATA = Path(__file__).resolve().parent.parent / "data"
TIELT_2019_CODES = {"37002", "37011", "37020", "37012", "37018", "37015", "37007"}
ROESELARE = {"36006", "36015"}


def counts() -> dict[str, int]:
    with session_scope() as session:
        return {
            t.__name__: session.exec(select(func.count()).select_from(t)).one()
            for t in (RiskCount, RegionPopulation, CareRegion, ImportLog, IndicatorValue)
        }


def stored(project_id: int, region_code: str, year: int, stratum: int) -> int | None:
    with session_scope() as session:
        return session.exec(
            select(RiskCount.persons)
            .join(CareRegion, CareRegion.id == RiskCount.region_id)
            .where(
                RiskCount.project_id == project_id,
                CareRegion.code == region_code,
                RiskCount.year == year,
                RiskCount.stratum == stratum,
                RiskCount.age_band == "",
                RiskCount.sex == "",
                RiskCount.condition == "",
            )
        ).first()


def region_population(project_id: int, region_code: str, year: int) -> int | None:
    with session_scope() as session:
        return session.exec(
            select(RegionPopulation.population)
            .join(CareRegion, CareRegion.id == RegionPopulation.region_id)
            .where(
                CareRegion.project_id == project_id,
                CareRegion.code == region_code,
                RegionPopulation.year == year,
            )
        ).first()


def file_sums(path: Path, codes: set[str]) -> dict[int, int]:
    """Persons per stratum over `codes`, read straight from the file."""
    sums: dict[int, int] = {}
    with path.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter=";"):
            if row["CD_REFNIS"] in codes:
                stratum = int(row["risk_stratum"])
                sums[stratum] = sums.get(stratum, 0) + int(row["MS_PERSONS"])
    return sums


def file_population(path: Path, codes: set[str]) -> int:
    with path.open(encoding="utf-8") as handle:
        return sum(
            {
                row["CD_REFNIS"]: int(row["MS_POPULATION"])
                for row in csv.DictReader(handle, delimiter=";")
                if row["CD_REFNIS"] in codes
            }.values()
        )


@pytest.fixture
def empact(demo_db):
    return cli_actor("empact")


def csv_bytes(text: str) -> bytes:
    return text.strip().encode() + b"\n"


# ---------------------------------------------------------------- risk counts


def test_a_file_with_2019_codes_adds_up_to_the_care_regions(empact):
    path = DATA / "risk" / "municipal_2019_codes.csv"
    before = counts()
    preview = risk_import.preview_risk_import(empact, path.read_bytes(), path.name)
    assert preview.problems == []
    assert counts() == before
    keying = preview.keying
    assert keying.mode == "municipality"  # the column is CD_REFNIS
    assert keying.regions == ["Roeselare", "Tielt"]
    assert keying.municipalities == 9
    # Ruiselede, Wingene, Tielt and Meulebeke merged in 2025 into 37021 and 37022
    assert {label.split(" ")[0] for label in keying.old_codes} == {
        "Ruiselede",
        "Wingene",
        "Tielt",
        "Meulebeke",
    }
    assert [(m.code, m.label, m.rows) for m in keying.outside] == [("44021", "Gent (44021)", 4)]
    replaced = _existing(empact, 2024)
    risk_import.apply_risk_import(empact, path.read_bytes(), path.name)
    # Only region totals are stored: 4 strata x 2 regions, no municipality row.
    assert counts()["RiskCount"] == before["RiskCount"] - replaced + 8
    for code, members in (("TIE", TIELT_2019_CODES), ("ROE", ROESELARE)):
        for stratum, persons in file_sums(path, members).items():
            assert stored(empact.project_id, code, 2024, stratum) == persons
        assert region_population(empact.project_id, code, 2024) == file_population(path, members)
    with session_scope() as session:
        log = session.exec(select(ImportLog).where(ImportLog.kind == "risk")).one()
        assert log.summary["key"] == "municipality"
        assert log.summary["outside_regions"] == ["44021"]
    again = risk_import.preview_risk_import(empact, path.read_bytes(), path.name)
    assert not again.has_changes and again.keying.outside  # still reported
    after = counts()
    risk_import.apply_risk_import(empact, path.read_bytes(), path.name)
    assert counts() == after  # re-import changes nothing


def _existing(actor, year: int) -> int:
    """Demo counts of TIE and ROE in `year` (replaced by the file's)."""
    with session_scope() as session:
        return session.exec(
            select(func.count())
            .select_from(RiskCount)
            .join(CareRegion, CareRegion.id == RiskCount.region_id)
            .where(
                RiskCount.project_id == actor.project_id,
                RiskCount.year == year,
                CareRegion.code.in_(("TIE", "ROE")),
            )
        ).one()  # type: ignore[attr-defined]


def test_small_municipal_counts_are_summed_before_anything_is_stored(empact):
    # Stratum 3 of Hooglede is 1 person: it is never stored on its own.
    path = DATA / "risk" / "municipal_2019_codes.csv"
    risk_import.apply_risk_import(empact, path.read_bytes(), path.name)
    with session_scope() as session:
        small = session.exec(
            select(func.count())
            .select_from(RiskCount)
            .join(CareRegion, CareRegion.id == RiskCount.region_id)
            .where(
                RiskCount.project_id == empact.project_id,
                RiskCount.year == 2024,
                CareRegion.code.in_(("TIE", "ROE")),  # type: ignore[attr-defined]
                RiskCount.persons < 5,
            )
        ).one()
    assert small == 0
    assert stored(empact.project_id, "ROE", 2024, 3) == file_sums(path, ROESELARE)[3]


def test_five_digit_codes_in_the_region_column_and_names_in_a_gemeente_column(empact):
    by_code = csv_bytes("""
region,year,stratum,persons
33011,2023,0,100
33037,2023,0,50
33040,2023,0,30
36019,2023,0,20
""")
    preview = risk_import.preview_risk_import(empact, by_code, "codes.csv")
    assert preview.problems == [] and preview.keying.mode == "municipality"
    risk_import.apply_risk_import(empact, by_code, "codes.csv")
    assert stored(empact.project_id, "IEP", 2023, 0) == 200
    # Ieper is a care region and a municipality: the column name says which.
    by_name = csv_bytes("""
gemeente,year,stratum,persons
Ieper,2022,1,10
Zonnebeke,2022,1,1
Langemark-Poelkapelle,2022,1,2
Staden,2022,1,3
""")
    preview = risk_import.preview_risk_import(empact, by_name, "names.csv")
    assert preview.problems == []
    risk_import.apply_risk_import(empact, by_name, "names.csv")
    assert stored(empact.project_id, "IEP", 2022, 1) == 16


def test_a_municipality_only_value_shows_the_file_is_per_municipality(empact):
    content = csv_bytes("""
region,year,stratum,persons
Ieper,2021,2,10
Zonnebeke,2021,2,11
Langemark-Poelkapelle,2021,2,12
Staden,2021,2,13
""")
    preview = risk_import.preview_risk_import(empact, content, "deduced.csv")
    assert preview.problems == [] and preview.keying.mode == "municipality"
    risk_import.apply_risk_import(empact, content, "deduced.csv")
    assert stored(empact.project_id, "IEP", 2021, 2) == 46  # Ieper read as the municipality


def test_a_name_of_a_region_and_a_municipality_is_refused_unless_the_key_is_chosen(empact):
    content = csv_bytes("""
region,year,stratum,persons
Ieper,2021,0,500
Roeselare,2021,0,700
""")
    before = counts()
    preview = risk_import.preview_risk_import(empact, content, "names.csv")
    assert [(p.line, p.key, p.value) for p in preview.problems] == [
        (2, "problem.nis.region_or_municipality", "Ieper"),
        (3, "problem.nis.region_or_municipality", "Roeselare"),
    ]
    assert preview.problems[0].params["code"] == "33011"
    assert preview.problems[0].params["region_code"] == "IEP"
    with pytest.raises(ValidationFailed):
        risk_import.apply_risk_import(empact, content, "names.csv")
    assert counts() == before
    as_regions = risk_import.preview_risk_import(empact, content, "names.csv", key="region")
    assert as_regions.problems == []
    assert sorted(c.region for c in as_regions.new + as_regions.changed) == ["Ieper", "Roeselare"]
    as_municipalities = risk_import.preview_risk_import(empact, content, "names.csv", key="municipality")
    assert {p.key for p in as_municipalities.problems} == {"problem.nis.region_incomplete"}


def test_bad_municipal_files_are_refused_whole(empact):
    before = counts()
    content = csv_bytes("""
nis_code,year,stratum,persons
99999,2021,0,5
33011,2021,0,100
33037,2021,0,100
33040,2021,0,100
37022,2021,0,100
37015,2021,0,100
37002,2021,0,100
37011,2021,0,100
37020,2021,0,100
37021,2021,0,100
""")
    preview = risk_import.preview_risk_import(empact, content, "bad_municipal.csv")
    found = [(p.line, p.key) for p in preview.problems]
    assert (2, "problem.nis.unknown_code") in found
    incomplete = next(p for p in preview.problems if p.key == "problem.nis.region_incomplete")
    assert incomplete.line == 3 and "Staden (36019)" in incomplete.params["missing"]
    overlap = next(p for p in preview.problems if p.key == "problem.nis.old_and_new_code")
    assert overlap.params["old"] == "37015"
    with pytest.raises(ValidationFailed):
        risk_import.apply_risk_import(empact, content, "bad_municipal.csv")
    assert counts() == before
    mixed = risk_import.preview_risk_import(
        empact,
        csv_bytes("""
region,year,stratum,persons
DIK,2021,0,5
33037,2021,0,5
"""),
        "mixed.csv",
    )
    assert [p.key for p in mixed.problems] == ["problem.nis.mixed_keys"]


def test_cli_key_option_and_outside_report(demo_db, capsys, tmp_path):
    path = DATA / "risk" / "municipal_2019_codes.csv"
    assert main(["import", "risk", str(path), "--project", "empact", "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "keyed by municipality: 9 municipalities" in out
    assert "outside every care region of the project (not imported): 1: Gent (44021)" in out
    names = tmp_path / "names.csv"
    names.write_bytes(csv_bytes("region,year,stratum,persons\nIeper,2020,0,500\n"))
    code = main(["import", "risk", str(names), "--project", "empact"])
    err = capsys.readouterr().err
    assert code == 2 and "--key region" in err
    assert main(["import", "risk", str(names), "--project", "empact", "--key", "region"]) == 0


# ---------------------------------------------------------------- indicator values

from dashboard.services.evaluation import indicator_import


def indicator_value(project_id: int, code: str, period: str, region_code: str):
    from models.tables import Indicator

    with session_scope() as session:
        return session.exec(
            select(IndicatorValue.value, IndicatorValue.numerator, IndicatorValue.denominator)
            .join(Indicator, Indicator.id == IndicatorValue.indicator_id)
            .join(CareRegion, CareRegion.id == IndicatorValue.region_id)
            .where(
                Indicator.project_id == project_id,
                Indicator.code == code,
                IndicatorValue.period == period,
                CareRegion.code == region_code,
            )
        ).first()


def test_indicator_counts_add_up_and_rates_alone_are_refused(empact):
    path = DATA / "indicators" / "municipal_polypharmacy.csv"
    before = counts()
    preview = indicator_import.preview_indicator_import(empact, path.read_bytes(), path.name)
    assert preview.problems == []
    assert preview.keying.regions == ["Roeselare"]
    assert [m.code for m in preview.keying.outside] == ["31005"]
    indicator_import.apply_indicator_import(empact, path.read_bytes(), path.name)
    # Hooglede 410 / 2,050 + Roeselare 2,390 / 11,950 = 2,800 / 14,000 = 20 %
    assert indicator_value(empact.project_id, "POLYPHARMACY", "2025", "ROE") == (20.0, 2800.0, 14000.0)
    after = counts()
    assert after["IndicatorValue"] - before["IndicatorValue"] in (0, 1)  # one region value
    again = indicator_import.preview_indicator_import(empact, path.read_bytes(), path.name)
    assert not again.has_changes
    rates = csv_bytes("""
indicator,nis_code,period,value
POLYPHARMACY,36006,2025,20.0
POLYPHARMACY,36015,2025,20.0
""")
    refused = indicator_import.preview_indicator_import(empact, rates, "rates.csv")
    assert [p.key for p in refused.problems] == ["problem.nis.not_aggregable"]
    with pytest.raises(ValidationFailed):
        indicator_import.apply_indicator_import(empact, rates, "rates.csv")
    incomplete = indicator_import.preview_indicator_import(
        empact,
        csv_bytes("""
indicator,nis_code,period,numerator,denominator
POLYPHARMACY,36006,2024,410,2050
"""),
        "incomplete.csv",
    )
    assert [p.key for p in incomplete.problems] == ["problem.nis.region_incomplete"]
    assert counts() == after


# ---------------------------------------------------------------- Statbel population tables

from dashboard.services.population import population_import

POPULATION = DATA / "population"


def statbel_totals(codes: set[str]) -> int:
    """Totaal of `codes` in the Dutch table, read straight from the file."""
    with (POPULATION / "statbel_nl_2024.csv").open(encoding="utf-8") as handle:
        rows = list(csv.reader(handle))[3:]
    return sum(int(row[4]) for row in rows if row[0] in codes)


IEPER = {"33011", "33037", "33040", "36019"}


def test_a_statbel_table_becomes_region_populations(empact):
    path = POPULATION / "statbel_nl_2024.csv"
    before = counts()
    preview = population_import.preview_population_import(empact, path.read_bytes(), path.name)
    assert preview.problems == [] and counts() == before
    assert preview.year == 2024 and preview.subtotals == 7
    assert [m.code for m in preview.outside] == ["44021"]
    changes = {c.region: c.new for c in preview.changes}
    assert changes == {
        "Ieper": statbel_totals(IEPER),
        "Roeselare": statbel_totals(ROESELARE),
        "Tielt": statbel_totals(TIELT_2019_CODES),
    }  # 2024 codes of Tielt
    population_import.apply_population_import(empact, path.read_bytes(), path.name)
    assert region_population(empact.project_id, "IEP", 2024) == statbel_totals(IEPER)
    after = counts()
    again = population_import.preview_population_import(empact, path.read_bytes(), path.name)
    assert not again.has_changes and sorted(again.unchanged) == ["Ieper", "Roeselare", "Tielt"]
    population_import.apply_population_import(empact, path.read_bytes(), path.name)
    assert counts() == after


def test_the_french_xlsx_and_the_open_data_layout(empact):
    path = POPULATION / "statbel_fr_2025.xlsx"
    preview = population_import.preview_population_import(empact, path.read_bytes(), path.name)
    assert preview.problems == [] and preview.year == 2025
    assert {c.region for c in preview.changes} == {"Ieper", "Tielt"}
    population_import.apply_population_import(empact, path.read_bytes(), path.name)
    with session_scope() as session:
        tielt = session.exec(
            select(CareRegion).where(CareRegion.project_id == empact.project_id, CareRegion.code == "TIE")
        ).one()
        assert tielt.population == region_population(empact.project_id, "TIE", 2025)
    open_data = POPULATION / "TF_SOC_POP_STRUCT_2024.csv"
    no_year = population_import.preview_population_import(empact, open_data.read_bytes(), open_data.name)
    assert [p.key for p in no_year.problems] == ["problem.population.no_year"]
    given = population_import.preview_population_import(
        empact, open_data.read_bytes(), open_data.name, year=2024
    )
    assert given.problems == []
    assert {c.region: c.new for c in given.changes}["Ieper"] == statbel_totals(IEPER)


def test_bad_population_tables_write_nothing(empact):
    before = counts()
    path = POPULATION / "statbel_nl_2024.csv"
    wrong_year = population_import.preview_population_import(empact, path.read_bytes(), path.name, year=2023)
    assert [p.key for p in wrong_year.problems] == ["problem.population.year_differs"]
    bad = csv_bytes("""
Bevolking op 1 januari 2024
NIS code;Woonplaats;Totaal
33011;Ieper;35200
33037;Zonnebeke;12500
33040;Langemark-Poelkapelle;veel
36019;Staden;11250
99999;Nergens;10
33011;Ieper;35200
""")
    preview = population_import.preview_population_import(empact, bad, "bad.csv")
    assert [(p.line, p.key) for p in preview.problems] == [
        (3, "problem.population.region_incomplete"),
        (5, "problem.risk.bad_count"),
        (7, "problem.nis.unknown_code"),
        (8, "problem.population.duplicate"),
    ]
    with pytest.raises(ValidationFailed):
        population_import.apply_population_import(empact, bad, "bad.csv")
    assert counts() == before


def test_cli_population(demo_db, capsys):
    path = POPULATION / "TF_SOC_POP_STRUCT_2024.csv"
    assert main(["import", "population", str(path), "--project", "empact"]) == 2
    assert "--year 2024" in capsys.readouterr().err
    assert main(["import", "population", str(path), "--project", "empact", "--year", "2024"]) == 0
    out = capsys.readouterr().out
    assert "Ieper" in out and "outside every care region" in out and "imported" in out


# ---------------------------------------------------------------- the documented examples

DOCS = Path(__file__).resolve().parent.parent.parent / "docs" / "formats"


@pytest.mark.parametrize(
    "name,command",
    [
        ("risk-example.csv", "risk"),
        ("risk-municipal-example.csv", "risk"),
        ("indicators-example.csv", "indicators"),
        ("indicators-municipal-example.csv", "indicators"),
        ("population-example.csv", "population"),
    ],
)
def test_the_documented_examples_import_into_the_demo(demo_sqlite, capsys, name, command):
    assert main(["import", command, str(DOCS / name), "--project", "empact"]) == 0
    assert main(["import", command, str(DOCS / name), "--project", "empact"]) == 0
    assert "nothing to change" in capsys.readouterr().out


def test_the_worked_example_of_risk_md(demo_sqlite):
    actor = cli_actor("empact")
    path = DOCS / "risk-municipal-example.csv"
    risk_import.apply_risk_import(actor, path.read_bytes(), path.name)
    assert stored(actor.project_id, "ROE", 2024, 3) == 144
    assert stored(actor.project_id, "TIE", 2024, 3) == 58
    assert region_population(actor.project_id, "ROE", 2024) == 74050
    assert region_population(actor.project_id, "TIE", 2024) == 76050
