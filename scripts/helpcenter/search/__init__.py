"""Japanese-aware search: one analyzer (mirrored in JavaScript), a prebuilt lunr index, a CLI."""
