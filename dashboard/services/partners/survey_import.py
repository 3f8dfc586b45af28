"""Importing partner surveys (docs/formats/surveys.md): the questionnaire, the responses of a
wave as survey tools export them, and the corrections of a wave's dates and invitations.

`preview_survey_import` reads and checks a file against the project's questionnaire and works
out what it would add or change, without writing. `apply_survey_import` does the same inside
one transaction and writes all of it, or raises ValidationFailed and writes nothing. A wave
named for the first time is created: dates from the file's submission times (or given), and
invitations from the project's partners per category. A response already imported (same
respondent key) with the same answers is left alone, so importing the same file twice changes
nothing; responses of the wave absent from the file are kept.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

import polars as pl
from sqlalchemy import delete, update
from sqlalchemy.orm.attributes import flag_modified
from sqlalchemy.orm.exc import StaleDataError
from sqlmodel import Session, func, select

from dashboard.errors import ConflictError, NotFound, ValidationFailed
from dashboard.i18n import catalogue
from dashboard.permissions import Permission
from dashboard.services.admin import audit
from dashboard.services.unit_of_work import mark_changed, write_scope
from dashboard.services.access import Actor, require
from dashboard.services.partners.surveys import install_default_questionnaire
from data_loaders.catalogues.questionnaire import AGREEMENT_SCALE, DIMENSIONS, ITEMS
from data_loaders.fields import is_one_line
from data_loaders.problems import Problem, Problems, UnreadableFile
from data_loaders.surveys import (
    BRUSSELS,
    Column,
    DateOrder,
    ParsedQuestionnaire,
    QuestionnaireDimension,
    QuestionnaireItem,
    Response,
    match_key,
    parse_questionnaire,
    parse_responses,
)
from data_loaders.tabular import read_table
from models.db import read_frame, session_scope
from models.tables import (
    ImportLog,
    Partner,
    SurveyAnswer,
    SurveyComment,
    SurveyDimension,
    SurveyInvitation,
    SurveyItem,
    SurveyRespondent,
    SurveyWave,
)
from models.vocab import Area, LANGUAGES, PartnerCategory

MAX_WAVE_NAME = 60


def category_words() -> dict[str, str]:
    """Every accepted way of writing a partner category (reduced with match_key): its key, and
    its label in each language."""
    words = {}
    for category in PartnerCategory:
        words[match_key(category.value)] = category.value
        for index in range(len(LANGUAGES)):
            words[match_key(catalogue()[f"partner_category.{category.value}"][index])] = category.value
    return words


# ---------------------------------------------------------------- the questionnaire


@dataclass
class QuestionnaireChanges:
    """What a questionnaire (a file, or the default one for a project that has none) changes."""

    new_dimensions: list[QuestionnaireDimension] = field(default_factory=list)
    new_items: list[QuestionnaireItem] = field(default_factory=list)
    changed_items: list[tuple[str, tuple[str, ...]]] = field(default_factory=list)  # code, fields
    items: list[QuestionnaireItem] = field(default_factory=list)  # in force afterwards
    dimensions: list[QuestionnaireDimension] = field(default_factory=list)
    installs_default: bool = False

    @property
    def has_changes(self) -> bool:
        return bool(self.new_dimensions or self.new_items or self.changed_items)


def _current_questionnaire(
    session: Session, project_id: int
) -> tuple[list[QuestionnaireDimension], list[QuestionnaireItem]]:
    dimensions = session.exec(
        select(SurveyDimension)
        .where(SurveyDimension.project_id == project_id)
        .order_by(SurveyDimension.position)
    ).all()
    codes = {d.id: d.code for d in dimensions}
    items = session.exec(
        select(SurveyItem).where(SurveyItem.project_id == project_id).order_by(SurveyItem.position)
    ).all()
    return (
        [QuestionnaireDimension(d.code, d.label_fr, d.label_nl, d.label_en) for d in dimensions],
        [
            QuestionnaireItem(
                i.code,
                codes[i.dimension_id],
                i.text_fr,
                i.text_nl,
                i.text_en,
                i.scale_min,
                i.scale_max,
                i.scale_labels,
                i.reversed,
            )
            for i in items
        ],
    )


def _default_questionnaire() -> tuple[list[QuestionnaireDimension], list[QuestionnaireItem]]:
    return (
        [QuestionnaireDimension(*row) for row in DIMENSIONS],
        [
            QuestionnaireItem(code, dimension, fr, nl, en, 1, 5, AGREEMENT_SCALE, reversed_)
            for code, dimension, reversed_, fr, nl, en in ITEMS
        ],
    )


def _answered_items(session: Session, project_id: int) -> set[str]:
    return set(
        session.exec(
            select(SurveyItem.code)
            .join(SurveyAnswer, SurveyAnswer.item_id == SurveyItem.id)
            .where(SurveyItem.project_id == project_id)
            .distinct()
        ).all()
    )


def _plan_questionnaire(
    session: Session, project_id: int, parsed: ParsedQuestionnaire | None, problems: Problems
) -> QuestionnaireChanges:
    """Merge a questionnaire file into the project's questionnaire (the default one when the
    project has none and no file is given). Texts and labels may change; the scale and the
    reversed flag of an item that has answers may not (its answers would change meaning)."""
    dimensions, items = _current_questionnaire(session, project_id)
    changes = QuestionnaireChanges()
    if parsed is None:
        if not items:
            changes.dimensions, changes.items = _default_questionnaire()
            changes.new_dimensions, changes.new_items = list(changes.dimensions), list(changes.items)
            changes.installs_default = True
        else:
            changes.dimensions, changes.items = dimensions, items
        return changes
    known_dimensions = {d.code: d for d in dimensions}
    default_dimensions = {d.code: d for d in _default_questionnaire()[0]}
    for code, line in parsed.dimension_lines.items():
        if code in known_dimensions:
            continue
        labels = parsed.dimension_labels.get(code)
        if labels is None and code in default_dimensions:
            dimension = default_dimensions[code]
        elif labels is None:
            problems.add(
                "problem.questionnaire_dimension_labels",
                line=line,
                column="dimension_fr / dimension_nl / dimension_en",
                value=code,
            )
            continue
        else:
            dimension = QuestionnaireDimension(code, *labels)
        changes.new_dimensions.append(dimension)
        known_dimensions[code] = dimension
    existing = {item.code: item for item in items}
    answered = _answered_items(session, project_id)
    merged = dict(existing)
    for row in parsed.items:
        new = row.item
        old = existing.get(new.code)
        if old is None:
            changes.new_items.append(new)
            merged[new.code] = new
            continue
        # What the file leaves out (labels, a language's text) stays as it is.
        texts = {
            lang: getattr(new if lang in row.texts_given else old, f"text_{lang}")
            for lang in ("fr", "nl", "en")
        }
        new = QuestionnaireItem(
            new.code,
            new.dimension,
            texts["fr"],
            texts["nl"],
            texts["en"],
            new.scale_min,
            new.scale_max,
            new.scale_labels if row.labels_given else old.scale_labels,
            new.reversed,
        )
        if old.code in answered and (
            (old.scale_min, old.scale_max, old.reversed) != (new.scale_min, new.scale_max, new.reversed)
        ):
            problems.add(
                "problem.questionnaire_answered_item",
                line=row.line,
                column="code",
                value=new.code,
                before=f"{old.scale_min}-{old.scale_max}{' reversed' if old.reversed else ''}",
            )
            continue
        fields = tuple(
            name
            for name in (
                "dimension",
                "text_fr",
                "text_nl",
                "text_en",
                "scale_min",
                "scale_max",
                "scale_labels",
                "reversed",
            )
            if getattr(old, name) != getattr(new, name)
        )
        if fields:
            changes.changed_items.append((new.code, fields))
            merged[new.code] = new
    # Items of one dimension share one scale, across the file and the items already there.
    scales: dict[str, tuple[int, int, str]] = {}
    for item in merged.values():
        known = scales.setdefault(item.dimension, (item.scale_min, item.scale_max, item.code))
        if known[:2] != (item.scale_min, item.scale_max):
            line = next((r.line for r in parsed.items if r.item.code in (item.code, known[2])), None)
            problems.add(
                "problem.questionnaire_mixed_scales",
                line=line,
                column="scale_max",
                value=f"{item.scale_min}-{item.scale_max}",
                dimension=item.dimension,
                other=f"{known[0]}-{known[1]}",
                other_line=known[2],
            )
    changes.dimensions = list(known_dimensions.values())
    changes.items = list(merged.values())
    return changes


def _write_questionnaire(session: Session, project_id: int, changes: QuestionnaireChanges) -> dict[str, int]:
    """Write the questionnaire changes; returns every item code's id."""
    if changes.installs_default:
        return install_default_questionnaire(session, project_id)
    dimension_rows = {
        d.code: d
        for d in session.exec(select(SurveyDimension).where(SurveyDimension.project_id == project_id))
    }
    position = max((d.position for d in dimension_rows.values()), default=0)
    for dimension in changes.new_dimensions:
        position += 1
        row = SurveyDimension(
            project_id=project_id,
            code=dimension.code,
            label_fr=dimension.label_fr,
            label_nl=dimension.label_nl,
            label_en=dimension.label_en,
            position=position,
        )
        session.add(row)
        session.flush()
        dimension_rows[dimension.code] = row
    item_rows = {
        i.code: i for i in session.exec(select(SurveyItem).where(SurveyItem.project_id == project_id))
    }
    wanted = {item.code: item for item in changes.items}
    position = max((i.position for i in item_rows.values()), default=0)
    for item in changes.new_items:
        position += 1
        row = SurveyItem(
            project_id=project_id,
            dimension_id=dimension_rows[item.dimension].id,
            code=item.code,
            text_fr=item.text_fr,
            text_nl=item.text_nl,
            text_en=item.text_en,
            scale_min=item.scale_min,
            scale_max=item.scale_max,
            scale_labels=item.scale_labels,
            reversed=item.reversed,
            position=position,
        )
        session.add(row)
        session.flush()
        item_rows[item.code] = row
    for code, _ in changes.changed_items:
        item, row = wanted[code], item_rows[code]
        row.dimension_id = dimension_rows[item.dimension].id  # type: ignore[assignment]
        for name in ("text_fr", "text_nl", "text_en", "scale_min", "scale_max", "scale_labels", "reversed"):
            setattr(row, name, getattr(item, name))
    session.flush()
    return {code: row.id for code, row in item_rows.items()}  # type: ignore[misc]


