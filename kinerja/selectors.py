"""Reads for performance data, scoped through organisasi.selectors."""

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from kinerja.models import AnalisisSasaran, Lakip, Renstra, Sasaran
from organisasi.selectors import units_for_user


def renstra_for_user(user) -> QuerySet[Renstra]:
    return Renstra.objects.filter(unit__in=units_for_user(user)).select_related("unit__instansi")


def get_renstra_for_user(user, pk) -> Renstra:
    return get_object_or_404(renstra_for_user(user), pk=pk)


def renstra_tahun(unit_id: int, tahun: int) -> Renstra | None:
    """The Renstra of a unit that covers a year."""
    return (
        Renstra.objects.filter(unit_id=unit_id, tahun_awal__lte=tahun, tahun_akhir__gte=tahun)
        .order_by("-tahun_awal")
        .first()
    )


def narasi_lakip(renstra: Renstra, tahun: int) -> tuple[Lakip, list[Sasaran], dict[int, str]]:
    """What the LAKIP editor opens on, for a Renstra already read in the user's scope: the
    year's narrative (unsaved when new), the Renstra's sasaran in order, and the analysis
    written for each (sasaran id → text)."""
    lakip = Lakip.objects.filter(renstra=renstra, tahun=tahun).first() or Lakip(
        renstra=renstra, tahun=tahun
    )
    sasaran = list(
        Sasaran.objects.filter(tujuan__renstra=renstra).order_by(
            "tujuan__urutan", "tujuan__pk", "urutan", "pk"
        )
    )
    analisis = (
        dict(AnalisisSasaran.objects.filter(lakip=lakip).values_list("sasaran_id", "uraian"))
        if lakip.pk
        else {}
    )
    return lakip, sasaran, analisis
