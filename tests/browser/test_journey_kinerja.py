import io
from io import StringIO

import pytest
from django.core.management import call_command
from playwright.sync_api import expect
from pypdf import PdfReader

from kinerja.models import Realisasi
from tests.browser.conftest import ARTIFACTS

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_a_planner_enters_a_realisation_sees_capaian_and_opens_the_lakip(browser_page):
    call_command("load_demo", stdout=StringIO())
    page = browser_page
    page.goto("/login/")
    page.get_by_label("Nama pengguna").fill("pontianak")
    page.get_by_label("Kata sandi").fill("pontianak123")
    page.get_by_role("button", name="Masuk").click()

    page.get_by_role("link", name="Kinerja", exact=True).click()
    page.get_by_role("link", name="Kantor Kesatuan Bangsa dan Sosial Politik").click()
    page.get_by_label("Tahun").select_option("2020")
    page.get_by_role("button", name="Tampilkan").click()
    baris = page.get_by_role("row").filter(has_text="Persentase partisipasi masyarakat")
    expect(baris).to_contain_text("106,79%")
    isian = baris.get_by_label(
        "Realisasi Persentase partisipasi masyarakat dalam menggunakan hak pilih"
    )
    isian.fill("78,75")
    isian.press("Tab")  # change → saved and recomputed without leaving the page
    baris = page.get_by_role("row").filter(has_text="Persentase partisipasi masyarakat")
    expect(baris).to_contain_text("105,00%")
    page.screenshot(path=ARTIFACTS / "kinerja-capaian.png", full_page=True)
    assert (
        Realisasi.objects.get(
            indikator__uraian__startswith="Persentase partisipasi", tahun=2020, triwulan=0
        ).nilai
        == 78.75
    )

    link = page.get_by_role("link", name="Unduh PDF LAKIP 2020")
    response = page.request.get(link.get_attribute("href"))
    assert response.headers["content-type"] == "application/pdf"
    teks = " ".join(
        " ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(response.body())).pages
    )
    assert "LAPORAN AKUNTABILITAS KINERJA" in teks and "105,00%" in teks

    # the Renstra's targets are edited in its structure screen
    page.get_by_role("link", name="Struktur Renstra dan Perjanjian Kinerja").click()
    page.get_by_role("link", name="Nilai Survey Kepuasan Masyarakat (SKM)").click()
    page.get_by_label("Target 2021").fill("86,5")
    page.get_by_role("button", name="Simpan").click()
    expect(page.get_by_role("status")).to_contain_text("Indikator kinerja disimpan.")
    baris = page.get_by_role("row").filter(has_text="Nilai Survey Kepuasan Masyarakat")
    expect(baris).to_contain_text("86,5")
