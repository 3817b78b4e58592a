/*
 * The secret guard's recovery-phrase detector (secret-guard.js): twelve or
 * more words of a BIP-39 list in a row, English (bip39-english.js) or
 * Japanese (bip39-japanese.js, written in either kana), the lists the
 * wallets used in Japan show.
 *
 * A word counts when it is in a list, when it is the first four letters of
 * an English word (which name it alone: how phrases are stamped on steel),
 * or with one letter wrong (at most one word in six). Between words anything
 * that is not a letter (spaces, commas, numbering, arrows, emoji, invisible
 * characters, line breaks, a field boundary), a few kanji (「前半」「1番目」)
 * and a few filler words ("No.", "and", 「は」「です」) leave the run whole;
 * any other word ends it.
 *
 * window.hcGuardPhrase: {setWords(en, ja), loaded(), runs(text) -> [{start, end}], glued(w) -> words}.
 */
;(function () {
  "use strict"

  var N = window.hcGuardNormalise
  var en = null
  var ja = null
  var prefixes = null
  var deletions = null /* a word with one letter taken out -> true: finds words one edit away */

  function deletes(w) {
    var out = []
    for (var i = 0; i < w.length; i++) out.push(w.slice(0, i) + w.slice(i + 1))
    return out
  }

  function setWords(enList, jaList) {
    en = enList && enList.length === 2048 ? new Set(enList) : null
    ja = jaList && jaList.length === 2048 ? new Set(jaList.map(function (w) { return N.toHiragana(N.normalise(w)) })) : null
    prefixes = new Map()
    deletions = new Set()
    ;[en, ja].forEach(function (set) {
      if (!set) return
      set.forEach(function (w) {
        if (w.length >= 4) deletes(w).forEach(function (d) { deletions.add(d) })
      })
    })
    if (en) en.forEach(function (w) { if (w.length > 4) prefixes.set(w.slice(0, 4), w) })
  }

  function inList(w) { return (en && en.has(w)) || (ja && ja.has(w)) }

  /* exact | prefix | fuzzy | null */
  function classify(w) {
    if (inList(w)) return "exact"
    if (/^[a-z]{4}$/.test(w) && prefixes.has(w)) return "prefix"
    if (w.length < 4) return null
    if (deletions.has(w)) return "fuzzy" /* a letter missing, or a letter changed (shares a deletion) */
    var ds = deletes(w)
    for (var i = 0; i < ds.length; i++) {
      if (inList(ds[i]) || deletions.has(ds[i])) return "fuzzy"
    }
    return null
  }

  /*
   * How many list words a token is, glued together (あたためるえんそくけとばす…, the way Japanese is written
   * without spaces; orbitsaladtimber…): 0 unless the whole token splits into two or more.
   */
  function glued(w) {
    if (w.length < 6) return 0
    var count = [0]
    for (var i = 1; i <= w.length; i++) {
      count[i] = -1
      for (var j = Math.max(0, i - 8); j <= i - 2; j++) {
        if (count[j] >= 0 && count[j] + 1 > count[i] && inList(w.slice(j, i))) count[i] = count[j] + 1
      }
    }
    return count[w.length] >= 2 ? count[w.length] : 0
  }

  var FILLER = /^(?:no|nos|number|word|words|and|then|next|rest|first|second|half|part|row|line|は|です|と|の|が|で|そして|つぎ|つぎは|のこり|のこりは|さいご|さいごは|ばんめ|ばん|つめ|こめ)$/
  var TOKEN = /[a-z]+|[\u3041-\u309fー]+/g
  /* Between words: no letter, except a few kanji (前半, 1番目, 単語) and the separators. */
  function gapOk(gap) {
    var kanji = gap.match(/[\p{Script=Han}]/gu)
    if (kanji && kanji.length > 6) return false
    return !/[^\p{Script=Han}\P{L}]/u.test(gap)
  }

  function runs(text) {
    if (!en && !ja) return []
    var lower = N.toHiragana(text.toLowerCase())
    var found = []
    var run = null
    var lastEnd = -1
    var fillers = 0
    function close() {
      if (run && run.count >= 12 && run.fuzzy * 6 <= run.count) found.push({ start: run.start, end: run.end })
      run = null
      fillers = 0
    }
    TOKEN.lastIndex = 0
    for (var m; (m = TOKEN.exec(lower));) {
      if (lastEnd >= 0 && !gapOk(lower.slice(lastEnd, m.index))) close()
      lastEnd = m.index + m[0].length
      var kind = classify(m[0])
      var words = kind ? 1 : glued(m[0])
      if (words) kind = kind || "exact"
      if (!kind) {
        /* A filler word, or the kana ending of a kanji word (残りは, 最後の) */
        var okurigana = m[0].length <= 2 && /\p{Script=Han}/u.test(lower.charAt(m.index - 1))
        if (run && (FILLER.test(m[0]) || okurigana) && fillers < 3) { fillers++; continue }
        close()
        continue
      }
      fillers = 0
      if (!run) run = { start: m.index, end: lastEnd, count: 0, fuzzy: 0 }
      run.count += words
      if (kind === "fuzzy") run.fuzzy++
      run.end = lastEnd
    }
    close()
    return found
  }

  window.hcGuardPhrase = {
    setWords: setWords,
    loaded: function () { return !!en },
    runs: runs,
    glued: glued
  }
})()
