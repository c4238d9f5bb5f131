"""The world of the security sweep (tests/test_sapuan_keamanan.py): objects of every kind a URL
may name, in three places of the `dunia` shape (tests/conftest.py):

- "A": instansi A inside the Operator's subtree (Dinas Sosial and below), the users' own data;
- "S": a sibling unit of instansi A outside the Operator's subtree (Dinas Kesehatan);
- "B": another instansi (Kabupaten Banjar).

Built through the factories and the services, as the screens would build it."""

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.files.base import ContentFile

from abk import services as abk_services
from abk.models import ImporBuku, PekerjaanLatar
from anjab.katalog import KATALOG
from anjab.models import PeriodeAnalisis, TugasJabatan
from kinerja import services as kinerja_services
from kinerja.models import (
    Indikator,
    Kegiatan,
    Lakip,
    Program,
    Renstra,
    Sasaran,
    TargetIndikator,
    Tujuan,
)
from kinerja.sistem_kerja import services
from organisasi.akses import Peran
from organisasi.models import UnitOrganisasi
from tests.factories import InstansiFactory, JabatanFactory, PegawaiFactory, UnitFactory, make_user

TAHUN = 2024  # a year of every Renstra of the world (2020–2024) and of every period
PDF = b"%PDF-1.4\n%sapuan\n"

# Every place, the kinds it holds. Instansi-level objects (the instansi itself, its periods and
# catalogue rows) have no place "S": they belong to no unit.
TEMPAT = ("A", "S", "B")


@dataclass
class DuniaSapuan:
    users: dict  # role → User of instansi A; "admin_lain" is the Admin Instansi of B
    objek: dict = field(default_factory=dict)  # (place, kind) → model instance

    def get(self, tempat: str, jenis: str):
        return self.objek.get((tempat, jenis))


def _pilihan_pertama(model, nama):
    return model._meta.get_field(nama).choices[0][0]


def _katalog(instansi, tempat: str, objek: dict) -> None:
    for slug, (model, extra) in KATALOG.items():
        isian = {"instansi": instansi, "kode": f"SAPU-{tempat}", "nama": f"Baris {tempat}"}
        for nama in extra:
            f = model._meta.get_field(nama)
            if f.choices:
                isian[nama] = f.choices[0][0]
        objek[(tempat, f"katalog:{slug}")] = model.objects.create(**isian)


def _kinerja(unit, tempat: str, objek: dict) -> None:
    """Renstra → Tujuan → Sasaran → Indikator (with targets) → Program → Kegiatan, and the
    year's Perjanjian Kinerja drafted from them by the service."""
    r = Renstra.objects.create(
        unit=unit, tahun_awal=2020, tahun_akhir=2024, visi=f"Visi {tempat}", misi=["Misi"]
    )
    tujuan = Tujuan.objects.create(renstra=r, uraian=f"Tujuan {tempat}")
    sasaran = Sasaran.objects.create(tujuan=tujuan, uraian=f"Sasaran {tempat}")
    indikator = Indikator.objects.create(sasaran=sasaran, uraian=f"Indikator {tempat}")
    for t in r.tahun:
        TargetIndikator.objects.create(indikator=indikator, tahun=t, target=Decimal("75"))
    program = Program.objects.create(renstra=r, sasaran=sasaran, nama=f"Program {tempat}")
    kegiatan = Kegiatan.objects.create(program=program, nama=f"Kegiatan {tempat}")
    perjanjian = kinerja_services.perjanjian_compose(renstra=r, tahun=TAHUN)
    Lakip.objects.create(renstra=r, tahun=TAHUN, ringkasan=f"Ringkasan {tempat}")
    objek.update(
        {
            (tempat, "renstra"): r,
            (tempat, "tujuan"): tujuan,
            (tempat, "sasaran"): sasaran,
            (tempat, "indikator"): indikator,
            (tempat, "program"): program,
            (tempat, "kegiatan"): kegiatan,
            (tempat, "perjanjian"): perjanjian,
        }
    )


def _tim(unit, pegawai, tempat: str, objek: dict) -> None:
    tim = services.tim_create(
        unit=unit,
        nama=f"Tim {tempat}",
        mulai=dt.date(TAHUN, 1, 1),
        selesai=dt.date(TAHUN, 6, 30),
        target="Target uji",
    )
    penugasan = services.penugasan_create(tim=tim, pegawai=pegawai)
    objek[(tempat, "tim")] = tim
    objek[(tempat, "penugasan")] = penugasan


