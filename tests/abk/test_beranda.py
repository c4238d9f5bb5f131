"""The beranda says what to do next (issue 14 item 4), per role, with figures that link to
where each thing is fixed, in a number of queries that does not grow with the instansi."""

import re
from io import StringIO

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from anjab.models import EvaluasiJabatan, Jabatan, PeriodeAnalisis, TugasJabatan
from organisasi.models import UnitOrganisasi
from tests.factories import JabatanFactory


@pytest.fixture
def demo(db):
    call_command("load_demo", stdout=StringIO())


def _beranda(username: str) -> str:
    client = Client()
    client.force_login(User.objects.get(username=username))
    response = client.get("/")
    assert response.status_code == 200
    return response.content.decode()


def _teks(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def test_the_operator_sees_what_its_unit_still_lacks_with_links(demo):
    html = _beranda("dinsos")
    teks = _teks(html)
    dinas = UnitOrganisasi.objects.get(nama="Dinas Sosial dan Pemberdayaan Masyarakat")
    subtree = UnitOrganisasi.objects.descendants(dinas, include_self=True)
    # seed 001's 37 positions of the Dinas carry no job evaluation
    assert Jabatan.objects.filter(unit__in=subtree, evaluasi__isnull=True).count() == 37
    assert "Yang perlu dikerjakan" in teks
    assert "37 jabatan belum dievaluasi (kelas jabatan)" in teks
    pertama = re.search(r'href="/anjab/jabatan/(\d+)/evaluasi/"', html)
    assert pertama and not EvaluasiJabatan.objects.filter(jabatan_id=pertama.group(1)).exists()
    assert "Kelengkapan data unit Anda" in teks
    assert "angka tercetak berbeda dari hitungan" in teks and 'href="/abk/kualitas/?' in html


def test_the_admin_instansi_sees_shortages_ranked_and_the_chart(demo):
    html = _beranda("tarakan")
    teks = _teks(html)
    assert "Kekurangan pegawai per perangkat daerah" in teks
    kurang = [int(n) for n in re.findall(r": kurang (\d+) \(K", teks)]
    assert kurang and kurang == sorted(kurang, reverse=True)
    assert "<svg" in html and "Kebutuhan pegawai (K) dibanding bezetting (B)" in html
    assert "Kelengkapan data per perangkat daerah" in teks


def test_an_instansi_without_a_period_is_offered_one(demo):
    teks = _teks(_beranda("banjar"))
    assert "Belum ada periode analisis beban kerja" in teks and "Buat periode analisis" in teks


def test_the_superuser_sees_every_instansi_with_its_figures(demo):
    teks = _teks(_beranda("admin"))
    for nama in ["Pemerintah Kota Tarakan", "Pemerintah Kota Pontianak", "Pemerintah Kota Batam"]:
        assert nama in teks
    assert re.search(r"Pemerintah Kota Tarakan ABK 2024 \d+", teks)
    assert re.search(r"Pemerintah Kabupaten Banjar Belum ada periode analisis", teks)


def test_a_complete_unit_is_told_so(dunia, users, login):
    periode = PeriodeAnalisis.objects.create(instansi=dunia.instansi, nama="ABK 2025", tahun=2025)
    j = JabatanFactory(unit=dunia.bidang, ikhtisar="Ikhtisar")
    TugasJabatan.objects.create(jabatan=j, periode=periode, urutan=1, uraian="Tugas", volume=1,
                                waktu=60, hasil_kerja="Dokumen")  # fmt: skip
    html = login(users["operator"]).get("/").content.decode()
    assert "belum mempunyai uraian tugas" not in html
    assert "1 jabatan belum dievaluasi" in _teks(html)


def test_the_beranda_costs_the_same_queries_for_a_larger_instansi(dunia, users, login):
    PeriodeAnalisis.objects.create(instansi=dunia.instansi, nama="ABK 2025", tahun=2025)
    JabatanFactory.create_batch(3, unit=dunia.bidang)
    client = login(users["admin"])
    client.get("/")  # the roll-ups are cached on the first visit; count a visit after data changed
    JabatanFactory.create_batch(1, unit=dunia.subbag)
    with CaptureQueriesContext(connection) as sedikit:
        client.get("/")
    JabatanFactory.create_batch(40, unit=dunia.subbag)
    JabatanFactory.create_batch(40, unit=dunia.dinas_lain)
    with CaptureQueriesContext(connection) as banyak:
        assert client.get("/").status_code == 200
    assert len(banyak) == len(sedikit)
