"""Unsaved changes are never lost silently (issue 14 item 3): typed task rows survive a click on
another section tab — the editor asks, and can save and go on in one step."""

from io import StringIO

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from anjab.models import Jabatan, TugasJabatan
from tests.browser.conftest import ARTIFACTS

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def _editor(page):
    call_command("load_demo", stdout=StringIO())
    jabatan = Jabatan.objects.get(nama="Sekretaris Daerah")  # no task yet
    page.goto("/login/")
    page.get_by_label("Nama pengguna").fill("tarakan")
    page.get_by_label("Kata sandi").fill("tarakan123")
    page.get_by_role("button", name="Masuk").click()
    page.goto(f"/anjab/jabatan/{jabatan.pk}/ubah/tugas/")
    return jabatan


def _isi_tiga_baris(page):
    uraian = page.locator("textarea[name$='-uraian']")
    for i in range(3):
        if uraian.count() <= i:
            page.get_by_role("button", name="+ Tambah baris").first.click()
        uraian.nth(i).fill(f"Tugas ketik {i + 1}")


def test_a_tab_click_with_typed_rows_asks_and_saves_then_goes_on(browser_page):
    page = browser_page
    jabatan = _editor(page)
    _isi_tiga_baris(page)
    page.get_by_role("link", name="5. Syarat jabatan").click()
    dialog = page.get_by_role("dialog", name="Perubahan belum disimpan")
    expect(dialog).to_be_visible()
    page.screenshot(path=ARTIFACTS / "perubahan-belum-disimpan.png", full_page=True)
    dialog.get_by_role("button", name="Simpan dan lanjutkan").click()
    expect(page).to_have_url(
        f"{page.url.split('/anjab/')[0]}/anjab/jabatan/{jabatan.pk}/ubah/syarat/"
    )
    assert list(
        TugasJabatan.objects.filter(jabatan=jabatan)
        .order_by("urutan")
        .values_list("uraian", flat=True)
    ) == ["Tugas ketik 1", "Tugas ketik 2", "Tugas ketik 3"]


def test_staying_keeps_the_rows_and_leaving_is_a_choice(browser_page):
    page = browser_page
    jabatan = _editor(page)
    _isi_tiga_baris(page)
    page.get_by_role("link", name="Ringkasan").click()
    dialog = page.get_by_role("dialog", name="Perubahan belum disimpan")
    dialog.get_by_role("button", name="Tetap di halaman ini").click()
    expect(dialog).to_be_hidden()
    expect(page.locator("textarea[name$='-uraian']").nth(2)).to_have_value("Tugas ketik 3")
    page.get_by_role("link", name="Ringkasan").click()
    dialog.get_by_role("button", name="Tinggalkan tanpa menyimpan").click()
    expect(page).to_have_url(f"{page.url.split('/anjab/')[0]}/anjab/jabatan/{jabatan.pk}/")
    assert not TugasJabatan.objects.filter(jabatan=jabatan).exists()


def test_an_unchanged_form_lets_the_user_go_without_asking(browser_page):
    page = browser_page
    jabatan = _editor(page)
    page.get_by_role("link", name="5. Syarat jabatan").click()
    expect(page).to_have_url(
        f"{page.url.split('/anjab/')[0]}/anjab/jabatan/{jabatan.pk}/ubah/syarat/"
    )