def _read_questionnaire(content: bytes, file_name: str, problems: Problems) -> ParsedQuestionnaire | None:
    try:
        table = read_table(content, file_name)
    except UnreadableFile as error:
        problems.items.append(Problem(error.key, error.params, file=file_name))
        return None
    parsed = parse_questionnaire(table, AGREEMENT_SCALE)
    problems.items.extend(parsed.problems.items)
    return parsed


@dataclass
class QuestionnairePreview:
    file_name: str
    changes: QuestionnaireChanges = field(default_factory=QuestionnaireChanges)
    unknown_columns: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def has_changes(self) -> bool:
        return self.changes.has_changes


def _plan_questionnaire_file(
    session: Session, actor: Actor, content: bytes, file_name: str
) -> QuestionnairePreview:
    problems = Problems(file_name)
    preview = QuestionnairePreview(file_name)
    parsed = _read_questionnaire(content, file_name, problems)
    if parsed is not None:
        preview.unknown_columns = parsed.unknown_columns
        if not problems:
            preview.changes = _plan_questionnaire(session, actor.project_id, parsed, problems)
    preview.problems = problems.items
    return preview


def preview_questionnaire_import(actor: Actor, content: bytes, file_name: str) -> QuestionnairePreview:
    require(actor, Permission.import_data)
    with session_scope() as session:
        preview = _plan_questionnaire_file(session, actor, content, file_name)
        session.rollback()
        return preview


