"""render_document <jenis> (--jabatan <id> | --unit <id> [--periode <id>] | --tahun <n>) --out F

Renders a document to F from the command line: PDF for F.pdf, another format (F.xlsx) where the
document's app offers it (for admins and automation); an app may also name its own PDF writer
(the decree, laid out in parts). Each app names
the documents it prints in its AppConfig (`dokumen_cetak`: kind → dotted path of a function
taking the command's options and returning HTML), so this command depends on no app above
organisasi."""

from pathlib import Path

from django.apps import apps
from django.core.management.base import BaseCommand, CommandError
from django.utils.module_loading import import_string

from config.dokumen import render_pdf


def dokumen_berkas() -> dict[str, dict[str, str]]:
    """Formats other than PDF: kind → file extension → dotted path of a function taking the
    command's options and returning the file's bytes (AppConfig.dokumen_berkas)."""
    hasil: dict[str, dict[str, str]] = {}
    for config in apps.get_app_configs():
        for jenis, format_ in getattr(config, "dokumen_berkas", {}).items():
            hasil.setdefault(jenis, {}).update(format_)
    return hasil


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
        parser.add_argument(
            "--out", required=True, help="berkas keluaran; formatnya menurut akhiran (.pdf, …)"
        )

    def handle(self, *args, **options):
        jenis = options["jenis"]
        out = Path(options["out"])
        akhiran = out.suffix.lower()
        format_ = dokumen_berkas().get(jenis, {})
        if akhiran in format_:
            isi = import_string(format_[akhiran])(options)
        elif akhiran == ".pdf":
            isi = render_pdf(import_string(dokumen_cetak()[jenis])(options))
        else:
            tersedia = ", ".join([".pdf", *sorted(set(format_) - {".pdf"})])
            raise CommandError(
                f"{jenis} tidak dapat ditulis sebagai {akhiran or 'berkas tanpa akhiran'}; "
                f"pilih {tersedia}."
            )
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(isi)
        self.stdout.write(self.style.SUCCESS(f"{options['jenis']} ditulis ke {out}"))
