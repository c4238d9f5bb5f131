"""Two analysts on the same position: the save made from a stale page is refused with who
saved it and when, and the first save stays."""

import re

import pytest
from django.urls import reverse

from anjab.models import Jabatan, PeriodeAnalisis
from tests.anjab.test_views import _tugas_post
from tests.factories import JabatanFactory

DIUBAH = re.compile(
    r"Data ini telah diubah oleh operator_dinsos pada \d{2} [A-Z][a-z]+ \d{4} \d{2}:\d{2}; "
    r"muat ulang\."
)


@pytest.fixture
def periode(dunia):
    return PeriodeAnalisis.objects.create(instansi=dunia.instansi, nama="ABK 2025", tahun=2025)


def _versi(response) -> int:
    return int(re.search(r'name="versi" value="(\d+)"', response.content.decode()).group(1))


def _buka(client, url) -> int:
    response = client.get(url)
    assert response.status_code == 200
    return _versi(response)


def test_a_stale_task_table_is_refused_and_the_first_save_stays(dunia, users, login, periode):
    jabatan = JabatanFactory(unit=dunia.bidang, nama="Penata Layanan Operasional")
    url = reverse("anjab:jabatan_bagian", args=[jabatan.pk, "tugas"])
    operator, admin = login(users["operator"]), login(users["admin"])
    versi_operator, versi_admin = _buka(operator, url), _buka(admin, url)
    assert versi_operator == versi_admin == 1

    baris = [{"uraian": "Menyusun rencana", "volume": "12", "waktu": "1500"}]
    assert operator.post(url, _tugas_post(baris, versi=versi_operator)).status_code == 302
    lain = [{"uraian": "Mengolah data", "volume": "48", "waktu": "180"}]
    response = admin.post(url, _tugas_post(lain, versi=versi_admin))

    assert response.status_code == 409
    assert DIUBAH.search(response.content.decode())
    assert [t.uraian for t in jabatan.tugas.all()] == ["Menyusun rencana"]
    jabatan.refresh_from_db()
    assert jabatan.versi == 2
    # reloaded, the second analyst works on the current version
    assert _buka(admin, url) == 2


def test_a_stale_section_form_does_not_overwrite_the_bezetting(dunia, users, login):
    jabatan = JabatanFactory(unit=dunia.bidang, nama="Penata Layanan Operasional")
    url = reverse("anjab:jabatan_bagian", args=[jabatan.pk, "umum"])
    operator, admin = login(users["operator"]), login(users["admin"])
    versi_operator, versi_admin = _buka(operator, url), _buka(admin, url)

    def umum(**ubah):
        return {
            "nama": jabatan.nama,
            "jenis": "pelaksana",
            "urutan": "1",
            "ikhtisar": "",
            "bezetting_diisi": "",
            **ubah,
        }

    response = operator.post(url, umum(bezetting_diisi="3", versi=versi_operator))
    assert response.status_code == 302
    response = admin.post(url, umum(ikhtisar="Ditimpa", versi=versi_admin))

    assert response.status_code == 409
    assert DIUBAH.search(response.content.decode())
    jabatan = Jabatan.objects.get(pk=jabatan.pk)
    assert (jabatan.bezetting_diisi, jabatan.ikhtisar) == (3, "")


def test_a_stale_credit_table_is_refused(dunia, users, login, periode):
    jabatan = JabatanFactory(
        unit=dunia.bidang, nama="Pekerja Sosial Ahli Pertama", jenis="fungsional",
        jenjang="ahli_pertama",
    )  # fmt: skip
    url = reverse("anjab:jabatan_bagian", args=[jabatan.pk, "tugas"])
    operator, admin = login(users["operator"]), login(users["admin"])
    versi = _buka(operator, url)
    assert _buka(admin, url) == versi
    kosong = {
        "butir-TOTAL_FORMS": "0",
        "butir-INITIAL_FORMS": "0",
        "butir-MIN_NUM_FORMS": "0",
        "butir-MAX_NUM_FORMS": "1000",
    }
    assert operator.post(url, {**kosong, "versi": versi}).status_code == 302
    response = admin.post(url, {**kosong, "versi": versi})
    assert response.status_code == 409 and DIUBAH.search(response.content.decode())


def test_a_form_sent_without_its_version_is_refused(dunia, users, login, periode):
    jabatan = JabatanFactory(unit=dunia.bidang)
    url = reverse("anjab:jabatan_bagian", args=[jabatan.pk, "tugas"])
    data = _tugas_post([{"uraian": "Menyusun rencana", "volume": "12", "waktu": "1500"}])
    del data["versi"]
    response = login(users["operator"]).post(url, data)
    assert response.status_code == 409 and "muat ulang" in response.content.decode()
    assert not jabatan.tugas.exists()