def apply_questionnaire_import(actor: Actor, content: bytes, file_name: str) -> QuestionnairePreview:
    require(actor, Permission.import_data)
    with write_scope(actor, Permission.import_data) as session:
        preview = _plan_questionnaire_file(session, actor, content, file_name)
        if preview.problems:
            raise ValidationFailed(preview.problems, "import.refused")
        if preview.has_changes:
            audit.log_import(session, actor, "questionnaire", file_name)
            _write_questionnaire(session, actor.project_id, preview.changes)
            session.add(
                ImportLog(
                    project_id=actor.project_id,
                    kind="questionnaire",
                    file_name=file_name,
                    file_sha256="",
                    imported_by=actor.username,
                    summary={
                        "new_items": len(preview.changes.new_items),
                        "changed_items": len(preview.changes.changed_items),
                    },
                )
            )
            mark_changed(session, Area.partners)
        return preview


# ---------------------------------------------------------------- responses


@dataclass
class SurveyPreview:
    """What importing a responses file would do."""

    file_name: str
    wave: str
    sha256: str = ""
    wave_is_new: bool = False
    opened_on: dt.date | None = None
    closed_on: dt.date | None = None
    invitations: dict[str, int] = field(default_factory=dict)  # for a new wave
    questionnaire: QuestionnaireChanges = field(default_factory=QuestionnaireChanges)
    columns: list[Column] = field(default_factory=list)
    new_respondents: int = 0
    changed_respondents: int = 0
    unchanged_respondents: int = 0
    kept_respondents: int = 0  # in the wave, not in the file
    empty_lines: list[int] = field(default_factory=list)
    incomplete_lines: list[int] = field(default_factory=list)  # not submitted: skipped
    unnamed_columns: list[int] = field(default_factory=list)  # positions without a header
    answers: int = 0
    comments: int = 0
    has_category: bool = True
    date_order: DateOrder = field(default_factory=DateOrder)  # how d/m/y times were read
    problems: list[Problem] = field(default_factory=list)

    @property
    def has_changes(self) -> bool:
        return bool(
            self.new_respondents
            or self.changed_respondents
            or self.questionnaire.has_changes
            or (self.wave_is_new and self.columns)
        )

    @property
    def unknown_columns(self) -> list[str]:
        return [c.header for c in self.columns if c.role == "unknown"]


