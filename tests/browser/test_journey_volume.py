"""An analyst types a volume as counted per day, on a phone-sized screen, by keyboard."""

from decimal import Decimal

import pytest
from playwright.sync_api import expect

from anjab.models import PeriodeAnalisis, TugasJabatan
from organisasi.akses import Peran
from tests.browser.conftest import ARTIFACTS
from tests.conftest import PASSWORD
from tests.factories import InstansiFactory, JabatanFactory, UnitFactory, make_user

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_a_volume_per_day_shows_its_per_year_figure_while_typing(browser_page):
    instansi = InstansiFactory(nama="Pemerintah Kota Tarakan")
    dinas = UnitFactory(instansi=instansi, nama="Dinas Sosial")
    PeriodeAnalisis.objects.create(instansi=instansi, nama="ABK 2025", tahun=2025)
    jabatan = JabatanFactory(unit=dinas, nama="Penata Layanan Operasional")
    make_user("operator_dinsos", peran=Peran.OPERATOR, instansi=instansi, unit=dinas)
    page = browser_page
    page.set_viewport_size({"width": 390, "height": 844})

    page.goto("/login/")
    page.get_by_label("Nama pengguna").fill("operator_dinsos")
    page.get_by_label("Kata sandi").fill(PASSWORD)
    page.get_by_role("button", name="Masuk").click()
    page.goto(f"/anjab/jabatan/{jabatan.pk}/ubah/tugas/")

    page.get_by_role("button", name="+ Tambah baris").click()
    baris = page.locator("#tabel-tugas tr.baris").first
    baris.get_by_label("Uraian tugas").fill("Memverifikasi permohonan")
    volume = baris.get_by_label("Jumlah beban kerja", exact=True)
    volume.fill("2")
    volume.press("Tab")
    satuan = baris.get_by_label("Volume dihitung per")
    expect(satuan).to_be_focused()
    satuan.select_option("hari")
    expect(volume).to_have_accessible_description("2 per hari × 235 hari kerja = 470 per tahun")
    baris.get_by_label("Waktu penyelesaian (menit)").fill("30")
    # 470 × 30 ÷ 75,000 = 0,188
    expect(page.locator("#hasil-beban")).to_contain_text("0,188")
    # on the phone a task row stacks its fields, each as wide as the screen allows, and the
    # page itself never scrolls sideways
    uraian = page.evaluate("document.querySelector('#tabel-tugas td.kolom-uraian').offsetWidth")
    assert uraian > 250
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.get_by_role("button", name="Simpan", exact=True).click()
    expect(page.get_by_role("status")).to_contain_text("disimpan")
    t = TugasJabatan.objects.get(jabatan=jabatan)
    assert (t.volume, t.volume_asal, t.satuan_volume) == (Decimal(470), Decimal(2), "hari")
    expect(baris.get_by_label("Jumlah beban kerja", exact=True)).to_have_value("2")
    page.screenshot(path=ARTIFACTS / "anjab-volume-per-hari.png", full_page=True)
