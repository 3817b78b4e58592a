// textlint rule "ja-desumasu-sentence": every Japanese sentence that explains
// or instructs ends in です・ます (or ください), including list items that are
// sentences.
//
// Why a rule of our own: the preset's no-mix-dearu-desumasu only knows the
// である style (だ, である). A plain-form sentence such as 「偽サイトの可能性が
// ある。」 or 「パスワードを変更する。」 is invisible to it, and those are the
// sentences an editor sends back in a help center written in です・ます.
//
// What counts as a sentence: text that ends with 「。」 (or 「？」), outside
// brackets, in a paragraph (list items, admonition bodies and block quotes
// included; headings and table cells are not paragraphs). Phrases without
// 「。」 (a symptom list: 「ログインできない」) are not sentences and are left
// alone, and so is a step's short name in bold that is a sentence of its own
// (「**パスワードを変更する**。」). The sentence's last predicate is found
// with kuromoji (kuromojin): it must contain the auxiliary です or ます, or be
// ください, or the sentence must end in a noun.
"use strict";

const { tokenize } = require("kuromojin");

const CLOSERS = /[\s」』）)】〕"'”’]+$/u;
const OPEN = "「『（(【〔";
const CLOSE = "」』）)】〕";

/** Sentences of `raw` that end in 。 or ？ outside brackets, as [start, end] offsets. */
function sentences(raw) {
  const found = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i];
    if (OPEN.includes(ch)) depth++;
    else if (CLOSE.includes(ch) && depth > 0) depth--;
    else if ((ch === "。" || ch === "？") && depth === 0) {
      found.push([start, i + 1]);
      start = i + 1;
    }
  }
  return found;
}

/** The words of a Markdown sentence: links, emphasis, code and line breaks resolved. */
function plain(markdown) {
  return markdown
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/\[([^\]]*)\]\[[^\]]*\]/g, "$1")
    .replace(/\{[^{}]*\}/g, "")
    .replace(/<[^>]+>/g, "")
    .replace(/`([^`]*)`/g, "$1")
    .replace(/[*_]{1,3}/g, "")
    .replace(/\s*\n\s*/g, "");
}

/** `text` without a note in brackets at its end: 「…書きます（例：「…」）」 → 「…書きます」. */
function withoutTrailingNote(text) {
  let out = text.trimEnd();
  while (/[）)]$/u.test(out)) {
    let depth = 0;
    let i = out.length - 1;
    for (; i >= 0; i--) {
      if ("）)".includes(out[i])) depth++;
      else if ("（(".includes(out[i]) && --depth === 0) break;
    }
    if (i <= 0) break;
    out = out.slice(0, i).trimEnd();
  }
  return out;
}

/** True when the last predicate of `text` (without its final 。) is です・ます style. */
async function isPolite(text) {
  const core = withoutTrailingNote(text).replace(CLOSERS, "");
  const tokens = (await tokenize(core)).filter((t) => t.pos !== "記号");
  while (tokens.length && tokens[tokens.length - 1].pos === "助詞" &&
         tokens[tokens.length - 1].pos_detail_1.includes("終助詞")) {
    tokens.pop();
  }
  if (!tokens.length) return true;
  const last = tokens[tokens.length - 1];
  if (last.pos === "名詞") return true; // 体言止め: a fragment, not a plain-form predicate
  if (last.pos === "動詞" && ["くださる", "下さる"].includes(last.basic_form)) return true;
  return tokens.slice(-2).some((t) => t.pos === "助動詞" && ["です", "ます"].includes(t.basic_form));
}

function reporter(context) {
  const { Syntax, RuleError, report, getSource, locator } = context;
  return {
    async [Syntax.Paragraph](node) {
      const raw = getSource(node);
      for (const [start, end] of sentences(raw)) {
        const sentence = raw.slice(start, end);
        const body = sentence.replace(/[。？]$/u, "");
        // a step's short name in bold, on its own: 「**パスワードを変更する**。」
        if (/^\s*(\*\*|__)[^*_]+\1\s*$/u.test(body)) continue;
        const words = plain(body).trim();
        if (!words || !/[\u3040-\u30ff\u4e00-\u9fff]/u.test(words)) continue;
        if (await isPolite(words)) continue;
        const lead = sentence.length - sentence.trimStart().length;
        report(node, new RuleError(
          `です・ます調で書いてください（常体の文です）：「${words.slice(-20)}。」`
          + " — 説明や指示の文は「〜です」「〜ます」「〜ください」で終えます。",
          { padding: locator.range([start + lead, end]) },
        ));
      }
    },
  };
}

module.exports = reporter;
