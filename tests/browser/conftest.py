"""Playwright driving Debian's Chromium (/usr/bin/chromium); a browser is never downloaded."""

import os
import shutil
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    if report.when == "call":
        item.rep_call = report


@pytest.fixture
def browser_page(request, monkeypatch, live_server):
    # Playwright's sync API keeps an event loop in this thread; Django would otherwise refuse
    # the ORM calls the test makes between browser steps.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    assert Path(CHROMIUM).exists(), f"Chromium not found at {CHROMIUM}: run `make test`"
    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        context = browser.new_context(base_url=live_server.url, locale="id-ID")
        page = context.new_page()
        page.set_default_timeout(15_000)
        yield page
        rep = getattr(request.node, "rep_call", None)
        if rep is not None and rep.failed:
            # Leave what the browser showed for whoever reads the CI log.
            name = request.node.name
            page.screenshot(path=ARTIFACTS / f"GAGAL-{name}.png", full_page=True)
            (ARTIFACTS / f"GAGAL-{name}.html").write_text(page.content(), encoding="utf-8")
            print(f"\n--- halaman saat gagal ({page.url}) ---\n{page.inner_text('body')[:3000]}")
        context.close()
        browser.close()
