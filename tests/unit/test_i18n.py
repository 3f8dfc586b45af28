"""The catalogue: every key in French, Dutch and English, every key the code uses exists, every
vocabulary member has a label."""

import ast
import re
import string
from pathlib import Path

import pytest

from dashboard.i18n import ENUM_PREFIXES, MissingTranslation, catalogue, label, t
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


def _literal_keys() -> set[tuple[str, str]]:
    """(file, key) for every t("...") / t('...') call with a literal key in the app's code."""
    found = set()
    for path in SOURCES:
        tree = ast.parse(path.read_text(), filename=str(path))
        for node in ast.walk(tree):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                    and node.func.id == "t" and node.args
                    and isinstance(node.args[0], ast.Constant)
                    and isinstance(node.args[0].value, str)):
                found.add((path.relative_to(ROOT).as_posix(), node.args[0].value))
    return found


def test_every_literal_key_used_in_the_code_is_in_the_catalogue():
    missing = sorted((file, key) for file, key in _literal_keys() if key not in catalogue())
    assert not missing, f"keys used but not defined: {missing}"


def test_error_keys_raised_by_services_exist():
    pattern = re.compile(r'(?:Denied|NotFound|InvalidInput|ConflictError|Problem)\(\s*"([a-z_.]+)"')
    keys = {key for path in SOURCES for key in pattern.findall(path.read_text())}
    assert keys, "the scan should find error keys"
    assert not sorted(k for k in keys if k not in catalogue())


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
    from dashboard.ui.evaluation import catalogue_table

    catalogue_frame = pl.DataFrame({
        "code": ["A", "B"], "name": ["a", "b"],
        "aim": ["population_health", "patient_experience"], "component": [14, 3],
        "kind": ["outcome", "process"], "polarity": ["higher_is_better", "lower_is_better"],
        "computation": ["actions_on_time", None], "unit": ["%", "%"]})
    set_language("nl")
    try:
        shown = catalogue_table(catalogue_frame)
    finally:
        set_language("fr")
    assert shown["component"].to_list() == [f"14 · {t('component.14', lang='nl')}",
                                            f"3 · {t('component.3', lang='nl')}"]
    assert shown["computation"].to_list() == [
        t("indicators.computation.actions_on_time", lang="nl"), None]
