/*
 * The secret guard's key detectors (secret-guard.js): what a wallet's
 * private key looks like written out, in any grouping.
 *
 * - hexStrings: 64 hex digits, whole or in pieces of two or more (groups of
 *   four, halves on two lines or in two fields, "0x4a, 0x5e, …" bytes);
 * - base58Key: a WIF key or an extended private key (xprv…), whole or in
 *   pieces of any size separated by spaces, dashes or line breaks; an XRP
 *   Ledger secret (s…, 29 characters);
 * - byteArray: 32 or 64 numbers of 0–255 in a list ([12, 250, …], a Solana
 *   keypair file), or "0x…" bytes.
 * Pure functions of the (normalised) text: [{start, end, value, grouped}].
 *
 * window.hcGuardKeys: {hexStrings, base58Key, byteArray}.
 */
;(function () {
  "use strict"

  var B58 = "1-9A-HJ-NP-Za-km-z"
  var HEX_RUN = /(?:0x)?[0-9a-f]+/gi
  var MAX_PIECES = 64

  function hexStrings(text) {
    var pieces = []
    HEX_RUN.lastIndex = 0
    for (var m; (m = HEX_RUN.exec(text));) {
      var s = m.index
      var e = s + m[0].length
      if (/[0-9a-z_]/i.test(text.charAt(s - 1)) || /[0-9a-z_]/i.test(text.charAt(e))) continue
      var digits = m[0].replace(/^0x/i, "")
      if (digits.length < 2 || digits.length > 64) continue
      pieces.push({ start: s, end: e, digits: digits })
    }
    var found = []
    for (var i = 0; i < pieces.length; i++) {
      var total = ""
      for (var j = i; j < pieces.length && j < i + MAX_PIECES; j++) {
        /* Pieces may be apart by separators or a few non-ASCII words (前半 … 後半 …). */
        if (j > i && !/^[^0-9A-Za-z]{1,16}$/.test(text.slice(pieces[j - 1].end, pieces[j].start))) break
        total += pieces[j].digits
        if (total.length === 64 && /\d/.test(total) && /[a-f]/i.test(total)) {
          found.push({ start: pieces[i].start, end: pieces[j].end, value: text.slice(pieces[i].start, pieces[j].end), grouped: j - i >= 2 })
          i = j
          break
        }
        if (total.length > 64) break
      }
    }
    return found
  }

  var WIF = new RegExp("^(?:[59][" + B58 + "]{50}|[KLc][" + B58 + "]{51})$")
  var XPRV = new RegExp("^[xtyzuv]prv[" + B58 + "]{100,112}$")
  var B58_RUN = new RegExp("[" + B58 + "]+", "g")

  /* An XRP Ledger secret ("family seed"): s and 28 characters of the ledger's own base58 alphabet. An account
     address starts with r; a 29-character word with both digits and capitals in that alphabet is nothing else. */
  var XRP_SEED = /(?<![A-Za-z0-9])s[rpshnaf39wBUDNEGHJKLM4PQRST7VWXYZ2bcdeCg65jkm8oFqi1tuvAxyz]{28}(?![A-Za-z0-9])/g
  function xrpSeed(text) {
    XRP_SEED.lastIndex = 0
    for (var m; (m = XRP_SEED.exec(text));) {
      if (/\d/.test(m[0]) && /[A-Z]/.test(m[0])) return { start: m.index, end: m.index + m[0].length }
    }
    return null
  }

  function base58Key(text) {
    var seed = xrpSeed(text)
    if (seed) return seed
    var pieces = []
    B58_RUN.lastIndex = 0
    for (var m; (m = B58_RUN.exec(text));) pieces.push({ start: m.index, end: m.index + m[0].length, s: m[0] })
    for (var i = 0; i < pieces.length; i++) {
      var xkey = /^[xtyzuv]prv/.test(pieces[i].s)
      if (!xkey && !/^[59KLc]/.test(pieces[i].s)) continue
      var max = xkey ? 116 : 52
      var total = ""
      for (var j = i; j < pieces.length && j < i + MAX_PIECES; j++) {
        if (j > i && !/^[\s\-_.,|/]{1,3}$/.test(text.slice(pieces[j - 1].end, pieces[j].start))) break
        total += pieces[j].s
        if (total.length >= 51 && (xkey ? XPRV : WIF).test(total) && (j === i || /\d/.test(total))) {
          return { start: pieces[i].start, end: pieces[j].end }
        }
        if (total.length > max) break
      }
    }
    return null
  }

  /* [12, 250, …]: 32 (a key) or 64 (a keypair) numbers of 0–255; also "0x0c 0xfa …". */
  var NUMBER_LIST = /(?<![0-9a-z])(?:(?:0x[0-9a-f]{1,2}|\d{1,3})(?:\s*[,;]\s*|\s+)){31,}(?:0x[0-9a-f]{1,2}|\d{1,3})(?![0-9a-z])/gi
  function byteArray(text) {
    NUMBER_LIST.lastIndex = 0
    for (var m; (m = NUMBER_LIST.exec(text));) {
      var items = m[0].split(/[\s,;]+/).filter(Boolean)
      var hex = items.every(function (x) { return /^0x[0-9a-f]{1,2}$/i.test(x) })
      var dec = items.every(function (x) { return /^\d{1,3}$/.test(x) && +x <= 255 })
      if ((hex || dec) && items.length >= 32 && (dec ? /,/.test(m[0]) || /[[\]]/.test(text.slice(Math.max(0, m.index - 2), m.index)) : true)) {
        return { start: m.index, end: m.index + m[0].length }
      }
    }
    return null
  }

  window.hcGuardKeys = { hexStrings: hexStrings, base58Key: base58Key, byteArray: byteArray }
})()
