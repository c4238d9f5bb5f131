"""Two planners on the same Renstra or Perjanjian Kinerja: the stale save is refused."""

import re
from decimal import Decimal

import pytest
from django.urls import reverse

from kinerja.models import Indikator, IndikatorPK, PerjanjianKinerja, Renstra, Sasaran, Tujuan

DIUBAH = re.compile(
    r"Data ini telah diubah oleh operator_dinsos pada \d{2} [A-Z][a-z]+ \d{4} \d{2}:\d{2}; "
    r"muat ulang\."
)


def _versi(response) -> int:
    assert response.status_code == 200
    return int(re.search(r'name="versi" value="(\d+)"', response.content.decode()).group(1))


@pytest.fixture
def renstra(dunia):
    return Renstra.objects.create(unit=dunia.dinas, tahun_awal=2020, tahun_akhir=2024, visi="V")


def test_a_stale_renstra_form_is_refused(dunia, users, login, renstra):
    url = reverse("kinerja:renstra_ubah", args=[renstra.pk])
    operator, admin = login(users["operator"]), login(users["admin"])
    versi_operator, versi_admin = _versi(operator.get(url)), _versi(admin.get(url))
    data = {"unit": dunia.dinas.pk, "tahun_awal": "2020", "tahun_akhir": "2024"}

    response = operator.post(url, {**data, "visi": "Visi operator", "versi": versi_operator})
    assert response.status_code == 302
    response = admin.post(url, {**data, "visi": "Visi admin", "versi": versi_admin})

    assert response.status_code == 409
    assert DIUBAH.search(response.content.decode())
    renstra.refresh_from_db()
    assert (renstra.visi, renstra.versi) == ("Visi operator", 2)


def test_a_stale_perjanjian_kinerja_is_refused(dunia, users, login, renstra):
    sasaran = Sasaran.objects.create(tujuan=Tujuan.objects.create(renstra=renstra, uraian="T"))
    indikator = Indikator.objects.create(sasaran=sasaran, uraian="Indeks kerukunan")
    pk = PerjanjianKinerja.objects.create(renstra=renstra, tahun=2020)
    baris = IndikatorPK.objects.create(perjanjian=pk, indikator=indikator, target=Decimal(75))
    url = reverse("kinerja:perjanjian", args=[renstra.pk, pk.pk])
    operator, admin = login(users["operator"]), login(users["admin"])
    versi_operator, versi_admin = _versi(operator.get(url)), _versi(admin.get(url))

    def data(target, nama, versi):
        return {
            "target-TOTAL_FORMS": "1",
            "target-INITIAL_FORMS": "1",
            "target-MIN_NUM_FORMS": "0",
            "target-MAX_NUM_FORMS": "1000",
            "target-0-id": baris.pk,
            "target-0-perjanjian": pk.pk,
            "target-0-indikator": indikator.pk,
            "target-0-target": target,
            "program-TOTAL_FORMS": "0",
            "program-INITIAL_FORMS": "0",
            "program-MIN_NUM_FORMS": "0",
            "program-MAX_NUM_FORMS": "1000",
            "pihak_pertama_nama": nama,
            "versi": versi,
        }

    assert operator.post(url, data("80", "Kepala Dinas", versi_operator)).status_code == 302
    response = admin.post(url, data("90", "Orang lain", versi_admin))

    assert response.status_code == 409
    assert DIUBAH.search(response.content.decode())
    baris.refresh_from_db()
    pk.refresh_from_db()
    assert (baris.target, pk.pihak_pertama_nama) == (Decimal(80), "Kepala Dinas")
