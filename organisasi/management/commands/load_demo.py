"""load_demo: reference and demo data of every app, safe to run again.

Each app names its loader in its AppConfig (`demo`: dotted path of a function returning the
lines to print), run in INSTALLED_APPS order — organisasi first, the apps built on it after —
so this command depends on no app above organisasi."""

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils.module_loading import import_string

from organisasi import demo


class Command(BaseCommand):
    help = "Memuat data referensi dan data demo (aman dijalankan berulang kali)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--tanpa-pengguna",
            action="store_true",
            help="Jangan membuat pengguna demo (otomatis di lingkungan produksi).",
        )

    def handle(self, *args, **options):
        pengguna = not options["tanpa_pengguna"] and not settings.PRODUCTION
        for config in apps.get_app_configs():
            if getattr(config, "demo", None):
                for baris in import_string(config.demo)():
                    self.stdout.write(self.style.SUCCESS(baris))
        if pengguna:
            demo.buat_pengguna_demo()
            self.stdout.write("Pengguna demo (ganti kata sandinya di luar demo):")
            for username, password, peran, instansi, unit, _ in demo.PENGGUNA_DEMO:
                if peran is None:
                    lingkup = "superuser, semua instansi, /admin/"
                else:
                    lingkup = f"{peran.value}: {unit or instansi}"
                self.stdout.write(f"  {username} / {password}  ({lingkup})")
