import pytest
from playwright.sync_api import expect

from organisasi.akses import Peran
from organisasi.models import UnitOrganisasi
from tests.browser.conftest import ARTIFACTS
from tests.conftest import PASSWORD
from tests.factories import InstansiFactory, UnitFactory, make_user

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_an_operator_logs_in_adds_a_seksi_and_sees_it_in_the_tree(browser_page):
    instansi = InstansiFactory(nama="Pemerintah Kota Tarakan")
    dinas = UnitFactory(instansi=instansi, nama="Dinas Sosial dan Pemberdayaan Masyarakat")
    bidang = UnitFactory(parent=dinas, nama="Bidang Rehabilitasi Sosial", jenis="bidang")
    UnitFactory(instansi=instansi, nama="Dinas Kesehatan")
    make_user("operator_dinsos", peran=Peran.OPERATOR, instansi=instansi, unit=dinas)
    page = browser_page

    page.goto("/organisasi/")
    expect(page.get_by_role("heading", name="Masuk")).to_be_visible()
    page.get_by_label("Nama pengguna").fill("operator_dinsos")
    page.get_by_label("Kata sandi").fill(PASSWORD)
    page.get_by_role("button", name="Masuk").click()

    expect(page.get_by_role("heading", name="Struktur organisasi")).to_be_visible()
    tree = page.get_by_role("navigation", name="Pohon unit organisasi")
    expect(tree).to_contain_text("Bidang Rehabilitasi Sosial")
    expect(tree).not_to_contain_text("Dinas Kesehatan")

    # Clicking a unit loads its panel with htmx, without leaving the tree.
    tree.get_by_role("link", name="Bidang Rehabilitasi Sosial").click()
    panel = page.locator("#panel-unit")
    expect(panel.get_by_role("heading", name="Bidang Rehabilitasi Sosial")).to_be_visible()
    # the tree stays, and the URL names the chosen unit (a reload or link shows it again)
    assert "/organisasi/?unit=" in page.url

    panel.get_by_role("link", name="Tambah sub-unit").click()
    expect(page.get_by_role("heading", name="Tambah unit")).to_be_visible()
    page.get_by_label("Nama unit").fill("Seksi Rehabilitasi Sosial Anak")
    page.get_by_label("Jenis unit").select_option(label="Seksi")
    page.get_by_label("Eselon").select_option("IV.a")
    page.get_by_label("Jabatan pimpinan").fill("Kepala Seksi Rehabilitasi Sosial Anak")
    page.get_by_label("Uraian tugas").fill(
        "menyusun rencana kegiatan seksi\nmelaksanakan rehabilitasi sosial anak"
    )
    page.get_by_role("button", name="Simpan").click()

    expect(page.get_by_role("status")).to_contain_text("Seksi Rehabilitasi Sosial Anak")
    expect(page.get_by_role("heading", name="Seksi Rehabilitasi Sosial Anak")).to_be_visible()
    page.get_by_role("link", name="Organisasi", exact=True).click()
    # Listed in the tree, nested under its Bidang.
    bidang_item = page.locator("#pohon-unit li").filter(
        has=page.get_by_role("link", name="Bidang Rehabilitasi Sosial", exact=True)
    )
    expect(bidang_item.get_by_role("link", name="Seksi Rehabilitasi Sosial Anak")).to_be_visible()
    page.screenshot(path=ARTIFACTS / "organisasi-tree.png", full_page=True)

    seksi = UnitOrganisasi.objects.get(nama="Seksi Rehabilitasi Sosial Anak")
    assert seksi.parent_id == bidang.pk
    assert seksi.uraian_tugas.count() == 2