def _signature(
    category: str | None, answers: dict[str, int], comments: tuple[tuple[str | None, str], ...]
) -> str:
    """A response's content as one text: equal texts, equal responses (see _stored_signatures,
    which builds the same text in the database's frames)."""
    return "\x1e".join(
        [
            category or "",
            ";".join(f"{code}={value}" for code, value in sorted(answers.items())),
            "\x1d".join(sorted(f"{dimension or ''}:{text}" for dimension, text in comments)),
        ]
    )


def _stored_signatures(session: Session, wave_id: int) -> dict[str, tuple[int, str]]:
    """{respondent key: (respondent id, signature)} of a wave's stored responses."""
    respondents = read_frame(
        select(SurveyRespondent.id, SurveyRespondent.respondent_key, SurveyRespondent.partner_category).where(
            SurveyRespondent.wave_id == wave_id
        ),
        session,
    )
    if respondents.height == 0:
        return {}
    answers = read_frame(
        select(SurveyAnswer.respondent_id.label("id"), SurveyItem.code, SurveyAnswer.value)  # type: ignore[attr-defined]
        .join(SurveyItem, SurveyItem.id == SurveyAnswer.item_id)
        .join(SurveyRespondent, SurveyRespondent.id == SurveyAnswer.respondent_id)
        .where(SurveyRespondent.wave_id == wave_id),
        session,
    )
    comments = read_frame(
        select(
            SurveyComment.respondent_id.label("id"),
            SurveyDimension.code,  # type: ignore[attr-defined]
            SurveyComment.text,
        )
        .join(SurveyRespondent, SurveyRespondent.id == SurveyComment.respondent_id)
        .join(SurveyDimension, SurveyDimension.id == SurveyComment.dimension_id, isouter=True)
        .where(SurveyRespondent.wave_id == wave_id),
        session,
    )
    answer_texts = (
        answers.sort("code")
        .group_by("id")
        .agg((pl.col("code") + "=" + pl.col("value").cast(pl.String)).str.join(";").alias("answers"))
    )
    comment_texts = (
        comments.with_columns((pl.col("code").fill_null("") + ":" + pl.col("text")).alias("comment"))
        .sort("comment")
        .group_by("id")
        .agg(pl.col("comment").str.join("\x1d").alias("comments"))
    )
    signatures = (
        respondents.join(answer_texts, on="id", how="left")
        .join(comment_texts, on="id", how="left")
        .select(
            "respondent_key",
            "id",
            pl.concat_str(
                pl.col("partner_category").fill_null(""),
                pl.col("answers").fill_null(""),
                pl.col("comments").fill_null(""),
                separator="\x1e",
            ).alias("signature"),
        )
    )
    return {key: (rid, signature) for key, rid, signature in signatures.iter_rows()}


def _partner_counts(session: Session, project_id: int) -> dict[str, int]:
    rows = session.exec(
        select(Partner.category, func.count())
        .where(Partner.project_id == project_id)
        .group_by(Partner.category)
    ).all()
    return {category: count for category, count in rows}


