/*
 * The search analyzer, browser side: query -> weighted query terms.
 *
 * This mirrors scripts/helpcenter/search/analyzer.py, which builds the index
 * with the same steps. Both must give the same tokens for the same input,
 * token for token; data/search/analyzer-vectors.json holds the cases both
 * are tested on. Change one, change the other, and add a vector.
 *
 * Steps: Unicode NFKC and lower case; runs of Japanese characters cut into
 * overlapping bigrams (a one-character run stays whole), then katakana folded
 * to hiragana; runs of Latin letters and digits kept as words, stop words
 * dropped, Porter-stemmed with lunr.js's stemmer (the Python side reproduces
 * it: scripts/helpcenter/search/stemmer.py).
 *
 * Query side only: each query token gets a weight factor (factors): a bigram
 * of hiragana only or across two scripts is mostly grammar (WEAK_WEIGHT); a
 * token inside an intent word such as 対処法 says what the customer wants,
 * not what it is about (INTENT_WEIGHT). An English word of 5+ letters the
 * index does not know also looks up the index's words one typo away.
 *
 * Needs lunr.js loaded first (for lunr.stemmer); defines window.hcAnalyzer.
 */
;(function () {
  "use strict"

  var SYNONYM_BOOST = 0.5
  var TYPO_BOOST = 0.5
  var MIN_TYPO_LENGTH = 5
  var WEAK_WEIGHT = 0.3
  var INTENT_WEIGHT = 0.2
  var CJK = "\u3005\u3006\u3041-\u3096\u309d\u309e\u30a1-\u30fa\u30fc\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
  var TOKEN_RE = new RegExp("([" + CJK + "]+)|([0-9a-z\u00c0-\u024f]+)", "g")
  var LATIN_CHAR = /[0-9a-z\u00c0-\u024f]/

  /* NFKC and lower case; keeps the length of what is folded next. */
  function widthCase(text) {
    return text.normalize("NFKC").toLowerCase()
  }

  /* Katakana (U+30A1..U+30F6) folded to hiragana. */
  function fold(text) {
    return text.replace(/[\u30a1-\u30f6]/g, function (ch) {
      return String.fromCharCode(ch.charCodeAt(0) - 0x60)
    })
  }

  function normalize(text) {
    return fold(widthCase(text))
  }

  /* h (hiragana), k (katakana and ー), or c (kanji and the rest of a Japanese run). */
  function script(ch) {
    if (ch >= "\u3041" && ch <= "\u309e") return "h"
    if (ch >= "\u30a1" && ch <= "\u30fc") return "k"
    return "c"
  }

  /* One substitution, insertion, deletion or swap of neighbours turns a into b. */
  function withinOneEdit(a, b) {
    if (Math.abs(a.length - b.length) > 1 || a === b) return false
    var i = 0
    while (i < Math.min(a.length, b.length) && a[i] === b[i]) i++
    if (a.length === b.length) {
      return a.slice(i + 1) === b.slice(i + 1) ||
        (a.slice(i, i + 2) === b.slice(i, i + 2).split("").reverse().join("") && a.slice(i + 2) === b.slice(i + 2))
    }
    return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1)
  }

  function stem(word) {
    return lunr.stemmer(new lunr.Token(word)).toString()
  }

  /* Tokens of `text` in order, each {text, cjk, runLength, start, end, weak} (offsets in the normalized text). */
  function pieces(text, stopwords) {
    var out = []
    var normalized = widthCase(text)
    var match
    TOKEN_RE.lastIndex = 0
    while ((match = TOKEN_RE.exec(normalized)) !== null) {
      var cjk = match[1]
      var word = match[2]
      var at = match.index
      if (cjk) {
        var folded = fold(cjk)
        if (cjk.length === 1) {
          out.push({ text: folded, cjk: true, runLength: 1, start: at, end: at + 1, weak: false })
        } else {
          for (var i = 0; i < cjk.length - 1; i++) {
            var a = script(cjk[i])
            var b = script(cjk[i + 1])
            out.push({ text: folded.slice(i, i + 2), cjk: true, runLength: cjk.length, start: at + i, end: at + i + 2,
              weak: a !== b || a === "h" })
          }
        }
      } else if (stopwords.has(word) || (word.length === 1 && !/[0-9]/.test(word))) {
        continue
      } else {
        out.push({ text: stem(word), cjk: false, runLength: word.length, start: at, end: at + word.length, weak: false })
      }
    }
    return out
  }

  /* An intent word found inside a Latin word ("fix" in "prefix") does not count. */
  function wholeLatin(text, start, end) {
    function latin(i) { return i >= 0 && i < text.length && LATIN_CHAR.test(text[i]) }
    return !((latin(start) && latin(start - 1)) || (latin(end - 1) && latin(end)))
  }

  /* Positions of `haystack` covered by any occurrence of `needle` in it. */
  function occurrences(haystack, needle) {
    var n = needle.length
    var covered = []
    if (n === 0) return covered
    outer: for (var i = 0; i + n <= haystack.length; i++) {
      for (var j = 0; j < n; j++) if (haystack[i + j] !== needle[j]) continue outer
      for (var k = i; k < i + n; k++) if (covered.indexOf(k) < 0) covered.push(k)
    }
    return covered
  }

  function texts(list) {
    return list.map(function (p) { return p.text })
  }

  /*
   * The analyzer with the stop words, synonym groups and intent words of one
   * language, and the index's vocabulary (its terms) for typos.
   */
  function Analyzer(stopwords, synonyms, intent, vocabulary) {
    this.stopwords = new Set(stopwords)
    this.intent = Array.from(new Set((intent || []).map(normalize))).sort()
    this.vocabulary = new Set(vocabulary || [])
    this.latinVocabulary = Array.from(this.vocabulary).filter(function (w) { return /^[0-9a-z]+$/.test(w) }).sort()
    var self = this
    this.synonymTokens = synonyms.map(function (group) {
      return group.map(function (variant) { return texts(pieces(variant, self.stopwords)) })
    })
  }

  /* Index-side tokens of `text`, repeated as often as they occur. */
  Analyzer.prototype.tokens = function (text) {
    return texts(pieces(text, this.stopwords))
  }

  /*
   * Terms to look up for what the user typed, sorted by term, each
   * {term, boost, prefix, covers}: every token exactly, except the last while
   * it is still being typed (a stemmed Latin word or a lone Japanese
   * character), which is looked up as a prefix and so also found whole;
   * synonyms of any variant found in the query at a lower weight, covering
   * the query tokens of that variant (`covers`: query token positions).
   */
  Analyzer.prototype.queryTerms = function (query) {
    var found = pieces(query, this.stopwords)
    var tokens = texts(found)
    var terms = new Map()
    function add(term, boost, prefix, covers) {
      var key = term + (prefix ? "\u0000*" : "\u0000")
      var old = terms.get(key)
      if (!old) terms.set(key, old = { term: term, boost: boost, prefix: prefix, covers: [] })
      old.boost = Math.max(old.boost, boost)
      covers.forEach(function (c) { if (old.covers.indexOf(c) < 0) old.covers.push(c) })
    }
    var typing = found.length > 0 && !/\s$/.test(query)
    var self = this
    found.forEach(function (piece, position) {
      var stillTyped = typing && position === found.length - 1 && (!piece.cjk || piece.runLength === 1)
      add(piece.text, 1.0, stillTyped, [position])
      self.near(piece, stillTyped).forEach(function (w) { add(w, TYPO_BOOST, false, [position]) })
    })
    this.synonymTokens.forEach(function (group) {
      var covered = []
      group.forEach(function (variant) {
        occurrences(tokens, variant).forEach(function (c) { if (covered.indexOf(c) < 0) covered.push(c) })
      })
      if (covered.length) group.forEach(function (variant) {
        variant.forEach(function (t) { add(t, SYNONYM_BOOST, false, covered) })
      })
    })
    return Array.from(terms.values()).map(function (t) {
      t.covers.sort(function (a, b) { return a - b })
      return t
    }).sort(function (a, b) {
      if (a.term !== b.term) return a.term < b.term ? -1 : 1
      return (a.prefix ? 1 : 0) - (b.prefix ? 1 : 0)
    })
  }

  /* Index words one typo away from an English word of 5+ letters that the index does not know. */
  Analyzer.prototype.near = function (piece, prefix) {
    if (piece.cjk || piece.runLength < MIN_TYPO_LENGTH || !this.vocabulary.size) return []
    var known = prefix
      ? this.latinVocabulary.some(function (w) { return w.indexOf(piece.text) === 0 })
      : this.vocabulary.has(piece.text)
    return known ? [] : this.latinVocabulary.filter(function (w) { return withinOneEdit(piece.text, w) })
  }

  /* Weight factor of each query token: weak bigrams and intent words count less. */
  Analyzer.prototype.factors = function (query) {
    var text = normalize(query)
    var spans = []
    this.intent.forEach(function (w) {
      for (var at = text.indexOf(w); at >= 0; at = text.indexOf(w, at + w.length))
        if (wholeLatin(text, at, at + w.length)) spans.push([at, at + w.length])
    })
    return pieces(query, this.stopwords).map(function (piece) {
      var factor = piece.weak ? WEAK_WEIGHT : 1.0
      if (spans.some(function (s) { return s[0] <= piece.start && piece.end <= s[1] })) factor *= INTENT_WEIGHT
      return factor
    })
  }

  window.hcAnalyzer = { normalize: normalize, Analyzer: Analyzer, SYNONYM_BOOST: SYNONYM_BOOST,
    withinOneEdit: withinOneEdit }
})()
