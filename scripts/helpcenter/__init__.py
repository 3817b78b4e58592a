"""Code behind the help center's commands, one folder per concern.

- `build/`: `scripts/build`, and what the build does to pages, data and files
  while the generator renders them (banner, official links, front matter, navigation);
- `postbuild/`: steps over the whole built site (search indexes, related pages,
  CSP, SEO, offline download and service worker);
- `search/`: analysis, index and ranking shared by the CLI and the browser;
- `check/`: `scripts/check`, the content checks and their rules;
- `writing/`: the writers' tools (`scripts/new-page`, `lint-prose`, `translation-status`);
- `bench/`: `scripts/bench`.

Everything here works on Markdown sources or on the built HTML, so that it
outlives the site generator; `mkdocs_hooks.py` is the only file that knows
about MkDocs, and `paths.py` says where things live.
"""
