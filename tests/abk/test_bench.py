"""`manage.py bench` at a tiny size: the figures are produced and written, never judged here
(a timing assertion would fail on a busy machine, not on slow code)."""

import json
from io import StringIO

import pytest
from django.core.management import call_command

from organisasi.models import Instansi

KUNCI = {"section", "figure", "seconds", "anchor_seconds", "ratio", "target", "queries",
         "peak_mb", "rows"}  # fmt: skip


# transaction=True: each measurement runs in a forked child that opens its own connection,
# and the parent closes its connections first, which a wrapping test transaction forbids;
# serialized_rollback restores the reference data the flush removes, for the tests after it.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_import_section_writes_every_figure_to_json(tmp_path):
    berkas = tmp_path / "bench.json"
    out = StringIO()
    call_command(
        "bench",
        "--only",
        "impor",
        "--size",
        "0.01",
        "--ulang",
        "1",
        "--json",
        str(berkas),
        stdout=out,
        stderr=StringIO(),
    )
    data = json.loads(berkas.read_text(encoding="utf-8"))
    hasil = {u["figure"]: u for u in data["hasil"]}
    assert set(hasil) == {"impor (--create)", "uji coba (--dry-run)"}
    for u in hasil.values():
        assert u.keys() >= KUNCI
        assert u["section"] == "impor" and u["error"] == ""
        assert u["seconds"] > 0 and u["anchor_seconds"] > 0 and u["ratio"] > 0
        assert u["target"] == 3 and u["rows"] == 100
        assert u["queries"] > 0 and u["peak_mb"] > 0
        assert u["status"] in {"OK", "MELEBIHI"}
    assert "impor (--create)" in out.getvalue()
    # The instansi each measurement created was deleted again.
    assert not Instansi.objects.filter(nama__startswith="Pemerintah Kota Uji Kinerja").exists()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_rekap_section_measures_the_roll_ups_beside_their_aggregate(tmp_path):
    berkas = tmp_path / "bench.json"
    call_command(
        "bench", "--only", "rekap", "--size", "0.01", "--ulang", "1", "--json", str(berkas),
        stdout=StringIO(), stderr=StringIO(),
    )  # fmt: skip
    hasil = {u["figure"]: u for u in json.loads(berkas.read_text(encoding="utf-8"))["hasil"]}
    assert set(hasil) == {
        "ringkasan seluruh instansi",
        "rekap per jabatan + temuan, seluruh instansi (abk_rekap)",
        "ringkasan satu perangkat daerah",
        "rekap per jabatan + temuan, satu perangkat daerah",
        "beranda Admin Instansi, kunjungan pertama setelah data berubah",
        "beranda Admin Instansi, kunjungan berikutnya",
    }
    beranda = [hasil.pop(judul) for judul in list(hasil) if judul.startswith("beranda")]
    # the page's queries do not grow with the instansi (README: 27 first, 11 from the cache)
    assert [u["rows"] for u in beranda] == [1, 1] and all(u["queries"] <= 30 for u in beranda)
    # --size 0.01 of 12,000 positions, 2 perangkat daerah at least.
    seluruh = [u for judul, u in hasil.items() if "seluruh instansi" in judul]
    assert [u["rows"] for u in seluruh] == [120, 120]
    satu = [u["rows"] for judul, u in hasil.items() if "satu perangkat daerah" in judul]
    assert 0 < satu[0] < 120 and satu[0] == satu[1]
    # The roll-ups are judged against 2×; the rekap with a row per position is shown.
    assert [u["target"] for u in hasil.values()] == [2, None, 2, None]
    for u in hasil.values():
        assert u.keys() >= KUNCI and u["error"] == ""
        assert u["queries"] <= 12 and u["anchor_seconds"] > 0
    assert hasil["ringkasan seluruh instansi"]["queries"] <= 6
    assert not Instansi.objects.filter(nama__startswith="Pemerintah Kabupaten Uji Rekap").exists()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_dokumen_section_measures_the_peta_and_the_decree_beside_weasyprint(tmp_path):
    berkas = tmp_path / "bench.json"
    out = StringIO()
    call_command(
        "bench", "--only", "dokumen", "--size", "0.01", "--ulang", "1", "--json", str(berkas),
        stdout=out, stderr=StringIO(),
    )  # fmt: skip
    hasil = {u["figure"]: u for u in json.loads(berkas.read_text(encoding="utf-8"))["hasil"]}
    peta, keputusan = hasil.values()
    assert peta["figure"].startswith("peta jabatan PDF") and "(3 jabatan)" in peta["figure"]
    assert keputusan["figure"].startswith("keputusan PDF per bagian")
    for u in (peta, keputusan):
        assert u.keys() >= KUNCI and u["error"] == ""
        assert u["anchor_seconds"] > 0 and u["rows"] > 0
        assert u["detail"]["pages"] == u["detail"]["anchor_pages"] == u["rows"]
        assert u["detail"]["pages_per_second"] > 0
    # The decree in parts has the pages of the one-document decree, judged on time and memory;
    # the peta on seconds (15 s for 300 positions, here 3).
    assert keputusan["target"] == 1.2 and keputusan["target_mb"] == 500
    assert keputusan["rows"] >= 4
    assert peta["target_seconds"] == 0.15 and peta["target"] is None
    assert "halaman/s" in out.getvalue()
    assert not Instansi.objects.filter(nama__startswith="Pemerintah Kabupaten Uji Dokumen").exists()
