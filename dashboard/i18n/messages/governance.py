"""Decisions and meetings pages, minutes, and the governance rules' messages."""

MESSAGES = {
    "decisions.title": ("Journal des décisions", "Beslissingenlogboek", "Decision log"),
    "decisions.chain_intact.one": (
        "Journal intègre : l'entrée correspond à son sceau.",
        "Logboek intact: het item komt overeen met zijn zegel.",
        "Log intact: the entry matches its seal.",
    ),
    "decisions.chain_intact.other": (
        "Journal intègre : les {count} entrées correspondent à leur sceau.",
        "Logboek intact: de {count} items komen overeen met hun zegel.",
        "Log intact: all {count} entries match their seal.",
    ),
    "decisions.chain_broken": (
        "Journal altéré : prévenez l'administrateur.",
        "Logboek gewijzigd: verwittig de beheerder.",
        "Log tampered with: tell the administrator.",
    ),
    "decisions.problem.content": (
        "L'entrée n° {sequence} a été modifiée : elle ne correspond plus à son sceau.",
        "Item nr. {sequence} werd gewijzigd: het komt niet meer overeen met zijn zegel.",
        "Entry no. {sequence} has been changed: it no longer matches its seal.",
    ),
    "decisions.problem.moved": (
        "L'entrée n° {sequence} était le n° {was} : l'ordre des entrées a été modifié.",
        "Item nr. {sequence} was nr. {was}: de volgorde van de items werd gewijzigd.",
        "Entry no. {sequence} was no. {was}: the entries have been reordered.",
    ),
    "decisions.problem.link": (
        "L'entrée n° {sequence} ne suit plus l'entrée n° {previous} : le journal a été réordonné.",
        "Item nr. {sequence} volgt niet meer op item nr. {previous}: het logboek werd herschikt.",
        "Entry no. {sequence} no longer follows entry no. {previous}: the log has been reordered.",
    ),
    "decisions.problem.gap.one": (
        "L'entrée n° {sequence} manque.",
        "Item nr. {sequence} ontbreekt.",
        "Entry no. {sequence} is missing.",
    ),
    "decisions.problem.gap.other": (
        "{count} entrées manquent, du n° {sequence} au n° {last}.",
        "{count} items ontbreken, van nr. {sequence} tot nr. {last}.",
        "{count} entries are missing, from no. {sequence} to no. {last}.",
    ),
    "decisions.problem.tail.one": (
        "{count} entrée manque après le n° {sequence} : la plus récente a été supprimée.",
        "{count} item ontbreekt na nr. {sequence}: het nieuwste werd verwijderd.",
        "{count} entry missing after no. {sequence}: the newest one has been deleted.",
    ),
    "decisions.problem.tail.other": (
        "{count} entrées manquent après le n° {sequence} : les plus récentes ont été supprimées.",
        "{count} items ontbreken na nr. {sequence}: de nieuwste werden verwijderd.",
        "{count} entries missing after no. {sequence}: the newest ones have been deleted.",
    ),
    "decisions.problem.extra.one": (
        "{count} entrée à partir du n° {sequence} n'a pas été scellée par l'application.",
        "{count} item vanaf nr. {sequence} werd niet door de toepassing verzegeld.",
        "{count} entry from no. {sequence} on was not sealed by the application.",
    ),
    "decisions.problem.extra.other": (
        "{count} entrées à partir du n° {sequence} n'ont pas été scellées par l'application.",
        "{count} items vanaf nr. {sequence} werden niet door de toepassing verzegeld.",
        "{count} entries from no. {sequence} on were not sealed by the application.",
    ),
    "decisions.problem.head": (
        "La fin scellée du journal manque, est falsifiée ou ne correspond plus à sa dernière entrée.",
        "Het verzegelde einde van het logboek ontbreekt, is vervalst of komt niet meer overeen "
        "met het laatste item.",
        "The sealed end of the log is missing, forged, or no longer matches its last entry.",
    ),
    "decisions.problem.review_content": (
        "La vérification des conditions n° {sequence} (entrée n° {entry}) a été modifiée.",
        "Controle van de voorwaarden nr. {sequence} (item nr. {entry}) werd gewijzigd.",
        "Condition check no. {sequence} (entry no. {entry}) has been changed.",
    ),
    "decisions.problem.review_link": (
        "La vérification des conditions n° {sequence} (entrée n° {entry}) ne suit plus la précédente.",
        "Controle van de voorwaarden nr. {sequence} (item nr. {entry}) volgt niet meer op de vorige.",
        "Condition check no. {sequence} (entry no. {entry}) no longer follows the previous one.",
    ),
    "decisions.problem.review_gap.one": (
        "La vérification des conditions n° {sequence} manque.",
        "Controle van de voorwaarden nr. {sequence} ontbreekt.",
        "Condition check no. {sequence} is missing.",
    ),
    "decisions.problem.review_gap.other": (
        "{count} vérifications des conditions manquent, du n° {sequence} au n° {last}.",
        "{count} controles van de voorwaarden ontbreken, van nr. {sequence} tot nr. {last}.",
        "{count} condition checks are missing, from no. {sequence} to no. {last}.",
    ),
    "decisions.problem.review_tail.one": (
        "{count} vérification des conditions manque après le n° {sequence} : la plus récente a "
        "été supprimée.",
        "{count} controle van de voorwaarden ontbreekt na nr. {sequence}: de nieuwste werd verwijderd.",
        "{count} condition check missing after no. {sequence}: the newest one has been deleted.",
    ),
    "decisions.problem.review_tail.other": (
        "{count} vérifications des conditions manquent après le n° {sequence} : les plus "
        "récentes ont été supprimées.",
        "{count} controles van de voorwaarden ontbreken na nr. {sequence}: de nieuwste werden verwijderd.",
        "{count} condition checks missing after no. {sequence}: the newest ones have been deleted.",
    ),
    "decisions.problem.review_extra.one": (
        "{count} vérification des conditions à partir du n° {sequence} n'a pas été scellée par "
        "l'application.",
        "{count} controle van de voorwaarden vanaf nr. {sequence} werd niet door de toepassing verzegeld.",
        "{count} condition check from no. {sequence} on was not sealed by the application.",
    ),
    "decisions.problem.review_extra.other": (
        "{count} vérifications des conditions à partir du n° {sequence} n'ont pas été scellées "
        "par l'application.",
        "{count} controles van de voorwaarden vanaf nr. {sequence} werden niet door de toepassing verzegeld.",
        "{count} condition checks from no. {sequence} on were not sealed by the application.",
    ),
    "decisions.problem.anchor_tail.one": (
        "L'ancre {anchor} compte {count} entrée de plus que le journal, qui s'arrête au n° "
        "{sequence} : l'entrée la plus récente a été supprimée.",
        "Het anker {anchor} telt {count} item meer dan het logboek, dat stopt bij nr. {sequence}: "
        "het nieuwste item werd verwijderd.",
        "The anchor {anchor} counts {count} entry more than the log, which ends at no. {sequence}: "
        "the newest entry has been deleted.",
    ),
    "decisions.problem.anchor_tail.other": (
        "L'ancre {anchor} compte {count} entrées de plus que le journal, qui s'arrête au n° "
        "{sequence} : les entrées les plus récentes ont été supprimées.",
        "Het anker {anchor} telt {count} items meer dan het logboek, dat stopt bij nr. {sequence}: "
        "de nieuwste items werden verwijderd.",
        "The anchor {anchor} counts {count} entries more than the log, which ends at no. {sequence}: "
        "the newest entries have been deleted.",
    ),
    "decisions.problem.anchor_review_tail.one": (
        "L'ancre {anchor} compte {count} vérification des conditions de plus que le journal "
        "(dernière : n° {sequence}) : la plus récente a été supprimée.",
        "Het anker {anchor} telt {count} controle van de voorwaarden meer dan het logboek "
        "(laatste: nr. {sequence}): de nieuwste werd verwijderd.",
        "The anchor {anchor} counts {count} condition check more than the log (last: no. "
        "{sequence}): the newest one has been deleted.",
    ),
    "decisions.problem.anchor_review_tail.other": (
        "L'ancre {anchor} compte {count} vérifications des conditions de plus que le journal "
        "(dernière : n° {sequence}) : les plus récentes ont été supprimées.",
        "Het anker {anchor} telt {count} controles van de voorwaarden meer dan het logboek "
        "(laatste: nr. {sequence}): de nieuwste werden verwijderd.",
        "The anchor {anchor} counts {count} condition checks more than the log (last: no. "
        "{sequence}): the newest ones have been deleted.",
    ),
    "decisions.problem.anchor": (
        "Le journal ne correspond plus à l'ancre {anchor} : ses entrées jusqu'au n° {sequence} "
        "ont été réécrites ou remplacées.",
        "Het logboek komt niet meer overeen met het anker {anchor}: de items tot nr. {sequence} "
        "werden herschreven of vervangen.",
        "The log no longer matches the anchor {anchor}: its entries up to no. {sequence} have "
        "been rewritten or replaced.",
    ),
    "decisions.anchor_matches": (
        "Le journal contient toujours ce que l'ancre {anchor} a scellé.",
        "Het logboek bevat nog altijd wat het anker {anchor} verzegelde.",
        "The log still holds what the anchor {anchor} sealed.",
    ),
    "decisions.anchor_hint": (
        "Inscrivez cette ancre dans le procès-verbal : « decisions verify --anchor {anchor} » "
        "vérifiera que le journal contient toujours ce qu'elle scelle (entrées : {entries} ; "
        "vérifications des conditions : {reviews}).",
        "Noteer dit anker in de notulen: 'decisions verify --anchor {anchor}' controleert dat "
        "het logboek nog altijd bevat wat het verzegelt (items: {entries}; controles van de "
        "voorwaarden: {reviews}).",
        "Write this anchor in the minutes: 'decisions verify --anchor {anchor}' checks that the "
        "log still holds what it seals (entries: {entries}; condition checks: {reviews}).",
    ),
    "error.bad_anchor": (
        "« {anchor} » n'est pas une ancre du journal : attendu entrées-vérifications-16 "
        "caractères hexadécimaux, p. ex. 13-2-3f9a1c2b4d5e6f70, tel que « decisions anchor » "
        "l'affiche.",
        "'{anchor}' is geen anker van het logboek: verwacht items-controles-16 hexadecimale "
        "tekens, bv. 13-2-3f9a1c2b4d5e6f70, zoals 'decisions anchor' het toont.",
        "'{anchor}' is not an anchor of the log: expected entries-checks-16 hexadecimal "
        "characters, e.g. 13-2-3f9a1c2b4d5e6f70, as 'decisions anchor' prints it.",
    ),
    "error.anchor_of_broken_log": (
        "Le journal est altéré : pas d'ancre pour un journal qui ne se vérifie pas "
        "(voir « decisions verify »).",
        "Het logboek is gewijzigd: geen anker voor een logboek dat niet klopt (zie 'decisions verify').",
        "The log has been tampered with: no anchor for a log that does not verify (see 'decisions verify').",
    ),
    "minutes.anchor": (
        "Ancre du journal des décisions après cette réunion : **{anchor}** (entrées : {entries} ; "
        "vérifications des conditions : {reviews}). « decisions verify --anchor {anchor} » "
        "vérifie que le journal les contient toujours.",
        "Anker van het beslissingenlogboek na deze vergadering: **{anchor}** (items: {entries}; "
        "controles van de voorwaarden: {reviews}). 'decisions verify --anchor {anchor}' "
        "controleert dat het logboek ze nog altijd bevat.",
        "Anchor of the decision log after this meeting: **{anchor}** (entries: {entries}; "
        "condition checks: {reviews}). 'decisions verify --anchor {anchor}' checks that the log "
        "still holds them.",
    ),
    "decisions.figure.entries": ("Entrées", "Items", "Entries"),
    "decisions.figure.flagged": ("À suivre", "Op te volgen", "To follow up"),
    "decisions.flags_help": (
        "Révisions dont la date est passée sans nouvelle décision, et go sous conditions dont "
        "les conditions ne sont pas (encore) vérifiées.",
        "Herzieningen waarvan de datum voorbij is zonder nieuwe beslissing, en go's onder "
        "voorwaarden waarvan de voorwaarden (nog) niet vervuld zijn.",
        "Reviews whose date has passed with no new decision, and conditional gos whose "
        "conditions are not (yet) checked as met.",
    ),
    "decisions.search_placeholder": (
        "action, motivation, conditions…",
        "actie, motivering, voorwaarden…",
        "action, rationale, conditions…",
    ),
    "decisions.period": ("Période", "Periode", "Period"),
    "decisions.flagged_only": ("À suivre seulement", "Alleen op te volgen", "To follow up only"),
    "decisions.shown.one": (
        "{count} entrée sur {total}",
        "{count} van {total} items",
        "{count} of {total} entries",
    ),
    "decisions.shown.other": (
        "{count} entrées sur {total}",
        "{count} van {total} items",
        "{count} of {total} entries",
    ),
    "decisions.col.sequence": ("N°", "Nr.", "No."),
    "decisions.col.recorded_at": ("Enregistrée le", "Geregistreerd op", "Recorded on"),
    "decisions.col.action": ("Action", "Actie", "Action"),
    "decisions.col.outcome": ("Décision", "Beslissing", "Outcome"),
    "decisions.col.conditions": ("Conditions", "Voorwaarden", "Conditions"),
    "decisions.col.rationale": ("Motivation", "Motivering", "Rationale"),
    "decisions.col.review_date": ("Révision le", "Herziening op", "Review on"),
    "decisions.col.meeting": ("Réunion", "Vergadering", "Meeting"),
    "decisions.col.recorded_by": ("Encodée par", "Geregistreerd door", "Recorded by"),
    "decisions.col.superseded_by": ("Remplacée par", "Vervangen door", "Superseded by"),
    "decisions.col.correction": ("Correction", "Correctie", "Correction"),
    "decisions.col.flags": ("À suivre", "Op te volgen", "Follow-up"),
    "decisions.flag.review_overdue": ("révision en retard", "herziening te laat", "review overdue"),
    "decisions.flag.conditions_unmet": (
        "conditions non vérifiées",
        "voorwaarden niet vervuld",
        "conditions not met",
    ),
    # the Correction column: short marks, explained in the column's tooltip
    "decisions.entry_number": ("n° {sequence}", "nr. {sequence}", "no. {sequence}"),
    "decisions.corrects": ("← n° {sequence}", "← nr. {sequence}", "← no. {sequence}"),
    "decisions.corrected_by": ("→ n° {sequence}", "→ nr. {sequence}", "→ no. {sequence}"),
    "decisions.correction_help": (
        "← n° 7 : cette entrée corrige l'entrée n° 7. → n° 12 : cette entrée est corrigée par "
        "l'entrée n° 12, qui la remplace.",
        "← nr. 7: dit item corrigeert item nr. 7. → nr. 12: dit item is gecorrigeerd door "
        "item nr. 12, dat het vervangt.",
        "← no. 7: this entry corrects entry no. 7. → no. 12: this entry is corrected by entry "
        "no. 12, which replaces it.",
    ),
    "decisions.select_hint": (
        "Cliquez sur une ligne pour voir ce que le comité savait au moment de la décision.",
        "Klik op een rij om te zien wat de stuurgroep wist op het moment van de beslissing.",
        "Click a row to see what the committee knew when it decided.",
    ),
    "decisions.entry_title": ("Décision", "Beslissing", "Decision"),
    "decisions.recorded_line": (
        "Encodée par {by} le {at} · {meeting}",
        "Geregistreerd door {by} op {at} · {meeting}",
        "Recorded by {by} on {at} · {meeting}",
    ),
    "decisions.no_meeting": ("hors réunion", "buiten vergadering", "outside a meeting"),
    "decisions.corrects_line": (
        "Cette entrée corrige l'entrée n° {sequence} : {reason}",
        "Dit item corrigeert item nr. {sequence}: {reason}",
        "This entry corrects entry no. {sequence}: {reason}",
    ),
    "decisions.corrected_line": (
        "Cette entrée a été corrigée par l'entrée n° {sequence} (elle reste au journal).",
        "Dit item is gecorrigeerd door item nr. {sequence} (het blijft in het logboek).",
        "This entry was corrected by entry no. {sequence} (it stays in the log).",
    ),
    "decisions.condition_check_line": (
        "Conditions vérifiées : {result} — {by}, {at} ({note})",
        "Voorwaarden vervuld: {result} — {by}, {at} ({note})",
        "Conditions met: {result} — {by}, {at} ({note})",
    ),
    "decisions.evidence": ("Ce que le comité savait", "Wat de stuurgroep wist", "What the committee knew"),
    "decisions.evidence_help": (
        "L'état de l'action tel qu'affiché au moment de la décision, figé avec elle.",
        "De toestand van de actie zoals getoond op het moment van de beslissing, ermee vastgelegd.",
        "The action's state as shown when the decision was taken, frozen with it.",
    ),
    "decisions.check_conditions": ("Vérifier les conditions", "Voorwaarden nagaan", "Check the conditions"),
    "decisions.conditions_met": (
        "Les conditions sont-elles remplies ?",
        "Zijn de voorwaarden vervuld?",
        "Are the conditions met?",
    ),
    "decisions.condition_note": ("Commentaire", "Opmerking", "Note"),
    "decisions.record_check": ("Enregistrer la vérification", "Nagaan registreren", "Record the check"),
    "decisions.correct_entry": ("Corriger cette entrée", "Dit item corrigeren", "Correct this entry"),
    "decisions.correct_help": (
        "Une décision enregistrée n'est jamais modifiée : la correction est une nouvelle "
        "entrée, liée à celle-ci, avec sa raison.",
        "Een geregistreerde beslissing wordt nooit gewijzigd: de correctie is een nieuw item, "
        "gekoppeld aan dit item, met de reden.",
        "A recorded decision is never changed: the correction is a new entry, linked to this "
        "one, with its reason.",
    ),
    "decisions.record_outside": (
        "Enregistrer une décision hors réunion",
        "Beslissing buiten vergadering registreren",
        "Record a decision outside a meeting",
    ),
    "decisions.record_outside_help": (
        "Par exemple une décision prise par procédure écrite. En réunion, utilisez la page Réunions.",
        "Bijvoorbeeld een beslissing via schriftelijke procedure. In een vergadering gebruikt u "
        "de pagina Vergaderingen.",
        "For instance a decision taken by written procedure. In a meeting, use the Meetings page.",
    ),
    "decisions.choose_action": ("Choisir une action", "Kies een actie", "Choose an action"),
    # the decision form and action state
    "governance.late": ("en retard", "vertraagd", "late"),
    "governance.tied_indicators": (
        "Indicateurs liés à l'action",
        "Indicatoren gekoppeld aan de actie",
        "Indicators tied to the action",
    ),
    "governance.no_tied_indicators": (
        "Aucun indicateur lié à cette action.",
        "Geen indicator gekoppeld aan deze actie.",
        "No indicator tied to this action.",
    ),
    "governance.previous_decisions": ("Décisions précédentes", "Eerdere beslissingen", "Earlier decisions"),
    "governance.no_previous_decision": (
        "Aucune décision précédente sur cette action.",
        "Nog geen beslissing over deze actie.",
        "No earlier decision on this action.",
    ),
    "governance.conditions_help": (
        "Conditions (obligatoires pour un go sous conditions)",
        "Voorwaarden (verplicht bij een go onder voorwaarden)",
        "Conditions (required for a conditional go)",
    ),
    "governance.review_date_help": (
        "Date de révision (obligatoire si reporté)",
        "Herzieningsdatum (verplicht bij uitstel)",
        "Review date (required when postponed)",
    ),
    "governance.correction_reason": (
        "Raison de la correction",
        "Reden van de correctie",
        "Reason for the correction",
    ),
    "governance.field_problem": ("{field} : {problem}", "{field}: {problem}", "{field}: {problem}"),
    "governance.record": ("Enregistrer la décision", "Beslissing registreren", "Record the decision"),
    "governance.record_correction": (
        "Enregistrer la correction",
        "Correctie registreren",
        "Record the correction",
    ),
    # rules
    "problem.bad_outcome": (
        "choisissez une décision (go, no-go, go sous conditions, reporté).",
        "kies een beslissing (go, no-go, go onder voorwaarden, uitgesteld).",
        "choose an outcome (go, no-go, conditional go, postponed).",
    ),
    "problem.rationale_required": (
        "la motivation est obligatoire.",
        "de motivering is verplicht.",
        "the rationale is required.",
    ),
    "problem.conditions_required": (
        "un go sous conditions doit préciser ses conditions.",
        "een go onder voorwaarden moet de voorwaarden vermelden.",
        "a conditional go must state its conditions.",
    ),
    "problem.review_date_required": (
        "une décision reportée a besoin d'une date de révision.",
        "een uitgestelde beslissing heeft een herzieningsdatum nodig.",
        "a postponed decision needs a review date.",
    ),
    "problem.review_date_past": (
        "la date de révision doit être dans le futur.",
        "de herzieningsdatum moet in de toekomst liggen.",
        "the review date must be in the future.",
    ),
    "problem.correction_reason_required": (
        "une correction doit en donner la raison.",
        "een correctie moet de reden vermelden.",
        "a correction must give its reason.",
    ),
    "problem.bad_quorum": (
        "le quorum doit être d'au moins 1 membre votant.",
        "het quorum moet minstens 1 stemgerechtigd lid zijn.",
        "the quorum must be at least 1 voting member.",
    ),
    "problem.duplicate_attendee": ("participant en double.", "dubbele deelnemer.", "duplicate attendee."),
    "error.no_quorum.one": (
        "Quorum non atteint : {count} membre votant présent, {required} requis. Aucune décision ne peut "
        "être enregistrée pour cette réunion.",
        "Quorum niet bereikt: {count} stemgerechtigd lid aanwezig, {required} vereist. Er kan geen "
        "beslissing geregistreerd worden voor deze vergadering.",
        "No quorum: {count} voting member present, {required} required. No decision can be recorded for "
        "this meeting.",
    ),
    "error.no_quorum.other": (
        "Quorum non atteint : {count} membres votants présents, {required} requis. Aucune décision ne peut "
        "être enregistrée pour cette réunion.",
        "Quorum niet bereikt: {count} stemgerechtigde leden aanwezig, {required} vereist. Er kan geen "
        "beslissing geregistreerd worden voor deze vergadering.",
        "No quorum: {count} voting members present, {required} required. No decision can be recorded for "
        "this meeting.",
    ),
    "error.meeting_closed": (
        "La réunion « {title} » est clôturée : ses présences, son quorum et son ordre du jour ne "
        "changent que par une correction. Indiquez le motif de la correction : rien n'a été "
        "enregistré.",
        "De vergadering ‘{title}’ is afgesloten: aanwezigheden, quorum en agenda veranderen "
        "alleen door een correctie. Geef de reden van de correctie op: er is niets opgeslagen.",
        "The meeting ‘{title}’ is closed: its attendance, quorum and agenda change only by a "
        "correction. Give the reason for the correction: nothing was saved.",
    ),
    "error.meeting_closed_order": (
        "La réunion « {title} » est clôturée : l'ordre de son ordre du jour est celui du "
        "procès-verbal et ne change plus.",
        "De vergadering ‘{title}’ is afgesloten: de volgorde van haar agenda is die van het "
        "verslag en verandert niet meer.",
        "The meeting ‘{title}’ is closed: its agenda's order is that of its minutes and no longer changes.",
    ),
    "error.meeting_closed_no_decision": (
        "La réunion « {title} » est clôturée : aucune nouvelle décision ne s'y enregistre (une "
        "décision prise peut encore être corrigée dans le journal).",
        "De vergadering ‘{title}’ is afgesloten: er worden geen nieuwe beslissingen meer "
        "geregistreerd (een genomen beslissing kan nog in het logboek gecorrigeerd worden).",
        "The meeting ‘{title}’ is closed: no new decision is recorded at it (a decision taken "
        "there can still be corrected in the log).",
    ),
    "error.meeting_close_future": (
        "La réunion a lieu le {held_on} : elle se clôture le jour même ou après.",
        "De vergadering vindt plaats op {held_on}: ze wordt op die dag of later afgesloten.",
        "The meeting takes place on {held_on}: it is closed on that day or later.",
    ),
    "error.meeting_quorum_after_decisions": (
        "Des décisions ont été prises à cette réunion avec son quorum : avec {count} membres "
        "votants présents pour {required} requis, elle ne l'aurait plus. Rien n'a été enregistré.",
        "Er werden beslissingen genomen op deze vergadering met haar quorum: met {count} "
        "stemgerechtigde leden aanwezig voor {required} vereist zou ze het niet meer hebben. Er is "
        "niets opgeslagen.",
        "Decisions were taken at this meeting with its quorum: with {count} voting members present "
        "for {required} required it would no longer have it. Nothing was saved.",
    ),
    "error.agenda_item_decided": (
        "Une décision a été prise sur ce point à la réunion : il reste à l'ordre du jour.",
        "Over dit punt werd op de vergadering beslist: het blijft op de agenda.",
        "A decision was taken on this item at the meeting: it stays on the agenda.",
    ),
    "error.meeting_in_future": (
        "La réunion a lieu le {held_on} : ses décisions s'enregistrent le jour de la réunion, "
        "quand les présences et le quorum sont connus.",
        "De vergadering vindt plaats op {held_on}: haar beslissingen worden geregistreerd op de "
        "dag van de vergadering, wanneer aanwezigheden en quorum gekend zijn.",
        "The meeting takes place on {held_on}: its decisions are recorded on the day of the "
        "meeting, when attendance and the quorum are known.",
    ),
    "error.log_busy": (
        "Une autre décision vient d'être enregistrée au même moment : réessayez.",
        "Er werd net tegelijk een andere beslissing geregistreerd: probeer opnieuw.",
        "Another decision was recorded at the same moment: try again.",
    ),
    "error.correction_other_action": (
        "Une correction doit porter sur la même action que l'entrée corrigée.",
        "Een correctie moet over dezelfde actie gaan als het gecorrigeerde item.",
        "A correction must concern the same action as the entry it corrects.",
    ),
    "error.already_superseded": (
        "L'entrée n° {sequence} a déjà été corrigée.",
        "Item nr. {sequence} is al gecorrigeerd.",
        "Entry no. {sequence} has already been corrected.",
    ),
    "error.not_conditional": (
        "Seul un go sous conditions a des conditions à vérifier.",
        "Alleen een go onder voorwaarden heeft voorwaarden om na te gaan.",
        "Only a conditional go has conditions to check.",
    ),
    # meetings page
    "meetings.title": ("Réunions du comité", "Vergaderingen van de stuurgroep", "Committee meetings"),
    "meetings.choose": ("Réunion", "Vergadering", "Meeting"),
    "meetings.none_yet": ("Aucune réunion pour l'instant.", "Nog geen vergadering.", "No meeting yet."),
    "meetings.new": ("Nouvelle réunion", "Nieuwe vergadering", "New meeting"),
    "meetings.date": ("Date", "Datum", "Date"),
    "meetings.meeting_title": ("Intitulé", "Titel", "Title"),
    "meetings.default_title": (
        "Comité de pilotage {project}",
        "Stuurgroep {project}",
        "Steering committee {project}",
    ),
    "meetings.location": ("Lieu", "Plaats", "Location"),
    "meetings.quorum_rule": (
        "Quorum (membres votants présents)",
        "Quorum (aanwezige stemgerechtigde leden)",
        "Quorum (voting members present)",
    ),
    "meetings.quorum_help": (
        "Nombre de membres votants présents requis pour enregistrer des décisions.",
        "Aantal aanwezige stemgerechtigde leden nodig om beslissingen te registreren.",
        "Number of voting members present needed to record decisions.",
    ),
    "meetings.copy_attendees": (
        "Reprendre les participants de la dernière réunion",
        "Deelnemers van de vorige vergadering overnemen",
        "Copy the attendees of the latest meeting",
    ),
    "meetings.create": ("Créer la réunion", "Vergadering aanmaken", "Create the meeting"),
    "meetings.created": ("Réunion créée.", "Vergadering aangemaakt.", "Meeting created."),
    "meetings.quorum_line.one": (
        "Quorum : {count} membre votant présent, {required} requis",
        "Quorum: {count} stemgerechtigd lid aanwezig, {required} vereist",
        "Quorum: {count} voting member present, {required} required",
    ),
    "meetings.quorum_line.other": (
        "Quorum : {count} membres votants présents, {required} requis",
        "Quorum: {count} stemgerechtigde leden aanwezig, {required} vereist",
        "Quorum: {count} voting members present, {required} required",
    ),
    "meetings.quorum_expected_line": (
        "Réunion à venir · membres votants attendus : {present} (quorum : {required})",
        "Komende vergadering · verwachte stemgerechtigde leden: {present} (quorum: {required})",
        "Coming meeting · voting members expected: {present} (quorum: {required})",
    ),
    "meetings.decide_on_the_day": (
        "Les décisions s'enregistrent le jour de la réunion ({held_on}), quand les présences "
        "sont confirmées.",
        "Beslissingen worden geregistreerd op de dag van de vergadering ({held_on}), wanneer de "
        "aanwezigheden bevestigd zijn.",
        "Decisions are recorded on the day of the meeting ({held_on}), once attendance is confirmed.",
    ),
    "meetings.quorum_met": ("atteint", "bereikt", "reached"),
    "meetings.quorum_not_met": (
        "non atteint : pas de décision possible",
        "niet bereikt: geen beslissing mogelijk",
        "not reached: no decision possible",
    ),
    "meetings.tab.session": ("En séance", "In zitting", "In session"),
    "meetings.tab.agenda": ("Ordre du jour", "Agenda", "Agenda"),
    "meetings.tab.attendance": ("Présences", "Aanwezigheden", "Attendance"),
    "meetings.tab.minutes": ("Procès-verbal", "Verslag", "Minutes"),
    "meetings.empty_agenda": (
        "L'ordre du jour est vide. Le coordinateur le prépare dans l'onglet Ordre du jour.",
        "De agenda is leeg. De coördinator bereidt hem voor in het tabblad Agenda.",
        "The agenda is empty. The coordinator prepares it in the Agenda tab.",
    ),
    "meetings.items": ("Points", "Punten", "Items"),
    "meetings.previous_item": ("Point précédent", "Vorig punt", "Previous item"),
    "meetings.next_item": ("Point suivant", "Volgend punt", "Next item"),
    "meetings.item_keys": (
        "Clavier (ou télécommande de présentation) : Page préc. / Page suiv. pour passer d'un "
        "point à l'autre.",
        "Toetsenbord (of presentatieafstandsbediening): Page Up / Page Down om van punt te wisselen.",
        "Keyboard (or presentation remote): Page Up / Page Down to move between items.",
    ),
    "meetings.on_agenda_because": (
        "À l'ordre du jour : {reason}",
        "Op de agenda: {reason}",
        "On the agenda: {reason}",
    ),
    "meetings.decided_line": (
        "Décidé (n° {sequence}) : {outcome} — {rationale}",
        "Beslist (nr. {sequence}): {outcome} — {rationale}",
        "Decided (no. {sequence}): {outcome} — {rationale}",
    ),
    "meetings.no_quorum_no_decision": (
        "Le quorum n'est pas atteint : la décision ne peut pas être enregistrée. Mettez les "
        "présences à jour dans l'onglet Présences.",
        "Het quorum is niet bereikt: de beslissing kan niet geregistreerd worden. Werk de "
        "aanwezigheden bij in het tabblad Aanwezigheden.",
        "The quorum is not reached: the decision cannot be recorded. Update attendance in the "
        "Attendance tab.",
    ),
    "meetings.record_title": ("Décision du comité", "Beslissing van de stuurgroep", "Committee decision"),
    "meetings.recorded": (
        "Décision sur {code} enregistrée.",
        "Beslissing over {code} geregistreerd.",
        "Decision on {code} recorded.",
    ),
    "meetings.reason": ("Raison", "Reden", "Reason"),
    "meetings.decided": ("Décision", "Beslissing", "Decision"),
    "meetings.suggestions": (
        "À mettre à l'ordre du jour : propositions sans décision, révisions dues, actions en retard",
        "Voor de agenda: voorstellen zonder beslissing, herzieningen die vervallen, vertraagde acties",
        "For the agenda: proposals awaiting a decision, reviews falling due, late actions",
    ),
    "meetings.no_suggestions": (
        "Rien d'autre à proposer.",
        "Niets anders voor te stellen.",
        "Nothing else to suggest.",
    ),
    "meetings.add": ("Ajouter", "Toevoegen", "Add"),
    "meetings.add_selected": (
        "Ajouter la sélection à l'ordre du jour",
        "Selectie aan de agenda toevoegen",
        "Add the selection to the agenda",
    ),
    "meetings.added.one": (
        "{count} point ajouté à l'ordre du jour.",
        "{count} punt aan de agenda toegevoegd.",
        "{count} item added to the agenda.",
    ),
    "meetings.added.other": (
        "{count} points ajoutés à l'ordre du jour.",
        "{count} punten aan de agenda toegevoegd.",
        "{count} items added to the agenda.",
    ),
    "meetings.add_any": ("Ajouter une autre action", "Een andere actie toevoegen", "Add another action"),
    "meetings.reorder": (
        "Changer l'ordre du jour : point à déplacer",
        "Volgorde van de agenda wijzigen: te verplaatsen punt",
        "Reorder the agenda: item to move",
    ),
    "meetings.move_up": ("Monter", "Omhoog", "Move up"),
    "meetings.move_down": ("Descendre", "Omlaag", "Move down"),
    "meetings.remove": ("Retirer de l'ordre du jour", "Van de agenda halen", "Remove from the agenda"),
    "meetings.remove_button": ("Retirer", "Verwijderen", "Remove"),
    "meetings.attendee": ("Nom", "Naam", "Name"),
    "meetings.partner": ("Partenaire", "Partner", "Partner"),
    "meetings.voting": ("Vote", "Stemt", "Votes"),
    "meetings.present": ("Présent", "Aanwezig", "Present"),
    "meetings.save": ("Enregistrer", "Opslaan", "Save"),
    "meetings.saved": ("Réunion enregistrée.", "Vergadering opgeslagen.", "Meeting saved."),
    "meetings.download_md": ("Procès-verbal (Markdown)", "Verslag (Markdown)", "Minutes (Markdown)"),
    "meetings.download_pdf": ("Procès-verbal (PDF)", "Verslag (PDF)", "Minutes (PDF)"),
    "meetings.mark_held": (
        "Marquer la réunion comme tenue",
        "Vergadering als gehouden markeren",
        "Mark the meeting as held",
    ),
    "meetings.close": ("Clôturer la réunion", "Vergadering afsluiten", "Close the meeting"),
    "meetings.close_help": (
        "Le procès-verbal est alors définitif : présences, quorum et ordre du jour ne changent "
        "plus que par une correction motivée, qui figure au procès-verbal.",
        "Het verslag is dan definitief: aanwezigheden, quorum en agenda veranderen alleen nog "
        "door een gemotiveerde correctie, die in het verslag staat.",
        "The minutes are then final: attendance, quorum and agenda change only by a correction "
        "with its reason, shown in the minutes.",
    ),
    "meetings.closed_info": (
        "Réunion clôturée : présences, quorum et ordre du jour ne changent plus que par une "
        "correction motivée, qui figure au procès-verbal.",
        "Afgesloten vergadering: aanwezigheden, quorum en agenda veranderen alleen nog door een "
        "gemotiveerde correctie, die in het verslag staat.",
        "Closed meeting: attendance, quorum and agenda change only by a correction with its "
        "reason, shown in the minutes.",
    ),
    "meetings.closed_no_decision": (
        "La réunion est clôturée : aucune nouvelle décision ne s'y enregistre.",
        "De vergadering is afgesloten: er worden geen nieuwe beslissingen meer geregistreerd.",
        "The meeting is closed: no new decision is recorded at it.",
    ),
    "meetings.correction_reason": (
        "Motif de la correction (obligatoire, figure au procès-verbal)",
        "Reden van de correctie (verplicht, staat in het verslag)",
        "Reason for the correction (required, shown in the minutes)",
    ),
    "meetings.record_correction": (
        "Enregistrer la correction",
        "Correctie registreren",
        "Record the correction",
    ),
    "meetings.corrected": ("Correction enregistrée.", "Correctie geregistreerd.", "Correction recorded."),
    "meetings.unchanged": (
        "Rien n'a changé : rien n'a été enregistré.",
        "Er is niets gewijzigd: er is niets opgeslagen.",
        "Nothing changed: nothing was recorded.",
    ),
    "meetings.closed": ("Réunion clôturée.", "Vergadering afgesloten.", "Meeting closed."),
    # minutes
    "minutes.title": ("Procès-verbal — {title}", "Verslag — {title}", "Minutes — {title}"),
    "minutes.project": ("Projet", "Project", "Project"),
    "minutes.date": ("Date", "Datum", "Date"),
    "minutes.location": ("Lieu", "Plaats", "Location"),
    "minutes.general": ("Réunion", "Vergadering", "Meeting"),
    "minutes.attendance": ("Présences et quorum", "Aanwezigheden en quorum", "Attendance and quorum"),
    "minutes.present": ("Présents", "Aanwezig", "Present"),
    "minutes.absent": ("Absents ou excusés", "Afwezig of verontschuldigd", "Absent or excused"),
    "minutes.non_voting": ("sans droit de vote", "zonder stemrecht", "non-voting"),
    "minutes.quorum_reached.one": (
        "Quorum atteint : {count} membre votant présent pour {required} requis.",
        "Quorum bereikt: {count} stemgerechtigd lid aanwezig voor {required} vereist.",
        "Quorum reached: {count} voting member present for {required} required.",
    ),
    "minutes.quorum_reached.other": (
        "Quorum atteint : {count} membres votants présents pour {required} requis.",
        "Quorum bereikt: {count} stemgerechtigde leden aanwezig voor {required} vereist.",
        "Quorum reached: {count} voting members present for {required} required.",
    ),
    "minutes.expected": ("Attendus", "Verwacht", "Expected"),
    "minutes.quorum_expected": (
        "Réunion à venir : membres votants attendus : {present} (quorum : {required}).",
        "Komende vergadering: verwachte stemgerechtigde leden: {present} (quorum: {required}).",
        "Coming meeting: voting members expected: {present} (quorum: {required}).",
    ),
    "minutes.quorum_missed.one": (
        "Quorum non atteint : {count} membre votant présent pour {required} requis.",
        "Quorum niet bereikt: {count} stemgerechtigd lid aanwezig voor {required} vereist.",
        "Quorum not reached: {count} voting member present for {required} required.",
    ),
    "minutes.quorum_missed.other": (
        "Quorum non atteint : {count} membres votants présents pour {required} requis.",
        "Quorum niet bereikt: {count} stemgerechtigde leden aanwezig voor {required} vereist.",
        "Quorum not reached: {count} voting members present for {required} required.",
    ),
    "minutes.decisions": ("Décisions", "Beslissingen", "Decisions"),
    "minutes.entry": ("entrée n° {sequence}", "item nr. {sequence}", "entry no. {sequence}"),
    "minutes.correction": ("correction", "correctie", "correction"),
    "minutes.recorded": (
        "Encodée par {by} le {at}.",
        "Geregistreerd door {by} op {at}.",
        "Recorded by {by} on {at}.",
    ),
    "minutes.no_decision": ("Aucune décision.", "Geen beslissing.", "No decision."),
    "minutes.closed_by": (
        "Réunion clôturée par {by} le {at}.",
        "Vergadering afgesloten door {by} op {at}.",
        "Meeting closed by {by} on {at}.",
    ),
    "minutes.closed_by_decisions": (
        "Réunion clôturée : des décisions y ont été prises et sa date est passée.",
        "Vergadering afgesloten: er werden beslissingen genomen en haar datum is voorbij.",
        "Meeting closed: decisions were taken at it and its day has passed.",
    ),
    "minutes.corrections": (
        "Clôture et corrections",
        "Afsluiting en correcties",
        "Closing and corrections",
    ),
    "minutes.correction_line": (
        "{at}, {by} : {what}. Motif : {reason}",
        "{at}, {by}: {what}. Reden: {reason}",
        "{at}, {by}: {what}. Reason: {reason}",
    ),
    "minutes.changed": ("{field} : {old} → {new}", "{field}: {old} → {new}", "{field}: {old} → {new}"),
    "minutes.attendee_added": (
        "participant ajouté : {new}",
        "deelnemer toegevoegd: {new}",
        "attendee added: {new}",
    ),
    "minutes.attendee_removed": (
        "participant retiré : {old}",
        "deelnemer verwijderd: {old}",
        "attendee removed: {old}",
    ),
    "minutes.attendee_changed": (
        "participant : {old} → {new}",
        "deelnemer: {old} → {new}",
        "attendee: {old} → {new}",
    ),
    "minutes.agenda_added": (
        "point ajouté à l'ordre du jour : {new}",
        "punt aan de agenda toegevoegd: {new}",
        "agenda item added: {new}",
    ),
    "minutes.agenda_removed": (
        "point retiré de l'ordre du jour : {old}",
        "punt van de agenda gehaald: {old}",
        "agenda item removed: {old}",
    ),
    "minutes.voting": ("votant", "stemgerechtigd", "voting"),
    "minutes.absent_one": ("absent", "afwezig", "absent"),
    "minutes.present_one": ("présent", "aanwezig", "present"),
    "minutes.open_items": ("Points sans décision", "Punten zonder beslissing", "Items without a decision"),
    "minutes.footer": (
        "Établi le {at} à partir du journal des décisions (numéros d'entrée entre parenthèses).",
        "Opgesteld op {at} op basis van het beslissingenlogboek (itemnummers tussen haakjes).",
        "Drawn up on {at} from the decision log (entry numbers in brackets).",
    ),
    # ---------------------------------------------------------------- since the last meeting
    "nav.since": ("Depuis la dernière réunion", "Sinds de vorige vergadering", "Since the last meeting"),
    "since.title": ("Depuis la dernière réunion", "Sinds de vorige vergadering", "Since the last meeting"),
    "since.heading_meeting": (
        "Depuis la réunion du {held_on} ({title}) : du {since} au {until}",
        "Sinds de vergadering van {held_on} ({title}): van {since} tot {until}",
        "Since the meeting of {held_on} ({title}): from {since} to {until}",
    ),
    "since.heading_date": (
        "Du {since} au {until}",
        "Van {since} tot {until}",
        "From {since} to {until}",
    ),
    "since.choose_date": ("Depuis le", "Sinds", "Since"),
    "since.nothing": (
        "Rien n'a changé pendant cette période.",
        "Er is in deze periode niets veranderd.",
        "Nothing changed in this period.",
    ),
    "since.agenda_item": (
        "Point 0 · Depuis la dernière réunion",
        "Punt 0 · Sinds de vorige vergadering",
        "Item 0 · Since the last meeting",
    ),
    "since.open_page": ("Ouvrir la page", "Pagina openen", "Open the page"),
    "since.section.action_changes.one": (
        "{count} changement d'action",
        "{count} wijziging van een actie",
        "{count} action change",
    ),
    "since.section.action_changes.other": (
        "{count} changements d'actions",
        "{count} wijzigingen van acties",
        "{count} action changes",
    ),
    "since.section.new_actions.one": (
        "{count} nouvelle action",
        "{count} nieuwe actie",
        "{count} new action",
    ),
    "since.section.new_actions.other": (
        "{count} nouvelles actions",
        "{count} nieuwe acties",
        "{count} new actions",
    ),
    "since.section.became_late.one": (
        "{count} action passée en retard",
        "{count} actie met vertraging",
        "{count} action now late",
    ),
    "since.section.became_late.other": (
        "{count} actions passées en retard",
        "{count} acties met vertraging",
        "{count} actions now late",
    ),
    "since.section.decisions.one": (
        "{count} décision enregistrée",
        "{count} beslissing geregistreerd",
        "{count} decision recorded",
    ),
    "since.section.decisions.other": (
        "{count} décisions enregistrées",
        "{count} beslissingen geregistreerd",
        "{count} decisions recorded",
    ),
    "since.section.condition_checks.one": (
        "{count} vérification de conditions",
        "{count} controle van voorwaarden",
        "{count} condition check",
    ),
    "since.section.condition_checks.other": (
        "{count} vérifications de conditions",
        "{count} controles van voorwaarden",
        "{count} condition checks",
    ),
    "since.section.reviews.one": (
        "{count} révision à faire ou en retard",
        "{count} herziening te doen of achterstallig",
        "{count} review due or overdue",
    ),
    "since.section.reviews.other": (
        "{count} révisions à faire ou en retard",
        "{count} herzieningen te doen of achterstallig",
        "{count} reviews due or overdue",
    ),
    "since.section.indicator_values.one": (
        "{count} nouvelle valeur d'indicateur",
        "{count} nieuwe indicatorwaarde",
        "{count} new indicator value",
    ),
    "since.section.indicator_values.other": (
        "{count} nouvelles valeurs d'indicateurs",
        "{count} nieuwe indicatorwaarden",
        "{count} new indicator values",
    ),
    "since.section.indicator_statuses.one": (
        "{count} indicateur a changé de statut",
        "{count} indicator van status veranderd",
        "{count} indicator changed status",
    ),
    "since.section.indicator_statuses.other": (
        "{count} indicateurs ont changé de statut",
        "{count} indicatoren van status veranderd",
        "{count} indicators changed status",
    ),
    "since.section.survey_waves.one": (
        "{count} nouvelle vague d'enquête",
        "{count} nieuwe bevragingsronde",
        "{count} new survey wave",
    ),
    "since.section.survey_waves.other": (
        "{count} nouvelles vagues d'enquête",
        "{count} nieuwe bevragingsrondes",
        "{count} new survey waves",
    ),
    "since.section.risk_years.one": (
        "{count} nouvelle année de données de risque",
        "{count} nieuw jaar risicogegevens",
        "{count} new year of risk data",
    ),
    "since.section.risk_years.other": (
        "{count} nouvelles années de données de risque",
        "{count} nieuwe jaren risicogegevens",
        "{count} new years of risk data",
    ),
    "since.section.maturity.one": (
        "{count} évaluation de maturité",
        "{count} maturiteitsevaluatie",
        "{count} maturity assessment",
    ),
    "since.section.maturity.other": (
        "{count} évaluations de maturité",
        "{count} maturiteitsevaluaties",
        "{count} maturity assessments",
    ),
    "since.change": (
        "{code} · {title} — {field} : {old} → {new} ({by}, {at})",
        "{code} · {title} — {field}: {old} → {new} ({by}, {at})",
        "{code} · {title} — {field}: {old} → {new} ({by}, {at})",
    ),
    "since.empty_value": ("(vide)", "(leeg)", "(empty)"),
    "since.new_action": (
        "{code} · {title} ({status})",
        "{code} · {title} ({status})",
        "{code} · {title} ({status})",
    ),
    "since.late_action": (
        "{code} · {title} — fin prévue le {planned_end}",
        "{code} · {title} — gepland einde op {planned_end}",
        "{code} · {title} — planned end {planned_end}",
    ),
    "since.decision": (
        "N° {sequence} · {code} · {title} : {outcome} ({by}, {at})",
        "Nr. {sequence} · {code} · {title}: {outcome} ({by}, {at})",
        "No. {sequence} · {code} · {title}: {outcome} ({by}, {at})",
    ),
    "since.correction": ("correction", "correctie", "correction"),
    "since.check_met": (
        "N° {sequence} · {code} · {title} : conditions remplies ({by}, {at})",
        "Nr. {sequence} · {code} · {title}: voorwaarden vervuld ({by}, {at})",
        "No. {sequence} · {code} · {title}: conditions met ({by}, {at})",
    ),
    "since.check_not_met": (
        "N° {sequence} · {code} · {title} : conditions non remplies ({by}, {at})",
        "Nr. {sequence} · {code} · {title}: voorwaarden niet vervuld ({by}, {at})",
        "No. {sequence} · {code} · {title}: conditions not met ({by}, {at})",
    ),
    "since.review_overdue": (
        "{code} · {title} — révision en retard depuis le {date}",
        "{code} · {title} — herziening achterstallig sinds {date}",
        "{code} · {title} — review overdue since {date}",
    ),
    "since.review_due": (
        "{code} · {title} — révision prévue le {date}",
        "{code} · {title} — herziening gepland op {date}",
        "{code} · {title} — review due on {date}",
    ),
    "since.indicator_value": (
        "{code} · {name} — {period} : {value}",
        "{code} · {name} — {period}: {value}",
        "{code} · {name} — {period}: {value}",
    ),
    "since.indicator_revised": ("(révisée)", "(herzien)", "(revised)"),
    "since.indicator_status": (
        "{code} · {name} : {before} → {after}",
        "{code} · {name}: {before} → {after}",
        "{code} · {name}: {before} → {after}",
    ),
    "since.wave": (
        "Vague « {name} » : {respondents} répondants",
        "Ronde ‘{name}’: {respondents} respondenten",
        "Wave ‘{name}’: {respondents} respondents",
    ),
    "since.wave_satisfaction": (
        "satisfaction moyenne {mean} (IC 95 % {low} – {high})",
        "gemiddelde tevredenheid {mean} (95%-BI {low} – {high})",
        "mean satisfaction {mean} (95 % CI {low} – {high})",
    ),
    "since.wave_change": (
        "depuis « {previous} » : {change} (IC 95 % {low} – {high}), {verdict}",
        "sinds ‘{previous}’: {change} (95%-BI {low} – {high}), {verdict}",
        "since ‘{previous}’: {change} (95 % CI {low} – {high}), {verdict}",
    ),
    "since.wave_small": (
        "Vague « {name} » : moins de 5 répondants, aucun résultat n'est montré",
        "Ronde ‘{name}’: minder dan 5 respondenten, er worden geen resultaten getoond",
        "Wave ‘{name}’: fewer than 5 respondents, no result is shown",
    ),
    "since.risk_year": (
        "Année {year} (comparée à {base_year})",
        "Jaar {year} (vergeleken met {base_year})",
        "Year {year} (compared with {base_year})",
    ),
    "since.risk_first_year": ("Année {year}", "Jaar {year}", "Year {year}"),
    "since.risk_move": (
        "{region} · {stratum} : {before} → {after} ({change} points)",
        "{region} · {stratum}: {before} → {after} ({change} procentpunt)",
        "{region} · {stratum}: {before} → {after} ({change} points)",
    ),
    "since.maturity_round": (
        "Nouveau cycle « {name} » du {held_on}",
        "Nieuwe ronde ‘{name}’ van {held_on}",
        "New round ‘{name}’ of {held_on}",
    ),
    "since.maturity_consensus": (
        "Consensus du cycle « {name} »",
        "Consensus van ronde ‘{name}’",
        "Consensus of round ‘{name}’",
    ),
    "since.maturity_move": (
        "{dimension} : {before} → {after}",
        "{dimension}: {before} → {after}",
        "{dimension}: {before} → {after}",
    ),
    "error.since_after_today": (
        "La date de départ est postérieure à la fin de la période : choisissez un jour passé.",
        "De begindatum ligt na het einde van de periode: kies een dag in het verleden.",
        "The start date is after the end of the period: choose a past day.",
    ),
    "error.note_too_long": (
        "La note dépasse {limit} caractères : raccourcissez-la.",
        "De notitie is langer dan {limit} tekens: maak ze korter.",
        "The note is longer than {limit} characters: shorten it.",
    ),
    "minutes.note": ("Discussion", "Bespreking", "Discussion"),
    "meetings.note": (
        "Notes pour le procès-verbal",
        "Notities voor de notulen",
        "Notes for the minutes",
    ),
    "meetings.note_save": ("Enregistrer la note", "Notitie opslaan", "Save the note"),
    "meetings.note_saved": (
        "Note enregistrée : elle figure au procès-verbal.",
        "Notitie opgeslagen: ze staat in de notulen.",
        "Note saved: it is in the minutes.",
    ),
    "meetings.open_action": (
        "Ouvrir l'action {code} dans le portefeuille",
        "Actie {code} openen in de portefeuille",
        "Open action {code} in the portfolio",
    ),
    # The meeting pack (presenters/meeting_pack.py)
    "pack.title": ("Dossier de séance", "Vergaderdossier", "Meeting pack"),
    "pack.download": ("Dossier de séance (PDF)", "Vergaderdossier (PDF)", "Meeting pack (PDF)"),
    "pack.download_help": (
        "Un PDF de ce que le comité voit pour cette réunion : chiffres clés, Gantt, carte des "
        "risques, indicateurs, enquête, ordre du jour et décisions avec leurs éléments.",
        "Een pdf van wat de stuurgroep voor deze vergadering ziet: kerncijfers, Gantt, risicokaart, "
        "indicatoren, bevraging, agenda en beslissingen met hun onderbouwing.",
        "A PDF of what the committee is shown for this meeting: key figures, Gantt, risk map, "
        "indicators, survey, agenda and decisions with their evidence.",
    ),
    "pack.project": ("Projet", "Project", "Project"),
    "pack.meeting": ("Réunion", "Vergadering", "Meeting"),
    "pack.no_meeting": (
        "aucune réunion le {date}",
        "geen vergadering op {date}",
        "no meeting on {date}",
    ),
    "pack.figures_as_of": ("Chiffres au", "Cijfers op", "Figures as of"),
    "pack.filters.actions": ("Filtres : actions", "Filters: acties", "Filters: actions"),
    "pack.filters.risk": ("Filtres : carte des risques", "Filters: risicokaart", "Filters: risk map"),
    "pack.filters.survey": ("Filtres : enquête", "Filters: bevraging", "Filters: survey"),
    "pack.all_actions": (
        "toutes les actions ({count}), sans filtre",
        "alle acties ({count}), zonder filter",
        "every action ({count}), no filter",
    ),
    "pack.survey_choice": (
        "dernière vague, toutes catégories, comparée à la vague précédente",
        "laatste golf, alle categorieën, vergeleken met de vorige golf",
        "latest wave, all categories, compared with the wave before it",
    ),
    "pack.contents": ("Table des matières", "Inhoud", "Contents"),
    "pack.page": ("Page {page} / {pages}", "Pagina {page} / {pages}", "Page {page} / {pages}"),
    "pack.section.figures": (
        "Portefeuille : chiffres clés",
        "Portefeuille: kerncijfers",
        "Portfolio: key figures",
    ),
    "pack.section.gantt": (
        "Calendrier des actions (Gantt)",
        "Planning van de acties (Gantt)",
        "Actions over time (Gantt)",
    ),
    "pack.section.risk": ("Carte des risques", "Risicokaart", "Risk map"),
    "pack.section.indicators": ("Indicateurs", "Indicatoren", "Indicators"),
    "pack.section.survey": ("Enquête auprès des partenaires", "Partnerbevraging", "Partner survey"),
    "pack.section.since": (
        "Depuis la dernière réunion",
        "Sinds de vorige vergadering",
        "Since the last meeting",
    ),
    "pack.section.agenda": ("Ordre du jour", "Agenda", "Agenda"),
    "pack.section.decisions": (
        "Décisions et éléments présentés",
        "Beslissingen en onderbouwing",
        "Decisions and their evidence",
    ),
    "pack.no_meeting_agenda": (
        "Pas de réunion à cette date : ni ordre du jour ni décisions.",
        "Geen vergadering op deze datum: geen agenda en geen beslissingen.",
        "No meeting on this date: no agenda and no decisions.",
    ),
    "pack.no_indicators": (
        "Aucun indicateur défini.",
        "Geen indicatoren gedefinieerd.",
        "No indicators defined.",
    ),
    "pack.recorded": ("Enregistrée par", "Vastgelegd door", "Recorded by"),
    "pack.evidence": (
        "Ce que le comité a vu (enregistré avec la décision)",
        "Wat de stuurgroep zag (vastgelegd met de beslissing)",
        "What the committee saw (stored with the decision)",
    ),
    "pack.no_evidence": (
        "Aucun élément enregistré avec cette décision.",
        "Geen onderbouwing vastgelegd bij deze beslissing.",
        "No evidence stored with this decision.",
    ),
    "pack.anchor": (
        "Ancre du journal après la dernière décision de la réunion : {anchor}",
        "Anker van het logboek na de laatste beslissing van de vergadering: {anchor}",
        "Log anchor after the meeting's last decision: {anchor}",
    ),
}
