/*
 * Help-center search index loader: the compact index files into what lunr.js
 * answers with.
 *
 * The files are written at build time by scripts/helpcenter/search/compact.py
 * (its docstring describes them) and arrive as plain scripts, which works over
 * http and from file:// alike; each registers its content under
 * window.__hcSearchIndex[name]. On first focus only the manifest loads (terms,
 * idf, constants, page structure). A query then loads the postings of its
 * terms, and the field lengths once; the results shown load their titles and
 * snippets. So first focus costs the same whatever the size of the site.
 *
 * lunr.js answers: the index is made with lunr.Index.load from the manifest's
 * terms (every term, so lunr's token set expands prefixes as before). A
 * query's postings are kept per term as typed arrays: which documents hold
 * the term, and the document's field-vector element for it, recomputed
 * exactly as lunr's Builder computed it (BM25 from tf, field length, average
 * length, k1, b, idf, field and page boosts, rounded to 3 decimals as
 * Python's round() does). Each query is then answered by lunr.js on a lunr
 * index of its own terms and of the documents search.js asks about
 * (`queryIndex`): lunr's query reads only the elements of the terms it asks
 * for, so it scores those documents as the whole index would (tested against
 * the CLI on every query list).
 *
 * That index has one field, MERGED_FIELD, whose element for a term is the
 * sum of the fields' elements, added in the manifest's field order: it
 * scores every entry as the fields did, with a third less of lunr's
 * per-posting work (scripts/helpcenter/search/merge_fields.py says why; the
 * CLI queries the same merged index).
 *
 * Exposes window.hcIndexLoader.open(baseURL, lang, loadScript) -> Promise<IndexData>.
 */
