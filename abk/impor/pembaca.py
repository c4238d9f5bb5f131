"""The reader's common ground: typed records of what a workbook says (positions, their rows,
printed figures), cell access with precise Indonesian errors, and how a row finds its position
(by number, code or name on a positions sheet)."""

import re
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.translation import gettext as _
from openpyxl.utils import get_column_letter

from abk.impor.baca import Sel, teks_sel
from abk.impor.kata import kata_impor
from abk.impor.nilai import (
    STRUKTURAL,
    TINGKAT_NAMA,
    KamusJenis,
    NilaiTidakSah,
    angka,
    jenjang_dari,
    tingkat_struktural,
)
from abk.impor.pemetaan import (
    JAM,
    PetaLembar,
    Sinonim,
    normalisasi,
)
from anjab.calculations import KELAS_MAX, KELAS_MIN, MENIT_PER_JAM, WAKTU_EFEKTIF_JAM
from anjab.models import Jabatan

MAKS_VOLUME = Decimal(1_000_000)
MAKS_WAKTU_MENIT = Decimal(525_600)  # a whole year, for one unit of output
MAKS_ANGKA_KREDIT = Decimal(100)
MAKS_BEZETTING = 10_000
# Kelas jabatan run from 1 to 17 (Permenpan RB 34/2011), as Jabatan.clean checks.
KELAS_TERENDAH, KELAS_TERTINGGI = KELAS_MIN, KELAS_MAX
# A printed effective time at or below this is in hours, above it in minutes: no one works four
# times the regulation's hours, and no year of minutes is that short.
BATAS_JAM_EFEKTIF = 4 * WAKTU_EFEKTIF_JAM

# Columns whose integers are written with thousands dots ("1.500" means 1500 here).
BULAT_LAZIM = {"volume", "waktu", "bezetting", "kelas", "nomor", "waktu_efektif_tercetak"}
# Labels of the total rows under a table: the unrounded need, the number of employees, and
# "KEBUTUHAN PEGAWAI", the unrounded need when it has decimals (3,05), the number when whole.
TOTAL_KEBUTUHAN, TOTAL_PEGAWAI, TOTAL_KEBUTUHAN_PEGAWAI = (
    {normalisasi(t) for t in kata_impor("baris_total")[k]}
    for k in ("kebutuhan", "pegawai", "kebutuhan_pegawai")
)
RANTAI = {
    "rantai_jpt_madya": Jabatan.Jenis.JPT_MADYA,
    "rantai_jpt_pratama": Jabatan.Jenis.JPT_PRATAMA,
    "rantai_administrator": Jabatan.Jenis.ADMINISTRATOR,
    "rantai_pengawas": Jabatan.Jenis.PENGAWAS,
}

YA, TIDAK = ({normalisasi(t) for t in kata_impor("ya_tidak")[k]} for k in ("ya", "tidak"))


@dataclass(frozen=True)
class Galat:
    lembar: str
    baris: int
    kolom: str
    nilai: str
    pesan: str
    sel: str = ""

    def __str__(self):
        letak = _("Sheet %(lembar)s, baris %(baris)s") % {
            "lembar": self.lembar,
            "baris": self.baris,
        }
        if self.kolom:
            letak += _(", kolom %(kolom)s") % {"kolom": self.kolom}
            if self.sel:
                letak += f" ({self.sel})"
        nilai = f"'{self.nilai}' " if self.nilai else ""
        return f"{letak}: {nilai}{self.pesan}"


@dataclass
class Posisi:
    """A position as the workbook describes it, with the rows found for it."""

    unit: str
    nama: str
    nomor: str
    baris_pertama: tuple[str, int]
    atribut: dict = field(default_factory=dict)
    tugas: list[dict] = field(default_factory=list)
    butir: list[dict] = field(default_factory=list)
    deklarasi: dict = field(default_factory=dict)
    satuan_waktu_tercetak: str = ""
    rantai: dict = field(default_factory=dict)
    sel_nama: str = ""  # where the workbook names it ("Data Jabatan!B5")


