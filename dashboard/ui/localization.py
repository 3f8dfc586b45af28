"""Streamlit's own widget texts in the interface language.

Streamlit 1.67 writes some texts of its widgets in English in its browser code, with no
setting to change them: the file uploader's "Upload" and "200MB per file", the multiselect's
"Select all", text inputs' "Press Enter to submit form", the date fields' "dd/mm/yyyy"; and its
calendar speaks the browser's language (an English browser: English months, Sunday first),
not the app's. Where a setting exists the pages use it (forms with enter_to_submit=False,
date_input(format="DD/MM/YYYY")); for the rest, a small script run once per language (i) gives
the page the interface language's locale, which Streamlit hands to its calendar, and (ii)
replaces those fixed English texts, inside Streamlit's widgets only, by their translation
(messages/widgets.py). User content is never touched: only Streamlit's own texts, matched
exactly, within its widgets.
"""

from __future__ import annotations

import json

import streamlit as st

from dashboard.i18n import t

# Where Streamlit's own texts live; text elsewhere (the user's content) is never rewritten.
WIDGET_SELECTORS = ", ".join(
    [
        "[data-testid='stFileUploader']",
        "[data-testid='InputInstructions']",
        "[data-testid='stMultiSelect']",
        "[data-testid='stMultiSelectDropdown']",
        "[data-testid='stSelectbox']",
        "[data-baseweb='popover']",
        "[role='listbox']",
        "[data-testid='stDateInput']",
        "[data-testid='stDateInputCalendar']",
    ]
)
DATE_PLACEHOLDERS = {"day": "dd", "month": "mm", "year": "yyyy"}


def translations(lang: str) -> dict:
    """What the script puts in place for `lang`: the locale, exact texts and patterns
    (JavaScript regular expressions, $1-style groups), the date fields' placeholders."""
    ctrl = "(⌘|Ctrl)"
    return {
        "locale": t("widgets.locale", lang=lang),
        "selectors": WIDGET_SELECTORS,
        "exact": {
            "Upload": t("widgets.upload", lang=lang),
            "Browse files": t("widgets.upload", lang=lang),
            "Drag and drop files here": t("widgets.drag_and_drop", lang=lang),
            "Drag and drop file here": t("widgets.drag_and_drop", lang=lang),
            "Press Enter to submit form": t("widgets.press_enter_submit", lang=lang),
            "Press Enter to apply": t("widgets.press_enter_apply", lang=lang),
            "Select all": t("widgets.select_all", lang=lang),
            "No results": t("widgets.no_results", lang=lang),
            "No options to select": t("widgets.no_options", lang=lang),
            "Choose an option": t("widgets.choose_option", lang=lang),
            "Choose options": t("widgets.choose_options", lang=lang),
            "Date range": t("widgets.date_range", lang=lang),
            "Select...": t("widgets.choose", lang=lang),
            "Past Week": t("widgets.past_week", lang=lang),
            "Past Month": t("widgets.past_month", lang=lang),
            "Past Year": t("widgets.past_year", lang=lang),
            "Clear date": t("widgets.clear_date", lang=lang),
            "Clear dates": t("widgets.clear_dates", lang=lang),
        },
        "patterns": [
            [r"^(\d+(?:\.\d+)?)\s?MB per file(.*)$", t("widgets.per_file", lang=lang, size="$1", rest="$2")],
            [
                rf"^Press {ctrl}\+Enter to submit form$",
                t("widgets.press_ctrl_enter_submit", lang=lang, keys="$1"),
            ],
            [rf"^Press {ctrl}\+Enter to apply$", t("widgets.press_ctrl_enter_apply", lang=lang, keys="$1")],
            [r"^Select (\d+) matches$", t("widgets.select_matches", lang=lang, count="$1")],
            [r"^Past (\d+) Months$", t("widgets.past_months", lang=lang, count="$1")],
            [r"^Past (\d+) Years$", t("widgets.past_years", lang=lang, count="$1")],
        ],
        "date": {
            part: {"english": english, "shown": t(f"widgets.date.{part}", lang=lang)}
            for part, english in DATE_PLACEHOLDERS.items()
        },
    }


SCRIPT = """
<script>
(() => {
  const cfg = %s;
  const define = (name, value) => {
    try { Object.defineProperty(Navigator.prototype, name, {configurable: true, get: () => value}); }
    catch (error) { /* an old browser keeps its own language */ }
  };
  const previous = navigator.language;
  define("language", cfg.locale);
  define("languages", [cfg.locale]);
  document.documentElement.lang = cfg.locale;
  // Streamlit hands navigator.language to its calendar each time its App component renders;
  // when this run was quick, that render came before this script, and the calendar would keep
  // the browser's language until the next run. Streamlit re-renders App on 'afterprint' (it
  // re-reads the theme there), the one event it listens to that changes nothing else.
  if (previous !== cfg.locale) window.dispatchEvent(new Event("afterprint"));
  const patterns = cfg.patterns.map(([source, replacement]) => [new RegExp(source), replacement]);
  // Only a changed text is written: writing the same text again is a mutation too, which
  // would wake the observer forever.
  const put = (node, text) => { if (node.nodeValue !== text) node.nodeValue = text; };
  const translate = (node) => {
    const parent = node.parentElement;
    const text = (node.nodeValue || "").trim();
    if (!parent || !text || !parent.closest(cfg.selectors)) return;
    const part = parent.getAttribute("data-placeholder") === "true" && cfg.date[parent.getAttribute("data-type")];
    if (part) { if (text === part.english) put(node, part.shown); return; }
    if (Object.prototype.hasOwnProperty.call(cfg.exact, text)) { put(node, cfg.exact[text]); return; }
    for (const [pattern, replacement] of patterns) {
      if (pattern.test(text)) { put(node, text.replace(pattern, replacement)); return; }
    }
  };
  const walk = (root) => {
    if (root.nodeType === Node.TEXT_NODE) { translate(root); return; }
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) translate(walker.currentNode);
  };
  if (window.__livinglabWidgetTexts) window.__livinglabWidgetTexts.disconnect();
  const observer = new MutationObserver((mutations) => {
    for (const mutation of mutations) {
      if (mutation.type === "characterData") translate(mutation.target);
      for (const added of mutation.addedNodes) walk(added);
    }
  });
  observer.observe(document.body, {subtree: true, childList: true, characterData: true});
  window.__livinglabWidgetTexts = observer;
  walk(document.body);
})();
</script>
"""


def widget_texts_script(lang: str) -> str:
    # "</" could end the script early were a translation ever to hold it.
    return SCRIPT % json.dumps(translations(lang), ensure_ascii=False).replace("</", "<\\/")


def localize_widgets(lang: str, container=None) -> None:  # noqa: ANN001
    """Put Streamlit's widget texts and calendar in `lang` (call once per run, at the end of
    the sidebar: the element draws nothing)."""
    (container or st).html(widget_texts_script(lang), unsafe_allow_javascript=True)
