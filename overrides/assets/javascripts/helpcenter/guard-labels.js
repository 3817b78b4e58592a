/*
 * The secret guard's labels (secret-guard.js): the words of
 * data/composer/guard-labels.yml (guard-lexicon.js, written by the build),
 * compiled to patterns that read them in normalised text (guard-normalise.js)
 * whatever the kana script, the case or a separator inside ("pass word"),
 * Latin words as whole words, and a label of six or more letters also with
 * one letter wrong, missing, extra or swapped (passwrod, パスワド).
 *
 * window.hcGuardLabels:
 *   pattern(kind, flags) -> a RegExp for the words of one kind (alternation, longest first);
 *   source(kind) -> its source, to build larger patterns;
 *   find(text) -> [{kind, start, end}] for password, otp, api-secret,
 *     private-key, phrase and not-secret labels, a longer label winning over a
 *     shorter one inside it (ワンタイムパスワード is otp, not password);
 *   fuzzy(text, kinds) -> [{kind, start, end, fuzzy: true}]: labels of those
 *     kinds with one letter wrong (a word that is itself a label never counts).
 */
;(function () {
  "use strict"

  var N = window.hcGuardNormalise
  var LEX = window.hcGuardLexicon || {}
  var KINDS = ["password", "password-weak", "otp", "api-secret", "private-key", "phrase", "not-secret", "key-context", "hedges"]

  function escape(ch) { return /[\\^$.*+?()[\]{}|\/-]/.test(ch) ? "\\" + ch : ch }

  function wordSource(word) {
    var w = N.normalise(word).toLowerCase()
    var out = ""
    /* A Japanese label of four or more letters may be written spaced out: パ ス ワ ー ド. */
    var gap = Array.from(w).length >= 4 && !/[\sa-z0-9]/.test(w) ? "[\\s・･]?" : ""
    for (var ch of w) {
      if (out) out += gap
      var k = N.kanaClass(ch)
      if (k) out += "[" + k + "]"
      else if (ch === "ー") out += "[ー\\-]?"
      else if (/[\s_-]/.test(ch)) out += "[\\s_\\-]*"
      else out += escape(ch)
    }
    if (/[a-z0-9]$/.test(w)) out += "(?:s)?(?![a-z0-9])"
    return out
  }

  /* Words that start with a Latin letter share one look-behind (whole words only): much faster to scan. */
  var sources = {}
  KINDS.forEach(function (kind) {
    var words = (LEX[kind] || []).slice().sort(function (a, b) { return b.length - a.length })
    var latin = words.filter(function (w) { return /^[a-z0-9]/.test(N.normalise(w).toLowerCase()) }).map(wordSource)
    var other = words.filter(function (w) { return !/^[a-z0-9]/.test(N.normalise(w).toLowerCase()) }).map(wordSource)
    var alts = other.concat(latin.length ? ["(?<![a-z0-9])(?:" + latin.join("|") + ")"] : [])
    sources[kind] = alts.length ? alts.join("|") : "(?!)"
  })

  function pattern(kind, flags) { return new RegExp(sources[kind], flags === undefined ? "gi" : flags) }

  /* ------------------------------------------------ one letter wrong */

  function within1(a, b) {
    if (a === b) return true
    var la = a.length
    var lb = b.length
    if (Math.abs(la - lb) > 1) return false
    var i = 0
    while (i < la && i < lb && a[i] === b[i]) i++
    if (la === lb) {
      if (a.slice(i + 1) === b.slice(i + 1)) return true
      return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2)
    }
    return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1)
  }

  /* Labels long enough to be recognised misspelt: Latin of 6+ letters, kana of 5+. */
  var FUZZY = []
  var EXACT = new Set() /* every label as written: never read as another one misspelt */
  KINDS.forEach(function (kind) {
    ;(LEX[kind] || []).forEach(function (word) {
      var w = N.toHiragana(N.normalise(word).toLowerCase())
      EXACT.add(w)
      if (kind === "not-secret" || kind === "hedges" || kind === "key-context" || kind === "password-weak") return
      if (/^[a-z]{6,}$/.test(w) || /^[\u3041-\u309fー]{5,}$/.test(w)) FUZZY.push({ kind: kind, word: w })
    })
  })

  /* Labels of `kinds` written with one letter wrong: [{kind, start, end, fuzzy: true}]. */
  function fuzzyHits(text, kinds) {
    var hits = []
    var wanted = FUZZY.filter(function (f) { return kinds.indexOf(f.kind) >= 0 })
    /* Runs of one script each: a label is not read across ログイン|すると. */
    var re = /[a-z]{5,}|[\u30a1-\u30faー]{4,}|[\u3041-\u309fー]{4,}/gi
    for (var m; (m = re.exec(text));) {
      var run = N.toHiragana(m[0].toLowerCase())
      if (EXACT.has(run)) continue
      var latinRun = /^[a-z]/.test(run)
      wanted.forEach(function (f) {
        var latin = /^[a-z]/.test(f.word)
        if (latin !== latinRun) return
        var n = f.word.length
        if (latin && Math.abs(run.length - n) > 1) return
        if (run.length < n - 1) return
        for (var start = 0; start <= run.length - (n - 1); start++) {
          if (latin && start > 0) break /* a Latin word is matched whole */
          for (var len = n - 1; len <= n + 1; len++) {
            if (start + len > run.length) break
            if (latin && start + len !== run.length) continue
            var s = m.index + start
            if (EXACT.has(run.substr(start, len))) continue
            if (within1(run.substr(start, len), f.word)) { hits.push({ kind: f.kind, start: s, end: s + len, fuzzy: true }); return }
          }
        }
      })
    }
    return hits
  }

  var FIND = ["password", "password-weak", "otp", "api-secret", "private-key", "phrase", "not-secret"]
  var compiled = FIND.map(function (kind) { return { kind: kind, re: pattern(kind) } })

  function find(text) {
    var all = []
    compiled.forEach(function (c) {
      c.re.lastIndex = 0
      for (var m; (m = c.re.exec(text));) {
        if (!m[0]) { c.re.lastIndex++; continue }
        all.push({ kind: c.kind, start: m.index, end: m.index + m[0].length })
      }
    })
    /* Longest first; a label inside a longer one of another kind is dropped, equal spans all stay. */
    all.sort(function (a, b) { return (b.end - b.start) - (a.end - a.start) || a.start - b.start })
    var kept = []
    all.forEach(function (h) {
      var inside = kept.some(function (k) {
        return h.start >= k.start && h.end <= k.end && (k.end - k.start > h.end - h.start)
      })
      if (!inside) kept.push(h)
    })
    return kept.sort(function (a, b) { return a.start - b.start })
  }

  window.hcGuardLabels = { pattern: pattern, source: function (kind) { return sources[kind] }, find: find, fuzzy: fuzzyHits }
})()
