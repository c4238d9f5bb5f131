from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand

from anjab import demo as anjab_demo
from anjab.reference import muat_katalog
from kinerja import demo as kinerja_demo
from kinerja import demo_tim
from organisasi import demo
from organisasi.models import PangkatGolongan
from organisasi.reference import muat_pangkat_golongan


class Command(BaseCommand):
    help = "Memuat data referensi dan data demo (aman dijalankan berulang kali)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--tanpa-pengguna",
            action="store_true",
            help="Jangan membuat pengguna demo (otomatis di lingkungan produksi).",
        )

    def handle(self, *args, **options):
        muat_pangkat_golongan(PangkatGolongan)
        pengguna = not options["tanpa_pengguna"] and not settings.PRODUCTION
        muat_katalog(lambda name: apps.get_model("anjab", name))
        for instansi in [
            demo.muat_batam(),
            anjab_demo.muat_tarakan(),
            anjab_demo.muat_pontianak(),
        ]:
            self.stdout.write(self.style.SUCCESS(f"Data demo dimuat: {instansi.nama}."))
        kinerja_demo.muat_lakip_pontianak()
        self.stdout.write(self.style.SUCCESS("Data kinerja demo dimuat: LAKIP 2020 Kesbangpol."))
        banjar = demo_tim.muat_banjar()
        self.stdout.write(self.style.SUCCESS(f"Data demo dimuat: {banjar.nama} (tim kerja)."))
        if pengguna:
            demo.buat_pengguna_demo()
            self.stdout.write("Pengguna demo (ganti kata sandinya di luar demo):")
            for username, password, peran, instansi, unit, _ in demo.PENGGUNA_DEMO:
                if peran is None:
                    lingkup = "superuser, semua instansi, /admin/"
                else:
                    lingkup = f"{peran.value}: {unit or instansi}"
                self.stdout.write(f"  {username} / {password}  ({lingkup})")
