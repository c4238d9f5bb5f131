"""What a rekap reads about a period's task and credit rows, in a fixed number of queries.

Every position needs only sums for its figures: Σ volume × minutes of its tasks, Σ AK × volume
of its credit rows per konstanta (anjab.calculations.beban_dari_jumlah does the rest). On
PostgreSQL the database computes them, exactly (numeric); SQLite keeps decimals as floating
point, so there the rows are read and summed in Python by the same calculations — the
embedded database is for a first run, not for a Kabupaten.

The data-quality checks (abk.kualitas.periksa_jabatan) need a position's rows only when one
of them can be flagged: the prefilters next to the checks, duplicates found by grouping and
angka kredit outliers found from the medians pick those positions, and only their rows are read.
"""

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal
from functools import reduce
from operator import or_

from django.db import connection
from django.db.models import CharField, Count, DecimalField, F, Q, Sum, Value
from django.db.models.functions import Cast, Concat

from abk.kualitas import (
    BUTIR_PERLU_PERIKSA,
    TUGAS_PERLU_PERIKSA,
    kunci_butir,
    median_angka_kredit,
    pencilan_angka_kredit,
)
from anjab import calculations as calc
from anjab.models import ButirKegiatan, TugasJabatan

KOLOM_TUGAS = ("jabatan_id", "urutan", "uraian", "volume", "waktu", "kebutuhan_tercetak")
KOLOM_BUTIR = ("jabatan_id", "urutan", "butir_kegiatan", "angka_kredit", "konstanta", "volume",
               "wpk_tercetak", "wpv_tercetak")  # fmt: skip
# Large enough for any Σ of max_digits=12 × 12 (tasks) or 8 × 12 (credit rows) products.
_JUMLAH = DecimalField(max_digits=40, decimal_places=6)
# Above this many (text, angka kredit) outlier pairs the outliers' positions are found by
# reading every credit row instead of one OR of the pairs.
_PASANGAN_MAKS = 200


@dataclass(slots=True)
class JumlahJabatan:
    """A position's sums in a period."""

    n_tugas: int = 0
    menit: Decimal = Decimal(0)  # Σ volume × waktu of its tasks
    n_butir: int = 0
    ak_volume: dict | None = None  # konstanta → Σ AK × volume

    @property
    def jam(self) -> Decimal:
        return calc.jam_per_konstanta(self.ak_volume) if self.ak_volume else Decimal(0)


@dataclass
class BarisPeriode:
    jumlah: dict[int, JumlahJabatan]
    # Full rows (KOLOM_TUGAS / KOLOM_BUTIR without jabatan_id) of the positions that hold a
    # row the checks can flag; other positions have none here.
    tugas: dict[int, list[tuple]]
    butir: dict[int, list[tuple]]
    median_ak: dict[str, Decimal]


def _mentah(qs) -> list[tuple]:
    """The rows of an aggregate as psycopg gives them — already int and Decimal — without
    Django's per-row converters, which would only re-wrap them (PostgreSQL path only)."""
    sql, params = qs.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def _lingkup(periode, unit_ids) -> dict:
    # A period belongs to one instansi: without units, its rows are the whole instansi's.
    if unit_ids is None:
        return {"periode": periode}
    return {"periode": periode, "jabatan__unit_id__in": unit_ids}


def muat_jumlah(periode, unit_ids=None) -> dict[int, JumlahJabatan]:
    """Only the sums of every position (two aggregate queries): what a roll-up needs."""
    tugas = TugasJabatan.objects.filter(**_lingkup(periode, unit_ids))
    butir = ButirKegiatan.objects.filter(**_lingkup(periode, unit_ids))
    if connection.vendor != "postgresql":
        return _muat_baris(tugas, butir).jumlah
    nol = Decimal(0)
    jumlah = {
        jid: JumlahJabatan(n, menit or nol)
        for jid, n, menit in _mentah(
            tugas.values("jabatan_id")
            .annotate(n=Count("pk"), s=Sum(F("volume") * F("waktu"), output_field=_JUMLAH))
            .values_list("jabatan_id", "n", "s")
            .order_by()
        )
    }
    _jumlah_butir(butir, jumlah, set(), periksa=False)
    return jumlah


def _jumlah_butir(butir, jumlah, ditandai: set, *, periksa: bool) -> None:
    kolom = {
        "n": Count("pk"),
        "s": Sum(F("angka_kredit") * F("volume"), output_field=_JUMLAH),
    }
    if periksa:
        kolom["p"] = Count("pk", filter=BUTIR_PERLU_PERIKSA)
    for jid, kt, n, s, *p in _mentah(
        butir.values("jabatan_id", "konstanta")
        .annotate(**kolom)
        .values_list("jabatan_id", "konstanta", *kolom)
        .order_by()
    ):
        j = jumlah.get(jid)
        if j is None:
            j = jumlah[jid] = JumlahJabatan()
        j.n_butir += n
        if j.ak_volume is None:
            j.ak_volume = {}
        j.ak_volume[kt] = s or Decimal(0)
        if p and p[0]:
            ditandai.add(jid)


