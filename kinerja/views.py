from django.contrib import messages
from django.db.models import Max
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from config.dokumen import pdf_response
from kinerja import forms as f
from kinerja import selectors, services
from kinerja.documents import lakip_html, perjanjian_html
from kinerja.laporan import hitung_capaian, konteks_lakip
from kinerja.models import Indikator, PerjanjianKinerja
from organisasi.akses import wajib_menulis
from organisasi.decorators import akses_wajib
from organisasi.http import int_or_404
from organisasi.versi import DataBerubah, periksa_versi, versi_dikirim


def _tahun_bawaan(renstra) -> int:
    """The year a Renstra opens on: the latest year it has a Perjanjian Kinerja for, else
    this year, kept inside the Renstra's period."""
    terakhir = renstra.perjanjian_kinerja.filter(
        tahun__range=(renstra.tahun_awal, renstra.tahun_akhir)
    ).aggregate(tahun=Max("tahun"))["tahun"]
    if terakhir is not None:
        return terakhir
    return min(max(timezone.localdate().year, renstra.tahun_awal), renstra.tahun_akhir)


def _tahun(request, renstra) -> int:
    tahun = int_or_404(request.GET.get("tahun") or 0)
    if not tahun:
        return _tahun_bawaan(renstra)
    if tahun not in renstra.tahun:
        raise Http404("Tahun di luar periode Renstra.")
    return tahun


@akses_wajib
def daftar(request):
    return render(
        request,
        "kinerja/daftar.html",
        {
            "daftar": selectors.renstra_for_user(request.user),
            "boleh_menulis": request.akses.boleh_menulis,
        },
    )


@akses_wajib
def renstra(request, pk):
    r = selectors.get_renstra_for_user(request.user, pk)
    tahun = _tahun(request, r)
    konteks = konteks_lakip(r, tahun)
    konteks["boleh_menulis"] = request.akses.boleh_menulis
    konteks["semua_pk"] = PerjanjianKinerja.objects.filter(renstra=r).order_by("-tahun", "jenis")
    return render(request, "kinerja/renstra.html", konteks)


@akses_wajib
@require_POST
def realisasi_simpan(request, pk, indikator_pk):
    """htmx: stores one realisation and answers the row with the recomputed capaian."""
    r = selectors.get_renstra_for_user(request.user, pk)
    wajib_menulis(request.akses)
    indikator = get_object_or_404(Indikator, pk=indikator_pk, sasaran__tujuan__renstra=r)
    form = f.RealisasiForm(request.POST)
    galat = None
    if form.is_valid() and form.cleaned_data["tahun"] in r.tahun:
        services.realisasi_set(
            indikator=indikator,
            tahun=form.cleaned_data["tahun"],
            triwulan=form.cleaned_data["triwulan"],
            nilai=form.cleaned_data["nilai"],
        )
    else:
        galat = _("Realisasi harus berupa angka, misalnya 80,09.")
    tahun = form.cleaned_data.get("tahun") if form.is_valid() else _tahun(request, r)
    baris = next(
        (b for b in hitung_capaian(r, tahun).baris if b.indikator.pk == indikator.pk), None
    )
    if baris is None:
        raise Http404("Indikator ini tidak ada pada Perjanjian Kinerja tahun ini.")
    return render(
        request,
        "kinerja/fragment_baris_capaian.html",
        {"b": baris, "renstra": r, "tahun": tahun, "galat": galat, "boleh_menulis": True},
    )


@akses_wajib
@require_http_methods(["GET", "POST"])
def lakip(request, pk, tahun):
    r = selectors.get_renstra_for_user(request.user, pk)
    if tahun not in r.tahun:
        raise Http404
    obj, sasaran, analisis = selectors.narasi_lakip(r, tahun)
    form = f.LakipForm(
        request.POST if request.method == "POST" else None,
        instance=obj,
        sasaran=sasaran,
        analisis=analisis,
    )
    versi = versi_dikirim(request.POST) if request.method == "POST" else obj.versi
    status = 200
    if request.method == "POST":
        wajib_menulis(request.akses)
        try:
            if obj.pk:
                periksa_versi(obj, versi)
            if form.is_valid():
                services.lakip_set(
                    renstra=r,
                    tahun=tahun,
                    nilai=form.nilai(),
                    analisis=form.analisis(),
                    versi=versi,
                )
                messages.success(request, _("Narasi LAKIP %(tahun)s disimpan.") % {"tahun": tahun})
                return redirect("kinerja:lakip", pk=r.pk, tahun=tahun)
        except DataBerubah as e:
            messages.error(request, " ".join(e.messages))
            status = 409
    return render(
        request,
        "kinerja/lakip.html",
        {"renstra": r, "tahun": tahun, "form": form, "versi": versi if obj.pk else None},
        status=status,
    )


@akses_wajib
def lakip_dokumen(request, pk, tahun, format="html"):
    r = selectors.get_renstra_for_user(request.user, pk)
    if tahun not in r.tahun:
        raise Http404
    if format == "pdf":
        return pdf_response(lakip_html(r, tahun), f"lakip-{tahun}-{r.unit_id}.pdf")
    return HttpResponse(lakip_html(r, tahun, request=request))


@akses_wajib
def pk_dokumen(request, pk, pk_id):
    r = selectors.get_renstra_for_user(request.user, pk)
    perjanjian = get_object_or_404(
        PerjanjianKinerja.objects.select_related("renstra__unit__instansi"), pk=pk_id, renstra=r
    )
    return pdf_response(perjanjian_html(perjanjian), f"perjanjian-kinerja-{perjanjian.tahun}.pdf")
