"""export_workbook --instansi "<nama atau id>" [--unit ID] [--periode ID] --out FILE.xlsx
(or --templat): positions, tasks, credit rows and holders in the import's own columns.
With --format siasn: the SIASN INFOJAB workbook of one position (--jabatan ID --out FILE.xlsx)
or a zip of one workbook per position of a unit's subtree (--unit ID --out FILE.zip)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from abk.ekspor_buku import jabatan_xlsx, templat_xlsx
from abk.ekspor_siasn import siasn_xlsx, siasn_zip
from abk.management.pilihan import cari_instansi, periode_instansi, unit_instansi
from anjab.models import Jabatan


class Command(BaseCommand):
    help = "Mengekspor data jabatan ke xlsx yang dapat diimpor kembali (atau templat kosong)."

    def add_arguments(self, parser):
        parser.add_argument("--instansi", help="nama atau id instansi")
        parser.add_argument("--unit", type=int)
        parser.add_argument("--periode", type=int)
        parser.add_argument("--templat", action="store_true", help="templat kosong dengan petunjuk")
        parser.add_argument("--out", required=True)
        parser.add_argument(
            "--format",
            choices=["aplikasi", "siasn"],
            default="aplikasi",
            help="aplikasi (bawaan): kolom impor aplikasi; siasn: templat INFOJAB SIASN",
        )
        parser.add_argument("--jabatan", type=int, help="id jabatan (format siasn)")

    def handle(self, *args, **o):
        if o["templat"]:
            Path(o["out"]).write_bytes(templat_xlsx())
            self.stdout.write(f"Templat ditulis ke {o['out']}")
            return
        if not o["instansi"]:
            raise CommandError("--instansi wajib (kecuali --templat).")
        instansi = cari_instansi(o["instansi"])
        periode = periode_instansi(instansi, o["periode"])
        if periode is None:
            raise CommandError(f"{instansi.nama} belum mempunyai periode analisis.")
        unit = unit_instansi(instansi, o["unit"])
        if o["format"] == "siasn":
            self._siasn(instansi, periode, unit, o)
            return
        if o["jabatan"]:
            raise CommandError("--jabatan hanya dipakai dengan --format siasn.")
        Path(o["out"]).write_bytes(jabatan_xlsx(periode=periode, unit=unit))
        self.stdout.write(f"Data jabatan ditulis ke {o['out']}")

    def _siasn(self, instansi, periode, unit, o):
        if o["jabatan"]:
            jabatan = Jabatan.objects.filter(pk=o["jabatan"], instansi=instansi).first()
            if jabatan is None:
                raise CommandError(f"Jabatan {o['jabatan']} bukan milik {instansi.nama}.")
            isi, laporan = siasn_xlsx(jabatan, periode)
        elif unit is not None:
            isi, laporan = siasn_zip(unit, periode)
        else:
            raise CommandError("--format siasn memerlukan --jabatan ID atau --unit ID.")
        Path(o["out"]).write_bytes(isi)
        for baris in laporan:
            self.stdout.write(baris)
        self.stdout.write(f"Buku kerja SIASN ditulis ke {o['out']}")
