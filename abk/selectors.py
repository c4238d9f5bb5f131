"""Reads for the workload analysis, scoped through organisasi.selectors."""

from abk.models import Keputusan
from anjab.models import PeriodeAnalisis


def keputusan_unit(periode: PeriodeAnalisis, unit) -> Keputusan | None:
    """The decree of `unit` in `periode`, if one was made ("Buat keputusan")."""
    return Keputusan.objects.filter(periode=periode, unit=unit).first()
