"""indicator numerator and denominator definitions in three languages

Indicator.numerator_definition and denominator_definition become numerator_definition_fr/nl/en
and denominator_definition_fr/nl/en, like the names and definitions. Each existing text is
copied into the three languages, except the default catalogue's own English texts (unchanged
since installed), which get their French and Dutch versions. Downgrading keeps one text per
indicator: the English one, else the French, else the Dutch.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-29
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | Sequence[str] | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

LANGUAGES = ("fr", "nl", "en")
COLUMNS = ("numerator_definition", "denominator_definition")

# The default catalogue's texts when this revision was written, frozen here so that the
# migration does not change with data_loaders/catalogues/indicators.py:
# code: ((numerator en, fr, nl), (denominator en, fr, nl)).
CATALOGUE_TEXTS = {
    "POLYPHARMACY": (
        (
            "Insured persons aged 65+ meeting the polypharmacy criterion",
            "Assurés de 65 ans et plus répondant au critère de polymédication",
            "Verzekerden van 65 jaar en ouder die aan het polyfarmaciecriterium voldoen",
        ),
        ("Insured persons aged 65+", "Assurés de 65 ans et plus", "Verzekerden van 65 jaar en ouder"),
    ),
    "GMD_COVERAGE": (
        ("Insured persons with a GMD", "Assurés disposant d'un DMG", "Verzekerden met een GMD"),
        ("Insured persons", "Assurés", "Verzekerden"),
    ),
    "GP_AFTER_DISCHARGE": (
        (
            "Discharges (65+) with a GP contact within 7 days",
            "Sorties d'hôpital (65+) suivies d'un contact avec un médecin généraliste dans les 7 jours",
            "Ziekenhuisontslagen (65+) met een huisartscontact binnen 7 dagen",
        ),
        ("Discharges (65+)", "Sorties d'hôpital (65+)", "Ziekenhuisontslagen (65+)"),
    ),
    "CASE_MANAGED": (
        (
            "Stratum-3 patients with a case manager",
            "Patients de la strate 3 ayant un case manager",
            "Patiënten in stratum 3 met een casemanager",
        ),
        ("Stratum-3 patients", "Patients de la strate 3", "Patiënten in stratum 3"),
    ),
    "PACIC": (
        (
            "Sum of respondents' PACIC scores",
            "Somme des scores PACIC des répondants",
            "Som van de PACIC-scores van de respondenten",
        ),
        ("Respondents", "Répondants", "Respondenten"),
    ),
    "AVOIDABLE_ADMISSIONS": (
        (
            "Admissions for ambulatory-care-sensitive conditions",
            "Admissions pour des affections sensibles aux soins ambulatoires",
            "Opnames voor ambulant behandelbare aandoeningen",
        ),
        ("Inhabitants", "Habitants", "Inwoners"),
    ),
    "WORK_DISABILITY": (
        (
            "Insured persons aged 18-64 disabled for more than a year",
            "Assurés de 18 à 64 ans en incapacité de travail depuis plus d'un an",
            "Verzekerden van 18 tot 64 jaar die langer dan een jaar arbeidsongeschikt zijn",
        ),
        ("Insured persons aged 18-64", "Assurés de 18 à 64 ans", "Verzekerden van 18 tot 64 jaar"),
    ),
    "PROVIDER_WORKLOAD": (
        (
            "Providers reporting an excessive workload",
            "Prestataires rapportant une charge de travail excessive",
            "Zorgverleners die een te hoge werkdruk melden",
        ),
        ("Providers surveyed", "Prestataires interrogés", "Bevraagde zorgverleners"),
    ),
    "SE_SHARE": (
        (
            "Actions with a social-entrepreneurship component",
            "Actions avec une composante d'entrepreneuriat social",
            "Acties met een component sociaal ondernemerschap",
        ),
        (
            "Actions (not ideas, not stopped)",
            "Actions (hors idées et actions arrêtées)",
            "Acties (zonder ideeën en stopgezette acties)",
        ),
    ),
    "ACTIONS_ON_TIME": (
        (
            "Finished actions with actual end <= originally planned end",
            "Actions terminées dont la fin réelle ne dépasse pas la fin prévue au plan initial",
            "Afgeronde acties waarvan het werkelijke einde niet later valt dan het einde in het "
            "oorspronkelijke plan",
        ),
        ("Finished actions", "Actions terminées", "Afgeronde acties"),
    ),
    "PARTNER_SATISFACTION": (
        ("Sum of satisfaction scores", "Somme des scores de satisfaction", "Som van de tevredenheidsscores"),
        ("Answers", "Réponses", "Antwoorden"),
    ),
}

indicator = sa.table(
    "indicator",
    sa.column("id", sa.Integer()),
    sa.column("code", sa.String()),
    *(sa.column(f"{c}_{lang}", sa.Text()) for c in COLUMNS for lang in LANGUAGES),
    *(sa.column(c, sa.Text()) for c in COLUMNS),
)


def upgrade() -> None:
    with op.batch_alter_table("indicator", schema=None) as batch_op:
        for column in COLUMNS:
            for lang in LANGUAGES:
                batch_op.add_column(sa.Column(f"{column}_{lang}", sa.Text(), nullable=True))
    op.execute(
        indicator.update().values({f"{c}_{lang}": indicator.c[c] for c in COLUMNS for lang in LANGUAGES})
    )
    for code, texts in CATALOGUE_TEXTS.items():
        for column, (english, french, dutch) in zip(COLUMNS, texts, strict=True):
            op.execute(
                indicator.update()
                .where(indicator.c.code == code, indicator.c[column] == english)
                .values({f"{column}_fr": french, f"{column}_nl": dutch})
            )
    with op.batch_alter_table("indicator", schema=None) as batch_op:
        for column in COLUMNS:
            for lang in LANGUAGES:
                batch_op.alter_column(f"{column}_{lang}", existing_type=sa.Text(), nullable=False)
            batch_op.drop_column(column)


def downgrade() -> None:
    with op.batch_alter_table("indicator", schema=None) as batch_op:
        for column in COLUMNS:
            batch_op.add_column(sa.Column(column, sa.Text(), nullable=True))
    op.execute(
        indicator.update().values(
            {
                column: sa.func.coalesce(
                    sa.func.nullif(indicator.c[f"{column}_en"], ""),
                    sa.func.nullif(indicator.c[f"{column}_fr"], ""),
                    indicator.c[f"{column}_nl"],
                )
                for column in COLUMNS
            }
        )
    )
    with op.batch_alter_table("indicator", schema=None) as batch_op:
        for column in COLUMNS:
            batch_op.alter_column(column, existing_type=sa.Text(), nullable=False)
            for lang in LANGUAGES:
                batch_op.drop_column(f"{column}_{lang}")
