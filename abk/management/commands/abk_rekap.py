"""abk_rekap --instansi "<nama atau id>" [--unit ID] [--periode ID] --format json|xlsx"""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from abk.ekspor import rekap_data, rekap_xlsx
from abk.management.pilihan import cari_instansi, periode_instansi, unit_instansi
from abk.rekap import hitung_rekap


class Command(BaseCommand):
    help = "Rekap analisis beban kerja per jabatan (JSON ke stdout atau xlsx)."

    def add_arguments(self, parser):
        parser.add_argument("--instansi", required=True, help="nama atau id instansi")
        parser.add_argument("--unit", type=int, help="id unit (beserta sub-unitnya)")
        parser.add_argument("--periode", type=int, help="id periode (bawaan: periode terbaru)")
        parser.add_argument("--format", choices=["json", "xlsx"], default="json")
        parser.add_argument("--out", help="berkas keluaran (wajib untuk xlsx)")

    def handle(self, *args, **o):
        instansi = cari_instansi(o["instansi"])
        periode = periode_instansi(instansi, o["periode"])
        if periode is None:
            raise CommandError(f"{instansi.nama} belum mempunyai periode analisis.")
        unit = unit_instansi(instansi, o["unit"])
        rekap = hitung_rekap(periode, unit)
        if o["format"] == "xlsx":
            if not o["out"]:
                raise CommandError("--out wajib untuk format xlsx.")
            Path(o["out"]).write_bytes(rekap_xlsx(rekap))
            self.stderr.write(f"Rekap ditulis ke {o['out']}")
            return
        teks = json.dumps(rekap_data(rekap), ensure_ascii=False, indent=1)
        if o["out"]:
            Path(o["out"]).write_text(teks, encoding="utf-8")
        else:
            self.stdout.write(teks)
