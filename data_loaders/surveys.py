"""Partner-survey files: the questionnaire (dimensions, items, scales) and the responses that
survey tools export, one row per respondent (docs/formats/surveys.md).

Responses: each column of the file gets one role, decided from its header alone:
- an item of the questionnaire, named by its code or by its question text in French, Dutch or
  English, as the tools write them: Google Forms grids "Title [Row text]", LimeSurvey
  "CODE. Question text" and "GROUP[CODE]", KoboToolbox paths "group/CODE" and label headers;
- the respondent's partner category (a header such as category / catégorie / type of
  organisation, see CATEGORY_HEADERS);
- a free-text comment (a header with a word such as comment / commentaire / opmerking; its
  dimension is the one the header names);
- the respondent's identifier (ID, e-mail, name): only used, hashed, to recognise a response
  imported before; never kept in clear;
- the submission time; a column of the tool's own bookkeeping (ignored); or unknown (ignored,
  listed).
Answers are whole numbers on the item's scale or its labels in any language. Every problem is
collected with its line and column; nothing here touches the database.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from data_loaders.fields import fold, parse_bool, parse_whole, split_list
from data_loaders.problems import Problems
from data_loaders.tabular import Table

BRUSSELS = ZoneInfo("Europe/Brussels")
CODE_PATTERN = re.compile(r"^[A-Za-z][A-Za-z0-9_]{0,63}$")
MAX_SCALE_POINTS = 11  # 0-10 is the widest scale accepted

# Roles a column of a responses file can have.
ITEM, CATEGORY, COMMENT, IDENTIFIER, TIMESTAMP, TOOL, UNKNOWN = (
    "item",
    "category",
    "comment",
    "identifier",
    "timestamp",
    "tool",
    "unknown",
)


def match_key(text: str) -> str:
    """Text reduced for comparing headers with question texts: lower case, no accents, any run
    of punctuation or spaces (’ ' « » : ? *) as one space."""
    return re.sub(r"[^a-z0-9]+", " ", fold(text)).strip()


def _keys(*names: str) -> frozenset[str]:
    return frozenset(match_key(name) for name in names)


# Headers that name the respondent (priority order: the tool's response ID, then e-mail or
# token, then name). Compared on match_key of the header or of its last path segment.
IDENTIFIER_HEADERS: tuple[frozenset[str], ...] = (
    _keys(
        "id",
        "response id",
        "respondent id",
        "responseid",
        "uuid",
        "instanceID",
        "record id",
        "submission id",
        "id de réponse",
        "antwoord id",
    ),
    _keys(
        "email",
        "e-mail",
        "email address",
        "e-mail address",
        "adresse e-mail",
        "adresse email",
        "adresse de messagerie",
        "courriel",
        "e-mailadres",
        "emailadres",
        "mail",
        "token",
    ),
    _keys("name", "nom", "naam", "full name", "nom complet", "volledige naam"),
)
# Values the tools write in identifier columns of anonymous forms: not an identifier.
ANONYMOUS_VALUES = _keys("anonymous", "anonyme", "anoniem", "anonym")
# Headers holding the submission time, best first; the others are tool columns.
TIMESTAMP_HEADERS: tuple[frozenset[str], ...] = (
    _keys(
        "submitdate",
        "date submitted",
        "completion time",
        "heure de fin",
        "tijdstip van voltooien",
        "voltooiingstijd",
        "submission time",
        "submitted at",
        "submitted",
        "soumis le",
        "ingediend op",
        "date de soumission",
        "datum verzonden",
    ),
    _keys("timestamp", "horodateur", "horodatage", "tijdstempel", "date"),
    _keys("end", "datestamp", "date last action"),
)
# LimeSurvey's submission time, empty for a response that was started and not submitted.
SUBMIT_DATE_HEADERS = _keys(
    "submitdate", "date submitted", "datum verzonden", "date de soumission", "datum abgeschickt"
)
# The tools' own bookkeeping (KoboToolbox, LimeSurvey, Microsoft Forms, Google Forms).
TOOL_HEADERS = _keys(
    "start time",
    "heure de début",
    "begintijd",
    "starttijd",
    "last modified time",
    "heure de la dernière modification",
    "tijd laatst gewijzigd",
    "laatst gewijzigd",
    "lastpage",
    "last page",
    "startlanguage",
    "start language",
    "seed",
    "startdate",
    "date started",
    "ipaddr",
    "ip address",
    "refurl",
    "referrer url",
    "interviewtime",
    "total time",
    "totale tijd",
    "temps total",
    "gesamtzeit",
    "start",
    "today",
    "deviceid",
    "subscriberid",
    "simserial",
    "phonenumber",
    "username",
    "audit",
    "total points",
    "quiz feedback",
    "score",
    "version",
)
# LimeSurvey's timings with full headings ("Group time: Synergy", "Question time: SYN1"), in
# English, Dutch, French and German: read before any other role, since the group or question
# they name may look like a comment or category header.
_TIMING_HEADER = re.compile(
    r"^(group time|question time|groepstijd|vraagtijd|temps du groupe|temps de la question|"
    r"temps pour le groupe|temps pour la question|gruppenzeit|fragenzeit)\s*:",
    re.IGNORECASE,
)
_TOOL_PATTERNS = (
    re.compile(r"^groupTime\d+$", re.IGNORECASE),  # LimeSurvey timings
    re.compile(r"^(Points|Feedback) - ", re.IGNORECASE),  # Microsoft Forms quizzes
    re.compile(r"^(formhub|meta)/", re.IGNORECASE),  # KoboToolbox metadata
)
# A header naming the partner category: one of these, or one of these followed by more words
# ("Catégorie de votre organisation").
CATEGORY_HEADERS = _keys(
    "category",
    "categorie",
    "partner category",
    "categorie de partenaire",
    "categorie partenaire",
    "partnercategorie",
    "partner categorie",
    "type of organisation",
    "type of organization",
    "organisation type",
    "organization type",
    "type d'organisation",
    "type organisation",
    "type de partenaire",
    "type van organisatie",
    "type organisatie",
    "soort organisatie",
    "organisatietype",
    "sector",
    "secteur",
)
# Words that make a column a free-text comment.
COMMENT_WORDS = re.compile(
    r"\b(comments?|commentaires?|remarques?|remarks?|opmerkingen|opmerking|toelichting|"
    r"suggestions?|suggesties?|feedback)\b"
)
# Answers that mean "no answer" (counted as missing, not as a point of the scale).
NON_ANSWERS = _keys(
    "n/a",
    "na",
    "-",
    "sans avis",
    "sans objet",
    "ne sais pas",
    "je ne sais pas",
    "pas d'application",
    "non applicable",
    "weet niet",
    "ik weet het niet",
    "geen mening",
    "niet van toepassing",
    "nvt",
    "n.v.t.",
    "don't know",
    "do not know",
    "not applicable",
    "no opinion",
    "prefer not to say",
)
_NUMBERED = re.compile(r"^(\d+)\s*[-.:)]\s*[^\W\d]")  # "4 - D'accord", "4. Agree"
_LIMESURVEY_CODE = re.compile(r"^([A-Za-z][A-Za-z0-9_]*(?:\[[^\]]+\])?)\.\s+(.+)$")
_BRACKETS = re.compile(r"^(.*?)\s*\[([^\]]+)\]\s*$")
_LEADING_NUMBER = re.compile(r"^(?:q?\d+[.):\-]?)\s+(.+)$", re.IGNORECASE)


# ---------------------------------------------------------------- the questionnaire


@dataclass(frozen=True)
class QuestionnaireItem:
    """An item as the responses parser needs it (from the database or a questionnaire file)."""

    code: str
    dimension: str
    text_fr: str
    text_nl: str
    text_en: str
    scale_min: int = 1
    scale_max: int = 5
    scale_labels: dict[str, list[str]] | None = None
    reversed: bool = False

    @property
    def texts(self) -> tuple[str, str, str]:
        return self.text_fr, self.text_nl, self.text_en


@dataclass(frozen=True)
class QuestionnaireDimension:
    code: str
    label_fr: str
    label_nl: str
    label_en: str


@dataclass(frozen=True)
class ItemRow:
    """An item as a questionnaire file describes it."""

    line: int
    item: QuestionnaireItem
    labels_given: bool
    texts_given: frozenset[str] = frozenset({"fr", "nl", "en"})  # languages the file gives


@dataclass
class ParsedQuestionnaire:
    file_name: str
    items: list[ItemRow] = field(default_factory=list)
    # Dimension labels the file gives: code -> (fr, nl, en); codes without labels are absent.
    dimension_labels: dict[str, tuple[str, str, str]] = field(default_factory=dict)
    dimension_lines: dict[str, int] = field(default_factory=dict)  # first line of each dimension
    unknown_columns: list[str] = field(default_factory=list)
    problems: Problems = field(default_factory=Problems)


QUESTIONNAIRE_REQUIRED = ("code", "dimension")
QUESTIONNAIRE_OPTIONAL = (
    "text_fr",
    "text_nl",
    "text_en",
    "scale_min",
    "scale_max",
    "labels_fr",
    "labels_nl",
    "labels_en",
    "reversed",
    "dimension_fr",
    "dimension_nl",
    "dimension_en",
)
_QUESTIONNAIRE_ALIASES = {
    "code": ("item", "item_code"),
    "dimension": ("dimension_code", "dimensie"),
    "reversed": ("reverse", "inverse", "inversé", "omgekeerd"),
}


def parse_questionnaire(table: Table, default_labels: dict[str, list[str]]) -> ParsedQuestionnaire:
    """Read a questionnaire file: one row per item. Texts missing in a language are taken from
    another (French, then Dutch, then English); labels missing on a 1-5 scale are
    `default_labels`. Items of one dimension must share one scale."""
    parsed = ParsedQuestionnaire(table.file_name, problems=Problems(table.file_name))
    problems = parsed.problems
    col: dict[str, str] = {}
    for name in QUESTIONNAIRE_REQUIRED + QUESTIONNAIRE_OPTIONAL:
        header = table.column_for(name, _QUESTIONNAIRE_ALIASES.get(name, ()))
        if header is not None:
            col[name] = header
    parsed.unknown_columns = [c for c in table.columns if c not in set(col.values())]
    missing = [name for name in QUESTIONNAIRE_REQUIRED if name not in col]
    if not any(f"text_{lang}" in col for lang in ("fr", "nl", "en")):
        missing.append("text_fr / text_nl / text_en")
    for name in missing:
        problems.add(
            "problem.missing_column",
            line=1,
            column=name,
            expected="code, dimension, text_fr / text_nl / text_en",
        )
    if missing:
        return parsed

    lines_by_code: dict[str, int] = {}
    scale_of_dimension: dict[str, tuple[int, int, int]] = {}  # dimension -> (min, max, line)
    for row, line in zip(table.rows, table.lines, strict=True):

        def cell(name: str, row: dict = row) -> str | None:
            return row.get(col[name]) if name in col else None

        before = len(problems)
        code = cell("code")
        dimension = cell("dimension")
        if code is None:
            problems.add("problem.empty_cell", line=line, column=col["code"])
        elif not CODE_PATTERN.match(code):
            problems.add("problem.questionnaire_bad_code", line=line, column=col["code"], value=code)
        elif code.upper() in lines_by_code:
            problems.add(
                "problem.duplicate_code",
                line=line,
                column=col["code"],
                value=code,
                first_line=lines_by_code[code.upper()],
            )
        else:
            lines_by_code[code.upper()] = line
        if dimension is None:
            problems.add("problem.empty_cell", line=line, column=col["dimension"])
        elif not CODE_PATTERN.match(dimension):
            problems.add(
                "problem.questionnaire_bad_code", line=line, column=col["dimension"], value=dimension
            )
        texts = {lang: cell(f"text_{lang}") for lang in ("fr", "nl", "en")}
        given = [text for text in texts.values() if text]
        if not given:
            problems.add(
                "problem.questionnaire_no_text",
                line=line,
                column=" / ".join(
                    col[f"text_{lang}"] for lang in ("fr", "nl", "en") if f"text_{lang}" in col
                ),
            )
        scale = []
        scale_problems_before = len(problems)
        for name, default in (("scale_min", 1), ("scale_max", 5)):
            text = cell(name)
            try:
                scale.append(default if text is None else parse_whole(text))
            except ValueError:
                problems.add("problem.questionnaire_bad_scale", line=line, column=col[name], value=text)
                scale.append(default)
        low, high = scale
        scale_ok = len(problems) == scale_problems_before
        if scale_ok and not (high > low and high - low + 1 <= MAX_SCALE_POINTS):
            problems.add(
                "problem.questionnaire_bad_scale",
                line=line,
                column=col.get("scale_max", "scale_max"),
                value=f"{low}-{high}",
            )
            scale_ok = False
        labels: dict[str, list[str]] = {}
        for lang in ("fr", "nl", "en"):
            words = split_list(cell(f"labels_{lang}"))
            if words and len(words) != high - low + 1:
                problems.add(
                    "problem.questionnaire_label_count",
                    line=line,
                    column=col[f"labels_{lang}"],
                    value=cell(f"labels_{lang}"),
                    expected=high - low + 1,
                )
            elif words:
                labels[lang] = words
        reversed_ = False
        if (text := cell("reversed")) is not None:
            try:
                reversed_ = parse_bool(text)
            except ValueError:
                problems.add("problem.bad_yes_no", line=line, column=col["reversed"], value=text)
        # A dimension's scale is checked even on rows with other problems, so that every
        # problem of the file is listed at once.
        if dimension is not None and CODE_PATTERN.match(dimension) and scale_ok:
            known = scale_of_dimension.get(dimension)
            if known is None:
                scale_of_dimension[dimension] = (low, high, line)
                parsed.dimension_lines[dimension] = line
            elif known[:2] != (low, high):
                problems.add(
                    "problem.questionnaire_mixed_scales",
                    line=line,
                    column=col.get("scale_max", "scale_max"),
                    value=f"{low}-{high}",
                    dimension=dimension,
                    other=f"{known[0]}-{known[1]}",
                    other_line=known[2],
                )
            names = [cell(f"dimension_{lang}") for lang in ("fr", "nl", "en")]
            if any(names) and dimension not in parsed.dimension_labels:
                first = next(n for n in names if n)
                parsed.dimension_labels[dimension] = tuple(n or first for n in names)  # type: ignore[assignment]
        if len(problems) > before:
            continue
        first_text = given[0]
        if labels:
            fallback = next(iter(labels.values()))
            labels = {lang: labels.get(lang, fallback) for lang in ("fr", "nl", "en")}
        elif (low, high) == (1, 5):
            labels = default_labels
        parsed.items.append(
            ItemRow(
                line,
                QuestionnaireItem(
                    code=code,
                    dimension=dimension,  # type: ignore[arg-type]
                    text_fr=texts["fr"] or first_text,
                    text_nl=texts["nl"] or first_text,
                    text_en=texts["en"] or first_text,
                    scale_min=low,
                    scale_max=high,
                    scale_labels=labels or None,
                    reversed=reversed_,
                ),
                bool(labels),
                frozenset(lang for lang, text in texts.items() if text),
            )
        )
    return parsed


# ---------------------------------------------------------------- responses


@dataclass(frozen=True)
class Column:
    """What one column of a responses file is, and for items / comments, which one."""

    header: str
    role: str
    target: str | None = None  # item code (item), dimension code or None (comment)


@dataclass(frozen=True)
class Response:
    """One respondent's row. `key` is the hash that recognises the response on a later import;
    the identifier it was made from is not kept."""

    line: int
    key: str
    category: str | None
    submitted_at: dt.datetime | None
    answers: dict[str, int]  # item code -> value as answered
    comments: tuple[tuple[str | None, str], ...]  # (dimension code or None, text)


@dataclass
class ParsedResponses:
    file_name: str
    sha256: str = ""
    columns: list[Column] = field(default_factory=list)
    responses: list[Response] = field(default_factory=list)
    empty_lines: list[int] = field(default_factory=list)  # rows without any answer: skipped
    incomplete_lines: list[int] = field(default_factory=list)  # not submitted: skipped
    date_order: DateOrder = field(default_factory=lambda: DateOrder())
    problems: Problems = field(default_factory=Problems)

    def headers(self, role: str) -> list[str]:
        return [c.header for c in self.columns if c.role == role]

    @property
    def unknown_columns(self) -> list[str]:
        return self.headers(UNKNOWN)


def header_candidates(header: str) -> list[str]:
    """What a header may name, most specific first: the row of a Google Forms grid
    ("Title [Row]"), LimeSurvey's subquestion ("GROUP[CODE]") and code ("CODE. Text"),
    KoboToolbox's last path segments ("group/CODE"), the header without its numbering
    ("1. Text"), and the whole header."""
    found: list[str] = []

    def add(text: str) -> None:
        text = text.strip().rstrip("*").strip()
        if text and text not in found:
            found.append(text)

    def expand(text: str) -> None:
        if match := _LIMESURVEY_CODE.match(text):
            expand(match.group(1))
            expand(match.group(2))
        if match := _BRACKETS.match(text):
            add(match.group(2))
            expand(match.group(1))
        if "/" in text:
            parts = text.split("/")
            for start in range(len(parts) - 1, 0, -1):
                add("/".join(parts[start:]))
        if match := _LEADING_NUMBER.match(text):
            add(match.group(1))
        add(text)

    expand(header.strip())
    return found


class _Questionnaire:
    """Look-ups over the questionnaire used to read a file."""

    def __init__(self, items: list[QuestionnaireItem], dimensions: list[QuestionnaireDimension]) -> None:
        self.items = {item.code: item for item in items}
        self.by_code = {match_key(item.code): item.code for item in items}
        self.by_text: dict[str, str] = {}
        for item in items:
            for text in item.texts:
                self.by_text.setdefault(match_key(text), item.code)
        self.dimension_names: list[tuple[str, str]] = []  # (match key, dimension code)
        for dimension in dimensions:
            for name in (dimension.code, dimension.label_fr, dimension.label_nl, dimension.label_en):
                self.dimension_names.append((match_key(name), dimension.code))
        self.dimension_names.sort(key=lambda pair: -len(pair[0]))  # longest name first

    def item_for(self, candidates: list[str]) -> str | None:
        for candidate in candidates:
            key = match_key(candidate)
            code = self.by_code.get(key) or self.by_text.get(key)
            if code:
                return code
        return None

    def dimension_in(self, candidates: list[str]) -> str | None:
        """The dimension a comment header is about: an item's (LimeSurvey "CODE[comment]") or
        one whose code or label the header contains."""
        for candidate in candidates:
            code = self.by_code.get(match_key(candidate))
            if code:
                return self.items[code].dimension
        text = f" {match_key(candidates[-1])} "
        for name, code in self.dimension_names:
            if name and f" {name} " in text:
                return code
        return None


def _priority(keys: list[str], groups: tuple[frozenset[str], ...]) -> int | None:
    for rank, names in enumerate(groups):
        if any(key in names for key in keys):
            return rank
    return None


def classify_columns(
    columns: list[str], items: list[QuestionnaireItem], dimensions: list[QuestionnaireDimension]
) -> tuple[list[Column], dict]:
    """The role of every column, and {"identifier": [(rank, header)], "timestamp": header}."""
    questionnaire = _Questionnaire(items, dimensions)
    result: list[Column] = []
    identifiers: list[tuple[int, str]] = []
    timestamps: list[tuple[int, str]] = []
    for header in columns:
        candidates = header_candidates(header)
        keys = [match_key(c) for c in candidates]
        last_segment = match_key(header.rsplit("/", 1)[-1])
        name_keys = [last_segment, match_key(header)]
        if _TIMING_HEADER.match(header):
            result.append(Column(header, TOOL))
            continue
        # LimeSurvey "CODE[comment]": the comment of an item.
        if any(COMMENT_WORDS.fullmatch(key) for key in keys[:1]):
            result.append(Column(header, COMMENT, questionnaire.dimension_in(candidates[1:] or candidates)))
            continue
        code = questionnaire.item_for(candidates)
        if code is not None:
            result.append(Column(header, ITEM, code))
            continue
        rank = _priority(name_keys, IDENTIFIER_HEADERS)
        if rank is not None:
            identifiers.append((rank, header))
            result.append(Column(header, IDENTIFIER))
            continue
        rank = _priority(name_keys, TIMESTAMP_HEADERS)
        if rank is not None:
            timestamps.append((rank, header))
            result.append(Column(header, TIMESTAMP))
            continue
        if (
            any(key in TOOL_HEADERS for key in name_keys)
            or header.startswith("_")
            or any(p.search(header) for p in _TOOL_PATTERNS)
            or _is_item_timing(header, questionnaire)
        ):
            result.append(Column(header, TOOL))
            continue
        if any(
            key in CATEGORY_HEADERS or any(key.startswith(f"{name} ") for name in CATEGORY_HEADERS)
            for key in keys
        ):
            result.append(Column(header, CATEGORY))
            continue
        if any(COMMENT_WORDS.search(key) for key in keys):
            result.append(Column(header, COMMENT, questionnaire.dimension_in(candidates)))
            continue
        result.append(Column(header, UNKNOWN))
    # Only the best submission-time column is read; the others are the tool's bookkeeping.
    best_time = min(timestamps)[1] if timestamps else None
    result = [Column(c.header, TOOL) if c.role == TIMESTAMP and c.header != best_time else c for c in result]
    return result, {"identifier": sorted(identifiers), "timestamp": best_time}


def _is_item_timing(header: str, questionnaire: _Questionnaire) -> bool:
    """LimeSurvey's per-question timings: "SYN1Time"."""
    return header.endswith("Time") and match_key(header[:-4]) in questionnaire.by_code


class _AnswerReader:
    """Reads the answers of one item, remembering each distinct text it has read."""

    def __init__(self, item: QuestionnaireItem) -> None:
        self.item = item
        self.labels: dict[str, int] = {}
        for labels in (item.scale_labels or {}).values():
            for offset, label in enumerate(labels):
                self.labels.setdefault(match_key(label), item.scale_min + offset)
        self.cache: dict[str, int | None | str] = {}

    def labels_in_language_of(self, values: set[str]) -> str:
        """The scale's labels in the language the column's answers are written in (for
        problems: "expected ... or one of ...")."""
        labels = self.item.scale_labels or {}
        if not labels:
            return "–"
        written = {match_key(value) for value in values}
        language = max(labels, key=lambda lang: len(written & {match_key(label) for label in labels[lang]}))
        return " / ".join(labels[language])

    def read(self, text: str) -> int | None | str:
        """The value, None for a non-answer, or a problem key."""
        found = self.cache.get(text)
        if found is None and text not in self.cache:
            found = self.cache[text] = self._read(text)
        return found

    def _read(self, text: str) -> int | None | str:
        item = self.item
        if match_key(text) in NON_ANSWERS or text.strip() in ("-", "/"):
            return None
        try:
            value = parse_whole(text)
        except ValueError:
            value = None
        if value is None:
            value = self.labels.get(match_key(text))
        if value is None and (match := _NUMBERED.match(text.strip())):
            value = int(match.group(1))
        if value is None:
            return "problem.survey_unknown_answer"
        if not item.scale_min <= value <= item.scale_max:
            return "problem.survey_out_of_scale"
        return value


_GOOGLE_TIME = re.compile(
    r"^(\d{4})/(\d{1,2})/(\d{1,2})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AP]\.?M\.?)?"
    r"(?:\s*(?P<zone>GMT|UTC|CEST|CET|MEST|MET)"
    r"(?:\s*(?P<hours>[+-]\d{1,2})(?::?(?P<minutes>\d{2}))?)?)?\s*$",
    re.IGNORECASE,
)
# Zone abbreviations Google Forms writes for a Belgian account (Central European Time, summer
# time), as hours from UTC; GMT and UTC are followed by their offset ("GMT+2"), if any.
ZONE_HOURS = {"GMT": 0, "UTC": 0, "CET": 1, "MET": 1, "CEST": 2, "MEST": 2}
_DAY_MONTH_TIME = re.compile(
    r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2}|\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?"
    r"\s*([AP]M)?)?\s*$",
    re.IGNORECASE,
)


