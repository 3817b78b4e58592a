/*
 * Keyboard and screen-reader care around Material's header, drawer and
 * search, on every page (loaded by overrides/main.html before Material's
 * bundle, so that its listeners see clicks and keys first).
 *
 * - The header's menu and search buttons (partials/header.html) work the
 *   checkboxes Material's CSS and JavaScript watch (#__drawer, #__search).
 * - The menu says whether it is open; opened, focus moves into it; Escape
 *   closes it and focus goes back to the menu button; the way back up a
 *   level inside it is a button.
 * - Search remembers what opened it (the header button, the home page's and
 *   the 404 page's big button, a shortcut key) and gives focus back to it
 *   when search closes (Material leaves focus on <body>).
 * - The result count is copied into a polite live region once typing pauses
 *   (Material rewrites it silently on every keystroke).
 * - Enter with nothing found does nothing (Material's own handler would throw).
 * Icons are hidden from screen readers after the build (helpcenter.postbuild.icons).
 *
 * The closed drawer is kept out of the tab order by CSS (helpcenter.css),
 * so that it holds without this script too.
 */
;(function () {
  "use strict"

  var drawer = document.getElementById("__drawer")
  var searchToggle = document.getElementById("__search")
  var menuButton = document.querySelector("[data-hc-toggle=drawer]")
  var sidebar = document.querySelector(".md-sidebar--primary")
  var query = document.querySelector("[data-md-component=search-query]")
  var result = document.querySelector("[data-md-component=search-result]")
  var SLIDE = 260 /* ms: Material's drawer transition, and a little */
  var FOCUSABLE = "a[href], button:not([disabled]), input:not([type=hidden]), [tabindex]:not([tabindex='-1'])"

  function visible(el) {
    if (!el || !el.isConnected) return false
    var r = el.getBoundingClientRect()
    return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== "hidden"
  }

  /* ------------------------------------------------------------------ drawer */

  if (drawer && menuButton) {
    if (sidebar) {
      sidebar.id = sidebar.id || "hc-drawer"
      menuButton.setAttribute("aria-controls", sidebar.id)
    }
    menuButton.addEventListener("click", function () { drawer.click() })
    drawer.addEventListener("change", function () {
      menuButton.setAttribute("aria-expanded", String(drawer.checked))
      if (drawer.checked && sidebar) {
        /* Once it has slid in: the first link of the level it shows (this page's section). */
        setTimeout(function () {
          if (!drawer.checked) return
          var first = Array.prototype.filter.call(sidebar.querySelectorAll(FOCUSABLE), visible)[0]
          if (first) first.focus()
        }, SLIDE)
      } else if (sidebar && (sidebar.contains(document.activeElement) || document.activeElement === document.body)) {
        if (visible(menuButton)) menuButton.focus()
      }
    })
    /*
     * Material's way back up a level in the drawer (an arrow and the section's name above the
     * links of a section) is a <label>: seen, but no tab stop. It becomes a named button here;
     * pressed, the level above shows and focus goes to the section in it.
     */
    var backName = menuButton.getAttribute("data-hc-back") || "%s"
    if (sidebar) sidebar.querySelectorAll("label.md-nav__title[for^='__nav']").forEach(function (label) {
      var toggle = document.getElementById(label.getAttribute("for"))
      if (!toggle) return
      label.setAttribute("tabindex", "0")
      label.setAttribute("role", "button")
      label.setAttribute("aria-label", backName.replace("%s", label.textContent.trim()))
      label.addEventListener("keydown", function (ev) {
        if (ev.key !== "Enter" && ev.key !== " ") return
        ev.preventDefault()
        label.click()
        var item = toggle.closest(".md-nav__item")
        var up = item && Array.prototype.filter.call(item.querySelectorAll(FOCUSABLE), function (el) {
          return !el.closest(".md-nav__toggle ~ .md-nav") && visible(el)
        })[0]
        if (up) up.focus()
      })
    })
    /* Tab out of the open drawer closes it: what focus reaches next is then on screen, not under the overlay. */
    document.addEventListener("focusin", function (ev) {
      if (drawer.checked && sidebar && !sidebar.contains(ev.target) && ev.target !== menuButton) drawer.click()
    })
    document.addEventListener("keydown", function (ev) {
      if (ev.key === "Escape" && drawer.checked) {
        drawer.click()
        if (visible(menuButton)) menuButton.focus()
      }
    })
  }

  /* ------------------------------------------------------------------ search */

  var opener = null

  function closeSearch() {
    if (searchToggle && searchToggle.checked) searchToggle.click()
  }

  /* Openers carry data-hc-search-open (search.js opens search for them). */
  document.addEventListener("click", function (ev) {
    var target = ev.target.closest ? ev.target : null
    if (!target) return
    var open = target.closest("[data-hc-search-open]")
    if (open) opener = open
    if (target.closest("[data-hc-search-close]")) {
      ev.preventDefault()
      closeSearch()
    }
  }, true)

  /*
   * A shortcut key (/, f, s) opens search from wherever focus was, as in Material (which
   * answers it on window, after this). On a phone the closed search is hidden (helpcenter.css),
   * and a hidden box cannot take focus: it is opened here first, then Material focuses it.
   */
  function typing(el) {
    if (!el) return false
    if (el.tagName === "INPUT") return el.type !== "radio"
    return el.tagName === "SELECT" || el.tagName === "TEXTAREA" || el.isContentEditable
  }
  document.addEventListener("keydown", function (ev) {
    if (!searchToggle || searchToggle.checked || !/^[/fs]$/.test(ev.key) || ev.ctrlKey || ev.metaKey) return
    if (ev.isComposing || typing(document.activeElement)) return
    if (document.activeElement !== document.body) opener = document.activeElement
    searchToggle.click()
  }, true)

  if (searchToggle) {
    searchToggle.addEventListener("change", function () {
      if (searchToggle.checked) return
      var back = opener
      opener = null
      /* After Material's own handling (it blurs the box) and the key's default action. */
      setTimeout(function () {
        var now = document.activeElement
        var lost = !now || now === document.body || !!now.closest(".md-search") || !visible(now)
        if (!lost) return
        var header = document.querySelector(".hc-header-search")
        if (visible(back)) back.focus()
        else if (visible(header)) header.focus()
      }, 0)
    })
  }

  /*
   * Enter in the search box when nothing was found: Material's handler reads every link in the
   * results as a result entry and throws on the "nothing found" panel's links (search.js), and
   * the box's form is then submitted, reloading the page without the query. Nothing happens
   * instead, as when the list is empty; the panel's links stay for the reader to choose.
   */
  if (query && result) {
    query.addEventListener("keydown", function (ev) {
      if (ev.key !== "Enter" || ev.isComposing) return
      if (result.querySelector(".md-search-result__item:not(.hc-search-empty)")) return
      ev.preventDefault()
      ev.stopPropagation()
    })
  }

  /* ------------------------------------------------------ result count, spoken */

  /*
   * Read out once the reader stops typing, and only for the results of what the box holds
   * (search.js marks the result list with the query it shows, data-hc-query): not at each
   * key, not for a word half typed. The same count for another query is read out again.
   */
  var meta = document.querySelector(".md-search-result__meta")
  var live = document.querySelector("[data-hc-search-count]")
  var PAUSE = 800 /* ms after the last key, or after the results arrived if later */
  if (meta && result && live && query && searchToggle) {
    var timer = null
    var said = null /* [query, text] last read out */
    var speak = function () {
      var value = query.value
      if (!value.trim() || !searchToggle.checked || result.getAttribute("data-hc-query") !== value) return
      var text = meta.textContent.trim()
      if (said && said[0] === value && said[1] === text) return
      said = [value, text]
      /* Emptied first, so that the same words for another query are read out again. */
      live.textContent = ""
      setTimeout(function () { live.textContent = text }, 50)
    }
    var later = function () { clearTimeout(timer); timer = setTimeout(speak, PAUSE) }
    query.addEventListener("input", later)
    new MutationObserver(later).observe(meta, { childList: true, characterData: true, subtree: true })
    new MutationObserver(later).observe(result, { attributes: true, attributeFilter: ["data-hc-query"] })
    searchToggle.addEventListener("change", function () {
      if (searchToggle.checked) return
      clearTimeout(timer)
      live.textContent = ""
      said = null
    })
  }
})()
