import json
from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from anjab.models import ButirKegiatan, Jabatan, Penempatan, PeriodeAnalisis, TugasJabatan
from organisasi.models import Instansi, Pegawai, UnitOrganisasi
from organisasi.nip import urai_nip

NAMA = "Kabupaten Sintetis"
KECIL = ["--opd", "3", "--subunits", "2", "--positions", "60", "--tasks-per-position", "3"]
KECIL += ["--pegawai", "50"]


def _buat(*args, nama=NAMA) -> str:
    out = StringIO()
    call_command("generate_synthetic", "--instansi", nama, *args, stdout=out)
    return out.getvalue()


def _potret(instansi) -> dict:
    return {
        "unit": list(
            UnitOrganisasi.objects.filter(instansi=instansi)
            .order_by("pk")
            .values_list("nama", "parent__nama", "jenis")
        ),
        "jabatan": list(
            Jabatan.objects.filter(instansi=instansi)
            .order_by("pk")
            .values_list("nama", "unit__nama", "jenis", "jenjang")
        ),
        "tugas": list(
            TugasJabatan.objects.filter(jabatan__instansi=instansi)
            .order_by("pk")
            .values_list("uraian", "volume", "waktu")
        ),
        "butir": list(
            ButirKegiatan.objects.filter(jabatan__instansi=instansi)
            .order_by("pk")
            .values_list("kode", "angka_kredit", "konstanta", "volume")
        ),
        "pegawai": list(
            Pegawai.objects.filter(instansi=instansi)
            .order_by("pk")
            .values_list("nip", "nama", "golongan__kode", "penempatan__jabatan__nama")
        ),
    }


def test_it_creates_exactly_the_counts_asked_for(db):
    out = _buat(*KECIL)
    instansi = Instansi.objects.get(nama=NAMA)
    assert instansi.jenis == Instansi.Jenis.KABUPATEN
    units = UnitOrganisasi.objects.filter(instansi=instansi)
    assert units.filter(parent=None, jenis="perangkat_daerah").count() == 3
    assert units.exclude(parent=None).count() == 3 * 2
    jabatan = Jabatan.objects.filter(instansi=instansi)
    assert jabatan.count() == 60
    assert jabatan.filter(kepala_unit=True).count() == units.count() == 9
    assert jabatan.filter(jenis="fungsional").count() == 9  # round(60 × 0.15)
    assert not jabatan.filter(jenis="fungsional", jenjang="").exists()
    assert set(
        jabatan.filter(kepala_unit=True, unit__parent=None).values_list("jenis", flat=True)
    ) == {"jpt_pratama"}
    periode = PeriodeAnalisis.objects.get(instansi=instansi)
    assert periode.nama == f"ABK {periode.tahun}"
    assert TugasJabatan.objects.filter(periode=periode).count() == 60 * 3
    # 2–4 credit rows per task of each functional position.
    assert 9 * 6 <= ButirKegiatan.objects.filter(periode=periode).count() <= 9 * 12
    assert not ButirKegiatan.objects.filter(periode=periode).exclude(jabatan__jenis="fungsional")
    assert Pegawai.objects.filter(instansi=instansi).count() == 50
    assert Penempatan.objects.filter(pegawai__instansi=instansi).count() == 45
    assert "Jabatan: 60" in out and "Pegawai: 50" in out and "detik" in out


def test_without_subunits_only_the_perangkat_daerah_are_created(db):
    _buat("--opd", "2", "--subunits", "0", "--positions", "10", "--pegawai", "5")
    units = UnitOrganisasi.objects.filter(instansi__nama=NAMA)
    assert units.count() == units.filter(parent=None).count() == 2
    assert Jabatan.objects.filter(unit__in=units).count() == 10


def test_it_writes_no_history(db):
    _buat(*KECIL)
    assert not Instansi.history.exists() and not Jabatan.history.exists()
    assert not Pegawai.history.exists() and not UnitOrganisasi.history.exists()
    assert not Penempatan.history.exists()


