"""Workload (analisis beban kerja) and formation, pure functions over Decimal.

Permenpan RB 1/2020 tentang Pedoman Analisis Jabatan dan Analisis Beban Kerja: a position's
need of employees is its yearly workload divided by the effective working time of one
employee, 1,250 hours = 75,000 minutes a year. Nothing is rounded before the sum; rounding
is the last step and a setting of the analysis period (the seeds round half up).
"""

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_CEILING, ROUND_HALF_UP, Decimal

WAKTU_EFEKTIF_MENIT = Decimal(75000)
WAKTU_EFEKTIF_JAM = Decimal(1250)
MENIT_PER_JAM = Decimal(60)

# Volumes counted per day/week/month become per year with these multipliers (period
# settings; defaults: 235 working days = 365 − weekends − holidays − leave, 47 weeks of five
# days, 12 months), as ABK guidelines (Permendagri 12/2008, Permenpan RB 1/2020) count them.
HARI_KERJA_EFEKTIF = Decimal(235)
MINGGU_KERJA_EFEKTIF = Decimal(47)
BULAN_KERJA = Decimal(12)

PEMBULATAN_SETENGAH_KE_ATAS = "half_up"
PEMBULATAN_SELALU_KE_ATAS = "ceiling"


def _d(nilai) -> Decimal:
    if type(nilai) is Decimal:  # the common case, checked first (a rekap calls this ~2M times)
        return nilai
    if nilai is None or nilai == "":
        return Decimal(0)
    return nilai if isinstance(nilai, Decimal) else Decimal(str(nilai))


def volume_per_tahun(volume, faktor) -> Decimal:
    """A volume counted per day, week or month as a per-year volume: volume × faktor
    (e.g. 2 per day × 235 working days = 470 a year)."""
    return _d(volume) * _d(faktor)


def beban_kerja_tugas(volume, waktu_menit) -> Decimal:
    """Minutes of work a task takes in a year: volume × waktu penyelesaian."""
    return _d(volume) * _d(waktu_menit)


def kebutuhan_tugas(volume, waktu_menit, waktu_efektif_menit=WAKTU_EFEKTIF_MENIT) -> Decimal:
    """Employees one task needs: volume × minutes ÷ effective minutes.

    Seed 001, Kepala Dinas task 1: 1 × 3000 ÷ 75,000 = 0.040.
    """
    return beban_kerja_tugas(volume, waktu_menit) / _d(waktu_efektif_menit)


def kebutuhan_jabatan(tugas: Iterable[tuple], waktu_efektif_menit=WAKTU_EFEKTIF_MENIT) -> Decimal:
    """A struktural/pelaksana position's need: Σ (volume × minutes) ÷ effective minutes, unrounded.

    `tugas` yields (volume, waktu_menit). Seed 001: Kepala Dinas 1.202 (→ 1); Penata Layanan
    Operasional 2.1.4 sums to 2.880 (→ 3), though the decree prints 2.640.
    """
    total = sum((beban_kerja_tugas(v, w) for v, w in tugas), Decimal(0))
    return total / _d(waktu_efektif_menit)


def wpk(angka_kredit, konstanta) -> Decimal:
    """Waktu penyelesaian butir kegiatan in hours: AK ÷ Kt (seed 001: 0.36 ÷ 0.020 = 18.00).

    A zero konstanta has no time: it is reported by the plausibility checks, not divided by.
    """
    kt = _d(konstanta)
    if kt == 0:
        return Decimal(0)
    return _d(angka_kredit) / kt


def wpv(angka_kredit, konstanta, volume) -> Decimal:
    """Waktu penyelesaian volume kegiatan in hours: Wpk × volume (18.00 × 3 = 54.00)."""
    return wpk(angka_kredit, konstanta) * _d(volume)


def beban_kerja_fungsional_jam(butir: Iterable[tuple]) -> Decimal:
    """Σ Wpv in hours; `butir` yields (angka_kredit, konstanta, volume)."""
    return sum((wpv(ak, kt, v) for ak, kt, v in butir), Decimal(0))


def formasi_fungsional(butir: Iterable[tuple], waktu_efektif_jam=WAKTU_EFEKTIF_JAM) -> Decimal:
    """A functional position's formation: Σ (AK ÷ Kt × volume) ÷ effective hours, unrounded.

    Seed 001, Penyuluh Sosial Ahli Muda 3.1: 3,825.50 ÷ 1,250 = 3.06 (→ 3); the decree prints
    3,812.94 because one row's angka kredit is typed "0:09".
    """
    return beban_kerja_fungsional_jam(butir) / _d(waktu_efektif_jam)


