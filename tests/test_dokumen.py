"""A PDF loads only the app's static files, logos and data: URIs; never a URL or another file."""

import base64
import io
import socket
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from PIL import Image
from pypdf import PdfReader

from config.dokumen import render_pdf
from config.pdf_fetcher import LocalOnlyFetcher, SumberDitolak


def _png(ukuran=(40, 20), warna="red") -> bytes:
    out = io.BytesIO()
    Image.new("RGB", ukuran, warna).save(out, "PNG")
    return out.getvalue()


@pytest.fixture
def logo(settings, tmp_path) -> Path:
    settings.MEDIA_ROOT = tmp_path / "media"
    path = tmp_path / "media" / "logo" / "lambang.png"
    path.parent.mkdir(parents=True)
    path.write_bytes(_png())
    return path


@pytest.fixture
def pendengar():
    """A port that would notice any connection the renderer made."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen()
        s.settimeout(0.2)
        yield s


@pytest.fixture
def dibuka(monkeypatch) -> list[str]:
    """Every URL the fetcher actually opened."""
    asli = urllib.request.OpenerDirector.open
    dicatat = []

    def catat(self, url, *args, **kwargs):
        dicatat.append(url.full_url if isinstance(url, urllib.request.Request) else url)
        return asli(self, url, *args, **kwargs)

    monkeypatch.setattr(urllib.request.OpenerDirector, "open", catat)
    return dicatat


def _jumlah_gambar(pdf: bytes) -> int:
    return sum(len(p.images) for p in PdfReader(io.BytesIO(pdf)).pages)


def test_a_pdf_fetches_nothing_but_the_logo(logo, pendengar, dibuka, caplog):
    port = pendengar.getsockname()[1]
    html = f"""<html><head>
      <link rel="stylesheet" href="http://127.0.0.1:{port}/gaya.css">
      <style>body {{ background: url("http://169.254.169.254/latest/meta-data/") }}</style>
    </head><body>
      <img src="file://{logo}">
      <img src="http://127.0.0.1:{port}/x.png">
      <img src="https://127.0.0.1:{port}/y.png">
      <img src="file:///etc/passwd">
      <img src="file://{logo.parent}/../../../../../../etc/hostname">
      <img src="../etc/passwd">
      <iframe src="ftp://127.0.0.1:{port}/z"></iframe>
    </body></html>"""

    pdf = render_pdf(html)

    assert dibuka == [f"file://{logo}"]
    for ditolak in [f"127.0.0.1:{port}/x.png", f"127.0.0.1:{port}/gaya.css", "/etc/passwd"]:
        assert "sumber ditolak: " in caplog.text and ditolak in caplog.text
    with pytest.raises((TimeoutError, BlockingIOError)):
        pendengar.accept()
    assert _jumlah_gambar(pdf) == 1  # the logo, still on the letterhead


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:9/x.png",
        "https://example.com/logo.png",
        "ftp://127.0.0.1/x",
        "file:///etc/passwd",
        "file://otherhost/etc/passwd",
        "gopher://127.0.0.1/x",
    ],
)
def test_it_refuses_other_schemes_and_files(url, dibuka):
    with pytest.raises(SumberDitolak):
        LocalOnlyFetcher().fetch(url)
    assert dibuka == []


def test_it_refuses_media_that_is_not_a_logo(settings, tmp_path, dibuka):
    settings.MEDIA_ROOT = tmp_path / "media"
    lain = tmp_path / "media" / "dokumen" / "keputusan.pdf"
    lain.parent.mkdir(parents=True)
    lain.write_bytes(b"%PDF-1.7")
    (tmp_path / "media" / "logo").mkdir()
    for url in [f"file://{lain}", f"file://{tmp_path}/media/logo/../dokumen/keputusan.pdf"]:
        with pytest.raises(SumberDitolak):
            LocalOnlyFetcher().fetch(url)
    assert dibuka == []


def test_it_leaves_out_a_stored_logo_past_the_limits(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    besar = tmp_path / "media" / "logo" / "besar.png"
    besar.parent.mkdir(parents=True)
    out = io.BytesIO()
    Image.new("1", (12000, 12000)).save(out, "PNG")
    besar.write_bytes(out.getvalue())
    with pytest.raises(SumberDitolak, match="2000×2000"):
        LocalOnlyFetcher().fetch(f"file://{besar}")
    assert _jumlah_gambar(render_pdf(f'<img src="file://{besar}">')) == 0


def test_it_allows_static_files_and_data_uris():
    css = Path(django_settings.BASE_DIR) / "static" / "css" / "app.css"
    r = LocalOnlyFetcher().fetch(f"file://{css}")
    try:
        assert r.read() == css.read_bytes()
    finally:
        r.close()
    uri = "data:image/png;base64," + base64.b64encode(_png()).decode()
    assert _jumlah_gambar(render_pdf(f'<img src="{uri}">')) == 1


def test_the_decree_letterhead_still_shows_the_instansi_logo(dunia, logo, dibuka):
    from abk import documents, services
    from anjab.models import PeriodeAnalisis

    dunia.instansi.logo.name = "logo/lambang.png"
    dunia.instansi.save()
    periode = PeriodeAnalisis.objects.create(instansi=dunia.instansi, nama="ABK 2025", tahun=2025)
    keputusan = services.keputusan_get_or_create(periode=periode, unit=dunia.dinas)

    pdf = render_pdf(documents.keputusan_html(keputusan))

    assert dibuka == [f"file://{logo}"]
    assert _jumlah_gambar(pdf) >= 1
