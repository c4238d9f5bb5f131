"""No dead end (issue 14 item 1): every demo role walks every page it can reach by a link, from
the beranda on, as a new user clicking through would. Every page must answer without a server
error, never be a debug page, and no link may lead to a page that is not there (404) or that
the role may not open (403): where something is missing, the page says so and offers the way.

Pages of one kind (the 37 positions of a Dinas) are walked a few at a time: the first
`PER_JENIS` of each view and query shape. Files (PDF, Word, xlsx, zip) are only resolved, not
rendered: the document tests print them."""

import re
from collections import deque
from html.parser import HTMLParser
from io import StringIO
from urllib.parse import urljoin, urlsplit

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.test import Client
from django.urls import Resolver404, resolve

PER_JENIS = 3
BERKAS = (".pdf", ".docx", ".xlsx", ".zip", ".csv")
LEWATI = ("/logout/", "/admin/", "/static/", "/media/")
TANDA_DEBUG = (
    "You're seeing this error because you have",
    "Traceback (most recent call last)",
    "Using the URLconf defined in",
)
PERAN = ["admin", "tarakan", "dinsos", "pontianak", "banjar", "operator"]


class _Tautan(HTMLParser):
    def __init__(self):
        super().__init__()
        self.href: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            href = dict(attrs).get("href")
            if href:
                self.href.append(href)


def _tautan(html: str, dasar: str) -> list[str]:
    p = _Tautan()
    p.feed(html)
    hasil = []
    for href in p.href:
        if href.startswith(("#", "mailto:", "tel:", "javascript:")):
            continue
        url = urljoin(dasar, href)
        bagian = urlsplit(url)
        if bagian.netloc not in ("", "testserver"):
            continue
        hasil.append(bagian.path + (f"?{bagian.query}" if bagian.query else ""))
    return hasil


def _jenis(url: str) -> tuple:
    """The view and the query's keys: pages of one kind differ only in their ids."""
    bagian = urlsplit(url)
    try:
        match = resolve(bagian.path)
    except Resolver404:
        return ("?", bagian.path)
    kunci = tuple(sorted(re.findall(r"(?:^|&)([^=&]+)=", bagian.query)))
    return (match.view_name, tuple(sorted(match.kwargs)), kunci)


def jelajahi(client: Client) -> tuple[list, int]:
    """Walks from the beranda; answers (every fault as (url, from which page, what), pages)."""
    antre = deque([("/", "(awal)")])
    dilihat: set[str] = {"/"}
    per_jenis: dict[tuple, int] = {}
    salah = []
    halaman = 0
    while antre:
        url, dari = antre.popleft()
        path = urlsplit(url).path
        if path.endswith(BERKAS) or "/unduh/" in path or "/berkas/" in path:
            try:
                resolve(path)
            except Resolver404:
                salah.append((url, dari, "tautan berkas tidak ada"))
            continue
        response = client.get(url)
        halaman += 1
        status = response.status_code
        if status in (301, 302):
            tujuan = urljoin(url, response["Location"])
            if tujuan not in dilihat and not tujuan.startswith(LEWATI):
                dilihat.add(tujuan)
                antre.append((tujuan, url))
            continue
        if status >= 500:
            salah.append((url, dari, f"galat server {status}"))
            continue
        if status in (403, 404):
            salah.append((url, dari, f"tautan buntu {status}"))
            continue
        if "text/html" not in response.get("Content-Type", ""):
            continue
        html = response.content.decode()
        for tanda in TANDA_DEBUG:
            if tanda in html:
                salah.append((url, dari, "halaman debug"))
        for berikut in _tautan(html, url):
            if berikut in dilihat or berikut.startswith(LEWATI):
                continue
            jenis = _jenis(berikut)
            if per_jenis.get(jenis, 0) >= PER_JENIS:
                continue
            per_jenis[jenis] = per_jenis.get(jenis, 0) + 1
            dilihat.add(berikut)
            antre.append((berikut, url))
    return salah, halaman


@pytest.fixture
def demo(db):
    call_command("load_demo", stdout=StringIO())


@pytest.mark.parametrize("username", PERAN)
def test_every_reachable_page_works_for_every_role(demo, username):
    client = Client()
    client.force_login(User.objects.get(username=username))
    salah, halaman = jelajahi(client)
    print(username, halaman)
    assert halaman > 20, halaman
    assert salah == [], "\n".join(f"{u} (dari {d}): {apa}" for u, d, apa in salah)
