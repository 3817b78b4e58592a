/*
 * Inquiry composer (contact/compose.md): a guided form that writes an inquiry
 * to support, in the page's language, entirely in the browser.
 *
 * Loaded on the composer page only (extra.page_scripts in mkdocs.yml), and
 * does nothing on a page without form#inquiry-composer. The form's labels live in the page; the
 * text this script writes (preview headings, alerts, messages) is in STRINGS
 * below, one set per language. The official addresses are read from the links
 * marked data-hc-official on the page, which the build makes from
 * extra.official in mkdocs.yml; none is written here.
 *
 * Nothing leaves the page: no request is made. The draft is kept in
 * sessionStorage (this tab only) and the BIP-39 word list arrives as a plain
 * script (bip39-english.js), as a page opened from disk cannot fetch files.
 *
 * The sensitive-data guard (scan) is exposed as window.hcComposerGuard on the
 * composer page, for tests.
 */
;(function () {
  "use strict"

  var form = document.getElementById("inquiry-composer")
  if (!form) return

  var scriptBase = document.currentScript ? new URL(".", document.currentScript.src) : null
  var lang = (document.documentElement.lang || "ja").split("-")[0] === "en" ? "en" : "ja"

  /* ------------------------------------------------------------------ strings */

  var STRINGS = {
    ja: {
      greeting: "bitbankサポートご担当者様",
      closing: "よろしくお願いいたします。",
      subjectSep: "：",
      heading: function (h) { return "【" + h + "】" },
      bullet: "・",
      h: {
        category: "種類",
        occurred: "発生日時",
        summary: "起きたこと",
        details: "詳細",
        error: "エラーメッセージ",
        tried: "試したこと",
        account: "アカウント",
        reference: "注文番号・取引ID",
        evidence: "添付資料"
      },
      userId: "ユーザーID：",
      accountEmail: "登録メールアドレス：",
      subjectLabel: "件名：",
      bodyLabel: "本文",
      previewEmpty: "入力すると、ここにお問い合わせの文面が表示されます。",
      withheld: "（この欄は表示していません。削除が必要な情報が含まれています）",
      timezone: function (tz, off) { return "タイムゾーン：" + (tz ? tz + "（" + off + "）" : off) },
      occurredValue: function (d, off, tz) { return d + "（" + off + (tz ? "、" + tz : "") + "）" },
      guardTitle: "サポートが必要としない情報が入力されています",
      fieldNote: function (kinds) { return kinds.join("、") + "が含まれています。削除してください。" },
      guardLead: "サポートがパスワード、認証コード、リカバリーフレーズ、秘密鍵、APIのシークレットキーを尋ねることはありません。次の欄から削除してください。削除するまで、プレビュー・メール・コピーには含めません。",
      kinds: {
        password: "パスワードのようなもの",
        otp: "二段階認証などの認証コードのようなもの",
        phrase: "リカバリーフレーズ（英単語の並び）のようなもの",
        "private-key": "秘密鍵のようなもの",
        "api-secret": "APIのシークレットキーのようなもの"
      },
      hexHint: function (label) {
        return "トランザクションID（txid）であれば、直前に「txid」と書き添えるか、「" + label + "」の欄に入力してください。"
      },
      errorsTitle: "入力が必要な欄があります",
      required: "この欄を入力してください。",
      requiredCategory: "トラブルの種類を選んでください。",
      badEmail: "メールアドレスの形で入力してください（例：name@example.com）。",
      tooLongTitle: "メールアプリでは開けないおそれがあります",
      tooLong: "文面が長いため、メールアプリで正しく開けないおそれがあります（メールのリンクは約1,800文字までが目安です）。「文面をコピー」を押して、お問い合わせフォームか、メールに貼り付けてください。",
      mailtoBlocked: "先に、注意が表示されている欄から該当する部分を削除してください。",
      copied: "コピーしました。お問い合わせフォームやメールに貼り付けてください。",
      copyFailed: "自動でコピーできませんでした。プレビューの文面を選んでコピーしてください（文面を選択した状態にしました）。",
      cleared: "入力内容を消去しました。",
      restored: "前回の入力内容を復元しました。",
      suggestTitle: "送る前に、こちらのページで解決するかもしれません",
      suggestCount: function (n) { return "関連しそうなヘルプページが" + n + "件あります。" }
    },
    en: {
      greeting: "Hello bitbank support,",
      closing: "Thank you.",
      subjectSep: ": ",
      heading: function (h) { return "## " + h },
      bullet: "- ",
      h: {
        category: "Type of trouble",
        occurred: "When it happened",
        summary: "What happened",
        details: "Details and steps",
        error: "Error message shown",
        tried: "Already tried",
        account: "Account",
        reference: "Related order, transaction or txid",
        evidence: "Attachments"
      },
      userId: "User ID: ",
      accountEmail: "Registered email address: ",
      subjectLabel: "Subject: ",
      bodyLabel: "Message",
      previewEmpty: "Your inquiry appears here as you fill in the form.",
      withheld: "(This field is not shown: it holds something that must be removed.)",
      timezone: function (tz, off) { return "Time zone: " + (tz ? tz + " (" + off + ")" : off) },
      occurredValue: function (d, off, tz) { return d + " (" + off + (tz ? ", " + tz : "") + ")" },
      guardTitle: "Something support never needs is in the form",
      fieldNote: function (kinds) {
        var text = kinds.join(", ")
        return "This field holds " + text + ". Remove it."
      },
      guardLead: "Support never asks for a password, a verification code, a recovery phrase, a private key or an API secret. Remove it from the fields below. Until you do, it is left out of the preview, the email and the copied text.",
      kinds: {
        password: "what looks like a password",
        otp: "what looks like a two-factor or verification code",
        phrase: "what looks like a recovery phrase (a list of English words)",
        "private-key": "what looks like a private key",
        "api-secret": "what looks like an API secret"
      },
      hexHint: function (label) {
        return "If it is a transaction ID, write \"txid\" just before it, or put it in the \"" + label + "\" field."
      },
      errorsTitle: "Some fields need your attention",
      required: "Fill in this field.",
      requiredCategory: "Choose the type of trouble.",
      badEmail: "Enter an email address, like name@example.com.",
      tooLongTitle: "Too long for the mail app",
      tooLong: "The message is too long for a mail link (about 1,800 characters is the safe limit), so your mail app may not open it correctly. Use \"Copy the text\" and paste it into the inquiry form or an email.",
      mailtoBlocked: "First remove what the alert points out.",
      copied: "Copied. Paste it into the inquiry form or an email.",
      copyFailed: "Could not copy automatically. Select the text of the preview and copy it (it is now selected).",
      cleared: "The form has been cleared.",
      restored: "Your earlier draft has been restored.",
      suggestTitle: "Before you send: these pages may already answer it",
      suggestCount: function (n) { return n + (n === 1 ? " help page" : " help pages") + " may answer this." }
    }
  }
  var T = STRINGS[lang]

  var MAILTO_MAX = 1800
  var STORAGE_KEY = "hc-inquiry-draft:" + lang
  var CATEGORIES = ["system-outage", "trading", "deposits-withdrawals", "account", "security-threats", "other"]
  var TEXT_FIELDS = ["category", "occurred_at", "summary", "details", "error_message", "user_id", "account_email",
    "reference_id"]
  var GROUPS = ["tried", "evidence"]
  var REQUIRED = ["category", "occurred_at", "summary", "details"]

  /* -------------------------------------------------------------------- guard */

  /*
   * scan(text, field) -> [{kind, hint?}]: what in `text` looks like a secret.
   * Works on the NFKC form, so full-width ｐａｓｓｗｏｒｄ：１２３ counts too.
   * Kinds: password, otp, phrase, private-key, api-secret.
   */
  var B58 = "1-9A-HJ-NP-Za-km-z"
  var RE = {
    password: new RegExp(
      "(?:(?<![a-z])(pin)(?![a-z])|(暗証番号)|(?<![a-z])(?:password|passwd|passcode|pass word|pwd|pw)(?![a-z])" +
      "|(?<!ワンタイム)パスワード)" +
      "(?:\\s*(?:is|was|は|が|:|=|=>|->|→)\\s*|\\s+)[\"'「『“‘(\\[]?([!-~]{4,})", "gi"),
    otpWord: /認証コード|確認コード|認証番号|確認番号|ワンタイム(?:パスワード)?|二段階認証|2段階認証|二要素認証|2要素認証|(?<![a-z])(?:2fa|mfa|otp|sms|totp)(?![a-z])|one[\s-]?time|two[\s-]?factor|2[\s-]?step|authenticator|認証アプリ|verification|(?<![a-z])code(?![a-z])|コード/gi,
    otpNotCode: /(?:エラー|error|referral|promo(?:tion)?|invite|invitation|coupon|紹介|招待|クーポン|qr|zip|postal|郵便|通貨|currency|country|status|ステータス)\s*[-_]?\s*$/i,
    otpCode: /(?<![\w-])(\d{3}[ -]?\d{3})(?![\w]|-\d)/g,
    idLabel: /注文|order|エラー|error|取引|trade|ユーザー|user|口座|account|電話|phone|番号|number|(?<![a-z])(?:tel|tx|id|no)(?![a-z])/i,
    hex64: /(?<![0-9a-f])(?:0x)?[0-9a-f]{64}(?![0-9a-f])/gi,
    keyWord: /private[\s_-]*key|priv[\s_-]*key|secret[\s_-]*key|secret|秘密鍵|プライベートキー|秘密キー|シークレット|seed|シード|(?<![a-z])wif(?![a-z])|mnemonic|リカバリー|復元/gi,
    txWord: /(?<![a-z])tx(?:[\s_-]*(?:id|hash))?(?![a-z])|txn|transaction|トランザクション|取引\s*id|取引ハッシュ|ハッシュ|hash|送金\s*id|block|ブロック|explorer|エクスプローラ/gi,
    wif: new RegExp("(?<![" + B58 + "])(?:[59][" + B58 + "]{50}|[KLc][" + B58 + "]{51})(?![" + B58 + "])", "g"),
    xprv: new RegExp("(?<![" + B58 + "])[xtyzuv]prv[" + B58 + "]{100,112}(?![" + B58 + "])", "g"),
    apiSecret: /(?:(?<![a-z])(?:client[\s_-]*)?secret(?:[\s_-]*key)?(?![a-z])|シークレット(?:キー)?)(?:\s*(?:is|was|は|が|:|=|→)\s*|\s+)["'「『]?([A-Za-z0-9_\-+/=]{16,})/gi,
    words: /[a-z]+/g,
    phraseGap: /^[\s,.;:、。・\-\d()[\]#*]*$/
  }

  var wordSet = null
  function setWords(list) { wordSet = list && list.length === 2048 ? new Set(list) : null }

  /* `next` is the character after the token: 2024年, 10件 are a year and a count, not a PIN. */
  function passwordLike(token, digitsMin, next) {
    var t = token.replace(/[.,;:!?)\]"'`」』”’]+$/, "")
    if (t.length < 4 || t.indexOf("://") >= 0) return false
    if (/^\d{1,4}([-/.:]\d{1,4})+$/.test(t)) return false /* a date or a time */
    if (/^\d+$/.test(t) && t === token && /^[年月日時分秒円件回個%]/.test(next || "")) return false
    if (/^\d+$/.test(t)) return t.length >= digitsMin
    var classes = 0
    if (/[a-z]/.test(t)) classes++
    if (/[A-Z]/.test(t.slice(1))) classes++ /* a capital first letter alone is just a word */
    if (/\d/.test(t)) classes++
    if (/[^A-Za-z0-9]/.test(t)) classes++
    return classes >= 2
  }

  function findPassword(text) {
    RE.password.lastIndex = 0
    for (var m; (m = RE.password.exec(text));) {
      var pin = m[1] || m[2]
      if (passwordLike(m[3], pin ? 4 : 6, text.charAt(m.index + m[0].length))) return true
      RE.password.lastIndex = m.index + 1
    }
    return false
  }

  function lineBefore(text, end, max) {
    var s = text.slice(Math.max(0, end - max), end)
    var nl = s.lastIndexOf("\n")
    return nl >= 0 ? s.slice(nl + 1) : s
  }

  function lineAfter(text, start, max) {
    var s = text.slice(start, start + max)
    var nl = s.indexOf("\n")
    return nl >= 0 ? s.slice(0, nl) : s
  }

  /* A six-digit code next to a word such as 認証コード, 2FA or code, and not labelled as an order or error number. */
  function findOtp(text) {
    RE.otpWord.lastIndex = 0
    for (var w; (w = RE.otpWord.exec(text));) {
      if (RE.otpNotCode.test(lineBefore(text, w.index, 16))) continue
      var after = lineAfter(text, w.index + w[0].length, 28)
      RE.otpCode.lastIndex = 0
      var c = RE.otpCode.exec(after)
      if (c && !RE.idLabel.test(after.slice(0, c.index))) return true
      var before = lineBefore(text, w.index, 20)
      RE.otpCode.lastIndex = 0
      var last = null
      for (var b; (b = RE.otpCode.exec(before));) last = b
      if (last && !RE.idLabel.test(before.slice(last.index + last[0].length)) &&
          !RE.idLabel.test(lineBefore(before, last.index, 10))) return true
    }
    return false
  }

  /* Twelve or more BIP-39 words in a row, separated only by spaces, commas, line breaks or numbering. */
  function findPhrase(text) {
    if (!wordSet) return false
    var lower = text.toLowerCase()
    var run = 0
    var lastEnd = -1
    RE.words.lastIndex = 0
    for (var m; (m = RE.words.exec(lower));) {
      if (lastEnd < 0 || !RE.phraseGap.test(lower.slice(lastEnd, m.index))) run = 0
      run = wordSet.has(m[0]) ? run + 1 : 0
      if (run >= 12) return true
      lastEnd = m.index + m[0].length
    }
    return false
  }

  /* The nearest match of `re` around [start, end): {distance, text} or null. */
  function nearest(re, text, start, end) {
    var best = null
    var from = Math.max(0, start - 48)
    var before = text.slice(from, start)
    re.lastIndex = 0
    for (var m; (m = re.exec(before));) {
      var d = before.length - (m.index + m[0].length)
      if (!best || d < best.distance) best = { distance: d, text: m[0] }
    }
    var after = lineAfter(text, end, 24)
    re.lastIndex = 0
    var a = re.exec(after)
    if (a && (!best || a.index < best.distance)) best = { distance: a.index, text: a[0] }
    return best
  }

  /*
   * 64 hex digits are a private key or a transaction ID (txid), which support
   * may well need. The nearest telling word decides: 秘密鍵/private key/secret
   * flag it, txid/トランザクション/取引ID/hash let it through. With neither,
   * it is let through only in the field that asks for a txid.
   */
  function findHex(text, field, found) {
    RE.hex64.lastIndex = 0
    for (var m; (m = RE.hex64.exec(text));) {
      var start = m.index
      var end = start + m[0].length
      var key = nearest(RE.keyWord, text, start, end)
      var tx = nearest(RE.txWord, text, start, end)
      if (key && (!tx || key.distance <= tx.distance)) {
        var api = /secret|シークレット/i.test(key.text) && /api/i.test(text.slice(Math.max(0, start - 48), start))
        found.push({ kind: api ? "api-secret" : "private-key" })
      } else if (!tx && field !== "reference_id") {
        found.push({ kind: "private-key", hint: "hex" })
      }
    }
  }

  /*
   * A long random token after "API secret", "client secret" or シークレット(キー).
   * A bare "secret (key)" counts only with "API" just before it: without, a
   * "secret key" is as likely a wallet's private key (see findHex).
   */
  function findApiSecret(text) {
    RE.apiSecret.lastIndex = 0
    for (var m; (m = RE.apiSecret.exec(text));) {
      var named = /client|シークレット/i.test(m[0]) || /api[\s_-]*$/i.test(lineBefore(text, m.index, 12))
      if (named && /\d/.test(m[1]) && /[A-Za-z]/.test(m[1])) return true
      RE.apiSecret.lastIndex = m.index + 1
    }
    return false
  }

  function scan(raw, field) {
    var text = String(raw || "").normalize("NFKC")
    var found = []
    if (!text.trim()) return found
    if (findPassword(text)) found.push({ kind: "password" })
    if (findOtp(text)) found.push({ kind: "otp" })
    if (findPhrase(text)) found.push({ kind: "phrase" })
    findHex(text, field, found)
    RE.wif.lastIndex = 0
    RE.xprv.lastIndex = 0
    if (RE.wif.test(text) || RE.xprv.test(text)) found.push({ kind: "private-key" })
    if (findApiSecret(text)) found.push({ kind: "api-secret" })
    /* One finding per kind; a hint survives only if every finding of its kind has it. */
    var byKind = {}
    found.forEach(function (f) {
      if (!byKind[f.kind]) byKind[f.kind] = { kind: f.kind, hint: f.hint }
      else if (!f.hint) delete byKind[f.kind].hint
    })
    return Object.keys(byKind).map(function (k) {
      var f = byKind[k]
      return f.hint ? f : { kind: f.kind }
    })
  }

  window.hcComposerGuard = {
    scan: scan,
    wordsLoaded: function () { return !!wordSet }
  }

  /* ---------------------------------------------------------------- the form */

  var $ = function (sel) { return form.querySelector(sel) }
  var field = function (name) { return form.elements.namedItem(name) }
  var guardBox = $("#inquiry-guard")
  var errorsBox = $("#inquiry-errors")
  var preview = $("#inquiry-preview")
  var mailto = $("#inquiry-mailto")
  var copyButton = $("#inquiry-copy")
  var clearButton = $("#inquiry-clear")
  var formLink = $("#inquiry-form-link")
  var lengthBox = $("#inquiry-length")
  var statusBox = $("#inquiry-status")
  var suggestBox = $("#inquiry-suggestions")
  var tzBox = $("[data-hc-timezone]")

  function official(name) {
    var a = document.querySelector('a[data-hc-official="' + name + '"]')
    return a ? a.getAttribute("href") : null
  }
  var supportHref = official("support-email")
  var supportAddress = supportHref && /^mailto:/i.test(supportHref) ? supportHref.slice(7).split("?")[0] : null
  var inquiryFormHref = official("inquiry-form")

  function el(tag, attrs, children) {
    var node = document.createElement(tag)
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === "text") node.textContent = attrs[k]
      else node.setAttribute(k, attrs[k])
    })
    ;(children || []).forEach(function (c) { if (c) node.appendChild(typeof c === "string" ? document.createTextNode(c) : c) })
    return node
  }

  function labelText(name) {
    var input = field(name)
    var label = input && input.id ? form.querySelector('label[for="' + input.id + '"]') : null
    if (!label) return name
    var copy = label.cloneNode(true)
    copy.querySelectorAll(".hc-field__required, .hc-field__optional").forEach(function (n) { n.remove() })
    return copy.textContent.trim()
  }

  function checked(group) {
    return Array.prototype.filter.call(form.querySelectorAll('input[name="' + group + '"]'), function (c) {
      return c.checked
    })
  }

  function checkLabel(box) { return box.closest("label").textContent.trim() }

  /* ------------------------------------------------------------------ dates */

  function pad(n) { return (n < 10 ? "0" : "") + n }

  function localValue(d) {
    return d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate()) + "T" + pad(d.getHours()) + ":" +
      pad(d.getMinutes())
  }

  function utcOffset(d) {
    var off = -d.getTimezoneOffset()
    var sign = off < 0 ? "-" : "+"
    off = Math.abs(off)
    return "UTC" + sign + pad(Math.floor(off / 60)) + ":" + pad(off % 60)
  }

  function timeZoneName() {
    try { return Intl.DateTimeFormat().resolvedOptions().timeZone || "" } catch (e) { return "" }
  }

  function parseLocal(value) {
    var m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(value || "")
    return m ? new Date(+m[1], +m[2] - 1, +m[3], +m[4], +m[5]) : null
  }

  function showTimeZone() {
    if (!tzBox) return
    var d = parseLocal(field("occurred_at").value) || new Date()
    tzBox.textContent = T.timezone(timeZoneName(), utcOffset(d))
  }

  /* ------------------------------------------------------------- the inquiry */

  var guardFindings = {} /* field name -> findings */

  function scanAll() {
    var all = {}
    TEXT_FIELDS.forEach(function (name) {
      if (name === "category" || name === "occurred_at") return
      var f = scan(field(name).value, name)
      if (f.length) all[name] = f
    })
    return all
  }

  function value(name) {
    if (guardFindings[name]) return T.withheld
    return field(name).value.trim()
  }

  function categoryLabel() {
    var select = field("category")
    var option = select.options[select.selectedIndex]
    if (!option || !option.value) return ""
    return option.textContent.replace(/\s*[（(][^（(]*[）)]\s*$/, "").trim()
  }

  /* {subject, body} in the page's language; empty optional sections are left out. */
  function compose() {
    var category = categoryLabel()
    var summary = value("summary")
    var subject = [category, summary].filter(Boolean).join(T.subjectSep)
    var sections = []
    function section(heading, lines) {
      lines = lines.filter(Boolean)
      if (lines.length) sections.push(T.heading(heading) + "\n" + lines.join("\n"))
    }
    var when = parseLocal(field("occurred_at").value)
    section(T.h.category, [category])
    section(T.h.occurred, [when ? T.occurredValue(field("occurred_at").value.replace("T", " ").slice(0, 16),
      utcOffset(when), timeZoneName()) : ""])
    section(T.h.summary, [summary])
    section(T.h.details, [value("details")])
    section(T.h.error, [value("error_message")])
    section(T.h.tried, checked("tried").map(function (c) { return T.bullet + checkLabel(c) }))
    var uid = value("user_id")
    var email = value("account_email")
    section(T.h.account, [uid && T.userId + uid, email && T.accountEmail + email])
    section(T.h.reference, [value("reference_id")])
    section(T.h.evidence, checked("evidence").map(function (c) { return T.bullet + checkLabel(c) }))
    if (!sections.length) return { subject: subject, body: "", empty: true }
    var body = T.greeting + "\n\n" + sections.join("\n\n") + "\n\n" + T.closing
    return { subject: subject, body: body, empty: false }
  }

  function mailtoHref(inquiry) {
    if (!supportAddress) return null
    var crlf = inquiry.body.replace(/\r?\n/g, "\r\n")
    return "mailto:" + supportAddress + "?subject=" + encodeURIComponent(inquiry.subject) + "&body=" +
      encodeURIComponent(crlf)
  }

  function copyText(inquiry) {
    return T.subjectLabel + inquiry.subject + "\n\n" + inquiry.body
  }

  /* --------------------------------------------------------------- rendering */

  var lastGuardKey = ""

  function renderGuard() {
    var key = JSON.stringify(guardFindings)
    if (key === lastGuardKey) return
    lastGuardKey = key
    /* A short note under each field concerned; the alert below says it for screen readers. */
    form.querySelectorAll(".hc-field__guard").forEach(function (n) { n.remove() })
    TEXT_FIELDS.forEach(function (name) {
      var input = field(name)
      describe(input, input.id + "-guard", false)
      if (guardFindings[name]) {
        input.setAttribute("aria-invalid", "true")
        var kinds = guardFindings[name].map(function (f) { return T.kinds[f.kind] })
        var note = el("p", { id: input.id + "-guard", class: "hc-field__guard", text: T.fieldNote(kinds) })
        ;(input.parentNode.querySelector(".hc-field__error") || input).insertAdjacentElement("afterend", note)
        describe(input, note.id, true)
      } else if (!input.hasAttribute("data-hc-error")) {
        input.removeAttribute("aria-invalid")
      }
    })
    guardBox.textContent = ""
    var names = Object.keys(guardFindings)
    guardBox.classList.toggle("admonition", names.length > 0)
    guardBox.classList.toggle("danger", names.length > 0)
    if (!names.length) return
    var list = el("ul")
    var hint = false
    names.forEach(function (name) {
      var kinds = guardFindings[name].map(function (f) {
        if (f.hint === "hex") hint = true
        return T.kinds[f.kind]
      })
      var link = el("a", { href: "#" + field(name).id, "data-hc-focus": field(name).id, text: labelText(name) })
      list.appendChild(el("li", {}, [link, (lang === "ja" ? "：" : ": ") + kinds.join(lang === "ja" ? "、" : ", ")]))
    })
    guardBox.appendChild(el("p", { class: "admonition-title", text: T.guardTitle }))
    guardBox.appendChild(el("p", { text: T.guardLead }))
    guardBox.appendChild(list)
    if (hint) guardBox.appendChild(el("p", { text: T.hexHint(labelText("reference_id")) }))
  }

  function renderPreview(inquiry) {
    preview.textContent = ""
    if (inquiry.empty && !inquiry.subject) {
      preview.appendChild(el("p", { class: "hc-composer__preview-empty", text: T.previewEmpty }))
      return
    }
    preview.appendChild(el("p", { class: "hc-composer__preview-subject" }, [
      el("span", { class: "hc-composer__preview-label", text: T.subjectLabel }),
      el("span", { id: "inquiry-preview-subject", text: inquiry.subject })
    ]))
    preview.appendChild(el("pre", { id: "inquiry-preview-body", class: "hc-composer__preview-body", tabindex: "0",
      "aria-label": T.bodyLabel, text: inquiry.body }))
  }

  var state = "ok"

  function renderActions(inquiry) {
    var blocked = Object.keys(guardFindings).length > 0
    var href = blocked ? null : mailtoHref(inquiry)
    var tooLong = !!href && href.length > MAILTO_MAX
    state = blocked ? "blocked" : !href ? "noaddress" : tooLong ? "long" : "ok"
    if (state === "ok") {
      mailto.setAttribute("href", href)
      mailto.removeAttribute("aria-disabled")
    } else {
      /* Still reachable by keyboard, but carries nothing: a click explains why. */
      mailto.setAttribute("href", state === "blocked" ? "#inquiry-guard" : "#inquiry-length")
      mailto.setAttribute("aria-disabled", "true")
    }
    if (blocked) copyButton.setAttribute("aria-disabled", "true")
    else copyButton.removeAttribute("aria-disabled")
    /* The same words for as long as it is too long: a live region must not speak at every key. */
    var message = tooLong ? T.tooLong : ""
    var shown = lengthBox.querySelector("p:last-child")
    if ((shown ? shown.textContent : "") !== message) {
      lengthBox.textContent = ""
      if (message) {
        lengthBox.appendChild(el("p", { class: "admonition-title", text: T.tooLongTitle }))
        lengthBox.appendChild(el("p", { text: message }))
      }
      lengthBox.classList.toggle("admonition", !!message)
      lengthBox.classList.toggle("warning", !!message)
    }
  }

  /* ------------------------------------------------------------- validation */

  var validated = false /* errors are shown once the user tried to use the text */

  function validate() {
    var problems = []
    REQUIRED.forEach(function (name) {
      if (!field(name).value.trim()) problems.push({ name: name, text: name === "category" ? T.requiredCategory : T.required })
    })
    var email = field("account_email").value.trim()
    if (email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) problems.push({ name: "account_email", text: T.badEmail })
    return problems
  }

  /* Adds or removes `id` in the field's aria-describedby. */
  function describe(input, id, on) {
    var ids = (input.getAttribute("aria-describedby") || "").split(/\s+/).filter(function (x) { return x && x !== id })
    if (on) ids.push(id)
    if (ids.length) input.setAttribute("aria-describedby", ids.join(" "))
    else input.removeAttribute("aria-describedby")
  }

  var lastErrorsKey = ""

  /* Rebuilt only when the problems change (or `force`): the box is an alert, read out at each change. */
  function renderErrors(problems, force) {
    var key = JSON.stringify(problems)
    if (key === lastErrorsKey && !force) return
    lastErrorsKey = key
    form.querySelectorAll(".hc-field__error").forEach(function (n) { n.remove() })
    TEXT_FIELDS.forEach(function (name) {
      var input = field(name)
      input.removeAttribute("data-hc-error")
      describe(input, input.id + "-error", false)
      if (!guardFindings[name]) input.removeAttribute("aria-invalid")
    })
    errorsBox.textContent = ""
    errorsBox.classList.remove("admonition", "failure")
    if (!problems.length) return
    var list = el("ul")
    problems.forEach(function (p) {
      var input = field(p.name)
      var id = input.id + "-error"
      input.insertAdjacentElement("afterend", el("p", { id: id, class: "hc-field__error", text: p.text }))
      describe(input, id, true)
      input.setAttribute("aria-invalid", "true")
      input.setAttribute("data-hc-error", "")
      list.appendChild(el("li", {}, [el("a", { href: "#" + input.id, "data-hc-focus": input.id, text: labelText(p.name) }),
        (lang === "ja" ? "：" : ": ") + p.text]))
    })
    errorsBox.classList.add("admonition", "failure")
    errorsBox.appendChild(el("p", { class: "admonition-title", text: T.errorsTitle }))
    errorsBox.appendChild(list)
  }

  /* True when the text may be used; otherwise shows why and moves focus there. */
  function ready() {
    if (state === "blocked") {
      say(T.mailtoBlocked)
      guardBox.focus()
      return false
    }
    validated = true
    var problems = validate()
    renderErrors(problems, true)
    if (problems.length) {
      field(problems[0].name).focus()
      return false
    }
    return true
  }

  /* ------------------------------------------------------------------ draft */

  var draft = { fields: {}, groups: {}, preset: "" }

  function readDraft() {
    try {
      var d = JSON.parse(sessionStorage.getItem(STORAGE_KEY) || "null")
      return d && typeof d === "object" && d.fields ? d : null
    } catch (e) { return null }
  }

  function writeDraft() {
    try { sessionStorage.setItem(STORAGE_KEY, JSON.stringify(draft)) } catch (e) { /* storage off: no draft */ }
  }

  /* A field that trips the guard keeps its last safe value in the draft: no secret is stored. */
  function saveDraft() {
    TEXT_FIELDS.forEach(function (name) {
      if (!guardFindings[name]) draft.fields[name] = field(name).value
    })
    GROUPS.forEach(function (g) { draft.groups[g] = checked(g).map(function (c) { return c.value }) })
    writeDraft()
  }

  function urlCategory() {
    var c = new URLSearchParams(location.search).get("category")
    return CATEGORIES.indexOf(c) >= 0 ? c : ""
  }

  function applyDefaults() {
    form.reset()
    field("occurred_at").value = localValue(new Date())
    field("category").value = urlCategory()
  }

  function restore() {
    applyDefaults()
    var saved = readDraft()
    var preset = urlCategory()
    if (saved) {
      TEXT_FIELDS.forEach(function (name) {
        if (typeof saved.fields[name] === "string" && (name !== "occurred_at" || saved.fields[name])) {
          field(name).value = saved.fields[name]
        }
      })
      GROUPS.forEach(function (g) {
        var values = (saved.groups && saved.groups[g]) || []
        form.querySelectorAll('input[name="' + g + '"]').forEach(function (c) { c.checked = values.indexOf(c.value) >= 0 })
      })
      draft = { fields: saved.fields, groups: saved.groups || {}, preset: saved.preset || "" }
    }
    /* A link from a trouble page presets the category, unless this draft already came from that same link. */
    if (preset && preset !== draft.preset) field("category").value = preset
    draft.preset = preset || draft.preset
    return !!saved
  }

  /* ------------------------------------------------------------ suggestions */

  var suggestSeq = 0
  var suggestTimer = null
  var here = location.href.split("#")[0].split("?")[0]

  function scheduleSuggest() {
    clearTimeout(suggestTimer)
    suggestTimer = setTimeout(suggest, 250)
  }

  function suggest() {
    var query = field("summary").value.trim()
    var seq = ++suggestSeq
    if (!query || guardFindings.summary || !window.hcSearch) return showSuggestions([], query)
    window.hcSearch.pages(query, 6).then(function (pages) {
      if (seq !== suggestSeq) return
      showSuggestions(pages.filter(function (p) {
        return p.url.split("#")[0].split("?")[0] !== here
      }).slice(0, 3), query)
    }, function () {
      if (seq === suggestSeq) showSuggestions([], query)
    })
  }

  function showSuggestions(pages, query) {
    suggestBox.textContent = ""
    suggestBox.hidden = !pages.length
    suggestBox.setAttribute("data-hc-query", query)
    if (!pages.length) return
    var list = el("ul")
    pages.forEach(function (p) {
      var link = el("a", { href: p.url, text: p.title })
      list.appendChild(el("li", {}, [link, p.section ? el("span", { class: "hc-composer__suggestion-section", text: p.section }) : null]))
    })
    suggestBox.appendChild(el("p", { class: "hc-composer__suggestions-title", text: T.suggestTitle }))
    suggestBox.appendChild(list)
    suggestBox.appendChild(el("p", { class: "hc-sr-only", "aria-live": "polite", text: T.suggestCount(pages.length) }))
  }

  /* ---------------------------------------------------------------- actions */

  var sayTimer = null
  function say(message) {
    clearTimeout(sayTimer)
    statusBox.textContent = ""
    /* Cleared first so that the same message twice is announced twice. */
    sayTimer = setTimeout(function () { statusBox.textContent = message }, 50)
  }

  function copyWithSelection(text) {
    var area = el("textarea", { class: "hc-composer__clipboard", readonly: "", "aria-hidden": "true", tabindex: "-1" })
    area.value = text
    form.appendChild(area)
    var active = document.activeElement
    area.focus()
    area.select()
    var ok = false
    try { ok = document.execCommand("copy") } catch (e) { ok = false }
    area.remove()
    if (active && active.focus) active.focus()
    return ok
  }

  function selectPreview() {
    var range = document.createRange()
    range.selectNodeContents(preview)
    var sel = window.getSelection()
    sel.removeAllRanges()
    sel.addRange(range)
  }

  function copy() {
    if (!ready()) return
    var text = copyText(compose())
    function fallback() {
      if (copyWithSelection(text)) say(T.copied)
      else { selectPreview(); say(T.copyFailed) }
    }
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(text).then(function () { say(T.copied) }, fallback)
    } else {
      fallback()
    }
  }

  function update() {
    guardFindings = scanAll()
    renderGuard()
    var inquiry = compose()
    renderPreview(inquiry)
    renderActions(inquiry)
    if (validated) renderErrors(validate())
    showTimeZone()
  }

  function onChange(ev) {
    update()
    saveDraft()
    if (ev && ev.target === field("summary")) scheduleSuggest()
  }

  form.addEventListener("input", onChange)
  form.addEventListener("change", onChange)
  form.addEventListener("submit", function (ev) {
    ev.preventDefault()
    if (ready()) $("#inquiry-output-title").focus()
  })
  form.addEventListener("click", function (ev) {
    var jump = ev.target.closest && ev.target.closest("[data-hc-focus]")
    if (jump) {
      var target = document.getElementById(jump.getAttribute("data-hc-focus"))
      if (target) { ev.preventDefault(); target.focus() }
    }
  })
  copyButton.addEventListener("click", copy)
  mailto.addEventListener("click", function (ev) {
    if (state === "long") {
      ev.preventDefault()
      lengthBox.setAttribute("tabindex", "-1")
      lengthBox.focus()
      return
    }
    if (state !== "ok" || !ready()) ev.preventDefault()
  })
  clearButton.addEventListener("click", function () {
    clearTimeout(suggestTimer)
    suggestSeq++
    try { sessionStorage.removeItem(STORAGE_KEY) } catch (e) { /* nothing stored */ }
    draft = { fields: {}, groups: {}, preset: urlCategory() }
    applyDefaults()
    validated = false
    renderErrors([], true)
    showSuggestions([], "")
    update()
    field("category").focus()
    say(T.cleared)
  })

  /* ------------------------------------------------------------------- start */

  if (inquiryFormHref) formLink.setAttribute("href", inquiryFormHref)
  else formLink.hidden = true
  var hadDraft = restore()
  update()
  if (field("summary").value.trim()) suggest()
  document.querySelectorAll(".hc-composer-fallback").forEach(function (n) { n.hidden = true })
  form.hidden = false
  if (hadDraft) say(T.restored)

  function loaded() {
    setWords(window.hcBip39English)
    update()
    form.setAttribute("data-hc-ready", "")
  }
  if (window.hcBip39English || !scriptBase) {
    loaded()
  } else {
    var s = document.createElement("script")
    s.src = new URL("bip39-english.js", scriptBase).href
    s.onload = loaded
    s.onerror = loaded /* the other checks still work */
    document.head.appendChild(s)
  }
})()
