"""Every row of every sheet becomes a typed record or a precise Indonesian error
("Sheet Tugas, baris 57, kolom Angka Kredit: '0:09' bukan angka."). Nothing is written here."""

import datetime as dt
import re
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from abk.impor.baca import Lembar, Sel, teks_sel
from abk.impor.pemetaan import JAM, PetaLembar, normalisasi

MAKS_VOLUME = Decimal(1_000_000)
MAKS_WAKTU_MENIT = Decimal(525_600)  # a whole year, for one unit of output
MAKS_ANGKA_KREDIT = Decimal(100)
MAKS_BEZETTING = 10_000

# Columns whose integers are written with thousands dots ("1.500" means 1500 here).
BULAT_LAZIM = {"volume", "waktu", "bezetting", "kelas", "nomor", "waktu_efektif_tercetak"}
TOTAL_KEBUTUHAN = {"jumlah", "total", "jumlah kebutuhan", "total kebutuhan", "formasi"}
TOTAL_PEGAWAI = {"jumlah pegawai", "pembulatan", "kebutuhan pegawai", "jumlah formasi"}

JENIS_JABATAN = {
    "jpt utama": "jpt_utama",
    "jpt madya": "jpt_madya",
    "jpt pratama": "jpt_pratama",
    "pimpinan tinggi pratama": "jpt_pratama",
    "administrator": "administrator",
    "pengawas": "pengawas",
    "fungsional": "fungsional",
    "jabatan fungsional": "fungsional",
    "pelaksana": "pelaksana",
    "jabatan pelaksana": "pelaksana",
}
JENJANG = {
    "ahli pertama": "ahli_pertama",
    "ahli muda": "ahli_muda",
    "ahli madya": "ahli_madya",
    "ahli utama": "ahli_utama",
    "pemula": "pemula",
    "terampil": "terampil",
    "mahir": "mahir",
    "penyelia": "penyelia",
}


YA = {"ya", "y", "1", "v", "true", "benar"}
TIDAK = {"tidak", "t", "0", "false", "salah", "bukan"}


class NilaiTidakSah(ValueError):
    pass


@dataclass(frozen=True)
class Galat:
    lembar: str
    baris: int
    kolom: str
    nilai: str
    pesan: str

    def __str__(self):
        letak = f"Sheet {self.lembar}, baris {self.baris}"
        if self.kolom:
            letak += f", kolom {self.kolom}"
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


@dataclass
class HasilBaca:
    posisi: dict[tuple, Posisi] = field(default_factory=dict)
    pegawai: list[dict] = field(default_factory=list)
    unit: list[dict] = field(default_factory=list)
    galat: list[Galat] = field(default_factory=list)
    catatan: list[str] = field(default_factory=list)
    jumlah_baris: int = 0


def angka(nilai, *, bulat_lazim: bool = False) -> Decimal | None:
    """A number from a cell, however a legacy workbook typed it; NilaiTidakSah otherwise."""
    if nilai is None or (isinstance(nilai, str) and not nilai.strip()):
        return None
    if isinstance(nilai, bool):
        raise NilaiTidakSah("bukan angka")
    if isinstance(nilai, dt.datetime | dt.date | dt.time | dt.timedelta):
        raise NilaiTidakSah(
            "berisi tanggal/waktu, bukan angka (format sel berubah menjadi tanggal)"
        )
    if isinstance(nilai, int | float | Decimal):
        if isinstance(nilai, float) and (nilai != nilai or nilai in (float("inf"), float("-inf"))):
            raise NilaiTidakSah("bukan angka")
        return Decimal(str(nilai))
    s = str(nilai).strip().replace(" ", "").replace("\u00a0", "")
    if s in {"-", "–"}:
        return None
    if not re.fullmatch(r"[+-]?[0-9][0-9.,]*", s):
        raise NilaiTidakSah("bukan angka")
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
        return Decimal(s)
    except InvalidOperation:
        raise NilaiTidakSah("bukan angka") from None


