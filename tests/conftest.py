"""Shared world for tests: two instansi, each with a small tree, and users of every role."""

import os
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.test import Client

from organisasi.akses import Peran
from organisasi.models import Instansi, Pegawai, UnitOrganisasi
from tests.factories import InstansiFactory, PegawaiFactory, UnitFactory, make_user

PASSWORD = "rahasia-uji-123"
BASE_DIR = Path(__file__).resolve().parent.parent
# The seeds live beside the repository (../shared/seeds), in CI as on a developer's machine.
SEEDS_DIR = Path(os.environ.get("SEEDS_DIR", BASE_DIR.parent / "shared" / "seeds"))


@dataclass
class Dunia:
    instansi: Instansi
    dinas: UnitOrganisasi
    sekretariat: UnitOrganisasi
    subbag: UnitOrganisasi
    bidang: UnitOrganisasi
    dinas_lain: UnitOrganisasi
    pegawai_sekretariat: Pegawai
    pegawai_dinas_lain: Pegawai
    lain_instansi: Instansi
    lain_unit: UnitOrganisasi
    lain_pegawai: Pegawai


@pytest.fixture(autouse=True)
def _cache_kosong():
    """Every test starts with an empty cache (roll-ups, throttles): nothing carries over."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture
def dunia(db) -> Dunia:
    instansi = InstansiFactory(nama="Pemerintah Kota Tarakan", nama_daerah="Tarakan")
    dinas = UnitFactory(instansi=instansi, nama="Dinas Sosial")
    sekretariat = UnitFactory(
        parent=dinas, nama="Sekretariat", jenis=UnitOrganisasi.Jenis.SEKRETARIAT
    )
    subbag = UnitFactory(
        parent=sekretariat, nama="Sub Bagian Umum", jenis=UnitOrganisasi.Jenis.SUBBAGIAN
    )
    bidang = UnitFactory(parent=dinas, nama="Bidang Rehabilitasi", jenis="bidang")
    dinas_lain = UnitFactory(instansi=instansi, nama="Dinas Kesehatan")
    lain = InstansiFactory(nama="Pemerintah Kabupaten Banjar", jenis="kabupaten")
    lain_unit = UnitFactory(instansi=lain, nama="Dinas Pendidikan")
    return Dunia(
        instansi=instansi,
        dinas=dinas,
        sekretariat=sekretariat,
        subbag=subbag,
        bidang=bidang,
        dinas_lain=dinas_lain,
        pegawai_sekretariat=PegawaiFactory(unit=sekretariat, nama="Ani Sekretariat"),
        pegawai_dinas_lain=PegawaiFactory(unit=dinas_lain, nama="Budi Kesehatan"),
        lain_instansi=lain,
        lain_unit=lain_unit,
        lain_pegawai=PegawaiFactory(unit=lain_unit, nama="Citra Banjar"),
    )


@pytest.fixture
def users(dunia):
    return {
        "admin": make_user("admin_tarakan", peran=Peran.ADMIN_INSTANSI, instansi=dunia.instansi),
        "operator": make_user(
            "operator_dinsos", peran=Peran.OPERATOR, instansi=dunia.instansi, unit=dunia.dinas
        ),
        "verifikator": make_user(
            "verifikator_tarakan", peran=Peran.VERIFIKATOR, instansi=dunia.instansi
        ),
        "pembaca": make_user("pembaca_tarakan", peran=Peran.PEMBACA, instansi=dunia.instansi),
        "admin_lain": make_user(
            "admin_banjar", peran=Peran.ADMIN_INSTANSI, instansi=dunia.lain_instansi
        ),
    }


@pytest.fixture
def login():
    def _login(user) -> Client:
        client = Client()
        client.force_login(user)
        return client

    return _login
