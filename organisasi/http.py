"""Small view helpers shared by every app."""

from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils.http import url_has_allowed_host_and_scheme

# Rows per page of a long list (positions of a large perangkat daerah, rekap rows).
BARIS_PER_HALAMAN = 100

# The databases' integer range: a larger id or year names no row (and SQLite would overflow).
BATAS_INT = 2**63


def int_or_404(value) -> int:
    """An id from a query string; anything else is a 404, never a 500."""
    try:
        n = int(value)
    except (TypeError, ValueError):
        raise Http404 from None
    if not -BATAS_INT <= n < BATAS_INT:
        raise Http404
    return n


def errors_to_form(form, error: ValidationError) -> None:
    """A service's ValidationError shown at the fields it names (else above the form)."""
    if hasattr(error, "error_dict"):
        for field, errs in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errs)
    else:
        form.add_error(None, error)


def alamat_lanjut(request, bawaan: str) -> str:
    """Where a saved form goes next: the page the user was leaving when the unsaved-changes
    guard offered "Simpan dan lanjutkan" (POST `lanjut`), if it is a path of this site; else
    `bawaan`."""
    lanjut = request.POST.get("lanjut", "")
    if (
        lanjut
        and lanjut.startswith("/")
        and url_has_allowed_host_and_scheme(
            lanjut, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        )
    ):
        return lanjut
    return bawaan


def instansi_kerja(request, *, judul: str, keterangan: str):
    """The instansi a page of one instansi works on: the user's own, or — for a platform
    superuser, who has none — the one named by ?instansi=. Without that, the answer is the page
    asking which (an HttpResponse the view returns as it is)."""
    from django.shortcuts import render

    from organisasi import selectors

    instansi_id = request.akses.instansi_id
    if instansi_id is None:
        if not request.GET.get("instansi"):
            return render(
                request,
                "pilih_instansi.html",
                {
                    "judul": judul,
                    "keterangan": keterangan,
                    "daftar": selectors.instansi_for_user(request.user),
                },
            )
        instansi_id = int_or_404(request.GET["instansi"])
    return selectors.get_instansi_for_user(request.user, instansi_id)