def _abk(instansi, unit, jabatan, periode, pemohon, tempat: str, objek: dict) -> None:
    TugasJabatan.objects.create(
        jabatan=jabatan, periode=periode, urutan=1, uraian="Mengolah data", volume=12, waktu=1500
    )
    keputusan = abk_services.keputusan_get_or_create(periode=periode, unit=unit)
    pekerjaan = PekerjaanLatar(
        instansi=instansi,
        pemohon=pemohon,
        jenis="keputusan",
        judul=f"Keputusan {tempat}",
        parameter={"keputusan": keputusan.pk, "unit": unit.pk},
        status=PekerjaanLatar.Status.SELESAI,
        langkah_total=1,
        langkah_selesai=1,
    )
    pekerjaan.berkas.save(f"keputusan-{tempat}.pdf", ContentFile(PDF), save=False)
    pekerjaan.save()
    impor = ImporBuku(
        instansi=instansi,
        pemohon=pemohon,
        nama_berkas=f"buku-{tempat}.xlsx",
        unit=unit,
        periode=periode,
    )
    impor.berkas.save(f"buku-{tempat}.xlsx", ContentFile(b"PK sapuan"), save=False)
    impor.save()
    objek.update(
        {
            (tempat, "keputusan"): keputusan,
            (tempat, "pekerjaan"): pekerjaan,
            (tempat, "impor"): impor,
        }
    )


def bangun_dunia() -> DuniaSapuan:
    instansi = InstansiFactory(nama="Pemerintah Kota Sapuan A", nama_daerah="Sapuan A")
    dinas = UnitFactory(instansi=instansi, nama="Dinas Sosial")
    sekretariat = UnitFactory(
        parent=dinas, nama="Sekretariat", jenis=UnitOrganisasi.Jenis.SEKRETARIAT
    )
    UnitFactory(parent=sekretariat, nama="Sub Bagian Umum", jenis=UnitOrganisasi.Jenis.SUBBAGIAN)
    bidang = UnitFactory(parent=dinas, nama="Bidang Rehabilitasi", jenis="bidang")
    dinas_lain = UnitFactory(instansi=instansi, nama="Dinas Kesehatan")
    lain = InstansiFactory(nama="Pemerintah Kabupaten Sapuan B", jenis="kabupaten")
    lain_unit = UnitFactory(instansi=lain, nama="Dinas Pendidikan")
    lain_bidang = UnitFactory(parent=lain_unit, nama="Bidang Pendidikan Dasar", jenis="bidang")

    users = {
        "admin_instansi": make_user("sapuan_admin", peran=Peran.ADMIN_INSTANSI, instansi=instansi),
        "operator": make_user(
            "sapuan_operator", peran=Peran.OPERATOR, instansi=instansi, unit=dinas
        ),
        "verifikator": make_user("sapuan_verifikator", peran=Peran.VERIFIKATOR, instansi=instansi),
        "pembaca": make_user("sapuan_pembaca", peran=Peran.PEMBACA, instansi=instansi),
        "admin_lain": make_user("sapuan_admin_lain", peran=Peran.ADMIN_INSTANSI, instansi=lain),
    }
    dunia = DuniaSapuan(users=users)
    o = dunia.objek

    periode = {
        "A": PeriodeAnalisis.objects.create(instansi=instansi, nama="ABK 2024", tahun=TAHUN),
        "B": PeriodeAnalisis.objects.create(instansi=lain, nama="ABK 2024", tahun=TAHUN),
    }
    for tempat, inst in [("A", instansi), ("B", lain)]:
        o[(tempat, "instansi")] = inst
        o[(tempat, "periode")] = periode[tempat]
        _katalog(inst, tempat, o)

    # place → (instansi, the perangkat daerah, a unit below it, the requester of its jobs)
    for tempat, inst, pd, unit, pemohon in [
        ("A", instansi, dinas, bidang, users["operator"]),
        ("S", instansi, dinas_lain, dinas_lain, users["admin_instansi"]),
        ("B", lain, lain_unit, lain_bidang, users["admin_lain"]),
    ]:
        jabatan = JabatanFactory(unit=unit, nama=f"Penata Layanan Operasional {tempat}")
        pegawai = PegawaiFactory(unit=unit, nama=f"Pegawai {tempat}", jabatan=jabatan)
        o[(tempat, "unit")] = unit
        o[(tempat, "pegawai")] = pegawai
        o[(tempat, "jabatan")] = jabatan
        _kinerja(pd, tempat, o)
        _tim(unit, pegawai, tempat, o)
        _abk(inst, pd, jabatan, periode["B" if tempat == "B" else "A"], pemohon, tempat, o)
    return dunia
