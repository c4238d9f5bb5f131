"""Reads for the workload analysis, scoped through organisasi.selectors."""

from django.db.models import QuerySet

from abk.models import PeriodeAnalisis
from organisasi.akses import akses_untuk


def periode_for_user(user) -> QuerySet[PeriodeAnalisis]:
    akses = akses_untuk(user)
    if akses.semua_instansi:
        return PeriodeAnalisis.objects.all()
    if akses.instansi_id is None:
        return PeriodeAnalisis.objects.none()
    return PeriodeAnalisis.objects.filter(instansi_id=akses.instansi_id)


def periode_terbaru(instansi_id: int) -> PeriodeAnalisis | None:
    """The period an instansi works in unless another is chosen: the latest one."""
    return PeriodeAnalisis.objects.filter(instansi_id=instansi_id).order_by("-tahun", "-pk").first()
