"""Section 6 of seed 001's longest credit table — the Penggerak Swadaya Masyarakat Ahli
Pertama's 170 rows, twelve fields each — opens and saves through the editor like a short one:
it used to answer 400 (more than Django's 1,000 fields) and cost a query per row."""

import re

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from anjab.models import ButirKegiatan, Jabatan
from organisasi.models import UnitOrganisasi
from tests.anjab.conftest import jabatan_demo
from tests.html_form import isian

DINAS = "Dinas Sosial dan Pemberdayaan Masyarakat"


def _klien(django_user_model):
    client = Client()
    client.force_login(django_user_model.objects.get(username="tarakan"))
    return client


def _url(jabatan: Jabatan) -> str:
    return reverse("anjab:jabatan_bagian", kwargs={"pk": jabatan.pk, "slug": "tugas"})


def _formasi(html: str) -> tuple[str, str]:
    """The preview's Σ Wpv and JUMLAH PEGAWAI, as printed."""
    teks = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))
    m = re.search(r"JUMLAH \(Σ Wpv, jam\) ([\d.,]+) .*? JUMLAH PEGAWAI (\d+)", teks)
    return (m.group(1), m.group(2)) if m else ("", "")


def _buka_simpan(client, jabatan):
    with CaptureQueriesContext(connection) as buka:
        html = client.get(_url(jabatan)).content.decode()
    data = isian(html, "form-bagian")
    with CaptureQueriesContext(connection) as simpan:
        response = client.post(_url(jabatan), data)
    return response, len(buka), len(simpan), data


def test_the_170_row_credit_table_saves_unchanged_in_as_many_queries_as_a_short_one(
    demo, django_user_model
):
    client = _klien(django_user_model)
    psm = jabatan_demo("Penggerak Swadaya Masyarakat Ahli Pertama", DINAS)
    urutan = list(ButirKegiatan.objects.filter(jabatan=psm).order_by("urutan").values_list(
        "butir_kegiatan", "angka_kredit", "volume"
    ))  # fmt: skip
    assert len(urutan) == 170
    sebelum = client.get(reverse("anjab:jabatan_detail", args=[psm.pk])).content.decode()

    response, buka, simpan, data = _buka_simpan(client, psm)

    assert len(data) > 2000  # the form as the browser sends it
    assert response.status_code == 302
    assert list(ButirKegiatan.objects.filter(jabatan=psm).order_by("urutan").values_list(
        "butir_kegiatan", "angka_kredit", "volume"
    )) == urutan  # fmt: skip
    sesudah = client.get(reverse("anjab:jabatan_detail", args=[psm.pk])).content.decode()
    assert _formasi(sesudah) == _formasi(sebelum) and _formasi(sebelum)[1] != ""
    # a short table of the same kind (Ahli Muda, 90 rows) and a 12-task structural position:
    # opening and saving cost the same queries whatever the rows
    muda = jabatan_demo("Penggerak Swadaya Masyarakat Ahli Muda", DINAS)
    _r, buka_muda, simpan_muda, _d = _buka_simpan(client, muda)
    # (SQLite writes at most a few hundred rows a statement: one more for the longer table)
    assert buka_muda == buka and simpan_muda <= simpan <= simpan_muda + 2
    kabid = Jabatan.objects.get(nama="Kepala Bidang Sosial", unit__nama="Bidang Sosial")
    kecil = Jabatan.objects.create(
        instansi=kabid.instansi,
        unit=UnitOrganisasi.objects.get(nama="Bidang Sosial"),
        nama="Pelaksana Uji",
        jenis="pelaksana",
    )
    _r, buka_nol, simpan_nol, _d = _buka_simpan(client, kecil)
    _r, buka_12, simpan_12, _d = _buka_simpan(client, kabid)
    assert buka_12 <= buka_nol + 2 and simpan_12 <= simpan_nol + 6


def test_a_row_id_that_is_not_this_positions_is_refused_and_changes_nothing(
    demo, django_user_model
):
    client = _klien(django_user_model)
    psm = jabatan_demo("Penggerak Swadaya Masyarakat Ahli Muda", DINAS)
    lain = ButirKegiatan.objects.filter(
        jabatan=jabatan_demo("Penggerak Swadaya Masyarakat Ahli Pertama", DINAS)
    ).first()
    data = isian(client.get(_url(psm)).content.decode(), "form-bagian")
    data["butir-0-id"] = [str(lain.pk)]
    data["butir-0-butir_kegiatan"] = ["Dipalsukan"]
    response = client.post(_url(psm), data)
    assert response.status_code == 200
    assert "Baris ini tidak ada lagi di sini" in response.content.decode()
    lain.refresh_from_db()
    assert lain.butir_kegiatan != "Dipalsukan"
    assert not ButirKegiatan.objects.filter(butir_kegiatan="Dipalsukan").exists()
