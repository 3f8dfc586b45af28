"""Writes the survey export files of this folder (run from the repository root:
`python -m tests.data.surveys.generate`). The files are committed; this script documents how
they were made and rebuilds them identically.

Each file copies the layout and header quirks of one survey tool's export:
- google_forms_fr.csv: Google Forms "Download responses (.csv)", French form: every cell quoted,
  "Horodateur" as 2024/10/14 9:12:03 AM GMT+2, "Adresse e-mail", grid questions as
  "Grid title [Row text]" (with typographic apostrophes), answers as French labels.
- ms_forms_en.xlsx: Microsoft Forms "Open in Excel": ID, Start time, Completion time, Email and
  Name ("anonymous"), Last modified time, one column per Likert statement, English labels.
- limesurvey_nl.csv: LimeSurvey "Export responses", question codes as headers ("GROUP[CODE]"),
  bookkeeping columns (id, submitdate, lastpage, startlanguage, seed, timings), answers as
  numbers, category as Dutch labels, a "[comment]" column.
- kobo_xml.csv: KoboToolbox CSV export with XML values and headers: ';' separator, group paths
  ("collaboration/SYN1"), start/end/today, _id, _uuid, _submission_time and other "_" columns,
  choice names (made from the labels by the form builder) or numbers as answers.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import random
from pathlib import Path

import xlsxwriter

from data_loaders.catalogues.questionnaire import AGREEMENT_SCALE, DIMENSIONS, ITEMS

HERE = Path(__file__).resolve().parent
CATEGORY_LABELS = {
    "fr": {
        "first_line": "1re ligne",
        "second_line": "2e ligne",
        "home_care": "Aide et soins à domicile",
        "local_authority": "Pouvoirs locaux (CPAS)",
    },
    "en": {
        "first_line": "First line",
        "second_line": "Second line",
        "home_care": "Home care and family help",
        "local_authority": "Local authorities (CPAS/OCMW)",
    },
    "nl": {
        "first_line": "Eerste lijn",
        "second_line": "Tweede lijn",
        "home_care": "Thuiszorg en gezinszorg",
        "local_authority": "Lokale besturen (OCMW)",
    },
}
CATEGORIES = ["first_line", "first_line", "second_line", "second_line", "home_care", "local_authority"]
DIMENSION_LABELS = {code: {"fr": fr, "nl": nl, "en": en} for code, fr, nl, en in DIMENSIONS}


def _answers(rng: random.Random) -> dict[str, int]:
    person = rng.gauss(3.4, 0.5)
    return {code: min(5, max(1, round(rng.gauss(person, 0.8)))) for code, *_ in ITEMS}


def _respondents(seed: int, count: int) -> list[dict]:
    rng = random.Random(seed)
    start = dt.datetime(2024, 10, 7, 9, 0)
    people = []
    for n in range(count):
        moment = start + dt.timedelta(days=n * 2 + rng.randint(0, 1), minutes=rng.randint(0, 500))
        people.append(
            {
                "n": n + 1,
                "category": CATEGORIES[n % len(CATEGORIES)],
                "answers": _answers(rng),
                "moment": moment,
            }
        )
    return people


def _fancy(text: str) -> str:
    """Typographic apostrophes, as form editors type them."""
    return text.replace("'", "’")


def google_forms() -> None:
    people = _respondents(1, 12)
    texts = {code: fr for code, _, _, fr, _, _ in ITEMS}
    dimension_of = {code: dim for code, dim, *_ in ITEMS}
    header = ["Horodateur", "Adresse e-mail", "Catégorie de votre organisation"]
    header += [f"{DIMENSION_LABELS[dimension_of[code]]['fr']} [{_fancy(texts[code])}]" for code, *_ in ITEMS]
    header += ["Un commentaire sur la communication du projet ?", "Autres remarques"]
    rows = []
    for person in people:
        moment = person["moment"]
        stamp = (
            f"{moment:%Y/%m/%d} {moment.hour % 12 or 12}:{moment:%M:%S} "
            f"{'PM' if moment.hour >= 12 else 'AM'} GMT+2"
        )
        row = [stamp, f"partenaire{person['n']}@example.be", CATEGORY_LABELS["fr"][person["category"]]]
        row += [AGREEMENT_SCALE["fr"][person["answers"][code] - 1] for code, *_ in ITEMS]
        row += [
            "Trop de mails, une plateforme commune aiderait." if person["n"] % 4 == 0 else "",
            "Merci pour la newsletter." if person["n"] == 3 else "",
        ]
        rows.append(row)
    buffer = io.StringIO()
    writer = csv.writer(buffer, quoting=csv.QUOTE_ALL, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    (HERE / "google_forms_fr.csv").write_text(buffer.getvalue(), encoding="utf-8")


def ms_forms() -> None:
    people = _respondents(2, 10)
    header = [
        "ID",
        "Start time",
        "Completion time",
        "Email",
        "Name",
        "Last modified time",
        "Type of organisation",
    ]
    header += [en for *_, en in ITEMS]
    header += ["Any other comments?"]
    workbook = xlsxwriter.Workbook(HERE / "ms_forms_en.xlsx")
    sheet = workbook.add_worksheet("Sheet1")
    stamp = workbook.add_format({"num_format": "m/d/yy h:mm:ss"})
    sheet.write_row(0, 0, header)
    for index, person in enumerate(people, start=1):
        done = person["moment"]
        sheet.write_number(index, 0, person["n"])
        sheet.write_datetime(index, 1, done - dt.timedelta(minutes=9), stamp)
        sheet.write_datetime(index, 2, done, stamp)
        sheet.write_string(index, 3, "anonymous")
        sheet.write_string(index, 4, "")
        sheet.write_string(index, 5, "")
        sheet.write_string(index, 6, CATEGORY_LABELS["en"][person["category"]])
        for column, (code, *_) in enumerate(ITEMS, start=7):
            sheet.write_string(index, column, AGREEMENT_SCALE["en"][person["answers"][code] - 1])
        sheet.write_string(index, 7 + len(ITEMS), "Meetings are too long." if person["n"] == 2 else "")
    workbook.close()


def limesurvey() -> None:
    people = _respondents(3, 8)
    groups = {
        "synergy": "SAMEN",
        "governance": "BESTUUR",
        "decision_making": "BESLIS",
        "communication": "COMM",
        "added_value": "WAARDE",
        "workload": "WERK",
        "satisfaction": "TEVR",
    }
    header = ["id", "submitdate", "lastpage", "startlanguage", "seed", "startdate", "datestamp", "categorie"]
    header += [f"{groups[dim]}[{code}]" for code, dim, *_ in ITEMS]
    header += ["COM1[comment]", "interviewtime", "groupTime4471", "SYN1Time"]
    buffer = io.StringIO()
    writer = csv.writer(buffer, quoting=csv.QUOTE_ALL, lineterminator="\n")
    writer.writerow(header)
    for person in people:
        moment = person["moment"]
        row = [
            str(person["n"]),
            f"{moment:%Y-%m-%d %H:%M:%S}",
            "3",
            "nl",
            "123456",
            f"{moment - dt.timedelta(minutes=8):%Y-%m-%d %H:%M:%S}",
            f"{moment:%Y-%m-%d %H:%M:%S}",
            CATEGORY_LABELS["nl"][person["category"]],
        ]
        row += [str(person["answers"][code]) for code, *_ in ITEMS]
        row += ["Graag een gedeeld platform." if person["n"] == 5 else "", "512.3", "130.1", "11.2"]
        writer.writerow(row)
    (HERE / "limesurvey_nl.csv").write_text(buffer.getvalue(), encoding="utf-8")


def kobo() -> None:
    people = _respondents(4, 9)
    groups = {
        "synergy": "collaboration",
        "governance": "gouvernance",
        "decision_making": "decisions",
        "communication": "communication",
        "added_value": "valeur",
        "workload": "charge",
        "satisfaction": "satisfaction",
    }
    # The form builder names choices after their labels: "Strongly agree" -> strongly_agree.
    names = [label.lower().replace(" ", "_") for label in AGREEMENT_SCALE["en"]]
    header = ["start", "end", "today", "profil/category"]
    header += [f"{groups[dim]}/{code}" for code, dim, *_ in ITEMS]
    header += [
        "fin/remarques",
        "_id",
        "_uuid",
        "_submission_time",
        "_validation_status",
        "_notes",
        "_status",
        "_submitted_by",
        "__version__",
        "_tags",
        "_index",
    ]
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\n")
    writer.writerow(header)
    for index, person in enumerate(people, start=1):
        moment = person["moment"]
        row = [
            f"{moment - dt.timedelta(minutes=7):%Y-%m-%dT%H:%M:%S}.000+02:00",
            f"{moment:%Y-%m-%dT%H:%M:%S}.000+02:00",
            f"{moment:%Y-%m-%d}",
            person["category"],
        ]
        row += [
            names[person["answers"][code] - 1] if index % 2 else str(person["answers"][code])
            for code, *_ in ITEMS
        ]
        row += [
            "",
            str(300000 + index),
            f"5c0f1a2b-{index:04d}-4e7e-9a1b-3c4d5e6f7a8b",
            f"{moment - dt.timedelta(hours=2):%Y-%m-%dT%H:%M:%S}",
            "",
            "",
            "submitted_via_web",
            "",
            "vXyZ123",
            "",
            str(index),
        ]
        writer.writerow(row)
    (HERE / "kobo_xml.csv").write_text(buffer.getvalue(), encoding="utf-8")


if __name__ == "__main__":
    google_forms()
    ms_forms()
    limesurvey()
    kobo()
