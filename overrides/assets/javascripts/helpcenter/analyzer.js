/*
 * The search analyzer, browser side: query -> weighted query terms.
 *
 * This mirrors scripts/helpcenter/search/analyzer.py, which builds the index
 * with the same steps. Both must give the same tokens for the same input,
 * token for token; data/search/analyzer-vectors.json holds the cases both
 * are tested on. Change one, change the other, and add a vector.
 *
 * Steps: Unicode NFKC and lower case; katakana folded to hiragana; runs of
 * Japanese characters cut into overlapping bigrams (a one-character run stays
 * whole); runs of Latin letters and digits kept as words, stop words dropped,
 * Porter-stemmed with lunr.js's stemmer (the Python side reproduces it:
 * scripts/helpcenter/search/stemmer.py).
 *
 * Needs lunr.js loaded first (for lunr.stemmer); defines window.hcAnalyzer.
 */
;(function () {
  "use strict"

  var SYNONYM_BOOST = 0.5
  var CJK = "\u3005\u3006\u3041-\u3096\u309d\u309e\u30fc\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
  var TOKEN_RE = new RegExp("([" + CJK + "]+)|([0-9a-z\u00c0-\u024f]+)", "g")

  /* NFKC, lower case, katakana (U+30A1..U+30F6) folded to hiragana. */
  function normalize(text) {
    return text.normalize("NFKC").toLowerCase().replace(/[\u30a1-\u30f6]/g, function (ch) {
      return String.fromCharCode(ch.charCodeAt(0) - 0x60)
    })
  }

  function stem(word) {
    return lunr.stemmer(new lunr.Token(word)).toString()
  }

  /* Tokens of `text` in order, each {text, cjk, runLength}. */
  function pieces(text, stopwords) {
    var out = []
    var normalized = normalize(text)
    var match
    TOKEN_RE.lastIndex = 0
    while ((match = TOKEN_RE.exec(normalized)) !== null) {
      var cjk = match[1]
      var word = match[2]
      if (cjk) {
        if (cjk.length === 1) {
          out.push({ text: cjk, cjk: true, runLength: 1 })
        } else {
          for (var i = 0; i < cjk.length - 1; i++)
            out.push({ text: cjk.slice(i, i + 2), cjk: true, runLength: cjk.length })
        }
      } else if (stopwords.has(word) || (word.length === 1 && !/[0-9]/.test(word))) {
        continue
      } else {
        out.push({ text: stem(word), cjk: false, runLength: word.length })
      }
    }
    return out
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

  /* The analyzer with the stop words and synonym groups of one language. */
  function Analyzer(stopwords, synonyms) {
    this.stopwords = new Set(stopwords)
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
    found.forEach(function (piece, position) {
      var stillTyped = typing && position === found.length - 1 && (!piece.cjk || piece.runLength === 1)
      add(piece.text, 1.0, stillTyped, [position])
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

  /* How many query tokens the terms stand for. */
  Analyzer.querySize = function (terms) {
    var all = new Set()
    terms.forEach(function (t) { t.covers.forEach(function (c) { all.add(c) }) })
    return all.size
  }

  window.hcAnalyzer = { normalize: normalize, Analyzer: Analyzer, SYNONYM_BOOST: SYNONYM_BOOST }
})()
