"""Screens where the planning officer records the Renstra, its budgets and the yearly
Perjanjian Kinerja. Every object is reached through the Renstra the user may see."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import ProtectedError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from kinerja import forms as f
from kinerja import selectors, services
from kinerja.models import (
    Indikator,
    Kegiatan,
    PerjanjianKinerja,
    Program,
    Sasaran,
    Tujuan,
)
from organisasi.akses import wajib_menulis
from organisasi.decorators import akses_wajib
from organisasi.forms import UnitChoiceField, pilihan_unit_bertingkat
from organisasi.http import int_or_404
from organisasi.selectors import unit_tree, units_for_user
from organisasi.versi import DataBerubah, periksa_versi, versi_dikirim

# kind in the URL → (form, objects of a Renstra, label)
BAGIAN = {
    "tujuan": (f.TujuanForm, lambda r: Tujuan.objects.filter(renstra=r), gettext_lazy("tujuan")),
    "sasaran": (
        f.SasaranForm,
        lambda r: Sasaran.objects.filter(tujuan__renstra=r),
        gettext_lazy("sasaran strategis"),
    ),
    "indikator": (
        f.IndikatorForm,
        lambda r: Indikator.objects.filter(sasaran__tujuan__renstra=r),
        gettext_lazy("indikator kinerja"),
    ),
    "program": (
        f.ProgramForm,
        lambda r: Program.objects.filter(renstra=r),
        gettext_lazy("program"),
    ),
    "kegiatan": (
        f.KegiatanForm,
        lambda r: Kegiatan.objects.filter(program__renstra=r),
        gettext_lazy("kegiatan"),
    ),
}


def _pilihan_unit(request, field) -> None:
    """The units the user may see, in tree order, for a unit field (if the form has one)."""
    if isinstance(field, UnitChoiceField):
        pilihan_unit_bertingkat(field, unit_tree(request.user), units_for_user(request.user))


def _url_struktur(r):
    return reverse("kinerja:struktur", args=[r.pk])


@akses_wajib
@require_http_methods(["GET", "POST"])
def renstra_form(request, pk=None):
    r = selectors.get_renstra_for_user(request.user, pk) if pk else None
    if request.method == "POST":
        wajib_menulis(request.akses)
    form = f.RenstraForm(request.POST if request.method == "POST" else None, instance=r)
    _pilihan_unit(request, form.fields["unit"])
    versi = versi_dikirim(request.POST) if request.method == "POST" else getattr(r, "versi", None)
    status = 200
    if request.method == "POST":
        try:
            if r is not None:
                periksa_versi(r, versi)
            if form.is_valid():
                if r is None:
                    r = services.renstra_create(nilai=form.nilai())
                else:
                    services.renstra_update(renstra=r, nilai=form.nilai(), versi=versi)
                messages.success(request, _("Renstra disimpan."))
                return redirect("kinerja:struktur", pk=r.pk)
        except DataBerubah as e:
            messages.error(request, " ".join(e.messages))
            status = 409
    return render(
        request,
        "kinerja/form.html",
        {
            "form": form,
            "judul": _("Ubah Renstra") if r else _("Renstra baru"),
            "kembali": _url_struktur(r) if r else reverse("kinerja:daftar"),
            "versi": versi,
        },
        status=status,
    )


@akses_wajib
@require_GET
def struktur(request, pk):
    r = selectors.get_renstra_for_user(request.user, pk)
    tujuan = Tujuan.objects.filter(renstra=r).prefetch_related("sasaran__indikator__target")
    program = (
        Program.objects.filter(renstra=r)
        .select_related("sasaran", "unit_penanggung_jawab")
        .prefetch_related("kegiatan")
    )
    return render(
        request,
        "kinerja/struktur.html",
        {
            "renstra": r,
            "tujuan": tujuan,
            "program": program,
            "boleh_menulis": request.akses.boleh_menulis,
            "semua_pk": PerjanjianKinerja.objects.filter(renstra=r).order_by("-tahun", "jenis"),
        },
    )


@akses_wajib
@require_http_methods(["GET", "POST"])
def bagian_form(request, pk, jenis, obj_pk=None):
    r = selectors.get_renstra_for_user(request.user, pk)
    if jenis not in BAGIAN:
        raise Http404
    form_class, objek, label = BAGIAN[jenis]
    obj = get_object_or_404(objek(r), pk=obj_pk) if obj_pk else None
    kwargs = {"renstra": r, "instance": obj}
    if request.method == "POST":
        wajib_menulis(request.akses)
        if "hapus" in request.POST and obj:
            try:
                services.bagian_delete(bagian=obj)
            except ProtectedError:
                messages.error(
                    request,
                    _(
                        "%(label)s ini masih dipakai pada Perjanjian Kinerja; hapus dahulu dari "
                        "Perjanjian Kinerja."
                    )
                    % {"label": label.capitalize()},
                )
                return redirect(request.path)
            messages.success(request, _("%(label)s dihapus.") % {"label": label.capitalize()})
            return redirect("kinerja:struktur", pk=r.pk)
        form = form_class(request.POST, **kwargs)
        _pilihan_unit(request, form.fields.get("unit_penanggung_jawab"))
        if form.is_valid():
            _simpan_bagian(r, obj, form)
            messages.success(request, _("%(label)s disimpan.") % {"label": label.capitalize()})
            return redirect("kinerja:struktur", pk=r.pk)
    else:
        initial = {}
        for induk in ["tujuan", "sasaran", "program"]:
            if request.GET.get(induk):
                initial[induk] = int_or_404(request.GET[induk])
        form = form_class(initial=initial, **kwargs)
        _pilihan_unit(request, form.fields.get("unit_penanggung_jawab"))
    return render(
        request,
        "kinerja/form.html",
        {
            "form": form,
            "judul": (_("Ubah %(label)s") if obj else _("Tambah %(label)s")) % {"label": label},
            "kembali": _url_struktur(r),
            "boleh_hapus": obj is not None and request.akses.boleh_menulis,
        },
    )


def _simpan_bagian(r, obj, form) -> None:
    if isinstance(form, f.IndikatorForm):
        if obj is None:
            services.indikator_create(nilai=form.nilai(), target=form.target())
        else:
            services.indikator_update(indikator=obj, nilai=form.nilai(), target=form.target())
    elif obj is None:
        services.bagian_create(renstra=r, model=type(form.instance), nilai=form.nilai())
    else:
        services.bagian_update(bagian=obj, nilai=form.nilai())


@akses_wajib
@require_http_methods(["GET", "POST"])
def anggaran(request, pk, tahun):
    r = selectors.get_renstra_for_user(request.user, pk)
    if tahun not in r.tahun:
        raise Http404("Tahun di luar periode Renstra.")
    if request.method == "POST":
        wajib_menulis(request.akses)
    formset = f.AnggaranFormSetFactory(
        request.POST if request.method == "POST" else None, renstra=r, tahun=tahun
    )
    if request.method == "POST" and formset.is_valid():
        services.anggaran_set(tahun=tahun, baris=f.baris_berubah(formset))
        messages.success(request, _("Anggaran %(tahun)s disimpan.") % {"tahun": tahun})
        return redirect(reverse("kinerja:renstra", args=[r.pk]) + f"?tahun={tahun}")
    return render(
        request, "kinerja/anggaran.html", {"renstra": r, "tahun": tahun, "formset": formset}
    )


@akses_wajib
@require_POST
def perjanjian_susun(request, pk):
    r = selectors.get_renstra_for_user(request.user, pk)
    wajib_menulis(request.akses)
    tahun = int_or_404(request.POST.get("tahun"))
    try:
        baru = services.perjanjian_compose(renstra=r, tahun=tahun)
    except ValidationError as e:
        messages.error(request, " ".join(e.messages))
        return redirect("kinerja:struktur", pk=r.pk)
    messages.success(
        request, _("Perjanjian Kinerja %(tahun)s disusun dari target Renstra.") % {"tahun": tahun}
    )
    return redirect("kinerja:perjanjian", pk=r.pk, pk_id=baru.pk)


@akses_wajib
@require_POST
def perjanjian_perubahan(request, pk, pk_id):
    r = selectors.get_renstra_for_user(request.user, pk)
    wajib_menulis(request.akses)
    asal = get_object_or_404(PerjanjianKinerja, pk=pk_id, renstra=r)
    baru = services.perjanjian_revise(perjanjian=asal)
    messages.success(
        request,
        _("Perjanjian Kinerja Perubahan %(tahun)s dibuat; yang asli tetap tersimpan.")
        % {"tahun": baru.tahun},
    )
    return redirect("kinerja:perjanjian", pk=r.pk, pk_id=baru.pk)


@akses_wajib
@require_http_methods(["GET", "POST"])
def perjanjian(request, pk, pk_id):
    r = selectors.get_renstra_for_user(request.user, pk)
    obj = get_object_or_404(PerjanjianKinerja, pk=pk_id, renstra=r)
    data = request.POST if request.method == "POST" else None
    form = f.PerjanjianForm(data, instance=obj)
    target = f.TargetPKFormSet(
        data,
        instance=obj,
        prefix="target",
        renstra=r,
        queryset=obj.indikator.select_related("indikator__sasaran"),
    )
    program = f.AnggaranPKFormSet(
        data,
        instance=obj,
        prefix="program",
        renstra=r,
        queryset=obj.program.select_related("program"),
    )
    versi = versi_dikirim(request.POST) if request.method == "POST" else obj.versi
    status = 200
    if request.method == "POST":
        wajib_menulis(request.akses)
        try:
            # Refused before the rows are validated: rows removed by the other save would
            # otherwise show as errors instead of the reason.
            periksa_versi(obj, versi)
            if form.is_valid() and target.is_valid() and program.is_valid():
                services.perjanjian_update(
                    perjanjian=obj,
                    versi=versi,
                    nilai=form.cleaned_data,
                    target=f.baris_berubah(target),
                    program=f.baris_berubah(program),
                )
                messages.success(
                    request,
                    _("%(jenis)s %(tahun)s disimpan.")
                    % {"jenis": obj.get_jenis_display(), "tahun": obj.tahun},
                )
                return redirect("kinerja:perjanjian", pk=r.pk, pk_id=obj.pk)
        except DataBerubah as e:
            messages.error(request, " ".join(e.messages))
            status = 409
    return render(
        request,
        "kinerja/perjanjian.html",
        {
            "renstra": r,
            "pk": obj,
            "form": form,
            "target": target,
            "program": program,
            "boleh_menulis": request.akses.boleh_menulis,
            "versi": versi,
        },
        status=status,
    )
