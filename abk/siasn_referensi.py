"""The SIASN INFOJAB template as data: its layout (fixtures/siasn/templat_infojab.json), its
reference lists (the CSVs beside it) and how our catalogue codes read as its labels
(pemetaan_katalog.json). Import and export both read these, so the two cannot drift apart."""

import csv
import re
from dataclasses import dataclass
from functools import cache

from openpyxl.utils import get_column_letter

from anjab import calculations as calc
from organisasi.reference import FIXTURES, baca_fixture

RUMPUN = ("rumpun_pendidikan", "rumpun_diklat")
# SIASN refuses a task row whose Waktu Kerja Efektif is not Permenpan RB 1/2020's effective time,
# whatever a period computes with; the value only says the row's unit (hours or minutes).
WAKTU_EFEKTIF_SIASN_MENIT = calc.WAKTU_EFEKTIF_MENIT
WAKTU_EFEKTIF_SIASN_JAM = WAKTU_EFEKTIF_SIASN_MENIT / calc.MENIT_PER_JAM
PILIHAN_WAKTU_EFEKTIF = f"{WAKTU_EFEKTIF_SIASN_JAM} (jam) atau {WAKTU_EFEKTIF_SIASN_MENIT} (menit)"


def kunci_label(teks) -> str:
    """Labels compare case- and space-insensitively: SIASN refuses spelling, not casing."""
    return " ".join(str(teks or "").split()).casefold()


@dataclass(frozen=True)
class Kolom:
    kunci: str
    judul: str
    jenis: str
    huruf: str
    indeks: int  # 0-based
    petunjuk: str = ""
    tabel: str = ""
    banyak: bool = False
    maks: int | None = None
    baris: bool = False
    pilihan: tuple = ()
    minimum: int | None = None
    maksimum: int | None = None


@dataclass(frozen=True)
class TataLembar:
    nama: str
    kelompok: tuple  # (first letter, last letter, title)
    petunjuk: bool
    kolom: tuple[Kolom, ...]

    def kolom_(self, kunci: str) -> Kolom:
        return next(k for k in self.kolom if k.kunci == kunci)


@cache
def tata_letak() -> dict[str, TataLembar]:
    """The five INFOJAB sheets by name, in template order."""
    data = baca_fixture("siasn/templat_infojab.json")
    hasil = {}
    for lb in data["lembar"]:
        kolom = tuple(
            Kolom(
                kunci=k["kunci"],
                judul=k["judul"],
                jenis=k["jenis"],
                huruf=get_column_letter(i + 1),
                indeks=i,
                petunjuk=k.get("petunjuk", ""),
                tabel=k.get("tabel", ""),
                banyak=k.get("banyak", False),
                maks=k.get("maks"),
                baris=k.get("baris", False),
                pilihan=tuple(k.get("pilihan", ())),
                minimum=k.get("minimum"),
                maksimum=k.get("maksimum"),
            )
            for i, k in enumerate(lb["kolom"])
        )
        hasil[lb["nama"]] = TataLembar(
            nama=lb["nama"],
            kelompok=tuple(tuple(g) for g in lb["kelompok"]),
            petunjuk=lb["petunjuk"],
            kolom=kolom,
        )
    return hasil


@cache
def lembar_referensi() -> list[tuple[str, list[str]]]:
    """(sheet name, tables it lists) for TABEL REFERENSI I–III."""
    return [
        (r["nama"], r["tabel"]) for r in baca_fixture("siasn/templat_infojab.json")["referensi"]
    ]


def _baca_csv(nama: str) -> list[dict]:
    with open(FIXTURES / "siasn" / nama, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


@cache
def daftar_referensi(tabel: str) -> tuple[str, ...]:
    """The labels of one reference list, in the template's order."""
    if tabel in RUMPUN:
        return tuple(r["nilai"].strip() for r in _baca_csv(f"{tabel}.csv") if r["nilai"].strip())
    return tuple(r["nilai"] for r in _baca_csv("referensi_infojab.csv") if r["tabel"] == tabel)


@cache
def _indeks_referensi(tabel: str) -> dict[str, str]:
    return {kunci_label(v): v for v in daftar_referensi(tabel)}


def label_referensi(tabel: str, teks) -> str | None:
    """The list's own spelling of `teks`, or None when SIASN would refuse it."""
    return _indeks_referensi(tabel).get(kunci_label(teks))


@cache
def pemetaan() -> dict:
    return baca_fixture("siasn/pemetaan_katalog.json")


def label_katalog(jenis: str, obj) -> str | None:
    """The SIASN label of a catalogue entry (BakatKerja G → "Intelegensia"), None if none."""
    peta = pemetaan()
    if jenis == "minat":
        return peta["minat"].get(obj.sistem, {}).get(obj.kode)
    if jenis == "fungsi_pekerjaan":
        return peta["fungsi_pekerjaan"].get(obj.kelompok, {}).get(obj.kode)
    return peta[jenis].get(obj.kode)


@cache
def kode_dari_label(jenis: str) -> dict[str, tuple[str, str]]:
    """SIASN label (normalised) → (group, our code): group is the Holland/Cottle system for
    minat, the data/orang/benda group for fungsi pekerjaan, "" otherwise."""
    peta = pemetaan()[jenis]
    if jenis in ("minat", "fungsi_pekerjaan"):
        return {kunci_label(lbl): (g, kode) for g, isi in peta.items() for kode, lbl in isi.items()}
    return {kunci_label(lbl): ("", kode) for kode, lbl in peta.items()}


def _kunci_bebas(teks: str) -> str:
    t = re.sub(r"\s*/\s*", "/", kunci_label(teks))
    return t.rstrip(" .;,")


def label_bebas(jenis: str, teks: str) -> str | None:
    """A free-text field (jenis kelamin, prestasi kerja) as a SIASN label, or None."""
    return pemetaan()[jenis].get(_kunci_bebas(teks))


def tingkat_pendidikan(teks: str) -> str | None:
    """The Tingkat Pendidikan Minimum a syarat pendidikan names: a line that is already a SIASN
    label, else the first level written in it ("S-1 (Strata-Satu)/D-IV …" → "S-1/Sarjana")."""
    for baris in (teks or "").splitlines():
        label = label_referensi("tingkat pendidikan minimum", baris)
        if label:
            return label
    terbaik = None
    for awalan, label in pemetaan()["tingkat_pendidikan"]:
        m = re.search(rf"(?<![A-Za-z0-9]){re.escape(awalan)}(?![A-Za-z0-9-])", teks or "")
        if m and (terbaik is None or m.start() < terbaik[0]):
            terbaik = (m.start(), label)
    return terbaik[1] if terbaik else None


def label_fungsi_kosong(kelompok: str) -> str | None:
    """The label SIASN uses for "no function" in a group ("Tidak ada" for benda)."""
    return pemetaan()["fungsi_kosong"].get(kelompok)
