"""axe-core over the main pages (issue 14 item 10): no serious or critical violation, for the
roles that use them, at a laptop's and a phone's width; and no select that submits its form
on change without a button (WCAG 3.2.2)."""

from io import StringIO

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core.management import call_command
from playwright.sync_api import expect

from anjab.models import Jabatan
from kinerja.models import Renstra

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

BERAT = {"serious", "critical"}


def _masuk(page, username, password):
    page.goto("/login/")
    page.get_by_label("Nama pengguna").fill(username)
    page.get_by_label("Kata sandi").fill(password)
    page.get_by_role("button", name="Masuk").click()
    expect(page.get_by_role("heading", name="Beranda")).to_be_visible()


def _periksa(page, urls) -> list[str]:
    axe = Axe()
    salah = []
    for url in urls:
        page.goto(url)
        hasil = axe.run(page)
        for v in hasil.response["violations"]:
            if v["impact"] in BERAT:
                tempat = "; ".join(", ".join(n["target"]) for n in v["nodes"][:3])
                salah.append(f"{url}: {v['id']} ({v['impact']}) {v['help']} — {tempat}")
        # WCAG 3.2.2: a select never submits its form by itself; a form with a select has a button
        for form in page.locator("form:has(select)").all():
            if not form.locator("button, input[type=submit]").count():
                salah.append(f"{url}: form with a select and no button")
    return salah


@pytest.mark.parametrize("lebar", [1366, 375])
def test_the_main_pages_have_no_serious_accessibility_violation(browser_page, lebar):
    call_command("load_demo", stdout=StringIO())
    page = browser_page
    page.set_viewport_size({"width": lebar, "height": 900})
    _masuk(page, "tarakan", "tarakan123")
    jabatan = Jabatan.objects.filter(nama="Penelaah Teknis Kebijakan").first()
    urls = [
        "/",
        "/organisasi/",
        f"/organisasi/?unit={jabatan.unit_id}",
        "/anjab/",
        f"/anjab/jabatan/{jabatan.pk}/",
        f"/anjab/jabatan/{jabatan.pk}/ubah/umum/",
        f"/anjab/jabatan/{jabatan.pk}/ubah/tugas/",
        f"/anjab/jabatan/{jabatan.pk}/ubah/syarat-lain/",
        f"/anjab/jabatan/{jabatan.pk}/evaluasi/",
        "/abk/",
        "/abk/kualitas/",
        "/abk/peta/",
        "/abk/keputusan/",
        "/abk/impor/",
        "/pegawai/",
        "/cari/?q=sosial",
        "/sistem-kerja/",
    ]
    salah = _periksa(page, urls)
    assert salah == [], "\n".join(salah)


def test_the_planning_pages_have_no_serious_accessibility_violation(browser_page):
    call_command("load_demo", stdout=StringIO())
    page = browser_page
    _masuk(page, "pontianak", "pontianak123")
    r = Renstra.objects.get()
    urls = ["/kinerja/", f"/kinerja/renstra/{r.pk}/", f"/kinerja/renstra/{r.pk}/lakip/2020/"]
    salah = _periksa(page, urls)
    assert salah == [], "\n".join(salah)
