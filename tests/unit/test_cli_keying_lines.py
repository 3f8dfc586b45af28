"""The import summary of a municipal file counts in English with the right noun form."""

from types import SimpleNamespace

from dashboard.cli.risk import keying_lines


def test_one_region_and_one_row_are_singular():
    keying = SimpleNamespace(
        municipalities=2,
        regions=["Roeselare"],
        old_codes=[],
        outside=[SimpleNamespace(label="Brugge (31005)", rows=1)],
    )
    lines = keying_lines(keying)
    assert lines[0].startswith(
        "keyed by municipality: 2 municipalities added up into 1 care region (Roeselare)"
    )
    assert lines[1].endswith("1: Brugge (31005) (1 row)")


def test_several_are_plural():
    keying = SimpleNamespace(municipalities=1, regions=["A", "B"], old_codes=[], outside=[])
    assert keying_lines(keying)[0].startswith(
        "keyed by municipality: 1 municipality added up into 2 care regions"
    )
