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
 * Nothing leaves the page: no request is made. Served, the draft is kept in
 * sessionStorage (this tab only); opened from disk (file://), where every
 * local file shares one storage and any other HTML file opened in the tab
 * could read it, nothing is kept (draftStore). And the BIP-39 word lists arrive as plain
 * scripts (bip39-english.js, bip39-japanese.js), as a page opened from disk cannot fetch files.
 *
 * What counts as a secret is decided by secret-guard.js (window.hcSecretGuard),
 * loaded before this script on the same page.
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
        category: "トラブルの種類",
        occurred: "発生日時",
        summary: "起きたこと",
        details: "詳しい状況と操作",
        error: "エラーメッセージ",
        tried: "試したこと",
        account: "アカウント",
        reference: "注文番号・取引ID・トランザクションID（txid）",
        evidence: "添付資料",
        read: "読んだヘルプページ"
      },
      readLabel: "このタブで読んだヘルプページ",
      readHint: "文面に含めると、サポートが状況をつかみやすくなります。この一覧はこのページから送信されません。不要なら消してください。",
      readRemove: "この一覧を文面から消す",
      readRemoved: "読んだヘルプページの一覧を消しました。",
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
        phrase: "リカバリーフレーズ（単語の並び）のようなもの",
        "private-key": "秘密鍵のようなもの",
        "api-secret": "APIのシークレットキーのようなもの"
      },
      hexHint: function (label) {
        return "トランザクションID（txid）であれば、直前に「txid」と書き添えるか、「" + label + "」の欄に入力してください。"
      },
      hexQuestion: function (label) { return "「" + label + "」の欄にある64桁の英数字は何ですか？" },
      hexTxid: "トランザクションID（txid）です",
      hexOther: "それ以外です（欄から削除する）",
      hexMoved: function (label) { return "トランザクションIDを「" + label + "」の欄に移しました。" },
      hexRemoved: function (label) { return "64桁の英数字を「" + label + "」の欄から削除しました。秘密鍵などは、どこにも入力しないでください。" },
      askQuestion: function (label, noun) { return "「" + label + "」の欄にある英数字は、" + noun + "ですか？" },
      askNouns: { password: "パスワード", otp: "認証コード" },
      askYes: "はい（欄から削除する）",
      askNo: "いいえ（そのまま使う）",
      askRemoved: function (label) { return "「" + label + "」の欄から削除しました。" },
      askKept: "そのまま文面に含めます。",
      notStored: "この欄は、空にするまで一時保存しません。",
      count: function (n, max) { return n.toLocaleString("ja-JP") + " / " + max.toLocaleString("ja-JP") + "文字" },
      countOver: function (n, max) {
        return n.toLocaleString("ja-JP") + " / " + max.toLocaleString("ja-JP") + "文字：" + (n - max).toLocaleString("ja-JP") + "文字多すぎます。短くしてください。"
      },
      tooLongField: function (max) { return max.toLocaleString("ja-JP") + "文字以内にしてください。" },
      overLimit: "（この欄は長すぎるため表示していません。短くしてください）",
      countCut: function (n, max, cut) {
        return n.toLocaleString("ja-JP") + " / " + max.toLocaleString("ja-JP") + "文字：上限を超えた" + cut.toLocaleString("ja-JP") +
          "文字は入力されていません。長い記録は、ファイルにしてお問い合わせに添付してください。"
      },
      errorsTitle: "入力が必要な欄があります",
      required: "この欄を入力してください。",
      requiredCategory: "トラブルの種類を選んでください。",
      badEmail: "メールアドレスの形で入力してください（例：name@example.com）。",
      tooLongTitle: "メールアプリでは開けないおそれがあります",
      tooLong: "文面が長いため、メールアプリで正しく開けないおそれがあります（メールのリンクに入る長さには限りがあり、日本語は1文字が9文字分になるため、見出しを含めておよそ200文字が上限です）。「文面をコピー」を押して、お問い合わせフォームか、メールに貼り付けてください。",
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
        reference: "Order number, trade ID or transaction ID (txid)",
        evidence: "Attachments",
        read: "Help pages I read"
      },
      readLabel: "Help pages you read in this tab",
      readHint: "Included in your inquiry, it helps support understand your situation. This page sends the list nowhere. Remove it if you prefer.",
      readRemove: "Remove this list from the inquiry",
      readRemoved: "The list of help pages you read was removed.",
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
        phrase: "what looks like a recovery phrase (a list of words)",
        "private-key": "what looks like a private key",
        "api-secret": "what looks like an API secret"
      },
      hexHint: function (label) {
        return "If it is a transaction ID, write \"txid\" just before it, or put it in the \"" + label + "\" field."
      },
      hexQuestion: function (label) { return "What is the 64-character code in \"" + label + "\"?" },
      hexTxid: "A transaction ID (txid)",
      hexOther: "Something else (remove it)",
      hexMoved: function (label) { return "The transaction ID was moved to \"" + label + "\"." },
      hexRemoved: function (label) { return "The 64-character code was removed from \"" + label + "\". Never enter a private key anywhere." },
      askQuestion: function (label, noun) { return "Is the code in \"" + label + "\" your " + noun + "?" },
      askNouns: { password: "password", otp: "verification code" },
      askYes: "Yes (remove it)",
      askNo: "No (keep it)",
      askRemoved: function (label) { return "Removed from \"" + label + "\"." },
      askKept: "It stays in the inquiry.",
      notStored: "This field is not saved in the draft until you empty it.",
      count: function (n, max) { return n.toLocaleString("en-US") + " / " + max.toLocaleString("en-US") + " characters" },
      countOver: function (n, max) {
        return n.toLocaleString("en-US") + " / " + max.toLocaleString("en-US") + " characters: " + (n - max).toLocaleString("en-US") + " too many. Please shorten it."
      },
      tooLongField: function (max) { return "Keep it to " + max.toLocaleString("en-US") + " characters or fewer." },
      overLimit: "(This field is not shown: it is too long. Please shorten it.)",
      countCut: function (n, max, cut) {
        return n.toLocaleString("en-US") + " / " + max.toLocaleString("en-US") + " characters: the last " + cut.toLocaleString("en-US") +
          " characters you typed or pasted went over the limit and were not added. Attach long logs to your inquiry as a file."
      },
      errorsTitle: "Some fields need your attention",
      required: "Fill in this field.",
      requiredCategory: "Choose the type of trouble.",
      badEmail: "Enter an email address, like name@example.com.",
      tooLongTitle: "Too long for the mail app",
      tooLong: "The message is too long for a mail link (a mail link holds about 1,800 characters, and spaces, line breaks and letters other than English take more room), so your mail app may not open it correctly. Use \"Copy the text\" and paste it into the inquiry form or an email.",
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

  /* The mailto: link's length, percent-encoded: a Japanese character takes 9 (its 3 UTF-8 bytes as %XX),
     so a Japanese inquiry reaches it near 200 characters; tooLong says so. */
  var MAILTO_MAX = 1800
  var STORAGE_KEY = "hc-inquiry-draft:" + lang
  var CATEGORIES = ["system-outage", "trading", "deposits-withdrawals", "account", "security-threats", "other"]
  var TEXT_FIELDS = ["category", "occurred_at", "summary", "details", "error_message", "user_id", "account_email",
    "reference_id", "pages_read"]
  var GROUPS = ["tried", "evidence"]
  var REQUIRED = ["category", "occurred_at", "summary", "details"]
  /*
   * Longest text each field takes. A field far longer than that makes every
   * keystroke slow (the browser lays out the whole text again), so what goes
   * over the limit is not added; unlike a maxlength, which cuts a paste
   * silently, the counter under the field says how much was left out.
   */
  var LIMITS = { summary: 120, details: 4000, error_message: 1000, user_id: 64, account_email: 254, reference_id: 1000 }

  /* -------------------------------------------------------------------- guard */

  /* The secret guard is its own module (secret-guard.js), loaded just before this script. */
  var guard = window.hcSecretGuard
  if (!guard) return

  /* ---------------------------------------------------------------- the form */

  var $ = function (sel) { return form.querySelector(sel) }
  var readBox = addPagesRead()
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

  /* IDs are typed as they are: no capital letter added, no spelling fix, no underline (the form
     is written in docs/, which other work rewrites; the attributes are set here). */
  ;["user_id", "reference_id"].forEach(function (name) {
    var input = field(name)
    if (!input) return
    input.setAttribute("autocapitalize", "none")
    input.setAttribute("autocorrect", "off")
    input.setAttribute("spellcheck", "false")
  })

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

  /*
   * The help pages read in this tab (pages-read.js), as a read-only field
   * after "already tried": in the preview and the output like any field, so
   * that the secret guard judges it with the rest, and removable with one
   * button. Built here, with text only: the list comes from sessionStorage.
   */
  function addPagesRead() {
    var tried = form.querySelector('input[name="tried"]')
    var after = tried ? tried.closest("fieldset") : null
    if (!after) return null
    var area = el("textarea", { id: "inquiry-pages-read", name: "pages_read", rows: "3", readonly: "",
      "aria-describedby": "inquiry-pages-read-hint" })
    var box = el("div", { class: "hc-field hc-composer__read", hidden: "" }, [
      el("label", { for: "inquiry-pages-read", text: T.readLabel }),
      el("p", { class: "hc-field__hint", id: "inquiry-pages-read-hint", text: T.readHint }),
      area,
      el("button", { type: "button", id: "inquiry-pages-read-remove", class: "md-button", text: T.readRemove })
    ])
    after.insertAdjacentElement("afterend", box)
    return box
  }

  function pagesReadText() {
    var read = window.hcPagesRead ? window.hcPagesRead.list() : []
    /* Half-width brackets in both languages: the guard reads a secret up to a space or the end of a line. */
    return read.map(function (p) { return p.title + " (" + p.url + ")" }).join("\n")
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

  /* Free-text fields, checked together: a recovery phrase may be split between two of them. */
  function scanAll() {
    var values = {}
    TEXT_FIELDS.forEach(function (name) {
      if (name !== "category" && name !== "occurred_at") values[name] = field(name).value
    })
    return guard.scanFields(values, dismissed)
  }

  /* What the user said is not a secret when asked (field -> values): memory only, never stored. */
  var dismissed = {}
  var questions = [] /* the unsure findings asked about, by the index their buttons carry */

  function overLimit(name) { return !!LIMITS[name] && field(name).value.length > LIMITS[name] }

  function value(name) {
    if (guardFindings[name]) return T.withheld
    if (overLimit(name)) return T.overLimit
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
    section(T.h.read, value("pages_read").split("\n").map(function (line) { return line.trim() && T.bullet + line.trim() }))
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
    form.querySelectorAll(".hc-field__guard, .hc-composer__ask").forEach(function (n) { n.remove() })
    TEXT_FIELDS.forEach(function (name) {
      var input = field(name)
      describe(input, input.id + "-guard", false)
      if (guardFindings[name]) {
        input.setAttribute("aria-invalid", "true")
        var kinds = guardFindings[name].map(function (f) { return T.kinds[f.kind] })
        var note = el("p", { id: input.id + "-guard", class: "hc-field__guard", text: T.fieldNote(kinds) + (lang === "ja" ? "" : " ") + T.notStored })
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
    var asks = []
    questions = []
    names.forEach(function (name) {
      var kinds = guardFindings[name].map(function (f) {
        if (f.hint === "hex") asks.push(name)
        if (f.hint === "ask" && T.askNouns[f.kind]) questions.push({ name: name, kind: f.kind, value: f.value })
        return T.kinds[f.kind]
      })
      var link = el("a", { href: "#" + field(name).id, "data-hc-focus": field(name).id, text: labelText(name) })
      list.appendChild(el("li", {}, [link, (lang === "ja" ? "：" : ": ") + kinds.join(lang === "ja" ? "、" : ", ")]))
    })
    guardBox.appendChild(el("p", { class: "admonition-title", text: T.guardTitle }))
    guardBox.appendChild(el("p", { text: T.guardLead }))
    guardBox.appendChild(list)
    /* A bare 64-hex string may be a transaction ID or a private key: the user says which, right
       under the field (the next tab stop after it), not in the alert further down the form. */
    asks.forEach(function (name) {
      var id = "inquiry-hex-question-" + name.replace(/_/g, "-")
      var note = document.getElementById(field(name).id + "-guard")
      note.insertAdjacentElement("afterend", el("div", { class: "hc-composer__ask", role: "group", "aria-labelledby": id }, [
        el("p", { id: id, text: T.hexQuestion(labelText(name)) }),
        el("button", { type: "button", class: "md-button", "data-hc-hex": "txid", "data-hc-field": name, text: T.hexTxid }),
        el("button", { type: "button", class: "md-button", "data-hc-hex": "other", "data-hc-field": name, text: T.hexOther }),
        el("p", { class: "hc-composer__ask-hint", text: T.hexHint(labelText("reference_id")) })
      ]))
    })
    /* Likely but not sure ("Is this your password?"): held back until answered. */
    questions.forEach(function (q, i) {
      var id = "inquiry-ask-question-" + i
      guardBox.appendChild(el("div", { class: "hc-composer__ask", role: "group", "aria-labelledby": id }, [
        el("p", { id: id, text: T.askQuestion(labelText(q.name), T.askNouns[q.kind]) }),
        el("button", { type: "button", class: "md-button", "data-hc-ask": "yes", "data-hc-ask-index": String(i), text: T.askYes }),
        el("button", { type: "button", class: "md-button", "data-hc-ask": "no", "data-hc-ask-index": String(i), text: T.askNo })
      ]))
    })
  }

  /* "Yes": the value leaves the field; "no": it is let through, for as long as the page is open. */
  function answerAsk(index, answer) {
    var q = questions[index]
    if (!q) return
    var input = field(q.name)
    var message
    if (answer === "yes") {
      input.value = input.value.split(q.value).join("").replace(/[ \t]{2,}/g, " ")
      message = T.askRemoved(labelText(q.name))
    } else {
      dismissed[q.name] = (dismissed[q.name] || []).concat([q.value])
      message = T.askKept
    }
    update()
    saveDraft()
    input.focus()
    say(message)
  }

  /* "A transaction ID": the bare hex strings move to the reference field; "something else": they are removed. */
  function answerHex(name, answer) {
    var input = field(name)
    var hexes = guard.askHex(input.value, name)
    if (!hexes.length) return
    var text = input.value
    hexes.forEach(function (h) { text = text.split(h).join("") })
    input.value = text.replace(/[ \t]{2,}/g, " ").replace(/^\s+|\s+$/g, "")
    var message
    if (answer === "txid") {
      var ref = field("reference_id")
      ref.value = [ref.value.trim()].concat(hexes.map(function (h) { return "txid " + h })).filter(Boolean).join("\n")
      message = T.hexMoved(labelText("reference_id"))
    } else {
      message = T.hexRemoved(labelText(name))
    }
    /* The whole string went at once, so no part of it is left to keep out of the draft. */
    delete tainted[name]
    update()
    saveDraft()
    input.focus()
    say(message)
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
    Object.keys(LIMITS).forEach(function (name) {
      if (overLimit(name)) problems.push({ name: name, text: T.tooLongField(LIMITS[name]) })
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

  var draft = { fields: {}, groups: {}, preset: "", readRemoved: false }

  /*
   * Where the draft is kept: sessionStorage when served; from disk, nowhere
   * (a draft that an earlier version kept there is removed).
   */
  var draftStore = null
  try {
    if (location.protocol !== "file:") draftStore = window.sessionStorage
    else sessionStorage.removeItem(STORAGE_KEY)
  } catch (e) { /* storage blocked: nothing kept */ }

  function readDraft() {
    if (!draftStore) return null
    try {
      var d = JSON.parse(draftStore.getItem(STORAGE_KEY) || "null")
      return d && typeof d === "object" && d.fields ? d : null
    } catch (e) { return null }
  }

  function writeDraft() {
    if (!draftStore) return
    try { draftStore.setItem(STORAGE_KEY, JSON.stringify(draft)) } catch (e) { /* storage off: no draft */ }
  }

  /*
   * Fields that held something the guard flags since they were last empty.
   * Typed key by key, a secret is in the field before it is recognisable:
   * "パスワード：hunter2" is safe-looking at "パスワード：hunte", a phrase at
   * 11 words, a key at 63 digits. Keeping "the last safe value" would keep
   * all that. So a field that has tripped the guard is left out of the draft
   * altogether (and removed from it) until it is emptied. Memory only.
   */
  var tainted = {}

  function saveDraft() {
    TEXT_FIELDS.forEach(function (name) {
      if (name === "pages_read") return /* comes from the reading list each time; only its removal is kept */
      var current = field(name).value
      if (guardFindings[name]) tainted[name] = true
      else if (!current.trim()) delete tainted[name]
      if (tainted[name]) delete draft.fields[name]
      else draft.fields[name] = current
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
    field("pages_read").value = pagesReadText()
  }

  var restoredValues = {} /* what restore() put in each field, checked again once the word list is there */

  function restore() {
    applyDefaults()
    var saved = readDraft()
    var preset = urlCategory()
    if (saved) {
      /* A draft is checked again before it is shown: anything the guard flags is dropped, not restored. */
      var stored = {}
      TEXT_FIELDS.forEach(function (name) {
        if (typeof saved.fields[name] === "string") stored[name] = saved.fields[name]
      })
      var flagged = guard.scanFields(stored)
      TEXT_FIELDS.forEach(function (name) {
        if (flagged[name]) { delete saved.fields[name]; return }
        if (typeof saved.fields[name] === "string" && (name !== "occurred_at" || saved.fields[name])) {
          field(name).value = saved.fields[name]
          restoredValues[name] = saved.fields[name]
        }
      })
      GROUPS.forEach(function (g) {
        var values = (saved.groups && saved.groups[g]) || []
        form.querySelectorAll('input[name="' + g + '"]').forEach(function (c) { c.checked = values.indexOf(c.value) >= 0 })
      })
      draft = { fields: saved.fields, groups: saved.groups || {}, preset: saved.preset || "", readRemoved: saved.readRemoved === true }
      if (draft.readRemoved) field("pages_read").value = ""
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

  /* A counter under each field; over the limit it says by how much (visible at once, read with the field). */
  var cutNotes = {} /* field -> characters just left out, shown until the next edit of that field */
  var pendingCut = null /* {name, excess}: an insertion insertWithinLimit cut, noted when its input event comes */

  /* Keeps a field within its limit by leaving out the end of what was just typed or pasted (before the caret). */
  function enforceLimit(input) {
    var name = input && input.name
    if (!LIMITS[name]) return
    var excess = input.value.length - LIMITS[name]
    if (excess <= 0) {
      if (pendingCut && pendingCut.name === name) cutNotes[name] = pendingCut.excess
      else delete cutNotes[name]
      pendingCut = null
      return
    }
    var caret = typeof input.selectionStart === "number" ? input.selectionStart : input.value.length
    var from = Math.max(0, caret - excess)
    var end = from + excess
    if (caret < excess) { from = input.value.length - excess; end = input.value.length }
    input.value = input.value.slice(0, from) + input.value.slice(end)
    try { input.setSelectionRange(from, from) } catch (e) { /* type=email has no selection */ }
    cutNotes[name] = excess
    say(T.countCut(input.value.length, LIMITS[name], excess))
  }

  /*
   * What would go over a field's limit is cut before the browser inserts it: Chromium takes about
   * 4 s to lay out a textarea of 100,000 Japanese characters (measured), however little of it is
   * then kept, so a pasted log would freeze the page. What fits goes in as the insertion would have
   * (undo included); the counter says how much was left out, as enforceLimit does after the fact
   * for what cannot be cut beforehand (an IME's composition, an email field's text).
   */
  function insertWithinLimit(ev) {
    var input = ev.target
    var limit = input && LIMITS[input.name]
    if (!limit || !ev.cancelable || typeof ev.data !== "string") return
    var start = input.selectionStart, end = input.selectionEnd
    if (typeof start !== "number" || typeof end !== "number") return
    var room = limit - (input.value.length - (end - start))
    if (ev.data.length <= room) return
    ev.preventDefault()
    var kept = ev.data.slice(0, Math.max(0, room))
    var excess = ev.data.length - kept.length
    var length = input.value.length - (end - start) + kept.length
    pendingCut = { name: input.name, excess: excess }
    /* execCommand's input event comes after this handler returns; the fallback's at once. */
    if (!kept || !document.execCommand("insertText", false, kept)) {
      if (kept) input.setRangeText(kept, start, end, "end")
      input.dispatchEvent(new Event("input", { bubbles: true }))
    }
    say(T.countCut(length, limit, excess))
  }

  function renderCounts() {
    Object.keys(LIMITS).forEach(function (name) {
      var input = field(name)
      var id = input.id + "-count"
      var counter = document.getElementById(id)
      if (!counter) {
        counter = el("p", { id: id, class: "hc-field__count" })
        input.insertAdjacentElement("afterend", counter)
        describe(input, id, true)
      }
      var n = input.value.length
      var over = n > LIMITS[name]
      var cut = cutNotes[name]
      var text = over ? T.countOver(n, LIMITS[name]) : cut ? T.countCut(n, LIMITS[name], cut) : T.count(n, LIMITS[name])
      if (counter.textContent !== text) counter.textContent = text
      counter.classList.toggle("hc-field__count--over", over || !!cut)
    })
  }

  function update() {
    readBox.hidden = !field("pages_read").value.trim()
    renderCounts()
    guardFindings = scanAll()
    renderGuard()
    var inquiry = compose()
    renderPreview(inquiry)
    renderActions(inquiry)
    if (validated) renderErrors(validate())
    showTimeZone()
  }

  function onChange(ev) {
    if (ev && ev.type === "input") enforceLimit(ev.target)
    update()
    saveDraft()
    if (ev && ev.target === field("summary")) scheduleSuggest()
  }

  form.addEventListener("beforeinput", insertWithinLimit)
  form.addEventListener("input", onChange)
  form.addEventListener("change", onChange)
  form.addEventListener("submit", function (ev) {
    ev.preventDefault()
    if (ready()) $("#inquiry-output-title").focus()
  })
  form.addEventListener("click", function (ev) {
    var hex = ev.target.closest && ev.target.closest("[data-hc-hex]")
    if (hex) return answerHex(hex.getAttribute("data-hc-field"), hex.getAttribute("data-hc-hex"))
    var asked = ev.target.closest && ev.target.closest("[data-hc-ask]")
    if (asked) return answerAsk(+asked.getAttribute("data-hc-ask-index"), asked.getAttribute("data-hc-ask"))
    var jump = ev.target.closest && ev.target.closest("[data-hc-focus]")
    if (jump) {
      var target = document.getElementById(jump.getAttribute("data-hc-focus"))
      if (target) { ev.preventDefault(); target.focus() }
    }
  })
  copyButton.addEventListener("click", copy)
  $("#inquiry-pages-read-remove").addEventListener("click", function () {
    field("pages_read").value = ""
    draft.readRemoved = true
    update()
    saveDraft()
    field("summary").focus()
    say(T.readRemoved)
  })
  mailto.addEventListener("click", function (ev) {
    if (state === "long") {
      ev.preventDefault()
      lengthBox.setAttribute("tabindex", "-1")
      lengthBox.focus()
      return
    }
    /* Blocked: nothing opens, and the reader hears why and lands on the list of what to remove. */
    if (state === "blocked") { ev.preventDefault(); ready(); return }
    if (state !== "ok" || !ready()) ev.preventDefault()
  })
  clearButton.addEventListener("click", function () {
    clearTimeout(suggestTimer)
    suggestSeq++
    try { sessionStorage.removeItem(STORAGE_KEY) } catch (e) { /* nothing stored */ }
    draft = { fields: {}, groups: {}, preset: urlCategory(), readRemoved: false }
    tainted = {}
    dismissed = {}
    cutNotes = {}
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
  if (hadDraft) saveDraft() /* what the restore dropped leaves the stored draft too */
  if (field("summary").value.trim()) suggest()
  document.querySelectorAll(".hc-composer-fallback").forEach(function (n) { n.hidden = true })
  form.hidden = false
  if (hadDraft) say(T.restored)

  function loaded() {
    guard.setWords(window.hcBip39English, window.hcBip39Japanese)
    /* A phrase restored before the word list arrived is taken out again, field and draft. */
    var flagged = scanAll()
    Object.keys(restoredValues).forEach(function (name) {
      if (flagged[name] && field(name).value === restoredValues[name]) field(name).value = ""
    })
    restoredValues = {}
    update()
    if (readDraft()) saveDraft()
    form.setAttribute("data-hc-ready", "")
  }
  var lists = ["bip39-english.js", "bip39-japanese.js"]
  var pending = lists.length
  function listDone() { if (--pending === 0) loaded() } /* loaded or failed: the other checks still work */
  if ((window.hcBip39English && window.hcBip39Japanese) || !scriptBase) {
    loaded()
  } else {
    lists.forEach(function (name) {
      var s = document.createElement("script")
      s.src = new URL(name, scriptBase).href
      s.onload = listDone
      s.onerror = listDone
      document.head.appendChild(s)
    })
  }
})()