def _hour(hour: int, meridiem: str | None) -> int:
    if meridiem:
        hour = hour % 12 + (12 if meridiem.upper().startswith("P") else 0)
    return hour


DAY_FIRST, MONTH_FIRST = "dmy", "mdy"
DATE_ORDERS = (DAY_FIRST, MONTH_FIRST)


@dataclass(frozen=True)
class DateOrder:
    """How the d/m/y-looking times of a column are read: `order` (dmy, mdy, or None when the
    column has no such time), and why: chosen by the user, or settled by the value on `line`
    (a first part above 12 is a day, a second part above 12 is a day). `ambiguous`: the column
    has such times and none settles the order (9/1/2024 .. 9/3/2024)."""

    order: str | None = None
    line: int | None = None
    value: str | None = None
    chosen: bool = False
    ambiguous: bool = False


def settle_date_order(values: list[tuple[int, str]], chosen: str | None = None) -> DateOrder:
    """The day/month order of a column's times, given (line, text) pairs: the user's choice,
    else the first value with a part above 12. Never guessed: AM/PM is no proof (Excel in
    en-GB or en-AU writes 13/10/2024 1:03 PM)."""
    first_seen: tuple[int, str] | None = None
    for line, value in values:
        if not (match := _DAY_MONTH_TIME.match(value.strip())):
            continue
        first_seen = first_seen or (line, value)
        if chosen:
            break
        if int(match.group(1)) > 12:
            return DateOrder(DAY_FIRST, line, value)
        if int(match.group(2)) > 12:
            return DateOrder(MONTH_FIRST, line, value)
    if first_seen is None:
        return DateOrder()
    if chosen:
        return DateOrder(chosen, chosen=True)
    return DateOrder(None, *first_seen, ambiguous=True)