;(function () {
  "use strict"

  var FIRST_CHAR = 0x23 /* '#': varint digits are '#'..'~' without the backslash */
  var BACKSLASH = 0x5c
  var BASE = 45 /* digits below BASE say more digits follow; BASE and above end a number */
  var GLOBAL = "__hcSearchIndex"
  var MERGED_FIELD = "all" /* merge_fields.FIELD */
  var PAGE_FIELDS = ["page", "keywords"] /* engine.py PAGE_FIELDS */
  /* What lunr keeps per posting: nothing (no positions), one object shared by every posting. */
  var NO_METADATA = Object.freeze({})

  /* search.js's script loader (a <script> element: works from file://), given to open(). */
  var loadScript = null

  /* The registered content of one index file, loaded once (search.js may have loaded the manifest already). */
  var loading = {}
  function file(base, name) {
    if (!loading[name]) {
      var registered = window[GLOBAL] && window[GLOBAL][name]
      loading[name] = (registered ? Promise.resolve() : loadScript(new URL("search/" + name, base))).then(function () {
        var content = window[GLOBAL][name]
        delete window[GLOBAL][name]
        return content
      })
    }
    return loading[name]
  }

  /* The numbers of a varint string (compact.varint). */
  function readVarints(text) {
    var out = []
    var value = 0
    var scale = 1
    for (var i = 0; i < text.length; i++) {
      var code = text.charCodeAt(i)
      var d = code - FIRST_CHAR - (code > BACKSLASH ? 1 : 0)
      if (d < BASE) { value += d * scale; scale *= BASE }
      else { out.push(value + (d - BASE) * scale); value = 0; scale = 1 }
    }
    return out
  }

  /*
   * Python's round(x, 3), which lunr.py used: the 3-decimal number nearest to
   * x's exact value. toFixed computes the same except on an exact tie, which
   * it breaks upward and Python to even; a double is exactly halfway between
   * two thousandths only when it is an odd multiple of 1/16. Unless x * 1000
   * is within a millionth of a tie (k + 0.5), Math.round on it (off by far
   * less) finds the same thousandth without formatting a string.
   */
  function round3(x) {
    var thousandths = x * 1000
    var fraction = thousandths - Math.floor(thousandths)
    if (Math.abs(fraction - 0.5) > 1e-6) return Math.round(thousandths) / 1000
    var sixteenths = x * 16
    if (Number.isInteger(sixteenths) && sixteenths % 2 !== 0) {
      var k = Math.floor(x * 1000)
      return (k % 2 === 0 ? k : k + 1) / 1000
    }
    return +x.toFixed(3)
  }

  /* The first i in [lo, hi) with !(list[i] <= x), for numbers and strings. */
  function upperBound(list, x, lo, hi) {
    while (lo < hi) {
      var mid = (lo + hi) >>> 1
      if (list[mid] <= x) lo = mid + 1
      else hi = mid
    }
    return lo
  }

  function IndexData(base, manifest) {
    var self = this
    this.base = base
    this.lang = manifest.lang
    this.analyzer = manifest.analyzer
    this.fields = manifest.fields
    this.fieldBoosts = manifest.fieldBoosts
    this.averageLengths = manifest.averageLengths
    this.k1 = manifest.k1
    this.b = manifest.b
    this.docBoosts = manifest.docBoosts
    this.idf = manifest.idf
    this.terms = manifest.terms ? manifest.terms.split("\n") : []
    /* Each term's postings file (compact.py: terms that neighbour in the pages share one), and each file's terms. */
    this.postingFileOf = readVarints(manifest.postingFileOf)
    this.postingTerms = []
    for (var k = 0; k < manifest.postingFiles; k++) this.postingTerms.push([])
    this.postingFileOf.forEach(function (k, id) { self.postingTerms[k].push(id) })
    /* The store file of each page (compact.store_order: pages titled alike share files). */
    this.storeFileOf = readVarints(manifest.storeFileOf)
    /* Store files asked for, by number: each is read into docs once, however many queries wait on it. */
    this.storeLoads = []
    /* The store: [location, title, parent, snippet]; parent now, the rest when shown. */
    this.docs = []
    /* Pages by number (store files name them so): each page's own entry. */
    this.pageStart = []
    manifest.pages.forEach(function (size) {
      var start = self.docs.length
      self.pageStart.push(start)
      for (var i = 0; i < size; i++) self.docs.push([null, null, i ? start : -1, null])
    })
    this.lengths = null /* field by field, by wire number */
    this.refOf = null
    /* Each document's page: its own entry (what search.js ranks by) and its number. */
    this.pageOf = new Int32Array(this.docs.length)
    this.pageNumberOf = new Int32Array(this.docs.length)
    this.pageStart.forEach(function (start, number) {
      for (var ref = start; ref < start + manifest.pages[number]; ref++) {
        self.pageOf[ref] = start
        self.pageNumberOf[ref] = number
      }
    })
    this.raw = new Array(this.terms.length) /* per term, its postings strings (one per field) once loaded */
    this.ready = new Uint8Array(this.terms.length) /* 1 once a term's postings are decoded */
    this.postings = new Array(this.terms.length) /* per term once ready: {docs: Int32Array, values: Float64Array} */
    this.sums = new Float64Array(this.docs.length).fill(-1) /* addTerm's sums per document; -1: none yet */
    this.ownSums = new Float64Array(this.docs.length).fill(-1)
    this.pageField = this.fields.map(function (f) { return PAGE_FIELDS.indexOf(f) >= 0 })
    this.titleField = this.fields.indexOf("title")
    var t0 = performance.now()
    this.index = lunr.Index.load({
      version: lunr.version,
      fields: [MERGED_FIELD],
      fieldVectors: [],
      invertedIndex: this.terms.map(function (term, id) {
        var posting = { _index: id }
        posting[MERGED_FIELD] = {}
        return [term, posting]
      }),
      pipeline: []
    })
    this.loadMs = performance.now() - t0 /* the benchmark reports it */
  }

  /* Ids of the terms lunr will look up for these query terms ({term, prefix}). */
  IndexData.prototype.termIds = function (queryTerms) {
    var terms = this.terms
    var ids = []
    queryTerms.forEach(function (t) {
      var at = upperBound(terms, t.term, 0, terms.length) - 1
      if (!t.prefix) {
        if (at >= 0 && terms[at] === t.term) ids.push(at)
        return
      }
      for (var i = at >= 0 && terms[at] === t.term ? at : at + 1; i < terms.length && terms[i].indexOf(t.term) === 0; i++)
        ids.push(i)
    })
    return ids
  }

  /*
   * The field lengths every query needs (asked for once search is ready), and
   * refOf: the document each wire number names. Postings and lengths number
   * documents by kind, then by ref (compact.document_order): a counting sort.
   */
  IndexData.prototype.loadLengths = function () {
    var self = this
    return file(this.base, "index." + this.lang + ".lengths.js").then(function (content) {
      if (self.lengths) return
      var kinds = readVarints(content.kinds)
      var next = []
      kinds.forEach(function (k) { next[k] = (next[k] || 0) + 1 })
      for (var k = 0, at = 0; k < next.length; k++) { var n = next[k] || 0; next[k] = at; at += n }
      self.refOf = new Int32Array(kinds.length)
      kinds.forEach(function (k, ref) { self.refOf[next[k]++] = ref })
      self.lengths = readVarints(content.lengths)
    })
  }

  /* Loads the postings (and the field lengths) these terms need, then puts them in the lunr index. */
  IndexData.prototype.ensureTerms = function (ids) {
    var self = this
    var missing = ids.filter(function (id) { return !self.ready[id] })
    if (!missing.length) return Promise.resolve()
    var shards = new Set(missing.filter(function (id) { return !self.raw[id] }).map(function (id) {
      return self.postingFileOf[id]
    }))
    var waits = Array.from(shards).map(function (k) { return self.loadPostings(k) })
    if (!this.lengths) waits.push(this.loadLengths())
    return Promise.all(waits).then(function () { missing.forEach(function (id) { self.addTerm(id) }) })
  }

  IndexData.prototype.loadPostings = function (k) {
    var self = this
    return file(this.base, "index." + this.lang + ".p" + k + ".js").then(function (strings) {
      var ids = self.postingTerms[k]
      var n = self.fields.length
      for (var i = 0; i < ids.length; i++)
        if (!self.raw[ids[i]] && !self.ready[ids[i]]) self.raw[ids[i]] = strings.slice(i * n, (i + 1) * n)
    })
  }

  /*
   * One term's postings, decoded: the documents that hold it and their merged
   * field-vector elements for it, per document the sum of its fields'
   * elements (compact.score), added in field order as merge_fields.py adds
   * them; `own`: the same over its own fields (engine.py own_vectors), -1: none.
   */
  IndexData.prototype.addTerm = function (id) {
    if (this.ready[id]) return
    var sums = this.sums
    var ownSums = this.ownSums
    var pageOf = this.pageOf
    var held = []
    var nf = this.fields.length
    var k1 = this.k1
    var b = this.b
    for (var fi = 0; fi < nf; fi++) {
      var numbers = readVarints(this.raw[id][fi])
      var number = -1
      for (var p = 0; p < numbers.length; p++) {
        number += numbers[p] >> 1
        var doc = this.refOf[number]
        var tf = numbers[p] & 1 ? numbers[++p] + 2 : 1
        var length = this.lengths[fi * this.docs.length + number]
        var score = this.idf[id] * ((k1 + 1) * tf) / (k1 * (1 - b + b * (length / this.averageLengths[fi])) + tf)
        score *= this.fieldBoosts[fi]
        score *= this.docBoosts[doc] || 1
        if (sums[doc] < 0) { held.push(doc); sums[doc] = 0 }
        var element = round3(score)
        sums[doc] += element
        if (!this.pageField[fi] && !(fi === this.titleField && pageOf[doc] === doc))
          ownSums[doc] = Math.max(ownSums[doc], 0) + element
      }
    }
    var docs = new Int32Array(held.length)
    var values = new Float64Array(held.length)
    var own = new Float64Array(held.length)
    for (var h = 0; h < held.length; h++) {
      docs[h] = held[h]
      values[h] = sums[held[h]]
      own[h] = ownSums[held[h]]
      sums[held[h]] = -1
      ownSums[held[h]] = -1
    }
    this.postings[id] = { docs: docs, values: values, own: own }
    this.raw[id] = null
    this.ready[id] = 1
  }

  /*
   * A lunr index for one query: the postings of terms `ids` (loaded), only of
   * the documents whose page `keepPage` flags (by page ref; null: every
   * document), each with a field vector of these terms' elements. It shares
   * the whole index's token set, so a query's terms expand as they would
   * there; a term it does not hold reads the whole index's empty posting.
   * lunr.js scores a document the same on it as on an index of every term:
   * its query only multiplies the elements of the terms it asks for.
   */
  IndexData.prototype.queryIndex = function (ids, keepPage) {
    var pageOf = this.pageOf
    var inverted = Object.create(this.index.invertedIndex)
    var elements = new Map()
    ids = Array.from(new Set(ids)).sort(function (x, y) { return x - y })
    for (var t = 0; t < ids.length; t++) {
      var id = ids[t]
      var postings = this.postings[id]
      var posting = { _index: id }
      var matching = posting[MERGED_FIELD] = {}
      for (var i = 0; i < postings.docs.length; i++) {
        var doc = postings.docs[i]
        if (keepPage && !keepPage[pageOf[doc]]) continue
        matching[doc] = NO_METADATA
        var vector = elements.get(doc)
        if (!vector) elements.set(doc, vector = [])
        vector.push(id, postings.values[i]) /* ids ascend: lunr's vectors are sorted by term */
      }
      inverted[this.terms[id]] = posting
    }
    var fieldVectors = Object.create(null)
    elements.forEach(function (vector, doc) { fieldVectors[MERGED_FIELD + "/" + doc] = new lunr.Vector(vector) })
    return new lunr.Index({ invertedIndex: inverted, fieldVectors: fieldVectors, tokenSet: this.index.tokenSet,
      fields: this.index.fields, pipeline: this.index.pipeline })
  }

  /* Every page's address, in page order (the 404 page's list; the store has them too, in many more bytes). */
  IndexData.prototype.pageAddresses = function () {
    return file(this.base, "index." + this.lang + ".pages.js")
  }

  /* Loads the titles, locations and snippets of these entries. */
  IndexData.prototype.ensureDocs = function (refs) {
    var self = this
    var shards = new Set()
    refs.forEach(function (ref) {
      if (self.docs[ref][0] === null) shards.add(self.storeFileOf[self.pageNumberOf[ref]])
    })
    return Promise.all(Array.from(shards).map(function (k) {
      if (!self.storeLoads[k]) {
        /* [[page number, [[location, title, snippet], ...]], ...]; a section's location is its anchor */
        self.storeLoads[k] = file(self.base, "index." + self.lang + ".s" + k + ".js").then(function (pages) {
          pages.forEach(function (page) {
            var first = self.pageStart[page[0]]
            page[1].forEach(function (row, i) {
              var doc = self.docs[first + i]
              doc[0] = i ? page[1][0][0] + "#" + row[0] : row[0]
              doc[1] = row[1]
              doc[3] = row[2]
            })
          })
        })
      }
      return self.storeLoads[k]
    }))
  }

  window.hcIndexLoader = {
    open: function (base, lang, scriptLoader) {
      loadScript = scriptLoader
      return file(base, "index." + lang + ".js").then(function (manifest) {
        return new IndexData(base, manifest)
      })
    },
    round3: round3
  }
})()
