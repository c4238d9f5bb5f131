"""Demo of the sistem kerja in its own setting: Pemerintah Kabupaten Banjar, whose Peraturan
Bupati Nomor 39 Tahun 2024 is seed 003. The organisation and its employees come from
organisasi's part of the demo (organisasi.demo_banjar), their positions from anjab's; here:
seed 003's rule values and one cross-unit tim kerja (so a Keputusan Sekretaris Daerah) led by a
ketua who meets Pasal 9 ayat (6).

Loading twice changes nothing: rows are found by their natural keys and saved only when a value
differs; the team and its members go through kinerja.sistem_kerja.services, so the demo obeys
the rules it demonstrates."""

import datetime as dt
from decimal import Decimal

from django.db import transaction

from kinerja.models import AturanSistemKerja, Penugasan, TimKerja
from kinerja.sistem_kerja import services
from kinerja.sistem_kerja.models import DASAR_HUKUM_BAKU
from organisasi.demo import simpan
from organisasi.demo_banjar import data_banjar
from organisasi.models import Instansi, Pegawai, UnitOrganisasi

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
    """kinerja's part of the Banjar demo: seed 003's rule values and one cross-unit team, on
    the organisation (and positions) loaded by organisasi's and anjab's parts of load_demo."""
    nama = data_banjar()["instansi"]["nama"]
    instansi = Instansi.objects.filter(nama=nama).first()
    if instansi is None:
        raise LookupError(f"{nama} belum dimuat: jalankan manage.py load_demo.")
    simpan(
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
    units = {u.nama: u for u in UnitOrganisasi.objects.filter(instansi=instansi)}
    pegawai = {p.nama: p for p in Pegawai.objects.filter(instansi=instansi)}
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
