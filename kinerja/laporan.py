"""The tables of a year's LAKIP (chapters II and III), computed from stored inputs in a
fixed number of queries: targets, PK, capaian, N-1/N+1, programs and budget."""

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from kinerja import calculations as calc
from kinerja.models import (
    Anggaran,
    Indikator,
    IndikatorPK,
    Lakip,
    PerjanjianKinerja,
    Program,
    Realisasi,
    Renstra,
    TargetIndikator,
)


@dataclass
class BarisCapaian:
    indikator: Indikator
    sasaran: str
    target: Decimal | None
    realisasi: Decimal | None
    capaian: calc.Capaian
    triwulan: dict[int, Decimal] = field(default_factory=dict)
    realisasi_n_1: Decimal | None = None
    selisih_poin: Decimal | None = None
    perubahan_persen: Decimal | None = None
    rencana_n_1: Decimal | None = None  # the Renstra target of year N+1

    @property
    def triwulan_isian(self) -> list[tuple[int, Decimal | None]]:
        """The four quarters, entered or not, for the entry form."""
        return [(tw, self.triwulan.get(tw)) for tw in range(1, 5)]


@dataclass
class BarisAnggaran:
    uraian: str
    pagu: Decimal
    realisasi: Decimal

    @property
    def persen(self) -> Decimal | None:
        return calc.persen_realisasi_anggaran(self.pagu, self.realisasi)


@dataclass
class ProgramAnggaran:
    program: Program
    kegiatan: list[BarisAnggaran]

    @property
    def pagu(self) -> Decimal:
        return sum((k.pagu for k in self.kegiatan), Decimal(0))

    @property
    def realisasi(self) -> Decimal:
        return sum((k.realisasi for k in self.kegiatan), Decimal(0))

    @property
    def persen(self) -> Decimal | None:
        return calc.persen_realisasi_anggaran(self.pagu, self.realisasi)


def perjanjian_berlaku(renstra: Renstra, tahun: int) -> PerjanjianKinerja | None:
    """The PK in force for a year: its latest Perubahan, else the original."""
    return (
        PerjanjianKinerja.objects.filter(renstra=renstra, tahun=tahun)
        .order_by("-jenis", "-pk")  # "perubahan" sorts after "awal"
        .first()
    )


@dataclass
class TabelCapaian:
    indikator: list[Indikator]
    target: dict[tuple[int, int], Decimal]  # (indikator id, tahun) → Renstra target
    pk: PerjanjianKinerja | None
    baris: list[BarisCapaian]


def hitung_capaian(renstra: Renstra, tahun: int) -> TabelCapaian:
    """The capaian rows of a year against the PK in force, with N-1 and the plan for N+1."""
    indikator = list(
        Indikator.objects.filter(sasaran__tujuan__renstra=renstra)
        .select_related("sasaran__tujuan")
        .order_by("sasaran__tujuan__urutan", "sasaran__urutan", "urutan")
    )
    target = {
        (t.indikator_id, t.tahun): t.target
        for t in TargetIndikator.objects.filter(indikator__in=indikator)
    }
    realisasi = defaultdict(dict)
    for r in Realisasi.objects.filter(indikator__in=indikator, tahun__in=[tahun - 1, tahun]):
        realisasi[(r.indikator_id, r.tahun)][r.triwulan] = r.nilai
    pk = perjanjian_berlaku(renstra, tahun)
    pk_rows = (
        list(IndikatorPK.objects.filter(perjanjian=pk).select_related("indikator__sasaran"))
        if pk
        else []
    )
    capaian = []
    for row in pk_rows:
        ind = row.indikator
        n = realisasi[(ind.pk, tahun)]
        nilai = n.get(0)
        n_1 = realisasi[(ind.pk, tahun - 1)].get(0)
        selisih, persen = calc.perbandingan(nilai, n_1)
        capaian.append(
            BarisCapaian(
                indikator=ind,
                sasaran=ind.sasaran.uraian,
                target=row.target,
                realisasi=nilai,
                capaian=calc.capaian(row.target, nilai, ind.arah),
                triwulan={k: v for k, v in n.items() if k},
                realisasi_n_1=n_1,
                selisih_poin=selisih,
                perubahan_persen=persen,
                rencana_n_1=target.get((ind.pk, tahun + 1)),
            )
        )
    return TabelCapaian(indikator, target, pk, capaian)


def konteks_lakip(renstra: Renstra, tahun: int) -> dict:
    c = hitung_capaian(renstra, tahun)
    indikator, target, pk = c.indikator, c.target, c.pk
    program = list(
        Program.objects.filter(renstra=renstra)
        .select_related("sasaran")
        .prefetch_related("kegiatan")
    )
    per_program = defaultdict(list)
    for a in Anggaran.objects.filter(program__renstra=renstra, tahun=tahun).select_related(
        "kegiatan"
    ):
        per_program[a.program_id].append(
            BarisAnggaran(a.kegiatan.nama if a.kegiatan else a.uraian, a.pagu, a.realisasi)
        )
    anggaran = [ProgramAnggaran(p, per_program[p.pk]) for p in program if per_program[p.pk]]
    total = ProgramAnggaran(None, [k for pa in anggaran for k in pa.kegiatan])
    tabel_sasaran = [
        (ind.sasaran.tujuan.uraian, ind.sasaran.uraian, ind, target.get((ind.pk, tahun)))
        for ind in indikator
    ]
    return {
        "renstra": renstra,
        "unit": renstra.unit,
        "instansi": renstra.unit.instansi,
        "tahun": tahun,
        "tahun_n_1": tahun - 1,
        "tahun_n1": tahun + 1,
        "tabel_sasaran": tabel_sasaran,
        "pk": pk,
        "pk_program": list(pk.program.select_related("program")) if pk else [],
        "capaian": c.baris,
        "program": program,
        "anggaran": anggaran,
        "total_anggaran": total,
        "lakip": Lakip.objects.filter(renstra=renstra, tahun=tahun).first(),
    }
