"""The help-center vocabulary the synthetic corpus is written from, in Japanese and English.

Drawn from the real site's domain (deposits, withdrawals, trading, accounts,
security, contact), so that the real queries in ../shared/search-queries.tsv
also hit synthetic pages and a benchmark query does the work a customer's
would. Every entry is a pair (ja, en); categories also name their folder.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Term:
    slug: str
    ja: str
    en: str


@dataclass(frozen=True)
class Category:
    slug: str
    ja: str
    en: str
    operations: tuple[Term, ...]
    per_coin: bool  # pages are about one asset ("XRP withdrawal") or about a device


COINS = (
    Term("btc", "ビットコイン", "Bitcoin"),
    Term("eth", "イーサリアム", "Ethereum"),
    Term("xrp", "リップル", "XRP"),
    Term("ltc", "ライトコイン", "Litecoin"),
    Term("bcc", "ビットコインキャッシュ", "Bitcoin Cash"),
    Term("mona", "モナコイン", "Monacoin"),
    Term("xlm", "ステラルーメン", "Stellar Lumens"),
    Term("dot", "ポルカドット", "Polkadot"),
    Term("ada", "カルダノ", "Cardano"),
    Term("sol", "ソラナ", "Solana"),
    Term("doge", "ドージコイン", "Dogecoin"),
    Term("jpy", "日本円", "Japanese yen"),
)

DEVICES = (
    Term("ios", "iPhoneアプリ", "iPhone app"),
    Term("android", "Androidアプリ", "Android app"),
    Term("web", "ウェブ版", "web version"),
    Term("pc", "パソコン", "PC"),
)

CATEGORIES = (
    Category("deposits", "入金", "Deposits", (
        Term("deposit", "入金", "deposit"),
        Term("bank-transfer", "銀行振込", "bank transfer"),
        Term("instant-deposit", "クイック入金", "instant deposit"),
        Term("deposit-address", "入金アドレス", "deposit address"),
    ), True),
    Category("withdrawals", "出金", "Withdrawals", (
        Term("withdrawal", "出金", "withdrawal"),
        Term("sending", "送金", "transfer"),
        Term("withdrawal-address", "出金先アドレスの登録", "withdrawal address registration"),
        Term("withdrawal-request", "出金申請", "withdrawal request"),
    ), True),
    Category("trading", "取引", "Trading", (
        Term("order", "注文", "order"),
        Term("limit-order", "指値注文", "limit order"),
        Term("market-order", "成行注文", "market order"),
        Term("margin", "信用取引", "margin trading"),
        Term("trade-history", "取引履歴", "trade history"),
    ), True),
    Category("account", "アカウント", "Account", (
        Term("login", "ログイン", "login"),
        Term("password-reset", "パスワードの再設定", "password reset"),
        Term("identity", "本人確認", "identity verification"),
        Term("signup", "口座開設", "account opening"),
        Term("email-change", "メールアドレスの変更", "email address change"),
        Term("closure", "退会手続き", "account closure"),
    ), False),
    Category("security", "セキュリティ", "Security", (
        Term("two-factor", "二段階認証", "two-factor authentication"),
        Term("phishing", "フィッシング対策", "phishing protection"),
        Term("unauthorized", "不正アクセスの確認", "unauthorized access check"),
        Term("malware", "マルウェア対策", "malware protection"),
        Term("login-alert", "ログイン通知", "login alert"),
    ), False),
    Category("app", "アプリ", "App", (
        Term("app", "アプリ", "app"),
        Term("notifications", "プッシュ通知", "push notifications"),
        Term("chart", "チャート", "chart"),
        Term("update", "アップデート", "update"),
        Term("widget", "ウィジェット", "widget"),
    ), False),
    Category("fees", "手数料", "Fees", (
        Term("withdrawal-fee", "出金手数料", "withdrawal fee"),
        Term("trading-fee", "取引手数料", "trading fee"),
        Term("spread", "スプレッド", "spread"),
    ), True),
    Category("lending", "貸して増やす・積立", "Lending and savings", (
        Term("lending", "貸して増やす", "lending"),
        Term("savings", "積立", "recurring purchase"),
        Term("campaign", "キャンペーン", "campaign"),
    ), True),
    Category("tax", "税金・報告書", "Tax and reports", (
        Term("annual-report", "年間取引報告書", "annual trading report"),
        Term("tax-return", "確定申告", "tax return"),
        Term("profit-loss", "損益計算", "profit and loss calculation"),
    ), False),
    Category("api", "API", "API", (
        Term("api-key", "APIキー", "API key"),
        Term("rate-limit", "APIのレート制限", "API rate limit"),
        Term("websocket", "WebSocket接続", "WebSocket connection"),
    ), False),
)


@dataclass(frozen=True)
class Symptom:
    slug: str
    ja: str  # "{x}" is the subject: 「リップルの出金」
    en: str  # "{x}" is the subject: "XRP withdrawal"; "{X}" the same, capitalised
    ja_query: str  # what a customer types: 「反映されない」
    en_query: str


SYMPTOMS = (
    Symptom("not-reflected", "{x}が反映されない", "{X} is not reflected", "反映されない", "not reflected"),
    Symptom("delayed", "{x}が遅延している", "{X} is delayed", "遅延", "delayed"),
    Symptom("rejected", "{x}が拒否された", "{X} was rejected", "拒否された", "rejected"),
    Symptom("cannot", "{x}ができない", "Cannot complete the {x}", "できない", "cannot"),
    Symptom("error", "{x}でエラーが表示される", "{X} shows an error", "エラー", "error"),
    Symptom("not-received", "{x}のメールが届かない", "No email about the {x}", "届かない", "email not received"),
    Symptom("failed", "{x}に失敗する", "{X} fails", "失敗", "fails"),
    Symptom("wrong-display", "{x}の表示がおかしい", "{X} looks wrong", "表示がおかしい", "looks wrong"),
    Symptom("how-to-check", "{x}の状況を確認したい", "How to check the {x}", "確認したい", "how to check"),
    Symptom("canceled", "{x}がキャンセルされた", "{X} was canceled", "キャンセル", "canceled"),
    Symptom("stuck", "{x}が止まったまま進まない", "{X} is stuck", "止まったまま", "stuck"),
    Symptom("amount-wrong", "{x}の金額が違う", "{X} amount is wrong", "金額が違う", "wrong amount"),
)

# Sentences, with {x} for the subject, {op}/{coin}/{device} for its parts and
# {cat} for the category. Pools the generator draws from, per section.
INTRO = {
    "ja": [
        "このページでは、{x}がうまくいかないときに、まず確認することとお問い合わせの方法をご案内します。",
        "{op}について、よくあるご質問とご自身で試せることをまとめています。",
        "障害が起きているのか、操作や設定の問題なのかを切り分けるための手順です。",
        "お問い合わせの前に、このページの手順で状況を記録しておくと、解決までが早くなります。",
        "bitbankのお客様から多く寄せられるご相談の一つです。",
        "{cat}に関するほかのトラブルは、カテゴリーのページから探せます。",
    ],
    "en": [
        "This page explains what to check first when the {x} does not work as expected, and how to contact support.",
        "It collects the common questions about the {op} and the things you can try yourself.",
        "Follow these steps to tell a system failure apart from a problem with your settings.",
        "If you note down what happened before you contact us, your inquiry is resolved faster.",
        "This is one of the questions bitbank customers ask most often.",
        "Other {cat} problems are listed on the category page.",
    ],
}
SYMPTOM_ITEMS = {
    "ja": [
        "{op}の画面にエラーメッセージが表示される",
        "{op}をしたのに、残高や履歴に反映されない",
        "{op}の処理が長い時間止まっている",
        "{op}のお知らせメールが届かない",
        "表示されている金額や数量が、入力した内容と違う",
        "アプリとウェブ版で、表示が異なる",
        "何度試しても同じ画面に戻ってしまう",
        "ログインできず、{op}の状況を確認できない",
    ],
    "en": [
        "An error message appears on the {op} screen.",
        "You made the {op}, but your balance or history does not show it.",
        "The {op} has been processing for a long time.",
        "You did not receive the email about the {op}.",
        "The amount shown differs from what you entered.",
        "The app and the web version show different information.",
        "You keep returning to the same screen, however often you try.",
        "You cannot log in, so you cannot check the status of the {op}.",
    ],
}
CHECK_STEPS = {
    "ja": [
        "[公式サイト][official-website]のお知らせで、障害やメンテナンスの案内が出ていないかを見る。",
        "公式サイトからリンクされているステータスページで、システムの状態を見る。",
        "{op}の記録（日時、通貨の種類、金額）を手元にそろえる。",
        "表示された画面やメッセージを、スクリーンショットで保存する。",
        "アプリを最新版にアップデートしてから、もう一度試す。",
        "別の通信環境（Wi-Fiとモバイル回線）でも同じかを確かめる。",
        "{coin}のネットワークが混雑していないか、お知らせで確認する。",
        "登録しているメールアドレスに、bitbankからのお知らせが届いていないかを見る。",
    ],
    "en": [
        "Check the announcements on the [official website][official-website] for an outage or maintenance.",
        "Check the status page linked from the official website.",
        "Note the date and time, the asset and the amount of the {op}.",
        "Take a screenshot of the screen and of any message you see.",
        "Update the app to the latest version and try again.",
        "Try another connection (Wi-Fi or mobile data) and see whether the problem remains.",
        "Check the announcements for congestion on the {coin} network.",
        "Look for an email from bitbank at your registered email address.",
    ],
}
SELF_HELP = {
    "ja": [
        "入力した内容（送付先や金額）に誤りがないか、記録と照らし合わせる",
        "少し時間をおいてから、残高と履歴をもう一度確認する",
        "[ヘルプセンター][help-center]で「{op_q}」「{sym_q}」などのキーワードを入れて検索する",
        "ブラウザのキャッシュを削除してから、もう一度ログインする",
        "二段階認証のコードが正しい時刻で表示されているかを確かめる",
        "{device}ではなく、別の端末からも試す",
    ],
    "en": [
        "Compare what you entered (destination and amount) with your notes.",
        "Wait a little, then check your balance and history again.",
        "Search the [help center][help-center] for \"{op_q}\" or \"{sym_q}\".",
        "Clear your browser cache and log in again.",
        "Make sure the two-factor authentication code is shown at the correct time.",
        "Try from another device instead of the {device}.",
    ],
}
CAUSES = {
    "ja": [
        ("システム障害やメンテナンス",
         "お知らせとステータスページで復旧を待つ。"),
        ("入力内容の誤り",
         "記録と照らし合わせ、正しい内容でやり直す。"),
        ("ネットワークの混雑",
         "時間をおいてから確認する。"),
        ("アプリのバージョンが古い",
         "最新版にアップデートする。"),
        ("本人確認が済んでいない",
         "本人確認の手続きを完了する。"),
        ("不正アクセスの疑い",
         "すぐにパスワードを変更し、お問い合わせする。"),
    ],
    "en": [
        ("A system failure or maintenance", "Wait for recovery; watch the announcements and the status page"),
        ("A typo in what you entered", "Compare with your notes and try again with the right details"),
        ("Network congestion", "Wait a while, then check again"),
        ("An old version of the app", "Update the app to the latest version"),
        ("Identity verification not finished", "Complete identity verification"),
        ("Possible unauthorized access", "Change your password at once and contact us"),
    ],
}
NOTES = {
    "ja": [
        "bitbankの社員が、お電話やSNSでパスワードや二段階認証のコードをお聞きすることはありません。",
        "「暗号資産」は「仮想通貨」と呼ばれることもあり、どちらも同じものを指します。",
        "障害の最新情報は、公式サイトのお知らせとステータスページでご確認ください。",
        "お問い合わせには、スクリーンショットを添えていただくと確認が早くなります。",
    ],
    "en": [
        "bitbank staff never ask for your password or two-factor authentication code by phone or social media.",
        "Crypto assets are also called virtual currency; both words mean the same thing.",
        "For the latest on an outage, see the announcements and the status page on the official website.",
        "Attaching screenshots to your inquiry helps us check faster.",
    ],
}
BEFORE_CONTACT = {
    "ja": [
        "解決しないときは、次の内容を控えてから[お問い合わせフォーム][inquiry-form]でご連絡ください。",
        "お問い合わせの前に、次のことを記録しておきましょう。",
    ],
    "en": [
        "If the problem remains, note the following and contact us through the [inquiry form][inquiry-form].",
        "Before you contact us, write down the following.",
    ],
}
RECORD_ITEMS = {
    "ja": ["{op}をした日時", "通貨の種類と金額", "表示されたメッセージの文言", "お使いの端末（{device}）",
           "問い合わせ番号（以前にお問い合わせした場合）"],
    "en": ["The date and time of the {op}", "The asset and the amount", "The exact wording of any message",
           "Your device ({device})", "Your inquiry number, if you contacted us before"],
}
FAQ = {
    "ja": [
        ("{op}にはどのくらい時間がかかりますか",
         "通常は数分から数十分で反映されます。"
         "ネットワークの混雑や障害があるときは、さらに時間がかかることがあります。"),
        ("{op}の手数料はいくらですか",
         "手数料は通貨ごとに異なります。"
         "最新の手数料は、公式サイトの手数料のページでご確認ください。"),
        ("土日や祝日も{op}できますか",
         "はい、できます。"
         "ただし、日本円の出金など、銀行の営業日に処理されるものがあります。"),
        ("{op}を取り消せますか",
         "処理が始まる前であれば、取り消せることがあります。"
         "履歴の画面で状況をご確認ください。"),
        ("スマートフォンを機種変更しました",
         "二段階認証の設定を移す必要があります。"
         "機種変更の前に、認証アプリの引き継ぎ方法をご確認ください。"),
        ("お問い合わせの返信はいつ届きますか",
         "内容によって異なります。"
         "問い合わせ番号を控えて、返信をお待ちください。"),
    ],
    "en": [
        ("How long does the {op} take?", "Usually a few minutes to a few tens of minutes. It can take longer when the "
         "network is congested or during an outage."),
        ("What does the {op} cost?", "Fees differ by asset. See the fees page on the official website for the latest "
         "figures."),
        ("Can I make the {op} on weekends and holidays?", "Yes. Some steps, such as yen withdrawals, are processed on "
         "bank business days."),
        ("Can I cancel the {op}?", "Sometimes, before processing starts. Check the status in your history."),
        ("I changed my smartphone", "You need to move your two-factor authentication settings. Check how to transfer "
         "your authenticator app before you change phones."),
        ("When will I get a reply to my inquiry?", "It depends on the inquiry. Keep your inquiry number and wait for "
         "our reply."),
    ],
}
HEADINGS = {
    "ja": {"symptoms": "主な症状", "check-first": "まず確認すること", "self-help": "ご自身で試せること",
           "causes": "よくある原因", "before-contact": "お問い合わせの前に", "related": "関連するページ",
           "cause": "原因", "fix": "対処", "note": "補足", "faq": "よくある質問", "pages": "このカテゴリーのページ",
           "categories": "カテゴリー"},
    "en": {"symptoms": "Typical symptoms", "check-first": "Check these first", "self-help": "Things you can try",
           "causes": "Common causes", "before-contact": "Before you contact us", "related": "Related pages",
           "cause": "Cause", "fix": "What to do", "note": "Note", "faq": "Questions", "pages": "Pages in this category",
           "categories": "Categories"},
}
SITE_TEXT = {
    "ja": {"home": "bitbank ヘルプセンター（ベンチマーク用）",
           "home_description": "ベンチマーク用に生成したヘルプセンターです。",
           "home_intro": "困ったときに読むページを、カテゴリーごとにまとめています。",
           "category_description": "{cat}に関するトラブルと対処法の一覧です。",
           "category_intro": "{cat}に関するトラブルの対処法です。当てはまるページを選んでください。"},
    "en": {"home": "bitbank Help Center (benchmark)",
           "home_description": "A help center generated for the benchmark.",
           "home_intro": "Pages to read when something goes wrong, by category.",
           "category_description": "Problems with {cat} and what to do about them.",
           "category_intro": "What to do about problems with {cat}. Choose the page that fits."},
}
