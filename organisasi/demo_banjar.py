"""Pemerintah Kabupaten Banjar, whose Peraturan Bupati Nomor 39 Tahun 2024 is seed 003: the
instansi, three perangkat daerah and invented employees with valid NIPs
(fixtures/demo/banjar.json). anjab adds their positions from the same file, kinerja the
sistem kerja. Loading twice changes nothing."""

from decimal import Decimal

from django.db import transaction

from organisasi.demo import simpan
from organisasi.models import Instansi, PangkatGolongan, Pegawai, UnitOrganisasi
from organisasi.reference import baca_fixture

FIXTURE = "demo/banjar.json"


def data_banjar() -> dict:
    return baca_fixture(FIXTURE)


@transaction.atomic
def muat_banjar() -> Instansi:
    data = data_banjar()
    isian = dict(data["instansi"])
    instansi = simpan(Instansi, {"nama": isian.pop("nama")}, isian)
    units: dict[str, UnitOrganisasi] = {}
    for urutan, u in enumerate(data["unit"], start=1):
        units[u["nama"]] = simpan(
            UnitOrganisasi,
            {"instansi": instansi, "parent": units.get(u["induk"]), "nama": u["nama"]},
            {
                "jenis": u["jenis"],
                "eselon": u["eselon"],
                "urutan": urutan,
                "jabatan_kepala": u["jabatan_kepala"],
            },
        )
    golongan = {g.kode: g for g in PangkatGolongan.objects.filter(jenis_asn="PNS")}
    for p in data["pegawai"]:
        simpan(
            Pegawai,
            {"instansi": instansi, "nip": p["nip"]},
            {
                "nama": p["nama"],
                "gelar_belakang": p["gelar_belakang"],
                "status": Pegawai.Status.PNS,
                "golongan": golongan[p["golongan"]],
                "pendidikan": p["pendidikan"],
                "unit": units[p["unit"]],
                "predikat_kinerja": p["predikat_kinerja"],
                "pengalaman_bidang_tahun": Decimal(p["pengalaman_bidang_tahun"]),
            },
        )
    return instansi
