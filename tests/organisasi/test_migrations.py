"""The data migration carries its own loader: it creates the roles and exactly the rows of
fixtures/pangkat_golongan.json, as the live loader (used by load_demo) does today."""

from importlib import import_module

from django.apps import apps
from django.contrib.auth.models import Group

from organisasi.akses import Peran
from organisasi.models import PangkatGolongan
from organisasi.reference import baca_fixture, muat_pangkat_golongan

MIGRASI = import_module("organisasi.migrations.0002_peran_dan_golongan")
KOLOM = ("jenis_asn", "kode", "pangkat", "urutan", "dasar_hukum")


def _baris():
    return sorted(PangkatGolongan.objects.values_list(*KOLOM))


def test_the_migration_loads_the_fixture_rows_and_every_role(db):
    PangkatGolongan.objects.all().delete()
    Group.objects.all().delete()
    MIGRASI.forwards(apps, None)
    fixture = sorted(
        tuple(r[k] for k in KOLOM) for r in baca_fixture("pangkat_golongan.json")["data"]
    )
    assert _baris() == fixture
    assert set(Group.objects.values_list("name", flat=True)) == {p.value for p in Peran}


def test_the_live_loader_adds_nothing_to_what_the_migration_loaded(db):
    sebelum = _baris()
    muat_pangkat_golongan(PangkatGolongan)
    assert _baris() == sebelum
