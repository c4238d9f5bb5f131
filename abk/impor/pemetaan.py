"""Reading a legacy layout: header synonyms kept as data, header rows found anywhere in a
sheet (one table, tables stacked, one form per position), key/value blocks above a table
("Nama Jabatan : …"), rows of column numbers, and telling minutes from hours."""

import difflib
import re
from dataclasses import dataclass, field
from functools import lru_cache

from django.utils.translation import gettext

from abk.impor.baca import BARIS_CARI_JUDUL, Lembar, Sel, teks_sel
from abk.impor.kata import kata_impor
from anjab.models.jabatan import SatuanVolume
from organisasi.reference import baca_fixture

MENIT, JAM = "menit", "jam"
# Fields that make a row a table header (a row of only "Unit | Eselon" is not a task table).
INTI = {"uraian_tugas", "butir_kegiatan", "angka_kredit", "nama_jabatan", "nip", "volume", "waktu"}
# A list of units names each with its parent (the export's Unit sheet, an office's own list).
UNIT_TABEL = {"unit", "induk"}


def _judul_tabel(kolom: dict) -> bool:
    """Whether the fields a row names make it a table header."""
    f = set(kolom.values())
    return len(kolom) >= 2 and bool(INTI & f or f >= UNIT_TABEL)


# Labels of a key/value block above a form's table, and the fields they fill.
KUNCI_BLOK = (
    "nama_jabatan",
    "unit",
    "jenis_jabatan",
    "kelas",
    "ikhtisar",
    "kode_jabatan",
    "eselon",
    "jenjang",
    "pendidikan_syarat",
    "rantai_jpt_madya",
    "rantai_jpt_pratama",
    "rantai_administrator",
    "rantai_pengawas",
    "waktu_efektif_tercetak",
    "nomor",
)


def normalisasi(judul: str) -> str:
    """ "WAKTU PENYELESAIAN\n(JAM)" → "waktu penyelesaian jam"; "Kons-tantan" → "konstantan"."""
    return _normalisasi(judul or "")


@lru_cache(maxsize=65536)
def _normalisasi(judul: str) -> str:
    t = judul.lower()
    t = re.sub(r"(\w)-\s*(\w)", r"\1\2", t)  # words broken by a hyphen, as in "Kons-tantan"
    t = re.sub(r"\$[^$]*\$", " ", t)  # LaTeX the PDF conversion left in headers
    t = re.sub(r"[^0-9a-z]+", " ", t)
    return " ".join(t.split())


def tanpa_kurung(judul: str) -> str:
    return normalisasi(re.sub(r"\([^)]*\)", " ", judul or ""))


def _pilihan(kata) -> str:
    """A regex alternation of words, longest first so "sebulan" wins over "bulan"."""
    return "|".join(re.escape(k) for k in sorted(kata, key=len, reverse=True))


# A volume unit as written → the unit: words that follow "per"/"/", and words that say it alone.
_SATUAN_KATA = {
    normalisasi(k): satuan for satuan, d in kata_impor("satuan_volume").items() for k in d["kata"]
}
_SATUAN_SENDIRI = {
    normalisasi(k): satuan
    for satuan, d in kata_impor("satuan_volume").items()
    for k in d["sendiri"]
}
SATUAN_VOLUME = _SATUAN_KATA | _SATUAN_SENDIRI
_POLA_SATUAN = (
    (re.compile(rf"\b(?:per|tiap|setiap)\s+({_pilihan(_SATUAN_KATA)})\b"), True),
    (re.compile(rf"\b({_pilihan(_SATUAN_SENDIRI)})\b"), True),
    (re.compile(rf"/\s*({_pilihan(_SATUAN_KATA)})\b"), False),
)
# Labels of a key/value block above a form's table, beside the header synonyms.
KUNCI_BLOK_TAMBAHAN = {
    normalisasi(label): kunci for kunci, ls in kata_impor("label_blok").items() for label in ls
}
# "No" on a sheet of positions: the position's number.
JUDUL_NOMOR = {normalisasi(j) for j in kata_impor("judul_nomor")}


