"""The rules, one small module each, run in this order.

A rule module has `ID` (printed with every problem), `DESCRIPTION` (one line,
for `--list-rules`) and `check(project)`, which yields `Problem`s. To add a
rule, write a module beside these and list it here.
"""

from __future__ import annotations

from types import ModuleType

from helpcenter.check.rules import (
    banner_text,
    build_warning,
    contact_mailto,
    contact_phone,
    contact_tel,
    contact_text,
    external_domain,
    external_https,
    file_type,
    frontmatter_keys,
    frontmatter_markup,
    frontmatter_required,
    frontmatter_syntax,
    html_comment,
    html_element,
    html_event_handler,
    html_javascript_url,
    html_markup,
    html_title_markup,
    link_anchor,
    link_download,
    link_image,
    link_reference,
    link_target,
    never_send_prose,
    official_address,
    parity_facts,
    parity_pages,
    parity_sections,
    related_target,
    search_keywords,
)

RULES: list[ModuleType] = [
    file_type,
    link_target,
    link_anchor,
    link_image,
    link_reference,
    parity_pages,
    parity_sections,
    parity_facts,
    official_address,
    external_https,
    external_domain,
    contact_mailto,
    contact_tel,
    contact_phone,
    contact_text,
    banner_text,
    never_send_prose,
    frontmatter_syntax,
    frontmatter_required,
    frontmatter_keys,
    frontmatter_markup,
    related_target,
    search_keywords,
    html_comment,
    html_element,
    html_markup,
    html_event_handler,
    html_javascript_url,
    html_title_markup,
    link_download,
    build_warning,
]
