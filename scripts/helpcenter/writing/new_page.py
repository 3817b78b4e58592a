"""`scripts/new-page`: a new page in both languages, added to the navigation.

Usage: scripts/new-page troubles/example --title-ja "…" --title-en "…"

Creates docs/ja/<path>.md and docs/en/<path>.md with front matter (title,
a draft description, and in English the source_hash of the Japanese
skeleton), the `# H1` and the same `##` sections with the same explicit ids
in both languages, then adds `<path>.md` to `nav` in mkdocs.yml: under the
section whose pages live in the same folder (troubles/… goes under
トラブルの種類), else at the end. mkdocs.yml is edited as text, one line
inserted, so its comments and layout stay as they are.

A page under troubles/ gets the four sections every trouble page has
(symptoms, check-first, self-help, contact-support); any other page gets an
overview. Related pages are added by the build. The draft text is marked （下書き） /
(Draft): the page can be previewed and committed at once, and scripts/check
fails on each marked sentence (rule draft-text) until the writer replaces it.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

from helpcenter import front_matter
from helpcenter.paths import ROOT
from helpcenter.writing import translation

LANGS = ("ja", "en")
_SEGMENT = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


class NewPageError(ValueError):
    """Bad input; the message says what to do instead."""


@dataclass(frozen=True)
class Section:
    id: str
    ja: str
    en: str


TROUBLE_SECTIONS = (
    Section("symptoms", "主な症状", "Typical symptoms"),
    Section("check-first", "まず確認すること", "Check these first"),
    Section("self-help", "ご自身で試せること", "Things you can try yourself"),
    Section("contact-support", "サポートへの連絡", "Contacting support"),
)
# No related-pages section: the build adds one to every page (helpcenter.postbuild.related;
# a writer may choose its pages with `related:` in the front matter).
GENERIC_SECTIONS = (
    Section("overview", "概要", "Overview"),
)

DRAFT = {"ja": "（下書き）", "en": "(Draft) "}
DESCRIPTION = {
    "ja": "（下書き）このページで分かることを、検索結果に表示される一文で書きます。",
    "en": "(Draft) Replace this with one sentence that tells a customer in trouble what this page helps them do.",
}
INTRO = {
    "ja": "（下書き）どのようなときに読むページかを、お客様が検索する言葉を使って一文で書きます。",
    "en": "(Draft) Say in one sentence when to read this page, in the words a customer would search for.",
}
SECTION_TEXT = {
    "symptoms": {"ja": "- （下書き）お客様が気づく症状を書きます。",
                 "en": "- (Draft) What the customer notices."},
    "check-first": {"ja": "- [公式サイト][official-website]のお知らせと、公式サイトからリンクされている"
                          "ステータスページを確認する",
                    "en": "- Check the announcements on the [official website][official-website]"
                          " and the status page linked from it."},
    "self-help": {"ja": "（下書き）お客様がご自身で試せる手順を書きます。",
                  "en": "(Draft) Steps customers can take on their own."},
    "contact-support": {
        "ja": "解決しないときは、[お問い合わせフォーム][inquiry-form]かメール（[support@bitbank.cc][support-email]）で"
              "お問い合わせください。パスワードや二段階認証のコードは送らないでください。",
        "en": "If this does not solve it, contact support through the [inquiry form][inquiry-form] (in Japanese)"
              " or by email"
              " ([support@bitbank.cc][support-email]). Never send your password or two-factor codes.",
    },
    "overview": {"ja": "（下書き）本文を書きます。", "en": "(Draft) The page's text."},
}


def normalise_path(raw: str) -> str:
    """'troubles/example' (also given as troubles/example.md) -> 'troubles/example.md', or NewPageError."""
    path = raw.strip().replace("\\", "/")
    for prefix in ("docs/ja/", "docs/en/", "ja/", "en/", "./"):
        if path.startswith(prefix):
            raise NewPageError(f"give the path inside docs/<language>/, without {prefix!r}: "
                               f"scripts/new-page {path[len(prefix):].removesuffix('.md')} …")
    path = path.removesuffix(".md")
    segments = path.split("/")
    if not path or path.startswith("/") or any(not _SEGMENT.match(s) for s in segments):
        raise NewPageError(f"bad page path {raw!r}: use lowercase ASCII words joined by hyphens, folders with /,"
                           " e.g. troubles/login-problems (the path becomes the page's address in both languages)")
    return path + ".md"


def _yaml_scalar(value: str) -> str:
    """`value` as a YAML scalar: plain when that reads back the same, else double-quoted."""
    try:
        if yaml.safe_load(f"k: {value}") == {"k": value}:
            return value
    except yaml.YAMLError:
        pass
    return json.dumps(value, ensure_ascii=False)


def _title_of(path: Path) -> str | None:
    if not path.is_file():
        return None
    lines = path.read_text(encoding="utf-8").splitlines()
    for line in lines[1 : front_matter.block_end(lines) or 0]:
        key, _, value = line.partition(":")
        if key == "title":
            return str(yaml.safe_load(value) or "").strip() or None
    return None


def _link(docs: Path, lang: str, page: str, target: str) -> str | None:
    """Markdown link from `page` to `target` (paths inside docs/<lang>/) titled by the target, if it exists."""
    title = _title_of(docs / lang / target)
    if title is None or not (docs / ("en" if lang == "ja" else "ja") / target).is_file():
        return None
    rel = os.path.relpath(target, os.path.dirname(page) or ".").replace(os.sep, "/")
    return f"[{title}]({rel})"


def render(page: str, lang: str, title: str, docs: Path) -> str:
    """The Markdown of the new page `page` in `lang`."""
    trouble = page.startswith("troubles/")
    sections = TROUBLE_SECTIONS if trouble else GENERIC_SECTIONS
    out = ["---", f"title: {_yaml_scalar(title)}", f"description: {_yaml_scalar(DESCRIPTION[lang])}", "---", "",
           f"# {title}", "", INTRO[lang], ""]
    for section in sections:
        out += [f"## {getattr(section, lang)} {{#{section.id}}}", ""]
        out.append(SECTION_TEXT[section.id][lang])
        if section.id == "contact-support":
            composer = _link(docs, lang, page, "contact/compose.md")
            if composer:
                out += ["", composer]
        out.append("")
    return "\n".join(out)


# --- mkdocs.yml --------------------------------------------------------------------------------


class _Loader(yaml.SafeLoader):
    """Reads mkdocs.yml, whose !!python/name tags safe_load refuses, only to look at `nav`."""


_Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)
_Loader.add_multi_constructor("!", lambda loader, suffix, node: None)


def nav_paths(config_text: str) -> list[str]:
    """Every page path in `nav`, in order."""
    data = yaml.load(config_text, Loader=_Loader) or {}
    found: list[str] = []

    def walk(node) -> None:
        if isinstance(node, str):
            found.append(node)
        elif isinstance(node, list):
            for item in node:
                walk(item)
        elif isinstance(node, dict):
            for value in node.values():
                walk(value)

    walk(data.get("nav"))
    return found


_NAV_ITEM = re.compile(r"^(?P<indent>[ ]*)-[ ]+(?:(?P<title>[^\n]*?):[ ]+)?(?P<path>[^\s:#][^\s#]*\.md)[ ]*(?:#.*)?$")


def add_to_nav(config_text: str, page: str) -> tuple[str, str]:
    """(`config_text` with `page` added to nav, where it went); one line inserted, the rest untouched."""
    if page in nav_paths(config_text):
        return config_text, "already in nav"
    lines = config_text.split("\n")
    start = next((i for i, line in enumerate(lines) if re.match(r"^nav:\s*(#.*)?$", line)), None)
    if start is None:
        return config_text, "no nav in mkdocs.yml: the navigation lists every page by itself"
    end = start + 1
    while end < len(lines) and (not lines[end].strip() or lines[end][:1] in (" ", "#", "-")):
        end += 1
    while end > start + 1 and (not lines[end - 1].strip() or lines[end - 1].startswith("#")):
        end -= 1  # blank lines and top-level comments after the last entry belong to what follows
    items = [(i, m) for i in range(start + 1, end) if (m := _NAV_ITEM.match(lines[i]))]
    if not items:
        raise NewPageError("could not read `nav` in mkdocs.yml; add the page to it by hand")
    top = min(len(m.group("indent")) for _, m in items)
    folder = page.split("/")[0] + "/" if "/" in page else None
    same = [(i, m) for i, m in items if folder and m.group("path").startswith(folder)
            and len(m.group("indent")) > top]
    if same:  # after the last page of the section that holds the same folder
        i, m = same[-1]
        at, indent, where = i + 1, m.group("indent"), f"nav, after {m.group('path')}"
    else:  # after the last line of the last top-level entry, nested pages included
        at, indent, where = end, " " * top, "nav, at the end"
    lines.insert(at, f"{indent}- {page}")
    new_text = "\n".join(lines)
    if page not in nav_paths(new_text):
        raise NewPageError("adding the page to `nav` in mkdocs.yml failed; add it by hand")
    return new_text, where


# --- the command -------------------------------------------------------------------------------


@dataclass
class Created:
    files: list[Path]
    nav: str


def create(page_arg: str, title_ja: str | None, title_en: str | None, root: Path = ROOT) -> Created:
    """Create the page in both languages and add it to nav; NewPageError says what was wrong."""
    page = normalise_path(page_arg)
    missing = [flag for flag, value in (("--title-ja", title_ja), ("--title-en", title_en))
               if not (value or "").strip()]
    if missing:
        raise NewPageError(f"{' and '.join(missing)} missing: give the page title in both languages, e.g. "
                           f'scripts/new-page {page.removesuffix(".md")} --title-ja "ログインできないとき"'
                           ' --title-en "Can\'t log in"')
    titles = {"ja": title_ja.strip(), "en": title_en.strip()}
    for lang, title in titles.items():
        if "\n" in title or len(title) > 80:
            raise NewPageError(f"--title-{lang} must be one short line (at most 80 characters)")
    docs = root / "docs"
    config = root / "mkdocs.yml"
    targets = {lang: docs / lang / page for lang in LANGS}
    existing = [t for t in targets.values() if t.exists()]
    if existing:
        verb = "exists" if len(existing) == 1 else "exist"
        raise NewPageError(f"{' and '.join(str(t.relative_to(root)) for t in existing)} already {verb}: edit the"
                           " existing page, or choose another path")
    config_text = config.read_text(encoding="utf-8")
    new_config, where = add_to_nav(config_text, page)
    texts = {lang: render(page, lang, titles[lang], docs) for lang in LANGS}
    texts["en"] = translation.write_key(texts["en"], translation.source_hash(texts["ja"]))
    for lang in LANGS:
        targets[lang].parent.mkdir(parents=True, exist_ok=True)
        targets[lang].write_text(texts[lang], encoding="utf-8")
    if new_config != config_text:
        config.write_text(new_config, encoding="utf-8")
    return Created([targets[lang] for lang in LANGS], where)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="scripts/new-page", description=__doc__.splitlines()[0])
    parser.add_argument("path", help="page path inside docs/<language>/, e.g. troubles/example")
    parser.add_argument("--title-ja", help="Japanese title (front matter and H1)")
    parser.add_argument("--title-en", help="English title (front matter and H1)")
    parser.add_argument("--root", type=Path, default=ROOT, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    root = args.root.resolve()
    try:
        created = create(args.path, args.title_ja, args.title_en, root)
    except NewPageError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    for path in created.files:
        print(f"created {path.relative_to(root)}")
    print(f"mkdocs.yml: {created.nav}")
    print("next: replace every （下書き） / (Draft) sentence, including the description, in both languages;"
          " preview with scripts/serve; run scripts/check.\n"
          f"      when the English text matches the Japanese: scripts/translation-status --update"
          f" {created.files[1].relative_to(root)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
