"""Reads for the workload analysis, scoped through organisasi.selectors."""

from django.db.models import QuerySet

from abk.models import Keputusan, PeriodeAnalisis
from organisasi.selectors import scoped_for_user


def periode_for_user(user) -> QuerySet[PeriodeAnalisis]:
    return scoped_for_user(PeriodeAnalisis.objects.all(), user)


def periode_terbaru(instansi_id: int) -> PeriodeAnalisis | None:
    """The period an instansi works in unless another is chosen: the latest one."""
    return PeriodeAnalisis.objects.filter(instansi_id=instansi_id).order_by("-tahun", "-pk").first()


def keputusan_unit(periode: PeriodeAnalisis, unit) -> Keputusan | None:
    """The decree of `unit` in `periode`, if one was made ("Buat keputusan")."""
    return Keputusan.objects.filter(periode=periode, unit=unit).first()
