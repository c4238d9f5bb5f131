"""Demo of the sistem kerja in its own setting: Pemerintah Kabupaten Banjar, whose Peraturan
Bupati Nomor 39 Tahun 2024 is seed 003. Three perangkat daerah, invented employees with valid
NIPs, seed 003's rule values and one cross-unit tim kerja (so a Keputusan Sekretaris Daerah)
led by a ketua who meets Pasal 9 ayat (6).

Loading twice changes nothing: rows are found by their natural keys and saved only when a value
differs; the team and its members go through kinerja.sistem_kerja.services, so the demo obeys
the rules it demonstrates."""

import datetime as dt
from decimal import Decimal

from django.db import transaction

from anjab.models import Jabatan
from kinerja.models import AturanSistemKerja, Penugasan, TimKerja
from kinerja.sistem_kerja import services
from kinerja.sistem_kerja.models import DASAR_HUKUM_BAKU
from organisasi.demo import _simpan
from organisasi.models import Instansi, PangkatGolongan, Pegawai, UnitOrganisasi

BANJAR = {
    "nama": "Pemerintah Kabupaten Banjar",
    "jenis": Instansi.Jenis.KABUPATEN,
    "nama_daerah": "Banjar",
    "wilayah": "Provinsi Kalimantan Selatan",
    "jabatan_kepala": "Bupati",
    "ibu_kota": "Martapura",
    "alamat": "Jl. Jend. A. Yani No. 2, Martapura, Kalimantan Selatan 70611",
}

# nama, induk, jenis, eselon, jabatan kepala
UNIT_BANJAR = [
    ("Sekretariat Daerah", None, "sekretariat", "II.a", "Sekretaris Daerah"),
    ("Bagian Organisasi", "Sekretariat Daerah", "bagian", "III.a", "Kepala Bagian Organisasi"),
    (
        "Badan Perencanaan Pembangunan Daerah",
        None,
        "perangkat_daerah",
        "II.b",
        "Kepala Badan Perencanaan Pembangunan Daerah",
    ),
    (
        "Bidang Perencanaan, Pengendalian dan Evaluasi Pembangunan Daerah",
        "Badan Perencanaan Pembangunan Daerah",
        "bidang",
        "III.b",
        "Kepala Bidang Perencanaan, Pengendalian dan Evaluasi Pembangunan Daerah",
    ),
    (
        "Dinas Komunikasi dan Informatika",
        None,
        "perangkat_daerah",
        "II.b",
        "Kepala Dinas Komunikasi dan Informatika",
    ),
    ("Sekretariat", "Dinas Komunikasi dan Informatika", "sekretariat", "III.a", "Sekretaris"),
    (
        "Bidang Aplikasi Informatika",
        "Dinas Komunikasi dan Informatika",
        "bidang",
        "III.b",
        "Kepala Bidang Aplikasi Informatika",
    ),
]

# jabatan, unit, jenis, jenjang
JABATAN_BANJAR = [
    ("Pranata Komputer Ahli Muda", "Bidang Aplikasi Informatika", "fungsional", "ahli_muda"),
    ("Pranata Komputer Ahli Pertama", "Bidang Aplikasi Informatika", "fungsional", "ahli_pertama"),
    (
        "Perencana Ahli Muda",
        "Bidang Perencanaan, Pengendalian dan Evaluasi Pembangunan Daerah",
        "fungsional",
        "ahli_muda",
    ),
    ("Analis Kebijakan Ahli Pertama", "Bagian Organisasi", "fungsional", "ahli_pertama"),
]

# Invented people. nip, nama, gelar belakang, golongan, pendidikan, unit, jabatan,
# predikat kinerja, pengalaman (tahun)
PEGAWAI_BANJAR = [
    (
        "198605122010011003",
        "Muhammad Rizani",
        "S.Kom., M.T.",
        "III/d",
        "S-2",
        "Bidang Aplikasi Informatika",
        "Pranata Komputer Ahli Muda",
        "baik",
        Decimal(8),
    ),
    (
        "199103232015032001",
        "Siti Rahmah",
        "S.Kom.",
        "III/b",
        "S-1",
        "Bidang Aplikasi Informatika",
        "Pranata Komputer Ahli Pertama",
        "sangat_baik",
        Decimal(4),
    ),
    (
        "198809142011011002",
        "Ahmad Fauzi",
        "S.T., M.Eng.",
        "III/d",
        "S-2",
        "Bidang Perencanaan, Pengendalian dan Evaluasi Pembangunan Daerah",
        "Perencana Ahli Muda",
        "baik",
        Decimal(6),
    ),
    (
        "199406072019032004",
        "Nurul Hidayah",
        "S.AP.",
        "III/a",
        "S-1",
        "Bagian Organisasi",
        "Analis Kebijakan Ahli Pertama",
        "baik",
        Decimal(3),
    ),
]

