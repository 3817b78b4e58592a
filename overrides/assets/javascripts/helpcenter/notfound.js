/*
 * A 404 page that finds the page (overrides/404.html): the missing address
 * and the search that led here, if any, are matched against the help pages
 * of the address's language, and the best are listed.
 *
 * Two ways to match, because an address is English words even on Japanese
 * pages: the address against every page's address (edit distance, for a
 * typo: troubles/acount.html), and its words plus the referring search
 * through the site's search (window.hcSearch, search.js).
 *
 * The missing address is the page's own (a server shows 404.html at it), or
 * `?from=` when this is the 404.html file itself (opened from disk, or sent
 * on from the other language's 404 page: a host that knows one 404 page
 * shows the Japanese one for /en/ too). Nothing of the address is ever put
 * in the page as HTML: the list holds only the site's own titles, as text.
 */
;(function () {
  "use strict"

  var box = document.querySelector("[data-hc-404]")
  if (!box || !window.hcSearch) return
  var config = JSON.parse((document.getElementById("__config") || {}).textContent || "{}")
  var base = new URL(config.base || ".", location.href)
  var lang = (document.documentElement.lang || "ja").split("-")[0]
  var prefixes = { ja: "", en: "en/" } /* helpcenter.paths.language_prefix */
  var MAX = 5
  var PATH_SHARE = 0.6 /* an address at least this alike is listed before the search's pages */

  function missingPath() {
    var params = new URLSearchParams(location.search)
    var path = location.pathname
    if (/(^|\/)404\.html$/.test(path)) path = params.get("from") || ""
    else if (path.indexOf(base.pathname) === 0) path = path.slice(base.pathname.length)
    try { path = decodeURIComponent(path) } catch (e) { /* keep it as it is */ }
    return path.replace(/^\/+/, "").slice(0, 300)
  }

  function referringSearch() {
    var found = []
    ;[location.search, (document.referrer.split("?")[1] || "")].forEach(function (query) {
      var params = new URLSearchParams(query)
      ;["q", "query", "search"].forEach(function (k) { if (params.get(k)) found.push(params.get(k)) })
    })
    return found.join(" ").slice(0, 200)
  }

  function words(path) {
    return path.replace(/\.html?$/i, "").replace(/^en\//, "").split(/[\/\-_.\s+]+/)
      .filter(function (w) { return w && w !== "index" }).join(" ")
  }

  function distance(a, b) {
    var row = []
    for (var j = 0; j <= b.length; j++) row.push(j)
    for (var i = 1; i <= a.length; i++) {
      var prev = row[0]
      row[0] = i
      for (var k = 1; k <= b.length; k++) {
        var keep = row[k]
        row[k] = Math.min(row[k] + 1, row[k - 1] + 1, prev + (a[i - 1] === b[k - 1] ? 0 : 1))
        prev = keep
      }
    }
    return row[b.length]
  }

  function bare(p) { return p.toLowerCase().replace(/\.html?$/, "").replace(/\/index$/, "/") }

  /* Numbers of the pages (in `addresses`, page order) whose address is alike the missing one, most alike first. */
  function byAddress(addresses, path) {
    var target = bare(path)
    return addresses.map(function (address, page) {
      var candidate = bare(address)
      return { page: page, share: 1 - distance(target, candidate) / Math.max(target.length, candidate.length, 1) }
    }).filter(function (p) { return p.share >= PATH_SHARE }).sort(function (a, b) { return b.share - a.share })
      .map(function (p) { return p.page })
  }

  function show(pages) {
    var list = box.querySelector("ol")
    pages.forEach(function (p) {
      var link = document.createElement("a")
      link.href = p.url
      link.textContent = p.title
      var li = document.createElement("li")
      li.appendChild(link)
      list.appendChild(li)
    })
    box.hidden = !pages.length
    box.setAttribute("data-hc-404-done", String(pages.length))
  }

  var path = missingPath()
  var wanted = !path ? lang : path.indexOf(prefixes.en) === 0 ? "en" : "ja"
  if (wanted !== lang) {
    /* The other language's own 404 page searches that language. */
    var other = new URL(prefixes[wanted] + "404.html", base)
    other.searchParams.set("from", path)
    var q = referringSearch()
    if (q) other.searchParams.set("q", q)
    location.replace(other.href)
    return
  }
  var query = (words(path) + " " + referringSearch()).trim()
  if (!path && !query) return show([]) /* the 404 page itself, asked for by name: nothing to look for */
  window.hcSearch.ready().then(function (engine) {
    /* Every page's address from one small file; titles (the store) only for the pages listed. */
    var pageRefs = []
    engine.docs.forEach(function (d, ref) { if (d[2] < 0) pageRefs.push(ref) })
    return Promise.all([
      engine.data.pageAddresses(),
      query ? engine.pages(query, MAX) : []
    ]).then(function (found) {
      var alike = byAddress(found[0], path).slice(0, MAX).map(function (page) { return pageRefs[page] })
      return engine.data.ensureDocs(alike).then(function () {
        var seen = {}
        show(alike.map(function (ref) {
          return { url: new URL(engine.docs[ref][0], base).href, title: engine.docs[ref][1] }
        }).concat(found[1]).filter(function (p) {
          var key = p.url.split("#")[0]
          if (seen[key]) return false
          seen[key] = true
          return true
        }).slice(0, MAX))
      })
    })
  }).catch(function (err) {
    console.warn("[404] " + err.message)
    show([])
  })
})()
