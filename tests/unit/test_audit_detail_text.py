"""The audit log's details read as words in the reader's language, not as stored keys."""

from dashboard.i18n import t
from dashboard.presenters.admin import detail_text


def test_a_role_change_reads_as_roles():
    pairs = [{"key": "from", "value": "viewer"}, {"key": "to", "value": "steering"}]
    viewer = {lang: t("role.viewer", lang=lang) for lang in ("fr", "nl")}
    assert detail_text(pairs, "fr") == f"Ancien rôle : {viewer['fr']} · Nouveau rôle : Comité de pilotage"
    assert detail_text(pairs, "nl") == f"Vorige rol: {viewer['nl']} · Nieuwe rol: Stuurgroep"
    assert "viewer" not in detail_text(pairs, "en") and "steering" not in detail_text(pairs, "en")


def test_a_failed_login_and_an_export_read_as_words():
    assert detail_text([{"key": "reason", "value": "unknown account"}], "fr") == "Motif : compte inconnu"
    export = [{"key": "what", "value": "survey-results"}, {"key": "format", "value": "csv"}]
    assert detail_text(export, "en") == "Content: survey-results · Format: CSV"


def test_an_unknown_key_is_shown_as_stored():
    assert detail_text([{"key": "future_key", "value": "x=1"}], "en") == "future_key: x=1"
    assert detail_text([], "en") == ""
