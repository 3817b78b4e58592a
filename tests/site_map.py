"""The site map every language must have (issue: foundation). Paths are built paths."""

PAGES = [
    "index.html",
    "troubles/index.html",
    "troubles/system-outage.html",
    "troubles/trading.html",
    "troubles/deposits-withdrawals.html",
    "troubles/account.html",
    "troubles/security-threats.html",
    "troubles/other.html",
    "first-response.html",
    "contact/index.html",
    "contact/inquiry-tips.html",
    "contact/compose.html",
    "resolution-flow.html",
    "security.html",
    "faq.html",
]
TROUBLE_SLUGS = ["system-outage", "trading", "deposits-withdrawals", "account", "security-threats", "other"]
LANGUAGES = {"ja": "", "en": "en/"}


def built_path(lang: str, page: str) -> str:
    return LANGUAGES[lang] + page


ALL = [(lang, page) for lang in LANGUAGES for page in PAGES]
