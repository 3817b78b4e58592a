/*
 * The help center's service worker: the site in the browser's cache, so that
 * a phone opens, navigates and searches it with no network.
 *
 * Written here rather than with Workbox: what it must do is small but not
 * what Workbox's precaching does. The cache is split by language (the page's
 * language is kept at once, the other only when the reader asks), and a page
 * must never mix two builds: Workbox updates a precache file by file, and
 * would need its build tool in this Python build and a 20 kB runtime for a
 * hundred lines of logic.
 *
 * helpcenter/postbuild/offline_site.py writes sw.js at the site root: one line,
 * `self.HC_OFFLINE = {version, languages, parts}`, then this file. `parts`
 * lists the files of each cache part: "shared" (assets) and one per language
 * (its pages, its search index, its manifest). A new build has a new version
 * and so a new sw.js, which the browser installs on the next visit with a
 * network.
 *
 * How a page stays on one build:
 * - Every built page names its build (<meta name="hc-build">). The worker
 *   remembers, per page (client id), which build it is, in memory and in the
 *   cache "hc-meta", so that a newer worker knows it too. A page the worker
 *   did not serve (the first visit, before any worker) says its build itself
 *   (offline.js: {type: "pin"} to its controller, and the answer to
 *   {type: "build?"}, which the worker asks before it serves a file to a page
 *   it knows nothing of, or deletes a build's caches).
 * - A file for a page whose build's caches are gone, when the network serves
 *   another build, is never taken from the network: the page is told to
 *   reload ({type: "reload"}) and shows the new build whole.
 * - A navigation goes to the network first: a visit with a network shows the
 *   newest build, whole. Its subresources then come from that build's cache
 *   if complete (any worker's: caches are shared), else from the network.
 * - With no network, the page comes from this worker's own build's cache,
 *   and its subresources from that same cache.
 * - Caches are filled per part with one addAll (all or nothing) and marked
 *   complete after it. A new worker takes over once its build is cached
 *   whole (so the next visit with no network shows it), and deletes the
 *   caches of builds that no open page shows.
 *
 * Messages from pages (offline.js): {type: "keep", lang} keeps a language
 * offline; {type: "state"} asks; the worker answers every page with
 * {type: "state", langs: {ja: "ready" | "caching" | "off", ...}}.
 */
/* global HC_OFFLINE */
"use strict"

var CONFIG = self.HC_OFFLINE
var VERSION = CONFIG.version
var SCOPE = new URL("./", self.location.href)
var COMPLETE = "__hc-complete__"
var META = "hc-meta"
var BUILD_META = /<meta name="hc-build" content="([0-9a-f]+)">/
var builds = new Map() /* client id -> build of the page it shows (also kept in META) */
var filling = {} /* part -> promise while it is being cached */

function cacheName(version, part) { return "hc-" + version + "-" + part }
function abs(rel) { return new URL(rel, SCOPE).href }

/*
 * The site-relative path of a URL inside the scope, with "index.html" for a
 * folder; null outside. A malformed escape (%E3%8) is kept as written: no
 * file has that name, so the page is the 404 page.
 */
function relative(url) {
  var u = new URL(url)
  if (u.origin !== SCOPE.origin || u.pathname.indexOf(SCOPE.pathname) !== 0) return null
  var rel = u.pathname.slice(SCOPE.pathname.length)
  try { rel = decodeURIComponent(rel) } catch (e) { /* not an escape: kept as written */ }
  return rel === "" || rel.slice(-1) === "/" ? rel + "index.html" : rel
}

function languageOf(rel) {
  var found = CONFIG.default
  Object.keys(CONFIG.languages).forEach(function (lang) {
    var prefix = CONFIG.languages[lang]
    if (prefix && rel.indexOf(prefix) === 0) found = lang
  })
  return found
}

function complete(version, part) {
  return caches.has(cacheName(version, part)).then(function (has) {
    if (!has) return false
    return caches.open(cacheName(version, part)).then(function (c) { return c.match(abs(COMPLETE)) })
      .then(function (r) { return !!r })
  })
}

/* Cache one part of this build: every file, fresh from the server, or nothing. */
function fill(part) {
  if (!filling[part]) {
    filling[part] = complete(VERSION, part).then(function (done) {
      if (done) return
      return caches.open(cacheName(VERSION, part)).then(function (cache) {
        var requests = CONFIG.parts[part].map(function (rel) { return new Request(abs(rel), { cache: "no-cache" }) })
        return cache.addAll(requests).then(function () {
          return cache.put(abs(COMPLETE), new Response(VERSION))
        })
      })
    }).then(function () { delete filling[part] }, function (err) { delete filling[part]; throw err })
  }
  return filling[part]
}

function clientKey(id) { return abs("__hc-client__/" + encodeURIComponent(id)) }

function pin(clientId, build) {
  if (!clientId) return Promise.resolve()
  builds.set(clientId, build)
  return caches.open(META).then(function (c) { return c.put(clientKey(clientId), new Response(build)) })
}

