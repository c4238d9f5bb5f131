"""Matching legacy column headers to the canonical fields (a synonym table kept as data),
finding the header row below title rows, and telling minutes from hours."""

import difflib
import re
from dataclasses import dataclass, field

from abk.impor.baca import BARIS_CARI_JUDUL, Lembar, teks_sel
from organisasi.reference import baca_fixture

MENIT, JAM = "menit", "jam"


def normalisasi(judul: str) -> str:
    """ "WAKTU PENYELESAIAN\n(JAM)" → "waktu penyelesaian jam"; "Kons-tantan" → "konstantan"."""
    t = (judul or "").lower()
    t = re.sub(r"(\w)-\s*(\w)", r"\1\2", t)  # words broken by a hyphen, as in "Kons-tantan"
    t = re.sub(r"\$[^$]*\$", " ", t)  # LaTeX the PDF conversion left in headers
    t = re.sub(r"[^0-9a-z]+", " ", t)
    return " ".join(t.split())


def tanpa_kurung(judul: str) -> str:
    return normalisasi(re.sub(r"\([^)]*\)", " ", judul or ""))


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
        return cls(label={k: v["label"] for k, v in data.items()}, daftar=daftar)

    def cocokkan(self, judul: str) -> str | None:
        """The field a header means, or None."""
        penuh, inti = normalisasi(judul), tanpa_kurung(judul)
        if not penuh:
            return None
        for teks in (penuh, inti):
            for kolom, sinonim in self.daftar.items():
                if teks in sinonim:
                    return kolom
        # Longer synonyms contained in a longer header ("JUMLAH BEBAN KERJA 1 TAHUN (VOL)").
        terbaik, panjang = None, 0
        for kolom, sinonim in self.daftar.items():
            for s in sinonim:
                if len(s) >= 5 and re.search(rf"\b{re.escape(s)}\b", inti) and len(s) > panjang:
                    terbaik, panjang = kolom, len(s)
        if terbaik:
            return terbaik
        semua = {s: k for k, ss in self.daftar.items() for s in ss if len(s) >= 5}
        mirip = difflib.get_close_matches(inti, list(semua), n=1, cutoff=0.88)
        return semua[mirip[0]] if mirip else None


@dataclass
class PetaLembar:
    lembar: str
    baris_judul: int
    judul: list[str]
    kolom: dict[int, str] = field(default_factory=dict)  # column index → field
    satuan_waktu: str = MENIT
    catatan: list[str] = field(default_factory=list)

    @property
    def jenis(self) -> str:
        f = set(self.kolom.values())
        if "angka_kredit" in f or "butir_kegiatan" in f:
            return "butir"
        if "uraian_tugas" in f:
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


def cari_judul(lembar: Lembar, sinonim: Sinonim) -> PetaLembar | None:
    """The header row: among the first rows, the one whose cells match the most fields."""
    terbaik, skor_terbaik = None, 1
    for nomor, sel in lembar.baris[:BARIS_CARI_JUDUL]:
        judul = [teks_sel(s.nilai) for s in sel]
        kolom = {}
        for i, j in enumerate(judul):
            if len(j) > 80:  # a sentence, not a column header
                continue
            f = sinonim.cocokkan(j)
            if f and f not in kolom.values():
                kolom[i] = f
        if len(kolom) > skor_terbaik:
            terbaik, skor_terbaik = PetaLembar(lembar.nama, nomor, judul, kolom), len(kolom)
    if terbaik is not None:
        tentukan_satuan_waktu(terbaik)
        return terbaik
    # Nothing recognisable: offer the first row as headers so the analyst can map by hand.
    nomor, sel = lembar.baris[0]
    peta = PetaLembar(lembar.nama, nomor, [teks_sel(s.nilai) for s in sel])
    for i, j in enumerate(peta.judul):
        f = sinonim.cocokkan(j) if len(j) <= 80 else None
        if f and f not in peta.kolom.values():
            peta.kolom[i] = f
    peta.catatan.append("Judul kolom sheet ini tidak dikenali; tentukan arti setiap kolom.")
    return peta


def tentukan_satuan_waktu(peta: PetaLembar) -> None:
    """Minutes unless the time column's header says hours ("JAM", "jam kerja")."""
    for i, f in peta.kolom.items():
        if f == "waktu":
            j = normalisasi(peta.judul[i])
            peta.satuan_waktu = JAM if re.search(r"\bjam\b", j) else MENIT
            if peta.satuan_waktu == MENIT and not re.search(r"\b(menit|mnt)\b", j):
                peta.catatan.append(
                    f"Kolom “{peta.judul[i]}” tidak menyebut satuan; dianggap menit."
                )
