/*
 * Offline use (partials/hc-offline.html, in the footer and on the home page).
 *
 * Served over http(s), the site registers its service worker (sw.js, see
 * scripts/helpcenter/postbuild/offline_worker.js) and its web app manifest once the
 * page has loaded, so that neither competes with the page itself. The
 * worker keeps this page's language at once; a button keeps the other
 * language too. The state ("saving…", "works offline") is shown next to it.
 *
 * A page never mixes two builds (see offline_worker.js): this page tells the
 * worker that controls it which build it is (<meta name="hc-build">), also
 * when it was loaded before any worker and a worker takes it over later, and
 * answers the worker's question; when its build is gone, the worker asks it
 * to reload, and it does, into the new build whole.
 *
 * From disk (file://) no service worker can exist and the reader already has
 * the download: nothing is registered, and the download link gives way to a line
 * saying this is the offline version, and of which date.
 */
;(function () {
  "use strict"

  var served = /^https?:$/.test(location.protocol) && "serviceWorker" in navigator && window.isSecureContext
  var buildMeta = document.querySelector('meta[name="hc-build"]')
  var build = buildMeta ? buildMeta.getAttribute("content") : ""

  if (served) {
    var sw = navigator.serviceWorker
    var pinTo = function (worker) { if (worker && build) worker.postMessage({ type: "pin", build: build }) }
    pinTo(sw.controller)
    sw.addEventListener("controllerchange", function () { pinTo(sw.controller) })
    sw.addEventListener("message", function (ev) {
      var data = ev.data || {}
      if (data.type === "build?" && ev.ports && ev.ports[0]) ev.ports[0].postMessage({ build: build })
      else if (data.type === "reload") location.reload()
    })
    sw.startMessages() /* answer at once, even while the page is still loading */
  }

  var boxes = Array.prototype.slice.call(document.querySelectorAll("[data-hc-offline]"))
  if (!boxes.length) return
  var box = boxes[0]

  if (!served) {
    if (location.protocol === "file:") {
      boxes.forEach(function (b) {
        b.querySelector(".hc-offline__download").hidden = true
        b.querySelector(".hc-offline__here").hidden = false
      })
    }
    return
  }

  var lang = box.getAttribute("data-hc-lang")
  var states = {}

  function render() {
    boxes.forEach(function (b) {
      var app = b.querySelector(".hc-offline__app")
      var status = b.querySelector(".hc-offline__state")
      var own = states[lang] || "off"
      status.textContent = own === "off" ? "" : status.getAttribute("data-hc-text-" + own)
      b.setAttribute("data-hc-state", own)
      b.querySelectorAll("[data-hc-keep]").forEach(function (button) {
        var which = button.getAttribute("data-hc-keep")
        var state = states[which] || "off"
        button.setAttribute("data-hc-state", state)
        if (which === lang) {
          button.hidden = own !== "off"
          return
        }
        button.hidden = own !== "ready" && state === "off"
        if (state !== "off") {
          button.textContent = button.getAttribute("data-hc-text-" + state)
          button.setAttribute("aria-disabled", "true")
        }
      })
      app.hidden = false
    })
  }

  function keep(which) {
    navigator.serviceWorker.ready.then(function (registration) {
      if (registration.active) registration.active.postMessage({ type: "keep", lang: which })
    })
  }

  document.addEventListener("click", function (ev) {
    var button = ev.target.closest && ev.target.closest("[data-hc-keep]")
    if (!button || button.getAttribute("aria-disabled") === "true") return
    states[button.getAttribute("data-hc-keep")] = "caching"
    render()
    keep(button.getAttribute("data-hc-keep"))
  })

  navigator.serviceWorker.addEventListener("message", function (ev) {
    if (!ev.data || ev.data.type !== "state") return
    states = ev.data.langs || {}
    boxes.forEach(function (b) { b.setAttribute("data-hc-version", String(ev.data.version || "")) })
    render()
  })

  function start() {
    var link = document.createElement("link")
    link.rel = "manifest"
    link.href = box.getAttribute("data-hc-manifest")
    document.head.appendChild(link)
    navigator.serviceWorker.register(box.getAttribute("data-hc-sw")).then(function () {
      keep(lang)
    }, function (err) {
      /* A host without sw.js (the writers' live preview): the site works as before, online. */
      console.warn("[offline] " + err.message)
    })
  }
  if (document.readyState === "complete") start()
  else window.addEventListener("load", start)
})()
