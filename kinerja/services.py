"""Writes for performance data."""

from django.db import transaction

from kinerja.models import Realisasi


@transaction.atomic
def realisasi_simpan(*, indikator, tahun: int, triwulan: int, nilai) -> Realisasi | None:
    """Stores (or, with an empty value, removes) a realisation of a year or a quarter."""
    if nilai is None:
        Realisasi.objects.filter(indikator=indikator, tahun=tahun, triwulan=triwulan).delete()
        return None
    obj, _ = Realisasi.objects.update_or_create(
        indikator=indikator, tahun=tahun, triwulan=triwulan, defaults={"nilai": nilai}
    )
    return obj
