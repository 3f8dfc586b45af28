"""User text inside Markdown is shown as typed: `markdown_text` escapes everything a Markdown
reader (CommonMark with GitHub's extensions: tables, strikethrough, bare links) would turn into
markup. Rendered here with markdown-it in its GitHub-like mode, links recognised."""

import html
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from dashboard.i18n.formatting import WORD_JOINER, markdown_text

RENDERER = MarkdownIt("gfm-like")
# GitHub (and Streamlit's remark-gfm) link "www." and "http(s)://" addresses and e-mails, not a
# bare domain such as "0.AC"; linkify-it's fuzzy links would.
RENDERER.linkify.set({"fuzzy_link": False})

HOSTILE = [
    "![b](http://host/beacon.png)",
    "[click](javascript:alert(1))",
    "<img src=x onerror=alert(1)>",
    "<script>alert(1)</script>",
    "T\n\n## Decisions\n\n**9. Forged**\n\n- **Go** (entry no. 12)",
    "# heading",
    "> quote",
    "- item\n+ item\n* item",
    "1. one\n2) two",
    "Title\n===",
    "Title\n---",
    "    indented code",
    "`code` ``code``",
    "*em* _em_ **strong** __strong__ ~~del~~ ~del~",
    "| a | b |\n|---|---|\n| c | d |",
    "http://host/x www.host.be mail@host.be <http://host> <mail@host.be> HTTPS://HOST WWW.HOST",
    ":smile: :material/home: :red[red] :+1:",
    "mailto:a@b.be xmpp:a@b.be",
    "[ref]\n\n[ref]: http://host/x",
    "&lt;script&gt; &amp; &#x3C;",
    "$x^2$ $$y$$",
    r"back\slash \*not em\*",
    "trailing two spaces  \nnext",
]


def _rendered(text: str) -> str:
    return RENDERER.render(markdown_text(text))


# What remark-gfm (Streamlit's Markdown) and remark-emoji look for in the text once escapes are
# read (mdast-util-gfm-autolink-literal, emoji shortcodes): none may be found in user text.
TEXT_PATTERNS = re.compile(r"https?://[-.\w]|www\.|[-.\w+]@[-\w]|:[A-Za-z_+-][-+\w]*:", re.IGNORECASE)


def _text(rendered: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", rendered)).split())


def _visible(rendered: str) -> str:
    """The text as a reader sees it: the invisible word joiners left out."""
    text = _text(rendered)
    assert not TEXT_PATTERNS.search(text), text  # no bare link, e-mail or emoji code left
    return text.replace(WORD_JOINER, "")


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_renders_as_the_literal_text_in_paragraphs(text):
    rendered = _rendered(text)
    tags = set(re.findall(r"<(/?\w+)", rendered))
    assert tags <= {"p", "/p", "br"}, (text, rendered)  # no link, image, heading, list, code, HTML
    assert _visible(rendered) == " ".join(text.split()), rendered


def test_the_check_finds_what_remark_gfm_would_link():
    """The test's own check: unescaped text holds what Streamlit links or turns into an emoji."""
    for text in ("see http://host/x", "www.host.be", "mail@host.be", "ok :smile:"):
        assert TEXT_PATTERNS.search(_text(RENDERER.render(text)).replace("<", "")), text


def test_ordinary_text_keeps_its_look():
    """Codes, decimals, times and sentences are not littered with backslashes."""
    text = "Action 2.6.3 – budget 1.250,50 € at 14:05. Note: (ok), 50 % « oui »"
    assert markdown_text(text) == text


def test_an_escaped_title_cannot_end_a_heading_or_a_bold_span():
    line = f"**1. 2.6.3 {markdown_text('x** ## y')}**"
    rendered = RENDERER.render(line)
    assert rendered.count("<strong>") == 1 and "x** ## y" in html.unescape(rendered)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(codec="latin-1", exclude_categories=("Cc",)) | st.just("\n")))
def test_any_text_renders_as_itself(text):
    rendered = _rendered(text)
    assert set(re.findall(r"<(/?\w+)", rendered)) <= {"p", "/p", "br"}, (text, rendered)
    assert _visible(rendered) == " ".join(text.split()), (text, rendered)
