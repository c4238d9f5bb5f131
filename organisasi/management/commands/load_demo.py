from django.conf import settings
from django.core.management.base import BaseCommand

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
        instansi = demo.muat_batam(pengguna_demo=pengguna)
        self.stdout.write(self.style.SUCCESS(f"Data demo dimuat: {instansi.nama}."))
        if pengguna:
            self.stdout.write("Pengguna demo (ganti kata sandinya di luar demo):")
            for username, password, peran, unit, _ in demo.PENGGUNA_DEMO:
                lingkup = unit or "seluruh instansi"
                self.stdout.write(f"  {username} / {password}  ({peran.value}: {lingkup})")
