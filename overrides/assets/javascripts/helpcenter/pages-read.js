/*
 * The help pages read in this tab, for the inquiry: support can see at once
 * what the customer already tried.
 *
 * Each content page adds itself (its title and canonical address, never the
 * address it was opened from, which from disk would name the customer's
 * folders) to a list in sessionStorage: this tab only, gone when it closes,
 * never sent anywhere by the site. Opened from disk (file://) nothing is
 * kept: every local file shares one storage there, so another HTML file
 * opened in the same tab could read the list (and an older list is removed).
 * The inquiry composer reads it back through
 * window.hcPagesRead.list(), which treats what it finds as untrusted text
 * (another script of this origin could have written it): entries are
 * checked, cut to length and only ever shown as text.
 */
;(function () {
  "use strict"

  var KEY = "hc-pages-read"
  var MAX = 12
  var TITLE_MAX = 120
  var URL_MAX = 300

  function clean(text, max) {
    return String(text || "").replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, " ").replace(/\s+/g, " ").trim().slice(0, max)
  }

  function valid(entry) {
    return entry && typeof entry === "object" && typeof entry.title === "string" && typeof entry.url === "string" &&
      /^https?:\/\/[^\s]+$/.test(entry.url) && entry.url.length <= URL_MAX
  }

  var store = null
  try {
    if (location.protocol !== "file:") store = window.sessionStorage
    else sessionStorage.removeItem(KEY)
  } catch (e) { /* storage blocked: nothing kept */ }

  function list() {
    if (!store) return []
    var stored
    try { stored = JSON.parse(store.getItem(KEY) || "[]") } catch (e) { stored = [] }
    if (!Array.isArray(stored)) return []
    return stored.filter(valid).slice(0, MAX).map(function (e) {
      return { title: clean(e.title, TITLE_MAX), url: clean(e.url, URL_MAX) }
    })
  }

  function record() {
    var canonical = document.querySelector('link[rel="canonical"]')
    var heading = document.querySelector("article h1")
    /* Not the composer itself: the list is what was read before writing. */
    if (!store || !canonical || !heading || document.getElementById("inquiry-composer")) return
    var entry = { title: clean(heading.textContent, TITLE_MAX), url: canonical.href }
    if (!valid(entry)) return
    var read = list().filter(function (e) { return e.url !== entry.url })
    read.push(entry)
    try { store.setItem(KEY, JSON.stringify(read.slice(-MAX))) } catch (e) { /* storage off: no list */ }
  }

  window.hcPagesRead = { list: list, key: KEY }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", record)
  else record()
})()
