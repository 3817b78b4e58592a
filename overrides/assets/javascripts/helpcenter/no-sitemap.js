/*
 * Answer Material's sitemap requests as "missing", without asking anyone.
 *
 * Material's bundle requests sitemap.xml on every page: at the site root, and
 * next to every alternate-language link, which it expects to be a language
 * root (/en/). Ours point straight at the same page in the other language
 * (/en/troubles/trading.html), so those sitemaps do not exist (404s in the
 * console), and from a page opened from disk (file://) every such request is
 * refused with a CORS error. Material already treats a failed sitemap request
 * as "no sitemap" and falls back to the plain link, which is what we want:
 * here they fail at once, with no request made and nothing logged.
 * Instant navigation, the one feature that needs the sitemap, is off.
 */
;(function () {
  "use strict"
  var open = XMLHttpRequest.prototype.open
  var send = XMLHttpRequest.prototype.send
  XMLHttpRequest.prototype.open = function (method, url) {
    this.__hcSitemap = /\/sitemap\.xml$/.test(new URL(url, location.href).pathname)
    return open.apply(this, arguments)
  }
  XMLHttpRequest.prototype.send = function () {
    if (!this.__hcSitemap) return send.apply(this, arguments)
    var xhr = this
    setTimeout(function () { xhr.dispatchEvent(new ProgressEvent("error")) }, 0)
  }
})()