def _plan(
    session: Session,
    actor: Actor,
    content: bytes,
    file_name: str,
    wave: str,
    questionnaire: tuple[bytes, str] | None,
    opened_on: dt.date | None,
    closed_on: dt.date | None,
    date_order: str | None = None,
) -> tuple[SurveyPreview, list[Response], dict]:
    wave = (wave or "").strip()
    preview = SurveyPreview(file_name, wave)
    problems = Problems(file_name)
    if not wave or len(wave) > MAX_WAVE_NAME:
        problems.add("problem.survey_wave_name", column="--wave", value=wave, maximum=MAX_WAVE_NAME)
    elif not is_one_line(wave):
        problems.add("problem.line_break", column="--wave", value=wave)
    if opened_on and closed_on and closed_on < opened_on:
        problems.add(
            "problem.survey_wave_dates_order",
            column="--closed",
            value=closed_on.isoformat(),
            opened=opened_on.isoformat(),
        )
    parsed_questionnaire = None
    if questionnaire is not None:
        parsed_questionnaire = _read_questionnaire(*questionnaire, problems)
        if problems:
            preview.problems = problems.items
            return preview, [], {}
    preview.questionnaire = _plan_questionnaire(session, actor.project_id, parsed_questionnaire, problems)
    try:
        table = read_table(content, file_name, ignore_unnamed=True)
    except UnreadableFile as error:
        problems.items.append(Problem(error.key, error.params, file=file_name))
        preview.problems = problems.items
        return preview, [], {}
    preview.sha256 = table.sha256
    preview.unnamed_columns = list(table.unnamed_positions)
    parsed = parse_responses(
        table,
        preview.questionnaire.items,
        preview.questionnaire.dimensions,
        category_words(),
        salt=f"livinglab-survey\x1f{actor.project_slug}",
        date_order=date_order,
    )
    problems.items.extend(parsed.problems.items)
    preview.date_order = parsed.date_order
    preview.columns = parsed.columns
    preview.empty_lines = parsed.empty_lines
    preview.incomplete_lines = parsed.incomplete_lines
    preview.has_category = any(c.role == "category" for c in parsed.columns)
    responses = parsed.responses
    preview.answers = sum(len(r.answers) for r in responses)
    preview.comments = sum(len(r.comments) for r in responses)

    stored_wave = session.exec(
        select(SurveyWave).where(SurveyWave.project_id == actor.project_id, SurveyWave.name == wave)
    ).first()
    stored: dict[str, tuple[int, str]] = {}
    if stored_wave is None:
        preview.wave_is_new = True
        times = [r.submitted_at for r in responses if r.submitted_at is not None]
        # Times are kept in UTC; a wave's dates are the days in Brussels.
        preview.opened_on = opened_on or (min(times).astimezone(BRUSSELS).date() if times else None)
        preview.closed_on = closed_on or (max(times).astimezone(BRUSSELS).date() if times else None)
        # Without readable responses the dates are unknown for another reason, already said.
        if wave and not parsed.problems and (preview.opened_on is None or preview.closed_on is None):
            problems.add("problem.survey_wave_dates_needed", column="--opened / --closed", value=wave)
        elif preview.opened_on and preview.closed_on and preview.closed_on < preview.opened_on:
            problems.add(
                "problem.survey_wave_dates_order",
                column="--closed",
                value=preview.closed_on.isoformat(),
                opened=preview.opened_on.isoformat(),
            )
        preview.invitations = _partner_counts(session, actor.project_id)
    else:
        preview.opened_on, preview.closed_on = stored_wave.opened_on, stored_wave.closed_on
        stored = _stored_signatures(session, stored_wave.id)  # type: ignore[arg-type]
    preview.problems = problems.items
    if problems:
        return preview, responses, {}
    changed: dict[str, int] = {}
    for response in responses:
        known = stored.get(response.key)
        if known is None:
            preview.new_respondents += 1
        elif known[1] != _signature(response.category, response.answers, response.comments):
            preview.changed_respondents += 1
            changed[response.key] = known[0]
        else:
            preview.unchanged_respondents += 1
    in_file = {r.key for r in responses}
    preview.kept_respondents = sum(1 for key in stored if key not in in_file)
    return preview, responses, {"wave": stored_wave, "changed": changed, "stored": set(stored)}