def parse_timestamp(
    text: str, month_first_order: bool = False, naive_zone: dt.tzinfo = BRUSSELS
) -> dt.datetime:
    """A submission time, as an aware UTC datetime. Times without a zone are in `naive_zone`
    (Brussels time, but UTC for KoboToolbox's _submission_time).
    Accepted: ISO 8601 (2024-10-12 14:03:22, 2024-10-12T12:03:22Z, with fractions or offsets),
    Google Forms' 2024/10/12 2:03:22 PM GMT+2 and 2023/11/13 4:20:37 pm CET (CEST), and 12/10/2024 14:03 (day first unless
    `month_first_order`, two-digit years allowed)."""
    value = text.strip()
    zone: dt.tzinfo = naive_zone
    if match := _GOOGLE_TIME.match(value):
        year, month, day, hour, minute = (int(match.group(i)) for i in range(1, 6))
        second = int(match.group(6) or 0)
        hour = _hour(hour, match.group(7))
        if match.group("zone"):
            hours = match.group("hours") or "+0"
            sign = -1 if hours.startswith("-") else 1
            zone = dt.timezone(
                dt.timedelta(hours=ZONE_HOURS[match.group("zone").upper()])
                + sign * dt.timedelta(hours=abs(int(hours)), minutes=int(match.group("minutes") or 0))
            )
        moment = dt.datetime(year, month, day, hour, minute, second, tzinfo=zone)
    elif match := _DAY_MONTH_TIME.match(value):
        first, second_part, year = int(match.group(1)), int(match.group(2)), int(match.group(3))
        day, month = (second_part, first) if month_first_order else (first, second_part)
        if year < 100:
            year += 2000
        hour = _hour(int(match.group(4) or 0), match.group(7))
        moment = dt.datetime(
            year, month, day, hour, int(match.group(5) or 0), int(match.group(6) or 0), tzinfo=zone
        )
    else:
        moment = dt.datetime.fromisoformat(value.replace(" UTC", "Z"))
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=zone)
    if not 2000 <= moment.year <= 2100:
        raise ValueError(text)
    return moment.astimezone(dt.UTC)


