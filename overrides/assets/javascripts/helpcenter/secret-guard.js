/*
 * Secret guard for the inquiry composer (composer.js): what in a field looks
 * like a password, a one-time code, a recovery phrase, a private key or an
 * API secret, which support never needs and the composer never keeps or sends.
 *
 * It judges by shape and context, not by a list of examples: a token that
 * looks like a password next to a password word, a 4–8 digit number whose
 * nearest label is a verification code (and not an order, an amount, a
 * bank-transfer code or an error code), either also on the line under a
 * label that ends its line ("Password:" / "認証コード：" then the value),
 * twelve or more BIP-39 words in a row whatever separates them (even across
 * fields), 64 hex digits or a WIF/xprv key (also split in pieces) near a
 * key word, a long random token after a "secret" label. Cases:
 * data/composer/guard-cases.yml, run in Chromium by tests/test_secret_guard.py.
 *
 * window.hcSecretGuard:
 *   scan(text, field) -> [{kind, hint?}]; kinds: password, otp, phrase,
 *     private-key, api-secret. hint "hex": a bare 64-hex string that may be a
 *     transaction ID; the composer asks the user which it is.
 *   scanFields({field: text}) -> {field: findings}, fields checked together
 *     for a recovery phrase split between them.
 *   askHex(text, field) -> the bare 64-hex strings the user is asked about.
 *   setWords(list), wordsLoaded().
 * Pure functions of the text: no DOM, no storage, no request.
 */