def test_the_same_seed_gives_the_same_rows_and_replace_touches_only_that_instansi(db):
    _buat(*KECIL, nama="Kabupaten Lain")
    lain = Instansi.objects.get(nama="Kabupaten Lain")
    sebelum_lain = _potret(lain)
    _buat(*KECIL)
    pertama = _potret(Instansi.objects.get(nama=NAMA))
    out = _buat(*KECIL, "--replace")
    assert "dihapus" in out
    assert _potret(Instansi.objects.get(nama=NAMA)) == pertama
    assert _potret(lain) == sebelum_lain
    assert Jabatan.objects.filter(instansi__nama=NAMA).count() == 60
    assert PeriodeAnalisis.objects.filter(instansi__nama=NAMA).count() == 1
    _buat(*KECIL, "--replace", "--seed", "2")
    assert _potret(Instansi.objects.get(nama=NAMA))["pegawai"] != pertama["pegawai"]


def test_every_nip_is_valid_and_every_link_stays_in_the_instansi(db):
    _buat(*KECIL, "--pegawai", "200")
    instansi = Instansi.objects.get(nama=NAMA)
    pegawai = list(Pegawai.objects.filter(instansi=instansi).select_related("unit", "golongan"))
    assert len({p.nip for p in pegawai}) == 200
    for p in pegawai:
        info = urai_nip(p.nip)
        assert (info.tanggal_lahir, info.jenis_kelamin) == (p.tanggal_lahir, p.jenis_kelamin)
        assert info.pppk == (p.status == "PPPK")
        assert p.unit.instansi_id == instansi.pk
        assert p.golongan.jenis_asn == ("PPPK" if p.status == "PPPK" else "PNS")
    for t in Penempatan.objects.filter(pegawai__instansi=instansi).select_related(
        "jabatan", "pegawai"
    ):
        assert t.jabatan.instansi_id == instansi.pk
        assert t.jabatan.unit_id == t.pegawai.unit_id


def test_the_queries_do_not_grow_with_the_size(db):
    def hitung(nama, faktor):
        args = ["--opd", str(2 * faktor), "--subunits", "2", "--positions", str(40 * faktor)]
        args += ["--tasks-per-position", "2", "--pegawai", str(30 * faktor)]
        with CaptureQueriesContext(connection) as q:
            _buat(*args, nama=nama)
        sql = [x["sql"] for x in q.captured_queries]
        insert = [s for s in sql if s.startswith("INSERT")]
        return len(sql) - len(insert), len(insert)

    lain_1, insert_1 = hitung("Kabupaten Satu", 1)
    lain_2, insert_2 = hitung("Kabupaten Dua", 2)
    assert lain_2 == lain_1
    # Inserts grow only with the number of batches (SQLite caps a batch at 999 parameters).
    assert insert_2 <= 2 * insert_1
    assert insert_2 < 40


def test_an_existing_instansi_is_refused_and_nothing_is_written(db):
    Instansi.objects.create(nama=NAMA, jenis="kabupaten", jabatan_kepala="Bupati", ibu_kota="X")
    with pytest.raises(CommandError, match="sudah ada"):
        _buat(*KECIL)
    with pytest.raises(CommandError, match="bukan buatan generate_synthetic"):
        _buat(*KECIL, "--replace")
    assert not UnitOrganisasi.objects.exists() and not Pegawai.objects.exists()
    assert not Jabatan.objects.exists()


def test_too_few_positions_for_the_heads_are_refused(db):
    with pytest.raises(CommandError, match="jabatan pimpinan"):
        _buat("--opd", "3", "--subunits", "2", "--positions", "8")
    assert not Instansi.objects.filter(nama=NAMA).exists()


def test_the_rekap_runs_on_the_result_and_counts_every_position(db):
    _buat(*KECIL)
    out = StringIO()
    call_command("abk_rekap", "--instansi", NAMA, "--format", "json", stdout=out)
    data = json.loads(out.getvalue())
    assert data["total"]["jumlah_jabatan"] == 60
    # Clean data: no repeated task, no credit value far from the same butir's median.
    assert data["total"]["jumlah_flags"] == 0
    kebutuhan = [Decimal(j["kebutuhan"]) for j in data["jabatan"]]
    rata = sum(kebutuhan) / len(kebutuhan)
    assert Decimal("0.5") <= rata <= Decimal("3")
