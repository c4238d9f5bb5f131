"""abk_rekap --instansi "<nama atau id>" [--unit ID] [--periode ID] --format json|xlsx"""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from abk.ekspor import rekap_data, rekap_xlsx
from abk.models import PeriodeAnalisis
from abk.rekap import hitung_rekap
from abk.selectors import periode_terbaru
from organisasi.models import Instansi, UnitOrganisasi


def cari_instansi(nilai: str) -> Instansi:
    """An instansi by primary key or by name (exact, then unique partial match)."""
    if nilai.isdigit():
        instansi = Instansi.objects.filter(pk=int(nilai)).first()
        if instansi:
            return instansi
    instansi = Instansi.objects.filter(nama__iexact=nilai).first()
    if instansi:
        return instansi
    cocok = list(Instansi.objects.filter(nama__icontains=nilai)[:2])
    if len(cocok) == 1:
        return cocok[0]
    if not cocok:
        raise CommandError(f"Instansi “{nilai}” tidak ditemukan.")
    raise CommandError(
        f"“{nilai}” cocok dengan lebih dari satu instansi; tulis nama lengkap atau id."
    )


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
        if o["periode"]:
            periode = PeriodeAnalisis.objects.filter(pk=o["periode"], instansi=instansi).first()
            if periode is None:
                raise CommandError(f"Periode {o['periode']} bukan milik {instansi.nama}.")
        else:
            periode = periode_terbaru(instansi.pk)
            if periode is None:
                raise CommandError(f"{instansi.nama} belum mempunyai periode analisis.")
        unit = None
        if o["unit"]:
            unit = UnitOrganisasi.objects.filter(pk=o["unit"], instansi=instansi).first()
            if unit is None:
                raise CommandError(f"Unit {o['unit']} bukan milik {instansi.nama}.")
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
