"""The site's build: `scripts/build` (`__main__`), and what the build does while the generator renders.

Each module works on Markdown, data files or the list of files, and is called
from a thin hook in `mkdocs_hooks.py`: the incident banner, the official
addresses and their placeholders, front matter made plain text, the files a
writer may publish, navigation at scale, the composer guard's tables.
"""
