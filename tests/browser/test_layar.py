"""The main pages at a phone's 375 px and a laptop's 1366 px (issue 14 item 5): nothing runs off
the screen (tables scroll inside their card), the menu folds behind a button on the phone and
opens with the keyboard; a screenshot of each is left in test-artifacts/ to look at."""

from io import StringIO

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from anjab.models import Jabatan
from tests.browser.conftest import ARTIFACTS

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

HALAMAN = ["/", "/organisasi/", "/anjab/", "/abk/", "/abk/peta/", "/abk/kualitas/", "/pegawai/"]


def _masuk(page, username, password):
    page.goto("/login/")
    page.get_by_label("Nama pengguna").fill(username)
    page.get_by_label("Kata sandi").fill(password)
    page.get_by_role("button", name="Masuk").click()
    expect(page.get_by_role("heading", name="Beranda")).to_be_visible()


@pytest.mark.parametrize("lebar", [375, 1366])
def test_the_main_pages_fit_the_screen(browser_page, lebar):
    call_command("load_demo", stdout=StringIO())
    page = browser_page
    page.set_viewport_size({"width": lebar, "height": 800})
    _masuk(page, "tarakan", "tarakan123")
    tugas = Jabatan.objects.filter(nama="Penelaah Teknis Kebijakan").first()
    for url in [*HALAMAN, f"/anjab/jabatan/{tugas.pk}/ubah/tugas/"]:
        page.goto(url)
        lebar_halaman = page.evaluate("document.documentElement.scrollWidth")
        nama = url.strip("/").replace("/", "-") or "beranda"
        page.screenshot(path=ARTIFACTS / f"layar-{lebar}-{nama}.png", full_page=True)
        assert lebar_halaman <= lebar, (url, lebar_halaman)
    if lebar == 375:
        # a task's text box is as wide as the screen, not four characters
        kotak = page.locator("textarea[name$='-uraian']").first.bounding_box()
        assert kotak["width"] > 250, kotak


def test_on_a_phone_the_menu_opens_from_its_button_with_the_keyboard(browser_page):
    call_command("load_demo", stdout=StringIO())
    page = browser_page
    page.set_viewport_size({"width": 375, "height": 800})
    _masuk(page, "dinsos", "dinsos123")
    tombol = page.get_by_role("button", name="Menu")
    menu = page.get_by_role("navigation", name="Menu utama")
    expect(tombol).to_have_attribute("aria-expanded", "false")
    expect(menu).to_be_hidden()
    tombol.focus()
    page.keyboard.press("Enter")
    expect(tombol).to_have_attribute("aria-expanded", "true")
    expect(menu).to_be_visible()
    page.screenshot(path=ARTIFACTS / "layar-375-menu-terbuka.png", full_page=True)
    menu.get_by_role("link", name="Keputusan").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Keputusan")