;(function () {
  "use strict"

  var B58 = "1-9A-HJ-NP-Za-km-z"
  var ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff\u00ad]/g

  var wordSet = null
  function setWords(list) { wordSet = list && list.length === 2048 ? new Set(list) : null }

  /*
   * NFKC (full-width ｐａｓｓ１２３ counts too). Zero-width characters are
   * dropped (hun<ZWSP>ter2 is hunter2), except between the words of a phrase,
   * where they separate words the reader sees apart (`spaced`).
   */
  function normalize(raw, spaced) {
    return String(raw || "").normalize("NFKC").replace(ZERO_WIDTH, spaced ? " " : "")
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

  /* ----------------------------------------------------------- passwords */

  var PASSWORD_WORD = new RegExp(
    "(?<![a-z])(?:pass\\s?words?|passwd|passcode|passphrase|pwd|pw|pin(?:\\s?code)?)(?![a-z])" +
    "|(?<!ワンタイム|ワン・タイム)パスワード|パスコード|暗証番号|合言葉", "gi")
  /* `pass` alone is a password only in "pass: x" / "pass=x". */
  var PASS_SHORT = /(?<![a-z])pass(?![a-z])(?=\s*(?:[:=]|(?:is|was)\s))/gi
  /* Words between a password word and a token that say the token is something else. */
  var OTHER_LABEL = /注文|order|取引|trade|エラー|error|code|コード|番号|number|(?<![a-z])(?:id|no|tx|txid|url|uri)(?![a-z])|ユーザー|user|メール|mail|アドレス|address|口座|account|電話|phone|金額|amount|円|yen|jpy|btc|eth|xrp/i
  /* Ordinary words seen after "password:" that are not passwords. */
  var NOT_PASSWORD = /^(?:reset|resets|resetting|forgot|forgotten|forget|incorrect|wrong|invalid|expired|expires|change|changed|changing|unknown|error|required|none|same|correct|lost|locked|again|not|isn't|wasn't|doesn't|didn't|does|did|is|was|the|my|your|and|for|field|screen|page|link|email|mail|sms|login|log|sign|update|updated|rejected|accepted|works|working|fails|failed|match|mismatch|too|short|long|weak|strong|hidden|masked|blank|empty|new|old|set|used|use|here|there|this|that|it|ok|okay|yes|no)$/i

  function charClasses(t) {
    var n = 0
    if (/[a-z]/.test(t)) n++
    if (/[A-Z]/.test(t.slice(1)) || /^[A-Z]{2}/.test(t)) n++ /* a capital first letter alone is just a word */
    if (/\d/.test(t)) n++
    if (/[^A-Za-z0-9]/.test(t)) n++
    return n
  }

  /* A lower-case run that is two or more BIP-39 words glued together (correcthorsebatterystaple). */
  function gluedWords(t) {
    if (!wordSet || t.length < 10 || !/^[a-z]+$/.test(t)) return false
    var ok = [0]
    for (var i = 1; i <= t.length; i++) {
      ok[i] = -1
      for (var j = Math.max(0, i - 8); j <= i - 3; j++) {
        if (ok[j] >= 0 && wordSet.has(t.slice(j, i))) { ok[i] = ok[j] + 1; break }
      }
    }
    return ok[t.length] >= 2
  }

  /*
   * Does `raw`, found `gap` after a password word (`strong`: right after a
   * colon, an equals sign or a bracket), look like a password? `next` is the
   * text after it: 2024年 or 10件 is a year or a count, not a PIN.
   */
  function passwordLike(raw, strong, pin, next, adjacent) {
    var t = raw.replace(/^[("'`\[<{「『【“‘]+/, "").replace(/[.,;:!?)\]"'`>}」』】”’。、]+$/, "")
    if (/[!?]$/.test(raw) && t.length >= 3 && !/[!?]$/.test(t)) t = raw.replace(/^[("'`\[<{「『【“‘]+/, "").replace(/[.,;:)\]"'`>}」』】”’。、]+$/, "")
    if (t.length < 4 || /:\/\/|^www\.|@.*\./i.test(t)) return false
    if (/^[*•●·xX.]+$/.test(t) || /^\*+/.test(t)) return false /* masked */
    if (/^\d{1,4}([-/.:]\d{1,4})+$/.test(t)) return false /* a date or a time */
    if (/^\d+$/.test(t)) {
      if (/^\s*[年月日時分秒円件回個%]|^\s*(?:yen|jpy|btc|times|years?|days?|hours?|minutes?)\b/i.test(next || "")) return false
      return pin ? t.length >= 4 && t.length <= 8 : adjacent && t.length >= 6
    }
    if (NOT_PASSWORD.test(t)) return false
    if (/^[a-z]+$/i.test(t) && /^[A-Z]?[a-z]+$/.test(t)) {
      /* One plain word: a password only when clearly labelled, or glued words, or very long. */
      return (strong && t.length >= 4) || gluedWords(t.toLowerCase()) || t.length >= 20
    }
    return charClasses(t) >= 2 || (strong && t.length >= 4)
  }

  function findPassword(text) {
    var hits = []
    ;[PASSWORD_WORD, PASS_SHORT].forEach(function (re) {
      re.lastIndex = 0
      for (var m; (m = re.exec(text));) hits.push({ end: m.index + m[0].length, pin: /pin|暗証番号|パスコード|passcode/i.test(m[0]), word: m[0] })
    })
    for (var h = 0; h < hits.length; h++) {
      var after = lineAfter(text, hits[h].end, 48)
      /*
       * "Password:" ending its line: the value is on the next line that has
       * text, as in a form copied out; after a bare "Password" only a value
       * alone on its line (the next line of a sentence is not one).
       */
      var label = after.match(/^\s*([:=：]|は|is|was)?\s*$/i)
      var below = label && text.slice(hits[h].end + after.length).match(/^\n\s*([^\n]{1,48})/)
      if (below && (label[1] || !/\s/.test(below[1].trim()))) after = (label[1] ? label[1] + " " : "") + below[1]
      /* Tokens: runs of printable ASCII, up to the first few after the word. */
      var re = /[!-~]+/g
      var seen = 0
      for (var t; (t = re.exec(after)) && seen < 6;) {
        seen++
        var gap = after.slice(0, t.index)
        if (OTHER_LABEL.test(gap)) break
        if (/[。\.]\s*$/.test(gap) && gap.trim().length > 1) break /* a new sentence */
        var token = t[0]
        var lead = token.match(/^[:=]+|^=>|^->/)
        if (lead) { token = token.slice(lead[0].length); gap += lead[0] }
        if (!token) continue
        if (!gap && /^[-_/]/.test(token)) break /* password-reset: one compound word */
        if (/^(?:is|was|to|as|are|:|=)$/i.test(token)) continue /* "password is X", "changed it to X" */
        if (PASSWORD_WORD.test(token)) { PASSWORD_WORD.lastIndex = 0; break }
        PASSWORD_WORD.lastIndex = 0
        var strong = /[:=：「『【(\["'“‘]\s*$|[→]\s*$|(?:is|was|は)\s*$/i.test(gap) || /^[("'`\[「『【“‘]/.test(token) || /[「『【(“]\s*$/.test(gap)
        var adjacent = gap.replace(/\s|[:=：は]|is|was/gi, "").length <= 1
        /* Further away, only a token introduced as the password ("… was X", "…: X") counts. */
        if (!strong && gap.replace(/\s/g, "").length > 2) continue
        if (passwordLike(token, strong, hits[h].pin, after.slice(t.index + t[0].length), adjacent)) return true
      }
    }
    return false
  }

  /* ------------------------------------------------------- one-time codes */

  /* Words for a code that proves who you are. */
  var OTP_STRONG = /認証コード|確認コード|認証番号|確認番号|セキュリティコード|ワンタイム(?:パスワード)?|二段階認証|2段階認証|二要素認証|2要素認証|(?<![a-z])(?:2fa|mfa|otp|totp|sms|one[\s-]?time(?:\s?(?:password|code|passcode))?|two[\s-]?factor|2[\s-]?step|authenticator|verification|security\s?code|auth(?:entication)?\s?code)(?![a-z])|認証アプリ|authy|google\s?認証/gi
  /* Generic heads: what they name depends on the words before them (認証コード vs 取引コード). */
  var HEAD = /コード|(?<!暗証)番号|(?<![a-z])(?:code|number|no\.?)(?![a-z])/gi
  var ID_QUALIFIER = /(?:注文|取引|約定|出金|入金|送金|振込|依頼人|振込人|口座|支店|銀行|会員|顧客|ユーザー|アカウント|電話|携帯|郵便|エラー|ステータス|紹介|招待|クーポン|キャンペーン|商品|通貨|国|問い合わせ|お問合せ|受付|管理|伝票|追跡|order|trade|transaction|deposit|withdrawal|transfer|bank|branch|account|customer|user|member|phone|zip|postal|post|error|status|http|referral|promo(?:tion)?|invite|invitation|coupon|campaign|product|currency|country|reference|ref|ticket|case|inquiry|tracking|swift|qr|reason|exit|return|response|failed|failure|exception)\s*(?:の|-|_)?\s*$/i
  var ID_WORD = /注文|取引|約定|出金|入金|送金|振込|依頼人|口座|支店|銀行|会員|ユーザー|電話|郵便|エラー|ステータス|紹介|招待|受付|伝票|(?<![a-z])(?:order|trade|deposit|withdrawal|transfer|bank|branch|customer|user|member|phone|zip|error|status|referral|invite|coupon|ticket|case|tracking|failed|failure|exception|id|tx|txid)(?![a-z])/i
  var AMOUNT_AFTER = /^\s*(?:[,.]\d|円|万|千|億|件|回|個|枚|口|年|月|日|時|分|秒|%|％|倍|歳|(?:yen|jpy|usd|btc|eth|xrp|usdt|sats?|times|years?|months?|days?|hours?|minutes?|seconds?|ms|items?|orders?|pieces?)(?![a-z]))/i
  var AMOUNT_BEFORE = /(?:[¥$€£￥]|jpy|usd|btc|eth|金額|残高|価格|数量|amount|balance|price|qty|quantity)\s*[:：=]?\s*$/i
  var NUMBER = /(?<![\w.,\-/#])(\d{3}[ -]\d{3}|\d{4,8})(?![\w]|[.,]\d|[-/:]\d)/g

  /* The label that tells what a number is: the nearest code word before it (or right after it), and what qualifies it. */
  function otpLabelled(text, start, end) {
    var before = lineBefore(text, start, 60)
    /* A number opening its line, under a line that ends in a label ("認証コード：", "2FA code"): that label. */
    if (!before.trim()) {
      var above = text.slice(0, start - before.length).replace(/\s+$/, "")
      var lastLine = above.slice(above.lastIndexOf("\n") + 1)
      if (/(?:[:：=]|コード|番号|(?<![a-z])(?:code|number|otp|2fa|pin))\s*$/i.test(lastLine)) before = lastLine.slice(-60) + " "
    }
    /* A sentence break between the label and the number ends the label's reach, except for a short one. */
    var immediate = before.slice(-14)
    if (ID_WORD.test(immediate) && !/認証|verification|2fa|otp|sms|authenticator|ワンタイム/i.test(immediate.slice(immediate.search(ID_WORD)))) return false
    var best = null
    ;[OTP_STRONG, HEAD].forEach(function (re) {
      re.lastIndex = 0
      for (var m; (m = re.exec(before));) {
        if (!best || m.index + m[0].length >= best.end) best = { end: m.index + m[0].length, start: m.index, word: m[0], strong: re === OTP_STRONG }
      }
    })
    if (best) {
      var between = before.slice(best.end)
      if (ID_WORD.test(between) && !best.strong) return false
      if (ID_WORD.test(between.replace(/の?(?:コード|番号)/, ""))) return false
      if (best.strong) return !ID_QUALIFIER.test(before.slice(0, best.start)) || /認証|verification|2fa|otp|sms/i.test(best.word)
      /* A generic head: its qualifier decides (SMSの番号, 認証の番号 yes; 取引コード, error code no). */
      var qualifier = before.slice(Math.max(0, best.start - 16), best.start)
      if (ID_QUALIFIER.test(qualifier)) return false
      if (/(?:sms|otp|2fa|mfa|認証|確認|ワンタイム|ログイン|login|sign[\s-]?in|verification|authenticator|メールで届いた|届いた)\S{0,3}\s*$/i.test(qualifier)) return true
      /* "The SMS says your code is …": a verification word earlier in the same sentence. */
      OTP_STRONG.lastIndex = 0
      var sentence = before.slice(0, best.start).split(/[。.!?！？]\s/).pop()
      if (OTP_STRONG.test(sentence)) { OTP_STRONG.lastIndex = 0; return true }
      OTP_STRONG.lastIndex = 0
      /* "コード：123456" alone: a code with nothing saying it is something else. */
      var line = lineBefore(text, start, 200)
      return !ID_WORD.test(line) &&
        !/(?<![a-z])(?:http|request|response|api|exception|stack|status)(?![a-z])/i.test(line + lineAfter(text, end, 40))
    }
    /* "123456 という認証コード", "123456 is my 2FA code" */
    var after = lineAfter(text, end, 20)
    OTP_STRONG.lastIndex = 0
    var a = OTP_STRONG.exec(after)
    return !!a && !ID_WORD.test(after.slice(0, a.index))
  }

  function findOtp(text) {
    NUMBER.lastIndex = 0
    for (var m; (m = NUMBER.exec(text));) {
      var start = m.index
      var end = start + m[0].length
      if (AMOUNT_AFTER.test(text.slice(end, end + 8))) continue
      if (AMOUNT_BEFORE.test(lineBefore(text, start, 12))) continue
      if (/\d{4}$/.test(m[1]) && /^(?:19|20)\d\d$/.test(m[1]) && /^\s*[-/年]/.test(text.slice(end))) continue
      if (otpLabelled(text, start, end)) return true
    }
    return false
  }

  /* ---------------------------------------------------- recovery phrases */

  /* Between two words of a phrase: spaces, punctuation, brackets, quotes, numbering, JSON. */
  var PHRASE_GAP = /^[\s,.;:、。・\-\d()[\]{}#*\/|\\"'`「」『』【】“”‘’<>+=_~]*$/
  var WORDS = /[a-z]+/g

  /* Runs of 12 or more BIP-39 words: [{start, end}] in `text`. */
  function phraseRuns(text) {
    if (!wordSet) return []
    var lower = text.toLowerCase()
    var runs = []
    var run = 0
    var runStart = 0
    var lastEnd = -1
    WORDS.lastIndex = 0
    for (var m; (m = WORDS.exec(lower));) {
      var joined = lastEnd >= 0 && PHRASE_GAP.test(lower.slice(lastEnd, m.index))
      if (!joined) {
        if (run >= 12) runs.push({ start: runStart, end: lastEnd })
        run = 0
      }
      if (wordSet.has(m[0])) {
        if (run === 0) runStart = m.index
        run++
      } else {
        if (run >= 12) runs.push({ start: runStart, end: lastEnd })
        run = 0
      }
      lastEnd = m.index + m[0].length
    }
    if (run >= 12) runs.push({ start: runStart, end: lastEnd })
    return runs
  }

  /* ---------------------------------------------------------------- keys */

  var HEX_RUN = /(?:0x)?[0-9a-f]+/gi
  var KEY_WORD = /private[\s_-]*key|priv[\s_-]*key|privkey|secret[\s_-]*key|secret|秘密鍵|プライベートキー|秘密キー|シークレット|seed|シード|(?<![a-z])wif(?![a-z])|mnemonic|リカバリー|復元|ウォレットの鍵|鍵/gi
  var TX_WORD = /(?<![a-z])tx(?:[\s_-]*(?:id|hash))?(?![a-z])|txn|transaction|トランザクション|取引\s*id|取引ハッシュ|ハッシュ|hash|送金\s*id|block|ブロック|explorer|エクスプローラ/gi
  var API_SECRET = /(?<![a-z])(?:api[\s_-]*)?(?:client[\s_-]*)?secret(?:[\s_-]*(?:key|access[\s_-]*key))?(?![a-z])|secretkey|secret_?access_?key|apiシークレット(?:キー)?|シークレット(?:キー)?/gi

  /*
   * Hex strings of 64 digits, also when split in pieces (two halves on two
   * lines, groups of 8): [{start, end, value}].
   */
  function hexStrings(text) {
    var pieces = []
    HEX_RUN.lastIndex = 0
    for (var m; (m = HEX_RUN.exec(text));) {
      var s = m.index
      var e = s + m[0].length
      if (/[0-9a-z_]/i.test(text.charAt(s - 1)) || /[0-9a-z_]/i.test(text.charAt(e))) continue
      var digits = m[0].replace(/^0x/i, "")
      if (digits.length < 8 || digits.length > 64) continue
      pieces.push({ start: s, end: e, digits: digits })
    }
    var found = []
    for (var i = 0; i < pieces.length; i++) {
      var total = ""
      for (var j = i; j < pieces.length && j < i + 8; j++) {
        /* Pieces may be apart by separators or a few non-ASCII words (前半 … 後半 …). */
        if (j > i && !/^[^0-9A-Za-z]{1,16}$/.test(text.slice(pieces[j - 1].end, pieces[j].start))) break
        total += pieces[j].digits
        if (total.length === 64 && /\d/.test(total) && /[a-f]/i.test(total)) {
          found.push({ start: pieces[i].start, end: pieces[j].end, value: text.slice(pieces[i].start, pieces[j].end) })
          i = j
          break
        }
        if (total.length > 64) break
      }
    }
    return found
  }

  /* WIF and extended private keys, also split by spaces or line breaks. */
  function findBase58Key(text) {
    var pieces = []
    var re = new RegExp("[" + B58 + "]+", "g")
    for (var m; (m = re.exec(text));) pieces.push({ start: m.index, end: m.index + m[0].length, s: m[0] })
    var wif = new RegExp("^(?:[59][" + B58 + "]{50}|[KLc][" + B58 + "]{51})$")
    var xprv = new RegExp("^[xtyzuv]prv[" + B58 + "]{100,112}$")
    for (var i = 0; i < pieces.length; i++) {
      var total = ""
      for (var j = i; j < pieces.length && j < i + 6; j++) {
        if (j > i && !/^[\s\-_.,|/]{1,3}$/.test(text.slice(pieces[j - 1].end, pieces[j].start))) break
        total += pieces[j].s
        if (wif.test(total) || xprv.test(total)) {
          if (j === i || /\d/.test(total)) return true
        }
        if (total.length > 112) break
      }
    }
    return false
  }

  function near(re, text, start, end, before, after) {
    var b = text.slice(Math.max(0, start - before), start)
    var a = text.slice(end, end + after)
    re.lastIndex = 0
    var inBefore = re.test(b)
    re.lastIndex = 0
    var inAfter = re.test(a)
    re.lastIndex = 0
    return inBefore || inAfter
  }

  /*
   * Any other long key-like token (a Solana or base64 key, a seed in hex of
   * another length) right after a key word, and not an address or a hash.
   */
  var LONG_TOKEN = /(?<![A-Za-z0-9+/=_-])[A-Za-z0-9+/=_-]{40,}(?![A-Za-z0-9+/=_-])/g
  var ADDRESS_WORD = /アドレス|address|宛先|送付先|送金先|入金先|(?<![a-z])(?:to|from)(?![a-z])|tx|トランザクション|transaction|hash|ハッシュ|url|リンク|link/i
  function findLongKey(text) {
    LONG_TOKEN.lastIndex = 0
    for (var m; (m = LONG_TOKEN.exec(text));) {
      var t = m[0]
      if (/^0x[0-9a-f]{40}$/i.test(t) || /^(?:bc1|tb1|ltc1|addr1|cosmos1)/i.test(t) || /:\/\//.test(text.slice(Math.max(0, m.index - 12), m.index))) continue
      if (/^(?:0x)?[0-9a-f]{64}$/i.test(t)) continue /* 64 hex: findKeys decides */
      if (charClasses(t) < 2 || !/\d/.test(t)) continue
      var before = text.slice(Math.max(0, m.index - 80), m.index)
      KEY_WORD.lastIndex = 0
      var last = null
      for (var k; (k = KEY_WORD.exec(before));) last = k
      if (last && !ADDRESS_WORD.test(before.slice(last.index + last[0].length))) return true
    }
    return false
  }

  /* Spans that an API-secret label claims: "secret_key=…", "API secret: …", "client_secret …". */
  function apiSecretSpans(text) {
    var spans = []
    API_SECRET.lastIndex = 0
    for (var m; (m = API_SECRET.exec(text));) {
      var word = m[0]
      var before = lineBefore(text, m.index, 16)
      var codeLike = /[_]|api|client|access|シークレット/i.test(word) || /^[a-z]+[A-Z]/.test(word) || /api[\s_-]*$/i.test(before)
      var rest = text.slice(m.index + word.length, m.index + word.length + 200)
      var v = /^\s*["'`]?\s*(?:is|was|は|が|:|=|=>|->|→)?\s*["'`「『]?\s*([A-Za-z0-9_\-+/=]{16,})/i.exec(rest)
      if (!v) continue
      var token = v[1]
      var prose = /^\s+(?:is|was)\b|^\s*\n/i.test(rest)
      if (/^[0-9a-f]{64}$/i.test(token.replace(/^0x/i, "")) && !codeLike) continue /* "secret key is <hex>": a wallet key */
      if (prose && !codeLike) continue
      if (!(/\d/.test(token) && /[A-Za-z]/.test(token))) continue
      spans.push({ start: m.index, end: m.index + word.length + v.index + v[0].length })
    }
    return spans
  }

  /* The bare 64-hex strings of a field: neither a key word nor a transaction word near them. */
  function bareHex(text, field, apiSpans) {
    if (field === "reference_id") return []
    return hexStrings(text).filter(function (h) {
      return !apiSpans.some(function (s) { return h.start < s.end && h.end > s.start }) &&
        !near(KEY_WORD, text, h.start, h.end, 120, 40) && !near(TX_WORD, text, h.start, h.end, 60, 30)
    })
  }

  function findKeys(text, field, found, apiSpans) {
    hexStrings(text).forEach(function (h) {
      if (apiSpans.some(function (s) { return h.start < s.end && h.end > s.start })) return
      /* A key word anywhere near wins over a transaction word: 秘密鍵 … トランザクション … <hex> is a key. */
      if (near(KEY_WORD, text, h.start, h.end, 120, 40)) found.push({ kind: "private-key" })
      else if (near(TX_WORD, text, h.start, h.end, 60, 30)) return
      else if (field !== "reference_id") found.push({ kind: "private-key", hint: "hex" })
    })
    if (findBase58Key(text)) found.push({ kind: "private-key" })
    else if (findLongKey(text.replace(/\s*\n\s*/g, "\n"))) {
      /* an API secret's own token is judged by its label, not as a key */
      var tokens = apiSpans.map(function (sp) { return text.slice(sp.start, sp.end) }).join("\n")
      if (!tokens || !findLongKey(text.split(tokens).join(""))) found.push({ kind: "private-key" })
    }
  }

  /* ---------------------------------------------------------------- scan */

  function dedupe(found) {
    /* One finding per kind; a hint survives only if every finding of its kind has it. */
    var byKind = {}
    var order = []
    found.forEach(function (f) {
      if (!byKind[f.kind]) { byKind[f.kind] = { kind: f.kind, hint: f.hint }; order.push(f.kind) }
      else if (!f.hint) delete byKind[f.kind].hint
    })
    return order.map(function (k) {
      var f = byKind[k]
      return f.hint ? f : { kind: f.kind }
    })
  }

  function scanText(raw, field) {
    var found = []
    var text = normalize(raw)
    if (!text.trim()) return found
    var apiSpans = apiSecretSpans(text)
    if (findPassword(text)) found.push({ kind: "password" })
    if (findOtp(text)) found.push({ kind: "otp" })
    if (phraseRuns(normalize(raw, true)).length) found.push({ kind: "phrase" })
    findKeys(text, field, found, apiSpans)
    if (apiSpans.length) found.push({ kind: "api-secret" })
    return found
  }

  var KIND_ORDER = ["password", "otp", "phrase", "private-key", "api-secret"]

  function sorted(findings) {
    return findings.sort(function (a, b) { return KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) })
  }

  function scan(raw, field) {
    return sorted(dedupe(scanText(raw, field)))
  }

  /*
   * Every field, and a recovery phrase split between fields: the fields are
   * joined in order (an empty field in between joins nothing) and each field
   * a phrase run touches is flagged.
   */
  function scanFields(values) {
    var names = Object.keys(values)
    var all = {}
    var joined = ""
    var spans = []
    names.forEach(function (name) {
      var text = normalize(values[name], true)
      var f = scanText(values[name], name)
      if (f.length) all[name] = f
      if (!text.trim()) return
      spans.push({ name: name, start: joined.length, end: joined.length + text.length })
      joined += text + "\n"
    })
    phraseRuns(joined).forEach(function (run) {
      spans.forEach(function (s) {
        if (run.start < s.end && run.end > s.start) {
          all[s.name] = (all[s.name] || []).concat([{ kind: "phrase" }])
        }
      })
    })
    Object.keys(all).forEach(function (name) { all[name] = sorted(dedupe(all[name])) })
    return all
  }

  window.hcSecretGuard = {
    scan: scan,
    scanFields: scanFields,
    /* As typed (not normalised), so that the composer can find and move them. */
    askHex: function (raw, field) {
      var text = String(raw || "")
      return bareHex(text, field, apiSecretSpans(text)).map(function (h) { return h.value })
    },
    setWords: setWords,
    wordsLoaded: function () { return !!wordSet }
  }
})()
