"""What read-only grids show: yes/no as words in the reader's language, not pale checkboxes."""

import polars as pl
import pytest
import streamlit as st

from dashboard.i18n import set_language, t
from dashboard.presenters.tables import read_only_grid, yes_no_text


@pytest.mark.parametrize("lang", ["fr", "nl", "en"])
def test_read_only_booleans_become_words_in_the_readers_language(lang):
    set_language(lang)
    frame = pl.DataFrame({"code": ["1.1", "1.2", "1.3"], "late": [True, False, None]})
    shown, config = read_only_grid(
        frame,
        {
            "late": st.column_config.CheckboxColumn(
                t("portfolio.col.late", lang=lang), width="small", help="h"
            )
        },
    )
    assert shown["late"].dtype == pl.String
    assert shown["late"].to_list() == [f"✓ {t('common.yes', lang=lang)}", t("common.no", lang=lang), None]
    assert shown["code"].to_list() == frame["code"].to_list()
    # The column keeps its title, width and help, drawn as text, not as a checkbox.
    assert config["late"]["type_config"]["type"] == "text"
    assert config["late"]["label"] == t("portfolio.col.late", lang=lang)
    assert (config["late"]["width"], config["late"]["help"]) == ("small", "h")


def test_an_unconfigured_boolean_column_is_words_too_and_other_settings_are_kept():
    set_language("nl")
    frame = pl.DataFrame({"present": [True, False], "name": ["An", "Bert"]})
    shown, config = read_only_grid(frame, {"name": "Naam"})
    assert shown["present"].to_list() == ["✓ Ja", "Nee"]
    assert config["name"] == "Naam"
    assert config["present"]["type_config"]["type"] == "text"


def test_yes_no_text_leaves_a_missing_value_missing():
    set_language("fr")
    assert (yes_no_text(True), yes_no_text(False), yes_no_text(None)) == ("✓ Oui", "Non", None)