function buildOf(clientId) {
  if (!clientId) return Promise.resolve(undefined)
  if (builds.has(clientId)) return Promise.resolve(builds.get(clientId))
  return caches.open(META).then(function (c) { return c.match(clientKey(clientId)) })
    .then(function (r) { return r ? r.text() : undefined })
}

var BUILD_NAME = /^[0-9a-f]{6,64}$/

/* The page's own build, asked of the page (offline.js answers from its <meta name="hc-build">); undefined if it does not answer. */
function askBuild(clientId) {
  if (!clientId) return Promise.resolve(undefined)
  return self.clients.get(clientId).then(function (client) {
    if (!client) return undefined
    return new Promise(function (resolve) {
      var channel = new MessageChannel()
      var timer = setTimeout(function () { resolve(undefined) }, 1500)
      channel.port1.onmessage = function (ev) {
        clearTimeout(timer)
        var build = ev.data && ev.data.build
        resolve(typeof build === "string" && BUILD_NAME.test(build) ? build : undefined)
      }
      client.postMessage({ type: "build?" }, [channel.port2])
    })
  }).then(function (build) {
    return build ? pin(clientId, build).then(function () { return build }) : undefined
  })
}

/* The build a page shows: noted, else asked (once: a page that does not answer is not asked again). */
var asked = new Set()
function pageBuild(clientId) {
  return buildOf(clientId).then(function (build) {
    if (build || !clientId || asked.has(clientId)) return build
    asked.add(clientId)
    return askBuild(clientId)
  })
}

/* The build the network serves, as last seen by any worker (kept in META: a newer worker may have seen it). */
function sawNetwork(build) {
  return caches.open(META).then(function (c) { return c.put(abs("__hc-network__"), new Response(build)) })
}
function lastNetwork() {
  return caches.open(META).then(function (c) { return c.match(abs("__hc-network__")) })
    .then(function (r) { return r ? r.text() : VERSION })
}

function wanted() {
  return caches.open(META).then(function (c) { return c.match(abs("__hc-wanted__")) })
    .then(function (r) { return r ? r.json() : [] }).catch(function () { return [] })
}

function want(lang) {
  return wanted().then(function (langs) {
    if (langs.indexOf(lang) >= 0) return langs
    langs = langs.concat([lang])
    return caches.open(META).then(function (c) {
      return c.put(abs("__hc-wanted__"), new Response(JSON.stringify(langs)))
    }).then(function () { return langs })
  })
}

/* A language is kept with the shared files; it is "caching" from the start, shared files included. */
function keep(langs) {
  return Promise.all(langs.map(function (lang) {
    if (!filling["lang:" + lang]) {
      filling["lang:" + lang] = fill("shared").then(function () { return fill(lang) }).then(function () {
        delete filling["lang:" + lang]
      }, function (err) { delete filling["lang:" + lang]; throw err })
    }
    return filling["lang:" + lang]
  }))
}

function state() {
  var langs = Object.keys(CONFIG.languages)
  return Promise.all(langs.map(function (lang) {
    return Promise.all([complete(VERSION, "shared"), complete(VERSION, lang)]).then(function (done) {
      return done[0] && done[1] ? "ready" : filling["lang:" + lang] ? "caching" : "off"
    })
  })).then(function (states) {
    var out = {}
    langs.forEach(function (lang, i) { out[lang] = states[i] })
    return { type: "state", version: VERSION, langs: out }
  })
}

function tell() {
  return state().then(function (msg) {
    return self.clients.matchAll({ includeUncontrolled: true }).then(function (all) {
      all.forEach(function (c) { c.postMessage(msg) })
    })
  })
}

self.addEventListener("install", function (event) {
  /* The languages kept before, and those of the pages open now (the first visit). */
  /* This worker's script came from the network: the network serves its build. */
  event.waitUntil(sawNetwork(VERSION).then(function () { return self.clients.matchAll({ includeUncontrolled: true }) }).then(function (open) {
    return wanted().then(function (langs) {
      open.forEach(function (c) {
        var rel = relative(c.url)
        if (rel !== null && langs.indexOf(languageOf(rel)) < 0) langs.push(languageOf(rel))
      })
      return Promise.all(langs.map(want)).then(function () { return keep(langs) })
    })
  }).then(function () { return self.skipWaiting() }))
})

