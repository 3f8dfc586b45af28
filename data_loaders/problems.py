"""What is wrong with a submitted file or form, located precisely (file, line, column, record),
as data. Wording them is the dashboard's job (dashboard.errors.describe)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a submitted value: where it is, what it was, what was expected.

    For files, `file`, `line` and `column` locate it (`column` as the file's header reads); for
    forms, `record` names the record (e.g. an action's code) and `column` the field by its code.
    A page names a form's field by its label instead (`field`, see dashboard.errors.
    in_form_words). `key` is the catalogue key of the explanation, formatted with `params`.
    """

    key: str
    params: dict = field(default_factory=dict)
    file: str = ""
    line: int | None = None
    column: str = ""
    record: str = ""
    value: str = ""
    field: str = ""  # the form field's label as the user reads it (then no `column`)


@dataclass
class Problems:
    """Problems found in one file (or form), in the order met."""

    file_name: str = ""
    items: list[Problem] = field(default_factory=list)

    def add(
        self,
        key: str,
        *,
        line: int | None = None,
        column: str = "",
        value: object = "",
        record: str = "",
        **params: object,
    ) -> None:
        self.items.append(
            Problem(
                key=key,
                params=params,
                file=self.file_name,
                line=line,
                column=column,
                record=record,
                value="" if value is None else str(value),
            )
        )

    def __bool__(self) -> bool:
        return bool(self.items)

    def __len__(self) -> int:
        return len(self.items)


class UnreadableFile(Exception):
    """The file is not a table that can be read at all; `key` and `params` say why."""

    def __init__(self, key: str, **params: object) -> None:
        self.key = key
        self.params = params
        super().__init__(key, params)