@dataclass
class Sinonim:
    label: dict[str, str]
    daftar: dict[str, list[str]]  # field → normalised synonyms

    @classmethod
    def muat(cls, instansi_id: int | None = None) -> "Sinonim":
        from abk.models import SinonimKolom

        data = baca_fixture("impor_sinonim.json")["kolom"]
        daftar = {k: [normalisasi(s) for s in v["sinonim"]] for k, v in data.items()}
        tambahan = SinonimKolom.objects.filter(instansi__isnull=True)
        if instansi_id is not None:
            tambahan = tambahan | SinonimKolom.objects.filter(instansi_id=instansi_id)
        for kolom, sinonim in tambahan.values_list("kolom", "sinonim"):
            daftar.setdefault(kolom, []).append(normalisasi(sinonim))
        s = cls(label={k: v["label"] for k, v in data.items()}, daftar=daftar)
        s._tepat = {}
        for kolom, sinonim in daftar.items():
            for x in sinonim:
                s._tepat.setdefault(x, kolom)
        s._cache = {}
        return s

    def tepat(self, judul: str) -> str | None:
        """The field a header names exactly (fast; used on every row of a sheet)."""
        return self._tepat.get(normalisasi(judul)) or self._tepat.get(tanpa_kurung(judul))

    def cocokkan(self, judul: str) -> str | None:
        """The field a header means, or None."""
        if judul in self._cache:
            return self._cache[judul]
        hasil = self._cocokkan(judul)
        self._cache[judul] = hasil
        return hasil

    def _cocokkan(self, judul: str) -> str | None:
        penuh, inti = normalisasi(judul), tanpa_kurung(judul)
        if not penuh:
            return None
        for teks in (penuh, inti):
            if teks in self._tepat:
                return self._tepat[teks]
        # Longer synonyms contained in a longer header ("JUMLAH BEBAN KERJA 1 TAHUN (VOL)").
        terbaik, panjang = None, 0
        for kolom, sinonim in self.daftar.items():
            for s in sinonim:
                if len(s) >= 5 and len(s) > panjang and re.search(rf"\b{re.escape(s)}\b", inti):
                    terbaik, panjang = kolom, len(s)
        if terbaik:
            return terbaik
        semua = {s: k for k, ss in self.daftar.items() for s in ss if len(s) >= 5}
        mirip = difflib.get_close_matches(inti, list(semua), n=1, cutoff=0.88)
        return semua[mirip[0]] if mirip else None


@dataclass
class PetaLembar:
    """How a sheet's table is read: its header row, what each column means, the time unit."""

    lembar: str
    baris_judul: int
    judul: list[str]
    kolom: dict[int, str] = field(default_factory=dict)  # column index → field
    satuan_waktu: str = MENIT
    catatan: list[str] = field(default_factory=list)
    # From a "per bulan" header; a satuan_volume column wins.
    satuan_volume: str = SatuanVolume.TAHUN
    tata_letak: str = ""  # datar, tertaut, formulir, rekap, prosa … (set by the analysis)
    tautan: str = ""  # how its rows find their position, in words
    _balik: tuple | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def jenis(self) -> str:
        f = set(self.kolom.values())
        if self.tata_letak == "rekap":
            return "rekap"
        if self.tata_letak == "prosa":
            return "tidak_dikenal"
        if "angka_kredit" in f or "butir_kegiatan" in f or "uraian_tugas" in f:
            return "tugas"
        if "nip" in f:
            return "pegawai"
        if "nama_jabatan" in f:
            return "jabatan"
        if "unit" in f:
            return "unit"
        return "tidak_dikenal"

    def tanda(self) -> str:
        """Signature of the sheet's shape, to reuse a saved mapping for the same layout."""
        return f"{self.lembar.lower()}|" + "|".join(normalisasi(j) for j in self.judul)

    def indeks(self, kolom: str) -> int | None:
        # Called for every cell read; the reverse map is rebuilt if the mapping changed.
        if self._balik is None or self._balik[0] != self.kolom:
            balik: dict[str, int] = {}
            for i, f in self.kolom.items():
                balik.setdefault(f, i)
            self._balik = (dict(self.kolom), balik)
        return self._balik[1].get(kolom)


