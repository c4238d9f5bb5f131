"""Job evaluation (evaluasi jabatan), pure functions over plain values.

Permenpan RB 34/2011 tentang Pedoman Evaluasi Jabatan: each factor is assessed at a level,
each level has points, and the total points fall in the range of one kelas jabatan.
Seed 000 (Kepala Kantor Kesbangpol Kota Pontianak): levels 1-3, 2-1, 3-2, 4A-3, 4B-3, 5-3, 6-2
give 550 + 100 + 775 + 75 + 100 + 340 + 575 = 2515 points, kelas 13.
"""

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.utils.translation import gettext as _

FIXTURE = Path(__file__).resolve().parents[2] / "fixtures" / "katalog" / "evaluasi_jabatan.json"

JENIS = ("struktural", "fungsional")

# Permenpan RB 34/2011 grades positions from kelas 1 to kelas 17, the range the shipped
# tables cover; a kelas typed over the evaluation result must stay inside it.
KELAS_MIN = 1
KELAS_MAX = 17


@dataclass(frozen=True)
class TabelNilai:
    """One version of the evaluation tables: points per factor level and kelas ranges."""

    nilai: dict[str, dict[str, dict[int, int]]]  # jenis → factor code → level → points
    kelas: tuple[tuple[int, int, int | None], ...]  # (kelas, min, max or None)


@dataclass(frozen=True)
class HasilEvaluasi:
    """The result; unpacks as `total, kelas = evaluasi_jabatan(...)` too."""

    total_nilai: int
    kelas: int
    nilai_faktor: dict[str, int]

    def __iter__(self):
        return iter((self.total_nilai, self.kelas))

    def __getitem__(self, kunci):
        return {0: self.total_nilai, 1: self.kelas, "total": self.total_nilai,
                "total_nilai": self.total_nilai, "kelas": self.kelas}[kunci]  # fmt: skip


class EvaluasiTidakSah(ValueError):
    """Raised with an Indonesian message when levels do not fit the tables."""


@cache
def tabel_bawaan() -> TabelNilai:
    """The shipped tables (fixtures/katalog/evaluasi_jabatan.json), read once."""
    data = json.loads(FIXTURE.read_text(encoding="utf-8"))["data"][0]
    return tabel_dari_data(data)


def tabel_dari_data(versi: dict) -> TabelNilai:
    nilai = {
        s["jenis"]: {
            f["kode"]: {lv["level"]: lv["nilai"] for lv in f["level"]} for f in s["faktor"]
        }
        for s in versi["sistem"]
    }
    kelas = tuple((k["kelas"], k["nilai_min"], k["nilai_max"]) for k in versi["kelas"])
    return TabelNilai(nilai=nilai, kelas=kelas)


def kelas_dari_nilai(total: int, tabel: TabelNilai | None = None) -> int:
    """The kelas jabatan whose range holds `total` (2515 → 13)."""
    tabel = tabel or tabel_bawaan()
    for kelas, bawah, atas in tabel.kelas:
        if total >= bawah and (atas is None or total <= atas):
            return kelas
    raise EvaluasiTidakSah(
        _("Total nilai %(total)s di bawah rentang kelas jabatan terendah.") % {"total": total}
    )


def evaluasi_jabatan(
    jenis: str, levels: dict[str, int], tabel: TabelNilai | None = None
) -> HasilEvaluasi:
    """Total points and kelas of a position from the level chosen for every factor.

    `jenis` is "struktural" (factors 1, 2, 3, 4A, 4B, 5, 6) or "fungsional" (factors 1–9, for
    functional and pelaksana positions); `levels` maps each factor code to its level.
    """
    tabel = tabel or tabel_bawaan()
    if jenis not in tabel.nilai:
        raise EvaluasiTidakSah(
            _("Jenis evaluasi '%(jenis)s' tidak dikenal (struktural/fungsional).")
            % {"jenis": jenis}
        )
    faktor = tabel.nilai[jenis]
    levels = {str(k).upper(): v for k, v in levels.items()}
    kurang = [k for k in faktor if k not in levels]
    if kurang:
        raise EvaluasiTidakSah(
            _("Tingkat faktor %(faktor)s belum dipilih.") % {"faktor": ", ".join(kurang)}
        )
    lebih = [k for k in levels if k not in faktor]
    if lebih:
        raise EvaluasiTidakSah(
            _("Faktor %(faktor)s tidak ada pada evaluasi jabatan %(jenis)s.")
            % {"faktor": ", ".join(lebih), "jenis": jenis}
        )
    nilai_faktor = {}
    for kode, tingkat in faktor.items():
        level = levels[kode]
        if level not in tingkat:
            raise EvaluasiTidakSah(
                _("Faktor %(kode)s tidak mempunyai tingkat %(level)s (1–%(maks)s).")
                % {"kode": kode, "level": level, "maks": max(tingkat)}
            )
        nilai_faktor[kode] = tingkat[level]
    total = sum(nilai_faktor.values())
    return HasilEvaluasi(
        total_nilai=total, kelas=kelas_dari_nilai(total, tabel), nilai_faktor=nilai_faktor
    )


def kelas_lazim(jenis: str, jenjang: str, rentang: dict) -> tuple[int, int] | None:
    """The usual kelas range of a position (fixtures/katalog/kelas_lazim.json, read by
    anjab.reference.rentang_kelas_lazim): a functional position's by its jenjang, any other by
    its jenis; None when the table says nothing."""
    if jenjang and jenjang in rentang.get("jenjang", {}):
        return tuple(rentang["jenjang"][jenjang])
    if jenis in rentang.get("jenis", {}):
        return tuple(rentang["jenis"][jenis])
    return None


def kelas_tidak_lazim(kelas: int | None, lazim: tuple[int, int] | None) -> bool:
    """Whether an evaluated kelas falls outside the usual range (a pelaksana at kelas 11)."""
    return kelas is not None and lazim is not None and not lazim[0] <= kelas <= lazim[1]
