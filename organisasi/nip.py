"""Nomor Induk Pegawai (NIP), the 18-digit civil-servant number.

Layout (BKN): birth date yyyymmdd (8) · TMT CPNS yyyymm (6) · sex 1/2 (1) · sequence (3),
e.g. 19850615 201001 1 003. For PPPK the "month" of the TMT part is 21 (the year is the
year of appointment), e.g. 19900101 202221 2 001.
"""

import datetime as dt
import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

BULAN_PPPK = 21


@dataclass(frozen=True)
class InfoNip:
    tanggal_lahir: dt.date
    tmt: dt.date | None  # first day of the TMT month; None for a PPPK number
    tahun_pengangkatan: int
    jenis_kelamin: str  # "L" or "P"
    nomor_urut: int
    pppk: bool


def normalisasi_nip(nilai: str) -> str:
    """Drops the spaces, dots and dashes people type inside a NIP."""
    return re.sub(r"[\s.\-]", "", nilai or "")


def urai_nip(nilai: str) -> InfoNip:
    """Reads a NIP, raising a ValidationError in Indonesian naming what is wrong."""
    nip = normalisasi_nip(nilai)
    if not nip.isdigit() or len(nip) != 18:
        raise ValidationError(
            _("NIP harus terdiri atas 18 angka (saat ini %(n)s karakter)."),
            code="panjang",
            params={"n": len(nip)},
        )
    try:
        lahir = dt.date(int(nip[0:4]), int(nip[4:6]), int(nip[6:8]))
    except ValueError:
        raise ValidationError(
            _("Delapan angka pertama NIP (%(s)s) bukan tanggal lahir yang sah."),
            code="tanggal_lahir",
            params={"s": nip[0:8]},
        ) from None
    tahun, bulan = int(nip[8:12]), int(nip[12:14])
    pppk = bulan == BULAN_PPPK
    if not pppk and not 1 <= bulan <= 12:
        raise ValidationError(
            _("Angka ke-9 sampai ke-14 NIP (%(s)s) bukan bulan dan tahun TMT yang sah."),
            code="tmt",
            params={"s": nip[8:14]},
        )
    if tahun < lahir.year + 14 or tahun > timezone.localdate().year + 1:
        raise ValidationError(
            _("Tahun TMT pada NIP (%(t)s) tidak mungkin untuk pegawai yang lahir tahun %(l)s."),
            code="tmt",
            params={"t": tahun, "l": lahir.year},
        )
    if nip[14] not in "12":
        raise ValidationError(
            _(
                "Angka ke-15 NIP (jenis kelamin) harus 1 (laki-laki) atau 2 (perempuan), "
                "bukan %(s)s."
            ),
            code="jenis_kelamin",
            params={"s": nip[14]},
        )
    urut = int(nip[15:18])
    if urut == 0:
        raise ValidationError(
            _("Nomor urut NIP (tiga angka terakhir) tidak boleh 000."), code="urut"
        )
    return InfoNip(
        tanggal_lahir=lahir,
        tmt=None if pppk else dt.date(tahun, bulan, 1),
        tahun_pengangkatan=tahun,
        jenis_kelamin="L" if nip[14] == "1" else "P",
        nomor_urut=urut,
        pppk=pppk,
    )


def validasi_nip(nilai: str) -> None:
    urai_nip(nilai)


def format_nip(nip: str) -> str:
    """ "198506152010011003" → "19850615 201001 1 003", as NIPs are printed on documents."""
    n = normalisasi_nip(nip)
    if len(n) != 18:
        return nip
    return f"{n[0:8]} {n[8:14]} {n[14]} {n[15:18]}"
