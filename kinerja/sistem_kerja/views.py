"""Screens of the sistem kerja (seed 003): tim kerja, their members, the instansi's rule values
and the instrument that establishes a team (HTML preview and PDF)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from config.dokumen import pdf_response
from kinerja.models import AturanSistemKerja, IndikatorPK, Lingkup, Penugasan, TimKerja
from kinerja.selectors import renstra_for_user
from kinerja.sistem_kerja import selectors, services
from kinerja.sistem_kerja.documents import instrumen_html, nama_instrumen
from kinerja.sistem_kerja.forms import AturanForm, PenugasanForm, TimForm
from organisasi import selectors as org_selectors
from organisasi.akses import wajib_admin_instansi, wajib_menulis
from organisasi.decorators import akses_wajib
from organisasi.forms import pilihan_unit_bertingkat
from organisasi.http import errors_to_form, instansi_kerja
from organisasi.models import Pegawai


@akses_wajib
def daftar(request):
    tim = (
        selectors.tim_for_user(request.user)
        .select_related("unit", "instansi")
        .annotate(jumlah_anggota=Count("penugasan"))
    )
    return render(
        request,
        "kinerja/tim/daftar.html",
        {
            "daftar": tim,
            "boleh_menulis": request.akses.boleh_menulis,
            "boleh_aturan": request.akses.admin_instansi,
            "dasar_hukum": (
                AturanSistemKerja.untuk(request.akses.instansi_id).dasar_hukum
                if request.akses.instansi_id
                else ""
            ),
        },
    )


def _form_tim(request, tim: TimKerja) -> TimForm:
    nodes = org_selectors.unit_tree(request.user)
    # Only the performance indicators of the units the user may see (an Operator's subtree).
    indikator = (
        IndikatorPK.objects.filter(perjanjian__renstra__in=renstra_for_user(request.user))
        .select_related("perjanjian__renstra__unit", "indikator")
        .order_by("-perjanjian__tahun", "perjanjian__renstra__unit__nama", "urutan")
    )
    form = TimForm(
        request.POST if request.method == "POST" else None,
        instance=tim,
        units=org_selectors.units_for_user(request.user).filter(pk__in=[n.pk for n in nodes]),
        indikator=indikator,
        pegawai=org_selectors.pegawai_for_user(request.user),
    )
    pilihan_unit_bertingkat(form.fields["unit"], nodes, form.fields["unit"].queryset)
    return form


@akses_wajib
@require_http_methods(["GET", "POST"])
def tim_ubah(request, pk=None):
    tim = TimKerja() if pk is None else selectors.get_tim_for_user(request.user, pk)
    wajib_menulis(request.akses)
    form = _form_tim(request, tim)
    if request.method == "POST" and form.is_valid():
        try:
            if pk is None:
                tim = services.tim_create(**form.cleaned_data)
            else:
                services.tim_update(tim=tim, **form.cleaned_data)
        except ValidationError as e:
            errors_to_form(form, e)
        else:
            messages.success(request, f"{tim.nama} disimpan.")
            return redirect("tim:detail", pk=tim.pk)
    judul = "Tim kerja baru" if pk is None else f"Ubah {tim.nama}"
    return render(request, "kinerja/tim/tim_form.html", {"form": form, "tim": tim, "judul": judul})


@akses_wajib
def detail(request, pk):
    tim = selectors.get_tim_for_user(request.user, pk)
    return render(
        request,
        "kinerja/tim/detail.html",
        {
            "tim": tim,
            "anggota": selectors.anggota_tim(tim),
            "aturan": AturanSistemKerja.untuk(tim.instansi_id),
            "instrumen": nama_instrumen(tim),
            "pd_pemilik": selectors.perangkat_daerah(tim.unit),
            "Lingkup": Lingkup,
            "boleh_menulis": request.akses.boleh_menulis,
        },
    )


@akses_wajib
@require_http_methods(["GET", "POST"])
def tim_hapus(request, pk):
    tim = selectors.get_tim_for_user(request.user, pk)
    wajib_menulis(request.akses)
    if request.method == "POST":
        services.tim_delete(tim=tim)
        messages.success(request, f"{tim.nama} dihapus.")
        return redirect("tim:daftar")
    return render(request, "kinerja/tim/tim_hapus.html", {"tim": tim})


def _form_penugasan(request, penugasan: Penugasan) -> PenugasanForm:
    terlihat = org_selectors.pegawai_for_user(request.user).filter(
        instansi_id=penugasan.tim.instansi_id
    )
    # A member from outside an Operator's subtree stays choosable on his own assignment.
    pegawai = (
        Pegawai.objects.filter(Q(pk__in=terlihat.values("pk")) | Q(pk=penugasan.pegawai_id))
        .select_related("unit")
        .order_by("nama", "nip")
    )
    return PenugasanForm(
        request.POST if request.method == "POST" else None, instance=penugasan, pegawai=pegawai
    )


def _simpan_penugasan(request, form: PenugasanForm, penugasan: Penugasan):
    if not form.is_valid():
        return None
    try:
        if penugasan.pk is None:
            penugasan = services.penugasan_create(tim=penugasan.tim, **form.cleaned_data)
        else:
            services.penugasan_update(penugasan=penugasan, **form.cleaned_data)
    except ValidationError as e:
        errors_to_form(form, e)
        return None
    messages.success(request, f"Penugasan {penugasan.nama} disimpan.")
    return redirect("tim:detail", pk=penugasan.tim_id)


@akses_wajib
@require_http_methods(["GET", "POST"])
def anggota_tambah(request, pk):
    tim = selectors.get_tim_for_user(request.user, pk)
    wajib_menulis(request.akses)
    penugasan = Penugasan(tim=tim)
    form = _form_penugasan(request, penugasan)
    if request.method == "POST" and (response := _simpan_penugasan(request, form, penugasan)):
        return response
    return render(
        request,
        "kinerja/tim/penugasan_form.html",
        {"form": form, "tim": tim, "judul": f"Tambah anggota {tim.nama}"},
    )


@akses_wajib
@require_http_methods(["GET", "POST"])
def penugasan_ubah(request, pk):
    penugasan = selectors.get_penugasan_for_user(request.user, pk)
    wajib_menulis(request.akses)
    form = _form_penugasan(request, penugasan)
    if request.method == "POST" and (response := _simpan_penugasan(request, form, penugasan)):
        return response
    return render(
        request,
        "kinerja/tim/penugasan_form.html",
        {"form": form, "tim": penugasan.tim, "judul": f"Ubah penugasan {penugasan.nama}"},
    )


@akses_wajib
@require_http_methods(["GET", "POST"])
def penugasan_hapus(request, pk):
    penugasan = selectors.get_penugasan_for_user(request.user, pk)
    wajib_menulis(request.akses)
    if request.method == "POST":
        services.penugasan_delete(penugasan=penugasan)
        messages.success(request, f"{penugasan.nama} dikeluarkan dari {penugasan.tim.nama}.")
        return redirect("tim:detail", pk=penugasan.tim_id)
    return render(request, "kinerja/tim/penugasan_hapus.html", {"penugasan": penugasan})


@akses_wajib
def instrumen(request, pk, format="html"):
    tim = selectors.get_tim_for_user(request.user, pk)
    if format == "pdf":
        return pdf_response(instrumen_html(tim), f"instrumen-tim-{tim.pk}.pdf")
    return HttpResponse(instrumen_html(tim, request=request))


@akses_wajib
@require_http_methods(["GET", "POST"])
def aturan(request):
    wajib_admin_instansi(request.akses)
    instansi = instansi_kerja(
        request,
        judul=_("Aturan sistem kerja"),
        keterangan=_("Aturan sistem kerja berlaku per instansi. Pilih instansinya:"),
    )
    if isinstance(instansi, HttpResponse):
        return instansi
    aturan = AturanSistemKerja.untuk(instansi)
    form = AturanForm(request.POST if request.method == "POST" else None, instance=aturan)
    if request.method == "POST" and form.is_valid():
        try:
            services.aturan_update(aturan=aturan, **form.cleaned_data)
        except ValidationError as e:
            errors_to_form(form, e)
        else:
            messages.success(request, "Aturan sistem kerja disimpan.")
            return redirect(request.get_full_path())
    return render(
        request,
        "kinerja/tim/aturan.html",
        {"form": form, "instansi": instansi, "tersimpan": aturan.pk is not None},
    )
