"""The catalogue: every key in French, Dutch and English, every key the code uses exists, every
vocabulary member has a label."""

import ast
import re
import string
from pathlib import Path

import pytest

from dashboard.i18n import (
    ENUM_PREFIXES,
    MissingTranslation,
    catalogue,
    has_plural,
    label,
    plural,
    t,
)
from models import vocab
from models.vocab import LANGUAGES

ROOT = Path(__file__).resolve().parents[2]
SOURCES = [p for folder in ("dashboard", "pages") for p in (ROOT / folder).rglob("*.py")]


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_message_has_three_non_empty_languages_with_the_same_placeholders():
    for key, texts in catalogue().items():
        assert len(texts) == len(LANGUAGES), key
        assert all(isinstance(text, str) and text.strip() for text in texts), key
        placeholders = {_placeholders(text).__repr__() for text in texts}
        assert len(placeholders) == 1, f"{key}: placeholders differ between languages"


def _literal_keys(function: str = "t") -> set[tuple[str, str]]:
    """(file, key) for every t("...") / t('...') call (or `function`'s) with a literal key in the
    app's code."""
    found = set()
    for path in SOURCES:
        tree = ast.parse(path.read_text(), filename=str(path))
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id == function
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
            ):
                found.add((path.relative_to(ROOT).as_posix(), node.args[0].value))
    return found


def test_every_literal_key_used_in_the_code_is_in_the_catalogue():
    missing = sorted((file, key) for file, key in _literal_keys() if key not in catalogue())
    assert not missing, f"keys used but not defined: {missing}"


def test_every_literal_plural_key_has_both_forms():
    used = _literal_keys("plural")
    assert used, "the scan should find plural() calls"
    missing = sorted(
        (file, key) for file, key in used if not {f"{key}.one", f"{key}.other"} <= catalogue().keys()
    )
    assert not missing, f"plural keys without their forms: {missing}"


def test_error_keys_raised_by_services_exist():
    pattern = re.compile(r'(?:Denied|NotFound|InvalidInput|ConflictError|Problem)\(\s*"([a-z_.]+)"')
    keys = {key for path in SOURCES for key in pattern.findall(path.read_text())}
    assert keys, "the scan should find error keys"
    assert not sorted(k for k in keys if k not in catalogue() and not has_plural(k))


# "3 action(s)", "actie(s)", "opmerking(en)", "ajouté(e)", "gemeente(n)", "municipality(ies)",
# and the Dutch "probleem/problemen", "lid/leden", "golf/golven".
PLURAL_MARKER = re.compile(
    r"\w\((?:s|es|e|es|x|n|en|ën|ies|nen)\)"
    r"|\b(?:probleem/problemen|lid/leden|golf/golven|vraag/vragen)\b"
)


def test_no_message_marks_its_plural_in_brackets():
    """Counts take their singular or plural form (plural(key, count)); no "(s)", "(en)",
    "(e)" in any language."""
    marked = sorted(
        key for key, texts in catalogue().items() if any(PLURAL_MARKER.search(text) for text in texts)
    )
    assert not marked, f"messages with bracketed plurals: {marked}"


def test_the_plural_marker_scan_finds_the_markers_it_is_for():
    for text in (
        "3 action(s)",
        "3 actie(s)",
        "2 opmerking(en)",
        "1 évaluateur ajouté(e)",
        "2 gemeente(n)",
        "2 municipality(ies)",
        "2 probleem/problemen",
    ):
        assert PLURAL_MARKER.search(text), text
    assert not PLURAL_MARKER.search("Part des actions (en %) · (n) · (e)-santé")


# French typography puts a space before ":", ";", "?" and "!" (the catalogue uses a plain space);
# Dutch and English put none. Literal text only: a format field counts as a word, and what is
# not punctuation (https://, 10:30, EPSG:4326, "::") is left out because no space follows it.
UNSPACED_FRENCH = re.compile(r"[\w)\]»*’'\"](?=[:;?!](?:\s|$))")
SPACED_COLON = re.compile(r"\S\s+:(?:\s|$)")


