"""Reads for the workload analysis, scoped through organisasi.selectors."""

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from abk.models import ImporBuku, Keputusan
from anjab.models import PeriodeAnalisis
from organisasi.selectors import scoped_for_user


def keputusan_unit(periode: PeriodeAnalisis, unit) -> Keputusan | None:
    """The decree of `unit` in `periode`, if one was made ("Buat keputusan")."""
    return Keputusan.objects.filter(periode=periode, unit=unit).first()


def impor_for_user(user) -> QuerySet[ImporBuku]:
    """Uploaded workbooks the user may see: the instansi's; an Operator only those aimed at
    a unit of its subtree (an import of the whole instansi is not its)."""
    return scoped_for_user(ImporBuku.objects.all(), user, unit="unit_id")


def get_impor_for_user(user, pk) -> ImporBuku:
    qs = impor_for_user(user).select_related("unit", "periode", "pekerjaan", "instansi")
    return get_object_or_404(qs, pk=pk)
