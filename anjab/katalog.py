"""Screens for the reference catalogues: everyone reads the national rows; an Admin
Instansi adds, edits and removes its own instansi's rows."""

from django.contrib import messages
from django.db.models import ProtectedError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from anjab import models as m
from anjab import services
from anjab.forms_katalog import katalog_form
from anjab.selectors import katalog_for_user, katalog_milik_for_user, tabel_evaluasi_aktif
from organisasi.akses import wajib_admin_instansi
from organisasi.decorators import akses_wajib

KATALOG = {
    "bakat-kerja": (m.BakatKerja, []),
    "temperamen-kerja": (m.TemperamenKerja, ["singkatan"]),
    "minat-kerja": (m.MinatKerja, ["sistem"]),
    "fungsi-pekerjaan": (m.FungsiPekerjaan, ["kelompok"]),
    "upaya-fisik": (m.UpayaFisik, []),
    "kondisi-lingkungan": (m.AspekLingkungan, []),
    "jabatan-pelaksana": (m.JabatanPelaksanaRef, ["klasifikasi", "pendidikan_minimal", "kelas"]),
    "jabatan-fungsional": (m.JabatanFungsionalRef, ["kategori", "instansi_pembina"]),
}


def _katalog(slug):
    if slug not in KATALOG:
        raise Http404
    return KATALOG[slug]


def _jumlah_jabatan(terlindung) -> int:
    """How many positions hold the rows that keep a catalogue row from being deleted: the
    positions themselves (jabatan pelaksana/fungsional) or their section-13 rows."""
    return len({o.pk if isinstance(o, m.Jabatan) else o.jabatan_id for o in terlindung})


@akses_wajib
def katalog_index(request):
    daftar = [
        (slug, model._meta.verbose_name_plural, katalog_for_user(model, request.user).count())
        for slug, (model, _extra) in KATALOG.items()
    ]
    tabel = tabel_evaluasi_aktif()
    faktor = []
    if tabel is not None:
        faktor = list(tabel.faktor.prefetch_related("level").order_by("jenis", "urutan"))
    return render(
        request,
        "anjab/katalog_index.html",
        {"daftar": daftar, "tabel": tabel, "faktor": faktor,
         "kelas": list(tabel.kelas.all()) if tabel else []},
    )  # fmt: skip


@akses_wajib
@require_http_methods(["GET", "POST"])
def katalog_daftar(request, slug):
    model, extra = _katalog(slug)
    rows = katalog_for_user(model, request.user)
    form = None
    if request.akses.admin_instansi and request.akses.instansi_id is not None:
        form = katalog_form(model, extra)(request.POST if request.method == "POST" else None)
        if request.method == "POST" and form.is_valid():
            obj = services.katalog_create(
                model=model, instansi_id=request.akses.instansi_id, nilai=form.cleaned_data
            )
            messages.success(
                request,
                _("“%(obj)s” ditambahkan ke %(katalog)s.")
                % {"obj": obj, "katalog": model._meta.verbose_name},
            )
            return redirect("anjab:katalog_daftar", slug=slug)
    elif request.method == "POST":
        wajib_admin_instansi(request.akses)
    return render(
        request,
        "anjab/katalog_daftar.html",
        {"slug": slug, "judul": model._meta.verbose_name_plural, "rows": rows, "form": form},
    )


@akses_wajib
@require_http_methods(["GET", "POST"])
def katalog_ubah(request, slug, pk):
    model, extra = _katalog(slug)
    wajib_admin_instansi(request.akses)
    # Only the instansi's own rows are editable; national rows are the regulation's.
    obj = get_object_or_404(katalog_milik_for_user(model, request.user), pk=pk)
    form = katalog_form(model, extra)(
        request.POST if request.method == "POST" else None, instance=obj
    )
    if request.method == "POST":
        if "hapus" in request.POST:
            try:
                services.katalog_delete(row=obj)
            except ProtectedError as e:
                messages.error(
                    request,
                    _("“%(obj)s” masih dipakai oleh %(jumlah)d jabatan; tidak ada yang dihapus.")
                    % {"obj": obj, "jumlah": _jumlah_jabatan(e.protected_objects)},
                )
                return redirect("anjab:katalog_ubah", slug=slug, pk=obj.pk)
            messages.success(request, _("“%(obj)s” dihapus.") % {"obj": obj})
            return redirect("anjab:katalog_daftar", slug=slug)
        if form.is_valid():
            services.katalog_update(row=obj, nilai=form.cleaned_data)
            messages.success(request, _("“%(obj)s” disimpan.") % {"obj": obj})
            return redirect("anjab:katalog_daftar", slug=slug)
    return render(
        request,
        "anjab/katalog_ubah.html",
        {"slug": slug, "judul": model._meta.verbose_name_plural, "form": form, "obj": obj},
    )
