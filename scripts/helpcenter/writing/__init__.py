"""The writers' tools: `scripts/new-page`, `scripts/lint-prose`, `scripts/translation-status`.

`translation` is the freshness model (also read by the build's outdated notice
and by `scripts/check`); `translation_diff` and `translation_status` build on it.
"""
