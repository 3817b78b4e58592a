"""The package's layout stays readable: folders by concern, few modules at the root, no import circle."""

from __future__ import annotations

import ast
from pathlib import Path

from conftest import ROOT

SCRIPTS = ROOT / "scripts"
PACKAGE = SCRIPTS / "helpcenter"


def _module(path: Path) -> str:
    name = ".".join(path.relative_to(SCRIPTS).with_suffix("").parts)
    return name.removesuffix(".__init__")


def _imports() -> dict[str, set[str]]:
    """Each module's imports of other modules of the package (any depth in the file, lazy ones too)."""
    modules = {_module(p): p for p in PACKAGE.rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        found: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] == "helpcenter":
                for alias in node.names:
                    full = f"{node.module}.{alias.name}"
                    found.add(full if full in modules else node.module)
            elif isinstance(node, ast.Import):
                found |= {a.name for a in node.names if a.name in modules}
        graph[name] = {m for m in found if m in modules and m != name}
    return graph


def test_no_module_imports_one_that_imports_it_back():
    graph = _imports()
    state: dict[str, int] = {}
    circles: list[list[str]] = []

    def visit(name: str, path: list[str]) -> None:
        state[name] = 1
        for dep in sorted(graph[name]):
            if state.get(dep) == 1 and not name.startswith(dep + "."):  # a package's own submodules are not a circle
                circles.append(path[path.index(dep):] + [name, dep] if dep in path else [name, dep])
            elif dep not in state:
                visit(dep, path + [name])
        state[name] = 2

    for name in sorted(graph):
        if name not in state:
            visit(name, [])
    assert circles == []


def test_the_package_root_holds_a_handful_of_modules_and_folders_by_concern():
    root_modules = sorted(p.name for p in PACKAGE.glob("*.py"))
    assert len(root_modules) <= 6, root_modules
    assert "mkdocs_hooks.py" in root_modules
    folders = {p.name for p in PACKAGE.iterdir() if (p / "__init__.py").exists()}
    assert {"build", "postbuild", "search", "check", "writing", "bench"} <= folders


def test_only_the_hooks_know_mkdocs():
    """Everything else works on Markdown or built HTML, so that it outlives the generator."""
    knows = sorted(_module(p) for p in PACKAGE.rglob("*.py")
                   if any(isinstance(n, (ast.Import, ast.ImportFrom)) and
                          any(a.name.split(".")[0] == "mkdocs" for a in n.names) or
                          isinstance(n, ast.ImportFrom) and (n.module or "").split(".")[0] == "mkdocs"
                          for n in ast.walk(ast.parse(p.read_text(encoding="utf-8")))))
    assert knows == ["helpcenter.mkdocs_hooks"], knows
