/*
 * Secret guard for the inquiry composer (composer.js): what in a field looks
 * like a password, a one-time code, a recovery phrase, a private key or an
 * API secret, which support never needs and the composer never keeps or sends.
 *
 * An analysis chain, laid out like the search analyzer: normalise
 * (guard-normalise.js: NFKC, invisible characters, lookalike letters, digits
 * of any script) -> labels (guard-labels.js, the words of
 * data/composer/guard-labels.yml) and tokens -> detectors (below, with
 * guard-phrase.js and guard-keys.js) -> decision (scan, scanFields: refuse;
 * a bare 64-hex string is asked about unless the form says it is a key).
 *
 * It judges by shape and context, not by a list of examples: a token that
 * looks like a password next to a password word, a 4–8 digit number whose
 * nearest label is a verification code (and not an order, an amount, a
 * bank-transfer code or an error code), either also on the line under a
 * label that ends its line ("Password:" / "認証コード：" then the value),
 * twelve or more BIP-39 words in a row whatever separates them (even across
 * fields), 64 hex digits or a WIF/xprv key (also split in pieces) near a
 * key word, an XRP secret (s…), an authenticator's setup key (base32) after a
 * 2FA word, a long random token after a "secret" label, a token secret by
 * its shape (sk_live_…, a JWT, a bearer token), an email address with a
 * password-like token beside it. A number only a
 * generic head names (申請番号 482913, "code: 482913") is asked about; a
 * public key (公開鍵, xpub) and a transaction ID labelled in a sentence of its
 * own after "I never shared my key" are not secrets. Cases:
 * data/composer/guard-cases.yml, run in Chromium by tests/test_secret_guard.py.
 *
 * window.hcSecretGuard:
 *   scan(text, field) -> [{kind, hint?}]; kinds: password, otp, phrase,
 *     private-key, api-secret. hint "hex": a bare 64-hex string that may be a
 *     transaction ID; the composer asks the user which it is. hint "ask" with
 *     `value`: likely but not sure (a password many words from its label, a
 *     code whose 2FA word is in another field): held back until the user
 *     answers "Is this your password?".
 *   scanFields({field: text}) -> {field: findings}: the form judged as a
 *     whole, its fields joined in order, so that a label in one field and its
 *     value in the next, or a phrase or a key split between fields, are one
 *     secret (flagged in every field that holds part of the value).
 *   askHex(text, field) -> the bare 64-hex strings the user is asked about.
 *   setWords(english, japanese), wordsLoaded().
 * Pure functions of the text: no DOM, no storage, no request.
 */
