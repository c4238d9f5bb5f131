"""import_workbook PATH --instansi "<nama atau id>" [--unit ID] [--jabatan ID] [--periode ID]
[--dry-run] [--mapping FILE] [--create]: imports a legacy Anjab/ABK workbook (any of the layouts
offices keep, or SIASN's INFOJAB workbook of one position) from the command line."""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone
from openpyxl.utils import column_index_from_string

from abk.impor.baca import BukuKerjaTidakSah, baca_buku
from abk.impor.kata import kata_impor
from abk.impor.proses import (
    analisis,
    laporan_lembar,
    periksa_dan_impor,
    peta_dari_dict,
    peta_ke_dict,
)
from abk.impor.siasn import adalah_siasn, cari_jabatan_siasn, impor_siasn
from abk.management.pilihan import cari_instansi, periode_instansi, unit_instansi
from abk.siasn_referensi import WAKTU_EFEKTIF_SIASN_JAM, WAKTU_EFEKTIF_SIASN_MENIT
from anjab.models import PeriodeAnalisis
from organisasi.models import Instansi


def _instansi_baru(nama: str) -> Instansi:
    """A regency or province when its name says so, else a city."""
    kecil = nama.lower()
    jenis = next(
        (j for j in (Instansi.Jenis.KABUPATEN, Instansi.Jenis.PROVINSI) if j in kecil),
        Instansi.Jenis.KOTA,
    )
    kepala = kata_impor("kepala_daerah")[jenis]
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
        parser.add_argument(
            "--jabatan", type=int, help="id jabatan yang diisi dari buku kerja satu jabatan"
        )
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
        if adalah_siasn([lb.nama for lb in lembar]):
            if instansi is None:
                raise CommandError(
                    "Buku kerja SIASN mengisi satu jabatan yang sudah ada; instansi "
                    f"{o['instansi']} belum ada."
                )
            return self._siasn(path, instansi, o)
        # One transaction: a refused workbook leaves no instansi or period behind either.
        with transaction.atomic():
            semua_galat, ditulis = self._impor(path, lembar, instansi, o)
        if semua_galat:
            raise CommandError(
                f"{len(semua_galat)} baris ditolak"
                + ("" if ditulis else "; tidak ada yang ditulis.")
            )

    def _impor(self, path, lembar, instansi, o):
        if instansi is None:
            instansi = _instansi_baru(o["instansi"])
            self.stdout.write(f"Instansi baru: {instansi.nama}")
        jabatan = self._jabatan(instansi, o["jabatan"]) if o["jabatan"] else None
        unit = jabatan.unit if jabatan else unit_instansi(instansi, o["unit"])
        periode = periode_instansi(instansi, o["periode"]) if instansi.pk else None
        if periode is None:
            if not o["create"]:
                raise CommandError(f"{instansi.nama} belum mempunyai periode; pakai --create.")
            tahun = timezone.localdate().year
            periode = PeriodeAnalisis.objects.create(
                instansi=instansi, nama=f"ABK {tahun}", tahun=tahun
            )
        if o["mapping"]:
            peta = _baca_pemetaan(o["mapping"])
        else:
            peta = analisis(lembar, instansi.pk, periode=periode)
        if o["simpan_pemetaan"]:
            Path(o["simpan_pemetaan"]).write_text(
                json.dumps(
                    {"lembar": [peta_ke_dict(p) for p in peta]}, ensure_ascii=False, indent=1
                ),
                encoding="utf-8",
            )
        for p in peta:
            for c in p.catatan:
                self.stdout.write(f"Catatan (Sheet {p.lembar}): {c}")
        hasil, rencana = periksa_dan_impor(
            path,
            peta,
            instansi=instansi,
            unit=unit,
            periode=periode,
            jabatan=jabatan,
            buat_unit=o["create"],
            hanya_sah=o["hanya_sah"],
            kering=o["dry_run"],
            lembar=lembar,
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
        for baris in laporan_lembar(peta, hasil):
            self.stdout.write(baris)
        for c in hasil.catatan + r.catatan:
            self.stdout.write(f"Catatan: {c}")
        for c in r.peringatan:
            self.stderr.write(f"Peringatan: {c}")
        self._perbandingan(r)
        for g in semua_galat:
            self.stderr.write(str(g))
        if o["dry_run"] or not r.ditulis:
            # What --create made for this run (instansi, period) goes with the rows.
            transaction.set_rollback(True)
        return semua_galat, r.ditulis

    def _jabatan(self, instansi, pk):
        from anjab.models import Jabatan

        if instansi.pk is None:
            raise CommandError("--jabatan memerlukan instansi yang sudah ada.")
        j = Jabatan.objects.filter(instansi=instansi, pk=pk).select_related("unit").first()
        if j is None:
            raise CommandError(f"Jabatan {pk} bukan milik {instansi.nama}.")
        return j

    def _perbandingan(self, r):
        if not r.perbandingan:
            return
        self.stdout.write(
            "Kebutuhan per jabatan (dihitung | dibulatkan | tercetak | pegawai tercetak):"
        )
        for b in r.perbandingan:
            tanda = "  ← BERBEDA dari angka tercetak" if b["berbeda"] else ""
            pegawai = b["jumlah_pegawai_tercetak"]
            self.stdout.write(
                f"  {b['jabatan']} ({b['unit']}, {b['metode']}): {b['kebutuhan_teks']} | "
                f"{b['dibulatkan']} | {b['tercetak_teks'] or '–'} | "
                f"{'–' if pegawai is None else pegawai}{tanda}"
            )

    def _siasn(self, path, instansi, o):
        """SIASN's INFOJAB workbook: one position, picked by id or found by its kode."""
        if o["jabatan"]:
            jabatan = self._jabatan(instansi, o["jabatan"])
        else:
            jabatan = cari_jabatan_siasn(path, instansi)
            if jabatan is None:
                raise CommandError(
                    "Buku kerja SIASN hanya memuat Kode Jabatan; tidak ada satu jabatan dengan "
                    f"kode itu pada {instansi.nama}. Pilih jabatannya dengan --jabatan ID."
                )
        periode = periode_instansi(instansi, o["periode"])
        if periode is None:
            raise CommandError(f"{instansi.nama} belum mempunyai periode analisis.")
        self.stdout.write(
            f"Buku kerja SIASN (INFOJAB I–V) untuk {jabatan.nama} ({jabatan.unit.nama}), "
            f"periode {periode.nama}; satuan waktu tiap baris tugas dari Waktu Kerja Efektif "
            f"({WAKTU_EFEKTIF_SIASN_JAM} = jam, {WAKTU_EFEKTIF_SIASN_MENIT} = menit)."
        )
        hasil = impor_siasn(
            path, jabatan=jabatan, periode=periode, kering=o["dry_run"], hanya_sah=o["hanya_sah"]
        )
        for k, v in hasil.ringkasan.items():
            self.stdout.write(f"  {k}: {v}")
        for c in hasil.catatan:
            self.stdout.write(f"Catatan: {c}")
        for g in hasil.galat:
            self.stderr.write(str(g))
        if hasil.galat:
            raise CommandError(
                f"{len(hasil.galat)} isian ditolak"
                + ("" if hasil.ditulis else "; tidak ada yang ditulis.")
            )
