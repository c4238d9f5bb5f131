"""Reads for positions, always scoped through organisasi.selectors (one scoping layer)."""

from django.db.models import Q, QuerySet
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy

from anjab import calculations as calc
from anjab.calculations import TabelNilai
from anjab.models import Jabatan, PeriodeAnalisis, RentangKelas, TabelEvaluasi
from organisasi.models import UnitOrganisasi
from organisasi.selectors import scoped_for_user, unit_subtree

RANTAI = [
    ("jpt_madya", gettext_lazy("JPT Madya"), {Jabatan.Jenis.JPT_MADYA}),
    ("jpt_pratama", gettext_lazy("JPT Pratama"), {Jabatan.Jenis.JPT_PRATAMA}),
    ("administrator", gettext_lazy("Administrator"), {Jabatan.Jenis.ADMINISTRATOR}),
    ("pengawas", gettext_lazy("Pengawas"), {Jabatan.Jenis.PENGAWAS}),
]


def jabatan_for_user(user) -> QuerySet[Jabatan]:
    return scoped_for_user(Jabatan.objects.all(), user, unit="unit_id")


def get_jabatan_for_user(user, pk) -> Jabatan:
    return get_object_or_404(
        jabatan_for_user(user).select_related("unit", "instansi", "atasan"), pk=pk
    )


def katalog_for_user(model, user) -> QuerySet:
    """The national rows (no instansi: every tenant shares them) plus the rows of a catalogue
    the user's scope gives."""
    return model.objects.filter(instansi__isnull=True) | katalog_milik_for_user(model, user)


def katalog_milik_for_user(model, user) -> QuerySet:
    """The instansi's own rows of a catalogue, the only ones its Admin Instansi may edit:
    national rows are the regulation's."""
    return scoped_for_user(model.objects.filter(instansi__isnull=False), user)


def tabel_evaluasi_aktif() -> TabelEvaluasi:
    return TabelEvaluasi.objects.filter(aktif=True).order_by("-pk").first()


def tabel_nilai(tabel: TabelEvaluasi) -> TabelNilai:
    """The evaluation tables as plain values for anjab.calculations (three queries)."""
    from anjab.models import LevelFaktor

    nilai: dict = {}
    for jenis, kode, level, poin in LevelFaktor.objects.filter(faktor__tabel=tabel).values_list(
        "faktor__jenis", "faktor__kode", "level", "nilai"
    ):
        nilai.setdefault(jenis, {}).setdefault(kode, {})[level] = poin
    kelas = tuple(
        RentangKelas.objects.filter(tabel=tabel)
        .order_by("kelas")
        .values_list("kelas", "nilai_min", "nilai_max")
    )
    return TabelNilai(nilai=nilai, kelas=kelas)


KOLOM_STRUKTUR = (
    "pk",
    "nama",
    "jenis",
    "unit_id",
    "kepala_unit",
    "atasan_id",
    "urutan",
    "kelas_jabatan",
    "bezetting_diisi",
)
KOLOM_UNIT = ("pk", "parent_id", "nama", "urutan")


