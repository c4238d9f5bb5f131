"""Pages cost what they show (issue 12): the whole-instansi roll-up runs a fixed number of
queries whatever the size, and one unit's rekap, peta and position page neither run more
queries nor load more rows when the rest of the instansi grows."""

import datetime as dt
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from abk.rekap import hitung_rekap
from anjab.models import ButirKegiatan, Jabatan, Penempatan, PeriodeAnalisis, TugasJabatan
from anjab.selectors import Struktur
from organisasi.models import Pegawai, UnitOrganisasi

_urut = iter(range(1, 10**6))


def _nip(n: int) -> str:
    """Unique within the test: a birth day counted from 1 January 1970, a sequence number."""
    lahir = dt.date(1970, 1, 1) + dt.timedelta(days=n % 9000)
    return f"{lahir:%Y%m%d}200001{1 + n % 2}{1 + n // 9000:03d}"


def bangun_pd(instansi, periode, nama: str, *, sub: int, per_unit: int) -> UnitOrganisasi:
    """A perangkat daerah with `sub` sub-units, `per_unit` positions in each unit (a head,
    pelaksana with tasks, a functional one with butir, one with a typed bezetting) and holders."""
    pd = UnitOrganisasi.objects.create(instansi=instansi, nama=nama, jenis="perangkat_daerah")
    units = [pd] + [
        UnitOrganisasi.objects.create(
            instansi=instansi, parent=pd, nama=f"{nama} / Bidang {i}", jenis="bidang", urutan=i
        )
        for i in range(sub)
    ]
    jabatan = []
    for u in units:
        for k in range(per_unit):
            jenis = (
                ("jpt_pratama" if u is pd else "administrator")
                if k == 0
                else ("fungsional" if k == 1 else "pelaksana")
            )
            jabatan.append(
                Jabatan(
                    instansi=instansi,
                    unit=u,
                    nama=f"Jabatan {k} {u.nama}",
                    jenis=jenis,
                    jenjang="ahli_muda" if jenis == "fungsional" else "",
                    kepala_unit=k == 0,
                    urutan=k,
                    bezetting_diisi=2 if k == 2 else None,
                )
            )
    jabatan = Jabatan.objects.bulk_create(jabatan)
    TugasJabatan.objects.bulk_create(
        TugasJabatan(
            jabatan=j, periode=periode, urutan=t, uraian=f"Tugas {t}", volume=120, waktu=60
        )
        for j in jabatan
        if j.jenis != "fungsional"
        for t in range(3)
    )
    ButirKegiatan.objects.bulk_create(
        ButirKegiatan(
            jabatan=j,
            periode=periode,
            urutan=t,
            butir_kegiatan=f"Butir {t}",
            angka_kredit=Decimal("0.3"),
            konstanta=Decimal("12.5"),
            volume=40,
        )
        for j in jabatan
        if j.jenis == "fungsional"
        for t in range(2)
    )
    pegawai = Pegawai.objects.bulk_create(
        Pegawai(
            instansi=instansi,
            unit_id=j.unit_id,
            nip=_nip(next(_urut)),
            nama=f"Pegawai {j.pk}",
            status="PNS",
            jenis_kelamin="L",
        )
        for j in jabatan
        if j.bezetting_diisi is None
    )
    tanpa_diisi = [j for j in jabatan if j.bezetting_diisi is None]
    Penempatan.objects.bulk_create(
        Penempatan(pegawai=p, jabatan=j) for p, j in zip(pegawai, tanpa_diisi, strict=True)
    )
    return pd


@pytest.fixture
def pemda(dunia):
    periode = PeriodeAnalisis.objects.create(instansi=dunia.instansi, nama="ABK 2026", tahun=2026)
    pd = bangun_pd(dunia.instansi, periode, "Dinas Satu", sub=3, per_unit=4)
    return dunia.instansi, periode, pd


def _kueri(fungsi) -> int:
    with CaptureQueriesContext(connection) as ctx:
        fungsi()
    return len(ctx.captured_queries)


def test_the_whole_instansi_roll_up_runs_the_same_few_queries_at_any_size(pemda):
    instansi, periode, _ = pemda
    kecil = _kueri(lambda: hitung_rekap(periode))
    jumlah_kecil = len(hitung_rekap(periode).baris)
    for i in range(3):
        bangun_pd(instansi, periode, f"Badan {i}", sub=5, per_unit=6)
    besar = _kueri(lambda: hitung_rekap(periode))
    rekap = hitung_rekap(periode)
    assert len(rekap.baris) > 5 * jumlah_kecil
    assert besar == kecil and besar <= 12, (kecil, besar)
    # The typed bezetting counts without a query per position, and holders are counted.
    assert {b.bezetting for b in rekap.baris if b.jabatan.bezetting_diisi == 2} == {2}
    assert rekap.total["bezetting"] == sum(b.bezetting for b in rekap.baris)


