"""A deterministic synthetic help center: N pages per language, Japanese and English.

Why generated rather than copied: the benchmark must show how search and the
build scale to 100 and 1,000 pages per language, and the real site has 15.
Pages read like the real ones (front matter title and description, an h1,
h2 sections with anchors, bullet and numbered lists, an admonition or a table
now and then, links between pages) and use the help-center vocabulary, so
that real queries and generated ones both hit. The same seed and size always
give the same files, byte for byte.

Layout: docs/<lang>/index.md (home), docs/<lang>/<category>/index.md and
docs/<lang>/<category>/<nnnn>-<slug>.md, the same paths in both languages. A
category of more than LARGE_CATEGORY pages (10,000 pages per language) puts
them in parts of PART_PAGES, docs/<lang>/<category>/part-NN/<nnnn>-<slug>.md,
as a large help center groups articles in sections: the navigation a page
shows then lists its part, not a thousand siblings.
"""

from __future__ import annotations

import posixpath
import random
import shutil
from dataclasses import dataclass, field, replace
from pathlib import Path

from helpcenter.bench import vocabulary as v

LANGS = ("ja", "en")
DEFAULT_SEED = 8
LARGE_CATEGORY = 200
PART_PAGES = 100


@dataclass(frozen=True)
class Topic:
    """What one page is about: an operation, for an asset or on a device, with a symptom."""

    category: v.Category
    operation: v.Term
    subject: v.Term  # a coin (per_coin categories) or a device
    symptom: v.Symptom
    edition: int = 1  # above 1 when a corpus asks for more pages than there are topics (10,000 pages)

    def slug(self, number: int, pages_in_category: int = 0) -> str:
        """The page's path without .md; in a large category, within its part (see the module docstring)."""
        name = f"{number:04d}-{self.subject.slug}-{self.operation.slug}-{self.symptom.slug}"
        if pages_in_category > LARGE_CATEGORY:
            name = f"part-{(number - 1) // PART_PAGES + 1:02d}/{name}"
        return f"{self.category.slug}/{name}"

    def subject_text(self, lang: str) -> str:
        op, subject = getattr(self.operation, lang), getattr(self.subject, lang)
        if self.category.per_coin:
            return f"{subject}の{op}" if lang == "ja" else f"{subject} {op}"
        return f"{subject}での{op}" if lang == "ja" else f"{op} on the {subject}"

    def title(self, lang: str) -> str:
        x = self.subject_text(lang)
        pattern = getattr(self.symptom, lang)
        title = pattern.format(x=x, X=x[:1].upper() + x[1:])
        if self.edition == 1:
            return title
        return f"{title}（事例{self.edition}）" if lang == "ja" else f"{title} (case {self.edition})"


@dataclass
class SyntheticQuery:
    lang: str
    query: str
    accept: list[str]  # page paths within the language, e.g. "withdrawals/0003-xrp-withdrawal-delayed.html"


@dataclass
class Corpus:
    """A generated docs tree and what the benchmark needs to know about it."""

    root: Path
    pages_per_lang: int
    topic_pages: list[tuple[str, Topic]] = field(default_factory=list)  # (path without .md, topic)
    queries: list[SyntheticQuery] = field(default_factory=list)

    @property
    def docs_dir(self) -> Path:
        return self.root / "docs"

    @property
    def trouble_page(self) -> str:
        """A typical trouble page (site path of the Japanese one), for page weight."""
        return f"{self.topic_pages[0][0]}.html" if self.topic_pages else "index.html"


