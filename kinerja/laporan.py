"""The tables of a year's LAKIP (seed 002), computed from stored inputs in a fixed number of
queries: Renstra targets, the PK in force, capaian per indikator and per sasaran, N-1/N+1 and
the Renstra's last year, programs and kegiatan with their budget, the RKT and the Renstra
matrix of the lampiran. Bab I's organisation part is kinerja.laporan_organisasi."""

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from kinerja import calculations as calc
from kinerja.models import (
    AnalisisSasaran,
    Anggaran,
    Indikator,
    IndikatorPK,
    Lakip,
    PerjanjianKinerja,
    Program,
    Realisasi,
    Renstra,
    Sasaran,
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
    langsung: bool = False  # a row of the program itself, without kegiatan (salaries)

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


@dataclass
class Tabel:
    """A numbered table of the LAKIP: its anchor, number and title (for the Daftar Tabel)."""

    id: str
    nomor: int
    judul: str


class _Penomoran:
    def __init__(self):
        self.daftar: list[Tabel] = []

    def __call__(self, kunci: str, judul: str) -> Tabel:
        t = Tabel(f"tabel-{kunci}", len(self.daftar) + 1, judul)
        self.daftar.append(t)
        return t


@dataclass
class SasaranLakip:
    """A sasaran of the PK as Bab III A analyses it: its rows, the kegiatan of its programs,
    the analyst's analysis, whether it met its targets and what its programs spent."""

    nomor: int
    sasaran: Sasaran
    baris: list[BarisCapaian]
    kegiatan: list[str]
    analisis: str
    anggaran: ProgramAnggaran
    tabel: Tabel | None = None

    @property
    def tercapai(self) -> bool | None:
        return calc.sasaran_tercapai([b.capaian for b in self.baris])


@dataclass
class BarisRenstraAkhir:
    indikator: Indikator
    sasaran: str
    target_akhir: Decimal | None
    realisasi: Decimal | None
    capaian: calc.Capaian


@dataclass
class KegiatanRencana:
    nama: str
    indikator: str
    target: str
    pagu: Decimal | None
    realisasi: Decimal | None


@dataclass
class ProgramRencana:
    program: Program
    kegiatan: list[KegiatanRencana]

    @property
    def pagu(self) -> Decimal:
        return sum((k.pagu or Decimal(0) for k in self.kegiatan), Decimal(0))


@dataclass
class SasaranRencana:
    """A sasaran of the Renstra with its indikator (targets by year) and programs: one block
    of the program table (Bab III), of the RKT and of the Renstra matrix (lampiran)."""

    tujuan: str
    sasaran: Sasaran | None
    indikator: list[tuple[Indikator, dict[int, Decimal]]]
    program: list[ProgramRencana]

    @property
    def pagu(self) -> Decimal:
        return sum((p.pagu for p in self.program), Decimal(0))

    @property
    def kebijakan(self) -> list[str]:
        return self.sasaran.daftar_kebijakan if self.sasaran else []


def _rencana(renstra, indikator, target, program, anggaran_kegiatan) -> list[SasaranRencana]:
    per_sasaran: dict[int | None, list[Program]] = defaultdict(list)
    for p in program:
        per_sasaran[p.sasaran_id].append(p)
    per_indikator: dict[int, dict[int, Decimal]] = defaultdict(dict)
    for (indikator_id, th), v in target.items():
        per_indikator[indikator_id][th] = v
    ind_per_sasaran: dict[int, list] = defaultdict(list)
    for ind in indikator:
        ind_per_sasaran[ind.sasaran_id].append((ind, per_indikator[ind.pk]))

    def _program(p: Program) -> ProgramRencana:
        baris = []
        for k in p.kegiatan.all():
            a = anggaran_kegiatan.get(k.pk)
            baris.append(
                KegiatanRencana(
                    k.nama, k.indikator, k.target, a.pagu if a else None, a.realisasi if a else None
                )
            )
        return ProgramRencana(p, baris)

    hasil = []
    for s in (
        Sasaran.objects.filter(tujuan__renstra=renstra)
        .select_related("tujuan")
        .order_by("tujuan__urutan", "tujuan__pk", "urutan", "pk")
    ):
        hasil.append(
            SasaranRencana(
                s.tujuan.uraian,
                s,
                ind_per_sasaran[s.pk],
                [_program(p) for p in per_sasaran[s.pk]],
            )
        )
    if per_sasaran[None]:
        hasil.append(SasaranRencana("", None, [], [_program(p) for p in per_sasaran[None]]))
    return hasil


def konteks_lakip(renstra: Renstra, tahun: int) -> dict:
    from kinerja.laporan_organisasi import organisasi_lakip

    c = hitung_capaian(renstra, tahun)
    indikator, target, pk = c.indikator, c.target, c.pk
    program = list(
        Program.objects.filter(renstra=renstra)
        .select_related("sasaran")
        .prefetch_related("kegiatan")
    )
    per_program = defaultdict(list)
    anggaran_kegiatan = {}
    for a in Anggaran.objects.filter(program__renstra=renstra, tahun=tahun).select_related(
        "kegiatan"
    ):
        per_program[a.program_id].append(
            BarisAnggaran(
                a.kegiatan.nama if a.kegiatan else a.uraian,
                a.pagu,
                a.realisasi,
                langsung=a.kegiatan_id is None,
            )
        )
        if a.kegiatan_id:
            anggaran_kegiatan[a.kegiatan_id] = a
    anggaran = [ProgramAnggaran(p, per_program[p.pk]) for p in program if per_program[p.pk]]
    semua = [k for pa in anggaran for k in pa.kegiatan]
    total = ProgramAnggaran(None, semua)
    belanja_langsung = ProgramAnggaran(None, [k for k in semua if k.langsung])
    belanja_kegiatan = ProgramAnggaran(None, [k for k in semua if not k.langsung])
    tabel_sasaran = [
        (ind.sasaran.tujuan.uraian, ind.sasaran.uraian, ind, target.get((ind.pk, tahun)))
        for ind in indikator
    ]
    lakip = Lakip.objects.filter(renstra=renstra, tahun=tahun).first()
    analisis = (
        dict(AnalisisSasaran.objects.filter(lakip=lakip).values_list("sasaran_id", "uraian"))
        if lakip
        else {}
    )
    rencana = _rencana(renstra, indikator, target, program, anggaran_kegiatan)
    rencana_per_sasaran = {r.sasaran.pk: r for r in rencana if r.sasaran}

    # the PK's sasaran in the PK's order, each with its rows
    sasaran_pk: list[SasaranLakip] = []
    for b in c.baris:
        s = b.indikator.sasaran
        if not sasaran_pk or sasaran_pk[-1].sasaran.pk != s.pk:
            r = rencana_per_sasaran.get(s.pk)
            sasaran_pk.append(
                SasaranLakip(
                    nomor=len(sasaran_pk) + 1,
                    sasaran=s,
                    baris=[],
                    kegiatan=[k.nama for p in (r.program if r else []) for k in p.kegiatan],
                    analisis=analisis.get(s.pk, ""),
                    anggaran=ProgramAnggaran(
                        None,
                        [k for p in (r.program if r else []) for k in per_program[p.program.pk]],
                    ),
                )
            )
        sasaran_pk[-1].baris.append(b)
    renstra_akhir = []
    for b in c.baris:
        akhir = target.get((b.indikator.pk, renstra.tahun_akhir))
        renstra_akhir.append(
            BarisRenstraAkhir(
                b.indikator,
                b.sasaran,
                akhir,
                b.realisasi,
                calc.capaian(akhir, b.realisasi, b.indikator.arah),
            )
        )

    nomor = _Penomoran()
    organisasi = organisasi_lakip(renstra.unit)
    nama = renstra.unit.nama
    tabel = {"sdm": nomor("sdm", f"Jumlah Pegawai {nama} menurut Golongan dan Pendidikan")}
    tabel["sasaran"] = nomor(
        "sasaran",
        f"Sasaran Strategis {nama} Tahun {renstra.tahun_awal}–{renstra.tahun_akhir}",
    )
    if pk:
        tabel["pk"] = nomor("pk", f"Matriks {pk.get_jenis_display()} Tahun {tahun}")
    tabel["capaian"] = nomor("capaian", f"Capaian Indikator Kinerja Tahun {tahun}")
    for s in sasaran_pk:
        s.tabel = nomor(f"sasaran-{s.nomor}", f"Capaian Kinerja Sasaran Strategis {s.nomor}")
    tabel["perbandingan"] = nomor(
        "perbandingan",
        f"Perbandingan Realisasi Tahun N ({tahun}) dengan Tahun N-1 ({tahun - 1}) dan "
        f"Rencana N+1 ({tahun + 1})",
    )
    tabel["renstra_akhir"] = nomor(
        "renstra-akhir",
        f"Realisasi Tahun {tahun} terhadap Target Akhir Renstra ({renstra.tahun_akhir})",
    )
    tabel["program"] = nomor(
        "program", f"Program dan Kegiatan yang Mendukung Sasaran Strategis Tahun {tahun}"
    )
    tabel["efisiensi"] = nomor(
        "efisiensi", f"Capaian Kinerja dan Serapan Anggaran per Sasaran Tahun {tahun}"
    )
    tabel["belanja"] = nomor("belanja", f"Realisasi Anggaran menurut Jenis Belanja Tahun {tahun}")
    tabel["anggaran"] = nomor(
        "anggaran", f"Realisasi Anggaran per Program dan Kegiatan Tahun {tahun}"
    )
    if c.baris:
        tabel["triwulan"] = nomor("triwulan", f"Realisasi Indikator per Triwulan Tahun {tahun}")

    tercapai = [s for s in sasaran_pk if s.tercapai]
    belum = [s for s in sasaran_pk if s.tercapai is False]
    return {
        "renstra": renstra,
        "unit": renstra.unit,
        "instansi": renstra.unit.instansi,
        "alamat": renstra.unit.alamat or renstra.unit.instansi.alamat,
        "tahun": tahun,
        "tahun_n_1": tahun - 1,
        "tahun_n1": tahun + 1,
        "tujuan": list(dict.fromkeys(t for t, *_ in tabel_sasaran)),
        "tabel_sasaran": tabel_sasaran,
        "pk": pk,
        "pk_program": list(pk.program.select_related("program")) if pk else [],
        "pk_indikator": (list(pk.indikator.select_related("indikator__sasaran")) if pk else []),
        "capaian": c.baris,
        "sasaran_pk": sasaran_pk,
        "sasaran_tercapai": tercapai,
        "sasaran_belum": belum,
        "sasaran_belum_dinilai": [s for s in sasaran_pk if s.tercapai is None],
        "renstra_akhir": renstra_akhir,
        "program": program,
        "rencana": rencana,
        "tahun_renstra": renstra.tahun,
        "jumlah_program": sum(1 for r in rencana for _p in r.program),
        "jumlah_kegiatan": sum(len(p.kegiatan) for r in rencana for p in r.program),
        "anggaran": anggaran,
        "total_anggaran": total,
        "belanja_langsung": belanja_langsung,
        "belanja_kegiatan": belanja_kegiatan,
        "lakip": lakip,
        "tabel": tabel,
        "daftar_tabel": nomor.daftar,
        **organisasi,
    }