def muat(periode, unit_ids=None) -> BarisPeriode:
    """Sums and the rows to check of every position of `unit_ids` (None: the whole instansi)
    in `periode`. One unit's rows are few and its page shows them: they are read (two
    queries); the aggregates pay off for a whole instansi."""
    tugas = TugasJabatan.objects.filter(**_lingkup(periode, unit_ids))
    butir = ButirKegiatan.objects.filter(**_lingkup(periode, unit_ids))
    if connection.vendor != "postgresql" or unit_ids is not None:
        return _muat_baris(tugas, butir)
    jumlah: dict[int, JumlahJabatan] = defaultdict(JumlahJabatan)
    periksa: set[int] = set()
    # A duplicate task has the same volume and time as another of the position (and the same
    # text, which periksa_jabatan compares once the rows are read): fewer distinct pairs than
    # tasks. Rows without either are flagged anyway (TUGAS_PERLU_PERIKSA).
    teks = CharField()
    pasangan_tugas = Concat(
        Cast("volume", teks), Value("|"), Cast("waktu", teks), output_field=teks
    )
    for jid, n, menit, ditandai, beda in (
        tugas.values("jabatan_id")
        .annotate(
            n=Count("pk"),
            s=Sum(F("volume") * F("waktu"), output_field=_JUMLAH),
            p=Count("pk", filter=TUGAS_PERLU_PERIKSA),
            d=Count(pasangan_tugas, distinct=True),
        )
        .values_list("jabatan_id", "n", "s", "p", "d")
        .order_by()
    ):
        j = jumlah[jid]
        j.n_tugas, j.menit = n, menit or Decimal(0)
        if ditandai or beda < n:
            periksa.add(jid)
    _jumlah_butir(butir, jumlah, periksa, periksa=True)
    pasangan = list(
        butir.values("butir_kegiatan", "angka_kredit")
        .annotate(n=Count("pk"))
        .values_list("butir_kegiatan", "angka_kredit", "n")
        .order_by()
    )
    median = median_angka_kredit(pasangan)
    pencilan = [
        (teks, ak)
        for teks, ak, _ in pasangan
        if pencilan_angka_kredit(ak, median.get(kunci_butir(teks)))
    ]
    if len(pencilan) > _PASANGAN_MAKS:
        periksa.update(j for j, v in jumlah.items() if v.n_butir)
    elif pencilan:
        periksa.update(
            butir.filter(reduce(or_, (Q(butir_kegiatan=t, angka_kredit=ak) for t, ak in pencilan)))
            .values_list("jabatan_id", flat=True)
            .order_by()
        )
    baris_tugas, baris_butir = defaultdict(list), defaultdict(list)
    if periksa:
        ids = sorted(periksa)
        for row in tugas.filter(jabatan_id__in=ids).values_list(*KOLOM_TUGAS):
            baris_tugas[row[0]].append(row[1:])
        for row in butir.filter(jabatan_id__in=ids).values_list(*KOLOM_BUTIR):
            baris_butir[row[0]].append(row[1:])
    return BarisPeriode(dict(jumlah), baris_tugas, baris_butir, median)


def muat_baris(periode, unit_ids=None) -> BarisPeriode:
    """muat by reading every row and summing in Python, whatever the database: what muat
    does on SQLite and for one unit, and what its aggregates must agree with."""
    return _muat_baris(
        TugasJabatan.objects.filter(**_lingkup(periode, unit_ids)),
        ButirKegiatan.objects.filter(**_lingkup(periode, unit_ids)),
    )


def _muat_baris(tugas, butir) -> BarisPeriode:
    """Every row read and summed in Python (see the module's docstring)."""
    jumlah: dict[int, JumlahJabatan] = defaultdict(JumlahJabatan)
    baris_tugas, baris_butir = defaultdict(list), defaultdict(list)
    for row in tugas.values_list(*KOLOM_TUGAS):
        baris_tugas[row[0]].append(row[1:])
    for row in butir.values_list(*KOLOM_BUTIR):
        baris_butir[row[0]].append(row[1:])
    for jid, rows in baris_tugas.items():
        j = jumlah[jid]
        j.n_tugas = len(rows)
        j.menit = sum((calc.beban_kerja_tugas(v, w) for _, _, v, w, _ in rows), Decimal(0))
    for jid, rows in baris_butir.items():
        j = jumlah[jid]
        j.n_butir = len(rows)
        j.ak_volume = calc.jumlah_ak_volume_per_konstanta(
            (ak, kt, v) for _, _, ak, kt, v, _, _ in rows
        )
    median = median_angka_kredit(
        (teks, ak, 1) for rows in baris_butir.values() for _, teks, ak, *_ in rows
    )
    return BarisPeriode(dict(jumlah), baris_tugas, baris_butir, median)
