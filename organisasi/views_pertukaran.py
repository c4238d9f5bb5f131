"""Unduh and Unggah of the flat resources (pegawai, unit organisasi, the instansi's own
catalogue rows) for an Admin Instansi: an xlsx of its instansi out; an xlsx or csv in, checked by
a dry run whose preview the user confirms. The admin offers the same resources to superusers."""

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

import tablib
from django import forms
from django.contrib import messages
from django.core import signing
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods

from organisasi import selectors, services_pertukaran
from organisasi.akses import wajib_admin_instansi
from organisasi.decorators import akses_wajib
from organisasi.models import UnitOrganisasi
from organisasi.resources import PegawaiResource, UnitResource
from organisasi.spreadsheets import (
    MAKS_UKURAN_BERKAS,
    MB,
    BerkasTidakSah,
    baca_berkas,
    dataset_xlsx,
)

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# How long a checked upload may wait for its confirmation.
BATAS_KONFIRMASI_DETIK = 60 * 60


@dataclass(frozen=True)
class Sumber:
    judul: str
    kembali: str  # the list the screen is opened from
    resource: type
    baris: Callable  # user → the rows to export
    impor: Callable  # (instansi=, dataset=, dry_run=) → HasilImpor


def _unit_berurutan(user):
    # Parents before their sub-units, so that the file re-imports top-down.
    return (
        UnitOrganisasi.objects.with_tree_fields()
        .order_siblings_by("urutan", "nama")
        .filter(pk__in=selectors.units_for_user(user).values("pk"))
    )


SUMBER = {
    "pegawai": Sumber(
        judul=gettext_lazy("pegawai"),
        kembali=reverse_lazy("organisasi:pegawai_list"),
        resource=PegawaiResource,
        baris=lambda user: selectors.pegawai_for_user(user).order_by("nama", "nip"),
        impor=services_pertukaran.pegawai_import,
    ),
    "unit": Sumber(
        judul=gettext_lazy("unit organisasi"),
        kembali=reverse_lazy("organisasi:unit_tree"),
        resource=UnitResource,
        baris=_unit_berurutan,
        impor=services_pertukaran.unit_import,
    ),
}


def daftarkan_sumber(jenis: str, sumber: Sumber) -> None:
    """Lets an app above organisasi offer its own flat resource on these screens (anjab adds
    its catalogues in AnjabConfig.ready), so organisasi imports none of them."""
    SUMBER[jenis] = sumber


class UnggahForm(forms.Form):
    berkas = forms.FileField(
        label=gettext_lazy("Berkas (.xlsx atau .csv)"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["berkas"].help_text = _(
            "Paling besar %(mb)s MB; baris pertama berisi judul kolom seperti pada berkas unduhan."
        ) % {"mb": MAKS_UKURAN_BERKAS // MB}


def _sumber_untuk(request, jenis) -> Sumber:
    wajib_admin_instansi(request.akses)
    if jenis not in SUMBER:
        raise Http404
    return SUMBER[jenis]


def _nilai_json(value):
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if value is None or isinstance(value, str | int | float | bool):
        return value
    return str(value)


def _garam(request, jenis) -> str:
    return f"organisasi.pertukaran:{jenis}:{request.user.pk}:{request.akses.instansi_id}"


def _bungkus(request, jenis, dataset: tablib.Dataset) -> str:
    """The checked rows, signed, for the confirmation form: what is confirmed is what was
    checked, and the import checks every row again anyway."""
    isi = {"h": list(dataset.headers), "r": [[_nilai_json(v) for v in b] for b in dataset]}
    return signing.dumps(isi, salt=_garam(request, jenis), compress=True)


def _buka(request, jenis, token: str) -> tablib.Dataset:
    try:
        isi = signing.loads(token, salt=_garam(request, jenis), max_age=BATAS_KONFIRMASI_DETIK)
        return tablib.Dataset(*[tuple(b) for b in isi["r"]], headers=isi["h"])
    except (signing.BadSignature, KeyError, TypeError, ValueError, json.JSONDecodeError):
        raise BerkasTidakSah(
            _("Hasil pemeriksaan sudah kedaluwarsa atau rusak; unggah ulang berkasnya.")
        ) from None


@akses_wajib
@require_http_methods(["GET", "POST"])
def pertukaran(request, jenis):
    sumber = _sumber_untuk(request, jenis)
    akses = request.akses
    instansi = (
        selectors.get_instansi_for_user(request.user, akses.instansi_id)
        if akses.instansi_id is not None
        else None
    )
    form, hasil, token = UnggahForm(), None, None
    if request.method == "POST":
        if instansi is None:
            raise PermissionDenied(_("Impor untuk seluruh instansi dilakukan di halaman admin."))
        if "data" in request.POST:
            try:
                dataset = _buka(request, jenis, request.POST["data"])
                hasil = sumber.impor(instansi=instansi, dataset=dataset, dry_run=False)
            except BerkasTidakSah as e:
                messages.error(request, str(e))
                return redirect("organisasi:pertukaran", jenis=jenis)
            if hasil.ditulis:
                n = hasil.jumlah
                messages.success(
                    request,
                    _(
                        "Impor %(judul)s selesai: %(baru)s baru, %(diperbarui)s diperbarui, "
                        "%(tetap)s tetap."
                    )
                    % {
                        "judul": sumber.judul,
                        "baru": n["baru"],
                        "diperbarui": n["diperbarui"],
                        "tetap": n["tetap"],
                    },
                )
                return redirect(sumber.kembali)
        else:
            form = UnggahForm(request.POST, request.FILES)
            if form.is_valid():
                try:
                    dataset = baca_berkas(form.cleaned_data["berkas"])
                    hasil = sumber.impor(instansi=instansi, dataset=dataset, dry_run=True)
                except BerkasTidakSah as e:
                    form.add_error("berkas", str(e))
                else:
                    if not hasil.ada_galat and hasil.ada_perubahan:
                        token = _bungkus(request, jenis, dataset)
    return render(
        request,
        "organisasi/pertukaran.html",
        {
            "jenis": jenis,
            "sumber": sumber,
            "kolom": sumber.resource(instansi=instansi).kolom(),
            "instansi": instansi,
            "form": form,
            "hasil": hasil,
            "token": token,
        },
    )


@akses_wajib
@require_GET
def pertukaran_unduh(request, jenis):
    sumber = _sumber_untuk(request, jenis)
    dataset = sumber.resource().export(sumber.baris(request.user), force_native_type=True)
    dataset.title = sumber.judul.capitalize()
    response = HttpResponse(dataset_xlsx(dataset), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{jenis}.xlsx"'
    return response
