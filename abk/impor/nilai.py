"""Values as people type them: numbers with Indonesian separators, the words offices write for
a kind of position, and the level of a "Struktural" position."""

import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _

from abk.impor.kata import kata_impor
from abk.impor.pemetaan import normalisasi
from anjab.models import Jabatan
from organisasi.reference import baca_fixture

# A written jenjang (normalised) → Jabatan.Jenjang.
JENJANG = {normalisasi(k): jenjang for jenjang, ks in kata_impor("jenjang").items() for k in ks}
# Not a Jabatan.Jenis: the word a workbook writes when the level is to be worked out
# (fixtures/impor_jenis_jabatan.json).
STRUKTURAL = "struktural"
# The structural levels from the top down.
URUT_TINGKAT = [
    Jabatan.Jenis.JPT_UTAMA,
    Jabatan.Jenis.JPT_MADYA,
    Jabatan.Jenis.JPT_PRATAMA,
    Jabatan.Jenis.ADMINISTRATOR,
    Jabatan.Jenis.PENGAWAS,
]
TINGKAT_NAMA = {t: t.label for t in URUT_TINGKAT}


class NilaiTidakSah(ValueError):
    pass


def angka(nilai, *, bulat_lazim: bool = False) -> Decimal | None:
    """A number from a cell, however a legacy workbook typed it; NilaiTidakSah otherwise.

    "0,5" → 0.5; "1.500" → 1500 where integers are usual (volumes, minutes); "98%" → 0.98;
    "0:09" (a typo for 0,09) and dates are refused.
    """
    if nilai is None or (isinstance(nilai, str) and not nilai.strip()):
        return None
    if isinstance(nilai, bool):
        raise NilaiTidakSah(_("bukan angka"))
    if isinstance(nilai, dt.datetime | dt.date | dt.time | dt.timedelta):
        raise NilaiTidakSah(
            _("berisi tanggal/waktu, bukan angka (format sel berubah menjadi tanggal)")
        )
    if isinstance(nilai, int | float | Decimal):
        if isinstance(nilai, float) and (nilai != nilai or nilai in (float("inf"), float("-inf"))):
            raise NilaiTidakSah(_("bukan angka"))
        return Decimal(str(nilai))
    s = str(nilai).strip().replace(" ", "").replace("\u00a0", "")
    if s in {"-", "–", "—"}:
        return None
    persen = s.endswith("%")
    if persen:
        s = s[:-1]
    if not re.fullmatch(r"[+-]?[0-9][0-9.,]*", s):
        raise NilaiTidakSah(_("bukan angka"))
    if "," in s and "." in s:
        desimal = "," if s.rfind(",") > s.rfind(".") else "."
        ribuan = "." if desimal == "," else ","
        s = s.replace(ribuan, "").replace(desimal, ".")
    elif "," in s:
        s = (
            s.replace(",", "")
            if bulat_lazim and re.fullmatch(r"[+-]?\d{1,3}(,\d{3})+", s)
            else s.replace(",", ".")
        )
    elif "." in s and bulat_lazim and re.fullmatch(r"[+-]?\d{1,3}(\.\d{3})+", s):
        s = s.replace(".", "")
    try:
        hasil = Decimal(s)
    except InvalidOperation:
        raise NilaiTidakSah(_("bukan angka")) from None
    return hasil / 100 if persen else hasil


@dataclass
class KamusJenis:
    """The jenis words (fixtures/impor_jenis_jabatan.json + the admin's additions)."""

    kata: dict[str, str]
    dari_nama: list[tuple[str, str]]
    dari_eselon: dict[str, str]

    @classmethod
    def muat(cls, instansi_id: int | None = None) -> "KamusJenis":
        from abk.models import SinonimJenisJabatan

        data = baca_fixture("impor_jenis_jabatan.json")
        kata = {normalisasi(k): jenis for jenis, ks in data["jenis"].items() for k in ks}
        qs = SinonimJenisJabatan.objects.filter(instansi__isnull=True)
        if instansi_id is not None:
            qs = qs | SinonimJenisJabatan.objects.filter(instansi_id=instansi_id)
        for k, jenis in qs.values_list("kata", "jenis"):
            kata[normalisasi(k)] = jenis
        dari_nama = [
            (normalisasi(awal), aturan["jenis"])
            for aturan in data["tingkat_dari_nama"]
            for awal in aturan["awal"]
        ]
        # Longest prefix first: "sekretaris daerah" before "sekretaris".
        dari_nama.sort(key=lambda p: -len(p[0]))
        return cls(kata=kata, dari_nama=dari_nama, dari_eselon=data["tingkat_dari_eselon"])

    def jenis(self, teks: str) -> str | None:
        """The jenis a written word means ("JFU" → pelaksana; "Struktural" → struktural)."""
        t = normalisasi(teks)
        if t in self.kata:
            return self.kata[t]
        t2 = re.sub(r"^(jabatan|jab)\s+", "", t)
        return self.kata.get(t2)

    def tingkat_eselon(self, eselon: str) -> str | None:
        m = re.match(r"^\s*(?:eselon\s*)?(IV|III|II|I)\b", (eselon or "").strip(), re.IGNORECASE)
        return self.dari_eselon.get(m.group(1).upper()) if m else None

    def tingkat_nama(self, nama: str) -> str | None:
        n = normalisasi(nama)
        for awal, jenis in self.dari_nama:
            if n == awal or n.startswith(awal + " "):
                return jenis
        return None


def jenjang_dari(nama: str, teks: str = "") -> str:
    """The functional level from a Jenjang column or the end of the position's name."""
    t = normalisasi(teks)
    if t in JENJANG:
        return JENJANG[t]
    n = normalisasi(nama)
    for k in sorted(JENJANG, key=len, reverse=True):
        if " " in k and (n.endswith(" " + k) or n == k):
            return JENJANG[k]
    return ""


def tingkat_struktural(
    kamus: KamusJenis, *, nama: str, eselon: str, rantai: dict[str, str]
) -> tuple[str | None, str]:
    """(level, the rule that chose it) of a position written "Struktural": its eselon, its
    title (Kepala Dinas → JPT Pratama …), or the chain of superiors above it."""
    t = kamus.tingkat_eselon(eselon)
    if t:
        return t, _("dari eselon %(eselon)s") % {"eselon": eselon}
    t = kamus.tingkat_nama(nama)
    if t:
        return t, _("dari nama jabatan")
    terisi = [k for k in URUT_TINGKAT if rantai.get(k)]
    if terisi:
        bawah = URUT_TINGKAT.index(terisi[-1]) + 1
        if bawah < len(URUT_TINGKAT):
            return URUT_TINGKAT[bawah], _("dari kolom atasan (%(tingkat)s terisi)") % {
                "tingkat": TINGKAT_NAMA[terisi[-1]]
            }
    return None, ""