def preview_survey_import(
    actor: Actor,
    content: bytes,
    file_name: str,
    wave: str,
    questionnaire: tuple[bytes, str] | None = None,
    opened_on: dt.date | None = None,
    closed_on: dt.date | None = None,
    date_order: str | None = None,
) -> SurveyPreview:
    """What importing the responses file into `wave` would do; writes nothing.
    `questionnaire`: (content, file name) of a questionnaire file to apply first;
    `date_order`: dmy or mdy, for d/m/y submission times that no value settles."""
    require(actor, Permission.import_data)
    with session_scope() as session:
        preview, _, _ = _plan(
            session, actor, content, file_name, wave, questionnaire, opened_on, closed_on, date_order
        )
        session.rollback()
        return preview


def apply_survey_import(
    actor: Actor,
    content: bytes,
    file_name: str,
    wave: str,
    questionnaire: tuple[bytes, str] | None = None,
    opened_on: dt.date | None = None,
    closed_on: dt.date | None = None,
    date_order: str | None = None,
) -> SurveyPreview:
    """Import the responses: everything in one transaction, or nothing (ValidationFailed).
    A file that changes nothing writes nothing."""
    require(actor, Permission.import_data)
    with write_scope(actor, Permission.import_data) as session:
        preview, responses, state = _plan(
            session, actor, content, file_name, wave, questionnaire, opened_on, closed_on, date_order
        )
        if preview.problems:
            raise ValidationFailed(preview.problems, "import.refused")
        if not preview.has_changes:
            return preview
        # only a file that changes something is an import worth recording: re-importing
        # the same file writes nothing, not even to the audit log
        audit.log_import(session, actor, "survey", file_name, wave=wave)
        item_ids = _write_questionnaire(session, actor.project_id, preview.questionnaire)
        dimension_ids = {
            d.code: d.id
            for d in session.exec(
                select(SurveyDimension).where(SurveyDimension.project_id == actor.project_id)
            )
        }
        stored_wave: SurveyWave | None = state["wave"]
        if stored_wave is None:
            stored_wave = SurveyWave(
                project_id=actor.project_id,
                name=preview.wave,
                opened_on=preview.opened_on,
                closed_on=preview.closed_on,
            )
            session.add(stored_wave)
            session.flush()
            session.add_all(
                SurveyInvitation(wave_id=stored_wave.id, partner_category=category, invited=invited)
                for category, invited in preview.invitations.items()
            )
        wave_id = stored_wave.id
        session.add(
            ImportLog(
                project_id=actor.project_id,
                kind="survey",
                file_name=file_name,
                file_sha256=preview.sha256,
                imported_by=actor.username,
                summary={
                    "wave": preview.wave,
                    "new_respondents": preview.new_respondents,
                    "changed_respondents": preview.changed_respondents,
                },
            )
        )
        changed: dict[str, int] = state["changed"]
        _clear_respondents(session, list(changed.values()))
        for response in responses:
            if response.key in changed:
                session.execute(
                    update(SurveyRespondent)
                    .where(SurveyRespondent.id == changed[response.key])  # type: ignore[arg-type]
                    .values(partner_category=response.category, submitted_at=response.submitted_at)
                )
        new = [r for r in responses if r.key not in state["stored"]]
        # Core inserts of plain rows: the ORM's bulk path costs seconds on 200,000 answers.
        if new:
            session.execute(
                SurveyRespondent.__table__.insert(),
                [  # type: ignore[attr-defined]
                    {
                        "wave_id": wave_id,
                        "respondent_key": r.key,
                        "partner_category": r.category,
                        "submitted_at": r.submitted_at,
                    }
                    for r in new
                ],
            )
        touched = {r.key for r in new} | set(changed)
        ids = dict(
            session.exec(
                select(SurveyRespondent.respondent_key, SurveyRespondent.id).where(
                    SurveyRespondent.wave_id == wave_id
                )
            ).all()
        )
        written = [r for r in responses if r.key in touched]
        answers = [
            {"respondent_id": ids[r.key], "item_id": item_ids[code], "value": value}
            for r in written
            for code, value in r.answers.items()
        ]
        if answers:
            session.execute(SurveyAnswer.__table__.insert(), answers)  # type: ignore[attr-defined]
        comments = [
            {
                "respondent_id": ids[r.key],
                "dimension_id": dimension_ids.get(dimension) if dimension else None,
                "text": text,
            }
            for r in written
            for dimension, text in r.comments
        ]
        if comments:
            session.execute(SurveyComment.__table__.insert(), comments)  # type: ignore[attr-defined]
        mark_changed(session, Area.partners)
        return preview


