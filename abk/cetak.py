"""The documents render_document prints for abk (named in AbkConfig.dokumen_cetak)."""

from django.core.management.base import CommandError

from abk import documents as abk_documents
from abk.services import keputusan_get_or_create
from anjab.models import PeriodeAnalisis
from anjab.selectors import periode_terbaru
from config.dokumen_word import render_docx
from organisasi.models import UnitOrganisasi


def keputusan(options) -> str:
    periode, unit = _periode_unit(options)
    return abk_documents.keputusan_html(keputusan_get_or_create(periode=periode, unit=unit))


def _periode_unit(options):
    if options["unit"] is None:
        raise CommandError("--unit <id> wajib untuk dokumen ini.")
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
    return periode, unit


def keputusan_pdf(options) -> bytes:
    """The decree laid out a part at a time, as the app prints it: memory bounded by the
    largest position, not by the unit's size."""
    periode, unit = _periode_unit(options)
    return abk_documents.keputusan_pdf(keputusan_get_or_create(periode=periode, unit=unit))


def peta_jabatan(options) -> str:
    """The peta jabatan chart of the unit and everything under it, as /abk/peta.pdf prints it."""
    from abk import rekap_simpan

    periode, unit = _periode_unit(options)
    return abk_documents.peta_jabatan_html(
        rekap_simpan.rekap_unit(periode, unit, periksa=False), untuk_cetak=True
    )


def laporan_koreksi(options) -> str:
    from abk.koreksi import laporan_koreksi as laporan

    return abk_documents.laporan_koreksi_html(laporan(*_periode_unit(options)))


def laporan_koreksi_xlsx(options) -> bytes:
    from abk.ekspor import laporan_koreksi_xlsx as xlsx
    from abk.koreksi import laporan_koreksi as laporan

    return xlsx(laporan(*_periode_unit(options)))


def keputusan_docx(options) -> bytes:
    return render_docx(keputusan(options))


def laporan_koreksi_docx(options) -> bytes:
    return render_docx(laporan_koreksi(options))
