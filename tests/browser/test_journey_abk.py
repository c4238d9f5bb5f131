import pytest
from playwright.sync_api import expect

from anjab.models import PeriodeAnalisis, TugasJabatan
from organisasi.akses import Peran
from tests.browser.conftest import ARTIFACTS
from tests.conftest import PASSWORD
from tests.factories import InstansiFactory, JabatanFactory, PegawaiFactory, UnitFactory, make_user

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_an_analyst_edits_a_task_sees_the_need_recomputed_live_and_reads_the_rekap(browser_page):
    instansi = InstansiFactory(nama="Pemerintah Kota Tarakan", nama_daerah="Tarakan")
    dinas = UnitFactory(instansi=instansi, nama="Dinas Sosial dan Pemberdayaan Masyarakat")
    periode = PeriodeAnalisis.objects.create(instansi=instansi, nama="ABK 2024", tahun=2024)
    plo = JabatanFactory(unit=dinas, nama="Penata Layanan Operasional")
    for i, waktu in enumerate([1500, 4500, 4500], start=1):
        TugasJabatan.objects.create(jabatan=plo, periode=periode, urutan=i, uraian=f"Tugas {i}",
                                    hasil_kerja="Dokumen", volume=12, waktu=waktu)  # fmt: skip
    PegawaiFactory(unit=dinas, jabatan=plo)
    make_user("analis", peran=Peran.ADMIN_INSTANSI, instansi=instansi)
    page = browser_page

    page.goto("/login/")
    page.get_by_label("Nama pengguna").fill("analis")
    page.get_by_label("Kata sandi").fill(PASSWORD)
    page.get_by_role("button", name="Masuk").click()

    page.goto(f"/anjab/jabatan/{plo.pk}/ubah/tugas/")
    hasil = page.locator("#hasil-beban")
    jumlah = (
        hasil.get_by_role("row")
        .filter(has=page.get_by_role("cell", name="JUMLAH", exact=True))
        .get_by_role("cell")
        .last
    )
    expect(jumlah).to_have_text("1,680")  # 12 × (1,500 + 4,500 + 4,500) = 126,000 ÷ 75,000
    page.locator("#tabel-tugas tr.baris").nth(0).get_by_label("Waktu penyelesaian (menit)").fill(
        "4500"
    )
    expect(jumlah).to_have_text("2,160")  # 12 × 13,500 = 162,000 ÷ 75,000, before saving
    assert TugasJabatan.objects.get(jabatan=plo, urutan=1).waktu == 1500

    # leaving the unsaved change is a choice the editor asks for (issue 14 item 3)
    page.get_by_role("link", name="Beban kerja").click()
    page.get_by_role("dialog", name="Perubahan belum disimpan").get_by_role(
        "button", name="Tinggalkan tanpa menyimpan"
    ).click()
    expect(page.get_by_role("heading", name="Rekap analisis beban kerja")).to_be_visible()
    # The whole instansi is summarised by perangkat daerah; the analyst drills down.
    page.get_by_role("table", name="Rekap per perangkat daerah").get_by_role(
        "link", name=dinas.nama, exact=True
    ).click()
    # Columns: No., Jabatan, Unit, jam, Kebutuhan, K, B, ±, EJ: the saved 126,000 min.
    sel = (
        page.get_by_role("table", name="Rekap per jabatan")
        .get_by_role("row")
        .filter(has=page.get_by_role("link", name="Penata Layanan Operasional", exact=True))
        .get_by_role("cell")
    )
    expect(sel.nth(4)).to_have_text("1,680")
    expect(sel.nth(5)).to_have_text("2")  # 1.68 rounded half up
    expect(sel.nth(8)).to_have_text("1,68")  # EJ 126,000 ÷ (1 holder × 75,000)
    page.screenshot(path=ARTIFACTS / "abk-rekap.png", full_page=True)
    page.get_by_role("link", name="Peta jabatan").click()
    expect(page.locator(".peta-layar")).to_contain_text("Penata Layanan Operasional")