def _clear_respondents(session: Session, respondent_ids: list[int]) -> None:
    """Remove the answers and comments of responses about to be replaced."""
    for start in range(0, len(respondent_ids), 500):
        chunk = respondent_ids[start : start + 500]
        session.execute(delete(SurveyAnswer).where(SurveyAnswer.respondent_id.in_(chunk)))  # type: ignore[attr-defined]
        session.execute(delete(SurveyComment).where(SurveyComment.respondent_id.in_(chunk)))  # type: ignore[attr-defined]


# ---------------------------------------------------------------- waves


@dataclass(frozen=True)
class WaveEdit:
    """A wave as the page's form submits it."""

    wave_id: int
    name: str
    opened_on: dt.date | None
    closed_on: dt.date | None
    invitations: dict[str, int | None]  # category -> invited (None: not invited / unknown)
    version: int | None = None  # the wave's version the user saw (None: not checked)


def waves_with_invitations(actor: Actor) -> tuple[pl.DataFrame, pl.DataFrame]:
    """The waves (wave_id, name, opened_on, closed_on, version) and invitations (wave_id,
    category, invited) of the project, for the correction form (coordinators and admins)."""
    require(actor, Permission.import_data)
    with session_scope() as session:
        waves = read_frame(
            select(
                SurveyWave.id.label("wave_id"),
                SurveyWave.name,  # type: ignore[union-attr]
                SurveyWave.opened_on,
                SurveyWave.closed_on,
                SurveyWave.version,
            ).where(SurveyWave.project_id == actor.project_id),
            session,
        )
        invitations = read_frame(
            select(
                SurveyInvitation.wave_id,
                SurveyInvitation.partner_category.label("category"),  # type: ignore[attr-defined]
                SurveyInvitation.invited,
            )
            .join(SurveyWave, SurveyWave.id == SurveyInvitation.wave_id)
            .where(SurveyWave.project_id == actor.project_id),
            session,
        )
    return waves.sort("closed_on", "opened_on", "name"), invitations


def update_waves(actor: Actor, edits: list[WaveEdit]) -> int:
    """Correct waves' names, dates and invitations, all or nothing; returns how many waves
    changed. Problems (ValidationFailed) name the wave and the field."""
    require(actor, Permission.import_data)
    categories = {c.value for c in PartnerCategory}
    try:
        return _update_waves(actor, edits, categories)
    except StaleDataError:  # saved by someone else between our read and our write
        with session_scope() as session:
            names = [
                w.name
                for e in edits
                if (w := session.get(SurveyWave, e.wave_id)) is not None
                and e.version is not None
                and w.version != e.version
            ]
        raise _wave_conflict(names) from None


def _wave_conflict(names: list[str]) -> ConflictError:
    return ConflictError("error.wave_conflict", waves=", ".join(names))


def _update_waves(actor: Actor, edits: list[WaveEdit], categories: set[str]) -> int:
    with write_scope(actor, Permission.import_data) as session:
        audit.record(
            session, actor, audit.AuditKind.correction, detail={"what": "survey waves", "edits": len(edits)}
        )
        waves = {
            w.id: w for w in session.exec(select(SurveyWave).where(SurveyWave.project_id == actor.project_id))
        }
        if any(edit.wave_id not in waves for edit in edits):
            raise NotFound("error.not_found")
        stale = [
            waves[e.wave_id].name
            for e in edits
            if e.version is not None and waves[e.wave_id].version != e.version
        ]
        if stale:
            raise _wave_conflict(stale)
        problems = _wave_problems(edits, waves, categories)
        if problems:
            raise ValidationFailed(problems.items, "error.validation_failed")
        changed = 0
        for edit in edits:
            wave = waves[edit.wave_id]
            invitations = {
                i.partner_category: i
                for i in session.exec(select(SurveyInvitation).where(SurveyInvitation.wave_id == wave.id))
            }
            before = (
                wave.name,
                wave.opened_on,
                wave.closed_on,
                {c: i.invited for c, i in invitations.items()},
            )
            wave.name, wave.opened_on, wave.closed_on = (edit.name.strip(), edit.opened_on, edit.closed_on)
            for category, invited in edit.invitations.items():
                row = invitations.get(category)
                if invited is None and row is not None:
                    session.delete(row)
                    del invitations[category]
                elif invited is not None and row is None:
                    invitations[category] = SurveyInvitation(
                        wave_id=wave.id, partner_category=category, invited=int(invited)
                    )
                    session.add(invitations[category])
                elif invited is not None and row is not None:
                    row.invited = int(invited)
            after = (
                wave.name,
                wave.opened_on,
                wave.closed_on,
                {c: i.invited for c, i in invitations.items()},
            )
            if before != after:
                changed += 1
                flag_modified(wave, "name")  # an UPDATE of the wave: its version checked and bumped
        if changed:
            session.flush()
            mark_changed(session, Area.partners)
        return changed


