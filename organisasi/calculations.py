"""Pure rules about employees: no ORM here."""

import datetime as dt

from dateutil.relativedelta import relativedelta

# Batas Usia Pensiun, UU 20/2023 tentang ASN jo. PP 11/2017 Pasal 239 (as amended by PP 17/2020).
BUP_ADMINISTRASI = 58
BUP_JPT = 60
BUP_AHLI_MADYA = 60
BUP_AHLI_UTAMA = 65
# Values of Jabatan.Jenis/Jenjang, spelled here because pure rules import no model.
AWALAN_JENIS_JPT = "jpt"
JENJANG_AHLI_MADYA = "ahli_madya"
JENJANG_AHLI_UTAMA = "ahli_utama"


def batas_usia_pensiun(*, jenis_jabatan: str | None = None, jenjang: str | None = None) -> int:
    """Retirement age by position: 58 for administrasi, pelaksana, ahli pertama/muda and
    keterampilan; 60 for JPT and Ahli Madya; 65 for Ahli Utama. Without a position, 58."""
    if jenis_jabatan and jenis_jabatan.startswith(AWALAN_JENIS_JPT):
        return BUP_JPT
    if jenjang == JENJANG_AHLI_UTAMA:
        return BUP_AHLI_UTAMA
    if jenjang == JENJANG_AHLI_MADYA:
        return BUP_AHLI_MADYA
    return BUP_ADMINISTRASI


def tanggal_pensiun(tanggal_lahir: dt.date, bup: int) -> dt.date:
    """TMT pensiun: the first day of the month after the employee reaches the retirement age
    (PP 11/2017: discharged at the end of the month the age is reached).

    A PNS born 15 June 1966 with BUP 58 reaches 58 on 15 June 2024 and retires 1 July 2024.
    """
    return tanggal_lahir + relativedelta(years=bup, months=1, day=1)


def usia(tanggal_lahir: dt.date, pada: dt.date) -> int:
    """Completed years of age on a date."""
    return (
        pada.year
        - tanggal_lahir.year
        - ((pada.month, pada.day) < (tanggal_lahir.month, tanggal_lahir.day))
    )
