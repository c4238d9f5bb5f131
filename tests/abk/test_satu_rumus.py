"""Every workload figure comes through one selector: the rekap (which the peta and the decree
print) and the Informasi Jabatan (and its live preview) agree for every position."""

from decimal import Decimal

import pytest

from abk.rekap import hitung_rekap
from anjab.documents import konteks_informasi_jabatan
from anjab.models import ButirKegiatan, Jabatan, PeriodeAnalisis, TugasJabatan
from tests.abk.conftest import DINAS


def _figures_agree(periode):
    rekap = hitung_rekap(periode)
    assert rekap.baris, f"{periode} has no positions"
    for b in rekap.baris:
        beban = konteks_informasi_jabatan(b.jabatan, periode=periode)["beban"]
        where = f"{periode} / {b.jabatan.nama} ({b.unit.nama})"
        assert beban["fungsional"] == b.fungsional, where
        assert beban["kebutuhan"] == b.kebutuhan, where
        assert beban["dibulatkan"] == b.kebutuhan_dibulatkan, where
    return rekap


def test_it_gives_every_demo_position_the_same_need_in_the_rekap_and_the_informasi_jabatan(demo):
    periods = list(PeriodeAnalisis.objects.all())
    assert len(periods) >= 2
    for periode in periods:
        _figures_agree(periode)


def test_the_seed_figures_come_out_of_both_paths(demo):
    periode = PeriodeAnalisis.objects.get(nama="ABK 2024")
    rekap = _figures_agree(periode)
    per_nama = {(b.jabatan.nama, b.unit.nama): b for b in rekap.baris}
    # Seed 001: Kepala Dinas Σ volume × minutes ÷ 75,000 = 1.202 → 1; Penyuluh Sosial Ahli
    # Muda Σ Wpv 3,825.50 h ÷ 1,250 h = 3.0604 → 3.
    kadis = per_nama[("Kepala Dinas Sosial dan Pemberdayaan Masyarakat", DINAS)]
    assert kadis.kebutuhan.quantize(Decimal("0.001")) == Decimal("1.202")
    assert kadis.kebutuhan_dibulatkan == 1
    ps = next(b for (nama, _), b in per_nama.items() if nama == "Penyuluh Sosial Ahli Muda")
    assert ps.fungsional and ps.kebutuhan.quantize(Decimal("0.0001")) == Decimal("3.0604")
    assert ps.kebutuhan_dibulatkan == 3


@pytest.mark.parametrize("keep", ["tugas", "butir"])
def test_a_functional_position_counted_by_the_rows_it_has_agrees_everywhere(demo, keep):
    """An imported functional position may hold only task rows: both paths then count tasks
    (the rekap used to decide by rows and the Informasi Jabatan by jenis alone)."""
    periode = PeriodeAnalisis.objects.get(nama="ABK 2024")
    ps = Jabatan.objects.filter(nama="Penyuluh Sosial Ahli Muda").first()
    assert ps.jenis == Jabatan.Jenis.FUNGSIONAL
    if keep == "tugas":
        ButirKegiatan.objects.filter(jabatan=ps, periode=periode).delete()
        # 2 reports × 30,000 minutes ÷ 75,000 = 0.800 → 1
        TugasJabatan.objects.create(
            jabatan=ps, periode=periode, urutan=1, uraian="Menyusun laporan", volume=2, waktu=30000
        )
    rekap = _figures_agree(periode)
    b = next(b for b in rekap.baris if b.jabatan.pk == ps.pk)
    assert b.fungsional is (keep == "butir")
    if keep == "tugas":
        assert b.kebutuhan == Decimal("0.8") and b.kebutuhan_dibulatkan == 1
