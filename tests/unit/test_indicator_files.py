"""Indicator-value files on their own (data_loaders.indicators): headers in French, Dutch or
English, Belgian decimals, and every problem located by line and column."""

from pathlib import Path

from data_loaders.indicators import parse_indicator_values
from data_loaders.tabular import read_table

DATA = Path(__file__).resolve().parent.parent / "data" / "indicators"


def parse(name: str):  # noqa: ANN201
    path = DATA / name
    return parse_indicator_values(read_table(path.read_bytes(), path.name))


def test_an_english_csv():
    parsed = parse("values.csv")
    assert not parsed.problems
    assert [(r.line, r.indicator, r.period, r.region) for r in parsed.rows][:3] == [
        (2, "GP_AFTER_DISCHARGE", "2026", ""),
        (3, "GP_AFTER_DISCHARGE", "2026", "Ieper"),
        (4, "GP_AFTER_DISCHARGE", "2026", "ROE"),
    ]
    case_managed = parsed.rows[3]
    assert (case_managed.value, case_managed.numerator, case_managed.denominator) == (None, 3120.0, 6500.0)


def test_dutch_headers_semicolons_and_belgian_numbers():
    parsed = parse("values_nl.csv")
    assert not parsed.problems
    assert parsed.column_names == {
        "indicator": "Indicator",
        "period": "Periode",
        "region": "Zorgregio",
        "value": "Waarde",
        "numerator": "Teller",
        "denominator": "Noemer",
    }
    assert [r.value for r in parsed.rows] == [20.1, 19.7, 48.0]
    assert parsed.rows[2].denominator == 1200.0  # "1.200": a thousands separator


def test_a_french_spreadsheet():
    parsed = parse("values_fr.xlsx")
    assert not parsed.problems
    assert [(r.line, r.indicator, r.period, r.region, r.value) for r in parsed.rows] == [
        (2, "GMD_COVERAGE", "2026", "", 88.9),
        (3, "GMD_COVERAGE", "2026", "Huy – Condroz", 87.2),
        (4, "CASE_MANAGED", "2026-Q1", "", None),
    ]


def test_every_problem_of_the_file_is_reported_with_its_line_and_column():
    parsed = parse("bad_values.csv")
    found = {(p.line, p.column, p.key.rsplit(".", 1)[1], p.value) for p in parsed.problems.items}
    assert found == {
        (2, "period", "bad_period", "2026-13"),
        (8, "value", "bad_number", "drie"),
        (9, "numerator", "negative_count", "-3"),
        (12, "value", "no_value", ""),
    }
    # Rows that pass on their own go on to the project's checks (unknown codes, regions...).
    assert len(parsed.rows) == 7


def test_a_missing_required_column():
    parsed = parse("missing_column.csv")
    assert [(p.line, p.column, p.key) for p in parsed.problems.items] == [
        (1, "period", "problem.missing_column")
    ]


def test_counts_grouped_by_thousands_are_whole():
    from data_loaders.indicators import parse_count

    assert parse_count("1.200") == 1200.0
    assert parse_count("12 500") == 12500.0
    assert parse_count("576") == 576.0
    assert parse_count("12,5") == 12.5
