"""python manage.py render_document <kind> --jabatan <id> --out file.pdf

Renders a document to PDF from the command line (for admins and automation). Other apps add
their kinds to DOKUMEN below as they are built."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from anjab import documents
from anjab.models import Jabatan


def _jabatan(options) -> Jabatan:
    if options["jabatan"] is None:
        raise CommandError("--jabatan <id> wajib untuk dokumen ini.")
    try:
        return Jabatan.objects.get(pk=options["jabatan"])
    except Jabatan.DoesNotExist:
        raise CommandError(f"Jabatan dengan id {options['jabatan']} tidak ditemukan.") from None


DOKUMEN = {
    "informasi-jabatan": lambda o: documents.informasi_jabatan_html(_jabatan(o)),
    "evaluasi-jabatan": lambda o: documents.evaluasi_jabatan_html(_jabatan(o)),
}


class Command(BaseCommand):
    help = "Mencetak dokumen ke PDF: " + ", ".join(DOKUMEN)

    def add_arguments(self, parser):
        parser.add_argument("jenis", choices=sorted(DOKUMEN), help="jenis dokumen")
        parser.add_argument("--jabatan", type=int, help="id (primary key) jabatan")
        parser.add_argument("--out", required=True, help="berkas PDF keluaran")

    def handle(self, *args, **options):
        html = DOKUMEN[options["jenis"]](options)
        out = Path(options["out"])
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(documents.render_pdf(html))
        self.stdout.write(self.style.SUCCESS(f"{options['jenis']} ditulis ke {out}"))