def _wave_problems(edits: list[WaveEdit], waves: dict[int, SurveyWave], categories: set[str]) -> Problems:
    problems = Problems()
    if any(edit.wave_id not in waves for edit in edits):
        raise NotFound("error.not_found")
    # Names after the corrections; a name used twice is blamed on the wave that was renamed.
    final = {w.id: w.name for w in waves.values()} | {e.wave_id: (e.name or "").strip() for e in edits}
    uses = Counter(name.casefold() for name in final.values())
    for edit in edits:
        wave = waves[edit.wave_id]
        record = wave.name
        name = final[edit.wave_id]
        if not name or len(name) > MAX_WAVE_NAME:
            problems.add(
                "problem.survey_wave_name", record=record, column="name", value=name, maximum=MAX_WAVE_NAME
            )
        elif not is_one_line(name):
            problems.add("problem.line_break", record=record, column="name", value=name)
        elif uses[name.casefold()] > 1 and name != wave.name:
            problems.add("problem.survey_wave_name_taken", record=record, column="name", value=name)
        if edit.opened_on is None or edit.closed_on is None:
            problems.add("problem.survey_wave_dates_missing", record=record, column="opened_on / closed_on")
        elif edit.closed_on < edit.opened_on:
            problems.add(
                "problem.survey_wave_dates_order",
                record=record,
                column="closed_on",
                value=edit.closed_on.isoformat(),
                opened=edit.opened_on.isoformat(),
            )
        for category, invited in edit.invitations.items():
            if category not in categories:
                problems.add(
                    "problem.survey_unknown_category",
                    record=record,
                    column=category,
                    value=category,
                    expected=", ".join(sorted(categories)),
                )
            elif invited is not None and (
                not float(invited).is_integer() or invited < 0 or invited > 100_000
            ):
                problems.add("problem.survey_bad_invited", record=record, column=category, value=invited)
    return problems


def invitation_table(waves: pl.DataFrame, invitations: pl.DataFrame, lang: str) -> pl.DataFrame:
    """Invitations as the correction form edits them: one row per partner category (category,
    category_label), one column per wave id (as text) with the number invited (null: none)."""
    from dashboard.i18n import label_of

    rows = []
    invited = {(w, c): n for w, c, n in invitations.select("wave_id", "category", "invited").iter_rows()}
    for category in PartnerCategory:
        row: dict[str, object] = {
            "category": category.value,
            "category_label": label_of("partner_category", category.value, lang),
        }
        for wave_id in waves["wave_id"]:
            row[str(wave_id)] = invited.get((wave_id, category.value))
        rows.append(row)
    schema = {
        "category": pl.String,
        "category_label": pl.String,
        **{str(w): pl.Int64 for w in waves["wave_id"]},
    }
    return pl.DataFrame(rows, schema=schema, orient="row")


def _as_date(value: object) -> dt.date | None:
    """A date from the form (data editors give dates back as datetimes, or as ISO text)."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def wave_edits(
    waves: pl.DataFrame, edited_waves: pl.DataFrame, edited_invitations: pl.DataFrame
) -> list[WaveEdit]:
    """The correction form's tables (in the order of `waves`) as WaveEdits for update_waves,
    each carrying the version of the wave in `waves` (the one the user saw)."""
    edits = []
    versions = waves["version"] if "version" in waves.columns else [None] * waves.height
    for (wave_id,), version, row in zip(
        waves.select("wave_id").iter_rows(), versions, edited_waves.iter_rows(named=True), strict=True
    ):
        invitations: dict[str, int | None] = {}
        for line in edited_invitations.iter_rows(named=True):
            value = line.get(str(wave_id))
            invitations[line["category"]] = None if value is None else value
        edits.append(
            WaveEdit(
                wave_id,
                str(row["name"] or ""),
                _as_date(row["opened_on"]),
                _as_date(row["closed_on"]),
                invitations,
                version,
            )
        )
    return edits
