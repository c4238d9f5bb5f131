"""Achievement (capaian) and budget realisation, pure functions over Decimal.

Permenpan RB 53/2014 (Petunjuk Teknis Perjanjian Kinerja, Pelaporan Kinerja): capaian is
realisasi ÷ target × 100 when higher is better, target ÷ realisasi × 100 when lower is better.
Seed 002 (LAKIP 2020 Kesbangpol Kota Pontianak): 80,09% against a 75% target is 106,79%
(the seed prints 117,8%); the budget 2.714.944.445 of 2.804.150.926 is 96,82%.
"""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.utils.translation import gettext as _

NAIK = "naik"
TURUN = "turun"
SERATUS = Decimal(100)


def _d(v) -> Decimal | None:
    if v is None or v == "":
        return None
    return v if isinstance(v, Decimal) else Decimal(str(v))


@dataclass(frozen=True)
class Capaian:
    nilai: Decimal | None  # percent, unrounded
    keterangan: str = ""
    melampaui: bool = False  # beyond any ratio (lower is better, realisation 0)

    @property
    def tercapai(self) -> bool | None:
        """Whether the target is met (capaian ≥ 100%); None when there is no capaian."""
        if self.melampaui:
            return True
        return None if self.nilai is None else self.nilai >= SERATUS

    def dibulatkan(self, desimal: int = 2) -> Decimal | None:
        if self.nilai is None:
            return None
        return self.nilai.quantize(Decimal(1).scaleb(-desimal), rounding=ROUND_HALF_UP)


def capaian(target, realisasi, arah: str = NAIK) -> Capaian:
    """Capaian (%) of a realisation against its target.

    Higher is better: R ÷ T × 100; a zero target cannot divide (no capaian, with the reason).
    Lower is better: T ÷ R × 100; a zero realisation with a positive target is better than any
    ratio can express (no capaian, with the reason); both zero is 100%.
    """
    t, r = _d(target), _d(realisasi)
    if t is None:
        return Capaian(None, _("Target belum ditetapkan."))
    if r is None:
        return Capaian(None, _("Realisasi belum diisi."))
    if arah == TURUN:
        if r == 0:
            if t == 0:
                return Capaian(SERATUS)
            return Capaian(
                None,
                _("Realisasi 0 pada indikator makin-rendah-makin-baik: target terlampaui."),
                melampaui=True,
            )
        return Capaian(t / r * SERATUS)
    if t == 0:
        return Capaian(None, _("Target 0 tidak dapat menjadi pembagi; capaian tidak dihitung."))
    return Capaian(r / t * SERATUS)


def persen_realisasi_anggaran(pagu, realisasi) -> Decimal | None:
    """Budget realisation (%): realisasi ÷ pagu × 100 (None when there is no pagu).

    Seed 002: Program Pengembangan Wawasan Kebangsaan 293.774.600 ÷ 296.200.000 = 99,18%
    (the seed prints 99,00)."""
    p, r = _d(pagu), _d(realisasi)
    if not p:
        return None
    return (r or Decimal(0)) / p * SERATUS


def perbandingan(nilai_n, nilai_n_1) -> tuple[Decimal | None, Decimal | None]:
    """Year N against N-1: (difference in points, change in % of N-1)."""
    n, m = _d(nilai_n), _d(nilai_n_1)
    if n is None or m is None:
        return None, None
    return n - m, ((n - m) / m * SERATUS) if m else None


def sasaran_tercapai(capaian: list[Capaian]) -> bool | None:
    """A sasaran meets its targets when every indikator does; None when one has no capaian
    yet (it cannot be judged) or the sasaran has no indikator in the PK."""
    nilai = [c.tercapai for c in capaian]
    if not nilai or None in nilai:
        return None
    return all(nilai)
