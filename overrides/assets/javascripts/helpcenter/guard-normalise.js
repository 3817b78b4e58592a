/*
 * The secret guard's first step (secret-guard.js): text as a customer may
 * write it, folded to the one form the detectors read, as the search
 * analyzer folds a query before it looks words up.
 *
 * - NFKC: full-width ｐａｓｓ１２３ and half-width ﾊﾟｽﾜｰﾄﾞ are pass123, パスワード;
 * - invisible and format characters (U+200B, U+2062, U+2063, variation
 *   selectors…) are dropped, or become a space where they separate the words
 *   of a phrase (`spaced`);
 * - letters of other scripts that look like ASCII ones (Cyrillic "р", Greek
 *   "ο") become those, by Unicode's confusables table (guard-confusables.js);
 * - digits of any script (٤٨٢, ४८२) become ASCII, and so do runs of three or
 *   more kanji digits (四八二九一三); a lone 二 (二段階認証) stays;
 * - a dash or 一 between kana is the long vowel mark (パスワ一ド).
 * Kana scripts are not folded in the text: labels are matched with either
 * (kanaClass), and the Japanese word list with katakana read as hiragana (toHiragana).
 *
 * window.hcGuardNormalise: {normalise(raw, spaced), toHiragana(s), kanaClass(ch), latinize(s)}.
 */
;(function () {
  "use strict"

  var INVISIBLE = /[\p{Cf}\u034f\u115f\u1160\u3164\uffa0\ufe00-\ufe0f]|\udb40[\udd00-\uddef]/gu
  var KANJI_DIGITS = { "〇": "0", "零": "0", "一": "1", "二": "2", "三": "3", "四": "4", "五": "5", "六": "6", "七": "7", "八": "8", "九": "9" }
  var KANJI_RUN = /[〇零一二三四五六七八九]{3,}/g
  var DASH_IN_KANA = /([\u3041-\u309f\u30a1-\u30ff])[-\u2010-\u2015\u2212\u4e00\uff70\uff0d](?=[\u3041-\u309f\u30a1-\u30ff]|$|[^\p{L}])/gu

  var fold = new Map()
  var pairs = Array.from(window.hcGuardConfusables || "")
  for (var i = 0; i + 1 < pairs.length; i += 2) fold.set(pairs[i], pairs[i + 1])

  /* A digit of any script: its value is its distance from the first digit of its run of ten. */
  function asciiDigit(ch) {
    var cp = ch.codePointAt(0)
    var zero = cp
    while (zero > cp - 9 && /\p{Nd}/u.test(String.fromCodePoint(zero - 1))) zero--
    return String(cp - zero)
  }

  function latinize(s) {
    var out = ""
    for (var ch of s) {
      if (ch.charCodeAt(0) < 128) { out += ch; continue }
      if (/\p{Nd}/u.test(ch)) { out += asciiDigit(ch); continue } /* before the confusables: ٣ is 3, not r */
      out += fold.get(ch) || ch
    }
    return out
  }

  function normalise(raw, spaced) {
    var text = String(raw || "").normalize("NFKC").replace(INVISIBLE, spaced ? " " : "")
    text = latinize(text)
    text = text.replace(KANJI_RUN, function (run) { return run.replace(/./g, function (c) { return KANJI_DIGITS[c] }) })
    return text.replace(DASH_IN_KANA, "$1ー")
  }

  function toHiragana(s) {
    return s.replace(/[\u30a1-\u30f6]/g, function (c) { return String.fromCharCode(c.charCodeAt(0) - 0x60) })
  }

  /* The characters a kana may be written as: あ or ア. */
  function kanaClass(ch) {
    var c = ch.charCodeAt(0)
    if (c >= 0x3041 && c <= 0x3096) return ch + String.fromCharCode(c + 0x60)
    if (c >= 0x30a1 && c <= 0x30f6) return String.fromCharCode(c - 0x60) + ch
    return null
  }

  window.hcGuardNormalise = { normalise: normalise, toHiragana: toHiragana, kanaClass: kanaClass, latinize: latinize }
})()
