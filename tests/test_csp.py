"""The Content-Security-Policy: every page sends it, and no page needs what it forbids (inline
event handlers, style attributes, <script>/<style> blocks without the request's nonce)."""

import re
from html.parser import HTMLParser
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse

from anjab.bagian import BAGIAN
from anjab.models import Jabatan, PeriodeAnalisis
from kinerja.models import Renstra, TimKerja
from organisasi.models import Pegawai, UnitOrganisasi
from tests.factories import JabatanFactory

DINAS = "Dinas Sosial dan Pemberdayaan Masyarakat"


class Pelanggaran(HTMLParser):
    """Collects what the policy would block in an HTML page served with `nonce`."""

    def __init__(self, nonce):
        super().__init__(convert_charrefs=True)
        self.nonce = nonce
        self.temuan = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        for nama, nilai in attrs:
            if nama.startswith("on"):
                self.temuan.append(f"<{tag} {nama}=…> (penangan kejadian sebaris)")
            if nama == "style":
                self.temuan.append(f'<{tag} style="{nilai}">')
            if nama in ("href", "src", "action") and (nilai or "").lower().startswith(
                "javascript:"
            ):
                self.temuan.append(f"<{tag} {nama}=javascript:…>")
        sebaris = tag == "style" or (tag == "script" and "src" not in a)
        if sebaris and (not self.nonce or a.get("nonce") != self.nonce):
            self.temuan.append(f"<{tag}> tanpa nonce permintaan ini")
        if tag == "script" and "src" in a and not a["src"].startswith("/"):
            self.temuan.append(f"<script src={a['src']}> dari situs lain")
        if tag == "link" and a.get("rel") == "stylesheet" and not a["href"].startswith("/"):
            self.temuan.append(f"<link href={a['href']}> dari situs lain")


def periksa(response):
    """The response's CSP header, after asserting the page breaks none of its rules."""
    assert response.status_code == 200, response.status_code
    csp = response.headers.get("Content-Security-Policy", "")
    assert "script-src 'self'" in csp
    assert "unsafe-inline" not in csp.split("script-src", 1)[1].split(";", 1)[0]
    m = re.search(r"'nonce-([^']+)'", csp)
    parser = Pelanggaran(m.group(1) if m else None)
    parser.feed(response.content.decode())
    parser.close()
    assert parser.temuan == []
    return csp


@pytest.fixture
def demo(db):
    call_command("load_demo", stdout=StringIO())


def masuk(client, username):
    client.force_login(get_user_model().objects.get(username=username))
    return client


def arahan(response) -> dict[str, str]:
    csp = response["Content-Security-Policy"]
    return dict(d.strip().split(" ", 1) for d in csp.split(";"))


def test_the_login_page_passes_the_policy_written_for_the_pages(client, db):
    response = client.get(reverse("login"))
    periksa(response)
    assert arahan(response) == {
        "default-src": "'self'",
        "script-src": "'self'",
        "style-src": "'self'",
        "img-src": "'self' data:",
        "object-src": "'none'",
        "base-uri": "'self'",
        "frame-ancestors": "'none'",
        "form-action": "'self'",
    }


