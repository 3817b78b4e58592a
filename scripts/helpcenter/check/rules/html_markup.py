"""html-markup: page content uses only the markup a help page has a use for.

An allow-list, not a deny-list: Markdown and its extensions make a known set
of elements and attributes, and anything else a writer types as raw HTML is
reported with what to use instead. What it stops: a `style` attribute that
lays a full-page overlay over the site, a form that collects a password
(submitted to a page of the site, it lands in the address bar, the history
and the host's logs), `ping` reporting clicks elsewhere. Only the pages an
engineer lists in `extra.page_scripts` (the composer) may hold form
controls, and never a password, hidden or file field, a submit button or a
form target. Script-like elements, event handlers and javascript: URLs have
rules of their own (html-element, html-event-handler, html-javascript-url).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from helpcenter.check.model import Problem, Project, Say
from helpcenter.check.rules import html_element

ID = "html-markup"
DESCRIPTION = "content uses only help-page markup: no style attributes, forms, ping or unknown elements"

ELEMENTS = frozenset({
    "a", "abbr", "b", "blockquote", "br", "code", "dd", "del", "details", "div", "dl", "dt", "em", "figcaption",
    "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins", "kbd", "li", "mark", "ol", "p", "picture",
    "pre", "s", "small", "span", "strong", "sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead",
    "time", "tr", "u", "ul", "svg", "path", "g", "source", "section",
    "button",  # type="button" only (checked below): it runs nothing by itself, the site's scripts give it a use
})
FORM_ELEMENTS = frozenset({"form", "fieldset", "legend", "label", "input", "select", "option", "optgroup",
                           "textarea", "output"})
ATTRIBUTES = frozenset({
    "id", "class", "title", "lang", "dir", "hidden", "role", "tabindex", "href", "hreflang", "rel", "target",
    "type", "src", "srcset", "sizes", "alt", "width", "height", "loading", "decoding", "colspan", "rowspan",
    "align", "start", "reversed", "open", "datetime", "viewbox", "xmlns", "d", "fill", "name", "value", "checked",
    "disabled", "for", "rows", "cols", "maxlength", "minlength", "autocomplete", "novalidate", "placeholder",
    "required", "inputmode", "autocapitalize", "spellcheck", "multiple", "selected", "readonly", "min", "max",
    "step", "size", "label", "media", "cite",
})
# Attributes other rules own (one mistake, one message): link-download, external-domain.
OWNED_ELSEWHERE = frozenset({"download", "xlink:href"})
INPUT_TYPES = frozenset({"text", "email", "datetime-local", "date", "time", "checkbox", "radio", "search",
                         "number", "url"})
ALIGN_STYLE = re.compile(r"\s*text-align:\s*(left|right|center)\s*;?\s*")  # Markdown tables' column alignment

FIX_STYLE = Say("style 属性はページを覆ったり文字を隠したりできます。注記（!!! warning）を使うか、"
                "overrides/assets/stylesheets/helpcenter.css へのクラスの追加をエンジニアに依頼してください",
                "a style attribute can cover the page or hide text: use an admonition (!!! warning) or ask an"
                " engineer for a class in overrides/assets/stylesheets/helpcenter.css")
FIX_FORM = Say("ヘルプページのフォームは、お客さまが入力した内容を誰も確認しない場所に集めてしまいます。"
               "代わりにお問い合わせフォーム（[お問い合わせフォーム][inquiry-form]）か文面作成ページ"
               "（contact/compose.md）にリンクしてください",
               "a form on a help page collects what customers type, where nobody reviews it: link to the inquiry"
               " form ([text][inquiry-form]) or the composer (contact/compose.md) instead")
FIX_ELEMENT = Say("代わりに Markdown（見出し、箇条書き、表、画像、注記）を使ってください",
                  "use Markdown instead (a heading, a list, a table, an image, an admonition)")


def _task_list_control(node) -> bool:
    """A task list's disabled checkbox and its label (pymdownx.tasklist: `label.task-list-control > input`)."""
    label = node if node.tag == "label" else node.parent if node.tag == "input" else None
    return label is not None and "task-list-control" in (label.attributes.get("class") or "").split()


def _problems(node, form_page: bool) -> Iterator[tuple[str, Say]]:
    """(needle, message) for one element."""
    tag = (node.tag or "").lower()
    if tag in html_element.FORBIDDEN:
        return  # html-element says why
    in_task_list = _task_list_control(node)
    if tag in FORM_ELEMENTS and not (form_page or in_task_list):
        yield f"<{tag}", Say(f"本文に <{tag}> があります。{FIX_FORM.ja}", f"<{tag}> in page content; {FIX_FORM.en}")
        return
    if tag not in ELEMENTS | FORM_ELEMENTS:
        yield f"<{tag}", Say(f"<{tag}> はヘルプページでは使いません。{FIX_ELEMENT.ja}",
                             f"<{tag}> has no use in a help page; {FIX_ELEMENT.en}")
        return
    for name, value in node.attributes.items():
        low = name.lower()
        if low in OWNED_ELSEWHERE:
            continue
        if low.startswith(("on", "aria-", "data-")) or low in ATTRIBUTES:
            if low == "type" and tag == "input" and (value or "text").lower() not in INPUT_TYPES:
                yield f'type="{value}"', Say(f'<input type="{value}"> はヘルプページに置けません。{FIX_FORM.ja}',
                                             f'an <input type="{value}"> may not appear on a help page; {FIX_FORM.en}')
            elif low == "type" and tag == "button" and (value or "submit").lower() != "button":
                button = f'<button type="{value or "submit"}">'
                yield "<button", Say(f"{button} はフォームを送信します。{FIX_FORM.ja}",
                                     f"a {button} submits a form; {FIX_FORM.en}")
            continue
        if low == "style":
            if tag in ("th", "td") and ALIGN_STYLE.fullmatch(value or ""):
                continue
            style = f"style=\"{(value or '')[:40]}\""
            yield "style", Say(f"<{tag}> の {style}：{FIX_STYLE.ja}", f"{style} on <{tag}>: {FIX_STYLE.en}")
        elif low == "ping":
            yield "ping", Say(f"<{tag}> の ping= はクリックのたびに別のアドレスへ知らせます。削除してください",
                              f"ping= on <{tag}> reports every click to another address: remove it")
        elif low in ("action", "method", "formaction", "formmethod", "formtarget", "enctype"):
            yield f"{name}=", Say(f"<{tag}> の {name}= はフォームの入力内容をどこかへ送ります。削除してください。"
                                  f"{FIX_FORM.ja}",
                                  f"{name}= on <{tag}> sends a form's fields somewhere: remove it; {FIX_FORM.en}")
        else:
            yield f"{name}=", Say(f"<{tag}> の属性 {name}= はヘルプページでは使いません。削除してください",
                                  f"the attribute {name}= on <{tag}> has no use in a help page: remove it")


def check(project: Project) -> Iterator[Problem]:
    for page in project.pages.values():
        if page.source is None:
            continue
        form_page = project.has_page_script(page)
        seen: dict[str, int] = {}
        for top in page.markdown_nodes:
            for node in top.traverse(include_text=False):
                for needle, message in _problems(node, form_page):
                    nth = seen.get(needle, 0)
                    seen[needle] = nth + 1
                    yield project.text_problem(ID, page, True, message, [needle], nth)