TIM = {
    "nama": "Tim Percepatan Sistem Pemerintahan Berbasis Elektronik",
    "unit": "Bidang Aplikasi Informatika",
    "mulai": dt.date(2025, 7, 1),
    "selesai": dt.date(2025, 12, 31),
    "target": "indeks Sistem Pemerintahan Berbasis Elektronik (SPBE) Kabupaten Banjar "
    "meningkat menjadi 3,00 (predikat Baik)",
    "pejabat_penilai": "Kepala Bidang Aplikasi Informatika",
    "dasar": "Peraturan Bupati Banjar tentang Kedudukan, Susunan Organisasi, Tugas dan Fungsi "
    "serta Tata Kerja Dinas Komunikasi dan Informatika",
    "tugas_ketua": "menyusun rencana kerja dan pembagian tugas tim\n"
    "mengoordinasikan pemenuhan indikator SPBE lintas perangkat daerah\n"
    "melaporkan pelaksanaan tugas tim kerja kepada Pejabat Penilai Kinerja secara berkala",
    "tugas_anggota": "menghimpun data dukung indikator SPBE pada perangkat daerah asal\n"
    "melaksanakan tugas sesuai pembagian dari ketua tim\n"
    "melaporkan pelaksanaan tugas kepada ketua tim",
}

# nama pegawai, kedudukan, cara penugasan
ANGGOTA = [
    ("Muhammad Rizani", Penugasan.Kedudukan.KETUA, Penugasan.Jenis.PENUNJUKAN),
    ("Siti Rahmah", Penugasan.Kedudukan.ANGGOTA, Penugasan.Jenis.PENGAJUAN_SUKARELA),
    ("Ahmad Fauzi", Penugasan.Kedudukan.ANGGOTA, Penugasan.Jenis.PENUNJUKAN),
    ("Nurul Hidayah", Penugasan.Kedudukan.ANGGOTA, Penugasan.Jenis.PENGAJUAN_SUKARELA),
]


@transaction.atomic
def muat_banjar() -> Instansi:
    instansi = _simpan(
        Instansi, {"nama": BANJAR["nama"]}, {k: v for k, v in BANJAR.items() if k != "nama"}
    )
    _simpan(
        AturanSistemKerja,
        {"instansi": instansi},
        {
            "maks_penugasan_per_tahun": 3,
            "maks_bulan_dalam_unit": 12,
            "maks_bulan_lintas": 6,
            "ketua_pendidikan_minimal": "S-1",
            "ketua_golongan_minimal": "III/a",
            "ketua_predikat_minimal": "baik",
            "ketua_pengalaman_tahun": Decimal(2),
            "dasar_hukum": DASAR_HUKUM_BAKU,
        },
    )
    units: dict[str, UnitOrganisasi] = {}
    for urutan, (nama, induk, jenis, eselon, kepala) in enumerate(UNIT_BANJAR, start=1):
        units[nama] = _simpan(
            UnitOrganisasi,
            {"instansi": instansi, "parent": units.get(induk), "nama": nama},
            {"jenis": jenis, "eselon": eselon, "urutan": urutan, "jabatan_kepala": kepala},
        )
    jabatan = {}
    for urutan, (nama, unit, jenis, jenjang) in enumerate(JABATAN_BANJAR, start=1):
        jabatan[nama] = _simpan(
            Jabatan,
            {"unit": units[unit], "nama": nama},
            {"jenis": jenis, "jenjang": jenjang, "urutan": urutan, "instansi": instansi},
        )
    golongan = {g.kode: g for g in PangkatGolongan.objects.filter(jenis_asn="PNS")}
    pegawai = {}
    for nip, nama, gelar, gol, pendidikan, unit, jab, predikat, pengalaman in PEGAWAI_BANJAR:
        pegawai[nama] = _simpan(
            Pegawai,
            {"instansi": instansi, "nip": nip},
            {
                "nama": nama,
                "gelar_belakang": gelar,
                "status": Pegawai.Status.PNS,
                "golongan": golongan[gol],
                "pendidikan": pendidikan,
                "unit": units[unit],
                "jabatan": jabatan[jab],
                "predikat_kinerja": predikat,
                "pengalaman_bidang_tahun": pengalaman,
            },
        )
    _muat_tim(instansi, units, pegawai)
    return instansi


def _muat_tim(instansi, units, pegawai) -> None:
    nilai = {**TIM, "unit": units[TIM["unit"]]}
    tim = TimKerja.objects.filter(instansi=instansi, nama=TIM["nama"]).first()
    if tim is None:
        tim = services.tim_create(**nilai)
    elif any(getattr(tim, k) != v for k, v in nilai.items()):
        services.tim_update(tim=tim, **nilai)
    for nama, kedudukan, jenis in ANGGOTA:
        p = pegawai[nama]
        nilai = {"kedudukan": kedudukan, "jenis": jenis, "mulai": tim.mulai, "selesai": tim.selesai}
        penugasan = Penugasan.objects.filter(tim=tim, pegawai=p).first()
        if penugasan is None:
            services.penugasan_create(tim=tim, pegawai=p, **nilai)
        elif any(getattr(penugasan, k) != v for k, v in nilai.items()):
            services.penugasan_update(penugasan=penugasan, **nilai)