def test_the_organisation_job_and_workload_pages_pass_the_policy(client, demo):
    masuk(client, "tarakan")
    dinas = UnitOrganisasi.objects.get(nama=DINAS, instansi__nama="Pemerintah Kota Tarakan")
    periode = PeriodeAnalisis.objects.get(nama="ABK 2024")
    jabatan = Jabatan.objects.filter(instansi=dinas.instansi, unit=dinas).first()
    pilihan = {"periode": periode.pk, "unit": dinas.pk}
    halaman = [
        (reverse("organisasi:beranda"), {}),
        (reverse("organisasi:unit_tree"), {}),
        (reverse("organisasi:unit_detail", args=[dinas.pk]), {}),
        (reverse("organisasi:pegawai_list"), {}),
        (reverse("organisasi:pegawai_detail", args=[Pegawai.objects.first().pk]), {}),
        (reverse("organisasi:ganti_sandi"), {}),
        (reverse("anjab:daftar"), {"unit": dinas.pk}),
        (reverse("anjab:katalog"), {}),
        (reverse("anjab:jabatan_detail", args=[jabatan.pk]), {}),
        (reverse("anjab:jabatan_evaluasi", args=[jabatan.pk]), {}),
        *[(reverse("anjab:jabatan_bagian", args=[jabatan.pk, b.slug]), {}) for b in BAGIAN],
        (reverse("abk:rekap"), pilihan),
        (reverse("abk:peta"), pilihan),
        (reverse("abk:kualitas"), pilihan),
        (reverse("abk:keputusan"), pilihan),
        (reverse("abk:periode_daftar"), {}),
        (reverse("abk:impor_daftar"), {}),
    ]
    for url, data in halaman:
        try:
            periksa(client.get(url, data))
        except AssertionError as e:
            raise AssertionError(f"{url}: {e}") from e

    # Fragments htmx swaps into a page fall under that page's policy: nothing inline either.
    htmx = {"HTTP_HX_REQUEST": "true"}
    for url, data in [
        (reverse("organisasi:unit_detail", args=[dinas.pk]), {}),
        (reverse("organisasi:pegawai_list"), {"q": "a"}),
        (reverse("anjab:daftar"), {"unit": dinas.pk}),
    ]:
        periksa(client.get(url, data, **htmx))


def test_the_performance_team_and_document_pages_pass_the_policy(client, demo):
    masuk(client, "pontianak")
    renstra = Renstra.objects.filter(unit__instansi__nama="Pemerintah Kota Pontianak").first()
    tahun = renstra.tahun[0]
    for url in [
        reverse("kinerja:daftar"),
        reverse("kinerja:renstra", args=[renstra.pk]) + f"?tahun={tahun}",
        reverse("kinerja:struktur", args=[renstra.pk]),
        reverse("kinerja:renstra_ubah", args=[renstra.pk]),
        reverse("kinerja:lakip", args=[renstra.pk, tahun]),
    ]:
        periksa(client.get(url))

    masuk(client, "banjar")
    tim = TimKerja.objects.filter(instansi__nama="Pemerintah Kabupaten Banjar").first()
    for url in [reverse("tim:daftar"), reverse("tim:detail", args=[tim.pk])]:
        periksa(client.get(url))

    # The printable documents shown in the browser: their <style> carries the nonce.
    masuk(client, "admin")
    jabatan = Jabatan.objects.filter(instansi__nama="Pemerintah Kota Tarakan").first()
    renstra = Renstra.objects.filter(unit__instansi__nama="Pemerintah Kota Pontianak").first()
    for url in [
        reverse("anjab:dokumen", args=[jabatan.pk, "informasi-jabatan"]),
        reverse("anjab:dokumen", args=[jabatan.pk, "evaluasi-jabatan"]),
        reverse("kinerja:lakip_dokumen", args=[renstra.pk, renstra.tahun[0]]),
        reverse("tim:instrumen", args=[tim.pk]),
    ]:
        csp = periksa(client.get(url))
        assert "style-src 'self' 'nonce-" in csp, url

    # The PDF is rendered from the same templates with no request: no nonce, no error.
    from anjab.documents import informasi_jabatan_html

    assert '<style nonce="">' in informasi_jabatan_html(jabatan)


def test_the_admin_keeps_script_src_self_and_only_allows_its_inline_css(client, admin_client, db):
    jabatan = JabatanFactory()
    for c, url in [
        (client, reverse("admin:login")),
        (admin_client, reverse("admin:index")),
        (admin_client, reverse("admin:anjab_jabatan_changelist")),
        (admin_client, reverse("admin:anjab_jabatan_change", args=[jabatan.pk])),
        (admin_client, reverse("admin:anjab_jabatan_history", args=[jabatan.pk])),
        (admin_client, reverse("admin:organisasi_unitorganisasi_add")),
    ]:
        response = c.get(url)
        assert response.status_code == 200, url
        assert arahan(response)["script-src"] == "'self'"
        assert arahan(response)["style-src"] == "'self' 'unsafe-inline'"
        # The admin has no inline script or handler, so its scripts need no relaxation.
        parser = Pelanggaran(None)
        parser.feed(response.content.decode())
        assert [t for t in parser.temuan if "style" not in t] == [], url