;(function () {
  "use strict"

  var N = window.hcGuardNormalise
  var L = window.hcGuardLabels
  var P = window.hcGuardPhrase
  var K = window.hcGuardKeys
  if (!N || !L || !P || !K) return

  var normalize = N.normalise
  var NOT_SECRET = L.source("not-secret")
  var HEDGES = new RegExp("(?:" + L.source("hedges") + ")", "gi")

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

  /* Password labels come from the lexicon (guard-labels.js); a weak one (パス, pass) only before ":", "=", は, "is". */
  var PASSWORD_WORD = L.pattern("password")
  var PASS_SHORT = new RegExp("(?:" + L.source("password-weak") + ")(?![\\u30a1-\\u30faー])(?=\\s*(?:[:=：]|は|(?:is|was)\\s))", "gi")
  /* Words between a password word and a token that say the token is something else. */
  var OTHER_LABEL = /注文|order|取引|trade|エラー|error|code|コード|番号|number|(?<![a-z])(?:id|no|tx|txid|url|uri)(?![a-z])|ユーザー|user|メール|mail|アドレス|address|口座|account|電話|phone|金額|amount|円|yen|jpy|btc|eth|xrp/i
  /* Ordinary words seen after "password:" that are not passwords. */
  var NOT_PASSWORD = /^(?:reset|resets|resetting|forgot|forgotten|forget|incorrect|wrong|invalid|expired|expires|change|changed|changing|unknown|error|required|none|same|correct|lost|locked|again|not|isn't|wasn't|doesn't|didn't|does|did|is|was|the|my|your|and|for|field|screen|page|link|email|mail|sms|login|log|sign|update|updated|rejected|accepted|works|working|fails|failed|match|mismatch|too|short|long|weak|strong|hidden|masked|blank|empty|new|old|set|used|use|here|there|this|that|it|ok|okay|yes|no|fine|good|right|valid|known|saved|simple|secure|case|sensitive|accepted|still|also|definitely|probably|now|then|being|been|very|quite|really|always|never|same|different|complex|complicated|easy|hard|stored|remembered|typed|entered|copied|pasted)$/i

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
    return P.loaded() && t.length >= 10 && /^[a-z]+$/.test(t) && P.glued(t) >= 2
  }

  /*
   * Does `raw`, found `gap` after a password word (`strong`: right after a
   * colon, an equals sign or a bracket), look like a password? `next` is the
   * text after it: 2024年 or 10件 is a year or a count, not a PIN.
   */
  function passwordLike(raw, strong, pin, next, adjacent, marked) {
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
      /* "is solved" is prose; "password: tanaka", 「tanaka」 hand a value over. */
      return (strong && marked !== false && t.length >= 4) || gluedWords(t.toLowerCase()) || t.length >= 20
    }
    /* An ordinary hyphenated word (two-factor, log-in) is a password only when clearly labelled. */
    if (/^[a-z][a-z'-]*$/i.test(t)) return strong && t.length >= 4
    return charClasses(t) >= 2 || (strong && t.length >= 4)
  }

  function findPassword(text) {
    var hits = []
    L.fuzzy(text, ["password"]).forEach(function (h) {
      hits.push({ start: h.start, end: h.end, pin: false, word: text.slice(h.start, h.end) })
    })
    var otpSpans = []
    OTP_STRONG.lastIndex = 0
    for (var o; (o = OTP_STRONG.exec(text));) otpSpans.push([o.index, o.index + o[0].length])
    OTP_STRONG.lastIndex = 0
    ;[PASSWORD_WORD, PASS_SHORT].forEach(function (re) {
      re.lastIndex = 0
      for (var m; (m = re.exec(text));) {
        if (!m[0]) { re.lastIndex++; continue }
        if (otpSpans.some(function (sp) { return m.index >= sp[0] && m.index + m[0].length <= sp[1] })) continue /* ワンタイムパスワード */
        hits.push({ start: m.index, end: m.index + m[0].length, pin: /pin|暗証|パスコード|passcode/i.test(m[0]), word: m[0], weak: re === PASS_SHORT })
      }
    })
    for (var h = 0; h < hits.length; h++) {
      if (hits[h].far) continue
      /* A note in brackets between the label and its value: パスワード（半角）：Abc12345 */
      var after = lineAfter(text, hits[h].end, 64).replace(HEDGES, " ").replace(/^\s*\([^()\n]{1,16}\)(?=\s*[:=])/, "")
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
        var marked = /[:=：「『【(\["'“‘→]\s*$/.test(gap) || /^[("'`\[「『【“‘]/.test(token) || !/[a-z]/i.test(gap)
        if (passwordLike(token, strong, hits[h].pin, after.slice(t.index + t[0].length), adjacent, marked)) return true
      }
    }
    var far = null
    for (var k = 0; k < hits.length; k++) {
      if (hits[k].weak) continue
      if (passwordBefore(text, hits[k].start, hits[k].pin)) return true
      far = far || passwordFar(text, hits[k].end)
    }
    /* Many words from its label: likely, not sure. The user is asked, and until then it is held back. */
    return far ? { ask: far } : false
  }

  /* A login written out without a password word: "taro@example.com / Kx7m2p9Q", "taro@example.com:hunter22". */
  var LOGIN_PAIR = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+\s*(?:\/|:|\s)\s*([!-~]{6,64})/g
  function loginPair(text) {
    LOGIN_PAIR.lastIndex = 0
    for (var m; (m = LOGIN_PAIR.exec(text));) {
      var t = m[1].replace(/[.,;:!?)\]"'`>}]+$/, "")
      if (/@|:\/\//.test(t) || NOT_PASSWORD.test(t) || /^[\d\-/.:]+$/.test(t)) continue
      if (/\d/.test(t) && /[a-z]/i.test(t) && charClasses(t) >= 2 && t.length >= 6) return true
    }
    return false
  }

  /* "Tr0ub4dor&3 がパスワードです", "hunter22 is my password", "Kx7m2p9Q ← パスワード": the value just before its label. */
  var BEFORE_LABEL = /([!-~]{4,64})\s*["'」』”)）]?\s*(?:が|は|って|というのが|という|です|でした|、|,|←|<-|=)?\s*(?:(?:is|was|are|as)\s+)?(?:(?:my|the|our|current|login|new|old|usual|私の|今の|新しい)\s*)*(?:[(（「『]\s*)?$/i
  function passwordBefore(text, start, pin) {
    if (/[\w\-#/.]/.test(text.charAt(start - 1))) return false /* forgot-password, #password: one word */
    var m = BEFORE_LABEL.exec(lineBefore(text, start, 96).replace(HEDGES, " "))
    if (!m) return false
    var token = m[1].replace(/^[("'`\[<{]+/, "").replace(/[.,;:!?)\]"'`>}(（]+$/, "")
    if (/^(?:is|was|my|the|new|old|current|login)$/i.test(token)) return false
    if (/^\d+$/.test(token)) return pin && token.length >= 4 && token.length <= 8
    return passwordLike(token, false, pin, "", true) && charClasses(token) >= 2 && token.length >= 6
  }

  /*
   * A label many words before its value: "パスワードについて…入力しているのは Tr0ub4dor&3 です",
   * "My password, the one from last year, is Summer2024!". Only a value that an
   * introducer hands over, that looks like nothing else, within the paragraph.
   */
  var INTRODUCER = /(?:入力したのは|入れたのは|入力しているのは|入れているのは|使っているのは|設定したのは|打ったのは|i typed|i entered|i used|i use|i set|i'm using|i am using|(?<![a-z])(?:is|was|be|are|it's|its)|は|で|ですが[、,]?|[:：=])\s*["'「『“]?\s*$/i
  var VALUE_NEXT = /^\s*(?:["'」』”]|を(?:入力|入れ|使)|と入力|で(?:ログイン|入力)|です|でした|だと|$|[.,。、]|\s(?:and|but|which|that)\b)/i
  function passwordFar(text, end) {
    var span = text.slice(end, end + 240).split(/\n\s*\n/)[0]
    var re = /[!-~]{6,64}/g
    for (var t; (t = re.exec(span));) {
      var raw = t[0]
      var token = raw.replace(/^[("'`\[<{]+/, "").replace(/[.,;:!?)\]"'`>}]+$/, "")
      var before = span.slice(Math.max(0, t.index - 24), t.index)
      if (!INTRODUCER.test(before.replace(HEDGES, " ")) && !/\n\s*$/.test(span.slice(0, t.index))) continue
      if (!VALUE_NEXT.test(span.slice(t.index + raw.length, t.index + raw.length + 12))) continue
      if (ID_WORD.test(before.slice(-12)) || OTHER_LABEL.test(before.slice(-12))) continue
      if (/:\/\/|@|^www\./i.test(token) || NOT_PASSWORD.test(token) || /^[\d\-/.:]+$/.test(token)) continue
      if (charClasses(token) >= 3 || (charClasses(token) >= 2 && token.length >= 8 && /\d/.test(token) && /[a-z]/i.test(token))) return token
    }
    return null
  }

  /* ------------------------------------------------------- one-time codes */

  /* Words for a code that proves who you are. */
  var OTP_STRONG_BUILTIN = /認証コード|確認コード|認証番号|確認番号|セキュリティコード|ワンタイム(?:パスワード)?|二段階認証|2段階認証|二要素認証|2要素認証|(?<![a-z])(?:2fa|mfa|otp|totp|sms|one[\s-]?time(?:\s?(?:password|code|passcode))?|two[\s-]?factor|2[\s-]?step|authenticator|verification|security\s?code|auth(?:entication)?\s?code)(?![a-z])|認証アプリ|authy|google\s?認証/gi
  /* Generic heads: what they name depends on the words before them (認証コード vs 取引コード). */
  var OTP_STRONG = new RegExp("(?:" + L.source("otp") + ")|" + OTP_STRONG_BUILTIN.source, "gi")
  var HEAD = /コード|(?<!暗証)番号|(?<![a-z])(?:codes?|numbers?|no\.?)(?![a-z])/gi
  var ID_QUALIFIER_BUILTIN = /(?:注文|取引|約定|出金|入金|送金|振込|依頼人|振込人|口座|支店|銀行|金融機関|会員|顧客|ユーザー|アカウント|電話|携帯|郵便|エラー|ステータス|紹介|招待|クーポン|キャンペーン|商品|通貨|国|問い合わせ|お問合せ|受付|管理|伝票|追跡|order|trade|transaction|deposit|withdrawal|transfer|bank|branch|account|customer|user|member|phone|zip|postal|post|error|status|http|referral|promo(?:tion)?|invite|invitation|coupon|campaign|product|currency|country|reference|ref|ticket|case|inquiry|tracking|swift|qr|reason|exit|return|response|failed|failure|exception)\s*(?:の|-|_)?\s*$/i
  var ID_QUALIFIER = new RegExp("(?:" + NOT_SECRET + ")\\s*(?:の|-|_|\\.)?\\s*[:：#]?\\s*$|" + ID_QUALIFIER_BUILTIN.source, "i")
  var ID_WORD_BUILTIN = /注文|取引|約定|出金|入金|送金|振込|依頼人|口座|支店|銀行|金融機関|会員|ユーザー|電話|郵便|エラー|ステータス|紹介|招待|受付|伝票|ブロック|処理番号|(?<![a-z])(?:order|trade|deposit|withdrawal|transfer|bank|branch|customer|user|member|phone|zip|error|status|referral|invite|coupon|ticket|case|tracking|failed|failure|exception|id|uid|tx|txid|block|nonce|gas|port|session)(?![a-z])/i
  var ID_WORD = new RegExp("(?:" + NOT_SECRET + ")|" + ID_WORD_BUILTIN.source, "i")
  var AMOUNT_AFTER = /^\s*(?:[,.]\d|円|万|千|億|件|回|個|枚|口|年|月|日|時|分|秒|%|％|倍|歳|ポイント|ﾎﾟｲﾝﾄ|を?(?:出金|入金|送金|送付|振込|振り込|購入|売却|買|売)|(?:pt|pts|p|points?|yen|jpy|usd|btc|eth|xrp|usdt|sats?|times|years?|months?|days?|hours?|minutes?|seconds?|ms|items?|orders?|pieces?)(?![a-z]))/i
  var AMOUNT_BEFORE = /(?:[¥$€£￥]|jpy|usd|btc|eth|金額|残高|価格|数量|amount|balance|price|qty|quantity|(?<![a-z])(?:sent|send|withdrew|withdraw|deposited|deposit|transferred|transfer|bought|sold|paid|received)(?![a-z]))\s*[:：=]?\s*$/i
  /* 4–8 digits, also spaced or dotted the way codes are read out: 123 456, 48.29.13, 4 8 2 9 1 3. */
  var NUMBER = /(?<![\w.,\-/#])(\d{3}[ .-]\d{3}|\d{2}[ .-]\d{2}[ .-]\d{2}|\d(?:[ .]\d){3,7}|\d{4,8})(?![\w]|[.,]\d|[-/:]\d)/g

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
      /* "二段階認証の後、150000 を出金", "after 2FA I sent 120000": the 2FA word says when, not what the number is. */
      if (best.strong && /(?<!最)(?:後|あと)(?:で|に|、|,|\s)|以降|(?<![a-z])(?:after|then|later|since)(?![a-z])/i.test(between)) return false
      if (best.strong) return !ID_QUALIFIER.test(before.slice(0, best.start)) || /認証|verification|2fa|otp|sms/i.test(best.word)
      /* A generic head: its qualifier decides (SMSの番号, 認証の番号 yes; 取引コード, error code no). */
      var qualifier = before.slice(Math.max(0, best.start - 16), best.start)
      if (ID_QUALIFIER.test(qualifier)) return false
      if (/(?:sms|otp|2fa|mfa|(?<!本人)認証|(?<!本人)確認|ワンタイム|ログイン|login|sign[\s-]?in|verification|authenticator|メールで届いた|届いた)\S{0,3}\s*$/i.test(qualifier)) return true
      /* "The SMS says your code is …": a verification word earlier in the same sentence. */
      OTP_STRONG.lastIndex = 0
      /* (identity verification, 本人確認, is the account check, not a code) */
      var sentence = before.slice(0, best.start).split(/[。.!?！？]\s/).pop().replace(KYC, " ")
      if (OTP_STRONG.test(sentence)) { OTP_STRONG.lastIndex = 0; return true }
      OTP_STRONG.lastIndex = 0
      /*
       * "コード：123456", "申請番号 482913": a number a generic head names, and nothing saying what it is.
       * Likely a code when nothing else is said, often an ID the guard does not know: asked.
       */
      var line = lineBefore(text, start, 200)
      var other = ID_WORD.test(line) ||
        /(?<![a-z])(?:http|request|response|api|exception|stack|status)(?![a-z])/i.test(line + lineAfter(text, end, 40))
      return other ? false : "ask"
    }
    /* "123456 という認証コード", "123456 is my 2FA code" */
    var after = lineAfter(text, end, 20)
    OTP_STRONG.lastIndex = 0
    var a = OTP_STRONG.exec(after)
    return !!a && !ID_WORD.test(after.slice(0, a.index))
  }

  var KYC = /(?<![a-z])(?:identity|id|kyc)[\s-]verification|本人確認/gi

  /* YYYYMMDD: a date, not a code. */
  function isDate(digits) {
    var d = /^((?:19|20)\d\d)(\d\d)(\d\d)$/.exec(digits)
    return !!d && +d[2] >= 1 && +d[2] <= 12 && +d[3] >= 1 && +d[3] <= 31
  }

  /* A code, true; a number likely a code, {ask: value}; or false. */
  function findOtp(text) {
    var unsure = null
    NUMBER.lastIndex = 0
    for (var m; (m = NUMBER.exec(text));) {
      var start = m.index
      var end = start + m[0].length
      if (AMOUNT_AFTER.test(text.slice(end, end + 8))) continue
      if (AMOUNT_BEFORE.test(lineBefore(text, start, 12))) continue
      if (/\d{4}$/.test(m[1]) && /^(?:19|20)\d\d$/.test(m[1]) && /^\s*[-/年]/.test(text.slice(end))) continue
      if (isDate(m[1])) continue
      var labelled = otpLabelled(text, start, end)
      if (labelled === "ask") unsure = unsure || { ask: m[1] }
      else if (labelled) return true
    }
    return setupKey(text) || unsure || false
  }

  /*
   * The key behind an authenticator app (base32, 16 letters or more, often in groups of four:
   * JBSW Y3DP EHPK 3PXP) after a 2FA or key word: whoever holds it makes the codes.
   */
  var BASE32 = /(?<![A-Za-z0-9])[A-Z2-7]{4}(?:[ -]?[A-Z2-7]{4}){3,}[A-Z2-7]*(?![A-Za-z0-9])/gi
  var SETUP_WORD = /(?:セットアップ|設定|復元|バックアップ)?キー|秘密鍵|(?<![a-z])(?:setup|secret|backup|recovery)?\s?key(?![a-z])/i
  function setupKey(text) {
    BASE32.lastIndex = 0
    for (var m; (m = BASE32.exec(text));) {
      var t = m[0].replace(/[ -]/g, "")
      if (!/[2-7]/.test(t) || !/[a-z]/i.test(t) || /^\d+$/.test(t)) continue
      var before = text.slice(Math.max(0, m.index - 60), m.index)
      OTP_STRONG.lastIndex = 0
      var twoFactor = OTP_STRONG.test(before) || OTP_STRONG.test(text.slice(m.index + m[0].length, m.index + m[0].length + 30))
      OTP_STRONG.lastIndex = 0
      if (twoFactor && (SETUP_WORD.test(before) || /[:：=]\s*$/.test(before))) return true
    }
    return false
  }

  /* ---------------------------------------------------- recovery phrases */

  /* Runs of 12 or more BIP-39 words (guard-phrase.js): [{start, end}] in `text`. */
  function phraseRuns(text) { return P.runs(text) }

  /* ---------------------------------------------------------------- keys */

  var KEY_WORD_BUILTIN = /private[\s_-]*key|priv[\s_-]*key|privkey|secret[\s_-]*key|secret|秘密鍵|プライベートキー|秘密キー|シークレット|seed|シード|(?<![a-z])wif(?![a-z])|mnemonic|リカバリー|復元|ウォレットの鍵|鍵/gi
  var KEY_WORD = new RegExp("(?:" + L.source("private-key") + "|" + L.source("phrase") + ")|" + KEY_WORD_BUILTIN.source, "gi")
  var KEY_CONTEXT = new RegExp("(?:" + L.source("key-context") + ")|" + KEY_WORD.source, "i")
  var TX_WORD = /(?<![a-z])tx(?:[\s_-]*(?:id|hash))?(?![a-z])|txn|transaction|トランザクション|取引\s*id|取引ハッシュ|ハッシュ|hash|送金\s*id|block|ブロック|explorer|エクスプローラ/gi
  var API_SECRET_BUILTIN = /(?<![a-z])(?:api[\s_-]*)?(?:client[\s_-]*)?secret(?:[\s_-]*(?:key|access[\s_-]*key))?(?![a-z])|secretkey|secret_?access_?key|apiシークレット(?:キー)?|シークレット(?:キー)?/gi

  var API_SECRET = new RegExp("(?:" + L.source("api-secret") + ")|" + API_SECRET_BUILTIN.source, "gi")
  var hexStrings = K.hexStrings
  function findBase58Key(text) { return !!K.base58Key(text) }

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

  /* Tokens that are secrets by their shape, whatever labels them: a live API key, a signed token, a bearer token. */
  var SECRET_SHAPES = /(?<![A-Za-z0-9])(?:sk_(?:live|test)_[A-Za-z0-9]{16,}|eyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,})|(?<![a-z])bearer\s+[A-Za-z0-9._~+/-]{20,}=*/i
  function tokenShaped(text) { return SECRET_SHAPES.test(text) }

  /* Spans that an API-secret label claims: "secret_key=…", "API secret: …", "client_secret …". */
  function apiSecretSpans(text) {
    var spans = []
    API_SECRET.lastIndex = 0
    for (var m; (m = API_SECRET.exec(text));) {
      var word = m[0]
      var before = lineBefore(text, m.index, 16)
      var codeLike = /[_]|api|client|access|シークレット|秘密/i.test(word) || /^[a-z]+[A-Z]/.test(word) || /api[\s_-]*$/i.test(before)
      var rest = text.slice(m.index + word.length, m.index + word.length + 200)
      var v = /^\s*["'`]?\s*(?:is|was|は|が|:|=|=>|->|→)?\s*["'`「』]?\s*([A-Za-z0-9_\-+/=]{16,})/i.exec(rest) ||
        /^[^\n]{0,48}?(?:\s(?:is|was)|は|が|[:：=])\s*["'`「『]?\s*([A-Za-z0-9_\-+/=]{16,})/i.exec(rest) /* "… they gave me was X" */
      if (!v) continue
      var token = v[1]
      var prose = /^\s+(?:is|was)\b|^\s*\n/i.test(rest)
      if (/^[0-9a-f]{64}$/i.test(token.replace(/^0x/i, "")) && !codeLike) continue /* "secret key is <hex>": a wallet key */
      if (!(/\d/.test(token) && /[A-Za-z]/.test(token))) continue
      spans.push({ start: m.index, end: m.index + word.length + v.index + v[0].length })
    }
    return spans
  }

  /*
   * Does a key word say what the string at [start, end) is? One near it does (秘密鍵 … トランザクション … <hex>,
   * 「秘密鍵はこれです。トランザクション：<hex>」 are keys), unless its sentence says the key was kept or
   * never given, and a transaction word labels the string in a sentence of its own:
   * 「秘密鍵は誰にも教えていません。送金のTXIDは <hex>」 is a transaction ID.
   */
  var SENTENCE_END = /[。.!?！？\n]/
  var KEPT = /ません|ない|なし|せず|保管|(?<![a-z])(?:never|not|safe|kept|secure)(?![a-z])|n't/i
  function keyWordNear(text, start, end) {
    var before = text.slice(Math.max(0, start - 120), start)
    var after = text.slice(end, end + 40)
    var last = null
    KEY_WORD.lastIndex = 0
    for (var k; (k = KEY_WORD.exec(before));) last = k
    KEY_WORD.lastIndex = 0
    var next = KEY_WORD.exec(after)
    KEY_WORD.lastIndex = 0
    var labelled = near(TX_WORD, text, start, end, 30, 0)
    if (next && !(labelled && SENTENCE_END.test(after.slice(0, next.index)) && KEPT.test(sentenceAt(after, next.index)))) {
      return true
    }
    if (!last) return false
    var rest = before.slice(last.index + last[0].length)
    TX_WORD.lastIndex = 0
    var tx = TX_WORD.exec(rest)
    TX_WORD.lastIndex = 0
    return !(tx && SENTENCE_END.test(rest.slice(0, tx.index)) && KEPT.test(sentenceAt(before, last.index)))
  }

  /* The sentence of `text` that holds position `at`. */
  function sentenceAt(text, at) {
    var start = at
    while (start > 0 && !SENTENCE_END.test(text.charAt(start - 1))) start--
    var end = text.slice(at).search(SENTENCE_END)
    return text.slice(start, end < 0 ? text.length : at + end)
  }

  /* The bare 64-hex strings of a field: neither a key word nor a transaction word near them. */
  function bareHex(text, field, apiSpans) {
    if (field === "reference_id") return []
    return hexStrings(text).filter(function (h) {
      return !h.grouped && !apiSpans.some(function (s) { return h.start < s.end && h.end > s.start }) &&
        !keyWordNear(text, h.start, h.end) && !near(TX_WORD, text, h.start, h.end, 60, 30)
    })
  }

  function findKeys(text, field, found, apiSpans) {
    hexStrings(text).forEach(function (h) {
      if (apiSpans.some(function (s) { return h.start < s.end && h.end > s.start })) return
      /* A key word near wins over a transaction word, unless the transaction word labels it in a sentence of its own. */
      if (keyWordNear(text, h.start, h.end)) found.push({ kind: "private-key" })
      else if (near(TX_WORD, text, h.start, h.end, 60, 30)) return
      /* Written in groups (4a5e 1e4b …, bytes), it is a key as a wallet exports it, never a transaction ID to ask about. */
      else if (field !== "reference_id") found.push(h.grouped ? { kind: "private-key" } : { kind: "private-key", hint: "hex" })
    })
    if (findBase58Key(text) || K.byteArray(text)) found.push({ kind: "private-key" })
    else if (findLongKey(text.replace(/\s*\n\s*/g, "\n"))) {
      /* an API secret's own token is judged by its label, not as a key */
      var tokens = apiSpans.map(function (sp) { return text.slice(sp.start, sp.end) }).join("\n")
      if (!tokens || !findLongKey(text.split(tokens).join(""))) found.push({ kind: "private-key" })
    }
  }

  /* ---------------------------------------------------------------- scan */

  function dedupe(found) {
    /* One finding per kind; a hint (and the value asked about) survives only if every finding of its kind has it. */
    var byKind = {}
    var order = []
    found.forEach(function (f) {
      if (!byKind[f.kind]) { byKind[f.kind] = f; order.push(f.kind) }
      else if (!f.hint || f.hint !== byKind[f.kind].hint) byKind[f.kind] = { kind: f.kind }
    })
    return order.map(function (k) {
      var f = byKind[k]
      if (f.hint === "ask") return { kind: f.kind, hint: "ask", value: f.value }
      return f.hint ? { kind: f.kind, hint: f.hint } : { kind: f.kind }
    })
  }

  /* A public key (公開鍵, public key, an xpub) is what a wallet shows anyone: 鍵 and "key" there name no secret. */
  var PUBLIC_KEY = /拡張公開鍵|公開鍵|(?<![a-z])(?:extended\s)?public[\s_-]?key|pubkey/gi
  function withoutPublicKeys(text) {
    return text.replace(PUBLIC_KEY, function (m) { return new Array(m.length + 1).join(" ") })
  }

  function scanText(raw, field) {
    var found = []
    var text = withoutPublicKeys(normalize(raw))
    if (!text.trim()) return found
    var apiSpans = apiSecretSpans(text)
    var password = findPassword(text) || loginPair(text)
    if (password === true) found.push({ kind: "password" })
    else if (password) found.push({ kind: "password", hint: "ask", value: password.ask })
    var otp = findOtp(text)
    if (otp === true) found.push({ kind: "otp" })
    else if (otp) found.push({ kind: "otp", hint: "ask", value: otp.ask })
    /* Invisible characters as spaces (words split by them) and as nothing (or\u200bbit is orbit). */
    if (phraseRuns(normalize(raw, true)).length || phraseRuns(text).length) found.push({ kind: "phrase" })
    findKeys(text, field, found, apiSpans)
    if (apiSpans.length || tokenShaped(text)) found.push({ kind: "api-secret" })
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
   * The form judged as a whole. Each field alone, then each field with the
   * next one that has text, as one text (the end of one and the start of the
   * next): what only the two together show is one secret, a label in one
   * free-text field and its value in the next (flagged where the value is),
   * a phrase or a key in two halves in any fields (flagged in both). Then what one field says about
   * another: a verification-code word anywhere makes a bare six-digit code
   * elsewhere a code; a word such as "exported" or 秘密鍵 anywhere makes a
   * bare 64-hex string a key (not asked about as a transaction ID, and not
   * let through in the reference field).
   */
  var JOIN = 400
  /* "exported the CSV history", 「取引履歴をエクスポート」: an export that is not of a key. */
  var HISTORY_EXPORT = /(?:取引履歴|履歴|明細|レポート|報告書|csv)[^。\n]{0,12}?(?:エクスポート|書き出し)|(?<![a-z])export(?:ed|ing|s)?\s+(?:\S+\s+){0,3}?(?:csv|history|statement|report|transactions?)(?![a-z])/gi
  var FREE_TEXT = { summary: true, details: true, error_message: true }
  var BARE_CODE = /(?<![\w.,\-/#:])(\d{6}|\d{3}[ .-]\d{3}|\d{2}[ .]\d{2}[ .]\d{2})(?![\w]|[.,:/-]\d)/g

  function add(all, name, finding) {
    all[name] = (all[name] || []).concat([finding])
  }

  /* A code-shaped number with nothing saying what it is: the code itself, or null. */
  function lonelyCodes(text) {
    BARE_CODE.lastIndex = 0
    for (var m; (m = BARE_CODE.exec(text));) {
      var start = m.index
      var end = start + m[0].length
      var before = lineBefore(text, start, 24)
      var clause = lineBefore(text, start, 60).split(/[。.!?！？]\s/).pop() /* "the ticket number you gave me is 445120" */
      if (AMOUNT_AFTER.test(text.slice(end, end + 8)) || AMOUNT_BEFORE.test(before) || isDate(m[1].replace(/\D/g, ""))) continue
      if (ID_WORD.test(clause) || ID_QUALIFIER.test(before) || /[#№]\s*$/.test(before)) continue
      if (/^\s*(?:[-/年月日時分]|(?:番|号|件))/.test(text.slice(end, end + 4))) continue
      return m[1]
    }
    return null
  }

  /* The fields that hold part of a recovery phrase only all of them together show (each field's text joined). */
  function phraseAcross(names, values) {
    if (names.length < 3) return []
    var at = []
    var joined = ""
    names.forEach(function (n) {
      var text = normalize(String(values[n]).slice(0, JOIN), true)
      at.push([n, joined.length, joined.length + text.length])
      joined += text + "\n"
    })
    var held = {}
    phraseRuns(joined).forEach(function (run) {
      /* a field holds part of it with two words or more (a word's fuzzy match alone is no part) */
      var inside = at.filter(function (f) {
        var part = joined.slice(Math.max(f[1], run.start), Math.min(f[2], run.end))
        return (part.match(/[a-z]+|[\u3041-\u309f\u30a1-\u30ffー]+/gi) || []).length >= 2
      })
      if (inside.length >= 3) inside.forEach(function (f) { held[f[0]] = true })
    })
    return Object.keys(held)
  }

  /*
   * `dismissed`: {field: [value]} the user said are not secrets when asked
   * (memory only, in the composer); only an unsure finding can be dismissed.
   */
  function scanFields(values, dismissed) {
    var names = Object.keys(values).filter(function (n) { return String(values[n] || "").trim() })
    var all = {}
    var own = {}
    names.forEach(function (name) {
      own[name] = scanText(values[name], name)
      if (own[name].length) all[name] = own[name].slice()
    })
    var has = function (name, kind) { return own[name].some(function (f) { return f.kind === kind }) }
    for (var i = 0; i + 1 < names.length; i++) {
      var a = names[i]
      var b = names[i + 1]
      var pair = scanText(String(values[a]).slice(-JOIN) + "\n" + String(values[b]).slice(0, JOIN), b)
      pair.forEach(function (f) {
        if (has(a, f.kind) || has(b, f.kind)) return
        if (f.kind === "phrase" || f.kind === "private-key") { add(all, a, { kind: f.kind }); add(all, b, { kind: f.kind }) }
        else if (FREE_TEXT[a] && FREE_TEXT[b]) add(all, b, f) /* a user ID under "パスワード：" is a user ID */
      })
    }
    /* A phrase in three or more fields (four words in each): the fields that hold it, joined in order. */
    phraseAcross(names, values).forEach(function (n) { if (!has(n, "phrase")) add(all, n, { kind: "phrase" }) })
    var normal = {}
    names.forEach(function (n) { normal[n] = normalize(values[n]) })
    /* What the customer wrote: not the titles of the pages read (a title may say 二段階認証). */
    var everything = withoutPublicKeys(names.filter(function (n) { return n !== "pages_read" })
      .map(function (n) { return normal[n] }).join("\n")).replace(HISTORY_EXPORT, " ")
    OTP_STRONG.lastIndex = 0
    if (OTP_STRONG.test(everything)) {
      names.forEach(function (n) {
        var code = FREE_TEXT[n] && !has(n, "otp") ? lonelyCodes(normal[n]) : null
        /* Its 2FA word in another field: likely a code, not sure: asked. */
        if (code) add(all, n, { kind: "otp", hint: "ask", value: code })
      })
    }
    OTP_STRONG.lastIndex = 0
    if (KEY_CONTEXT.test(everything)) {
      names.forEach(function (n) {
        var hexes = hexStrings(normal[n])
        if (!hexes.length) return
        if (n === "reference_id") {
          var keyed = new RegExp(L.source("key-context"), "i").test(everything)
          if (keyed && hexes.some(function (h) { return !near(TX_WORD, normal[n], h.start, h.end, 30, 0) })) add(all, n, { kind: "private-key" })
        } else if (all[n]) {
          all[n] = all[n].map(function (f) { return f.hint ? { kind: f.kind } : f })
        }
      })
    }
    Object.keys(all).forEach(function (name) {
      var no = (dismissed && dismissed[name]) || []
      var kept = dedupe(all[name]).filter(function (f) { return !(f.hint === "ask" && no.indexOf(f.value) >= 0) })
      if (kept.length) all[name] = sorted(kept)
      else delete all[name]
    })
    return all
  }

  function setWords(english, japanese) { P.setWords(english, japanese || window.hcBip39Japanese) }

  window.hcSecretGuard = {
    scan: scan,
    scanFields: scanFields,
    /* As typed (not normalised), so that the composer can find and move them. */
    askHex: function (raw, field) {
      var text = String(raw || "")
      return bareHex(text, field, apiSecretSpans(text)).map(function (h) { return h.value })
    },
    setWords: setWords,
    wordsLoaded: function () { return P.loaded() }
  }
})()
