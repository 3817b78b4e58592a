"""What dominates a build: a pyinstrument session reduced to named phases and hot functions.

The raw call tree of a MkDocs build is deep (click, plugins, Jinja macros
calling themselves); the lead needs a few numbers: how much is Material
rendering its navigation, how much is our post-build work, and inside our
search index build which function costs what. Phases are matched by frame
(file and function) and counted once per stack, so recursion and nesting do
not count twice.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class Phase:
    name: str
    file: str  # a substring of the frame's file path
    function: str | None = None  # the frame's function, or any function in that file


# Order matters only for display; nesting is shown by indentation in the name.
PHASES = (
    Phase("Markdown to HTML (MkDocs _populate_page)", "mkdocs/commands/build.py", "_populate_page"),
    Phase("page templates (MkDocs _build_page)", "mkdocs/commands/build.py", "_build_page"),
    Phase("  Material navigation (partials/nav.html)", "partials/nav.html"),
    Phase("Material search plugin (search_index.json)", "material/plugins/search"),
    Phase("git-revision-date plugin", "mkdocs_git_revision_date_localized_plugin"),
    Phase("our post-build steps (helpcenter.postbuild.run)", "helpcenter/postbuild/__init__.py", "run"),
    Phase("  search index (build_index.write_indexes)", "helpcenter/search/build_index.py", "write_indexes"),
    Phase("    HTML to sections (extract.iter_pages)", "helpcenter/search/extract.py", "iter_pages"),
    Phase("    analyzer tokens (analyzer.Analyzer.tokens)", "helpcenter/search/analyzer.py", "tokens"),
    Phase("    Japanese words, Sudachi (japanese.analyze)", "helpcenter/search/japanese.py", "analyze"),
    Phase("    lunr.py Builder.add", "lunr/builder.py", "add"),
    Phase("      lunr.py Tokenizer (a Token and a deepcopy per token)", "lunr/tokenizer.py", "Tokenizer"),
    Phase("    lunr.py Builder.build", "lunr/builder.py", "build"),
    Phase("    lunr.py Index.serialize", "lunr/index.py", "serialize"),
    Phase("    compact encoding (compact.encode)", "helpcenter/search/compact.py", "encode"),
    Phase("    JSON and file writing (compact.write)", "helpcenter/search/compact.py", "write"),
    Phase("  CSP (csp.apply)", "helpcenter/postbuild/csp.py", "apply"),
    Phase("  SEO alternates (seo)", "helpcenter/postbuild/seo.py"),
    Phase("  FAQ JSON-LD (faq_schema)", "helpcenter/postbuild/faq_schema.py"),
)


def _path(frame: Any) -> str:
    return (frame.file_path or "").replace("\\", "/")


def _phase_keys(frame: Any) -> list[str]:
    path = _path(frame)
    return [p.name for p in PHASES if p.file in path and (p.function is None or frame.function == p.function)]


def _our_keys(frame: Any) -> list[str]:
    path = _path(frame)
    if "scripts/helpcenter/" in path and "helpcenter/bench/" not in path and not frame.is_synthetic:
        return [f"{frame.function} ({frame.file_path_short})"]
    return []


def _outermost(root: Any, keys: Callable[[Any], list[str]]) -> dict[str, float]:
    """Time per key, counting a frame only when no ancestor has the same key (one pass)."""
    totals: dict[str, float] = defaultdict(float)
    stack: list[tuple[Any, frozenset[str]]] = [(root, frozenset())]
    while stack:
        frame, active = stack.pop()
        mine = [k for k in keys(frame) if k not in active]
        for key in mine:
            totals[key] += frame.time
        inner = active | frozenset(mine)
        stack.extend((child, inner) for child in frame.children)
    return totals


def _frames(root: Any) -> Iterator[Any]:
    stack = [root]
    while stack:
        frame = stack.pop()
        yield frame
        stack.extend(frame.children)


def _where(frame: Any) -> str:
    return f"{frame.function} ({frame.file_path_short}:{frame.line_no})"


def summarize(session_file: Path, text_out: Path | None = None, top: int = 12) -> dict[str, Any]:
    """Phases, hottest functions by own time, and our own functions by total time, of a saved session."""
    from pyinstrument.renderers import ConsoleRenderer
    from pyinstrument.session import Session

    session = Session.load(session_file)
    if text_out is not None:
        text_out.parent.mkdir(parents=True, exist_ok=True)
        text_out.write_text(ConsoleRenderer(unicode=True, color=False, show_all=False).render(session),
                            encoding="utf-8")
    root = session.root_frame()
    if root is None:
        return {"seconds": 0.0, "phases": [], "self_time": [], "ours": []}
    own: dict[str, float] = defaultdict(float)
    for frame in _frames(root):
        if frame.is_synthetic_leaf or frame.function == "[self]":
            continue
        self_time = frame.total_self_time
        if self_time:
            own[_where(frame)] += self_time
    phases = _outermost(root, _phase_keys)
    ours = _outermost(root, _our_keys)
    total = root.time
    return {
        "seconds": round(total, 2),
        "phases": [{"phase": p.name, "seconds": round(s, 2), "share": round(s / total, 3) if total else None}
                   for p in PHASES if (s := phases.get(p.name, 0.0)) > 0],
        "self_time": [{"function": k, "seconds": round(s, 2)}
                      for k, s in sorted(own.items(), key=lambda kv: -kv[1])[:top]],
        "ours": [{"function": k, "seconds": round(s, 2)}
                 for k, s in sorted(ours.items(), key=lambda kv: -kv[1])[:top]],
    }