# Submission-time columns that tools write in UTC without saying so: KoboToolbox's
# _submission_time (its `end` and `start` carry their offset).
UTC_TIME_HEADERS = frozenset({"_submission_time"})


def is_utc_time_column(header: str) -> bool:
    return header.rsplit("/", 1)[-1].strip().lower() in UTC_TIME_HEADERS


def respondent_key(salt: str, kind: str, value: str) -> str:
    """The hash that recognises a respondent on a later import (SHA-256, salted with the
    project): identifiers are never stored in clear."""
    return hashlib.sha256(f"{salt}\x1f{kind}\x1f{value}".encode()).hexdigest()


def parse_responses(
    table: Table,
    items: list[QuestionnaireItem],
    dimensions: list[QuestionnaireDimension],
    category_words: dict[str, str],
    salt: str,
    date_order: str | None = None,
) -> ParsedResponses:
    """Read every row of a survey export, collecting every problem (not only the first).

    `category_words` maps each accepted way of writing a partner category (key or label in any
    language, reduced with match_key) to its key; `salt` makes respondent keys specific to the
    project; `date_order` (dmy or mdy) is how to read d/m/y times when no value settles it.
    """
    parsed = ParsedResponses(table.file_name, table.sha256, problems=Problems(table.file_name))
    problems = parsed.problems
    columns, special = classify_columns(table.columns, items, dimensions)
    parsed.columns = columns
    item_columns: dict[str, str] = {}
    for column in columns:
        if column.role != ITEM:
            continue
        if column.target in item_columns:
            problems.add(
                "problem.survey_duplicate_item_column",
                line=1,
                column=column.header,
                item=column.target,
                other=item_columns[column.target],
            )
        else:
            item_columns[column.target] = column.header  # type: ignore[index]
    if not item_columns:
        problems.add(
            "problem.survey_no_items",
            line=1,
            column=", ".join(table.columns[:6]) + (" …" if len(table.columns) > 6 else ""),
            expected=", ".join(item.code for item in items),
        )
    category_columns = parsed.headers(CATEGORY)
    for header in category_columns[1:]:
        problems.add("problem.survey_two_category_columns", line=1, column=header, other=category_columns[0])
    if problems:
        return parsed

    by_code = {item.code: item for item in items}
    readers = [(header, code, _AnswerReader(by_code[code])) for code, header in item_columns.items()]
    category_column = category_columns[0] if category_columns else None
    category_cache: dict[str, str | None] = {}
    comment_columns = [(c.header, c.target) for c in columns if c.role == COMMENT]
    identifier_columns: list[tuple[str, int]] = [(header, rank) for rank, header in special["identifier"]]
    if date_order not in (None, *DATE_ORDERS):
        raise ValueError(f"date order {date_order!r}: expected one of {DATE_ORDERS}")
    time_column = special["timestamp"]
    order = (
        settle_date_order(
            [
                (line, row[time_column])
                for row, line in zip(table.rows, table.lines, strict=True)
                if row.get(time_column)
            ],
            date_order,
        )
        if time_column
        else DateOrder()
    )
    parsed.date_order = order
    if order.ambiguous:
        problems.add(
            "problem.survey_date_order_ambiguous", line=order.line, column=time_column, value=order.value
        )
        time_column_read = None  # nothing to read the times by; the file is refused anyway
    else:
        time_column_read = time_column
    time_month_first = order.order == MONTH_FIRST
    time_zone = dt.UTC if time_column and is_utc_time_column(time_column) else BRUSSELS
    expected_categories = ", ".join(sorted(set(category_words.values())))
    seen: dict[str, int] = {}
    label_texts: dict[str, str] = {}

    # An incomplete LimeSurvey response (no submission date) is skipped, unread.
    incomplete_column = time_column if time_column and match_key(time_column) in SUBMIT_DATE_HEADERS else None
    for row, line in zip(table.rows, table.lines, strict=True):
        if incomplete_column and row.get(incomplete_column) is None:
            parsed.incomplete_lines.append(line)
            continue
        before = len(problems)
        answers: dict[str, int] = {}
        for header, code, reader in readers:
            text = row.get(header)
            if text is None:
                continue
            value = reader.read(text)
            if isinstance(value, str):
                item = reader.item
                if header not in label_texts:
                    label_texts[header] = reader.labels_in_language_of(
                        {r[header] for r in table.rows if r.get(header)}
                    )
                problems.add(
                    value,
                    line=line,
                    column=header,
                    value=text,
                    item=code,
                    min=item.scale_min,
                    max=item.scale_max,
                    labels=label_texts[header],
                )
            elif value is not None:
                answers[code] = value
        category = None
        if category_column and (text := row.get(category_column)) is not None:
            if text not in category_cache:
                category_cache[text] = category_words.get(match_key(text))
            category = category_cache[text]
            if category is None:
                problems.add(
                    "problem.survey_unknown_category",
                    line=line,
                    column=category_column,
                    value=text,
                    expected=expected_categories,
                )
        submitted_at = None
        if time_column_read and (text := row.get(time_column_read)) is not None:
            try:
                submitted_at = parse_timestamp(text, time_month_first, time_zone)
            except ValueError:
                problems.add("problem.survey_bad_timestamp", line=line, column=time_column, value=text)
        comments = tuple(
            (dimension, text)
            for header, dimension in comment_columns
            if (text := row.get(header)) and match_key(text) not in NON_ANSWERS
        )
        if len(problems) > before:
            continue
        if not answers:
            parsed.empty_lines.append(line)
            continue
        key = _key_of(row, identifier_columns, time_column, table.columns, salt)
        if key in seen:
            problems.add(
                "problem.survey_duplicate_respondent",
                line=line,
                column=", ".join(h for h, _ in identifier_columns) or "—",
                first_line=seen[key],
            )
            continue
        seen[key] = line
        parsed.responses.append(Response(line, key, category, submitted_at, answers, comments))
    return parsed


def _key_of(
    row: dict[str, str | None],
    identifier_columns: list[tuple[str, int]],
    time_column: str | None,
    all_columns: list[str],
    salt: str,
) -> str:
    """A respondent is recognised by the first identifier it has (a response ID, with the
    submission time since two forms of one wave may both number their responses from 1; else
    an e-mail, token or name); without any, by its whole row. `identifier_columns`: (header,
    rank in IDENTIFIER_HEADERS), best first."""
    for header, rank in identifier_columns:
        value = row.get(header)
        if value is None:
            continue
        # (casefold, not match_key: this runs once per row of files of thousands of rows)
        plain = " ".join(value.casefold().split())
        if plain in ANONYMOUS_VALUES:
            continue
        if rank == 0:
            return respondent_key(
                salt, "id", f"{value}\x1f{row.get(time_column) or ''}" if time_column else value
            )
        return respondent_key(salt, "person", plain)
    return respondent_key(salt, "row", "\x1f".join(row.get(c) or "" for c in all_columns))
