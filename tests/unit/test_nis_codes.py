"""The NIS merger table shipped as data, and mapping old municipality codes to today's."""

import pytest

from data_loaders import nis
from data_loaders.nis import KeyProblem, Place, PlaceIndex, RegionRef


def test_the_table_names_its_sources_and_every_old_code_leads_to_a_municipality_of_today():
    text = nis.CHANGES_FILE.read_text(encoding="utf-8")
    assert "Statbel" in text and "REFNIS" in text
    today = nis.municipalities()
    assert len(today) == 565  # 581 in 2019-2024, 589 before
    for old in nis.code_changes():
        assert old not in today or old in nis.KEPT_CODES, old
        assert nis.current_code(old) in today, old
    # 2019: 589 -> 581 (15 codes merged into 7); 2025: 581 -> 565 (29 codes into 13, one kept)
    effective = {}
    for change in nis.code_changes().values():
        effective.setdefault((change.effective.year, change.change), set()).add(change.new_code)
    assert len(effective[(2019, "merger")]) == 7
    assert len(effective[(2025, "merger")]) == 14


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("44011", "44083"),
        ("44049", "44083"),  # Deinze + Nevele
        ("44001", "44084"),
        ("44029", "44084"),  # Aalter + Knesselare
        ("44036", "44085"),
        ("44072", "44085"),
        ("44080", "44085"),  # Lievegem
        ("45017", "45068"),
        ("45057", "45068"),  # Kruisem
        ("71047", "72042"),
        ("72040", "72042"),  # Oudsbergen
        ("72025", "72043"),
        ("72029", "72043"),  # Pelt
        ("12030", "12041"),
        ("12034", "12041"),  # Puurs-Sint-Amands
        ("54007", "57096"),  # Mouscron renumbered in 2019
        ("37012", "37021"),
        ("37018", "37021"),  # Wingene + Ruiselede (2025)
        ("37015", "37022"),
        ("37007", "37022"),  # Tielt + Meulebeke (2025)
        ("82003", "82039"),  # Bastogne + Bertogne (2025)
        ("11007", "11002"),  # Borsbeek into Antwerpen, which kept its code
        ("33011", "33011"),  # Ieper never changed
    ],
)
def test_an_old_code_maps_to_the_current_one(old, new):
    assert nis.current_code(old) == new


def test_current_code_follows_successive_changes_and_refuses_a_cycle():
    changes = nis.parse_changes(
        "old_code,old_name_nl,old_name_fr,new_code,effective,change\n"
        "10001,A,A,10002,2019-01-01,renumbered\n10002,B,B,10003,2025-01-01,merger\n"
    )
    assert nis.current_code("10001", changes) == "10003"
    with pytest.raises(ValueError, match="cycle"):
        nis.parse_changes(
            "old_code,old_name_nl,old_name_fr,new_code,effective,change\n"
            "10001,A,A,10002,2019-01-01,merger\n10002,B,B,10001,2025-01-01,merger\n"
        )


def test_codes_as_spreadsheets_write_them_and_subtotal_lines():
    assert nis.nis5(" 33011 ") == "33011"
    assert nis.nis5("33011.0") == "33011"
    assert nis.nis5("3301") is None and nis.nis5("IEP") is None
    assert nis.is_higher_level("01000") and nis.is_higher_level("33000")
    assert nis.is_higher_level("20001")
    assert not nis.is_higher_level("33011")


# EMPACT-like regions: Ieper (the Ieper canton) and Tielt (the Tielt canton, 2025 codes).
REGIONS = [
    RegionRef(1, "IEP", "Ieper", ("33011", "33037", "33040", "36019")),
    RegionRef(2, "TIE", "Tielt", ("37002", "37011", "37020", "37021", "37022")),
    RegionRef(3, "33016", "Mesen", ("33016",)),  # a region that is one municipality
]


def test_codes_of_any_year_and_names_find_the_region_of_their_municipality():
    index = PlaceIndex(REGIONS)
    assert index.resolve("33037") == Place(1, "33037", "33037")
    assert index.resolve("37015") == Place(2, "37022", "37015")  # Tielt before 2025
    assert index.resolve("Zonnebeke") == Place(1, "33037", "33037")
    assert index.resolve("Meulebeke") == Place(2, "37022", "37007")  # an old name
    assert index.resolve("Tielt", "municipality") == Place(2, "37022", "37022")  # today's
    assert index.resolve("Gent") == Place(None, "44021", "44021")  # outside every region
    assert index.resolve("IEP") == Place(1)
    assert index.resolve("33016") == Place(3)  # region and municipality are the same thing


