"""The documents render_document prints for anjab (named in AnjabConfig.dokumen_cetak)."""

from django.core.management.base import CommandError

from anjab import documents
from anjab.models import Jabatan
from config.dokumen_word import render_docx


def _jabatan(options) -> Jabatan:
    if options["jabatan"] is None:
        raise CommandError("--jabatan <id> wajib untuk dokumen ini.")
    try:
        return Jabatan.objects.get(pk=options["jabatan"])
    except Jabatan.DoesNotExist:
        raise CommandError(f"Jabatan dengan id {options['jabatan']} tidak ditemukan.") from None


def informasi_jabatan(options) -> str:
    return documents.informasi_jabatan_html(_jabatan(options))


def evaluasi_jabatan(options) -> str:
    return documents.evaluasi_jabatan_html(_jabatan(options))


def informasi_jabatan_docx(options) -> bytes:
    return render_docx(informasi_jabatan(options))