class Struktur:
    """Positions with their unit tree, loaded once, to derive who reports to whom (the explicit
    atasan, else the head of the unit or of the nearest unit above) and to number them.

    Without `unit_id`: every unit and position of the instansi. With it: what a page about that
    unit needs, whatever the size of the rest of the instansi — the unit's subtree with its
    positions, the units above it with their heads, and any explicit superior elsewhere (with
    the units above him). A fixed number of queries either way (one more per level of
    explicit superiors outside the subtree, which real trees hardly have).
    """

    def __init__(self, instansi_id: int, *, unit_id: int | None = None):
        units = UnitOrganisasi.objects.filter(instansi_id=instansi_id)
        jabatan = Jabatan.objects.filter(instansi_id=instansi_id)
        if unit_id is None:
            self.units = {u.pk: u for u in units.only(*KOLOM_UNIT)}
            self.jabatan = {j.pk: j for j in jabatan.only(*KOLOM_STRUKTUR)}
        else:
            pohon = unit_subtree(instansi_id, unit_id).only(*KOLOM_UNIT)
            self.units = {u.pk: u for u in pohon}
            bawah = set(self.units)
            self._lengkapi_unit(units)
            atas = set(self.units) - bawah
            self.jabatan = {
                j.pk: j
                for j in jabatan.filter(
                    Q(unit_id__in=bawah) | Q(unit_id__in=atas, kepala_unit=True)
                ).only(*KOLOM_STRUKTUR)
            }
            self._lengkapi_atasan(units, jabatan)
        self._susun()

    @classmethod
    def untuk_jabatan(cls, jabatan: Jabatan) -> "Struktur":
        """Only what one position's chain of superiors (rantai, unit_teratas) needs: its unit
        and the units above with their heads, the position itself and its explicit superiors —
        a handful of rows however many positions its unit holds."""
        self = cls.__new__(cls)
        units = UnitOrganisasi.objects.filter(instansi_id=jabatan.instansi_id)
        semua = Jabatan.objects.filter(instansi_id=jabatan.instansi_id)
        self.units = {u.pk: u for u in units.filter(pk=jabatan.unit_id).only(*KOLOM_UNIT)}
        self._lengkapi_unit(units)
        self.jabatan = {
            j.pk: j
            for j in semua.filter(
                Q(pk=jabatan.pk) | Q(unit_id__in=set(self.units), kepala_unit=True)
            ).only(*KOLOM_STRUKTUR)
        }
        self._lengkapi_atasan(units, semua)
        self._susun()
        return self

    def _lengkapi_unit(self, units) -> None:
        """Loads the units above those loaded, level by level (ancestors are few)."""
        kurang = {u.parent_id for u in self.units.values()} - set(self.units) - {None}
        while kurang:
            baru = {u.pk: u for u in units.filter(pk__in=kurang).only(*KOLOM_UNIT)}
            self.units.update(baru)
            kurang = {u.parent_id for u in baru.values()} - set(self.units) - {None}

    def _lengkapi_atasan(self, units, jabatan) -> None:
        kurang = {j.atasan_id for j in self.jabatan.values()} - set(self.jabatan) - {None}
        while kurang:
            baru = {j.pk: j for j in jabatan.filter(pk__in=kurang).only(*KOLOM_STRUKTUR)}
            self.jabatan.update(baru)
            sebelum = set(self.units)
            self.units.update(
                {
                    u.pk: u
                    for u in units.filter(pk__in={j.unit_id for j in baru.values()} - sebelum).only(
                        *KOLOM_UNIT
                    )
                }
            )
            self._lengkapi_unit(units)
            tambahan = set(self.units) - sebelum
            if tambahan:
                self.jabatan.update(
                    {
                        j.pk: j
                        for j in jabatan.filter(unit_id__in=tambahan, kepala_unit=True)
                        .exclude(pk__in=set(self.jabatan))
                        .only(*KOLOM_STRUKTUR)
                    }
                )
            kurang = {j.atasan_id for j in self.jabatan.values()} - set(self.jabatan) - {None}

    def _susun(self) -> None:
        self.kepala = {}
        self.per_unit: dict[int, list[Jabatan]] = {}
        for j in sorted(self.jabatan.values(), key=lambda j: (j.urutan, j.pk)):
            if j.kepala_unit:
                self.kepala.setdefault(j.unit_id, j)
            self.per_unit.setdefault(j.unit_id, []).append(j)
        self.anak_unit: dict[int | None, list[int]] = {}
        for u in self.units.values():
            self.anak_unit.setdefault(u.parent_id, []).append(u.pk)

    def atasan(self, jabatan: Jabatan) -> Jabatan | None:
        if jabatan.atasan_id:
            return self.jabatan.get(jabatan.atasan_id)
        unit_id = jabatan.unit_id
        if not jabatan.kepala_unit:
            kepala = self.kepala.get(unit_id)
            if kepala is not None and kepala.pk != jabatan.pk:
                return kepala
        unit = self.units.get(unit_id)
        while unit is not None and unit.parent_id is not None:
            unit = self.units.get(unit.parent_id)
            if unit is not None and unit.pk in self.kepala:
                return self.kepala[unit.pk]
        return None

    def rantai(self, jabatan: Jabatan) -> dict[str, Jabatan | None]:
        """Section 3 of the Informasi Jabatan: the nearest superior of each level."""
        hasil = {kunci: None for kunci, _, _ in RANTAI}
        seen, current = {jabatan.pk}, self.atasan(jabatan)
        while current is not None and current.pk not in seen:
            seen.add(current.pk)
            for kunci, _, jenis in RANTAI:
                if current.jenis in jenis and hasil[kunci] is None:
                    hasil[kunci] = current
            current = self.atasan(current)
        return hasil

    def unit_teratas(self, unit_id: int) -> UnitOrganisasi | None:
        unit = self.units.get(unit_id)
        while unit is not None and unit.parent_id is not None:
            unit = self.units.get(unit.parent_id)
        return unit