@dataclass
class HasilBaca:
    posisi: dict[tuple, Posisi] = field(default_factory=dict)
    pegawai: list[dict] = field(default_factory=list)
    unit: list[dict] = field(default_factory=list)
    galat: list[Galat] = field(default_factory=list)
    catatan: list[str] = field(default_factory=list)
    jumlah_baris: int = 0
    lembar: list[dict] = field(default_factory=list)  # how each sheet was read
    waktu_efektif: list[tuple[str, Decimal]] = field(default_factory=list)  # (sheet, minutes)


def _isi(s: Sel | None) -> bool:
    return s is not None and (s.rumus or not (s.nilai is None or s.nilai == ""))


class Pembaca:
    """Turns mapped sheets into positions, tasks, credit rows, employees and units."""

    def __init__(self, hasil: HasilBaca, sinonim: Sinonim, kamus: KamusJenis):
        self.h, self.sinonim, self.kamus = hasil, sinonim, kamus
        self.urutan_posisi: dict[tuple, int] = defaultdict(int)
        self.sidik: dict[tuple, tuple[str, int]] = {}
        # Positions defined on a positions sheet, for task sheets that refer to them.
        self.daftar: list[Posisi] = []
        self.per_nomor: dict[str, list[Posisi]] = defaultdict(list)
        self.per_kode: dict[str, Posisi] = {}
        self.per_nama: dict[str, list[Posisi]] = defaultdict(list)
        self.lembar_jabatan: str = ""
        self._catatan_satuan: dict[str, bool] = {}
        self._satuan_volume_sel: str | None = None

    # --- cells -----------------------------------------------------------------------------

    def galat(self, peta: PetaLembar, baris: int, kolom: str | None, nilai, pesan: str):
        judul, ref = "", ""
        if kolom is not None:
            idx = peta.indeks(kolom)
            judul = peta.judul[idx] if idx is not None and idx < len(peta.judul) else kolom
            ref = f"{get_column_letter(idx + 1)}{baris}" if idx is not None else ""
        self.h.galat.append(Galat(peta.lembar, baris, judul, teks_sel(nilai)[:60], pesan, ref))

    def sel(self, peta: PetaLembar, sel: list[Sel], kolom: str) -> Sel | None:
        i = peta.indeks(kolom)
        return sel[i] if i is not None and i < len(sel) else None

    def teks(self, peta, sel, kolom) -> str:
        s = self.sel(peta, sel, kolom)
        return teks_sel(s.nilai) if s is not None else ""

    def ref(self, peta: PetaLembar, kolom: str, baris: int) -> str:
        i = peta.indeks(kolom)
        return f"{peta.lembar}!{get_column_letter(i + 1)}{baris}" if i is not None else peta.lembar

    def angka(
        self, peta, baris, sel, kolom, *, wajib=False, minimum=None, maksimum=None, lebih_dari=None
    ):
        s = self.sel(peta, sel, kolom)
        if s is None or not _isi(s):
            if wajib:
                self.galat(peta, baris, kolom, "", _("wajib diisi."))
                raise NilaiTidakSah
            return None
        if s.rumus and s.nilai is None:
            self.galat(
                peta,
                baris,
                kolom,
                "",
                _(
                    "berisi rumus tanpa nilai tersimpan; buka dan simpan ulang di Excel, atau "
                    "salin lalu tempel sebagai nilai."
                ),
            )
            raise NilaiTidakSah
        try:
            v = angka(s.nilai, bulat_lazim=kolom in BULAT_LAZIM)
        except NilaiTidakSah as e:
            self.galat(peta, baris, kolom, s.nilai, f"{e}.")
            raise NilaiTidakSah from None
        if v is None:
            return None
        if minimum is not None and v < minimum:
            self.galat(peta, baris, kolom, s.nilai, _("tidak boleh negatif."))
            raise NilaiTidakSah
        if lebih_dari is not None and v <= lebih_dari:
            self.galat(peta, baris, kolom, s.nilai, _("harus lebih dari 0 (pembagi Wpk)."))
            raise NilaiTidakSah
        if maksimum is not None and v > maksimum:
            self.galat(
                peta, baris, kolom, s.nilai, _("tidak wajar (terlalu besar); periksa satuannya.")
            )
            raise NilaiTidakSah
        return v

    def longgar(self, peta, sel, kolom):
        """A number where a bad cell is no error (printed figures, effective time)."""
        s = self.sel(peta, sel, kolom)
        if s is None or s.nilai is None:
            return None
        try:
            return angka(s.nilai, bulat_lazim=kolom in BULAT_LAZIM)
        except NilaiTidakSah:
            return None

    def duplikat(self, peta: PetaLembar, baris: int, sidik: tuple, *, tolak: bool = True) -> bool:
        """An exact repeat of an earlier row. Refused for employees and units; a repeated
        task or credit row is imported as the document has it, with a warning (seed 001
        really lists one task twice), and the ABK data-quality page flags it too."""
        if sidik in self.sidik:
            lembar, asal = self.sidik[sidik]
            if tolak:
                self.galat(
                    peta,
                    baris,
                    None,
                    "",
                    _("sama persis dengan baris %(asal)s (Sheet %(lembar)s); hapus salah satunya.")
                    % {"asal": asal, "lembar": lembar},
                )
                return True
            self.h.catatan.append(
                _(
                    "Sheet %(lembar)s, baris %(baris)s sama persis dengan baris %(asal)s; tetap "
                    "diimpor seperti di dokumen (periksa apakah tercatat dua kali)."
                )
                % {"lembar": peta.lembar, "baris": baris, "asal": asal}
            )
            return False
        self.sidik[sidik] = (peta.lembar, baris)
        return False

    # --- positions -------------------------------------------------------------------------

    def posisi(self, peta: PetaLembar, baris: int, unit: str, nama: str, nomor: str) -> Posisi:
        """The position a row belongs to: the workbook's own key is unit + name + number
        (or the name's n-th appearance when no number is given)."""
        if not nomor:
            k = (peta.lembar, normalisasi(unit), normalisasi(nama))
            self.urutan_posisi[k] += 1
            nomor = f"#{self.urutan_posisi[k]}"
        kunci = (normalisasi(unit), normalisasi(nama), nomor)
        p = self.h.posisi.get(kunci)
        if p is None:
            p = Posisi(unit=unit, nama=nama, nomor=nomor, baris_pertama=(peta.lembar, baris))
            self.h.posisi[kunci] = p
        return p

    def tautkan(self, peta, baris, sel, *, nama, nomor, kode, unit, wajib=True) -> Posisi | None:
        """The positions-sheet entry a task row names, by number, code or name; a number that
        points at nothing, or a name that matches two, is an error naming both places."""
        asal = self.lembar_jabatan
        if nomor:
            calon = self.per_nomor.get(_kunci_nomor(nomor), [])
            if unit and len(calon) > 1:
                calon = [p for p in calon if normalisasi(p.unit) == normalisasi(unit)]
            if not calon and not wajib:
                return None
            if not calon:
                self.galat(
                    peta,
                    baris,
                    "nomor",
                    nomor,
                    _("tidak ada jabatan bernomor ini pada Sheet %(lembar)s (kolom nomor jabatan).")
                    % {"lembar": asal},
                )
                return None
            if len(calon) > 1:
                tempat = " dan ".join(p.sel_nama for p in calon[:3])
                self.galat(
                    peta,
                    baris,
                    "nomor",
                    nomor,
                    _(
                        "nomor ini dipakai %(n)s jabatan pada Sheet %(lembar)s (%(tempat)s); "
                        "sertakan kolom unit kerja."
                    )
                    % {"n": len(calon), "lembar": asal, "tempat": tempat},
                )
                return None
            p = calon[0]
            if nama and normalisasi(nama) != normalisasi(p.nama):
                self.h.catatan.append(
                    _(
                        "%(sel)s menulis “%(nama)s”, tetapi nomor %(nomor)s pada %(sel_nomor)s "
                        "adalah “%(nama_nomor)s”; ditautkan menurut nomor."
                    )
                    % {
                        "sel": self.ref(peta, "nama_jabatan", baris),
                        "nama": nama,
                        "nomor": nomor,
                        "sel_nomor": p.sel_nama,
                        "nama_nomor": p.nama,
                    }
                )
            return p
        if kode and kode in self.per_kode:
            return self.per_kode[kode]
        calon = self.per_nama.get(normalisasi(nama), [])
        if unit and len(calon) > 1:
            calon = [p for p in calon if normalisasi(p.unit) == normalisasi(unit)] or calon
        if len(calon) == 1:
            return calon[0]
        if not calon and not wajib:
            return None
        if not calon:
            self.galat(
                peta,
                baris,
                "nama_jabatan",
                nama,
                _("tidak ada jabatan bernama ini pada Sheet %(lembar)s.") % {"lembar": asal},
            )
            return None
        tempat = " dan ".join(p.sel_nama for p in calon[:3])
        self.galat(
            peta,
            baris,
            "nama_jabatan",
            nama,
            _(
                "cocok dengan %(n)s jabatan pada Sheet %(lembar)s (%(tempat)s); sertakan kolom "
                "nomor jabatan agar jelas jabatan yang mana."
            )
            % {"n": len(calon), "lembar": asal, "tempat": tempat},
        )
        return None

    def atribut(self, peta, baris, sel, posisi: Posisi, nilai_blok: dict | None = None):
        """Position attributes from a row's columns (or a form's key/value block)."""
        a = posisi.atribut

        def ambil(kolom):
            if nilai_blok is not None:
                return nilai_blok.get(kolom, "")
            return self.teks(peta, sel, kolom)

        for kolom, kunci in (
            ("kode_jabatan", "kode"),
            ("ikhtisar", "ikhtisar"),
            ("pendidikan_syarat", "syarat_pendidikan"),
            ("pengalaman", "syarat_pengalaman"),
            ("eselon", "eselon"),
        ):
            nilai = ambil(kolom)
            if nilai:
                a[kunci] = nilai
        for kolom, kunci in RANTAI.items():
            nilai = ambil(kolom)
            if nilai and normalisasi(nilai) not in {"", "0"}:
                posisi.rantai[kunci] = nilai
        try:
            if nilai_blok is None:
                kelas = self.angka(
                    peta,
                    baris,
                    sel,
                    "kelas",
                    minimum=KELAS_TERENDAH,
                    maksimum=Decimal(KELAS_TERTINGGI),
                )
                bez = self.angka(
                    peta, baris, sel, "bezetting", minimum=0, maksimum=Decimal(MAKS_BEZETTING)
                )
            else:
                kelas = _kelas_teks(nilai_blok.get("kelas", ""))
                bez = None
            if kelas is not None:
                a["kelas_jabatan"] = int(kelas)
            if bez is not None:
                a["bezetting_diisi"] = int(bez)
        except NilaiTidakSah:
            pass
        pimpinan = normalisasi(ambil("kepala_unit"))
        if pimpinan:
            if pimpinan not in YA | TIDAK:
                self.galat(peta, baris, "kepala_unit", pimpinan, _("isi Ya atau Tidak."))
            else:
                a["kepala_unit"] = pimpinan in YA
        jenis_teks, jenjang_teks = ambil("jenis_jabatan"), ambil("jenjang")
        if jenis_teks:
            jenis = self.kamus.jenis(jenis_teks)
            if jenis is None:
                self.galat(
                    peta,
                    baris,
                    "jenis_jabatan",
                    jenis_teks,
                    _(
                        "bukan jenis jabatan yang dikenal (Struktural, JPT Pratama, Administrator, "
                        "Pengawas, Fungsional/JFT, Pelaksana/JFU); tambahkan tulisan ini di admin "
                        "(Sinonim jenis jabatan) bila memang dipakai instansi."
                    ),
                )
                return
            a["jenis"], a["_jenis_teks"] = jenis, jenis_teks
        if jenjang_teks:
            a["jenjang_teks"] = jenjang_teks

    # --- sheets ----------------------------------------------------------------------------

    def selesaikan_jenis(self):
        """jenis/jenjang of every position once all its rows are known: the written word
        (Struktural resolved to its level), else the title, else the rows' kind."""
        for p in self.h.posisi.values():
            a = p.atribut
            jenis = a.get("jenis")
            if jenis == STRUKTURAL or (jenis is None and a.get("eselon")):
                tingkat, aturan = tingkat_struktural(
                    self.kamus, nama=p.nama, eselon=a.get("eselon", ""), rantai=p.rantai
                )
                if tingkat:
                    asal = a.get("_jenis_teks") or _("eselon %(eselon)s") % {
                        "eselon": a.get("eselon")
                    }
                    self.h.catatan.append(
                        _("%(nama)s (%(unit)s): “%(asal)s” dibaca %(tingkat)s (%(aturan)s).")
                        % {
                            "nama": p.nama,
                            "unit": p.unit or _("unit tujuan"),
                            "asal": asal,
                            "tingkat": TINGKAT_NAMA[tingkat],
                            "aturan": aturan,
                        }
                    )
                    jenis = tingkat
                elif jenis == STRUKTURAL:
                    a["_tingkat_dari_unit"] = True  # decided from the unit's place (tulis)
            if jenis is None:
                tingkat = self.kamus.tingkat_nama(p.nama)
                jenjang = jenjang_dari(p.nama, a.get("jenjang_teks", ""))
                if jenjang or (p.butir and not p.tugas):
                    jenis = Jabatan.Jenis.FUNGSIONAL
                else:
                    jenis = tingkat or Jabatan.Jenis.PELAKSANA
            a["jenis"] = jenis
            a["jenjang"] = (
                jenjang_dari(p.nama, a.get("jenjang_teks", ""))
                if jenis == Jabatan.Jenis.FUNGSIONAL
                else ""
            )

    # --- task and credit tables ----------------------------------------------------------


