"""In a real browser, the Content-Security-Policy blocks nothing the pages need: no violation
is reported while the live (htmx) features, the row editor and the delete confirmation work."""

import re
from io import StringIO

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from organisasi.models import Pegawai, UnitOrganisasi

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

# Runs in every document before its own scripts; Playwright's init scripts are not subject to
# the page's policy, so the listener is there even though inline script is forbidden.
PENDENGAR = """
window.__pelanggaran = [];
document.addEventListener("securitypolicyviolation", (e) => {
  const asal = `${e.sourceFile}:${e.lineNumber}`;
  window.__pelanggaran.push(`${e.violatedDirective}: ${e.blockedURI || "inline"} (${asal})`);
});
"""


class Pengawas:
    """Collects CSP violations from the console and from securitypolicyviolation events."""

    def __init__(self, page):
        self.page = page
        self.konsol = []
        page.add_init_script(PENDENGAR)
        page.on(
            "console",
            lambda m: self.konsol.append(m.text) if "Content Security Policy" in m.text else None,
        )

    def periksa(self):
        peristiwa = self.page.evaluate("window.__pelanggaran || null")
        assert peristiwa is not None, "pendengar securitypolicyviolation tidak terpasang"
        assert peristiwa == [], f"{self.page.url}: {peristiwa}"
        assert self.konsol == [], f"{self.page.url}: {self.konsol}"


def masuk(page, username, password):
    page.goto("/login/")
    page.get_by_label("Nama pengguna").fill(username)
    page.get_by_label("Kata sandi").fill(password)
    page.get_by_role("button", name="Masuk").click()
    expect(page.get_by_role("button", name="Keluar")).to_be_visible()


def test_main_pages_report_no_csp_violation_and_their_live_features_work(browser_page):
    call_command("load_demo", stdout=StringIO())
    page = browser_page
    pengawas = Pengawas(page)

    response = page.goto("/login/")
    assert "script-src 'self'" in response.headers["content-security-policy"]
    pengawas.periksa()
    masuk(page, "tarakan", "tarakan123")
    pengawas.periksa()

    # The unit tree: clicking a unit loads its panel with htmx.
    page.get_by_role("link", name="Organisasi", exact=True).click()
    tree = page.get_by_role("navigation", name="Pohon unit organisasi")
    dinas = "Dinas Sosial dan Pemberdayaan Masyarakat"
    tree.get_by_role("link", name=dinas, exact=True).click()
    expect(page.locator("#panel-unit").get_by_role("heading", name=dinas)).to_be_visible()
    # the tree stays, and the URL names the chosen unit (a reload or link shows it again)
    assert "/organisasi/?unit=" in page.url
    pengawas.periksa()

    # The employee list filters as one types (htmx), without a page load.
    pegawai = (
        Pegawai.objects.filter(unit__instansi__nama="Pemerintah Kota Tarakan")
        .order_by("nama")
        .first()
    )
    page.get_by_role("link", name="Pegawai", exact=True).click()
    tabel = page.locator("#tabel-pegawai")
    expect(tabel).to_contain_text("pegawai ditemukan")
    page.evaluate("window.__belumDimuatUlang = true")
    page.get_by_label("Cari nama atau NIP").fill(pegawai.nip)
    expect(tabel).to_contain_text("1 pegawai ditemukan")
    expect(tabel.get_by_role("row")).to_have_count(2)
    expect(tabel).to_contain_text(pegawai.nip_tercetak)
    assert page.evaluate("window.__belumDimuatUlang") is True
    pengawas.periksa()

    # The workload report: the choice of unit is applied by its visible button.
    unit = UnitOrganisasi.objects.get(nama=dinas, instansi__nama="Pemerintah Kota Tarakan")
    page.get_by_role("link", name="Beban kerja", exact=True).click()
    page.get_by_label("Unit", exact=True).select_option(str(unit.pk))
    page.get_by_role("button", name="Tampilkan").click()
    expect(page).to_have_url(re.compile(rf"unit={unit.pk}"))
    for nama, alamat in [("Peta jabatan", "/abk/peta/"), ("Kualitas data", "/abk/kualitas/")]:
        page.get_by_role("navigation", name="Laporan").get_by_role("link", name=nama).click()
        expect(page).to_have_url(re.compile(rf"{alamat}\?.*unit={unit.pk}"))
        pengawas.periksa()

    # A position: list, detail and the task editor (row script and live workload table).
    page.get_by_role("link", name="Jabatan", exact=True).click()
    page.locator("table.daftar-jabatan tbody a").first.click()
    expect(page.locator(".pratinjau")).to_be_visible()
    pengawas.periksa()
    page.get_by_role("link", name=re.compile(r"^6\. Tugas pokok")).click()
    expect(page.get_by_role("heading", name="6. Tugas pokok")).to_be_visible()
    baris = page.locator("#tabel-tugas tr.baris:visible")
    awal = baris.count()
    page.get_by_role("button", name="+ Tambah baris").first.click()
    expect(baris).to_have_count(awal + 1)
    pengawas.periksa()

    # The documents shown in the browser keep their styles (the <style> has the nonce).
    page.goto(page.url.split("/ubah/")[0] + "/dokumen/informasi-jabatan/")
    expect(page.locator("h1.judul").first).to_have_css("text-align", "center")
    pengawas.periksa()


def test_the_year_choice_and_the_delete_confirmation_work_under_the_policy(browser_page):
    call_command("load_demo", stdout=StringIO())
    page = browser_page
    pengawas = Pengawas(page)
    masuk(page, "pontianak", "pontianak123")

    page.get_by_role("link", name="Kinerja", exact=True).click()
    page.get_by_role("link", name="Kantor Kesatuan Bangsa dan Sosial Politik").click()
    page.get_by_label("Tahun").select_option("2021")
    page.get_by_role("button", name="Tampilkan").click()
    expect(page).to_have_url(re.compile(r"tahun=2021"))
    expect(page.get_by_role("heading", name=re.compile("Capaian kinerja 2021"))).to_be_visible()
    pengawas.periksa()

    page.get_by_role("link", name="Struktur Renstra dan Perjanjian Kinerja").click()
    page.get_by_role("link", name="ubah", exact=True).first.click()
    alamat = page.url
    pesan = []

    def tolak(dialog):
        pesan.append(dialog.message)
        dialog.dismiss()

    page.once("dialog", tolak)
    page.get_by_role("button", name="Hapus").click()
    expect(page.get_by_role("button", name="Hapus")).to_be_visible()
    assert pesan == ["Hapus data ini?"] and page.url == alamat
    pengawas.periksa()
