"""Indonesian document formatting: "1.250,00", "24 Juni 2024", "14 (Empat Belas)"."""

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal

BULAN = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
         "September", "Oktober", "November", "Desember"]  # fmt: skip

_SATUAN = ["", "Satu", "Dua", "Tiga", "Empat", "Lima", "Enam", "Tujuh", "Delapan", "Sembilan",
           "Sepuluh", "Sebelas"]  # fmt: skip


def angka(nilai, desimal: int = 2) -> str:
    """1250 → "1.250,00"; rounds half up for display only."""
    if nilai is None or nilai == "":
        return ""
    d = Decimal(str(nilai))
    q = Decimal(1).scaleb(-desimal) if desimal else Decimal(1)
    d = d.quantize(q, rounding=ROUND_HALF_UP)
    tanda = "-" if d < 0 else ""
    bulat, _, pecahan = f"{abs(d):f}".partition(".")
    bulat = f"{int(bulat):,}".replace(",", ".")
    return f"{tanda}{bulat},{pecahan}" if desimal else f"{tanda}{bulat}"


def angka_bertanda(nilai, desimal: int = 2) -> str:
    """A difference with its sign: 0.24 → "+0,24", -3 → "-3", 0 → "0"."""
    teks = angka(nilai, desimal)
    if (
        teks
        and not teks.startswith("-")
        and Decimal(str(nilai)).quantize(Decimal(1).scaleb(-desimal), rounding=ROUND_HALF_UP)
    ):
        return f"+{teks}"
    return teks


def angka_ringkas(nilai) -> str:
    """A quantity without needless decimals: 12.00 → "12", 0.50 → "0,5", 3000 → "3.000"."""
    if nilai is None or nilai == "":
        return ""
    d = Decimal(str(nilai)).normalize()
    desimal = max(0, -d.as_tuple().exponent)
    return angka(d, desimal)


def huruf(n: int) -> str:
    """1 → "a", 27 → "aa": the letters of Indonesian legal lists."""
    n = int(n)
    ulang, sisa = divmod(n - 1, 26)
    return chr(ord("a") + sisa) * (ulang + 1)


def tanggal(d: dt.date | None) -> str:
    """date(2024, 6, 24) → "24 Juni 2024"."""
    if d is None:
        return ""
    return f"{d.day} {BULAN[d.month - 1]} {d.year}"


def terbilang(n: int) -> str:
    """14 → "Empat Belas"; 2515 → "Dua Ribu Lima Ratus Lima Belas"."""
    n = int(n)
    if n < 0:
        return f"Minus {terbilang(-n)}"
    if n == 0:
        return "Nol"
    return _terbilang(n).strip()


def _terbilang(n: int) -> str:
    if n < 12:
        return _SATUAN[n]
    if n < 20:
        return f"{_SATUAN[n - 10]} Belas"
    if n < 100:
        return f"{_SATUAN[n // 10]} Puluh {_terbilang(n % 10)}".strip()
    if n < 200:
        return f"Seratus {_terbilang(n - 100)}".strip()
    if n < 1000:
        return f"{_SATUAN[n // 100]} Ratus {_terbilang(n % 100)}".strip()
    if n < 2000:
        return f"Seribu {_terbilang(n - 1000)}".strip()
    for besar, nama in ((10**12, "Triliun"), (10**9, "Miliar"), (10**6, "Juta"), (1000, "Ribu")):
        if n >= besar:
            return f"{_terbilang(n // besar)} {nama} {_terbilang(n % besar)}".strip()
    raise AssertionError(n)


def kelas_teks(kelas: int | None) -> str:
    """14 → "14 (Empat Belas)", as section 17 of an Informasi Jabatan prints it."""
    if kelas is None:
        return "-"
    return f"{kelas} ({terbilang(kelas)})"
