"""schema.org FAQPage JSON-LD for each language's FAQ page, generated from the page itself.

Writers keep one thing: docs/<lang>/faq.md, where each `### question {#id}`
is followed by its answer. The built page carries exactly that structure (an
<h3 id> and the paragraphs and lists after it, up to the next heading), so the
JSON-LD is read from the built HTML: always in step with the Markdown, with
reference links resolved and nothing kept by hand. A data block
(`type="application/ld+json"`) is not executed, so the CSP needs no hash.
"""

from __future__ import annotations

import html as htmlmod
import json
import re
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

from selectolax.lexbor import LexborHTMLParser, LexborNode

from helpcenter.paths import LANGUAGES, language_prefix
from helpcenter.postbuild.seo import canonical_url

FAQ_PAGE = "faq.html"
SCRIPT_ID = "hc-faq-jsonld"
ANSWER_BLOCKS = {"p", "ul", "ol", "dl", "div"}  # div: admonitions; their text only
# The tags search engines accept in an Answer's text; everything else is unwrapped.
KEEP = {"p", "ul", "ol", "li", "a", "strong", "b", "em", "i", "br"}
_OLD_SCRIPT = re.compile(rf'\s*<script type="application/ld\+json" id="{SCRIPT_ID}">.*?</script>', re.S)


def _inline(node: LexborNode, base: str) -> str:
    out = []
    for child in node.iter(include_text=True):
        if child.tag == "-text":
            out.append(htmlmod.escape(child.text_content or "", quote=False))
        elif child.tag.startswith("-"):
            continue
        elif child.tag in KEEP:
            attrs = ""
            if child.tag == "a" and child.attributes.get("href"):
                attrs = f' href="{htmlmod.escape(urljoin(base, child.attributes["href"]))}"'
            inner = _inline(child, base)
            out.append(f"<{child.tag}{attrs}>{inner}</{child.tag}>" if child.tag != "br" else "<br>")
        else:
            out.append(_inline(child, base))
    return "".join(out)


def questions(html: str, base: str) -> list[dict[str, str]]:
    """[{id, name, answer}] for each <h3 id> of the article, in page order."""
    article = LexborHTMLParser(html).css_first("article")
    if article is None:
        return []
    found: list[dict[str, Any]] = []
    current: dict[str, Any] | None = None
    for node in article.iter():
        if node.tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            current = None
            if node.tag == "h3" and node.attributes.get("id"):
                current = {"id": node.attributes["id"], "name": node.text(deep=True).strip(), "parts": []}
                found.append(current)
        elif current is not None and node.tag in ANSWER_BLOCKS:
            if "md-source-file" in (node.attributes.get("class") or ""):
                current = None  # the "Last update" line ends the content
                continue
            part = _inline(node, base).strip()
            if part:  # a div or dl (admonition, definitions) is unwrapped: its paragraphs stay
                current["parts"].append(f"<{node.tag}>{part}</{node.tag}>" if node.tag in KEEP else part)
    return [{"id": q["id"], "name": q["name"], "answer": "".join(q["parts"])} for q in found if q["parts"]]


def faq_jsonld(html: str, lang: str) -> dict[str, Any] | None:
    url = canonical_url(html)
    if not url:
        return None
    items = questions(html, url)
    if not items:
        return None
    return {
        "@context": "https://schema.org",
        "@type": "FAQPage",
        "url": url,
        "inLanguage": lang,
        "mainEntity": [
            {
                "@type": "Question",
                "name": q["name"],
                "url": f"{url}#{q['id']}",
                "acceptedAnswer": {"@type": "Answer", "text": q["answer"]},
            }
            for q in items
        ],
    }


def with_jsonld(html: str, data: dict[str, Any]) -> str:
    """The page with its JSON-LD as the last element of <head> (replacing an older one)."""
    html = _OLD_SCRIPT.sub("", html)
    # "</" cannot end the data block early once escaped
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
    script = f'  <script type="application/ld+json" id="{SCRIPT_ID}">{payload}</script>\n  '
    end = html.index("</head>")
    return html[:end] + script + html[end:]


def write_faq_jsonld(site_dir: Path) -> None:
    for lang in LANGUAGES:
        page = site_dir / language_prefix(lang) / FAQ_PAGE
        if not page.exists():
            continue
        html = page.read_text(encoding="utf-8")
        data = faq_jsonld(html, lang)
        if data:
            page.write_text(with_jsonld(html, data), encoding="utf-8")
