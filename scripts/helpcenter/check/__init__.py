"""Link check and content integrity for the help center (`scripts/check`).

Rules (one module each under `rules/`) read a model of the project: the
Markdown of both languages and the built HTML, parsed with selectolax. Every
problem is reported at once as `path:line:col: rule: message`, at the Markdown
line when the problem came from a page's content.

Why our own checker rather than linkchecker or mkdocs-htmlproofer-plugin:
both check that URLs respond (external ones over the network) and report
in terms of the built HTML. Here the check must be offline, must judge
whether an address may be linked at all (official domains, lookalikes,
mailto/tel policy), and must point a writer at the Markdown file and line.
Internal links on a static site need no crawler: a link resolves when the
file exists and, for a fragment, when the page has that id, which takes
well under a second for the whole site.
"""
