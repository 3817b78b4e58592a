/*
 * Help-center search: a prebuilt per-language lunr index behind Material's
 * own search UI. Material speaks to a web worker (it sends SETUP and QUERY,
 * renders READY and RESULT); a page opened from disk may not start workers,
 * so this script, loaded before Material's bundle, speaks that protocol on
 * the main thread. Nothing loads before the search box is first focused; the
 * browser never analyzes page text. Ranking mirrors
 * scripts/helpcenter/search/engine.py (the CLI), scores compared rounded to
 * 6 decimal places, ties broken by index order. What loads when, and why:
 * scripts/helpcenter/search/README.md.
 *
 * window.hcSearch serves other page features (the inquiry composer's
 * suggestions): hcSearch.pages(query, limit) -> Promise<pages>.
 */
;(function () {
  "use strict"

  var MSG = { SETUP: 0, READY: 1, QUERY: 2, RESULT: 3 }
  var SNIPPET = 160
  /*
   * What a result list shows (engine.py says why): at most MAX_PAGES pages,
   * on each its sections scoring at least SECTION_SHARE of its best,
   * MAX_SECTIONS entries at most (Material renders every one on each keystroke).
   */
  var MAX_PAGES = 50
  /* Result groups Material renders at once (it renders 4 more each time the list is scrolled to its end). */
  var FIRST_SCREEN = 10
  /* Groups past the last rendered whose store is loaded ahead of Material: two of its scroll steps. */
  var LOOKAHEAD = 8
  var MAX_SECTIONS = 3
  var SECTION_SHARE = 0.2
  /* Share of a page's other entries added to its best: the page about a topic treats it in several sections. */
  var DEPTH = 0.25
  /* A page scoring under this share of the best is not listed: the count says how many pages answer. */
  var MIN_SHARE = 0.2
  /* The least weight a term is looked up with: words standing together score above words apart (engine.py). */
  var TERM_FLOOR = 0.2

  var configElement = document.getElementById("__config")
  var config = configElement ? JSON.parse(configElement.textContent) : {}
  var base = new URL(config.base || ".", location.href)
  var lang = (document.documentElement.lang || "ja").split("-")[0]
  var scriptBase = document.currentScript ? new URL(".", document.currentScript.src) : base

  /* ------------------------------------------------------------------ loading */

  /*
   * A script element (works from file://). The libraries run in the order
   * asked (`inOrder`); index files are data registered under their own
   * names, so each runs as soon as it arrives: a query's postings never wait
   * behind the store files the previous query is still loading.
   */
  function loadScript(url, inOrder) {
    return new Promise(function (resolve, reject) {
      var el = document.createElement("script")
      el.src = url
      el.async = !inOrder
      el.onload = function () { resolve() }
      el.onerror = function () { reject(new Error("could not load " + url)) }
      document.head.appendChild(el)
    })
  }

  function loadLibrary(url) { return loadScript(url, true) }

  var enginePromise = null

  /* Loads lunr, the analyzer, the index loader and this language's index manifest, once. */
  function libraries() {
    return Promise.all([
      window.lunr ? null : loadLibrary(new URL("../vendor/lunr.min.js", scriptBase)),
      window.hcAnalyzer ? null : loadLibrary(new URL("analyzer.js", scriptBase)),
      window.hcIndexLoader ? null : loadLibrary(new URL("index-loader.js", scriptBase))
    ])
  }

  function ready() {
    if (!enginePromise) {
      var t0 = performance.now()
      /* The manifest is data only: it loads alongside the code that reads it. */
      var manifest = loadScript(new URL("search/index." + lang + ".js", base))
      enginePromise = Promise.all([libraries(), manifest]).then(function () {
        return hcIndexLoader.open(base, lang, loadScript)
      }).then(function (data) {
        var engine = new Engine(data)
        window.hcSearchTimings = { load: performance.now() - t0, index: data.loadMs }
        return engine
      })
    }
    return enginePromise
  }

  /* ------------------------------------------------------------------- engine */

  /* `data`: index-loader.js's IndexData (lunr index, store, analyzer data), filled in as queries need. */
  function Engine(data) {
    this.data = data
    this.docs = data.docs
    var spec = data.analyzer
    this.analyzer = new hcAnalyzer.Analyzer(spec.stopwords, spec.synonyms, spec.intent,
      data.terms, spec.words, spec.readings)
    this.analyzed = { query: null, terms: null }
  }

  /* The query's terms, analyzed once for prepare and rank (both run on every keystroke). */
  Engine.prototype.queryTerms = function (query) {
    if (this.analyzed.query !== query) this.analyzed = { query: query, terms: this.analyzer.queryTerms(query) }
    return this.analyzed.terms
  }

  /* Loads what `query` needs: the postings of its terms (rank then runs on them). */
  Engine.prototype.prepare = function (query) {
    return this.data.ensureTerms(this.data.termIds(this.queryTerms(query)))
  }

  /* Loads the store of the entries of these pages (what a result list of them shows). */
  Engine.prototype.prepareShown = function (ranked) {
    var refs = []
    ranked.forEach(function (page) {
      refs.push(page.ref)
      page.hits.forEach(function (h) { refs.push(h.ref) })
    })
    return this.data.ensureDocs(refs)
  }

  function round6(x) { return Math.round(x * 1e6) / 1e6 }

  /*
   * Pages in rank order, at most `limit` (MAX_PAGES without one):
   * [{ref, score, hits: [{ref, score}]}]. lunr.js scores the entries of the
   * pages the list holds (`listing`, listedPages's answer, found here when
   * not given), and only those.
   */
  Engine.prototype.rank = function (query, limit, listing) {
    var terms = this.queryTerms(query)
    if (!terms.length) return []
    var weights = this.analyzer.factors(query)
    limit = limit || MAX_PAGES
    if (listing === undefined) listing = this.listing(query, limit)
    var index = this.data.queryIndex(this.data.termIds(terms), listing && pageFlags(listing, this.data.pageOf))
    var results = index.query(function (q) {
      terms.forEach(function (t) {
        q.term(t.term, {
          usePipeline: false,
          boost: t.boost * termWeight(t, weights),
          wildcard: t.prefix ? lunr.Query.wildcard.TRAILING : lunr.Query.wildcard.NONE
        })
      })
    })
    var pages = new Map()
    var pageOf = this.data.pageOf
    var coverage = new Coverage(terms, weights)
    results.forEach(function (r) {
      var ref = +r.ref
      var pageRef = pageOf[ref]
      var score = round6(r.score * coverage.factor(r.matchData.metadata))
      var page = pages.get(pageRef)
      if (!page) pages.set(pageRef, page = { ref: pageRef, score: 0, hits: [] })
      page.hits.push({ ref: ref, score: score })
    })
    pages.forEach(function (page) { page.score = pageScore(page.hits.map(function (h) { return h.score })) })
    var ranked = listed(Array.from(pages.values()), limit)
    ranked.forEach(function (page) {
      var top = Math.max.apply(null, page.hits.map(function (h) { return h.score }))
      page.hits = page.hits.filter(function (h) { return h.score >= top * SECTION_SHARE })
    })
    this.leadScores(ranked, terms, weights)
    ranked.forEach(function (page) {
      page.hits = page.hits.sort(function (a, b) { return b.lead - a.lead || b.score - a.score || a.ref - b.ref })
        .slice(0, MAX_SECTIONS)
    })
    return ranked
  }

  /* Each hit's `lead`, scored as rank does on its own fields only (engine.py lead_score): a page leads with it. */
  Engine.prototype.leadScores = function (ranked, terms, weights) {
    var data = this.data
    var query = this.vector(terms, weights)
    var slots = this.leadSlots
    if (!slots || slots.length !== data.docs.length) slots = this.leadSlots = new Int32Array(data.docs.length).fill(-1)
    var hits = []
    ranked.forEach(function (page) {
      page.hits.forEach(function (h) { slots[h.ref] = hits.length; hits.push(h) })
    })
    var dots = new Float64Array(hits.length)
    var keys = new Array(hits.length)
    query.ids.forEach(function (id) {
      var p = data.postings[id]
      for (var i = 0; i < p.docs.length; i++) {
        var s = slots[p.docs[i]]
        if (s < 0 || p.own[i] < 0) continue
        dots[s] += query.elements.get(id) * p.own[i]
        ;(keys[s] = keys[s] || {})[data.terms[id]] = 1
      }
    })
    var coverage = new Coverage(terms, weights)
    hits.forEach(function (h, s) {
      slots[h.ref] = -1
      h.lead = keys[s] && query.magnitude ? round6(dots[s] / query.magnitude * coverage.factor(keys[s])) : 0
    })
  }

  /* queryVector, once per query: listedPages and leadScores both use it. */
  Engine.prototype.vector = function (terms, weights) {
    var a = this.analyzed
    if (a.terms !== terms) return queryVector(terms, weights, this.data)
    return a.vector || (a.vector = queryVector(terms, weights, this.data))
  }

  /* lunr.js's query vector: {ids ascending, elements (id -> its clauses' boosts summed), magnitude}. */
  function queryVector(terms, weights, data) {
    var elements = new Map()
    terms.forEach(function (t) {
      var boost = t.boost * termWeight(t, weights)
      data.termIds([t]).forEach(function (id) {
        elements.set(id, elements.has(id) ? elements.get(id) + boost : boost)
      })
    })
    var ids = Array.from(elements.keys()).sort(function (a, b) { return a - b })
    var sumOfSquares = 0
    ids.forEach(function (id) { sumOfSquares += elements.get(id) * elements.get(id) })
    return { ids: ids, elements: elements, magnitude: Math.sqrt(sumOfSquares) }
  }

  /*
   * The pages a result list shows, in order: scoring above 0 and at least
   * MIN_SHARE of the best, `limit` at most. A common query on a large site
   * scores thousands of pages: the best `limit` are kept as they come (in
   * order, by insertion) rather than all of them sorted.
   */
  function listed(pages, limit) {
    var best = 0
    pages.forEach(function (page) { best = Math.max(best, page.score) })
    var top = []
    pages.forEach(function (page) {
      if (!(page.score > 0 && page.score >= best * MIN_SHARE)) return
      if (top.length === limit && !before(page, top[limit - 1])) return
      var at = top.length === limit ? limit - 1 : top.length
      while (at > 0 && before(page, top[at - 1])) { top[at] = top[at - 1]; at-- }
      top[at] = page
    })
    return top
  }

  /* Rank order: higher score first, then index order. */
  function before(a, b) { return a.score > b.score || (a.score === b.score && a.ref < b.ref) }

  /* The listed pages as flags by page ref (what queryIndex keeps). */
  function pageFlags(pages, pageOf) {
    var flags = new Uint8Array(pageOf.length)
    pages.forEach(function (page) { flags[page.ref] = 1 })
    return flags
  }

  /* What the list of `query` holds, in order ([{ref, score}]; null: ask lunr about every page). */
  Engine.prototype.listing = function (query, limit) {
    var terms = this.queryTerms(query)
    if (!terms.length) return []
    return this.listedPages(terms, this.analyzer.factors(query), limit || MAX_PAGES)
  }

  /*
   * The pages rank lists for these terms, found from the postings before
   * lunr.js is asked, so that lunr scores only their entries: on a large
   * site a query's common terms match most entries, and lunr's work per
   * matching entry, not the few pages listed, was most of a keystroke.
   *
   * Entries are scored in lunr.js's operations and order, then as rank does,
   * so these are exactly the pages rank lists (tested against the CLI).
   * Returns them in order ([{ref, score}]), or null (every page) for a query
   * of more tokens than a coverage mask has bits.
   */
  var MASK_BITS = 31

  Engine.prototype.listedPages = function (terms, weights, limit) {
    if (weights.length > MASK_BITS) return null
    var data = this.data
    var query = this.vector(terms, weights)
    var elements = query.elements
    var ids = query.ids
    var magnitude = query.magnitude

    var n = data.docs.length
    var scratch = this.scratch
    if (!scratch || scratch.dots.length !== n)
      scratch = this.scratch = { dots: new Float64Array(n), masks: new Int32Array(n), hit: new Uint8Array(n) }
    var dots = scratch.dots
    var masks = scratch.masks
    var hit = scratch.hit
    ids.forEach(function (id) {
      var q = elements.get(id)
      var covers = coverMask(data.terms[id], terms)
      var postings = data.postings[id]
      for (var i = 0; i < postings.docs.length; i++) {
        var doc = postings.docs[i]
        if (!hit[doc]) { hit[doc] = 1; dots[doc] = 0; masks[doc] = 0 }
        dots[doc] += q * postings.values[i]
        masks[doc] |= covers
      }
    })

    /*
     * A page's entries are consecutive, its own first: one pass in document
     * order sums each page. Only pages that may be listed (at least
     * MIN_SHARE of the best) become objects for `listed`.
     */
    var coverage = new Coverage(terms, weights)
    var pageOf = data.pageOf
    var refs = []
    var totals = []
    var scores = []
    var best = 0
    var mask = -1
    var factor = 0
    for (var doc = 0; doc < n; doc++) {
      if (hit[doc]) {
        hit[doc] = 0
        if (masks[doc] !== mask) factor = coverage.ofMask(mask = masks[doc])
        scores.push(round6((dots[doc] / magnitude || 0) * factor))
      }
      if (scores.length && (doc + 1 === n || pageOf[doc + 1] !== pageOf[doc])) {
        var total = pageScore(scores)
        refs.push(pageOf[doc])
        totals.push(total)
        if (total > best) best = total
        scores.length = 0
      }
    }
    var pages = []
    for (var k = 0; k < refs.length; k++)
      if (totals[k] >= best * MIN_SHARE) pages.push({ ref: refs[k], score: totals[k] })
    return listed(pages, limit)
  }

  /* The query tokens an entry covers by matching this term: those of each query term it stands for. */
  function coverMask(term, terms) {
    var mask = 0
    terms.forEach(function (t) {
      if (standsFor(term, t)) t.covers.forEach(function (c) { mask |= 1 << c })
    })
    return mask
  }

  /* An index term matched stands for query term `t` when it is t, or starts with t if t is a prefix. */
  function standsFor(term, t) {
    return term === t.term || (t.prefix && term.indexOf(t.term) === 0)
  }

  /*
   * What a term weighs in lunr's score: the factors of the query tokens it
   * stands for, at most 1 (a word's bigrams share its weight, an intent word
   * weighs a fifth), at least TERM_FLOOR.
   */
  function termWeight(term, weights) {
    var sum = 0
    term.covers.forEach(function (c) { sum += weights[c] })
    return Math.min(1, Math.max(TERM_FLOOR, sum))
  }

  /* A page's best entry plus DEPTH of its other entries (their scores; sorted here, highest first). */
  function pageScore(scores) {
    for (var k = 1; k < scores.length; k++) {
      var x = scores[k]
      for (var j = k; j > 0 && scores[j - 1] < x; j--) scores[j] = scores[j - 1]
      scores[j] = x
    }
    var rest = 0
    for (var i = 1; i < scores.length; i++) rest += scores[i]
    return round6(scores[0] + DEPTH * rest)
  }

  /*
   * Weight by the weighted share of the query's tokens an entry matched
   * (itself, by a synonym or by a typo), squared: lunr adds up term scores,
   * so an entry that matches one query word very often could outrank one
   * that matches every word. The weights (analyzer factors) make grammar and
   * intent words count less than the topic.
   */
  function Coverage(terms, weights) {
    var total = 0
    weights.forEach(function (w) { total += w })
    this.terms = terms
    this.weights = weights
    this.total = total
    this.covered = new Uint8Array(weights.length) /* reused: see factor */
    this.known = new Map()
  }

  /*
   * rank asks for thousands of entries, which match few distinct sets of
   * terms: the factor is computed once per set (named by its terms, in the
   * order lunr met them).
   */
  Coverage.prototype.factor = function (matched) {
    var name = null
    for (var term in matched) name = name === null ? term : name + "\n" + term
    var known = this.known.get(name)
    if (known === undefined) this.known.set(name, known = this.compute(Object.keys(matched)))
    return known
  }

  /* The factor for the query tokens flagged in `mask` (bit p: token p): listedPages's twin of factor. */
  Coverage.prototype.ofMask = function (mask) {
    var known = this.known.get(mask)
    if (known === undefined) this.known.set(mask, known = this.share(function (p) { return mask & (1 << p) }))
    return known
  }

  Coverage.prototype.compute = function (keys) {
    var covered = this.covered
    covered.fill(0)
    this.terms.forEach(function (t) {
      if (keys.some(function (k) { return standsFor(k, t) })) t.covers.forEach(function (c) { covered[c] = 1 })
    })
    return this.share(function (p) { return covered[p] })
  }

  /* The weighted share of the query's tokens that `covered(p)` says are matched, squared. */
  Coverage.prototype.share = function (covered) {
    var got = 0
    this.weights.forEach(function (w, p) { if (covered(p)) got += w })
    var share = this.total ? got / this.total : 1
    return share * share
  }

  /* --------------------------------------------------------------- rendering */

  function escapeHTML(s) {
    return s.replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c]
    })
  }

  /*
   * Spans of `text` to highlight, found on the analyzer's normalized form so
   * that ﾊﾟｽﾜｰﾄﾞ marks パスワード. `marks` is the analyzer's highlights for
   * the query: whole Japanese words (a katakana word only where it is not
   * part of a longer katakana word: not ット in チャット), and English words
   * that start with a stem of the query, marked to their end.
   */
  var normalized = new Map()

  /* The analyzer's normalization of one character, remembered: highlighting runs it on every character shown. */
  function normalizeChar(ch) {
    if (ch < "\u0080") return ch.toLowerCase()
    var n = normalized.get(ch)
    if (n === undefined) normalized.set(ch, n = hcAnalyzer.normalize(ch))
    return n
  }

  var KATAKANA = /[\u30a1-\u30fc\uff66-\uff9f]/
  var LATIN = /[0-9a-z\u00c0-\u024f]/

  function highlightSpans(text, marks) {
    var norm = ""
    var map = []
    for (var i = 0; i < text.length; i++) {
      var n = normalizeChar(text[i])
      for (var k = 0; k < n.length; k++) { norm += n[k]; map.push(i) }
    }
    map.push(text.length)
    var marked = new Array(norm.length).fill(false)
    function mark(from, to) { for (var m = from; m < to; m++) marked[m] = true }
    marks.words.forEach(function (word) {
      for (var at = norm.indexOf(word); at >= 0; at = norm.indexOf(word, at + 1)) {
        var a = map[at]
        var b = map[at + word.length]
        var inside = KATAKANA.test(text[a]) && ((a > 0 && KATAKANA.test(text[a - 1])) || KATAKANA.test(text[b] || ""))
        if (!inside) mark(at, at + word.length)
      }
    })
    marks.latin.forEach(function (stem) {
      for (var at = norm.indexOf(stem); at >= 0; at = norm.indexOf(stem, at + 1)) {
        if (at > 0 && LATIN.test(norm[at - 1])) continue
        var end = at + stem.length
        while (end < norm.length && LATIN.test(norm[end])) end++
        mark(at, end)
      }
    })
    var spans = []
    for (var p = 0; p < norm.length; p++) {
      if (!marked[p]) continue
      var start = p
      while (p < norm.length && marked[p]) p++
      spans.push([map[start], map[p]])
    }
    return spans
  }

  function highlight(text, marks) {
    var out = ""
    var last = 0
    highlightSpans(text, marks).forEach(function (s) {
      if (s[0] < last) return
      out += escapeHTML(text.slice(last, s[0])) + "<mark>" + escapeHTML(text.slice(s[0], s[1])) + "</mark>"
      last = s[1]
    })
    return out + escapeHTML(text.slice(last))
  }

  /* A window of the text around its first highlighted word. */
  function snippet(text, marks) {
    if (text.length <= SNIPPET) return highlight(text, marks)
    var spans = highlightSpans(text, marks)
    var start = spans.length ? Math.max(0, spans[0][0] - 40) : 0
    var cut = text.slice(start, start + SNIPPET)
    return (start > 0 ? "…" : "") + highlight(cut, marks) + (start + SNIPPET < text.length ? "…" : "")
  }

  /*
   * What Material is handed for `query`, once the postings it needs and the
   * store of the pages listed are loaded.
   */
  Engine.prototype.answer = function (query, late) {
    var self = this
    return this.rankLoaded(query).then(function (ranked) { return self.materialResult(query, ranked, late) })
  }

  /*
   * The first `limit` ranked pages (all without one), once their postings and
   * the store of the first FIRST_SCREEN are loaded. That store is asked for
   * as soon as listedPages knows the pages, so its files arrive while lunr.js
   * scores them; the rest loads as Material renders (materialResult): a list
   * of 50 pages spread over a large site would otherwise load most of its
   * store files on every keystroke.
   */
  Engine.prototype.rankLoaded = function (query, limit) {
    var self = this
    return this.prepare(query).then(function () {
      var listing = self.listing(query, limit)
      if (listing) {
        self.data.ensureDocs(listing.slice(0, FIRST_SCREEN).map(function (page) { return page.ref }))
          .catch(function () { /* prepareShown below waits on the same files and reports a failure */ })
      }
      var ranked = self.rank(query, limit, listing)
      return self.prepareShown(ranked.slice(0, FIRST_SCREEN)).then(function () { return ranked })
    })
  }

  /*
   * Material's SearchResult: {items: SearchItem[][]}, one group per page, page
   * entry first. Material renders the first 10 groups at once and 4 more
   * each time the list is scrolled to its end: an entry's highlighted title
   * and snippet are made when Material reads them, so only for what it
   * renders, and rendering a group loads the store LOOKAHEAD groups past it,
   * once the rendering task is over (its script elements would delay it).
   * A list scrolled faster than its store arrives has Material render entries
   * with nothing in them yet: once their store is in, `late(result)` is told,
   * so that the list is rendered again, whole.
   */
  Engine.prototype.materialResult = function (query, ranked, late) {
    var self = this
    var docs = this.docs
    var marks = this.analyzer.highlights(query)
    ranked = ranked || this.rank(query)
    var asked = FIRST_SCREEN /* groups whose store rankLoaded loaded */
    var wanted = asked
    var early = [] /* entries rendered before their store arrived */
    function rendering(g, ref) {
      if (docs[ref][1] === null && early.push(ref) === 1) setTimeout(renderAgain, 0)
      var until = Math.min(ranked.length, g + 1 + LOOKAHEAD)
      if (until <= wanted) return
      if (wanted === asked) setTimeout(ask, 0)
      wanted = until
    }
    function ask() {
      self.prepareShown(ranked.slice(asked, wanted)).catch(warn)
      asked = wanted
    }
    function renderAgain() {
      var refs = early
      early = []
      self.data.ensureDocs(refs).then(function () { if (late) late(result) }, warn)
    }
    var items = ranked.map(function (page, g) {
      var hits = page.hits
      var seen = function (ref) { rendering(g, ref) }
      /* Enter goes to the group whose page entry scores best; Material folds what scores below the first: both score as the page. */
      var group = hits.map(function (h, i) {
        var score = h.ref === page.ref || i === 0 ? Math.max(h.score, page.score) : h.score
        return item(docs[h.ref], h.ref, score, marks, seen)
      })
      var own = hits.some(function (h) { return h.ref === page.ref })
      if (!own) group.push(item(docs[page.ref], page.ref, page.score, marks, seen))
      return group
    })
    var result = { items: items }
    return result
  }

  /* An entry Material may render (`seen` says it does); past the first screen its store may still be loading. */
  function item(doc, ref, score, marks, seen) {
    var title = null
    var text = null
    return {
      get location() { return doc[0] || "" },
      get title() {
        seen(ref)
        return doc[1] === null ? "" : title === null ? (title = highlight(doc[1], marks)) : title
      },
      get text() { return doc[3] === null ? "" : text === null ? (text = snippet(doc[3], marks)) : text },
      score: score,
      terms: {}
    }
  }

  function warn(err) { console.warn("[search] " + err.message) }

  /* Plain page list for other features: Promise<[{url, title, section}]>. */
  Engine.prototype.pages = function (query, limit) {
    var self = this
    return this.rankLoaded(query, limit || 10).then(function (ranked) { return self.pageList(ranked) })
  }

  Engine.prototype.pageList = function (ranked) {
    var docs = this.docs
    return ranked.map(function (page) {
      var best = page.hits[0]
      return {
        url: new URL(docs[page.ref][0], base).href,
        location: docs[page.ref][0],
        title: docs[page.ref][1],
        section: best.ref !== page.ref ? docs[best.ref][1] : null,
        score: page.score
      }
    })
  }

  /* ------------------------------------------- Material's worker, on the main thread */

  function SearchWorker() {
    var target = document.createDocumentFragment()
    this.addEventListener = target.addEventListener.bind(target)
    this.removeEventListener = target.removeEventListener.bind(target)
    this.dispatchEvent = target.dispatchEvent.bind(target)
    this.onmessage = null
    this.engine = null
    var self = this
    function start() {
      document.removeEventListener("focusin", onFocus, true)
      ready().then(function (engine) {
        self.engine = engine
        self.emit({ type: MSG.READY }, function () { engine.data.loadLengths() })
      }, warn)
    }
    function onFocus(ev) {
      if (ev.target && ev.target.matches && ev.target.matches("[data-md-component=search-query]")) start()
    }
    document.addEventListener("focusin", onFocus, true)
    var query = document.querySelector("[data-md-component=search-query]")
    if (query && document.activeElement === query) start()
  }

  SearchWorker.prototype.emit = function (data, after) {
    var self = this
    /* Asynchronous, as a worker's answer would be, but without a timer's delay. */
    Promise.resolve().then(function () {
      var ev = new MessageEvent("message", { data: data })
      if (typeof self.onmessage === "function") self.onmessage(ev)
      self.dispatchEvent(ev)
      if (after) after()
    })
  }

  /*
   * Material renders results as it receives them, so once the message is
   * dispatched the list is on screen: the result element then carries the
   * query it shows (data-hc-query), for tests and the benchmark.
   */
  SearchWorker.prototype.postMessage = function (message) {
    if (!message || message.type !== MSG.QUERY || !this.engine) return
    var query = message.data
    var self = this
    var ticket = this.latest = (this.latest || 0) + 1
    /* A newer query came while this one's index files loaded: only the newest is shown. */
    function show(data) { if (ticket === self.latest) self.show(query, data) }
    this.engine.answer(query, show).then(show, warn)
  }

  SearchWorker.prototype.show = function (query, data) {
    this.emit({ type: MSG.RESULT, data: data }, function () {
      var result = document.querySelector("[data-md-component=search-result]")
      if (!result) return
      result.setAttribute("data-hc-query", query)
      clearTimeout(otherTimer)
      if (!data.items.length && query.trim().length > 1) showDeadEnd(result, query)
    })
  }

  /* ------------------------------------------------------ when nothing matches */

  var otherEngines = {}
  var OTHER_DELAY = 400 /* ms of no typing before the other language's index is loaded and asked */
  var otherTimer = null

  /* The other language's engine, loaded on first need (the same lunr and analyzer). */
  function otherEngine(other) {
    if (!otherEngines[other]) {
      otherEngines[other] = libraries().then(function () {
        return hcIndexLoader.open(base, other, loadScript)
      }).then(function (data) {
        return new Engine(data)
      })
    }
    return otherEngines[other]
  }

  /*
   * Material says that nothing matched; below it, the page's template
   * (partials/search.html) adds where to ask instead, and, once the user
   * stops typing, the best pages of the other language, each labelled with
   * its language ("英語のページ").
   */
  function showDeadEnd(result, query) {
    var template = document.getElementById("hc-search-empty")
    var list = result.querySelector(".md-search-result__list")
    if (!template || !list) return
    var block = template.content.firstElementChild.cloneNode(true)
    list.appendChild(block)
    var other = block.querySelector(".hc-search-other")
    var otherLang = other.getAttribute("data-hc-other-lang")
    otherTimer = setTimeout(function () { fillOther(result, query, block, other, otherLang) }, OTHER_DELAY)
  }

  function fillOther(result, query, block, other, otherLang) {
    function stale() { return result.getAttribute("data-hc-query") !== query || !block.isConnected }
    /* Served with no network, the other language may not be kept: its index would fail to load. */
    if (stale() || !navigator.onLine && location.protocol !== "file:") return
    otherEngine(otherLang).then(function (engine) {
      return engine.pages(query, 3)
    }).then(function (found) {
      if (stale()) return
      var ul = other.querySelector("ul")
      found.forEach(function (p) {
        var label = document.createElement("span")
        label.className = "hc-search-other__label"
        label.textContent = other.getAttribute("data-hc-other-label")
        var link = document.createElement("a")
        link.href = p.url
        link.hreflang = otherLang
        link.lang = otherLang
        link.textContent = p.title
        var li = document.createElement("li")
        li.append(label, " ", link)
        ul.appendChild(li)
      })
      other.hidden = !found.length
      block.setAttribute("data-hc-other-done", String(found.length))
    }, warn)
  }

  SearchWorker.prototype.terminate = function () {}

  var materialWorker = config.search ? new URL(config.search, location.href).href : null
  var NativeWorker = window.Worker
  window.Worker = function (url, options) {
    if (materialWorker && new URL(url, location.href).href === materialWorker) return new SearchWorker()
    return new NativeWorker(url, options)
  }

  /* ------------------------------------------------------------ page helpers */

  /* Buttons marked data-hc-search-open (the home page's big search box) open search. */
  document.addEventListener("click", function (ev) {
    var opener = ev.target.closest && ev.target.closest("[data-hc-search-open]")
    if (!opener) return
    var input = document.querySelector("[data-md-component=search-query]")
    var toggle = document.getElementById("__search")
    if (toggle) { toggle.checked = true; toggle.dispatchEvent(new Event("change")) }
    if (input) input.focus()
  })

  /*
   * Material reads the query on keyup. Input methods (Japanese IME, phone
   * keyboards, paste, dictation) change the value without a usable keyup, so
   * every input event is passed on as one.
   */
  document.addEventListener("input", function (ev) {
    if (ev.target && ev.target.matches && ev.target.matches("[data-md-component=search-query]"))
      ev.target.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true }))
  }, true)

  window.hcSearch = {
    ready: ready,
    pages: function (query, limit) {
      return ready().then(function (engine) { return engine.pages(query, limit) })
    }
  }
})()
