"""render_document <jenis> (--jabatan <id> | --unit <id> [--periode <id>] | --tahun <n>) --out f.pdf

Renders a document to PDF from the command line (for admins and automation). Each app names
the documents it prints in its AppConfig (`dokumen_cetak`: kind → dotted path of a function
taking the command's options and returning HTML), so this command depends on no app above
organisasi."""

from pathlib import Path

from django.apps import apps
from django.core.management.base import BaseCommand
from django.utils.module_loading import import_string

from config.dokumen import render_pdf


def dokumen_cetak() -> dict[str, str]:
    """Every printable kind of every installed app, in INSTALLED_APPS order."""
    hasil: dict[str, str] = {}
    for config in apps.get_app_configs():
        hasil.update(getattr(config, "dokumen_cetak", {}))
    return hasil


class Command(BaseCommand):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.help = "Mencetak dokumen ke PDF: " + ", ".join(dokumen_cetak())

    def add_arguments(self, parser):
        parser.add_argument("jenis", choices=sorted(dokumen_cetak()), help="jenis dokumen")
        parser.add_argument("--jabatan", type=int, help="id (primary key) jabatan")
        parser.add_argument("--unit", type=int, help="id unit (untuk keputusan)")
        parser.add_argument("--periode", type=int, help="id periode (bawaan: terbaru)")
        parser.add_argument("--tahun", type=int, help="tahun (untuk lakip)")
        parser.add_argument("--out", required=True, help="berkas PDF keluaran")

    def handle(self, *args, **options):
        html = import_string(dokumen_cetak()[options["jenis"]])(options)
        out = Path(options["out"])
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(render_pdf(html))
        self.stdout.write(self.style.SUCCESS(f"{options['jenis']} ditulis ke {out}"))