def test_a_region_coded_by_a_nis_code_without_municipalities_asks_for_the_key():
    """Outlines imported one region per feature record no municipalities: a region coded
    11001 may or may not be the municipality 11001, so the file's key is asked for, and the
    message says why (not 'write 11001 for the region or 11001 for the municipality')."""
    index = PlaceIndex([RegionRef(1, "11001", "Aartselaar")])
    with pytest.raises(KeyProblem) as refused:
        index.resolve("11001")
    assert refused.value.key == "problem.nis.region_without_municipalities"
    assert index.resolve("11001", "region") == Place(1)
    assert index.resolve("11001", "municipality") == Place(None, "11001", "11001")


def test_a_name_of_both_a_region_and_a_municipality_is_refused_unless_the_key_is_chosen():
    index = PlaceIndex(REGIONS)
    with pytest.raises(KeyProblem) as refused:
        index.resolve("Ieper")
    assert refused.value.key == "problem.nis.region_or_municipality"
    assert refused.value.params["code"] == "33011" and refused.value.params["region_code"] == "IEP"
    assert index.resolve("Ieper", "region") == Place(1)
    assert index.resolve("Ieper", "municipality") == Place(1, "33011", "33011")


def test_unknown_codes_and_names():
    index = PlaceIndex(REGIONS)
    with pytest.raises(KeyProblem) as refused:
        index.resolve("99999")
    assert refused.value.key == "problem.nis.unknown_code"
    with pytest.raises(KeyProblem) as refused:
        index.resolve("Atlantis", "municipality")
    assert refused.value.key == "problem.nis.unknown_name"
    with pytest.raises(KeyProblem) as refused:
        index.resolve("33037", "region")
    assert refused.value.key == "problem.unknown_region"


def test_a_municipality_in_two_regions_is_refused():
    index = PlaceIndex([RegionRef(1, "A", "A", ("33011",)), RegionRef(2, "B", "B", ("33011", "33037"))])
    with pytest.raises(KeyProblem) as refused:
        index.resolve("33011", "municipality")
    assert refused.value.key == "problem.nis.in_several_regions"


def test_a_region_is_complete_with_todays_code_or_all_the_old_ones():
    index = PlaceIndex(REGIONS)
    all_but_tielt = {c: {c} for c in ("37002", "37011", "37020", "37021")}
    assert index.missing_parts(2, all_but_tielt | {"37022": {"37022"}}) == []
    assert index.missing_parts(2, all_but_tielt | {"37022": {"37015", "37007"}}) == []
    assert index.missing_parts(2, all_but_tielt | {"37022": {"37015"}}) == ["Meulebeke (37007 → 37022)"]
    assert index.missing_parts(2, all_but_tielt) == ["Tielt (37022)"]
    assert index.overlapping_codes({"37022": {"37022", "37015"}}) == [("37022", ["37015"])]
    antwerp = PlaceIndex([RegionRef(9, "ANT", "Antwerpen", ("11002",))])
    assert antwerp.missing_parts(9, {"11002": {"11002"}}) == []
    assert antwerp.missing_parts(9, {"11002": {"11002", "11007"}}) == []
    assert antwerp.missing_parts(9, {"11002": {"11007"}}) == ["Antwerpen (11002)"]
    assert antwerp.overlapping_codes({"11002": {"11002", "11007"}}) == []


def test_one_key_per_file_decided_from_the_values_or_the_column_name():
    index = PlaceIndex(REGIONS)
    assert nis.decide_mode(index, ["Ieper", "TIE"]).mode == "region"  # TIE is only a region
    assert nis.decide_mode(index, ["Ieper", "Zonnebeke"]).mode == "municipality"
    assert nis.decide_mode(index, ["Gent", "44083"]).mode == "municipality"  # all outside
    assert nis.decide_mode(index, ["33016"]).mode == "auto"  # region = municipality: no doubt
    undecided = nis.decide_mode(index, ["Ieper", "Tielt"])
    assert undecided.mode is None
    assert [value for value, _ in undecided.problems] == ["Ieper", "Tielt"]
    mixed = nis.decide_mode(index, ["TIE", "33037"])
    assert mixed.mode is None and mixed.problems[0][1].key == "problem.nis.mixed_keys"
    assert nis.decide_mode(index, ["Ieper", "Tielt"], key="region").mode == "region"
    assert nis.decide_mode(index, ["Ieper"], column_kind="municipality").mode == "municipality"
    assert nis.decide_mode(index, ["Ieper"], column_kind="care_region").mode == "region"
