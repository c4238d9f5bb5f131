"""The import's analysis step checks printed needs against the target period's effective time."""

from decimal import Decimal

import pytest
from openpyxl import Workbook

from abk.impor.baca import baca_buku
from abk.impor.pemetaan import JAM, MENIT
from abk.impor.proses import analisis, periksa_dan_impor
from anjab.models import PeriodeAnalisis, TugasJabatan

JUDUL = ["Nama Jabatan", "Uraian Tugas", "Volume", "Waktu Penyelesaian (JAM)", "Kebutuhan Pegawai"]


def _buku(path, kebutuhan: str):
    """One task of 12 × 1,500 under an "(JAM)" header, with its printed need."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Tugas"
    ws.append(JUDUL)
    ws.append(["Analis Data", "Mengolah data", 12, 1500, kebutuhan])
    wb.save(path)
    return path


@pytest.fixture
def periode_72000(dunia):
    return PeriodeAnalisis.objects.create(
        instansi=dunia.instansi, nama="ABK 1.200 jam", tahun=2024, waktu_efektif_menit=72000
    )


def test_it_reads_minutes_when_the_need_fits_the_period_s_72000_minutes(
    dunia, periode_72000, tmp_path
):
    # 12 × 1,500 ÷ 72,000 = 0,250: the "(JAM)" column holds minutes for this period.
    path = _buku(tmp_path / "abk.xlsx", "0,250")
    peta = analisis(baca_buku(path), dunia.instansi.pk, periode=periode_72000)[0]
    assert peta.satuan_waktu == MENIT
    catatan = " ".join(peta.catatan)
    assert "dibagi 72.000 menit" in catatan and "÷ 72.000 = 0,250" in catatan
    assert "75.000" not in catatan
    periksa_dan_impor(
        path, [peta], instansi=dunia.instansi, unit=dunia.dinas, periode=periode_72000, kering=False
    )
    assert TugasJabatan.objects.get(uraian="Mengolah data").waktu == Decimal(1500)


def test_the_same_need_does_not_fit_the_regulation_s_75000_minutes(dunia, tmp_path):
    # Over 75,000 minutes the row needs 0,240 (minutes) or 14,4 (hours): 0,250 fits neither.
    periode = PeriodeAnalisis.objects.create(instansi=dunia.instansi, nama="ABK", tahun=2024)
    path = _buku(tmp_path / "abk.xlsx", "0,250")
    peta = analisis(baca_buku(path), dunia.instansi.pk, periode=periode)[0]
    assert peta.satuan_waktu == JAM


def test_without_a_period_the_regulation_s_effective_time_is_used(dunia, tmp_path):
    path = _buku(tmp_path / "abk.xlsx", "0,240")
    peta = analisis(baca_buku(path), dunia.instansi.pk)[0]
    assert peta.satuan_waktu == MENIT
    assert "dibagi 75.000 menit" in " ".join(peta.catatan)
