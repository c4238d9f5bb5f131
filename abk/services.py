"""Writes for the workload analysis."""

import datetime as dt

from django.db import transaction

from abk.models import PeriodeAnalisis
from abk.selectors import periode_terbaru


@transaction.atomic
def periode_aktif(*, instansi) -> PeriodeAnalisis:
    """The latest period of the instansi, started ("ABK <this year>") when there is none yet."""
    periode = periode_terbaru(instansi.pk)
    if periode is None:
        tahun = dt.date.today().year
        periode = PeriodeAnalisis.objects.create(
            instansi=instansi, nama=f"ABK {tahun}", tahun=tahun
        )
    return periode
