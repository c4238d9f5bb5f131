"""What the ABK commands are pointed at: an instansi by id or name, and its unit and period."""

from django.core.management.base import CommandError

from anjab.models import PeriodeAnalisis
from anjab.selectors import periode_terbaru
from organisasi.models import Instansi, UnitOrganisasi


def cari_instansi(nilai: str) -> Instansi:
    """An instansi by primary key or by name (exact, then unique partial match)."""
    if nilai.isdigit():
        instansi = Instansi.objects.filter(pk=int(nilai)).first()
        if instansi:
            return instansi
    instansi = Instansi.objects.filter(nama__iexact=nilai).first()
    if instansi:
        return instansi
    cocok = list(Instansi.objects.filter(nama__icontains=nilai)[:2])
    if len(cocok) == 1:
        return cocok[0]
    if not cocok:
        raise CommandError(f"Instansi “{nilai}” tidak ditemukan.")
    raise CommandError(
        f"“{nilai}” cocok dengan lebih dari satu instansi; tulis nama lengkap atau id."
    )


def unit_instansi(instansi: Instansi, unit_id: int | None) -> UnitOrganisasi | None:
    """The unit named by --unit, which must belong to the instansi (None without --unit)."""
    if not unit_id:
        return None
    unit = UnitOrganisasi.objects.filter(pk=unit_id, instansi=instansi).first()
    if unit is None:
        raise CommandError(f"Unit {unit_id} bukan milik {instansi.nama}.")
    return unit


def periode_instansi(instansi: Instansi, periode_id: int | None) -> PeriodeAnalisis | None:
    """The period named by --periode, which must belong to the instansi; without --periode the
    instansi's latest (None when it has none yet)."""
    if not periode_id:
        return periode_terbaru(instansi.pk)
    periode = PeriodeAnalisis.objects.filter(pk=periode_id, instansi=instansi).first()
    if periode is None:
        raise CommandError(f"Periode {periode_id} bukan milik {instansi.nama}.")
    return periode
