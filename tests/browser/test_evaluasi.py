"""Job evaluation with help (issue 14 item 6): the running total and kelas while choosing, and
the warning when the kelas is unusual for the position."""

import pytest
from playwright.sync_api import expect

from anjab.models import FaktorEvaluasi
from anjab.reference import muat_katalog
from organisasi.akses import Peran
from tests.browser.conftest import ARTIFACTS
from tests.factories import InstansiFactory, JabatanFactory, UnitFactory, make_user

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_the_total_and_kelas_follow_each_choice_and_an_unusual_kelas_is_flagged(browser_page):
    from django.apps import apps

    muat_katalog(lambda nama: apps.get_model("anjab", nama))
    instansi = InstansiFactory()
    unit = UnitFactory(instansi=instansi, nama="Kantor Kesbangpol")
    j = JabatanFactory(unit=unit, nama="Kepala Seksi", jenis="pengawas")
    make_user("ani", peran=Peran.ADMIN_INSTANSI, instansi=instansi)
    page = browser_page
    page.goto("/login/")
    page.get_by_label("Nama pengguna").fill("ani")
    page.get_by_label("Kata sandi").fill("rahasia-uji-123")
    page.get_by_role("button", name="Masuk").click()
    page.goto(f"/anjab/jabatan/{j.pk}/evaluasi/")
    total = page.locator("#hitung-berjalan")
    expect(total).to_contain_text("7 faktor belum dipilih")
    levels = {"1": 3, "2": 1, "3": 2, "4A": 3, "4B": 3, "5": 3, "6": 2}  # seed 000
    for f in FaktorEvaluasi.objects.filter(jenis="struktural").order_by("urutan"):
        page.get_by_role("group", name=f"Faktor {f.kode}: {f.nama}").get_by_label(
            f"Tingkat {f.kode}-{levels[f.kode]} ·", exact=False
        ).check()
    expect(total).to_contain_text("Total nilai: 2.515")
    expect(total).to_contain_text("kelas jabatan: 13")
    expect(total).to_contain_text("Kelas 13 tidak lazim untuk jabatan Pengawas")
    page.screenshot(path=ARTIFACTS / "evaluasi-berjalan.png", full_page=True)
