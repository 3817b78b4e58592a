/*
 * The search analyzer, browser side: query -> weighted query terms.
 *
 * This mirrors scripts/helpcenter/search/analyzer.py (with text.py and
 * segment.py), which builds the index with the same first steps. Both must
 * give the same output for the same input, token for token;
 * data/search/analyzer-vectors.json holds the cases both are tested on.
 * Change one, change the other, and add a vector.
 *
 * Steps:
 * 1. normalize and tokenize: Unicode NFKC and lower case; runs of Japanese
 *    characters cut into overlapping bigrams (a one-character run stays
 *    whole), then katakana folded to hiragana; runs of Latin letters and
 *    digits kept as words, stop words dropped, Porter-stemmed with lunr.js's
 *    stemmer (the Python side reproduces it: stemmer.py);
 * 2. segment the query into words with no dictionary: longest match against
 *    the words Sudachi found in the pages at build time (they come with the
 *    index), kana also against their readings (しゅっきん -> 出金); what no
 *    word covers is cut where the script changes;
 * 3. expand: synonyms the pages use, English words one typo away, the word
 *    of a reading, each word's word term (its standard form);
 * 4. weigh (factors): each word of the query counts once, shared by its
 *    bigrams; kana no word covers count WEAK_WEIGHT; a bigram across two
 *    words counts nothing; an intent word (対処法, "fix") INTENT_WEIGHT.
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
  var MAX_WORD = 16
  var MIN_KANA_WORD = 3
  var WORD_MARK = "_"
  var CJK = "\u3005\u3006\u3041-\u3096\u309d\u309e\u30a1-\u30fa\u30fc\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
  var TOKEN_RE = new RegExp("([" + CJK + "]+)|([0-9a-z\u00c0-\u024f]+)", "g")
  var KANA_ONLY = /^[\u3041-\u309f\u30fc]+$/
  var LATIN_CHAR = /[0-9a-z\u00c0-\u024f]/

  /* ------------------------------------------------ 1. normalize and tokenize */

  /* NFKC and lower case; folding next keeps the length. */
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

  function stem(word) {
    return lunr.stemmer(new lunr.Token(word)).toString()
  }

  /* Tokens of `text` in order, each {text, cjk, runLength, start, end} (offsets in the normalized text). */
  function pieces(text, stopwords) {
    var out = []
    var written = widthCase(text)
    var match
    TOKEN_RE.lastIndex = 0
    while ((match = TOKEN_RE.exec(written)) !== null) {
      var cjk = match[1]
      var word = match[2]
      var at = match.index
      if (cjk) {
        var folded = fold(cjk)
        if (cjk.length === 1) out.push({ text: folded, cjk: true, runLength: 1, start: at, end: at + 1 })
        for (var i = 0; i < cjk.length - 1; i++)
          out.push({ text: folded.slice(i, i + 2), cjk: true, runLength: cjk.length, start: at + i, end: at + i + 2 })
      } else if (!stopwords.has(word) && (word.length > 1 || /[0-9]/.test(word))) {
        out.push({ text: stem(word), cjk: false, runLength: word.length, start: at, end: at + word.length })
      }
    }
    return out
  }

  function texts(list) {
    return list.map(function (p) { return p.text })
  }

  /* ------------------------------------------------------------- 2. segment */

  /* `script` of a rest: h (hiragana), k (katakana) or c (kanji and the rest). */
  function Segment(start, end, kind, word, script) {
    this.start = start
    this.end = end
    this.kind = kind /* "word", "reading", "rest" (Japanese no word covers) or "latin" */
    this.word = word
    /* Hiragana no word covers: particles and okurigana, mostly. */
    this.weak = kind === "rest" && script === "h"
    this.loneKanji = kind === "rest" && script === "c" && word.length === 1
  }

  /* [kind, index word, length] of the longest word or reading at run[i:], or null. */
  function longest(run, i, words, readings) {
    for (var end = Math.min(run.length, i + MAX_WORD); end > i + 1; end--) {
      var piece = run.slice(i, end)
      var kana = KANA_ONLY.test(piece)
      if (words.has(piece) && (!kana || piece.length >= MIN_KANA_WORD)) return ["word", piece, end - i]
      if (kana && piece.length >= MIN_KANA_WORD && readings.has(piece)) return ["reading", readings.get(piece), end - i]
    }
    return null
  }

  /* Japanese no word covers, cut where the script changes (katakana, hiragana, other). */
  function rest(written, text, start, end, out) {
    var begin = start
    for (var i = start + 1; i <= end; i++) {
      if (i === end || script(written[i]) !== script(written[i - 1])) {
        out.push(new Segment(begin, i, "rest", text.slice(begin, i), script(written[begin])))
        begin = i
      }
    }
  }

  /* The query's words, in order. */
  function segments(query, words, readings) {
    var out = []
    var written = widthCase(query)
    var text = fold(written)
    var match
    TOKEN_RE.lastIndex = 0
    while ((match = TOKEN_RE.exec(written)) !== null) {
      var start = match.index
      if (match[2]) {
        out.push(new Segment(start, start + match[0].length, "latin", match[2]))
        continue
      }
      var run = text.slice(start, start + match[0].length)
      var i = 0
      var restStart = -1
      while (i < run.length) {
        var found = longest(run, i, words, readings)
        if (!found) {
          if (restStart < 0) restStart = i
          i++
          continue
        }
        if (restStart >= 0) {
          rest(written, text, start + restStart, start + i, out)
          restStart = -1
        }
        out.push(new Segment(start + i, start + i + found[2], found[0], found[1]))
        i += found[2]
      }
      if (restStart >= 0) rest(written, text, start + restStart, start + run.length, out)
    }
    return out
  }

  /*
   * The segment each token belongs to, -1 for none: a bigram within one
   * segment belongs to it; one across two belongs to a lone kanji no word
   * covers that it touches (偽 in 偽サイト is searched as 偽さ).
   */
  function owners(found, segs) {
    var at = new Map()
    segs.forEach(function (segment, number) {
      for (var offset = segment.start; offset < segment.end; offset++) at.set(offset, number)
    })
    return found.map(function (piece) {
      var first = at.has(piece.start) ? at.get(piece.start) : -1
      var last = at.has(piece.end - 1) ? at.get(piece.end - 1) : -1
      if (first === last || (first >= 0 && segs[first].loneKanji)) return first
      if (last >= 0 && segs[last].loneKanji) return last
      return -1
    })
  }

  /* ----------------------------------------------------- 3. expand, 4. weigh */

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

  /* An intent word found inside a Latin word ("fix" in "prefix") does not count. */
  function wholeLatin(text, start, end) {
    function latin(i) { return i >= 0 && i < text.length && LATIN_CHAR.test(text[i]) }
    return !((latin(start) && latin(start - 1)) || (latin(end - 1) && latin(end)))
  }

  /*
   * One language's analyzer: its stop words, synonym groups and intent
   * words, and what the index holds: its terms (vocabulary, for typos and
   * synonyms), its Japanese words and their readings {reading: word}.
   */
  function Analyzer(stopwords, synonyms, intent, vocabulary, words, readings) {
    var self = this
    this.stopwords = new Set(stopwords)
    this.synonyms = synonyms
    this.intent = Array.from(new Set((intent || []).map(normalize))).sort()
    this.vocabulary = new Set(vocabulary || [])
    this.words = new Set(words || [])
    this.readings = new Map(Object.entries(readings || {}))
    this.latinVocabulary = Array.from(this.vocabulary).filter(function (w) { return /^[0-9a-z]+$/.test(w) }).sort()
    this.synonymTokens = synonyms.map(function (group) {
      return group.map(function (variant) { return texts(pieces(variant, self.stopwords)) })
    })
    this.knownVariants = synonyms.map(function (group) {
      return group.map(function (variant) { return self.known(variant) })
    })
  }

  /* Index-side tokens of `text`, repeated as often as they occur. */
  Analyzer.prototype.tokens = function (text) {
    return texts(pieces(text, this.stopwords))
  }

  Analyzer.prototype.segments = function (query) {
    return segments(query, this.words, this.readings)
  }

  /* Whether the pages use a synonym variant (a variant no page uses adds only fragments of other words). */
  Analyzer.prototype.known = function (variant) {
    var self = this
    var found = pieces(variant, this.stopwords)
    if (found.some(function (p) { return p.cjk })) return !this.words.size || this.words.has(normalize(variant))
    return !this.vocabulary.size || found.every(function (p) { return self.vocabulary.has(p.text) })
  }

  /*
   * Terms to look up for what the user typed, sorted by term, each
   * {term, boost, prefix, covers}: every token exactly, except the last while
   * it is still being typed (a stemmed Latin word or a lone Japanese
   * character), which is looked up as a prefix and so also found whole.
   * Added, covering the same query tokens (`covers`: positions): an English
   * word's typo neighbours, the other variants of a synonym group found in
   * the query (those the pages use), and for each word of the query its word
   * term and, for a reading, the bigrams of its word.
   */
  Analyzer.prototype.queryTerms = function (query) {
    var self = this
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
      self.near(piece, stillTyped).forEach(function (w) { add(w, TYPO_BOOST, false, [position]) })
    })
    this.synonymTokens.forEach(function (group, number) {
      var covered = []
      group.forEach(function (variant) {
        occurrences(tokens, variant).forEach(function (c) { if (covered.indexOf(c) < 0) covered.push(c) })
      })
      if (covered.length) group.forEach(function (variant, v) {
        if (self.knownVariants[number][v]) variant.forEach(function (t) { add(t, SYNONYM_BOOST, false, covered) })
      })
    })
    var segs = this.segments(query)
    var owner = owners(found, segs)
    segs.forEach(function (segment, number) {
      var covers = []
      owner.forEach(function (o, p) { if (o === number) covers.push(p) })
      if (segment.kind === "reading")
        pieces(segment.word, self.stopwords).forEach(function (t) { add(t.text, 1.0, false, covers) })
      if (segment.kind === "word" || segment.kind === "reading") add(WORD_MARK + segment.word, 1.0, false, covers)
    })
    return Array.from(terms.values()).map(function (t) {
      t.covers.sort(function (a, b) { return a - b })
      return t
    }).sort(function (a, b) {
      if (a.term !== b.term) return a.term < b.term ? -1 : 1
      return (a.prefix ? 1 : 0) - (b.prefix ? 1 : 0)
    })
  }

  /* Index words one typo away from an English word of 5+ letters the index does not know. */
  Analyzer.prototype.near = function (piece, prefix) {
    if (piece.cjk || piece.runLength < MIN_TYPO_LENGTH || !this.vocabulary.size) return []
    var known = prefix
      ? this.latinVocabulary.some(function (w) { return w.indexOf(piece.text) === 0 })
      : this.vocabulary.has(piece.text)
    return known ? [] : this.latinVocabulary.filter(function (w) { return withinOneEdit(piece.text, w) })
  }

  /* Weight factor of each query token (step 4 above). */
  Analyzer.prototype.factors = function (query) {
    var text = normalize(query)
    var spans = []
    this.intent.forEach(function (w) {
      for (var at = text.indexOf(w); at >= 0; at = text.indexOf(w, at + w.length))
        if (wholeLatin(text, at, at + w.length)) spans.push([at, at + w.length])
    })
    var segs = this.segments(query)
    var owner = owners(pieces(query, this.stopwords), segs)
    var counts = new Map()
    owner.forEach(function (o) { counts.set(o, (counts.get(o) || 0) + 1) })
    return owner.map(function (number) {
      if (number < 0) return 0
      var segment = segs[number]
      var factor = (segment.weak ? WEAK_WEIGHT : 1.0) / counts.get(number)
      if (spans.some(function (s) { return s[0] <= segment.start && segment.end <= s[1] })) factor *= INTENT_WEIGHT
      return factor
    })
  }

  /*
   * What to highlight in results for a query (browser only: presentation,
   * not ranking, so the Python side has no twin): {words, latin}. `words`
   * are whole Japanese words of the query (an index word, the word of a
   * reading, a rest of two or more characters) and the Japanese variants of
   * its synonyms the pages use; `latin` are stems of its English words, their
   * typo neighbours and synonyms. No bigram and no single character: a
   * fragment would light up inside unrelated words (ット in チャット).
   */
  Analyzer.prototype.highlights = function (query) {
    var self = this
    var words = new Set()
    var latin = new Set()
    function addVariant(variant) {
      var found = pieces(variant, self.stopwords)
      if (found.some(function (p) { return p.cjk })) {
        var n = normalize(variant).replace(/\s+/g, "")
        if (n.length > 1) words.add(n)
      } else found.forEach(function (p) { if (p.text.length > 1) latin.add(p.text) })
    }
    this.segments(query).forEach(function (s) {
      if (s.kind === "word" || s.kind === "reading" || (s.kind === "rest" && !s.weak)) {
        if (s.word.length > 1) words.add(s.word)
      }
    })
    var found = pieces(query, this.stopwords)
    found.forEach(function (piece, position) {
      if (!piece.cjk && piece.text.length > 1) latin.add(piece.text)
      self.near(piece, false).forEach(function (w) { latin.add(w) })
    })
    var tokens = texts(found)
    this.synonymTokens.forEach(function (group, number) {
      if (!group.some(function (variant) { return occurrences(tokens, variant).length })) return
      self.synonyms[number].forEach(function (variant, v) { if (self.knownVariants[number][v]) addVariant(variant) })
    })
    return { words: Array.from(words), latin: Array.from(latin) }
  }

  window.hcAnalyzer = { normalize: normalize, Analyzer: Analyzer, withinOneEdit: withinOneEdit }
})()
