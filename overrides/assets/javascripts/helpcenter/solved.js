/*
 * "Did this page solve your problem?" (partials/hc-solved.html), on trouble
 * and contact pages. Yes thanks the reader; No opens the inquiry composer
 * with this page's trouble type preset; the composer lists the pages read in
 * this tab (pages-read.js). Nothing is counted or sent: there is no server.
 * The block stays hidden without JavaScript, where its buttons could not work.
 */
;(function () {
  "use strict"

  var box = document.querySelector("[data-hc-solved]")
  if (!box) return
  var thanks = box.querySelector(".hc-solved__thanks")
  box.addEventListener("click", function (ev) {
    var button = ev.target.closest && ev.target.closest("button[data-hc-answer]")
    if (!button) return
    if (button.getAttribute("data-hc-answer") === "yes") {
      thanks.textContent = box.getAttribute("data-hc-thanks")
      box.setAttribute("data-hc-answered", "yes")
    } else {
      box.setAttribute("data-hc-answered", "no")
      location.href = box.getAttribute("data-hc-compose")
    }
  })
  box.hidden = false
})()
