"""generate_synthetic --instansi NAMA [--opd N] [--subunits N] [--positions N]
[--tasks-per-position N] [--functional-share F] [--pegawai N] [--seed N] [--replace]:
a synthetic Pemda to measure speed on (see abk/sintetis.py)."""

import time

from django.core.management.base import BaseCommand, CommandError

from abk.sintetis import Ditolak, Ukuran, pemda_sintetis_create

BAWAAN = Ukuran()


class Command(BaseCommand):
    help = (
        "Membuat Pemda sintetis (unit, jabatan, tugas, butir kegiatan, pegawai) untuk "
        "mengukur kecepatan; seed yang sama menghasilkan data yang sama."
    )

    def add_arguments(self, parser):
        parser.add_argument("--instansi", required=True, help="nama instansi yang dibuat")
        parser.add_argument(
            "--opd", type=int, default=BAWAAN.opd, help="jumlah perangkat daerah (bawaan: 40)"
        )
        parser.add_argument(
            "--subunits",
            type=int,
            default=BAWAAN.subunit,
            help="sub-unit per perangkat daerah (bawaan: 8)",
        )
        parser.add_argument(
            "--positions", type=int, default=BAWAAN.jabatan, help="jumlah jabatan (bawaan: 12000)"
        )
        parser.add_argument(
            "--tasks-per-position",
            type=int,
            default=BAWAAN.tugas_per_jabatan,
            help="tugas per jabatan (bawaan: 10)",
        )
        parser.add_argument(
            "--functional-share",
            type=float,
            default=BAWAAN.porsi_fungsional,
            help="bagian jabatan fungsional (bawaan: 0.15)",
        )
        parser.add_argument(
            "--pegawai", type=int, default=BAWAAN.pegawai, help="jumlah pegawai (bawaan: 15000)"
        )
        parser.add_argument("--seed", type=int, default=BAWAAN.seed, help="benih acak (bawaan: 1)")
        parser.add_argument(
            "--replace",
            action="store_true",
            help="hapus dulu data sintetis instansi ini (hanya instansi ini) lalu buat ulang",
        )

    def handle(self, *args, **o):
        ukuran = Ukuran(
            opd=o["opd"],
            subunit=o["subunits"],
            jabatan=o["positions"],
            tugas_per_jabatan=o["tasks_per_position"],
            porsi_fungsional=o["functional_share"],
            pegawai=o["pegawai"],
            seed=o["seed"],
        )
        mulai = time.perf_counter()
        try:
            n = pemda_sintetis_create(nama=o["instansi"], ukuran=ukuran, ganti=o["replace"])
        except Ditolak as e:
            raise CommandError(str(e)) from None
        detik = time.perf_counter() - mulai
        if n["dihapus"]:
            self.stdout.write(f"Data sintetis lama dihapus: {n['dihapus']} baris.")
        self.stdout.write(f"Instansi sintetis “{o['instansi']}” dibuat:")
        for label, kunci in [
            ("Perangkat daerah", "perangkat_daerah"),
            ("Sub-unit", "sub_unit"),
            ("Jabatan", "jabatan"),
            ("  di antaranya fungsional", "fungsional"),
            ("Periode analisis", "periode"),
            ("Tugas jabatan", "tugas"),
            ("Butir kegiatan", "butir"),
            ("Pegawai", "pegawai"),
            ("Penempatan pegawai", "penempatan"),
        ]:
            self.stdout.write(f"  {label}: {n[kunci]}")
        self.stdout.write(f"Selesai dalam {detik:.2f} detik.")
