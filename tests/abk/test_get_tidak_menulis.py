"""Opening a page writes nothing: the decree and the analysis period are made by an explicit
POST ("Buat keputusan", "Buat periode analisis") of a user who may write."""

import pytest
from django.apps import apps
from django.urls import reverse

from abk.models import Keputusan, PekerjaanLatar
from anjab.models import PeriodeAnalisis
from tests.factories import JabatanFactory

PERAN = ["admin", "operator", "verifikator", "pembaca"]
MENULIS = {"admin", "operator"}


def jumlah_baris() -> dict[str, int]:
    """Rows of every model (history included) of the four domain apps."""
    return {
        m._meta.label: m._base_manager.count()
        for label in ("organisasi", "anjab", "abk", "kinerja")
        for m in apps.get_app_config(label).get_models()
    }


@pytest.fixture
def jabatan(dunia):
    return JabatanFactory(unit=dunia.bidang, nama="Penata Layanan Operasional")


@pytest.fixture
def periode(dunia):
    return PeriodeAnalisis.objects.create(instansi=dunia.instansi, nama="ABK 2025", tahun=2025)


@pytest.mark.parametrize("peran", PERAN)
def test_without_a_period_no_page_starts_one(dunia, users, login, jabatan, peran):
    client = login(users[peran])
    sebelum = jumlah_baris()
    tugas = client.get(reverse("anjab:jabatan_bagian", args=[jabatan.pk, "tugas"]))
    keputusan = client.get(reverse("abk:keputusan"), {"unit": dunia.dinas.pk})
    rekap = client.get(reverse("abk:rekap"))
    assert jumlah_baris() == sebelum
    for response in (tugas, keputusan, rekap):
        html = response.content.decode()
        assert response.status_code == 200
        assert "Belum ada periode analisis beban kerja" in html
        assert ("Buat periode analisis</button>" in html) == (peran in MENULIS)
        assert ("Peran Anda hanya dapat membaca data" in html) == (peran not in MENULIS)
        if peran in MENULIS:
            # The parameter the new period will start with, said before it is created.
            assert "parameter bawaan (75.000 menit per tahun)" in html


@pytest.mark.parametrize("peran", PERAN)
def test_opening_the_decree_and_the_task_tab_writes_no_row(
    dunia, users, login, jabatan, periode, peran
):
    client = login(users[peran])
    sebelum = jumlah_baris()
    keputusan = client.get(
        reverse("abk:keputusan"), {"periode": periode.pk, "unit": dunia.dinas.pk}
    )
    tugas = client.get(reverse("anjab:jabatan_bagian", args=[jabatan.pk, "tugas"]))
    assert jumlah_baris() == sebelum
    assert keputusan.status_code == tugas.status_code == 200
    html = keputusan.content.decode()
    assert "Keputusan belum dibuat" in html
    assert ("Buat keputusan</button>" in html) == (peran in MENULIS)
    assert ("tidak dapat membuat keputusan" in html) == (peran not in MENULIS)
    assert "Uraian tugas dan beban kerja" in tugas.content.decode()


def test_an_admin_without_a_unit_is_asked_to_pick_one(dunia, users, login, periode):
    response = login(users["admin"]).get(reverse("abk:keputusan"))
    assert response.status_code == 200
    assert "pilih unitnya di atas" in response.content.decode()


def test_a_reader_cannot_make_or_queue_a_decree(dunia, users, login, jabatan, periode):
    client = login(users["pembaca"])
    q = f"?periode={periode.pk}&unit={dunia.dinas.pk}"
    assert client.post(reverse("abk:keputusan") + q, {"aksi": "buat"}).status_code == 403
    response = client.post(reverse("abk:keputusan_cetak") + q, follow=True)
    assert "belum dibuat, sehingga belum dapat dicetak" in response.content.decode()
    assert client.post(reverse("abk:periode_mulai")).status_code == 403
    assert not Keputusan.objects.exists() and not PekerjaanLatar.objects.exists()


def test_the_live_calculation_without_a_period_starts_none(dunia, users, login, jabatan):
    response = login(users["pembaca"]).post(reverse("anjab:jabatan_hitung", args=[jabatan.pk]))
    assert "Belum ada periode analisis" in response.content.decode()
    assert not PeriodeAnalisis.objects.exists()


def test_a_writer_makes_the_decree_and_the_period_with_their_buttons(dunia, users, login, jabatan):
    client = login(users["operator"])
    tab = reverse("anjab:jabatan_bagian", args=[jabatan.pk, "tugas"])
    response = client.post(reverse("abk:periode_mulai"), {"next": tab})
    assert response.status_code == 302 and response["Location"] == tab
    periode = PeriodeAnalisis.objects.get(instansi=dunia.instansi)
    assert periode.nama.startswith("ABK ")
    client.post(reverse("abk:periode_mulai"), {"next": "https://contoh.invalid/"})
    assert PeriodeAnalisis.objects.count() == 1

    url = reverse("abk:keputusan") + f"?periode={periode.pk}&unit={dunia.dinas.pk}"
    assert client.post(url, {"aksi": "buat"}).status_code == 302
    assert client.post(url, {"aksi": "buat"}).status_code == 302
    assert Keputusan.objects.filter(periode=periode, unit=dunia.dinas).count() == 1
    assert "Simpan teks" in client.get(url).content.decode()


def test_a_reader_sees_the_decree_text_without_a_save_button(dunia, users, login, periode):
    Keputusan.objects.create(periode=periode, unit=dunia.dinas, kesatu="Menetapkan A")
    html = (
        login(users["pembaca"])
        .get(reverse("abk:keputusan"), {"periode": periode.pk, "unit": dunia.dinas.pk})
        .content.decode()
    )
    assert "Menetapkan A" in html and "Simpan teks" not in html and "disabled" in html
