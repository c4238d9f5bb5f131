"""The import sends the same statements whatever the workbook's size (issue 12 item 7): a
workbook three times as long costs no more reads, and only as many more writes as the batches
of a bulk insert (SQLite caps a statement at 999 parameters, ~40 positions): nothing is read or
written row by row."""

from pathlib import Path

import pytest

from abk.bench.anak import hitung_sql
from abk.bench.impor import _impor, buat_buku
from anjab.models import Jabatan, TugasJabatan


def _jalankan(tmp_path: Path, ukuran: float, nama: str, *extra: str) -> dict:
    folder = tmp_path / str(ukuran)
    folder.mkdir()
    path, baris = buat_buku(str(folder), ukuran)
    with hitung_sql():
        hasil = _impor(path, nama, *extra)
    return {**hasil, "baris": baris}


@pytest.mark.parametrize("extra", [(), ("--dry-run",)], ids=["impor", "uji-coba"])
def test_three_times_the_rows_cost_no_more_statements(db, tmp_path, extra):
    from organisasi.models import Instansi

    hasil = {}
    for ukuran, nama in ((0.04, "Kota Uji Sedikit"), (0.12, "Kota Uji Banyak")):
        if extra:  # a preview needs an instansi to plan into
            Instansi.objects.create(nama=nama, jenis="kota", jabatan_kepala="Wali Kota")
        hasil[ukuran] = _jalankan(tmp_path, ukuran, nama, *extra)
    sedikit, banyak = hasil[0.04], hasil[0.12]
    assert banyak["baris"] == 3 * sedikit["baris"] == 1200
    baca = {k: n for k, n in sedikit["sql"].items() if not k.startswith("INSERT")}
    assert {k: n for k, n in banyak["sql"].items() if not k.startswith("INSERT")} == baca

    def tulis(h):
        return sum(n for k, n in h["sql"].items() if k.startswith("INSERT"))

    # 800 more task rows and 80 more positions: a handful of batches, not hundreds of rows.
    assert tulis(banyak) <= tulis(sedikit) + 10, (sedikit["sql"], banyak["sql"])
    if not extra:
        assert Jabatan.objects.filter(instansi__nama="Kota Uji Banyak").count() == 120
        assert TugasJabatan.objects.filter(jabatan__instansi__nama="Kota Uji Banyak").count() == (
            1200
        )
