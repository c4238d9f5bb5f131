"""Every row of every sheet becomes a typed record or a precise Indonesian error
("Sheet Tugas, baris 57, kolom Angka Kredit (E57): '0:09' bukan angka."). Nothing is written
here. Rows are classified one by one (a row with AK and Kt is a credit row, a row with a
waktu penyelesaian is a task), so one sheet may mix both, as the decree's own tables do."""

import re
from collections import defaultdict
from dataclasses import dataclass, field, replace
from decimal import Decimal
from itertools import pairwise

from openpyxl.utils import get_column_letter

from abk.impor.baca import Lembar, Sel, teks_sel
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
    SATUAN_VOLUME,
    PetaLembar,
    Sinonim,
    baris_kunci_nilai,
    baris_nomor_kolom,
    buat_peta,
    normalisasi,
    peta_baris,
)

__all__ = ["Galat", "HasilBaca", "NilaiTidakSah", "Posisi", "angka", "baca_semua"]

MAKS_VOLUME = Decimal(1_000_000)
MAKS_WAKTU_MENIT = Decimal(525_600)  # a whole year, for one unit of output
MAKS_ANGKA_KREDIT = Decimal(100)
MAKS_BEZETTING = 10_000
# A printed effective time at or below this is in hours (1.250), above it in minutes (75.000).
BATAS_JAM_EFEKTIF = Decimal(5000)

# Columns whose integers are written with thousands dots ("1.500" means 1500 here).
BULAT_LAZIM = {"volume", "waktu", "bezetting", "kelas", "nomor", "waktu_efektif_tercetak"}
TOTAL_KEBUTUHAN = {"jumlah", "total", "jumlah kebutuhan", "total kebutuhan", "formasi"}
TOTAL_PEGAWAI = {
    "jumlah pegawai",
    "pembulatan",
    "jumlah formasi",
    "kebutuhan pegawai dibulatkan",
    "jumlah pegawai yang dibutuhkan",
}
# "KEBUTUHAN PEGAWAI" under a table is the unrounded need when it has decimals (3,05), the
# number of employees when it is whole.
TOTAL_KEBUTUHAN_PEGAWAI = {"kebutuhan pegawai", "jumlah kebutuhan pegawai", "kebutuhan formasi"}
RANTAI = {
    "rantai_jpt_madya": "jpt_madya",
    "rantai_jpt_pratama": "jpt_pratama",
    "rantai_administrator": "administrator",
    "rantai_pengawas": "pengawas",
}

YA = {"ya", "y", "1", "v", "true", "benar"}
TIDAK = {"tidak", "t", "0", "false", "salah", "bukan"}