def _jenis(teks: str, nama: str, ada_butir: bool) -> tuple[str, str]:
    """(jenis, jenjang) from the column if any, else guessed from the name the way HR
    analysts name positions."""
    n = normalisasi(nama)
    jenjang = next((v for k, v in JENJANG.items() if n.endswith(k)), "")
    t = normalisasi(teks)
    if t:
        if t in JENIS_JABATAN:
            jenis = JENIS_JABATAN[t]
            return jenis, jenjang if jenis == "fungsional" else ""
        raise NilaiTidakSah(
            "bukan jenis jabatan (JPT Pratama, Administrator, Pengawas, Fungsional, Pelaksana)"
        )
    if jenjang or ada_butir:
        return "fungsional", jenjang
    if re.match(r"kepala (sub bagian|subbagian|subbag|seksi|sub bidang|subbidang|uptd)", n):
        return "pengawas", ""
    if re.match(r"(kepala bidang|kepala bagian|sekretaris|kepala kantor|camat)", n):
        return "administrator", ""
    if re.match(r"(kepala (dinas|badan|inspektorat)|inspektur|sekretaris daerah)", n):
        return "jpt_pratama", ""
    return "pelaksana", ""


class Pembaca:
    """Turns mapped sheets into positions, tasks, credit rows, employees and units."""

    def __init__(self, hasil: HasilBaca):
        self.h = hasil
        self.urutan_posisi: dict[tuple, int] = defaultdict(int)
        self.sidik: dict[tuple, tuple[str, int]] = {}

    def galat(self, peta: PetaLembar, baris: int, kolom: str | None, nilai, pesan: str):
        judul = ""
        if kolom is not None:
            idx = next((i for i, f in peta.kolom.items() if f == kolom), None)
            judul = peta.judul[idx] if idx is not None else kolom
        self.h.galat.append(Galat(peta.lembar, baris, judul, teks_sel(nilai)[:60], pesan))

    def sel(self, peta: PetaLembar, sel: list[Sel], kolom: str):
        for i, f in peta.kolom.items():
            if f == kolom and i < len(sel):
                return sel[i]
        return None

    def teks(self, peta, sel, kolom) -> str:
        s = self.sel(peta, sel, kolom)
        return teks_sel(s.nilai) if s else ""

    def angka(
        self, peta, baris, sel, kolom, *, wajib=False, minimum=None, maksimum=None, lebih_dari=None
    ):
        s = self.sel(peta, sel, kolom)
        if s is None or s.nilai is None or (isinstance(s.nilai, str) and not s.nilai.strip()):
            if wajib:
                self.galat(peta, baris, kolom, "", "wajib diisi.")
                raise NilaiTidakSah
            return None
        if s.rumus:
            self.galat(
                peta, baris, kolom, s.nilai, "berisi rumus; salin lalu tempel sebagai nilai."
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

    def posisi(self, peta: PetaLembar, baris: int, unit: str, nama: str, nomor: str) -> Posisi:
        """The position a row belongs to: the workbook's own key is unit + name + number
        (or the name's n-th appearance when no number is given)."""
        kunci = (normalisasi(unit), normalisasi(nama), nomor)
        p = self.h.posisi.get(kunci)
        if p is None:
            p = Posisi(unit=unit, nama=nama, nomor=nomor, baris_pertama=(peta.lembar, baris))
            self.h.posisi[kunci] = p
        return p

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


class PembacaLembar(Pembaca):
    def baca(self, lembar: Lembar, peta: PetaLembar) -> None:
        baris_data = [(n, s) for n, s in lembar.baris if n > peta.baris_judul]
        self.h.jumlah_baris += len(baris_data)
        jenis = peta.jenis
        if jenis == "tidak_dikenal":
            self.h.catatan.append(f"Sheet {peta.lembar} dilewati: kolomnya tidak dikenali.")
            return
        getattr(self, f"baca_{jenis}")(peta, baris_data)

    # Positions are keyed by unit + name + number; without a number, by the n-th block.
    def _kunci(self, peta, baris, sel, konteks) -> Posisi | None:
        nama = self.teks(peta, sel, "nama_jabatan") if "nama_jabatan" in peta.kolom.values() else ""
        unit = self.teks(peta, sel, "unit") or konteks.get("unit", "")
        nomor = self.teks(peta, sel, "nomor")
        if "nama_jabatan" not in peta.kolom.values():
            nama = konteks.setdefault("nama_dari_lembar", peta.lembar)
        if not nama:
            return konteks.get("posisi")  # a continuation row of the position above
        baru = (
            konteks.get("posisi") is None
            or konteks.get("tutup")
            or normalisasi(nama) != normalisasi(konteks["posisi"].nama)
            or normalisasi(unit) != normalisasi(konteks["posisi"].unit)
            or (nomor and nomor != konteks["posisi"].nomor)
        )
        if not baru:
            return konteks["posisi"]
        if not nomor:
            k = (peta.lembar, normalisasi(unit), normalisasi(nama))
            self.urutan_posisi[k] += 1
            nomor = f"#{self.urutan_posisi[k]}"
        konteks.update(posisi=self.posisi(peta, baris, unit, nama, nomor), tutup=False, unit=unit)
        return konteks["posisi"]

    def _total(self, peta, baris, sel, posisi, teks_baris) -> bool:
        """Rows like JUMLAH / JUMLAH PEGAWAI / Pembulatan carry the document's totals."""
        label = normalisasi(teks_baris)
        if (
            posisi is not None
            and label in TOTAL_PEGAWAI | TOTAL_KEBUTUHAN
            and peta.jenis == "tugas"
            and "waktu" in peta.kolom.values()
        ):
            # The header's unit matters only to explain the printed totals.
            posisi.satuan_waktu_tercetak = "JAM" if _judul_jam(peta) else "MENIT"
        try:
            if label in TOTAL_PEGAWAI:
                v = None
                for kolom in (
                    "kebutuhan_tugas_tercetak",
                    "jumlah_pegawai_tercetak",
                    "kebutuhan_tercetak",
                    "wpv_tercetak",
                    "volume",
                ):
                    v = v if v is not None else self._angka_longgar(peta, sel, kolom)
                if v is None:
                    v = _angka_dalam_teks(sel)
                if v is not None and posisi is not None:
                    posisi.deklarasi["jumlah_pegawai"] = int(v)
                return True
            if label in TOTAL_KEBUTUHAN:
                if posisi is not None:
                    for kolom, kunci in (
                        ("kebutuhan_tugas_tercetak", "kebutuhan"),
                        ("kebutuhan_tercetak", "kebutuhan"),
                        ("wpv_tercetak", "beban_kerja_jam"),
                    ):
                        v = self._angka_longgar(peta, sel, kolom)
                        if v is not None:
                            posisi.deklarasi[kunci] = v
                return True
        except NilaiTidakSah:
            return True
        return False

    def _angka_longgar(self, peta, sel, kolom):
        s = self.sel(peta, sel, kolom)
        if s is None or s.rumus:
            return None
        try:
            return angka(s.nilai, bulat_lazim=kolom in BULAT_LAZIM)
        except NilaiTidakSah:
            return None

    def baca_tugas(self, peta, baris_data):
        konteks: dict = {}
        for baris, sel in baris_data:
            uraian = self.teks(peta, sel, "uraian_tugas")
            posisi = self._kunci(peta, baris, sel, konteks)
            if self._total(peta, baris, sel, posisi, uraian):
                if normalisasi(uraian) in TOTAL_PEGAWAI:
                    konteks["tutup"] = True
                continue
            if not uraian:
                if any(self.teks(peta, sel, k) for k in ("volume", "waktu")):
                    self.galat(
                        peta,
                        baris,
                        "uraian_tugas",
                        "",
                        "wajib diisi bila baris berisi beban kerja.",
                    )
                continue
            if posisi is None:
                self.galat(
                    peta, baris, "nama_jabatan", "", "wajib diisi: tugas ini milik jabatan apa?"
                )
                continue
            try:
                volume = self.angka(peta, baris, sel, "volume", minimum=0, maksimum=MAKS_VOLUME)
                waktu = self.angka(peta, baris, sel, "waktu", minimum=0)
                if waktu is not None and peta.satuan_waktu == JAM:
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
                tercetak = self.angka(peta, baris, sel, "kebutuhan_tugas_tercetak", minimum=0)
            except NilaiTidakSah:
                continue
            if self.duplikat(
                peta, baris, ("tugas", id(posisi), normalisasi(uraian), volume, waktu), tolak=False
            ):
                continue
            posisi.tugas.append(
                {
                    "uraian": uraian,
                    "hasil_kerja": self.teks(peta, sel, "hasil_kerja")[:200],
                    "volume": volume,
                    "waktu": waktu,
                    "kebutuhan_tercetak": tercetak,
                    "_baris": (peta.lembar, baris),
                }
            )
            self._atribut(peta, baris, sel, posisi)

    def baca_butir(self, peta, baris_data):
        konteks: dict = {}
        unsur = sub_unsur = kegiatan = ""
        for baris, sel in baris_data:
            teks = self.teks(peta, sel, "butir_kegiatan")
            posisi = self._kunci(peta, baris, sel, konteks)
            label = teks or self.teks(peta, sel, "kegiatan") or _teks_pertama(sel)
            if self._total(peta, baris, sel, posisi, label):
                if normalisasi(label) in TOTAL_PEGAWAI:
                    konteks["tutup"] = True
                continue
            unsur = self.teks(peta, sel, "unsur") or unsur
            sub_unsur = self.teks(peta, sel, "sub_unsur") or sub_unsur
            ak_sel = self.sel(peta, sel, "angka_kredit")
            if ak_sel is None or ak_sel.nilai in (None, ""):
                kegiatan = self.teks(peta, sel, "kegiatan") or teks or kegiatan  # a heading row
                continue
            if posisi is None:
                self.galat(
                    peta, baris, "nama_jabatan", "", "wajib diisi: butir ini milik jabatan apa?"
                )
                continue
            if not teks:
                self.galat(
                    peta, baris, "butir_kegiatan", "", "wajib diisi bila baris berisi angka kredit."
                )
                continue
            try:
                ak = self.angka(
                    peta,
                    baris,
                    sel,
                    "angka_kredit",
                    wajib=True,
                    minimum=0,
                    maksimum=MAKS_ANGKA_KREDIT,
                )
                kt = self.angka(peta, baris, sel, "konstanta", wajib=True, lebih_dari=0)
                volume = self.angka(peta, baris, sel, "volume", minimum=0, maksimum=MAKS_VOLUME)
                wpk = self.angka(peta, baris, sel, "wpk_tercetak", minimum=0)
                wpv = self.angka(peta, baris, sel, "wpv_tercetak", minimum=0)
            except NilaiTidakSah:
                continue
            kode = self.teks(peta, sel, "kode_butir")
            if "kegiatan" in peta.kolom.values():
                # A sheet that states each row's kegiatan (our own export) is taken literally.
                kegiatan = self.teks(peta, sel, "kegiatan")
            if self.duplikat(
                peta,
                baris,
                (
                    "butir",
                    id(posisi),
                    unsur,
                    sub_unsur,
                    kegiatan,
                    kode,
                    normalisasi(teks),
                    ak,
                    kt,
                    volume,
                ),
                tolak=False,
            ):
                continue
            posisi.butir.append(
                {
                    "unsur": unsur[:200],
                    "sub_unsur": sub_unsur[:200],
                    "kegiatan": kegiatan,
                    "kode": kode[:20],
                    "butir_kegiatan": teks,
                    "angka_kredit": ak,
                    "konstanta": kt,
                    "volume": volume if volume is not None else Decimal(0),
                    "satuan": (
                        self.teks(peta, sel, "satuan_butir") or self.teks(peta, sel, "hasil_kerja")
                    )[:100],
                    "wpk_tercetak": wpk,
                    "wpv_tercetak": wpv,
                    "_baris": (peta.lembar, baris),
                }
            )
            posisi.atribut.setdefault("_ada_butir", True)
            self._atribut(peta, baris, sel, posisi)

    def baca_jabatan(self, peta, baris_data):
        for baris, sel in baris_data:
            nama = self.teks(peta, sel, "nama_jabatan")
            if not nama:
                if any(self.teks(peta, sel, k) for k in ("ikhtisar", "kelas", "jenis_jabatan")):
                    self.galat(peta, baris, "nama_jabatan", "", "wajib diisi.")
                continue
            unit = self.teks(peta, sel, "unit")
            nomor = self.teks(peta, sel, "nomor")
            if not nomor:
                k = (peta.lembar, normalisasi(unit), normalisasi(nama))
                self.urutan_posisi[k] += 1
                nomor = f"#{self.urutan_posisi[k]}"
            kunci = (normalisasi(unit), normalisasi(nama), nomor)
            if kunci in self.h.posisi and self.h.posisi[kunci].baris_pertama[0] == peta.lembar:
                self.galat(
                    peta, baris, "nama_jabatan", nama, f"tercantum dua kali dengan nomor {nomor}."
                )
                continue
            posisi = self.posisi(peta, baris, unit, nama, nomor)
            self._atribut(peta, baris, sel, posisi)

    def _atribut(self, peta, baris, sel, posisi: Posisi):
        a = posisi.atribut
        for kolom, kunci in (
            ("kode_jabatan", "kode"),
            ("ikhtisar", "ikhtisar"),
            ("pendidikan_syarat", "syarat_pendidikan"),
            ("pengalaman", "syarat_pengalaman"),
        ):
            nilai = self.teks(peta, sel, kolom)
            if nilai:
                a[kunci] = nilai
        try:
            kelas = self.angka(peta, baris, sel, "kelas", minimum=1, maksimum=Decimal(17))
            if kelas is not None:
                a["kelas_jabatan"] = int(kelas)
            bez = self.angka(
                peta, baris, sel, "bezetting", minimum=0, maksimum=Decimal(MAKS_BEZETTING)
            )
            if bez is not None:
                a["bezetting_diisi"] = int(bez)
            pimpinan = normalisasi(self.teks(peta, sel, "kepala_unit"))
            if pimpinan:
                if pimpinan not in YA | TIDAK:
                    self.galat(peta, baris, "kepala_unit", pimpinan, "isi Ya atau Tidak.")
                else:
                    a["kepala_unit"] = pimpinan in YA
            jenis_teks = self.teks(peta, sel, "jenis_jabatan")
            jenjang_teks = self.teks(peta, sel, "jenjang")
            if jenis_teks or "jenis" not in a:
                try:
                    a["jenis"], jenjang = _jenis(jenis_teks, posisi.nama, bool(a.get("_ada_butir")))
                    a["jenjang"] = (
                        JENJANG.get(normalisasi(jenjang_teks), jenjang)
                        if a["jenis"] == "fungsional"
                        else ""
                    )
                except NilaiTidakSah as e:
                    self.galat(peta, baris, "jenis_jabatan", jenis_teks, f"{e}.")
            if peta.jenis == "jabatan":
                for kolom, kunci in (
                    ("kebutuhan_tercetak", "kebutuhan"),
                    ("jumlah_pegawai_tercetak", "jumlah_pegawai"),
                    ("beban_kerja_jam_tercetak", "beban_kerja_jam"),
                ):
                    v = self.angka(peta, baris, sel, kolom, minimum=0)
                    if v is not None:
                        posisi.deklarasi[kunci] = int(v) if kunci == "jumlah_pegawai" else v
        except NilaiTidakSah:
            pass

    def baca_pegawai(self, peta, baris_data):
        from organisasi.nip import normalisasi_nip, urai_nip

        for baris, sel in baris_data:
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

    def baca_unit(self, peta, baris_data):
        for baris, sel in baris_data:
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


def _judul_jam(peta: PetaLembar) -> bool:
    judul = next(peta.judul[i] for i, f in peta.kolom.items() if f == "waktu")
    return bool(re.search(r"\bjam\b", normalisasi(judul)))


def _teks_pertama(sel: list[Sel]) -> str:
    return next(
        (teks_sel(s.nilai) for s in sel if isinstance(s.nilai, str) and s.nilai.strip()), ""
    )


def _angka_dalam_teks(sel: list[Sel]) -> Decimal | None:
    """ "Pembulatan | 3 Penyuluh Sosial Muda": the number at the start of a text cell."""
    for s in sel:
        if isinstance(s.nilai, int | float) and not isinstance(s.nilai, bool):
            return Decimal(str(s.nilai))
        m = re.match(r"\s*(\d+)\b", str(s.nilai or ""))
        if m and normalisasi(str(s.nilai)) not in TOTAL_PEGAWAI:
            return Decimal(m.group(1))
    return None


def baca_semua(lembar: list[Lembar], peta: list[PetaLembar]) -> HasilBaca:
    """Reads the mapped sheets: position sheets first, so task sheets can refer to them."""
    hasil = HasilBaca()
    pembaca = PembacaLembar(hasil)
    urutan = {"unit": 0, "jabatan": 1, "tugas": 2, "butir": 3, "pegawai": 4, "tidak_dikenal": 5}
    per_nama = {lb.nama: lb for lb in lembar}
    for p in sorted(peta, key=lambda p: urutan[p.jenis]):
        pembaca.baca(per_nama[p.lembar], p)
    return hasil
