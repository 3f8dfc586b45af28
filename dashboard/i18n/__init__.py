"""The one catalogue of UI strings, in French, Dutch and English.

Strings live in dashboard/i18n/messages/<area>.py as `MESSAGES = {key: (fr, nl, en)}`; this
module merges them. `t(key, **params)` formats a string in the current language, which the app
sets at the start of every rerun (`set_language`). With LIVINGLAB_I18N_STRICT=1 (the test suite),
a missing key raises instead of showing the key.
"""

from __future__ import annotations

import importlib
import os
import pkgutil
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from enum import Enum
from functools import cache
from typing import Any

from models.vocab import LANGUAGES

DEFAULT_LANGUAGE = "fr"
_language: ContextVar[str | None] = ContextVar("language", default=None)
# Where a run that did not set its language finds it: Streamlit reruns a fragment (a dialog's
# button) in a new thread without the entry script, so the context variable is unset there and
# the interface layer registers the session's choice (ui/session.py).
_language_source: Callable[[], str | None] | None = None

# The catalogue prefix of each vocabulary, so that label(ActionStatus.done) finds "status.done".
ENUM_PREFIXES = {
    "Role": "role",
    "ActionStatus": "status",
    "DecisionOutcome": "outcome",
    "PartnerCategory": "partner_category",
    "RiskStratum": "stratum",
    "Sex": "sex",
    "Condition": "condition",
    "QuadrupleAim": "aim",
    "IndicatorKind": "indicator_kind",
    "Polarity": "polarity",
    "ValueSource": "value_source",
    "ChangeSource": "change_source",
    "AgendaReason": "agenda_reason",
    "MeetingStatus": "meeting_status",
    "MaturityDimension": "maturity_dimension",
}


class MissingTranslation(KeyError):
    pass


@cache
def catalogue() -> dict[str, tuple[str, str, str]]:
    """All messages, merged from the modules of dashboard.i18n.messages."""
    from dashboard.i18n import messages

    merged: dict[str, tuple[str, str, str]] = {}
    for module_info in sorted(pkgutil.iter_modules(messages.__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{messages.__name__}.{module_info.name}")
        for key, texts in module.MESSAGES.items():
            if key in merged:
                raise ValueError(f"message key {key!r} defined twice (again in {module_info.name})")
            merged[key] = texts
    return merged


def set_language(lang: str) -> None:
    _language.set(lang if lang in LANGUAGES else DEFAULT_LANGUAGE)


def use_language_source(source: Callable[[], str | None]) -> None:
    global _language_source
    _language_source = source


def current_language() -> str:
    lang = _language.get()
    if lang is None and _language_source is not None:
        lang = _language_source()
    return lang if lang in LANGUAGES else DEFAULT_LANGUAGE


@contextmanager
def using_language(lang: str) -> Iterator[None]:
    """`t()` without a language speaks `lang` inside the block (a document made in the
    reader's language, e.g. the meeting pack, from presenters that use the current language),
    and the run's own language again after it."""
    token = _language.set(lang if lang in LANGUAGES else DEFAULT_LANGUAGE)
    try:
        yield
    finally:
        _language.reset(token)


def in_language(function: Callable[..., Any]) -> Callable[..., Any]:
    """`function` bound to this run's language, for polars' map_elements: polars may call it
    from its own threads, which do not see the language set in the script's thread (a Dutch
    page then showed French labels and French number grouping)."""
    lang = current_language()

    def call(*args: Any) -> Any:
        token = _language.set(lang)
        try:
            return function(*args)
        finally:
            _language.reset(token)

    return call


def has(key: str) -> bool:
    return key in catalogue()


def fallback_order(lang: str) -> tuple[str, ...]:
    """`lang` first, then the other languages: for texts the users write in each language (an
    indicator's name), where one missing in the reader's language is shown in another."""
    return (lang, *(other for other in LANGUAGES if other != lang))


def t(key: str, lang: str | None = None, **params: object) -> str:
    """The message `key` in `lang` (default: the current language), formatted with `params`."""
    texts = catalogue().get(key)
    if texts is None:
        if os.environ.get("LIVINGLAB_I18N_STRICT") == "1":
            raise MissingTranslation(key)
        return key
    text = texts[LANGUAGES.index(lang or current_language())]
    return text.format(**params) if params else text


@cache
def _plural_rule(lang: str) -> Callable[[float], str]:
    from babel import Locale

    return Locale.parse(lang).plural_form


def plural_form(count: float, lang: str | None = None) -> str:
    """The CLDR plural category of `count` in `lang` (Babel's rules): French puts 0 and 1 (and
    1.5) in the singular ("0 idée"), Dutch and English only 1 ("0 ideeën", "1 idee")."""
    return _plural_rule(lang or current_language())(abs(count))


def has_plural(key: str) -> bool:
    """Whether `key` is a message with plural forms (`key.one`, `key.other`)."""
    return f"{key}.other" in catalogue()


def plural(key: str, count: float, lang: str | None = None, **params: object) -> str:
    """The message `key.<form>` for the form `count` takes in `lang` (CLDR categories: one,
    other, and French's many for millions, ...), falling back to `key.other` when the catalogue
    has no message of that form; formatted with `count` and `params` (so that no message
    needs "(s)")."""
    lang = lang or current_language()
    form = plural_form(count, lang)
    if f"{key}.{form}" not in catalogue():
        form = "other"
    return t(f"{key}.{form}", lang=lang, **{"count": count, **params})


def message(key: str, lang: str | None = None, **params: object) -> str:
    """A message named by a key carried as data (an error's or a problem's): `plural` when the
    catalogue has plural forms of it (by its `count` parameter), `t` otherwise."""
    if has_plural(key) and "count" in params:
        count = params.pop("count")
        return plural(key, count, lang, **params)  # type: ignore[arg-type]
    return t(key, lang=lang, **params)


def label(member: Enum, lang: str | None = None) -> str:
    """The translated label of a vocabulary member (models.vocab enums)."""
    prefix = ENUM_PREFIXES[type(member).__name__]
    return t(f"{prefix}.{member.value}", lang=lang)


def label_of(prefix: str, value: object, lang: str | None = None) -> str:
    """The label of a stored vocabulary key, e.g. label_of("status", "done"); the raw value
    when it is empty."""
    if value is None or value == "":
        return ""
    return t(f"{prefix}.{value}", lang=lang)


def localized(record: object, attribute: str, lang: str | None = None) -> str:
    """`record.<attribute>_<lang>` (e.g. an indicator's name_nl), falling back to French."""
    lang = lang or current_language()
    return getattr(record, f"{attribute}_{lang}", "") or getattr(record, f"{attribute}_fr", "")