def _literal(text: str) -> str:
    parts = string.Formatter().parse(text)
    return "".join(literal + ("x" if name is not None else "") for literal, name, _, _ in parts)


def test_french_messages_put_a_space_before_colons_and_semicolons():
    """French problem lines read '2.1.1, colonne Début prévu: date illisible' beside messages
    with ' : '; French wants the space."""
    unspaced = sorted(
        (key, texts[0])
        for key, texts in catalogue().items()
        if UNSPACED_FRENCH.search(_literal(texts[0]).replace("::", ""))
    )
    assert not unspaced, f"French messages without a space before : ; ? !: {unspaced}"


def test_dutch_and_english_messages_put_no_space_before_a_colon():
    spaced = sorted(
        (key, lang)
        for key, texts in catalogue().items()
        for lang, text in zip(("nl", "en"), texts[1:], strict=True)
        if SPACED_COLON.search(_literal(text))
    )
    assert not spaced, f"Dutch or English messages with a space before ':': {spaced}"


def test_the_french_punctuation_scan_finds_what_it_is_for():
    for text in (
        "colonne X: date illisible",
        "{code}: manquant",
        "oui/non; vide",
        "Prêt?",
        "**code**: texte",
        "« Titre »: suite",
    ):
        assert UNSPACED_FRENCH.search(_literal(text).replace("::", "")), text
    for text in (
        "colonne X : date",
        "à 10:30",
        "voir https://example.org",
        "EPSG:4326 ; ok",
        "{value:,.1f} %",
        "a::b",
        "séparées par ; ou |",
    ):
        assert not UNSPACED_FRENCH.search(_literal(text).replace("::", "")), text


PLURAL_KEYS = sorted(
    key.removesuffix(".other")
    for key in catalogue()
    if key.endswith(".other") and f"{key.removesuffix('.other')}.one" in catalogue()
)
# French puts 0 and 1 in the singular; Dutch and English only 1 (CLDR, through Babel).
FORMS = {
    "fr": {0: "one", 1: "one", 2: "other"},
    "nl": {0: "other", 1: "one", 2: "other"},
    "en": {0: "other", 1: "one", 2: "other"},
}


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("count", [0, 1, 2])
def test_counts_take_their_language_s_plural_form(lang, count):
    assert len(PLURAL_KEYS) > 30
    form = FORMS[lang][count]
    for key in PLURAL_KEYS:
        params = {name: "X" for name in _placeholders(t(f"{key}.other", lang=lang)) - {"count"}}
        expected = t(f"{key}.{form}", lang=lang, count=count, **params)
        assert plural(key, count, lang, **params) == expected, (key, lang, count)
        if "{count}" in t(f"{key}.{form}", lang=lang, count="{count}", **params):
            assert str(count) in expected, (key, lang, count)
    assert (
        plural("home.status_count.idea", count, lang)
        == {
            ("fr", "one"): f"{count} idée",
            ("fr", "other"): f"{count} idées",
            ("nl", "one"): f"{count} idee",
            ("nl", "other"): f"{count} ideeën",
            ("en", "one"): f"{count} idea",
            ("en", "other"): f"{count} ideas",
        }[lang, form]
    )


def test_the_plural_rules_are_babel_s_cldr_rules():
    """French: 1.5 is singular ("1,5 point"), a million takes CLDR's "many" form, which falls
    back to "other" when the catalogue has none; English 1.5 is plural."""
    from dashboard.i18n import plural_form

    assert plural_form(1.5, "fr") == "one" and plural_form(1.5, "en") == "other"
    assert plural_form(1_000_000, "fr") == "many"
    assert plural("home.status_count.idea", 1_000_000, "fr") == "1000000 idées"
    assert plural("home.status_count.idea", 1.5, "fr") == "1.5 idée"