def jumlah_jabatan_di_bawah(unit: UnitOrganisasi) -> int:
    """How many positions the unit and its sub-units hold (two small queries, whatever the
    size of the rest of the instansi)."""
    ids = unit_subtree(unit.instansi_id, unit.pk).values_list("pk", flat=True)
    return Jabatan.objects.filter(unit_id__in=list(ids)).count()


def jumlah_jabatan_instansi(instansi_id: int) -> int:
    return Jabatan.objects.filter(instansi_id=instansi_id).count()


def subtree_ids(struktur: Struktur, unit_id: int) -> set[int]:
    hasil, tumpukan = set(), [unit_id]
    while tumpukan:
        uid = tumpukan.pop()
        hasil.add(uid)
        tumpukan.extend(struktur.anak_unit.get(uid, []))
    return hasil


def daftar_informasi_jabatan(struktur: Struktur, unit_id: int) -> list[tuple[str, int, Jabatan]]:
    """The numbered list of the decree's lampiran (1, 2, 2.1, 2.1.1 …) for a unit's subtree:
    the head of the unit is 1, the positions reporting to it are 2, 3, …, and each
    position's subordinates are numbered below it. Returns (nomor, depth, jabatan)."""
    ids = subtree_ids(struktur, unit_id)
    dalam = [j for uid in ids for j in struktur.per_unit.get(uid, [])]
    dalam_ids = {j.pk for j in dalam}
    anak: dict[int | None, list[Jabatan]] = {}
    for j in dalam:
        atasan = struktur.atasan(j)
        anak.setdefault(atasan.pk if atasan and atasan.pk in dalam_ids else None, []).append(j)
    for daftar in anak.values():
        daftar.sort(key=lambda j: (j.urutan, j.pk))
    akar = anak.get(None, [])
    kepala = struktur.kepala.get(unit_id)
    teratas: list[Jabatan] = []
    if kepala is not None and kepala in akar:
        teratas = [kepala, *anak.pop(kepala.pk, []), *[j for j in akar if j.pk != kepala.pk]]
    else:
        teratas = akar
    hasil: list[tuple[str, int, Jabatan]] = []

    def turun(j: Jabatan, nomor: str, depth: int):
        hasil.append((nomor, depth, j))
        for i, b in enumerate(anak.get(j.pk, []), start=1):
            turun(b, f"{nomor}.{i}", depth + 1)

    for i, j in enumerate(teratas, start=1):
        turun(j, str(i), 0)
    return hasil


def periode_for_user(user) -> QuerySet[PeriodeAnalisis]:
    return scoped_for_user(PeriodeAnalisis.objects.all(), user)


def periode_terbaru(instansi_id: int) -> PeriodeAnalisis | None:
    """The period an instansi works in unless another is chosen: the latest one."""
    return (
        PeriodeAnalisis.objects.filter(instansi_id=instansi_id)
        .select_related("instansi")
        .order_by("-tahun", "-pk")
        .first()
    )


def beban_jabatan(*, jenis: str, tugas=(), butir=(), periode=None) -> calc.BebanJabatan:
    """A position's workload figures in `periode`: the one place that decides the method
    (calc.metode_jabatan) and computes them. The rekap, peta, decree, Informasi Jabatan, its
    live preview and the exports all come through here, so they cannot disagree.

    `tugas` yields (volume, waktu_menit), `butir` (angka_kredit, konstanta, volume).
    """
    tugas, butir = list(tugas), list(butir)
    return calc.beban_jabatan(
        metode=calc.metode_jabatan(jenis, bool(tugas), bool(butir)),
        tugas=tugas,
        butir=butir,
        waktu_efektif_menit=periode.waktu_efektif_menit if periode else calc.WAKTU_EFEKTIF_MENIT,
        pembulatan=periode.pembulatan if periode else calc.PEMBULATAN_SETENGAH_KE_ATAS,
    )


def beban_jabatan_dari_jumlah(
    *, jenis: str, n_tugas: int, menit, n_butir: int, jam, periode
) -> calc.BebanJabatan:
    """beban_jabatan from a position's sums instead of its rows (the roll-up of a large
    instansi gets them from the database): the same method choice, the same figures."""
    return calc.beban_dari_jumlah(
        metode=calc.metode_jabatan(jenis, n_tugas > 0, n_butir > 0),
        menit=menit,
        jam=jam,
        waktu_efektif_menit=periode.waktu_efektif_menit,
        pembulatan=periode.pembulatan,
    )
