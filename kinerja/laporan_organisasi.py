"""Bab I C of a LAKIP (seed 002): the organisation of the perangkat daerah as the rest of the
product already knows it — its chart of units, the tasks of each unit's head, and its staff
by golongan and education — in a fixed number of queries, whatever the size of the unit.

The tasks of a head come from the Anjab (anjab.tugas_kepala, through organisasi.perluasan): the
uraian tugas (section 6) of the unit's head position in the instansi's latest analysis period,
as the analyst wrote them; a unit whose head has no tasks there prints the unit's uraian tugas
from its regulation (organisasi), so a LAKIP written before the Anjab is complete still lists
every head."""

from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Count
from django.utils.translation import gettext as _

from organisasi import perluasan
from organisasi.bagan import bagan_struktur
from organisasi.models import Pegawai, UnitOrganisasi, UraianTugasUnit

# columns of the staff table: PNS by golongan ruang, then PPPK
KOLOM_GOLONGAN = ["I", "II", "III", "IV", "PPPK"]
BARIS_PENDIDIKAN = [kode for kode, _label in reversed(Pegawai.Pendidikan.choices)]


@dataclass
class TugasPimpinan:
    judul: str  # "Kepala Kantor", "Kepala Seksi Kesatuan Bangsa"
    tugas: list[str]
    sumber: str  # "anjab" or "unit"


@dataclass
class BarisSdm:
    label: str
    kolom: list[int]

    @property
    def total(self) -> int:
        return sum(self.kolom)


def _kolom(status: str, kode: str | None) -> str | None:
    if status == Pegawai.Status.PPPK:
        return "PPPK"
    if not kode:
        return None
    return kode.split("/")[0]


def organisasi_lakip(unit: UnitOrganisasi) -> dict:
    units = list(
        UnitOrganisasi.objects.descendants(unit, include_self=True).order_by("tree_ordering")
    )
    ids = [u.pk for u in units]

    # the chart: a box per unit under its parent
    simpul = {u.pk: {"nama": u.nama, "kepala": u.jabatan_kepala, "anak": []} for u in units}
    for u in units[1:]:
        simpul[u.parent_id]["anak"].append(simpul[u.pk])
    judul = _("Struktur Organisasi %(nama)s") % {"nama": unit.nama}
    bagan = bagan_struktur(simpul[unit.pk], judul)

    # the tasks of each unit's head, from the Anjab (else the unit's regulation)
    anjab = perluasan.tugas_kepala(ids)
    tugas_unit = defaultdict(list)
    for b in UraianTugasUnit.objects.filter(unit_id__in=ids).order_by("unit_id", "urutan", "pk"):
        tugas_unit[b.unit_id].append(b.teks)
    tugas = []
    for u in units:
        if u.pk in anjab:
            nama, baris = anjab[u.pk]
            tugas.append(TugasPimpinan(u.jabatan_kepala or nama, baris, "anjab"))
        elif tugas_unit[u.pk]:
            tugas.append(TugasPimpinan(u.jabatan_kepala or u.nama, tugas_unit[u.pk], "unit"))

    # the staff by education (rows) and golongan (columns)
    hitung: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for r in (
        Pegawai.objects.filter(unit_id__in=ids)
        .values("pendidikan", "status", "golongan__kode")
        .annotate(n=Count("pk"))
    ):
        kolom = _kolom(r["status"], r["golongan__kode"]) or "-"
        hitung[r["pendidikan"] or ""][kolom] += r["n"]
    kolom = KOLOM_GOLONGAN + (["-"] if any("-" in h for h in hitung.values()) else [])
    label = dict(Pegawai.Pendidikan.choices)
    sdm = [
        BarisSdm(label[kode], [hitung[kode][k] for k in kolom])
        for kode in BARIS_PENDIDIKAN
        if kode in hitung
    ]
    if "" in hitung:
        sdm.append(BarisSdm(_("Belum diisi"), [hitung[""][k] for k in kolom]))
    jumlah = BarisSdm(_("Jumlah"), [sum(b.kolom[i] for b in sdm) for i in range(len(kolom))])
    return {
        "unit_struktur": units,
        "kepala_unit": unit.jabatan_kepala or _("Kepala"),
        "jumlah_sub_unit": len(units) - 1,
        "bagan_struktur": bagan,
        "judul_bagan": judul,
        "tugas_pimpinan": tugas,
        "sdm": sdm,
        "sdm_jumlah": jumlah,
        "kolom_golongan": [k if k != "-" else _("Tanpa golongan") for k in kolom],
    }
