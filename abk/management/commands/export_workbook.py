"""export_workbook --instansi "<nama atau id>" [--unit ID] [--periode ID] --out FILE.xlsx
(or --templat): positions, tasks, credit rows and holders in the import's own columns."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from abk.ekspor import jabatan_xlsx, templat_xlsx
from abk.management.pilihan import cari_instansi, periode_instansi, unit_instansi


class Command(BaseCommand):
    help = "Mengekspor data jabatan ke xlsx yang dapat diimpor kembali (atau templat kosong)."

    def add_arguments(self, parser):
        parser.add_argument("--instansi", help="nama atau id instansi")
        parser.add_argument("--unit", type=int)
        parser.add_argument("--periode", type=int)
        parser.add_argument("--templat", action="store_true", help="templat kosong dengan petunjuk")
        parser.add_argument("--out", required=True)

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
        Path(o["out"]).write_bytes(jabatan_xlsx(periode=periode, unit=unit))
        self.stdout.write(f"Data jabatan ditulis ke {o['out']}")
