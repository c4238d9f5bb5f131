"""The documents of kinerja as HTML, for the browser and for PDF (config.dokumen)."""

from django.template.loader import render_to_string

from kinerja.laporan import konteks_lakip
from kinerja.models import PerjanjianKinerja, Renstra


def lakip_html(renstra: Renstra, tahun: int, request=None) -> str:
    """The LAKIP as HTML; with `request` (shown in the browser) its <style> gets the CSP nonce."""
    return render_to_string("kinerja/dokumen/lakip.html", konteks_lakip(renstra, tahun), request)


def perjanjian_html(perjanjian: PerjanjianKinerja) -> str:
    """The signed form of a Perjanjian Kinerja with its indikator and program rows."""
    unit = perjanjian.renstra.unit
    return render_to_string(
        "kinerja/dokumen/perjanjian_kinerja.html",
        {
            "pk": perjanjian,
            "unit": unit,
            "instansi": unit.instansi,
            "indikator": perjanjian.indikator.select_related("indikator__sasaran"),
            "program": perjanjian.program.select_related("program"),
        },
    )
