"""The roll-up of a whole instansi from sums the database computes (issue 12): the same
figures, to the last digit, as the calculations over every row, and the same data-quality
findings although only the rows that can be flagged are read. On SQLite both paths read the
rows; on PostgreSQL (CI runs both) the aggregates are what is tested."""

from decimal import Decimal

import pytest

from abk import rekap_muat
from abk.kualitas import periksa_jabatan
from abk.rekap import hitung_rekap, hitung_ringkasan
from anjab import calculations as calc
from anjab.models import ButirKegiatan, Jabatan, PeriodeAnalisis, TugasJabatan
from organisasi.models import UnitOrganisasi
from tests.abk.conftest import DINAS
from tests.abk.test_skala_kueri import _kueri, bangun_pd, pemda  # noqa: F401 (fixture)


def _angka_unit(units):
    return [(ru.unit.pk, ru.depth, ru.sendiri, ru.subtree, ru.eu, ru.predikat) for ru in units]


@pytest.fixture
def kotor(demo):
    """The demo's 2024 period with the rows analysts get wrong: a task typed twice, a task
    without time, a credit row without volume, an angka kredit a hundred times its median."""
    periode = PeriodeAnalisis.objects.get(nama="ABK 2024")
    tugas = TugasJabatan.objects.filter(periode=periode, kebutuhan_tercetak__isnull=True).first()
    if tugas is None:  # every seed row was printed: copy one without its printed figure
        tugas = TugasJabatan.objects.filter(periode=periode).first()
    j = tugas.jabatan
    n = TugasJabatan.objects.filter(jabatan=j, periode=periode).count()
    TugasJabatan.objects.create(
        jabatan=j,
        periode=periode,
        urutan=n + 1,
        uraian=f" {tugas.uraian.upper()} ",
        volume=tugas.volume,
        waktu=tugas.waktu,
    )
    TugasJabatan.objects.create(
        jabatan=j, periode=periode, urutan=n + 2, uraian="Tanpa waktu", volume=3
    )
    butir = ButirKegiatan.objects.filter(periode=periode).first()
    ButirKegiatan.objects.create(
        jabatan=butir.jabatan,
        periode=periode,
        urutan=99,
        butir_kegiatan=butir.butir_kegiatan,
        angka_kredit=butir.angka_kredit * 100,
        konstanta=butir.konstanta,
        volume=2,
    )
    ButirKegiatan.objects.create(
        jabatan=butir.jabatan,
        periode=periode,
        urutan=100,
        butir_kegiatan="Tanpa volume",
        angka_kredit=Decimal("0.5"),
        konstanta=Decimal("0.02"),
        volume=0,
    )
    return periode


def test_the_database_sums_are_the_calculations_over_every_row(kotor):
    agregat = rekap_muat.muat(kotor)
    baris = rekap_muat.muat_baris(kotor)
    assert agregat.jumlah.keys() == baris.jumlah.keys()
    for jid, j in baris.jumlah.items():
        a = agregat.jumlah[jid]
        assert (a.n_tugas, a.menit, a.n_butir) == (j.n_tugas, j.menit, j.n_butir), jid
        assert a.jam == j.jam, jid
    assert agregat.median_ak == baris.median_ak
    # Seed 001, Penyuluh Sosial Ahli Muda: Σ Wpv 3,825.50 h (the seed's AK, computed here).
    # The fixture's outlier row adds its own Wpv to whichever position it went to.
    pencilan = ButirKegiatan.objects.filter(periode=kotor, urutan=99).latest("pk")
    jam = {
        agregat.jumlah[j.pk].jam
        - (pencilan.angka_kredit / pencilan.konstanta * 2 if j == pencilan.jabatan else 0)
        for j in Jabatan.objects.filter(nama="Penyuluh Sosial Ahli Muda")
        if j.pk in agregat.jumlah
    }
    assert Decimal("3825.50") in {x.quantize(Decimal("0.01")) for x in jam}


def test_reading_only_the_rows_that_can_be_flagged_finds_every_finding(kotor):
    rekap = hitung_rekap(kotor)
    baris = rekap_muat.muat_baris(kotor)
    semua = []
    for b in rekap.baris:
        harus = periksa_jabatan(
            b,
            tugas=baris.tugas.get(b.jabatan.pk, []),
            butir=baris.butir.get(b.jabatan.pk, []),
            median_ak=baris.median_ak,
            periode=kotor,
        )
        assert [t.pesan for t in b.temuan] == [t.pesan for t in harus], b.jabatan.nama
        semua += harus
    pesan = " ".join(t.pesan for t in semua)
    for ada in ("sama persis", "belum mempunyai waktu", "volume kegiatan nol", "median"):
        assert ada in pesan


def test_the_roll_up_alone_has_the_rekaps_figures_for_the_instansi_and_each_unit(kotor):
    for periode in PeriodeAnalisis.objects.select_related("instansi"):
        rekap, ringkas = hitung_rekap(periode), hitung_ringkasan(periode)
        assert ringkas.total == rekap.total
        assert (ringkas.eu, ringkas.predikat) == (rekap.eu, rekap.predikat)
        assert _angka_unit(ringkas.units) == _angka_unit(rekap.units)
    dinas = UnitOrganisasi.objects.get(nama=DINAS)
    rekap, ringkas = hitung_rekap(kotor, dinas), hitung_ringkasan(kotor, dinas)
    assert ringkas.total == rekap.total and ringkas.total["jumlah_jabatan"] == len(rekap.baris)
    assert _angka_unit(ringkas.units) == _angka_unit(rekap.units)
    # Each position rounded on its own before the sum (seed 001: Kepala Dinas 1.202 → 1).
    assert ringkas.total["kebutuhan_dibulatkan"] == sum(
        calc.bulatkan(b.kebutuhan) for b in rekap.baris
    )


def test_the_roll_up_alone_runs_five_queries_at_any_size(pemda):  # noqa: F811
    instansi, periode, _ = pemda
    kecil = _kueri(lambda: hitung_ringkasan(periode))
    for i in range(3):
        bangun_pd(instansi, periode, f"Badan {i}", sub=5, per_unit=6)
    besar = _kueri(lambda: hitung_ringkasan(periode))
    assert besar == kecil <= 5
    assert hitung_ringkasan(periode).total == hitung_rekap(periode).total


def test_the_whole_instansi_page_sets_the_printed_total_beside_the_computed_one(tarakan):
    from django.contrib.auth import get_user_model
    from django.test import Client
    from django.urls import reverse

    from abk.models import DeklarasiJabatan

    client = Client()
    client.force_login(get_user_model().objects.get(username="tarakan"))
    periode = tarakan["periode"]

    def halaman() -> str:
        return client.get(reverse("abk:rekap"), {"periode": periode.pk}).content.decode()

    # The Sekretaris Daerah printed nothing: no total to compare the instansi's with.
    assert "Dokumen yang diimpor mencantumkan" not in halaman()
    sekda = Jabatan.objects.get(instansi=periode.instansi, nama="Sekretaris Daerah")
    DeklarasiJabatan.objects.create(periode=periode, jabatan=sekda, jumlah_pegawai=1)
    # The Dinas's decree printed 75 and the Sekda 1; computed, the Dinas needs 86 (the Sekda,
    # without tasks, none).
    assert (
        "Dokumen yang diimpor mencantumkan kebutuhan 76 orang; hasil hitung ulang 86 orang "
        "(selisih +10 orang)." in halaman()
    )
