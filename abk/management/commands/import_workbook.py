"""import_workbook PATH --instansi "<nama atau id>" [--unit ID] [--periode ID] [--dry-run]
[--mapping FILE] [--create]: imports a legacy Anjab/ABK workbook from the command line."""

import datetime as dt
import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from openpyxl.utils import column_index_from_string

from abk.impor.baca import BukuKerjaTidakSah, baca_buku
from abk.impor.proses import analisis, periksa_dan_impor, peta_dari_dict, peta_ke_dict
from abk.management.pilihan import cari_instansi, periode_instansi, unit_instansi
from abk.models import PeriodeAnalisis
from organisasi.models import Instansi


def _instansi_baru(nama: str) -> Instansi:
    kecil = nama.lower()
    jenis, kepala = ("kota", "Wali Kota")
    if "kabupaten" in kecil:
        jenis, kepala = "kabupaten", "Bupati"
    elif "provinsi" in kecil:
        jenis, kepala = "provinsi", "Gubernur"
    daerah = nama.split()[-1] if nama.split() else nama
    return Instansi.objects.create(
        nama=nama, jenis=jenis, jabatan_kepala=kepala, nama_daerah=daerah, ibu_kota=daerah
    )


def _baca_pemetaan(path: str) -> list:
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    lembar = data["lembar"] if isinstance(data, dict) and "lembar" in data else data
    hasil = []
    for d in lembar:
        kolom = {}
        for k, v in d["kolom"].items():
            kolom[str(column_index_from_string(k) - 1) if k.isalpha() else k] = v
        hasil.append(peta_dari_dict({**d, "kolom": kolom, "judul": d.get("judul", [])}))
    return hasil


class Command(BaseCommand):
    help = "Mengimpor buku kerja Anjab/ABK lama (xlsx)."

    def add_arguments(self, parser):
        parser.add_argument("path")
        parser.add_argument("--instansi", required=True, help="nama atau id instansi")
        parser.add_argument("--unit", type=int, help="id unit tujuan")
        parser.add_argument("--periode", type=int, help="id periode (bawaan: terbaru)")
        parser.add_argument("--dry-run", action="store_true", help="tampilkan rencana saja")
        parser.add_argument("--mapping", help="berkas JSON pemetaan kolom")
        parser.add_argument("--simpan-pemetaan", help="tulis pemetaan hasil deteksi ke JSON")
        parser.add_argument(
            "--create", action="store_true", help="buat instansi, unit, dan periode yang belum ada"
        )
        parser.add_argument(
            "--hanya-sah",
            action="store_true",
            help="impor baris yang sah walau ada baris yang ditolak",
        )

    def handle(self, *args, **o):
        path = Path(o["path"])
        if not path.exists():
            raise CommandError(f"Berkas {path} tidak ada.")
        try:
            instansi = cari_instansi(o["instansi"])
        except CommandError:
            if not o["create"] or o["instansi"].isdigit():
                raise
            instansi = None
        try:
            lembar = baca_buku(path)
        except BukuKerjaTidakSah as e:
            raise CommandError(str(e)) from None
        if instansi is None:
            instansi = (
                _instansi_baru(o["instansi"]) if not o["dry_run"] else Instansi(nama=o["instansi"])
            )
            self.stdout.write(f"Instansi baru: {instansi.nama}")
        unit = unit_instansi(instansi, o["unit"])
        periode = periode_instansi(instansi, o["periode"]) if instansi.pk else None
        if periode is None:
            if not o["create"]:
                raise CommandError(f"{instansi.nama} belum mempunyai periode; pakai --create.")
            tahun = dt.date.today().year
            if instansi.pk:
                periode = PeriodeAnalisis.objects.create(
                    instansi=instansi, nama=f"ABK {tahun}", tahun=tahun
                )
        peta = _baca_pemetaan(o["mapping"]) if o["mapping"] else analisis(lembar, instansi.pk)
        if o["simpan_pemetaan"]:
            Path(o["simpan_pemetaan"]).write_text(
                json.dumps(
                    {"lembar": [peta_ke_dict(p) for p in peta]}, ensure_ascii=False, indent=1
                ),
                encoding="utf-8",
            )
        for p in peta:
            kolom = ", ".join(
                f"{p.judul[i] if i < len(p.judul) else i} → {f}" for i, f in p.kolom.items()
            )
            self.stdout.write(
                f"Sheet {p.lembar} ({p.jenis}), judul di baris {p.baris_judul}, "
                f"waktu dalam {p.satuan_waktu}: {kolom}"
            )
            for c in p.catatan:
                self.stdout.write(f"  Catatan: {c}")
        if instansi.pk is None:
            self.stdout.write("(uji coba: instansi belum dibuat, rencana penulisan tidak dihitung)")
            return
        hasil, rencana = periksa_dan_impor(
            path,
            peta,
            instansi=instansi,
            unit=unit,
            periode=periode,
            buat_unit=o["create"],
            hanya_sah=o["hanya_sah"],
            kering=o["dry_run"],
        )
        semua_galat = hasil.galat + rencana.galat
        r = rencana
        awal = (
            "Rencana (uji coba, tidak ada yang ditulis)"
            if o["dry_run"]
            else ("Diimpor" if r.ditulis else "Tidak ada yang ditulis")
        )
        self.stdout.write(
            f"{awal}: {hasil.jumlah_baris} baris dibaca; jabatan dibuat {r.jabatan['dibuat']}, "
            f"diperbarui {r.jabatan['diperbarui']}, tetap {r.jabatan['tetap']}; baris tugas "
            f"{r.baris_tugas}, butir {r.baris_butir}; pegawai dibuat {r.pegawai['dibuat']}, "
            f"diperbarui {r.pegawai['diperbarui']}, tetap {r.pegawai['tetap']}; unit dibuat "
            f"{len(r.unit_dibuat)}; angka tercetak {r.deklarasi}."
        )
        for c in hasil.catatan:
            self.stdout.write(f"Catatan: {c}")
        for g in semua_galat:
            self.stderr.write(str(g))
        if semua_galat:
            raise CommandError(
                f"{len(semua_galat)} baris ditolak"
                + ("" if r.ditulis else "; tidak ada yang ditulis.")
            )
