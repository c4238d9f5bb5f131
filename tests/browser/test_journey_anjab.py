import io

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from anjab.models import Jabatan
from organisasi.akses import Peran
from tests.browser.conftest import ARTIFACTS
from tests.conftest import PASSWORD
from tests.factories import InstansiFactory, UnitFactory, make_user

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

TUGAS = [
    ("Mengumpulkan data layanan operasional", "Dokumen", "12", "1500"),
    ("Menganalisis data layanan operasional", "Dokumen", "12", "4500"),
    ("Membuat laporan hasil pelaksanaan tugas", "Laporan", "12", "1500"),
]


def test_an_operator_creates_a_position_with_three_ordered_tasks_and_opens_its_pdf(browser_page):
    instansi = InstansiFactory(nama="Pemerintah Kota Tarakan")
    dinas = UnitFactory(instansi=instansi, nama="Dinas Sosial dan Pemberdayaan Masyarakat")
    subbag = UnitFactory(parent=dinas, nama="Sub Bagian Umum dan Kepegawaian", jenis="subbagian")
    make_user("operator_dinsos", peran=Peran.OPERATOR, instansi=instansi, unit=dinas)
    page = browser_page

    page.goto("/login/")
    page.get_by_label("Nama pengguna").fill("operator_dinsos")
    page.get_by_label("Kata sandi").fill(PASSWORD)
    page.get_by_role("button", name="Masuk").click()

    page.get_by_role("link", name="Jabatan", exact=True).click()
    page.get_by_label("Unit organisasi").select_option(label="— Sub Bagian Umum dan Kepegawaian")
    # choosing changes nothing by itself (WCAG 3.2.2): the list follows the button
    page.get_by_role("button", name="Tampilkan").click()
    page.get_by_role("link", name="Tambah jabatan di Sub Bagian Umum dan Kepegawaian").click()
    page.get_by_label("Nama jabatan").fill("Penata Layanan Operasional")
    page.get_by_label("Jenis jabatan").select_option(label="Pelaksana")
    page.get_by_label("Ikhtisar jabatan").fill("Melakukan kegiatan tata kelola layanan teknis.")
    page.get_by_role("button", name="Simpan").click()
    # The instansi has no analysis period yet: opening the task tab made none, it offers one.
    expect(page.get_by_role("heading", name="Belum ada periode analisis")).to_be_visible()
    page.get_by_role("button", name="Buat periode analisis").click()
    expect(page.get_by_role("heading", name="6. Tugas pokok")).to_be_visible()

    tabel = page.locator("#tabel-tugas")
    for i, (uraian, hasil, volume, waktu) in enumerate(TUGAS):
        page.get_by_role("button", name="+ Tambah baris").click()
        baris = tabel.locator("tr.baris").nth(i)
        baris.get_by_label("Uraian tugas").fill(uraian)
        baris.get_by_label("Hasil kerja (satuan)").fill(hasil)
        baris.get_by_label("Jumlah beban kerja", exact=True).fill(volume)
        baris.get_by_label("Waktu penyelesaian (menit)").fill(waktu)

    # Move the report up one place: it becomes the second task; nothing typed is lost.
    tabel.locator("tr.baris").nth(2).get_by_role("button", name="Naikkan baris").click()
    expect(tabel.locator("tr.baris").nth(1).get_by_label("Uraian tugas")).to_have_value(TUGAS[2][0])
    expect(tabel.locator("tr.baris").nth(2).get_by_label("Uraian tugas")).to_have_value(TUGAS[1][0])
    page.get_by_role("button", name="Simpan", exact=True).click()

    expect(page.get_by_role("status")).to_contain_text("disimpan")
    urutan = [
        tabel.locator("tr.baris").nth(i).get_by_label("Uraian tugas").input_value()
        for i in range(3)
    ]
    assert urutan == [TUGAS[0][0], TUGAS[2][0], TUGAS[1][0]]
    # 12 × (1500 + 4500 + 1500) = 90,000 minutes ÷ 75,000 = 1,200 → 1 person
    expect(page.locator(".beban-kerja")).to_contain_text("1,200")
    page.screenshot(path=ARTIFACTS / "anjab-tugas.png", full_page=True)

    jabatan = Jabatan.objects.get(nama="Penata Layanan Operasional")
    assert jabatan.unit_id == subbag.pk
    assert [t.uraian for t in jabatan.tugas.all()] == [TUGAS[0][0], TUGAS[2][0], TUGAS[1][0]]

    page.get_by_role("link", name="Ringkasan").click()
    link = page.get_by_role("link", name="Unduh PDF informasi jabatan")
    response = page.request.get(link.get_attribute("href"))
    assert response.headers["content-type"] == "application/pdf"
    teks = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(response.body())).pages)
    teks = " ".join(teks.split())
    assert "Penata Layanan Operasional" in teks and "6. TUGAS POKOK" in teks
    # a task's text wraps in its column: its first words mark where its row is
    assert teks.index("Membuat laporan") < teks.index("Menganalisis data")
