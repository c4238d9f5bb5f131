"""Optimistic locking for edit forms: a form carries the `versi` of the row it was opened on,
and a save whose version has moved on since is refused instead of overwriting the other
person's work."""

from django.core.exceptions import ValidationError
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from organisasi.formatting import BULAN

NAMA_FIELD = "versi"


class DataBerubah(ValidationError):
    """The row was saved by someone else after the form was opened."""


def versi_dikirim(data) -> int | None:
    """The version a submitted form was opened on (None when absent or not a number)."""
    nilai = (data.get(NAMA_FIELD) or "").strip()
    return int(nilai) if nilai.isdigit() else None


def periksa_versi(obj, versi: int | None) -> None:
    """Raises DataBerubah when `obj` (as just read) has moved past `versi`: a view calls it
    before validating the form, so a stale form is refused even where its rows no longer
    exist. klaim_versi still decides, under the row lock."""
    if versi is None or versi != obj.versi:
        raise DataBerubah(pesan_berubah(obj), code="versi")


def klaim_versi(obj, versi: int | None) -> None:
    """Moves `obj`'s row to its next version when `versi` is still the current one, otherwise
    raises DataBerubah naming who saved it last and when.

    Call it first inside the saving transaction: the conditional UPDATE keeps the row locked
    until commit, so a concurrent save of the same row waits, then finds the version moved.
    A form sent without a version (a page from before versions existed) counts as stale."""
    model = type(obj)
    diubah = (
        model._default_manager.filter(pk=obj.pk, versi=versi).update(versi=F("versi") + 1)
        if versi is not None
        else 0
    )
    if not diubah:
        raise DataBerubah(pesan_berubah(obj), code="versi")
    obj.versi = versi + 1


def pesan_berubah(obj) -> str:
    """ "Data ini telah diubah oleh Ani pada 05 Maret 2026 14:07; muat ulang." from the row's
    latest change in its django-simple-history records."""
    terakhir = (
        obj.history.select_related("history_user").order_by("-history_date", "-pk").first()
        if hasattr(obj, "history")
        else None
    )
    oleh = _("pengguna lain")
    if terakhir is not None and terakhir.history_user is not None:
        pengguna = terakhir.history_user
        oleh = pengguna.get_full_name() or pengguna.get_username()
    if terakhir is None:
        return _("Data ini telah diubah oleh %(oleh)s; muat ulang.") % {"oleh": oleh}
    return _("Data ini telah diubah oleh %(oleh)s pada %(waktu)s; muat ulang.") % {
        "oleh": oleh,
        "waktu": waktu_indonesia(terakhir.history_date),
    }


def waktu_indonesia(waktu) -> str:
    """An aware datetime in the local time zone as "05 Maret 2026 14:07"."""
    lokal = timezone.localtime(waktu)
    return f"{lokal.day:02d} {BULAN[lokal.month - 1]} {lokal.year} {lokal:%H:%M}"