@dataclass(frozen=True)
class Galat:
    lembar: str
    baris: int
    kolom: str
    nilai: str
    pesan: str
    sel: str = ""

    def __str__(self):
        letak = f"Sheet {self.lembar}, baris {self.baris}"
        if self.kolom:
            letak += f", kolom {self.kolom}"
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
                self.galat(peta, baris, kolom, "", "wajib diisi.")
                raise NilaiTidakSah
            return None
        if s.rumus and s.nilai is None:
            self.galat(
                peta,
                baris,
                kolom,
                "",
                "berisi rumus tanpa nilai tersimpan; buka dan simpan ulang di Excel, atau "
                "salin lalu tempel sebagai nilai.",
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
            self.galat(peta, baris, kolom, s.nilai, "tidak boleh negatif.")
            raise NilaiTidakSah
        if lebih_dari is not None and v <= lebih_dari:
            self.galat(peta, baris, kolom, s.nilai, "harus lebih dari 0 (pembagi Wpk).")
            raise NilaiTidakSah
        if maksimum is not None and v > maksimum:
            self.galat(
                peta, baris, kolom, s.nilai, "tidak wajar (terlalu besar); periksa satuannya."
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
                    f"sama persis dengan baris {asal} (Sheet {lembar}); hapus salah satunya.",
                )
                return True
            self.h.catatan.append(
                f"Sheet {peta.lembar}, baris {baris} sama persis dengan baris {asal}; tetap "
                "diimpor seperti di dokumen (periksa apakah tercatat dua kali)."
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
                    f"tidak ada jabatan bernomor ini pada Sheet {asal} (kolom nomor jabatan).",
                )
                return None
            if len(calon) > 1:
                tempat = " dan ".join(p.sel_nama for p in calon[:3])
                self.galat(
                    peta,
                    baris,
                    "nomor",
                    nomor,
                    f"nomor ini dipakai {len(calon)} jabatan pada Sheet {asal} ({tempat}); "
                    "sertakan kolom unit kerja.",
                )
                return None
            p = calon[0]
            if nama and normalisasi(nama) != normalisasi(p.nama):
                self.h.catatan.append(
                    f"{self.ref(peta, 'nama_jabatan', baris)} menulis “{nama}”, tetapi nomor "
                    f"{nomor} pada {p.sel_nama} adalah “{p.nama}”; ditautkan menurut nomor."
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
                f"tidak ada jabatan bernama ini pada Sheet {asal}.",
            )
            return None
        tempat = " dan ".join(p.sel_nama for p in calon[:3])
        self.galat(
            peta,
            baris,
            "nama_jabatan",
            nama,
            f"cocok dengan {len(calon)} jabatan pada Sheet {asal} ({tempat}); sertakan kolom "
            "nomor jabatan agar jelas jabatan yang mana.",
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
                kelas = self.angka(peta, baris, sel, "kelas", minimum=1, maksimum=Decimal(17))
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
                self.galat(peta, baris, "kepala_unit", pimpinan, "isi Ya atau Tidak.")
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
                    "bukan jenis jabatan yang dikenal (Struktural, JPT Pratama, Administrator, "
                    "Pengawas, Fungsional/JFT, Pelaksana/JFU); tambahkan tulisan ini di admin "
                    "(Sinonim jenis jabatan) bila memang dipakai instansi.",
                )
                return
            a["jenis"], a["_jenis_teks"] = jenis, jenis_teks
        if jenjang_teks:
            a["jenjang_teks"] = jenjang_teks

    # --- sheets ----------------------------------------------------------------------------

    def baca_jabatan(self, lembar: Lembar, peta: PetaLembar):
        self.lembar_jabatan = self.lembar_jabatan or peta.lembar
        for baris, sel in lembar.baris:
            if baris <= peta.baris_judul or baris_nomor_kolom(sel):
                continue
            self.h.jumlah_baris += 1
            nama = self.teks(peta, sel, "nama_jabatan")
            if not nama:
                if any(self.teks(peta, sel, k) for k in ("ikhtisar", "kelas", "jenis_jabatan")):
                    self.galat(peta, baris, "nama_jabatan", "", "wajib diisi.")
                continue
            unit = self.teks(peta, sel, "unit")
            nomor = self.teks(peta, sel, "nomor")
            lain = [
                p
                for p in (self.per_nomor.get(_kunci_nomor(nomor), []) if nomor else [])
                if normalisasi(p.unit) == normalisasi(unit)
            ]
            if lain:
                self.galat(
                    peta, baris, "nomor", nomor, f"nomor ini sudah dipakai {lain[0].sel_nama}."
                )
                continue
            kunci = (normalisasi(unit), normalisasi(nama), nomor)
            if nomor and kunci in self.h.posisi:
                self.galat(
                    peta, baris, "nama_jabatan", nama, f"tercantum dua kali dengan nomor {nomor}."
                )
                continue
            posisi = self.posisi(peta, baris, unit, nama, nomor)
            posisi.sel_nama = self.ref(peta, "nama_jabatan", baris)
            self.daftar.append(posisi)
            if nomor:
                self.per_nomor[_kunci_nomor(nomor)].append(posisi)
            self.per_nama[normalisasi(nama)].append(posisi)
            self.atribut(peta, baris, sel, posisi)
            if posisi.atribut.get("kode"):
                self.per_kode.setdefault(posisi.atribut["kode"], posisi)
            self._deklarasi_baris(peta, sel, posisi)

    def _deklarasi_baris(self, peta, sel, posisi: Posisi):
        for kolom, kunci in (
            ("kebutuhan_tercetak", "kebutuhan"),
            ("jumlah_pegawai_tercetak", "jumlah_pegawai"),
            ("beban_kerja_jam_tercetak", "beban_kerja_jam"),
        ):
            v = self.longgar(peta, sel, kolom)
            if v is not None and v >= 0:
                posisi.deklarasi[kunci] = int(v) if kunci == "jumlah_pegawai" else v

    def baca_rekap(self, lembar: Lembar, peta: PetaLembar):
        """A REKAP sheet only declares figures: they are compared, never create positions."""
        cocok = lewat = 0
        for baris, sel in lembar.baris:
            if baris <= peta.baris_judul or baris_nomor_kolom(sel):
                continue
            nama = self.teks(peta, sel, "nama_jabatan")
            if not nama or normalisasi(nama) in TOTAL_KEBUTUHAN | TOTAL_PEGAWAI:
                continue
            unit, nomor = self.teks(peta, sel, "unit"), self.teks(peta, sel, "nomor")
            calon = [
                p
                for p in self.h.posisi.values()
                if normalisasi(p.nama) == normalisasi(nama)
                and (not unit or not p.unit or normalisasi(p.unit) == normalisasi(unit))
            ]
            if len(calon) > 1 and nomor:
                calon = [p for p in calon if _kunci_nomor(p.nomor) == _kunci_nomor(nomor)]
            if len(calon) != 1:
                lewat += 1
                continue
            p, sementara = calon[0], Posisi("", "", "", ("", 0))
            self._deklarasi_baris(peta, sel, sementara)
            for k, v in sementara.deklarasi.items():
                if k in p.deklarasi and p.deklarasi[k] != v:
                    self.h.catatan.append(
                        f"Sheet {peta.lembar} baris {baris} mencantumkan {k.replace('_', ' ')} "
                        f"{v} untuk {p.nama}, sedangkan formulirnya {p.deklarasi[k]}."
                    )
                p.deklarasi.setdefault(k, v)
            cocok += 1
        self.h.catatan.append(
            f"Sheet {peta.lembar} (rekap) hanya dipakai sebagai angka tercetak pembanding: "
            f"{cocok} jabatan dicocokkan" + (f", {lewat} tidak ditemukan/ambigu." if lewat else ".")
        )

    def baca_pegawai(self, lembar: Lembar, peta: PetaLembar):
        from organisasi.nip import normalisasi_nip, urai_nip

        for baris, sel in lembar.baris:
            if baris <= peta.baris_judul:
                continue
            self.h.jumlah_baris += 1
            nip_teks = self.teks(peta, sel, "nip")
            s = self.sel(peta, sel, "nip")
            if s is not None and isinstance(s.nilai, float):
                self.galat(
                    peta,
                    baris,
                    "nip",
                    nip_teks,
                    "tersimpan sebagai angka sehingga digit akhirnya hilang; "
                    "format kolom NIP sebagai teks.",
                )
                continue
            nama = self.teks(peta, sel, "nama_pegawai")
            if not nip_teks and not nama:
                continue
            nip = normalisasi_nip(nip_teks.lstrip("'"))
            try:
                urai_nip(nip)
            except Exception as e:  # ValidationError with an Indonesian message
                self.galat(peta, baris, "nip", nip_teks, " ".join(getattr(e, "messages", [str(e)])))
                continue
            if not nama:
                self.galat(peta, baris, "nama_pegawai", "", "wajib diisi.")
                continue
            status = self.teks(peta, sel, "status").upper() or (
                "PPPK" if nip[12:14] == "21" else "PNS"
            )
            if status not in {"PNS", "CPNS", "PPPK"}:
                self.galat(peta, baris, "status", status, "harus PNS, CPNS, atau PPPK.")
                continue
            if self.duplikat(peta, baris, ("pegawai", nip)):
                continue
            self.h.pegawai.append(
                {
                    "nip": nip,
                    "nama": nama[:150],
                    "gelar_depan": self.teks(peta, sel, "gelar_depan")[:50],
                    "gelar_belakang": self.teks(peta, sel, "gelar_belakang")[:80],
                    "status": status,
                    "golongan": self.teks(peta, sel, "golongan").replace(" ", ""),
                    "pendidikan": self.teks(peta, sel, "pendidikan"),
                    "unit": self.teks(peta, sel, "unit"),
                    "nama_jabatan": self.teks(peta, sel, "nama_jabatan"),
                    "nomor": self.teks(peta, sel, "nomor"),
                    "_baris": (peta.lembar, baris),
                }
            )

    def baca_unit(self, lembar: Lembar, peta: PetaLembar):
        for baris, sel in lembar.baris:
            if baris <= peta.baris_judul:
                continue
            nama = self.teks(peta, sel, "unit")
            if not nama:
                continue
            if self.duplikat(
                peta, baris, ("unit", normalisasi(nama), normalisasi(self.teks(peta, sel, "induk")))
            ):
                continue
            self.h.unit.append(
                {
                    "nama": nama[:250],
                    "induk": self.teks(peta, sel, "induk"),
                    "jenis": self.teks(peta, sel, "jenis_unit"),
                    "eselon": self.teks(peta, sel, "eselon"),
                    "_baris": (peta.lembar, baris),
                }
            )

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
                    asal = a.get("_jenis_teks") or f"eselon {a.get('eselon')}"
                    self.h.catatan.append(
                        f"{p.nama} ({p.unit or 'unit tujuan'}): “{asal}” dibaca "
                        f"{TINGKAT_NAMA[tingkat]} ({aturan})."
                    )
                    jenis = tingkat
                elif jenis == STRUKTURAL:
                    a["_tingkat_dari_unit"] = True  # decided from the unit's place (tulis)
            if jenis is None:
                tingkat = self.kamus.tingkat_nama(p.nama)
                jenjang = jenjang_dari(p.nama, a.get("jenjang_teks", ""))
                if jenjang or (p.butir and not p.tugas):
                    jenis = "fungsional"
                else:
                    jenis = tingkat or "pelaksana"
            a["jenis"] = jenis
            a["jenjang"] = (
                jenjang_dari(p.nama, a.get("jenjang_teks", "")) if jenis == "fungsional" else ""
            )

    # --- task and credit tables ----------------------------------------------------------

    def baca_tabel(self, lembar: Lembar, peta: PetaLembar):
        """A sheet of tables: one flat table, tables stacked, or forms (a key/value block and
        its table, once or many times). Header rows met further down start a new table."""
        utama = self._kolom_nomor_tertaut(lembar, peta)
        tanda_utama = _tanda([Sel(j or None) for j in peta.judul])
        blok: dict = {}
        seg = None
        ctx: dict = {}
        for baris, sel in lembar.baris:
            if seg is None and baris < utama.baris_judul:
                kv = baris_kunci_nilai(sel, self.sinonim)
                if kv:
                    blok[kv[0]] = kv[1]
                continue
            if baris == utama.baris_judul:
                seg, ctx = self._mulai(lembar, utama, blok, baris)
                blok = {}
                continue
            kolom = peta_baris(sel, self.sinonim, teliti=False)
            if kolom and not any(_angka_sel(s) for s in sel):
                if _tanda(sel) == tanda_utama:
                    baru = replace(utama, baris_judul=baris, catatan=[])
                else:
                    baru = buat_peta(lembar.nama, baris, sel, kolom)
                seg, ctx = self._mulai(lembar, baru, blok, baris)
                blok = {}
                continue
            if baris_nomor_kolom(sel):
                continue
            kv = baris_kunci_nilai(sel, self.sinonim, titik_dua=True)
            if kv and (ctx.get("selesai") or ctx.get("tutup") or not ctx.get("ada_baris")):
                blok[kv[0]] = kv[1]
                ctx["selesai"] = True  # a new form's block: its own header follows
                continue
            self.h.jumlah_baris += 1
            self._baris_tabel(seg, baris, sel, ctx)

    def _kolom_nomor_tertaut(self, lembar: Lembar, peta: PetaLembar) -> PetaLembar:
        """A bare "No" column of a task sheet is the positions sheet's number when its values
        repeat row after row and are that sheet's numbers; otherwise it numbers the tasks."""
        f = set(peta.kolom.values())
        if not self.daftar or "nomor" in f or "unit" in f:
            return peta
        for i, j in enumerate(peta.judul):
            if i in peta.kolom or normalisasi(j) not in {"no", "nomor", "no urut", "nomor urut"}:
                continue
            nilai = [
                teks_sel(sel[i].nilai)
                for n, sel in lembar.baris
                if n > peta.baris_judul and i < len(sel) and sel[i].nilai is not None
            ]
            if len(nilai) < 2:
                return peta
            ulang = sum(a == b for a, b in pairwise(nilai)) / (len(nilai) - 1)
            dikenal = sum(bool(self.per_nomor.get(_kunci_nomor(v))) for v in nilai) / len(nilai)
            if ulang >= 0.5 and dikenal >= 0.8:
                baru = replace(peta, kolom={**peta.kolom, i: "nomor"})
                self.h.catatan.append(
                    f"Sheet {peta.lembar}: kolom “{j}” berisi nomor jabatan pada Sheet "
                    f"{self.lembar_jabatan}; baris ditautkan menurut nomor itu."
                )
                return baru
        return peta

    def _mulai(self, lembar, peta: PetaLembar, blok: dict, baris: int):
        """A table starts: its position comes from the block above it, else from its rows."""
        ctx: dict = {"unit": blok.get("unit", ""), "blok": blok, "peta": peta}
        info = {
            "lembar": peta.lembar,
            "baris_judul": baris,
            "kolom": {peta.judul[i]: f for i, f in peta.kolom.items() if i < len(peta.judul)},
            "satuan_waktu": peta.satuan_waktu,
            "satuan_volume": peta.satuan_volume,
        }
        if blok.get("waktu_efektif_tercetak"):
            v = _angka_teks(blok["waktu_efektif_tercetak"])
            if v:
                self._catat_waktu_efektif(peta.lembar, v, blok["waktu_efektif_tercetak"])
        tanpa_nama = not {"nama_jabatan", "nomor", "kode_jabatan"} & set(peta.kolom.values())
        if tanpa_nama:
            nama = blok.get("nama_jabatan") or ""
            if nama:
                info["tautan"] = f"jabatan dari blok isian di atas tabel: {nama}"
                info["tata_letak"] = "formulir"
            else:
                nama = peta.lembar
                info["tautan"] = f"jabatan dari nama sheet: {nama}"
                info["tata_letak"] = "formulir"
            p = None
            if self.daftar:
                p = self.tautkan(
                    peta,
                    baris,
                    [],
                    nama=nama,
                    nomor=blok.get("nomor", ""),
                    kode=blok.get("kode_jabatan", ""),
                    unit=ctx["unit"],
                )
            if p is None:
                p = self.posisi(peta, baris, ctx["unit"], nama, blok.get("nomor", ""))
            p.sel_nama = p.sel_nama or f"{peta.lembar} baris {baris}"
            if blok:
                self.atribut(peta, baris, [], p, nilai_blok=blok)
            ctx.update(posisi=p, dari_blok=True)
        elif self.daftar and "unit" not in peta.kolom.values():
            info["tautan"] = f"baris ditautkan ke Sheet {self.lembar_jabatan} menurut " + (
                "nomor jabatan" if "nomor" in peta.kolom.values() else "nama jabatan"
            )
            info["tata_letak"] = "tertaut"
        elif self.daftar:
            info["tautan"] = f"baris ditautkan ke Sheet {self.lembar_jabatan}"
            info["tata_letak"] = "tertaut"
        else:
            info["tautan"] = "jabatan (dan unit) ditulis pada setiap baris"
            info["tata_letak"] = "datar"
        self.h.lembar.append(info)
        return peta, ctx

    def _posisi_baris(self, peta, baris, sel, ctx) -> Posisi | None:
        if ctx.get("dari_blok"):
            return ctx["posisi"]
        nama = self.teks(peta, sel, "nama_jabatan")
        nomor = self.teks(peta, sel, "nomor")
        kode = self.teks(peta, sel, "kode_jabatan")
        unit = self.teks(peta, sel, "unit") or ctx.get("unit_baris", "") or ctx.get("unit", "")
        if not (nama or nomor or kode):
            return None if ctx.get("gagal") or ctx.get("tutup") else ctx.get("posisi")
        if self.teks(peta, sel, "unit"):
            ctx["unit_baris"] = unit
        lama = ctx.get("posisi")
        if (
            lama is not None
            and not ctx.get("tutup")
            and not ctx.get("gagal")
            and (not nama or normalisasi(nama) == normalisasi(lama.nama))
            and (not nomor or nomor == ctx.get("nomor"))
            and (not kode or kode == ctx.get("kode"))
            and normalisasi(unit) == normalisasi(ctx.get("unit_posisi", ""))
        ):
            return lama
        # A row that states its unit and name stands on its own: it may add a position the
        # positions sheet lacks. A row without its unit must point at a listed position.
        mandiri = {"unit", "nama_jabatan"} <= set(peta.kolom.values())
        p = None
        if self.daftar:
            p = self.tautkan(
                peta, baris, sel, nama=nama, nomor=nomor, kode=kode, unit=unit, wajib=not mandiri
            )
        if p is None and (mandiri or not self.daftar):
            p = self.posisi(peta, baris, unit, nama or kode or nomor, nomor)
            if not p.sel_nama:
                p.sel_nama = self.ref(peta, "nama_jabatan", baris)
        ctx.update(posisi=p, nomor=nomor, kode=kode, unit_posisi=unit, tutup=False, gagal=p is None)
        return p

    def _baris_tabel(self, peta: PetaLembar, baris: int, sel: list[Sel], ctx: dict):
        uraian = self.teks(peta, sel, "uraian_tugas")
        teks_butir = self.teks(peta, sel, "butir_kegiatan")
        label = uraian or teks_butir or self.teks(peta, sel, "kegiatan") or _teks_pertama(sel)
        if normalisasi(label) in TOTAL_PEGAWAI | TOTAL_KEBUTUHAN | TOTAL_KEBUTUHAN_PEGAWAI:
            self._total(peta, sel, ctx.get("posisi"), label)
            if normalisasi(label) in TOTAL_PEGAWAI:
                ctx["tutup"] = True
            if ctx.get("dari_blok"):
                ctx["selesai"] = True  # what follows is a signature block or notes
            return
        if ctx.get("selesai"):
            return
        posisi = self._posisi_baris(peta, baris, sel, ctx)
        ctx["ada_baris"] = True
        if posisi is not None and not ctx.get("dari_blok"):
            self.atribut(peta, baris, sel, posisi)
        ak = self.sel(peta, sel, "angka_kredit")
        if _isi(ak):
            self._butir(peta, baris, sel, posisi, ctx, teks_butir or uraian)
            return
        ada_beban = any(_isi(self.sel(peta, sel, k)) for k in ("volume", "waktu"))
        if not ada_beban:
            if "angka_kredit" in peta.kolom.values() or "butir_kegiatan" in peta.kolom.values():
                self._judul_butir(peta, sel, ctx, teks_butir or uraian)
                if posisi is None or not (uraian and "uraian_tugas" in peta.kolom.values()):
                    return
                if posisi.butir or posisi.atribut.get("jenis") == "fungsional":
                    return
                self._tugas(peta, baris, sel, posisi, ctx, uraian, judul=True)
                return
            if not uraian:
                return
            if posisi is None:
                if ctx.get("tutup") or ctx.get("gagal"):
                    return  # signature or notes under a table, or rows of a refused position
                self.galat(
                    peta, baris, "nama_jabatan", "", "wajib diisi: tugas ini milik jabatan apa?"
                )
                return
            self._tugas(peta, baris, sel, posisi, ctx, uraian)
            return
        if not uraian:
            self.galat(
                peta, baris, "uraian_tugas", "", "wajib diisi bila baris berisi beban kerja."
            )
            return
        if posisi is None:
            if not ctx.get("gagal"):
                self.galat(
                    peta, baris, "nama_jabatan", "", "wajib diisi: tugas ini milik jabatan apa?"
                )
            return
        self._tugas(peta, baris, sel, posisi, ctx, uraian)

    def _judul_butir(self, peta, sel, ctx, teks):
        """A heading row of a credit table: unsur, sub unsur or kegiatan."""
        unsur, sub = self.teks(peta, sel, "unsur"), self.teks(peta, sel, "sub_unsur")
        if unsur:
            ctx["unsur"] = unsur
        if sub:
            ctx["sub_unsur"] = sub
        keg = self.teks(peta, sel, "kegiatan") or teks
        if keg:
            ctx["kegiatan"] = keg

    def _tugas(self, peta, baris, sel, posisi: Posisi, ctx, uraian, judul=False):
        try:
            volume = self.angka(peta, baris, sel, "volume", minimum=0, maksimum=MAKS_VOLUME)
            waktu = self.angka(peta, baris, sel, "waktu", minimum=0)
            jam = peta.satuan_waktu == JAM
            wke = self.longgar(peta, sel, "waktu_efektif_tercetak")
            if wke:
                jam = wke <= BATAS_JAM_EFEKTIF
                self._catat_waktu_efektif(peta.lembar, wke * 60 if jam else wke, wke)
                if (peta.satuan_waktu == JAM) != jam and not ctx.get("beda_satuan"):
                    ctx["beda_satuan"] = True
                    self.h.catatan.append(
                        f"Sheet {peta.lembar}, baris {baris}: waktu efektif {_fmt(wke)} "
                        f"menunjukkan waktu penyelesaian dalam {'jam' if jam else 'menit'}; "
                        "satuan itu dipakai untuk baris dengan waktu efektif."
                    )
            if waktu is not None and jam:
                waktu *= 60
            if waktu is not None and waktu > MAKS_WAKTU_MENIT:
                self.galat(
                    peta,
                    baris,
                    "waktu",
                    waktu,
                    "tidak wajar (lebih dari setahun untuk satu hasil); periksa satuannya.",
                )
                raise NilaiTidakSah
            tercetak = self.longgar(peta, sel, "kebutuhan_tugas_tercetak")
            satuan = peta.satuan_volume
            teks_satuan = normalisasi(self.teks(peta, sel, "satuan_volume"))
            if teks_satuan:
                satuan = SATUAN_VOLUME.get(teks_satuan.removeprefix("per ").strip())
                if satuan is None:
                    self.galat(
                        peta,
                        baris,
                        "satuan_volume",
                        teks_satuan,
                        "isi hari, minggu, bulan, atau tahun.",
                    )
                    raise NilaiTidakSah
        except NilaiTidakSah:
            return
        if not judul and self.duplikat(
            peta,
            baris,
            ("tugas", id(posisi), normalisasi(uraian), volume, waktu, satuan),
            tolak=False,
        ):
            return
        posisi.tugas.append(
            {
                "uraian": uraian,
                "hasil_kerja": self.teks(peta, sel, "hasil_kerja")[:200],
                "volume": volume,
                "satuan_volume": satuan,
                "waktu": waktu,
                "kebutuhan_tercetak": tercetak if tercetak is not None and tercetak >= 0 else None,
                "_baris": (peta.lembar, baris),
                "_judul": judul,
            }
        )
        if not posisi.satuan_waktu_tercetak and "waktu" in peta.kolom.values():
            posisi.satuan_waktu_tercetak = "JAM" if _judul_jam(peta) else "MENIT"

    def _butir(self, peta, baris, sel, posisi: Posisi | None, ctx, teks):
        self._judul_butir_kolom(peta, sel, ctx)
        if posisi is None:
            if not ctx.get("gagal"):
                self.galat(
                    peta, baris, "nama_jabatan", "", "wajib diisi: butir ini milik jabatan apa?"
                )
            return
        if not teks:
            kolom = "butir_kegiatan" if "butir_kegiatan" in peta.kolom.values() else "uraian_tugas"
            self.galat(peta, baris, kolom, "", "wajib diisi bila baris berisi angka kredit.")
            return
        try:
            ak = self.angka(
                peta, baris, sel, "angka_kredit", wajib=True, minimum=0, maksimum=MAKS_ANGKA_KREDIT
            )
            kt = self.angka(peta, baris, sel, "konstanta", wajib=True, lebih_dari=0)
            volume = self.angka(peta, baris, sel, "volume", minimum=0, maksimum=MAKS_VOLUME)
            wpk = self.longgar(peta, sel, "wpk_tercetak")
            wpv = self.longgar(peta, sel, "wpv_tercetak")
        except NilaiTidakSah:
            return
        # Rows read as tasks without workload were this credit table's headings.
        posisi.tugas = [t for t in posisi.tugas if not t.get("_judul")]
        kode = self.teks(peta, sel, "kode_butir")
        kegiatan = ctx.get("kegiatan", "")
        if "kegiatan" in peta.kolom.values():
            # A sheet that states each row's kegiatan (our own export) is taken literally.
            kegiatan = self.teks(peta, sel, "kegiatan")
        unsur, sub = ctx.get("unsur", ""), ctx.get("sub_unsur", "")
        if self.duplikat(
            peta,
            baris,
            ("butir", id(posisi), unsur, sub, kegiatan, kode, normalisasi(teks), ak, kt, volume),
            tolak=False,
        ):
            return
        posisi.butir.append(
            {
                "unsur": unsur[:200],
                "sub_unsur": sub[:200],
                "kegiatan": kegiatan,
                "kode": kode[:20],
                "butir_kegiatan": teks,
                "angka_kredit": ak,
                "konstanta": kt,
                "volume": volume if volume is not None else Decimal(0),
                "satuan": (
                    self.teks(peta, sel, "satuan_butir") or self.teks(peta, sel, "hasil_kerja")
                )[:100],
                "wpk_tercetak": wpk if wpk is not None and wpk >= 0 else None,
                "wpv_tercetak": wpv if wpv is not None and wpv >= 0 else None,
                "_baris": (peta.lembar, baris),
            }
        )

    def _judul_butir_kolom(self, peta, sel, ctx):
        unsur, sub = self.teks(peta, sel, "unsur"), self.teks(peta, sel, "sub_unsur")
        if unsur:
            ctx["unsur"] = unsur
        if sub:
            ctx["sub_unsur"] = sub

    def _total(self, peta, sel, posisi: Posisi | None, label: str):
        """Rows like JUMLAH / JUMLAH PEGAWAI / Pembulatan carry the document's totals."""
        if posisi is None:
            return
        if "waktu" in peta.kolom.values() and not posisi.butir:
            # The header's unit matters only to explain the printed totals.
            posisi.satuan_waktu_tercetak = "JAM" if _judul_jam(peta) else "MENIT"
        n = normalisasi(label)
        if n in TOTAL_KEBUTUHAN_PEGAWAI:
            v = next(
                (
                    x
                    for k in ("kebutuhan_tugas_tercetak", "kebutuhan_tercetak", "wpv_tercetak")
                    if (x := self.longgar(peta, sel, k)) is not None
                ),
                None,
            )
            if v is None:
                v = _angka_dalam_teks(sel)
            if v is None or v < 0:
                return
            if v != v.to_integral_value():
                posisi.deklarasi["kebutuhan"] = v
            else:
                posisi.deklarasi.setdefault("jumlah_pegawai", int(v))
            return
        if n in TOTAL_PEGAWAI:
            v = None
            for kolom in (
                "kebutuhan_tugas_tercetak",
                "jumlah_pegawai_tercetak",
                "kebutuhan_tercetak",
                "wpv_tercetak",
                "volume",
            ):
                v = v if v is not None else self.longgar(peta, sel, kolom)
            if v is None:
                v = _angka_dalam_teks(sel)
            if v is not None and v >= 0:
                posisi.deklarasi["jumlah_pegawai"] = int(v)
            return
        for kolom, kunci in (
            ("kebutuhan_tugas_tercetak", "kebutuhan"),
            ("kebutuhan_tercetak", "kebutuhan"),
            ("wpv_tercetak", "beban_kerja_jam"),
        ):
            v = self.longgar(peta, sel, kolom)
            if v is not None and v >= 0 and kunci not in posisi.deklarasi:
                posisi.deklarasi[kunci] = v

    def _catat_waktu_efektif(self, lembar: str, menit, asli):
        if (lembar, Decimal(menit)) not in self.h.waktu_efektif:
            self.h.waktu_efektif.append((lembar, Decimal(menit)))


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
    return v if v is not None and 1 <= v <= 17 else None


def _angka_teks(teks: str) -> Decimal | None:
    """ "1.250 jam" → 75000 (minutes); "75.000 menit" → 75000."""
    bagian = (teks or "").split()
    try:
        v = angka(bagian[0], bulat_lazim=True) if bagian else None
    except NilaiTidakSah:
        return None
    if v is None:
        return None
    return v * 60 if v <= BATAS_JAM_EFEKTIF else v


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


URUTAN = {"unit": 0, "jabatan": 1, "tugas": 2, "pegawai": 4, "rekap": 5, "tidak_dikenal": 6}


def baca_semua(
    lembar: list[Lembar], peta: list[PetaLembar], instansi_id: int | None = None
) -> HasilBaca:
    """Reads the mapped sheets: position sheets first, so task sheets can refer to them;
    REKAP sheets last, to compare."""
    hasil = HasilBaca()
    pembaca = Pembaca(hasil, Sinonim.muat(instansi_id), KamusJenis.muat(instansi_id))
    per_nama = {lb.nama: lb for lb in lembar}
    for lb in lembar:
        hasil.catatan.extend(lb.catatan)
    for p in sorted(peta, key=lambda p: URUTAN[p.jenis]):
        lb = per_nama.get(p.lembar)
        if lb is None:
            continue
        if p.jenis == "tidak_dikenal":
            hasil.catatan.append(
                p.catatan[0]
                if p.tata_letak == "prosa" and p.catatan
                else f"Sheet {p.lembar} dilewati: kolomnya tidak dikenali."
            )
            continue
        if p.jenis == "tugas":
            pembaca.baca_tabel(lb, p)
        else:
            getattr(pembaca, f"baca_{p.jenis}")(lb, p)
    pembaca.selesaikan_jenis()
    return hasil