# The value of Jabatan.Jenis.FUNGSIONAL (formulas take plain values, never models).
JENIS_FUNGSIONAL = "fungsional"

METODE_TUGAS = "tugas"
METODE_BUTIR = "butir"


def metode_jabatan(jenis: str, ada_tugas: bool, ada_butir: bool) -> str:
    """How a position's need is computed: by the credit method (Σ AK ÷ Kt × volume ÷ 1,250 h)
    when its rows are credit rows, by the task method (Σ volume × minutes ÷ 75,000) otherwise.
    A position with both kinds of rows follows its jenis (fungsional → credit)."""
    if ada_butir and (not ada_tugas or jenis == JENIS_FUNGSIONAL):
        return METODE_BUTIR
    return METODE_TUGAS


@dataclass(frozen=True)
class BebanJabatan:
    """A position's workload in a period, as every screen and document shows it."""

    metode: str
    beban_kerja_menit: Decimal
    kebutuhan: Decimal
    dibulatkan: int
    # Per row, in input order: a task's need (tugas) or a credit row's (Wpk, Wpv) in hours.
    baris: tuple

    @property
    def beban_kerja_jam(self) -> Decimal:
        return self.beban_kerja_menit / MENIT_PER_JAM


def beban_jabatan(
    *,
    metode: str,
    tugas: Iterable[tuple] = (),
    butir: Iterable[tuple] = (),
    waktu_efektif_menit=WAKTU_EFEKTIF_MENIT,
    pembulatan: str = PEMBULATAN_SETENGAH_KE_ATAS,
) -> BebanJabatan:
    """Workload, need and rounded need of one position by `metode` (see metode_jabatan).

    `tugas` yields (volume, waktu_menit); `butir` yields (angka_kredit, konstanta, volume).
    Task method: Σ volume × minutes, ÷ effective minutes (seed 001, Kepala Dinas: 1.202 → 1).
    Credit method: Σ AK ÷ Kt × volume hours, ÷ effective hours (Penyuluh Sosial Ahli Muda:
    3,825.50 ÷ 1,250 = 3.06 → 3). Rounding is the last step, on the unrounded sum.
    """
    if metode == METODE_BUTIR:
        butir = [(_d(ak), _d(kt), _d(v)) for ak, kt, v in butir]
        baris = tuple((wpk(ak, kt), wpv(ak, kt, v)) for ak, kt, v in butir)
        return beban_dari_jumlah(
            metode=metode,
            jam=jam_per_konstanta(jumlah_ak_volume_per_konstanta(butir)),
            waktu_efektif_menit=waktu_efektif_menit,
            pembulatan=pembulatan,
            baris=baris,
        )
    we_menit = _d(waktu_efektif_menit)
    tugas = [(_d(v), _d(w)) for v, w in tugas]
    menit = tuple(v * w for v, w in tugas)  # beban_kerja_tugas of each row
    return beban_dari_jumlah(
        metode=metode,
        menit=sum(menit, Decimal(0)),
        waktu_efektif_menit=we_menit,
        pembulatan=pembulatan,
        baris=tuple(m / we_menit for m in menit),  # kebutuhan_tugas of each row
    )


def jumlah_ak_volume_per_konstanta(butir: Iterable[tuple]) -> dict[Decimal, Decimal]:
    """Σ AK × volume of credit rows (angka_kredit, konstanta, volume), per konstanta: exact
    (products and sums of stored decimals), so a database can compute the same sums."""
    jumlah: dict[Decimal, Decimal] = {}
    for ak, kt, v in butir:
        kt = _d(kt)
        jumlah[kt] = jumlah.get(kt, Decimal(0)) + _d(ak) * _d(v)
    return jumlah


def jam_per_konstanta(jumlah: dict) -> Decimal:
    """Σ Wpv in hours from Σ AK × volume per konstanta: Σ over konstanta of sum ÷ Kt (Σ AK ÷ Kt
    × volume, with one division per konstanta instead of one per row). A zero konstanta has no
    time (wpk)."""
    return sum(
        (_d(s) / _d(kt) for kt, s in jumlah.items() if _d(kt) != 0 and s is not None),
        Decimal(0),
    )