def _teks_pendek(sel: list[Sel], minimum: int = 2) -> list[str] | None:
    """The row's texts when it can be a header: at least two short texts, no numbers."""
    teks = []
    for s in sel:
        v = s.nilai
        if v is None:
            teks.append("")
            continue
        if not isinstance(v, str) or len(v) > 80:
            return None
        teks.append(teks_sel(v))
    return teks if sum(1 for t in teks if t) >= minimum else None


def peta_baris(sel: list[Sel], sinonim: Sinonim, *, teliti: bool) -> dict[int, str]:
    """The fields a row's cells name as a header ({} when it is not a header row)."""
    teks = _teks_pendek(sel)
    if teks is None:
        return {}
    kolom: dict[int, str] = {}
    for i, j in enumerate(teks):
        if not j:
            continue
        f = sinonim.cocokkan(j) if teliti else sinonim.tepat(j)
        if f and f not in kolom.values():
            kolom[i] = f
    if not _judul_tabel(kolom):
        return {}
    return kolom


# Second-row labels that only refine the label above them ("BEBAN KERJA" / "Jumlah").
SUB_UMUM = {normalisasi(s) for s in kata_impor("sub_judul")["label"]}
# Words a second header row is made of when it refines the row above.
KATA_SUB = {w for s in SUB_UMUM for w in s.split()} | {
    normalisasi(k) for k in kata_impor("sub_judul")["kata"]
}


def gabung_judul(
    lembar: Lembar, nomor: int, sel: list[Sel], bawah: list[Sel], sinonim: Sinonim
) -> tuple[list[str], dict[int, str]] | None:
    """A header written on two rows ("WAKTU PENYELESAIAN" over "(Jam)", "BEBAN KERJA" over
    "Jumlah | Satuan"): each column's label is the second row's when it names a field by
    itself, else both rows together. None when the row below is not part of the header."""
    if baris_nomor_kolom(bawah):
        return None
    teks_bawah = _teks_pendek(bawah, minimum=1)
    if teks_bawah is None:
        return None
    atas = [teks_sel(s.nilai) for s in sel]
    # A sub-header names fields or units; a data row has numbers or free text.
    for i, b in enumerate(teks_bawah):
        if not b:
            continue
        sama_atas = i < len(atas) and normalisasi(b) == normalisasi(atas[i])
        if re.search(r"\d", b) or len(b) > 40:
            return None
        kata = set(normalisasi(b).split())
        if not (
            sama_atas
            or re.fullmatch(r"\(.*\)", b.strip())
            or kata <= KATA_SUB
            or sinonim.cocokkan(b)
        ):
            return None
    for (baris, kiri), kanan in lembar.lebar_gabungan.items():
        if baris == nomor and kiri < len(atas):
            for i in range(kiri + 1, kanan + 1):
                atas.extend([""] * (i + 1 - len(atas)))
                atas[i] = atas[i] or atas[kiri]
    judul, kolom = [], {}
    for i in range(max(len(atas), len(teks_bawah))):
        a = atas[i] if i < len(atas) else ""
        b = teks_bawah[i] if i < len(teks_bawah) else ""
        gabung = " ".join(x for x in (a, b) if x)
        judul.append(gabung)
        f = None
        if b and normalisasi(tanpa_kurung(b) or b) not in SUB_UMUM:
            f = sinonim.cocokkan(b)
        f = f or (sinonim.cocokkan(gabung) if gabung else None)
        if f and f not in kolom.values():
            kolom[i] = f
    if not _judul_tabel(kolom):
        return None
    return judul, kolom


def buat_peta(nama: str, nomor: int, sel: list[Sel], kolom: dict[int, str]) -> PetaLembar:
    peta = PetaLembar(nama, nomor, [teks_sel(s.nilai) for s in sel], dict(kolom))
    _sesuaikan(peta)
    tentukan_satuan_waktu(peta)
    return peta


