"""Administration, for readers: the audit log's details in words (pure: no Streamlit, no
database)."""

from __future__ import annotations

from dashboard.i18n import current_language, has, t

ROLE_KEYS = {"role", "from", "to"}  # details whose value is a role


def detail_text(details: list[dict], lang: str | None = None) -> str:
    """An event's details ([{key, value}], as audit events store them) as a reader reads them:
    "Rôle : Membre du comité · ..." rather than "role=steering; ...". A key or value the
    catalogue does not know is shown as stored."""
    lang = lang or current_language()
    parts = []
    for pair in details or []:
        key, value = pair["key"], pair["value"]
        name = t(f"audit.detail.{key}", lang=lang) if has(f"audit.detail.{key}") else key
        if key in ROLE_KEYS and has(f"role.{value}"):
            value = t(f"role.{value}", lang=lang)
        elif key == "format":
            value = value.upper()
        elif has(f"audit.value.{key}.{value}"):
            value = t(f"audit.value.{key}.{value}", lang=lang)
        parts.append(f"{name} : {value}" if lang == "fr" else f"{name}: {value}")
    return " · ".join(parts)
