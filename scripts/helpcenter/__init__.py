"""Code behind the help center's commands: build, search, checks, benchmark.

Everything here works on Markdown sources or on the built HTML, so that it
outlives the site generator; `mkdocs_hooks.py` is the only file that knows
about MkDocs.
"""