def _fmt(v: Decimal) -> str:
    from organisasi.formatting import angka as format_angka

    return format_angka(v, 0)


def _tanda(sel: list[Sel]) -> list[str]:
    t = [normalisasi(teks_sel(s.nilai)) for s in sel]
    while t and not t[-1]:
        t.pop()
    return t


def _kunci_nomor(nomor: str) -> str:
    return normalisasi(str(nomor)).replace(" ", ".")


def _kelas_teks(teks: str) -> Decimal | None:
    try:
        v = angka(teks.split()[0].strip("()") if teks else None, bulat_lazim=True)
    except (NilaiTidakSah, IndexError):
        return None
    return v if v is not None and KELAS_TERENDAH <= v <= KELAS_TERTINGGI else None


def _angka_teks(teks: str) -> Decimal | None:
    """A printed effective time in minutes: "1.200 jam" → 72000; "72.000 menit" → 72000."""
    bagian = (teks or "").split()
    try:
        v = angka(bagian[0], bulat_lazim=True) if bagian else None
    except NilaiTidakSah:
        return None
    if v is None:
        return None
    return v * MENIT_PER_JAM if v <= BATAS_JAM_EFEKTIF else v


def _angka_sel(s: Sel) -> bool:
    return isinstance(s.nilai, int | float | Decimal) and not isinstance(s.nilai, bool)


def _judul_jam(peta: PetaLembar) -> bool:
    i = peta.indeks("waktu")
    if i is None or i >= len(peta.judul):
        return peta.satuan_waktu == JAM
    return " jam " in f" {normalisasi(peta.judul[i])} "


def _teks_pertama(sel: list[Sel]) -> str:
    return next(
        (teks_sel(s.nilai) for s in sel if isinstance(s.nilai, str) and s.nilai.strip()), ""
    )


def _angka_dalam_teks(sel: list[Sel]) -> Decimal | None:
    """ "Pembulatan | 3 Penyuluh Sosial Muda": the number at the start of a text cell."""
    for s in sel:
        if _angka_sel(s):
            return Decimal(str(s.nilai))
        m = re.match(r"\s*(\d+)\b", str(s.nilai or ""))
        if m and normalisasi(str(s.nilai)) not in TOTAL_PEGAWAI:
            return Decimal(m.group(1))
    return None