/* Caches of builds that no open page shows are deleted, with the notes about pages that are gone. */
function tidy() {
  return Promise.all([self.clients.matchAll({ includeUncontrolled: true }), caches.open(META)]).then(function (r) {
    var open = r[0].map(function (c) { return clientKey(c.id) })
    var meta = r[1]
    return meta.keys().then(function (requests) {
      var notes = requests.filter(function (q) { return q.url.indexOf(abs("__hc-client__/")) === 0 })
      var noted = notes.map(function (q) { return q.url })
      /* An open page the worker knows nothing of (served before any worker) is asked which build it shows. */
      var unknown = r[0].filter(function (c) { return noted.indexOf(clientKey(c.id)) < 0 })
      return Promise.all(notes.map(function (q) {
        if (open.indexOf(q.url) < 0) return meta.delete(q).then(function () { return null })
        return meta.match(q).then(function (res) { return res.text() })
      }).concat(unknown.map(function (c) { return askBuild(c.id) })))
    }).then(function (used) {
      return caches.keys().then(function (names) {
        return Promise.all(names.filter(function (n) {
          var build = n.split("-")[1]
          return n.indexOf("hc-") === 0 && n !== META && build !== VERSION && used.indexOf(build) < 0
        }).map(function (n) { return caches.delete(n) }))
      })
    })
  })
}

self.addEventListener("activate", function (event) {
  event.waitUntil(self.clients.claim().then(tidy).then(tell))
})

self.addEventListener("message", function (event) {
  var data = event.data || {}
  if (data.type === "keep" && Object.prototype.hasOwnProperty.call(CONFIG.languages, data.lang)) {
    event.waitUntil(want(data.lang).then(function () {
      var job = keep([data.lang])
      return tell().then(function () { return job }).then(tell, tell)
    }))
  } else if (data.type === "state") {
    event.waitUntil(tell())
  } else if (data.type === "pin" && event.source && typeof data.build === "string" && BUILD_NAME.test(data.build)) {
    /* A page served before this worker (or any) controlled it: the build its <meta name="hc-build"> names. */
    event.waitUntil(buildOf(event.source.id).then(function (known) {
      if (!known) return pin(event.source.id, data.build)
    }))
  }
})

/* A response from one build's cache (any of its parts), or undefined. */
function fromBuild(version, request) {
  var parts = ["shared"].concat(Object.keys(CONFIG.languages))
  return parts.reduce(function (found, part) {
    return found.then(function (r) {
      if (r) return r
      return complete(version, part).then(function (done) {
        if (!done) return undefined
        return caches.open(cacheName(version, part)).then(function (c) { return c.match(request, { ignoreSearch: true }) })
      })
    })
  }, Promise.resolve(undefined))
}

/* The page from the network (noting its build), else from this build's cache, else its language's 404 page. */
function navigate(event) {
  var rel = relative(event.request.url)
  var clientId = event.resultingClientId
  /* Revalidated, never taken fresh from the HTTP cache: the visit must see a new build at once. */
  return fetch(event.request.url, { cache: "no-cache", credentials: "same-origin" }).then(function (response) {
    var type = response.headers.get("content-type") || ""
    if (response.redirected) return Response.redirect(response.url, 302) /* relative links need the real address */
    if (!response.ok || type.indexOf("text/html") < 0) return response
    return response.text().then(function (body) {
      var m = BUILD_META.exec(body)
      return (m ? Promise.all([pin(clientId, m[1]), sawNetwork(m[1])]) : Promise.resolve()).then(function () {
        return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers })
      })
    })
  }, function (err) {
    var lang = languageOf(rel)
    return fromBuild(VERSION, abs(rel)).then(function (page) {
      if (page) return page
      var missing = CONFIG.languages[lang] + "404.html"
      return fromBuild(VERSION, abs(missing)).then(function (notFound) {
        if (!notFound) throw err
        return new Response(notFound.body, { status: 404, headers: notFound.headers })
      })
    }).then(function (response) {
      return pin(clientId, VERSION).then(function () { return response })
    })
  })
}

/* Tells a page to load again: its build is gone, and a file of another build would mix two. */
function reload(clientId) {
  return self.clients.get(clientId).then(function (client) {
    if (client) client.postMessage({ type: "reload" })
    return new Response("", { status: 503, statusText: "Reloading into the new build" })
  })
}

/*
 * A file of the site: from the page's own build's cache when complete, else
 * the network (revalidated: the HTTP cache may hold another build's copy)
 * when it serves that build, else this worker's cache. A page whose build is
 * neither cached nor served any more reloads.
 */
function asset(event) {
  var build
  return pageBuild(event.clientId).then(function (b) {
    build = b
    return build ? fromBuild(build, event.request) : undefined
  }).then(function (hit) {
    if (hit) return hit
    if (!build || build === VERSION) return undefined
    return Promise.all([complete(build, "shared"), lastNetwork()]).then(function (r) {
      /* Its shared files kept: this file is one the worker never keeps. Served by the network: fetch it there. */
      if (r[0] || r[1] === build) return undefined
      return reload(event.clientId)
    })
  }).then(function (hit) {
    if (hit) return hit
    return fetch(new Request(event.request, { cache: "no-cache" })).catch(function (err) {
      return fromBuild(build || VERSION, event.request).then(function (r) {
        if (r) return r
        throw err
      })
    })
  })
}

self.addEventListener("fetch", function (event) {
  var request = event.request
  if (request.method !== "GET" || relative(request.url) === null) return
  if (request.mode === "navigate") event.respondWith(navigate(event))
  else event.respondWith(asset(event))
})