def _sesuaikan(peta: PetaLembar) -> None:
    """Headers that mean different things on different kinds of sheet."""
    f = set(peta.kolom.values())
    if "nip" not in f:
        for i, k in list(peta.kolom.items()):
            if k == "pendidikan" and "pendidikan_syarat" not in f:
                peta.kolom[i] = "pendidikan_syarat"
    if not f & {"uraian_tugas", "butir_kegiatan", "angka_kredit", "nip"}:
        # On a sheet of positions, "Kebutuhan Pegawai" is the position's printed need.
        for i, k in list(peta.kolom.items()):
            if k == "kebutuhan_tugas_tercetak" and "kebutuhan_tercetak" not in f:
                peta.kolom[i] = "kebutuhan_tercetak"
        # "No" on a sheet of positions is the position's number.
        if "nomor" not in f:
            for i, j in enumerate(peta.judul):
                if i not in peta.kolom and normalisasi(j) in JUDUL_NOMOR:
                    peta.kolom[i] = "nomor"
                    break
    i = peta.indeks("volume")
    if i is not None:
        peta.satuan_volume = satuan_volume_judul(peta.judul[i]) or SatuanVolume.TAHUN


def satuan_volume_judul(judul: str) -> str | None:
    """ "Volume per Bulan", "Beban kerja / minggu", "Jumlah sebulan" → the period, else None."""
    n = normalisasi(judul)
    for pola, normal in _POLA_SATUAN:
        # "/" is gone from the normalised header, so that pattern reads the header as written.
        m = pola.search(n if normal else (judul or "").lower())
        if m:
            return SATUAN_VOLUME[normalisasi(m.group(1))]
    return None


def cari_judul(lembar: Lembar, sinonim: Sinonim) -> PetaLembar | None:
    """The first table header of a sheet: among its first rows, the one naming the most fields."""
    terbaik, skor = None, 1
    awal = lembar.baris[:BARIS_CARI_JUDUL]
    for k, (nomor, sel) in enumerate(awal):
        kolom = peta_baris(sel, sinonim, teliti=True)
        if len(kolom) > skor:
            terbaik, skor = (k, nomor, sel, kolom), len(kolom)
    if terbaik is not None:
        k, nomor, sel, kolom = terbaik
        if k + 1 < len(lembar.baris):
            nomor2, bawah = lembar.baris[k + 1]
            dua = gabung_judul(lembar, nomor, sel, bawah, sinonim) if nomor2 == nomor + 1 else None
            if dua is not None and lebih_jelas(dua[1], kolom, dua[0], sel):
                peta = buat_peta(lembar.nama, nomor2, [Sel(j or None) for j in dua[0]], dua[1])
                peta.catatan.append(
                    gettext("Judul kolom ditulis pada dua baris (%(baris)s dan %(baris2)s).")
                    % {"baris": nomor, "baris2": nomor2}
                )
                return peta
        return buat_peta(lembar.nama, nomor, sel, kolom)
    if not lembar.baris:
        return None
    if _prosa(lembar):
        peta = PetaLembar(lembar.nama, lembar.baris[0][0], [], tata_letak="prosa")
        peta.catatan.append(
            gettext("Sheet %(lembar)s berisi teks (petunjuk/keterangan); dilewati.")
            % {"lembar": lembar.nama}
        )
        return peta
    # Nothing recognisable: offer the first row as headers so the analyst can map by hand.
    nomor, sel = lembar.baris[0]
    peta = PetaLembar(lembar.nama, nomor, [teks_sel(s.nilai) for s in sel])
    for i, j in enumerate(peta.judul):
        f = sinonim.cocokkan(j) if len(j) <= 80 else None
        if f and f not in peta.kolom.values():
            peta.kolom[i] = f
    peta.catatan.append(
        gettext("Judul kolom sheet ini tidak dikenali; tentukan arti setiap kolom.")
    )
    return peta