def _plan(pages_per_lang: int, rng: random.Random) -> tuple[list[v.Category], list[list[Topic]]]:
    """Categories and the distinct topics of each, pages spread round-robin."""
    if pages_per_lang < 3:
        raise ValueError("a corpus needs at least 3 pages per language (home, a category, a page)")
    n_categories = min(len(v.CATEGORIES), max(1, (pages_per_lang - 1) // 4))
    categories = list(v.CATEGORIES[:n_categories])
    remaining = pages_per_lang - 1 - n_categories
    counts = [remaining // n_categories + (1 if i < remaining % n_categories else 0) for i in range(n_categories)]
    plans: list[list[Topic]] = []
    for category, count in zip(categories, counts, strict=True):
        subjects = v.COINS if category.per_coin else v.DEVICES
        combos = [Topic(category, op, subject, symptom)
                  for op in category.operations for subject in subjects for symptom in v.SYMPTOMS]
        rng.shuffle(combos)
        editions = -(-count // len(combos))  # a large corpus repeats topics as numbered cases
        plans.append([replace(t, edition=e) for e in range(1, editions + 1) for t in combos][:count])
    return categories, plans


def _fill(text: str, topic: Topic, lang: str, device: v.Term) -> str:
    coin = topic.subject if topic.category.per_coin else v.Term("crypto", "暗号資産", "crypto")
    return text.format(
        x=topic.subject_text(lang), op=getattr(topic.operation, lang), coin=getattr(coin, lang),
        device=getattr(device, lang), cat=getattr(topic.category, lang),
        op_q=getattr(topic.operation, lang), sym_q=getattr(topic.symptom, f"{lang}_query"),
    )


def _front_matter(title: str, description: str) -> str:
    return f"---\ntitle: {title}\ndescription: {description}\n---\n\n# {title}\n\n"


def _description(title: str, lang: str) -> str:
    if lang == "ja":
        return f"{title}ときに、まず確認することとお問い合わせの方法をご案内します。"
    return f"{title}? What to check first, what you can try, and how to contact bitbank support."


def render_topic_page(topic: Topic, lang: str, related: list[tuple[str, str]], rng: random.Random) -> str:
    """One trouble page. `related` holds (relative link, title) pairs; rng decides lengths."""
    h = v.HEADINGS[lang]
    device = rng.choice(v.DEVICES)

    def pick(pool: list[str], low: int, high: int) -> list[str]:
        return [_fill(s, topic, lang, device) for s in rng.sample(pool, rng.randint(low, min(high, len(pool))))]

    sep = "" if lang == "ja" else " "
    title = topic.title(lang)
    out = [_front_matter(title, _description(title, lang))]
    out.append(sep.join(pick(v.INTRO[lang], 2, 4)) + "\n\n")
    out.append(f"## {h['symptoms']} {{#symptoms}}\n\n")
    out.extend(f"- {s}\n" for s in pick(v.SYMPTOM_ITEMS[lang], 3, 5))
    out.append(f"\n## {h['check-first']} {{#check-first}}\n\n")
    out.extend(f"{i}. {s}\n" for i, s in enumerate(pick(v.CHECK_STEPS[lang], 3, 5), 1))
    if rng.random() < 0.4:
        note = rng.choice(v.NOTES[lang])
        out.append(f'\n!!! note "{h["note"]}"\n\n    {note}\n')
    out.append(f"\n## {h['self-help']} {{#self-help}}\n\n")
    out.extend(f"- {s}\n" for s in pick(v.SELF_HELP[lang], 2, 4))
    if rng.random() < 0.5:
        out.append(f"\n## {h['causes']} {{#causes}}\n\n| {h['cause']} | {h['fix']} |\n| --- | --- |\n")
        out.extend(f"| {c} | {f} |\n" for c, f in rng.sample(v.CAUSES[lang], rng.randint(2, 4)))
    if rng.random() < 0.6:
        out.append(f"\n## {h['faq']} {{#faq}}\n")
        for i, (q, a) in enumerate(rng.sample(v.FAQ[lang], rng.randint(2, 3)), 1):
            out.append(f"\n### {_fill(q, topic, lang, device)} {{#faq-{i}}}\n\n{_fill(a, topic, lang, device)}\n")
    out.append(f"\n## {h['before-contact']} {{#before-contact}}\n\n{rng.choice(v.BEFORE_CONTACT[lang])}\n\n")
    out.extend(f"- {s}\n" for s in pick(v.RECORD_ITEMS[lang], 3, 5))
    if related:
        out.append(f"\n## {h['related']} {{#related}}\n\n")
        out.extend(f"- [{t}]({link})\n" for link, t in related)
    return "".join(out)


def render_category_index(category: v.Category, topics: list[tuple[str, Topic]], lang: str) -> str:
    name = getattr(category, lang)
    text = v.SITE_TEXT[lang]
    out = [_front_matter(name, text["category_description"].format(cat=name)),
           text["category_intro"].format(cat=name) + "\n\n", f"## {v.HEADINGS[lang]['pages']} {{#pages}}\n\n"]
    out.extend(f"- [{topic.title(lang)}]({path.split('/', 1)[1]}.md)\n" for path, topic in topics)
    return "".join(out)


def render_home(categories: list[v.Category], lang: str) -> str:
    text = v.SITE_TEXT[lang]
    out = [_front_matter(text["home"], text["home_description"]), text["home_intro"] + "\n\n",
           f"## {v.HEADINGS[lang]['categories']} {{#categories}}\n\n"]
    out.extend(f"- [{getattr(c, lang)}]({c.slug}/index.md)\n" for c in categories)
    return "".join(out)


def _answers(page: Topic, asked: Topic, shape: int) -> bool:
    """Whether `page` has every part a query of this shape about `asked` names."""
    if shape == 0:
        return (page.operation, page.subject) == (asked.operation, asked.subject)
    if shape == 1:
        return (page.operation, page.symptom) == (asked.operation, asked.symptom)
    return page == asked


def _queries(pages: list[tuple[str, Topic]], per_lang: int, rng: random.Random) -> list[SyntheticQuery]:
    """Queries a customer could type about generated pages, with the pages that answer them.

    Three shapes, in turn: asset (or device) + operation, operation + symptom,
    and all three.
    """
    out: list[SyntheticQuery] = []
    for lang in LANGS:
        for i, (_, topic) in enumerate(rng.sample(pages, min(per_lang, len(pages)))):
            op, subject = getattr(topic.operation, lang), getattr(topic.subject, lang)
            symptom = getattr(topic.symptom, f"{lang}_query")
            shape = i % 3
            if shape == 0:
                text = f"{subject}{op}" if lang == "ja" and topic.category.per_coin else f"{subject} {op}"
            elif shape == 1:
                text = f"{op}{symptom}" if lang == "ja" else f"{op} {symptom}"
            else:
                text = f"{subject} {op} {symptom}"
            out.append(SyntheticQuery(lang, text, [f"{p}.html" for p, t in pages if _answers(t, topic, shape)]))
    return out


def generate(root: Path, pages_per_lang: int, seed: int = DEFAULT_SEED, queries_per_lang: int = 12) -> Corpus:
    """Write docs/ja and docs/en under `root` (emptied first) and describe them."""
    rng = random.Random(f"helpcenter-bench/{seed}/{pages_per_lang}")
    categories, plans = _plan(pages_per_lang, rng)
    if root.exists():
        shutil.rmtree(root)
    corpus = Corpus(root, pages_per_lang)
    for plan in plans:
        corpus.topic_pages.extend((topic.slug(number, len(plan)), topic) for number, topic in enumerate(plan, 1))
    by_category: dict[str, list[tuple[str, Topic]]] = {}
    for path, topic in corpus.topic_pages:
        by_category.setdefault(topic.category.slug, []).append((path, topic))
    for lang in LANGS:
        # One generator per language, so adding a page to one language never shifts the other.
        page_rng = random.Random(f"helpcenter-bench/{seed}/{pages_per_lang}/{lang}")
        base = corpus.docs_dir / lang
        _write(base / "index.md", render_home(categories, lang))
        for category in categories:
            _write(base / category.slug / "index.md", render_category_index(category, by_category[category.slug], lang))
        for path, topic in corpus.topic_pages:
            siblings = [p for p in by_category[topic.category.slug] if p[0] != path]
            here = posixpath.dirname(path)
            related = [(posixpath.relpath(f"{p}.md", here), t.title(lang))
                       for p, t in page_rng.sample(siblings, min(len(siblings), page_rng.randint(1, 3)))]
            related.append((posixpath.relpath(f"{topic.category.slug}/index.md", here), getattr(topic.category, lang)))
            _write(base / f"{path}.md", render_topic_page(topic, lang, related, page_rng))
    corpus.queries = _queries(corpus.topic_pages, queries_per_lang, rng)
    return corpus


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
