"""Demo data: the Batam BKPSDM organisation of seed 004, a few invented employees with
valid NIPs, and the demo users. Every write goes through `simpan`, which saves only what
differs, so loading twice changes nothing (no new rows, no new history entries)."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction

from organisasi.akses import Peran
from organisasi.models import (
    AksesPengguna,
    FungsiUnit,
    Instansi,
    PangkatGolongan,
    Pegawai,
    UnitOrganisasi,
    UraianTugasUnit,
)
from organisasi.reference import baca_fixture

PENGGUNA_DEMO = [
    # username, password, peran, instansi, unit (None = the whole instansi), superuser
    ("admin", "admin123", None, None, None, True),
    (
        "operator",
        "operator123",
        Peran.OPERATOR,
        "Pemerintah Kota Batam",
        "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia",
        False,
    ),
    ("tarakan", "tarakan123", Peran.ADMIN_INSTANSI, "Pemerintah Kota Tarakan", None, False),
    ("pontianak", "pontianak123", Peran.ADMIN_INSTANSI, "Pemerintah Kota Pontianak", None, False),
    ("banjar", "banjar123", Peran.ADMIN_INSTANSI, "Pemerintah Kabupaten Banjar", None, False),
    (
        "dinsos",
        "dinsos123",
        Peran.OPERATOR,
        "Pemerintah Kota Tarakan",
        "Dinas Sosial dan Pemberdayaan Masyarakat",
        False,
    ),
]
BATAM = "Pemerintah Kota Batam"

# Invented people; NIPs follow the BKN layout (birth date, TMT, sex, sequence).
PEGAWAI_DEMO = [
    (
        "197203151998031004",
        "Hendra Saputra",
        "Drs.",
        "M.Si.",
        "PNS",
        "IV/c",
        "S-2",
        "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia",
    ),
    ("197811202003122002", "Rina Marlina", "", "S.H., M.H.", "PNS", "IV/b", "S-2", "Sekretariat"),
    (
        "198504102009011001",
        "Agus Salim",
        "",
        "S.Kom.",
        "PNS",
        "III/d",
        "S-1",
        "Sub Bagian Umum dan Kepegawaian",
    ),
    (
        "199007252015032003",
        "Siti Nurhaliza",
        "",
        "S.E.",
        "PNS",
        "III/b",
        "S-1",
        "Sub Bagian Perencanaan Program",
    ),
    (
        "198212302006041002",
        "Bambang Irawan",
        "",
        "S.Sos., M.AP.",
        "PNS",
        "IV/a",
        "S-2",
        "Bidang Mutasi dan Promosi",
    ),
    (
        "199402142019022001",
        "Dewi Lestari",
        "",
        "A.Md.",
        "PNS",
        "II/d",
        "D-III",
        "Bidang Pengadaan, Pemberhentian, dan Informasi",
    ),
    (
        "199811082024031001",
        "Rizky Pratama",
        "",
        "S.Psi.",
        "CPNS",
        "III/a",
        "S-1",
        "Bidang Pengembangan Kompetensi Aparatur",
    ),
    (
        "199205172023212001",
        "Yuliana Putri",
        "",
        "S.Kom.",
        "PPPK",
        "IX",
        "S-1",
        "Bidang Kinerja Aparatur dan Penghargaan",
    ),
]


def simpan(model, lookup: dict, values: dict):
    """get-or-create by `lookup`; on an existing row, saves only when a value differs."""
    obj = model.objects.filter(**lookup).first()
    if obj is None:
        obj = model(**lookup, **values)
        obj.save()
        return obj
    changed = [k for k, v in values.items() if getattr(obj, k) != v]
    if changed:
        for k in changed:
            setattr(obj, k, values[k])
        obj.save()
    return obj


def _simpan_butir(model, unit, items: list[str]) -> None:
    if list(model.objects.filter(unit=unit).values_list("teks", flat=True)) == items:
        return
    model.objects.filter(unit=unit).delete()
    model.objects.bulk_create(model(unit=unit, urutan=i, teks=t) for i, t in enumerate(items, 1))


def muat_unit(instansi, data: dict, parent, urutan: int, index: dict) -> None:
    """A unit of a demo fixture with its fungsi, uraian tugas and sub-units (`children`)."""
    unit = simpan(
        UnitOrganisasi,
        {"instansi": instansi, "parent": parent, "nama": data["nama"]},
        {
            "singkatan": data.get("singkatan", ""),
            "jenis": data["jenis"],
            "eselon": data.get("eselon", ""),
            "urutan": urutan,
            "jabatan_kepala": data.get("jabatan_kepala", ""),
            "tugas_pokok": data.get("tugas_pokok", ""),
            "alamat": data.get("alamat", ""),
        },
    )
    index.setdefault(unit.nama, unit)
    _simpan_butir(FungsiUnit, unit, data.get("fungsi", []))
    _simpan_butir(UraianTugasUnit, unit, data.get("uraian_tugas", []))
    for i, child in enumerate(data.get("children", []), start=1):
        muat_unit(instansi, child, unit, i, index)


@transaction.atomic
def muat_batam() -> Instansi:
    data = baca_fixture("demo/batam_bkpsdm.json")
    info = data["instansi"]
    instansi = simpan(
        Instansi, {"nama": info["nama"]}, {k: v for k, v in info.items() if k != "nama"}
    )
    units: dict[str, UnitOrganisasi] = {}
    muat_unit(instansi, data["unit"], None, 1, units)

    golongan = {(g.jenis_asn, g.kode): g for g in PangkatGolongan.objects.all()}
    for nip, nama, depan, belakang, status, gol, pendidikan, unit in PEGAWAI_DEMO:
        jenis = "PPPK" if status == "PPPK" else "PNS"
        simpan(
            Pegawai,
            {"instansi": instansi, "nip": nip},
            {
                "nama": nama,
                "gelar_depan": depan,
                "gelar_belakang": belakang,
                "status": status,
                "golongan": golongan[(jenis, gol)],
                "pendidikan": pendidikan,
                "unit": units[unit],
            },
        )

    return instansi


@transaction.atomic
def buat_pengguna_demo() -> None:
    """The demo users of PENGGUNA_DEMO; a password is set only when the user is created."""
    User = get_user_model()
    for username, password, peran, instansi_nama, unit_nama, superuser in PENGGUNA_DEMO:
        user = User.objects.filter(username=username).first()
        if user is None:
            user = User(username=username, is_staff=superuser, is_superuser=superuser)
            user.set_password(password)
            user.save()
        if peran is not None:
            group = Group.objects.get(name=peran.value)
            if not user.groups.filter(pk=group.pk).exists():
                user.groups.add(group)
        if instansi_nama is not None:
            instansi = Instansi.objects.get(nama=instansi_nama)
            unit = (
                UnitOrganisasi.objects.get(instansi=instansi, nama=unit_nama, parent=None)
                if unit_nama
                else None
            )
            simpan(AksesPengguna, {"user": user}, {"instansi": instansi, "unit": unit})


def muat() -> list[str]:
    """organisasi's part of load_demo: the national ranks, the Batam BKPSDM and the Banjar
    organisation (its positions come from anjab's part, its teams from kinerja's)."""
    from organisasi.demo_banjar import muat_banjar
    from organisasi.models import PangkatGolongan
    from organisasi.reference import muat_pangkat_golongan

    muat_pangkat_golongan(PangkatGolongan)
    return [f"Data demo dimuat: {i.nama}." for i in (muat_batam(), muat_banjar())]
