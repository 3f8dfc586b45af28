"""Typed errors raised by services. Each carries a catalogue key and its parameters, so that a
page can show it translated and the CLI can print it in English."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from data_loaders.problems import Problem


class DashboardError(Exception):
    key = "error.generic"

    def __init__(self, key: str | None = None, **params: object) -> None:
        self.key = key or self.key
        self.params = params
        super().__init__(self.key, params)

    def message(self, lang: str = "en") -> str:
        from dashboard.i18n import message

        return message(self.key, lang=lang, **self.params)

    def __str__(self) -> str:
        return self.message("en")


class PermissionDenied(DashboardError):
    key = "error.permission_denied"


class NotFound(DashboardError):
    key = "error.not_found"


class InvalidInput(DashboardError):
    """Bad input to a command (CLI argument, form field) that is not a file."""

    key = "error.invalid_input"


class ConflictError(DashboardError):
    """Someone else changed the record since it was read (optimistic locking)."""

    key = "error.conflict"


def describe(problem: Problem, lang: str = "en") -> str:
    """A problem in words: where it is, then what is wrong and what was expected."""
    from dashboard.i18n import message, t

    where = []
    if problem.file:
        where.append(problem.file)
    if problem.line is not None:
        where.append(t("problem.line", lang=lang, line=problem.line))
    if problem.record:
        where.append(problem.record)
    if problem.column:
        where.append(t("problem.column", lang=lang, column=problem.column))
    if problem.field:
        where.append(t("problem.field", lang=lang, field=problem.field))
    text = message(problem.key, lang=lang, **problem.params)
    if problem.value != "":
        text = f"{text} {t('problem.value', lang=lang, value=problem.value)}"
    return f"{', '.join(where)}{t('problem.separator', lang=lang)}{text}" if where else text


class ValidationFailed(DashboardError):
    """One or more problems with submitted data; nothing was written."""

    key = "error.validation_failed"

    def __init__(self, problems: list[Problem], key: str | None = None, **params: object) -> None:
        self.problems = problems
        super().__init__(key, count=len(problems), **params)

    def message(self, lang: str = "en") -> str:
        head = super().message(lang)
        return "\n".join([head, *(f"- {describe(p, lang)}" for p in self.problems)])


def name_fields(
    problems: list[Problem], fields: Mapping[str, str] | None = None, columns: Mapping[str, str] | None = None
) -> list[Problem]:
    """The problems as a form shows them: each names the form's field (`fields`) or its grid's
    column (`columns`) by the label the user reads there (code -> label, in the reader's
    language), not by the code the service names it with for the command line ("rationale",
    "--wave"). A problem on a line of a file keeps the file's own header; a code that neither
    mapping knows is left as it is."""
    fields, columns = fields or {}, columns or {}

    def named(problem: Problem) -> Problem:
        if problem.line is not None or not problem.column:
            return problem
        codes = problem.column.split(" / ")
        if all(code in fields for code in codes):
            return replace(problem, column="", field=" / ".join(fields[c] for c in codes))
        if all(code in columns for code in codes):
            return replace(problem, column=" / ".join(columns[c] for c in codes))
        return problem

    return [named(p) for p in problems]


def in_form_words(
    error: DashboardError, fields: Mapping[str, str] | None = None, columns: Mapping[str, str] | None = None
) -> DashboardError:
    """`error` with its problems' fields named as the form labels them (`name_fields`)."""
    if not isinstance(error, ValidationFailed) or not (fields or columns):
        return error
    params = {name: value for name, value in error.params.items() if name != "count"}
    return ValidationFailed(name_fields(error.problems, fields, columns), error.key, **params)