def _halaman(client, pd, jabatan):
    return {
        "rekap": lambda: client.get(reverse("abk:rekap"), {"unit": pd.pk}),
        "peta": lambda: client.get(reverse("abk:peta"), {"unit": pd.pk}),
        "jabatan": lambda: client.get(reverse("anjab:jabatan_detail", args=[jabatan.pk])),
        "daftar": lambda: client.get(reverse("anjab:daftar"), {"unit": pd.pk}),
        "keputusan": lambda: client.get(reverse("abk:keputusan"), {"unit": pd.pk}),
    }


def test_one_units_pages_do_not_grow_with_the_rest_of_the_instansi(pemda, users, login):
    instansi, periode, pd = pemda
    client = login(users["admin"])
    jabatan = Jabatan.objects.filter(unit__parent=pd, jenis="pelaksana").first()
    halaman = _halaman(client, pd, jabatan)
    for respons in (f() for f in halaman.values()):
        assert respons.status_code == 200
    sebelum = {nama: _kueri(f) for nama, f in halaman.items()}
    baris_sebelum = (len(Struktur(instansi.pk, unit_id=pd.pk).units),
                     len(Struktur(instansi.pk, unit_id=pd.pk).jabatan))  # fmt: skip
    bangun_pd(instansi, periode, "Dinas Besar", sub=8, per_unit=10)
    sesudah = {nama: _kueri(f) for nama, f in halaman.items()}
    assert sesudah == sebelum
    # The position page reads the Informasi Jabatan's 17 kinds of rows and choices in two;
    # the peta counts the unit's positions first (two queries) to choose chart or overview.
    assert sesudah["peta"] <= 17, sesudah
    assert all(n <= 15 for nama, n in sesudah.items() if nama != "peta"), sesudah
    struktur = Struktur(instansi.pk, unit_id=pd.pk)
    assert (len(struktur.units), len(struktur.jabatan)) == baris_sebelum


def test_a_scoped_structure_numbers_and_chains_like_the_whole_one(pemda):
    instansi, periode, pd = pemda
    bangun_pd(instansi, periode, "Dinas Lain", sub=2, per_unit=3)
    seluruh, sebagian = Struktur(instansi.pk), Struktur(instansi.pk, unit_id=pd.pk)
    from anjab.selectors import daftar_informasi_jabatan

    assert [(n, d, j.pk) for n, d, j in daftar_informasi_jabatan(sebagian, pd.pk)] == [
        (n, d, j.pk) for n, d, j in daftar_informasi_jabatan(seluruh, pd.pk)
    ]
    bidang = UnitOrganisasi.objects.filter(parent=pd).first()
    struktur_bidang = Struktur(instansi.pk, unit_id=bidang.pk)
    for j in Jabatan.objects.filter(unit=bidang):
        assert struktur_bidang.rantai(j) == seluruh.rantai(j)


def test_the_whole_instansi_rekap_summarises_by_perangkat_daerah_and_drills_down(
    pemda, users, login
):
    instansi, periode, _ = pemda
    besar = bangun_pd(instansi, periode, "Dinas Besar", sub=10, per_unit=11)
    client = login(users["admin"])
    html = client.get(reverse("abk:rekap"), {"periode": periode.pk}).content.decode()
    assert f'href="?periode={periode.pk}&amp;unit={besar.pk}">Dinas Besar</a>' in html
    assert "Jabatan 3 Dinas Besar / Bidang 4" not in html  # no row per position
    rekap = hitung_rekap(periode)
    pertama = next(ru for ru in rekap.units if ru.unit.pk == besar.pk)
    assert pertama.subtree["jumlah_jabatan"] == 121
    # The unit's page shows its 121 positions 100 at a time; the totals cover all of them.
    halaman = client.get(reverse("abk:rekap"), {"periode": periode.pk, "unit": besar.pk})
    teks = halaman.content.decode()
    assert "Halaman 1 dari 2 (121 jabatan)" in teks
    assert "<strong>121</strong> jabatan" in teks.replace("\n", "")
    kedua = client.get(
        reverse("abk:rekap"), {"periode": periode.pk, "unit": besar.pk, "halaman": 2}
    ).content.decode()
    assert kedua.count('<td class="nowrap">') == 21