def beban_dari_jumlah(
    *,
    metode: str,
    menit=0,
    jam=0,
    waktu_efektif_menit=WAKTU_EFEKTIF_MENIT,
    pembulatan: str = PEMBULATAN_SETENGAH_KE_ATAS,
    baris: tuple = (),
) -> BebanJabatan:
    """A position's figures from its sums: Σ volume × minutes (task method) or Σ Wpv hours
    (credit method). beban_jabatan sums the rows and comes here; the roll-up of a whole
    instansi gets the same sums from the database (anjab.agregat) and comes here too."""
    we_menit = _d(waktu_efektif_menit)
    if metode == METODE_BUTIR:
        jam = _d(jam)
        kebutuhan = jam / (we_menit / MENIT_PER_JAM)
        beban = jam * MENIT_PER_JAM
    else:
        beban = _d(menit)
        kebutuhan = beban / we_menit
    return BebanJabatan(
        metode=metode,
        beban_kerja_menit=beban,
        kebutuhan=kebutuhan,
        dibulatkan=bulatkan(kebutuhan, pembulatan),
        baris=baris,
    )


def bulatkan(nilai, mode: str = PEMBULATAN_SETENGAH_KE_ATAS) -> int:
    """The number of employees: half up by default (2.49 → 2, 2.640 → 3), or always up."""
    d = _d(nilai)
    if mode == PEMBULATAN_SELALU_KE_ATAS:
        return int(d.to_integral_value(rounding=ROUND_CEILING))
    if mode == PEMBULATAN_SETENGAH_KE_ATAS:
        return int(d.to_integral_value(rounding=ROUND_HALF_UP))
    raise ValueError(f"Mode pembulatan tidak dikenal: {mode}")


def efektivitas_jabatan(beban_kerja, bezetting, waktu_efektif) -> Decimal | None:
    """EJ = workload ÷ (bezetting × effective time), in the same unit (minutes or hours).

    None when nobody holds the position (no employee to be effective).
    """
    b = _d(bezetting)
    if b <= 0:
        return None
    return _d(beban_kerja) / (b * _d(waktu_efektif))


def predikat_efektivitas(ej, pita: Iterable[tuple]) -> str:
    """The rating of an EJ from bands [(minimum, label), …] sorted high to low, e.g.
    [(1.00, "A"), (0.90, "B"), (0.70, "C"), (0.50, "D"), (0, "E")]."""
    if ej is None:
        return ""
    nilai = _d(ej)
    for batas, label in pita:
        if nilai >= _d(batas):
            return label
    return ""


def selisih(bezetting: int, kebutuhan: int) -> int:
    """± of the peta jabatan: B − K (negative: shortage, positive: surplus)."""
    return int(bezetting) - int(kebutuhan)


def rekap_kelompok(baris: Iterable[tuple]) -> dict:
    """Totals of a group of positions (a unit, its subtree, an instansi).

    `baris` yields (beban_kerja_menit, kebutuhan, kebutuhan_dibulatkan, bezetting) per position.
    Each position's shortage or surplus is counted on its own: a shortage in one position (or
    unit) never cancels a surplus in another, so `kekurangan` and `kelebihan` are both
    positive sums and `selisih` is only their balance.
    """
    total = {
        "beban_kerja_menit": Decimal(0),
        "kebutuhan": Decimal(0),
        "kebutuhan_dibulatkan": 0,
        "bezetting": 0,
        "kekurangan": 0,
        "kelebihan": 0,
        "jumlah_jabatan": 0,
    }
    for beban, kebutuhan, dibulatkan, bezetting in baris:
        total["beban_kerja_menit"] += _d(beban)
        total["kebutuhan"] += _d(kebutuhan)
        total["kebutuhan_dibulatkan"] += int(dibulatkan)
        total["bezetting"] += int(bezetting)
        beda = selisih(bezetting, dibulatkan)
        total["kekurangan"] += max(-beda, 0)
        total["kelebihan"] += max(beda, 0)
        total["jumlah_jabatan"] += 1
    total["selisih"] = total["kelebihan"] - total["kekurangan"]
    return total


def gabung_rekap(kelompok: Iterable[dict]) -> dict:
    """The totals of several groups (rekap_kelompok results) as one group: a unit's subtree
    from its own positions and its sub-units' subtrees, each position still counted once.
    Shortage and surplus were counted per position, so they add up unchanged."""
    total = rekap_kelompok(())
    for k in kelompok:
        for kunci in ("beban_kerja_menit", "kebutuhan", "kebutuhan_dibulatkan", "bezetting",
                      "kekurangan", "kelebihan", "jumlah_jabatan"):  # fmt: skip
            total[kunci] += k[kunci]
    total["selisih"] = total["kelebihan"] - total["kekurangan"]
    return total