def lebih_jelas(dua: dict, satu: dict, judul_dua: list[str], sel: list[Sel]) -> bool:
    """The two-row reading wins when it names more fields, or the same ones with more said
    (a time unit the first row did not give)."""
    if len(dua) != len(satu):
        return len(dua) > len(satu)
    satu_teks = " ".join(teks_sel(s.nilai) for s in sel).lower()
    dua_teks = " ".join(judul_dua).lower()
    return any(w in dua_teks and w not in satu_teks for w in ("jam", "menit", "per "))


def _prosa(lembar: Lembar) -> bool:
    """Instructions or notes: rows of one or two cells of sentences, no table."""
    lebar = [sum(1 for s in sel if s.nilai is not None) for _, sel in lembar.baris[:60]]
    panjang = [
        len(str(s.nilai)) for _, sel in lembar.baris[:60] for s in sel if isinstance(s.nilai, str)
    ]
    return bool(lebar) and max(lebar) <= 2 and sum(panjang) / max(len(panjang), 1) > 25


def tentukan_satuan_waktu(peta: PetaLembar) -> None:
    """Minutes unless the time column's header says hours ("JAM", "jam kerja")."""
    i = peta.indeks("waktu")
    if i is None:
        return
    j = normalisasi(peta.judul[i])
    peta.satuan_waktu = JAM if re.search(r"\bjam\b", j) else MENIT
    if peta.satuan_waktu == MENIT and not re.search(r"\b(menit|mnt)\b", j):
        peta.catatan.append(
            gettext(
                "Kolom “%(judul)s” tidak menyebut satuan; dianggap menit kecuali kolom "
                "waktu efektif atau kebutuhan tercetak menunjukkan jam."
            )
            % {"judul": peta.judul[i]}
        )


_ENUMERASI = re.compile(r"^\s*(?:\d{1,2}|[a-z])\s*[.)]\s+", re.IGNORECASE)


def baris_kunci_nilai(
    sel: list[Sel], sinonim: Sinonim, *, titik_dua: bool = False
) -> tuple[str, str] | None:
    """("nama_jabatan", "Penata Layanan Operasional") for a block row such as
    "Nama Jabatan | : | Penata …", "1. Nama Jabatan : Penata …" or "Unit Kerja | Bidang …"."""
    isi = [(i, s.nilai) for i, s in enumerate(sel) if s.nilai is not None]
    if not isi or len(isi) > 4 or not isinstance(isi[0][1], str):
        return None
    pertama = _ENUMERASI.sub("", teks_sel(isi[0][1]))
    label, pemisah, sisa = pertama.partition(":")
    kunci = _kunci_blok(label, sinonim)
    if kunci is None:
        return None
    bagian = [sisa.strip()] if pemisah else []
    bagian += [teks_sel(v) for _, v in isi[1:]]
    tanpa_pemisah = not pemisah and (len(isi) < 2 or not teks_sel(isi[1][1]).startswith(":"))
    if titik_dua and tanpa_pemisah:
        return None
    nilai = " ".join(b for b in bagian if b and b != ":").lstrip(": ").strip()
    if not nilai and not pemisah and len(isi) == 1:
        return None
    return kunci, nilai


def _kunci_blok(label: str, sinonim: Sinonim) -> str | None:
    n = normalisasi(label)
    if not n or len(n) > 40:
        return None
    if n in KUNCI_BLOK_TAMBAHAN:
        return KUNCI_BLOK_TAMBAHAN[n]
    f = sinonim.tepat(label)
    return f if f in KUNCI_BLOK else None


def baris_nomor_kolom(sel: list[Sel]) -> bool:
    """The row of column numbers under a header: "(1) (2) (3) …" or 1 2 3 …"""
    angka = []
    for s in sel:
        if s.nilai is None:
            continue
        m = re.fullmatch(r"\(?\s*(\d{1,2})\s*\)?", teks_sel(s.nilai))
        if not m:
            return False
        angka.append(int(m.group(1)))
    return len(angka) >= 3 and angka == sorted(angka) and len(set(angka)) == len(angka)
