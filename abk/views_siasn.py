"""The SIASN Anjab workbook from the browser: one position's INFOJAB workbook (with the report
of what SIASN has no label for), or a unit's positions as a zip."""

import re

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render

from abk.ekspor_siasn import siasn_xlsx, siasn_zip
from abk.views import TanpaPeriode, periode_wajib, pilihan_laporan
from anjab import selectors as anjab_selectors
from anjab.selectors import get_jabatan_for_user
from organisasi.decorators import akses_wajib
from organisasi.http import int_or_404

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _periode_jabatan(request, jabatan):
    qs = anjab_selectors.periode_for_user(request.user).filter(instansi_id=jabatan.instansi_id)
    if request.GET.get("periode"):
        return get_object_or_404(qs, pk=int_or_404(request.GET["periode"]))
    periode = qs.order_by("-tahun", "-pk").first()
    if periode is None:
        raise TanpaPeriode
    return periode


def _nama_berkas(teks: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "_", teks).strip("_")[:80] or "jabatan"


@akses_wajib
@periode_wajib
def siasn_jabatan(request, pk):
    """GET shows what the export leaves out; ?unduh=1 downloads the workbook."""
    jabatan = get_jabatan_for_user(request.user, pk)
    periode = _periode_jabatan(request, jabatan)
    isi, laporan = siasn_xlsx(jabatan, periode)
    if request.GET.get("unduh"):
        response = HttpResponse(isi, content_type=XLSX)
        nama = _nama_berkas(f"infojab_{jabatan.kode or jabatan.pk}_{jabatan.nama}")
        response["Content-Disposition"] = f'attachment; filename="{nama}.xlsx"'
        return response
    return render(
        request,
        "abk/siasn_jabatan.html",
        {"jabatan": jabatan, "periode": periode, "laporan": laporan},
    )


@akses_wajib
@periode_wajib
def siasn_unit(request):
    periode, unit = pilihan_laporan(request)
    if unit is None:
        raise Http404("Pilih unit yang diekspor.")
    isi, _laporan = siasn_zip(unit, periode)
    response = HttpResponse(isi, content_type="application/zip")
    nama = _nama_berkas(f"siasn_{unit.nama}_{periode.nama}")
    response["Content-Disposition"] = f'attachment; filename="{nama}.zip"'
    return response
