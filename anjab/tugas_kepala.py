"""The tasks of a unit's head as the Anjab holds them, for organisasi's screens and documents
that list them (the LAKIP's Bab I C, through organisasi.perluasan)."""

from collections import defaultdict
from collections.abc import Iterable

from anjab.models import Jabatan, PeriodeAnalisis, TugasJabatan


def tugas_kepala_unit(unit_ids: Iterable[int]) -> dict[int, tuple[str, list[str]]]:
    """{unit pk: (head position's name, its uraian tugas)}: section 6 of each unit's head position
    (`kepala_unit`) in its instansi's latest analysis period, in the analyst's order; a unit whose
    head has no task there is left out. Three queries whatever the number of units."""
    kepala = {
        j.unit_id: j
        for j in Jabatan.objects.filter(unit_id__in=list(unit_ids), kepala_unit=True).order_by(
            "unit_id", "-urutan", "-pk"
        )
    }
    if not kepala:
        return {}
    periode = {}
    for p in PeriodeAnalisis.objects.filter(
        instansi_id__in={j.instansi_id for j in kepala.values()}
    ).order_by("instansi_id", "tahun", "pk"):
        periode[p.instansi_id] = p.pk  # the latest wins
    tugas = defaultdict(list)
    for t in TugasJabatan.objects.filter(
        jabatan__in=list(kepala.values()), periode_id__in=list(periode.values())
    ).order_by("jabatan_id", "urutan", "pk"):
        tugas[(t.jabatan_id, t.periode_id)].append(t.uraian)
    hasil = {}
    for unit_id, j in kepala.items():
        baris = tugas.get((j.pk, periode.get(j.instansi_id)))
        if baris:
            hasil[unit_id] = (j.nama, baris)
    return hasil


def daftarkan() -> None:
    from organisasi import perluasan

    perluasan.daftarkan_tugas_kepala(tugas_kepala_unit)
