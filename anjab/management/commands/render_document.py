"""render_document <jenis> (--jabatan <id> | --unit <id> [--periode <id>]) --out f.pdf

Renders a document to PDF from the command line (for admins and automation). Other apps add
their kinds to DOKUMEN below as they are built."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from anjab import documents
from anjab.models import Jabatan
from config.dokumen import render_pdf


def _jabatan(options) -> Jabatan:
    if options["jabatan"] is None:
        raise CommandError("--jabatan <id> wajib untuk dokumen ini.")
    try:
        return Jabatan.objects.get(pk=options["jabatan"])
    except Jabatan.DoesNotExist:
        raise CommandError(f"Jabatan dengan id {options['jabatan']} tidak ditemukan.") from None


def _keputusan(options) -> str:
    from abk import documents as abk_documents
    from abk.models import PeriodeAnalisis
    from abk.selectors import periode_terbaru
    from abk.services import keputusan_untuk
    from organisasi.models import UnitOrganisasi

    if options["unit"] is None:
        raise CommandError("--unit <id> wajib untuk keputusan.")
    unit = UnitOrganisasi.objects.filter(pk=options["unit"]).first()
    if unit is None:
        raise CommandError(f"Unit dengan id {options['unit']} tidak ditemukan.")
    if options["periode"]:
        periode = PeriodeAnalisis.objects.filter(
            pk=options["periode"], instansi_id=unit.instansi_id
        ).first()
        if periode is None:
            raise CommandError(f"Periode {options['periode']} bukan milik instansi unit ini.")
    else:
        periode = periode_terbaru(unit.instansi_id)
        if periode is None:
            raise CommandError("Instansi unit ini belum mempunyai periode analisis.")
    return abk_documents.keputusan_html(keputusan_untuk(periode=periode, unit=unit))


def _lakip(options) -> str:
    from kinerja.selectors import renstra_tahun
    from kinerja.views import lakip_html

    if options["unit"] is None or options["tahun"] is None:
        raise CommandError("--unit <id> dan --tahun wajib untuk lakip.")
    renstra = renstra_tahun(options["unit"], options["tahun"])
    if renstra is None:
        raise CommandError(
            f"Unit {options['unit']} tidak mempunyai Renstra yang mencakup {options['tahun']}."
        )
    return lakip_html(renstra, options["tahun"])


DOKUMEN = {
    "informasi-jabatan": lambda o: documents.informasi_jabatan_html(_jabatan(o)),
    "evaluasi-jabatan": lambda o: documents.evaluasi_jabatan_html(_jabatan(o)),
    "keputusan": _keputusan,
    "lakip": _lakip,
}


class Command(BaseCommand):
    help = "Mencetak dokumen ke PDF: " + ", ".join(DOKUMEN)

    def add_arguments(self, parser):
        parser.add_argument("jenis", choices=sorted(DOKUMEN), help="jenis dokumen")
        parser.add_argument("--jabatan", type=int, help="id (primary key) jabatan")
        parser.add_argument("--unit", type=int, help="id unit (untuk keputusan)")
        parser.add_argument("--periode", type=int, help="id periode (bawaan: terbaru)")
        parser.add_argument("--tahun", type=int, help="tahun (untuk lakip)")
        parser.add_argument("--out", required=True, help="berkas PDF keluaran")

    def handle(self, *args, **options):
        html = DOKUMEN[options["jenis"]](options)
        out = Path(options["out"])
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(render_pdf(html))
        self.stdout.write(self.style.SUCCESS(f"{options['jenis']} ditulis ke {out}"))
