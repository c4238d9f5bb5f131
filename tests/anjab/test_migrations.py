"""The catalogue migration carries its own loader: it creates exactly the rows of
fixtures/katalog/, as the live loader (anjab.reference, used by load_demo) does today."""

from importlib import import_module

from django.apps import apps

from anjab.models import TabelEvaluasi
from anjab.reference import KATALOG, muat_katalog
from organisasi.reference import baca_fixture

MIGRASI = import_module("anjab.migrations.0002_katalog")
# Later migrations that fill what 0002 did not know yet.
SUSULAN = [
    import_module("anjab.migrations.0010_temperamen_indonesia").isi_nama_indonesia,
    import_module("anjab.migrations.0011_uraian_tingkat").isi_uraian_tingkat,
]
MODEL = [*KATALOG, "TabelEvaluasi", "FaktorEvaluasi", "LevelFaktor", "RentangKelas"]


def _semua() -> dict[str, list[dict]]:
    hasil = {}
    for nama in MODEL:
        model = apps.get_model("anjab", nama)
        # Keys and links differ between two loads; the rows themselves must not.
        hasil[nama] = [
            {k: v for k, v in r.items() if k != "id" and not k.endswith("_id")}
            for r in model.objects.order_by("pk").values()
        ]
    return hasil


def _kosongkan():
    TabelEvaluasi.objects.all().delete()
    for nama in KATALOG:
        apps.get_model("anjab", nama).objects.all().delete()


def test_the_migration_loads_one_row_per_fixture_entry(db):
    _kosongkan()
    MIGRASI.forwards(apps, None)
    for nama, (fixture, _, _) in KATALOG.items():
        model = apps.get_model("anjab", nama)
        assert model.objects.count() == len(baca_fixture(fixture)["data"]), nama
    evaluasi = baca_fixture("katalog/evaluasi_jabatan.json")["data"]
    assert TabelEvaluasi.objects.count() == len(evaluasi)


def test_the_migration_and_the_live_loader_load_the_same_rows(db):
    _kosongkan()
    MIGRASI.forwards(apps, None)
    for isi in SUSULAN:
        isi(apps, None)
    dari_migrasi = _semua()
    _kosongkan()
    muat_katalog(lambda nama: apps.get_model("anjab", nama))
    assert _semua() == dari_migrasi
