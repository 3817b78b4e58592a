"""The only MkDocs-aware code: thin hooks that call generator-neutral functions.

MkDocs loads this file by path, so the `helpcenter` package beside it is put on
`sys.path` first. Everything the hooks call works on Markdown text or on the
built HTML, so that it survives a move away from MkDocs.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from mkdocs.exceptions import ConfigurationError  # noqa: E402
from mkdocs.plugins import event_priority  # noqa: E402

from helpcenter import postbuild  # noqa: E402
from helpcenter.build import (  # noqa: E402
    banner,
    front_matter_text,
    guard_lexicon,
    live_preview,
    navigation,
    official_links,
    published_files,
    template_cache,
)
from helpcenter.paths import DEFAULT_LANGUAGE, ROOT, language_of, language_prefix  # noqa: E402
from helpcenter.writing import translation  # noqa: E402

log = logging.getLogger("mkdocs.hooks.helpcenter")  # a WARNING here fails the strict build
_depth = 0  # mkdocs-static-i18n nests one build per extra language inside the first
_command = "build"
_problems: live_preview.PageProblems | None = None  # scripts/serve only: each page's warnings, for its box


def on_startup(command, dirty, **_):
    global _command
    _command = command
    if command == "serve":
        live_preview.quiet()


def on_pre_build(config, **_):
    global _depth
    _depth += 1
    if _depth == 1 and _problems is not None:
        _problems.clear()  # a new build: only its own warnings


def on_config(config, **_):
    """The official addresses judged; the incident banner, for the `announce` block of overrides/main.html."""
    global _problems
    config_lines = Path(config.config_file_path).read_text(encoding="utf-8").splitlines()
    for key, message in official_links.problems(config.extra.get("official", {})):
        line = next((no for no, text in enumerate(config_lines, 1) if text.strip().startswith(f"{key}:")), 1)
        log.warning(f"File '{Path(config.config_file_path).name}': line {line}: {message}")
    path = Path(config.config_file_path).parent / "data" / "banner.yml"
    try:
        config.extra["hc_banner"] = banner.load(path, config.extra.get("official", {}))
    except banner.BannerError as err:
        if _command != "serve":
            raise ConfigurationError(str(err)) from err
        log.warning(f"{err}; the preview shows no banner until this is fixed")  # keep serving (build/live_preview.py)
        config.extra["hc_banner"] = {"enabled": False}
    if str(path) not in config.watch:  # `scripts/serve` rebuilds when writers flip it
        config.watch.append(str(path))
    _snippet_paths(config)
    if _command == "serve":
        live_preview.tolerate_missing_snippets(config.mdx_configs)
        live_preview.name_lines(Path(config.docs_dir), Path(config.config_file_path).parent)
        _problems = live_preview.collect_problems(Path(config.docs_dir), Path(config.config_file_path).parent)
    lexicon = Path(config.config_file_path).parent / "data" / "composer" / "guard-labels.yml"
    if not lexicon.exists():  # a generated config elsewhere (the benchmark's): the repository's labels
        lexicon = guard_lexicon.LEXICON_YML
    try:  # the secret guard's labels, written into the site after the build
        config.extra["hc_guard_lexicon"] = guard_lexicon.load(lexicon)
    except guard_lexicon.LexiconError as err:
        raise ConfigurationError(str(err)) from err
    if str(lexicon) not in config.watch:
        config.watch.append(str(lexicon))
    pages = navigation.count_pages(Path(config.docs_dir) / DEFAULT_LANGUAGE)
    config.theme["features"] = navigation.features_for(config.theme["features"], pages)
    return config


def on_env(env, config, files, **_):
    return template_cache.attach(env)


def on_files(files, config, **_):
    """Files beside the pages that a browser could run are left out of the site (published_files)."""
    docs = Path(config.docs_dir).resolve()
    root = Path(config.config_file_path).resolve().parent
    for file in list(files):
        path = Path(file.abs_src_path or "").resolve()
        if not file.abs_src_path or not path.is_relative_to(docs):
            continue  # the theme's own files
        why = published_files.refusal(path)
        if why:
            files.remove(file)
            log.warning(f"File '{path.relative_to(root).as_posix()}': line 1: left out of the site: {why}")
    return files


def _snippet_paths(config) -> None:
    """pymdownx.snippets reads base_path from the working directory: read it from beside mkdocs.yml.

    A configuration generated elsewhere (the bench's) falls back to this project's folder.
    """
    snippets = config.mdx_configs.get("pymdownx.snippets")
    if not snippets:
        return
    here = Path(config.config_file_path).parent
    paths = snippets.get("base_path") or ["."]
    paths = [paths] if isinstance(paths, str) else paths
    snippets["base_path"] = [str(next((base / p for base in (here, ROOT) if (base / p).is_dir()), here / p))
                             for p in paths]


_default_404: str | None = None  # the default language's 404 page, rendered first


def on_pre_template(template, template_name, config, **_):
    """On a 404 page the language switcher leads to each language's home page.

    Without this it keeps the links of whichever page was built last.
    """
    if template_name == "404.html":
        # mkdocs-static-i18n sets the attribute, which templates read before the key
        current = getattr(config.extra, "alternate", None) or config.extra.get("alternate") or []
        config.extra.alternate = [
            {**alt, "link": f"{language_prefix(alt.get('lang', DEFAULT_LANGUAGE))}index.html"} for alt in current
        ]
    return template


def on_post_template(output, template_name, config, **_):
    """One 404 page per language: mkdocs-static-i18n writes every language's to the root.

    The default language's stays at the root; each other one goes to <lang>/404.html.
    """
    global _default_404
    if template_name != "404.html":
        return output
    lang = config.theme.get("language") or DEFAULT_LANGUAGE
    if lang == DEFAULT_LANGUAGE:
        _default_404 = output
        return output
    target = Path(config.site_dir) / language_prefix(lang) / "404.html"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(output, encoding="utf-8")
    return _default_404 or output


def on_page_markdown(markdown, page, config, files, **_):
    """Front matter made plain text; the outdated-translation notice where due; the official addresses:
    placeholders and reference links."""
    front_matter_text.neutralize(page.meta, page.file.src_path, page.file.abs_src_path, log.warning)
    if _command == "serve" and (snippets := config.mdx_configs.get("pymdownx.snippets")):
        source = Path(page.file.abs_src_path).read_text(encoding="utf-8").splitlines()
        for line, message in live_preview.missing_snippets(source, snippets.get("base_path") or []):
            log.warning(f"Doc file '{page.file.src_path}': line {line}: {message}")
    markdown = translation.on_page_markdown(markdown, page, config)
    lang = getattr(page.file, "locale", None) or config.theme.get("language", "ja")
    official = config.extra.get("official", {})
    try:
        markdown = official_links.fill(markdown, official)
    except official_links.UnknownPlaceholder as err:  # a WARNING: the strict build fails, scripts/check names the line
        lines = Path(page.file.abs_src_path).read_text(encoding="utf-8").splitlines()
        line = next((no for no, text in enumerate(lines, start=1) if err.text in text), 1)
        log.warning(f"Doc file '{page.file.src_path}': line {line}: {err}")
        markdown = official_links.PLACEHOLDER.sub(lambda m: m.group(0).replace("{", "&#123;"), markdown)
    return official_links.append_definitions(markdown, official, lang)


def on_post_page(output, page, config, **_):
    """In the preview only, a page whose build gave warnings shows them at the top (build/live_preview.py)."""
    if _command != "serve" or _problems is None:
        return output
    lang = getattr(page.file, "locale", None) or config.theme.get("language", DEFAULT_LANGUAGE)
    return live_preview.show_problems(output, _problems.pages.get(page.file.src_path, []), lang)


@event_priority(-200)  # after mkdocs-static-i18n has built every language
def on_post_build(config, **_):
    global _depth
    _depth -= 1
    if _depth == 0:
        guard_lexicon.write(Path(config.site_dir), config.extra["hc_guard_lexicon"])
        # `mkdocs serve` adds its live-reload script inline, which the CSP would block.
        refused = postbuild.run(Path(config.site_dir), preview=_command == "serve",
                                theme_dirs=[Path(d) for d in config.theme.dirs])
        docs = Path(config.docs_dir)
        root = Path(config.config_file_path).parent
        for script in refused:
            where = csp_source(docs, root, script)
            log.warning(f"{where}: inline <script> that no theme template writes; the Content Security Policy"
                        " does not approve it: remove it (behaviour belongs in overrides/, reviewed by an engineer)")


def csp_source(docs: Path, root: Path, script: postbuild.csp.Refused) -> str:
    """Where a refused script was written: its page's Markdown, or a data file (the banner), else the built page.

    Said as "Doc file 'en/x.md': line N" or "File 'data/banner.yml': line N", which
    the build-warning check of scripts/check reports at that line.
    """
    rel = script.page
    lang = language_of(rel)
    source = docs / lang / (rel[len(language_prefix(lang)): -len(".html")] + ".md")
    first = next((s.strip() for s in script.body.splitlines() if s.strip()), "")
    candidates = [source] if source.is_file() else []
    candidates += sorted((root / "data").glob("*.yml"))
    for path in candidates:
        lines = path.read_text(encoding="utf-8").splitlines()
        hits = [no for no, text in enumerate(lines, start=1) if first and first in text]
        if hits:
            if path == source:
                return f"Doc file '{lang}/{source.relative_to(docs / lang).as_posix()}': line {hits[0]}"
            return f"File '{path.relative_to(root).as_posix()}': line {hits[0]}"
    return f"Built page '{rel}': line {script.line}"