@pytest.mark.parametrize("enum_name", sorted(ENUM_PREFIXES))
def test_every_vocabulary_member_has_a_label_in_every_language(enum_name):
    for member in getattr(vocab, enum_name):
        for lang in LANGUAGES:
            assert label(member, lang=lang), (enum_name, member, lang)


def test_integrated_care_components_are_all_labelled():
    for number in vocab.INTEGRATED_CARE_COMPONENTS:
        assert t(f"component.{number}", lang="nl")


def test_strict_mode_raises_on_a_missing_key():
    with pytest.raises(MissingTranslation):
        t("no.such.key")


def test_messages_are_formatted_in_the_requested_language():
    assert t("error.unknown_project", lang="nl", project="x") == "Onbekend project: x."
    assert t("error.unknown_project", lang="fr", project="x") == "Projet inconnu : x."


def test_labels_made_by_polars_are_in_the_reader_s_language():
    """polars runs map_elements of several expressions on its own threads, which do not see the
    language set in the script's thread: a Dutch dictionary showed French component labels."""
    import polars as pl

    from dashboard.i18n import set_language
    from dashboard.ui.evaluation.indicators import catalogue_table

    catalogue_frame = pl.DataFrame(
        {
            "code": ["A", "B"],
            "name": ["a", "b"],
            "aim": ["population_health", "patient_experience"],
            "component": [14, 3],
            "kind": ["outcome", "process"],
            "polarity": ["higher_is_better", "lower_is_better"],
            "computation": ["actions_on_time", None],
            "unit": ["%", "%"],
        }
    )
    set_language("nl")
    try:
        shown = catalogue_table(catalogue_frame)
    finally:
        set_language("fr")
    assert shown["component"].to_list() == [
        f"14 · {t('component.14', lang='nl')}",
        f"3 · {t('component.3', lang='nl')}",
    ]
    assert shown["computation"].to_list() == [t("indicators.computation.actions_on_time", lang="nl"), None]


def test_a_run_that_skips_the_entry_script_speaks_the_session_s_language():
    """Streamlit reruns a fragment (a dialog's button) in a new thread without the entry
    script: the language then comes from the registered source, not the French default."""
    import threading

    from dashboard import i18n

    seen = {}
    previous = i18n._language_source
    try:
        i18n.use_language_source(lambda: "nl")
        thread = threading.Thread(
            target=lambda: seen.update(lang=i18n.current_language(), text=i18n.t("nav.home"))
        )
        thread.start()
        thread.join()
        assert seen == {"lang": "nl", "text": i18n.t("nav.home", lang="nl")}
        i18n.use_language_source(lambda: None)
        thread = threading.Thread(target=lambda: seen.update(lang=i18n.current_language()))
        thread.start()
        thread.join()
        assert seen["lang"] == i18n.DEFAULT_LANGUAGE
    finally:
        i18n._language_source = previous


def test_the_catalogue_table_shows_a_catalogue_source_in_the_readers_language():
    import polars as pl

    from dashboard.i18n import set_language
    from dashboard.ui.evaluation.indicators import catalogue_table

    frame = pl.DataFrame(
        {
            "code": ["A", "B"],
            "name": ["a", "b"],
            "aim": ["population_health", "population_health"],
            "component": [14, 3],
            "kind": ["outcome", "outcome"],
            "polarity": ["higher_is_better", "higher_is_better"],
            "computation": [None, None],
            "unit": ["%", "%"],
            "data_source": ["Partner survey (this app)", "Mijn bron"],
        }
    )
    set_language("nl")
    try:
        shown = catalogue_table(frame)
    finally:
        set_language("fr")
    # The stored catalogue source in Dutch; a source typed by an admin as typed.
    assert shown["data_source"].to_list() == ["Partnerbevraging (deze toepassing)", "Mijn bron"]
