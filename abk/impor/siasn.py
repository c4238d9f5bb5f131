"""Importing a SIASN "Layanan Perencanaan Anjab" workbook (INFOJAB I–V, one position).

The template is fixed (fixtures/siasn/templat_infojab.json), so columns are read by position
and row-2 titles only checked. A multi-valued field is one value per row downwards from the
first data row; a single-valued one sits on the first data row. Each task row says its own time
unit through Waktu Kerja Efektif (abk.siasn_referensi.PILIHAN_WAKTU_EFEKTIF). SIASN refuses values
outside its reference lists, so such a cell is an error here too, named by sheet, row and column."""

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache
from pathlib import Path

from django.db import transaction
from django.utils.translation import gettext
from openpyxl import load_workbook

from abk.impor.baca import MAKS_BARIS, BukuKerjaTidakSah, periksa_berkas
from abk.impor.pembaca import KELAS_TERENDAH, KELAS_TERTINGGI
from abk.impor.validasi import NilaiTidakSah, angka
from abk.siasn_referensi import (
    PILIHAN_WAKTU_EFEKTIF,
    RUMPUN,
    WAKTU_EFEKTIF_SIASN_JAM,
    WAKTU_EFEKTIF_SIASN_MENIT,
    Kolom,
    TataLembar,
    kunci_label,
    label_referensi,
    tata_letak,
)
from anjab.calculations import MENIT_PER_JAM

FISIK = ("postur_badan", "penampilan", "tinggi_badan", "berat_badan")


@cache
def panjang_maks() -> dict[tuple[str, str], int]:
    """(sheet, column) → the max_length of the field the value is stored in."""
    from anjab.models import Jabatan, KondisiLingkungan, KorelasiJabatan, RisikoBahaya, TugasJabatan

    def m(model, nama):
        return model._meta.get_field(nama).max_length

    hasil = {("INFOJAB I", k): m(Jabatan, k) for k in ("kode", *FISIK)}
    hasil[("INFOJAB II", "satuan")] = m(TugasJabatan, "hasil_kerja")
    hasil[("INFOJAB III", "unit_kerja")] = m(KorelasiJabatan, "unit_kerja")
    hasil[("INFOJAB IV", "faktor")] = m(KondisiLingkungan, "faktor")
    hasil[("INFOJAB V", "fisik_mental")] = m(RisikoBahaya, "fisik_mental")
    return hasil


def _kunci_lembar(nama: str) -> str:
    return "".join(nama.split()).upper()


def adalah_siasn(nama_lembar: list[str]) -> bool:
    """True for a SIASN INFOJAB workbook (it has sheets INFOJAB I and INFOJAB II)."""
    ada = {_kunci_lembar(n) for n in nama_lembar}
    return {"INFOJABI", "INFOJABII"} <= ada


@dataclass
class TugasSiasn:
    baris: int
    uraian: str
    hasil: str
    satuan: str
    volume: Decimal | None
    waktu: Decimal | None  # as typed, in the row's unit
    jam: bool | None  # True: hours, False: minutes, None: no time given

    @property
    def waktu_menit(self) -> Decimal | None:
        if self.waktu is None:
            return None
        return self.waktu * MENIT_PER_JAM if self.jam else self.waktu


@dataclass
class BukuSiasn:
    """Everything one INFOJAB workbook carries, as typed values; empty means not given."""

    kode: str = ""
    ikhtisar: str = ""
    tingkat_pendidikan: str = ""
    rumpun_pendidikan: list[str] = field(default_factory=list)
    rumpun_diklat: list[str] = field(default_factory=list)
    pengalaman: list[str] = field(default_factory=list)
    keterampilan: list[str] = field(default_factory=list)
    bakat: list[str] = field(default_factory=list)
    minat: list[str] = field(default_factory=list)
    temperamen: list[str] = field(default_factory=list)
    upaya_fisik: list[str] = field(default_factory=list)
    jenis_kelamin: str = ""
    postur_badan: str = ""
    umur: int | None = None
    penampilan: str = ""
    tinggi_badan: str = ""
    berat_badan: str = ""
    terima_disabilitas: str = ""
    jenis_disabilitas: list[str] = field(default_factory=list)
    hubungan_data: str = ""
    hubungan_benda: str = ""
    hubungan_orang: str = ""
    prestasi_kerja: str = ""
    tanggung_jawab: list[str] = field(default_factory=list)
    wewenang: list[str] = field(default_factory=list)
    kelas: int | None = None
    tugas: list[TugasSiasn] = field(default_factory=list)
    hasil_kerja: list[tuple[str, str]] = field(default_factory=list)  # (hasil, satuan)
    bahan_kerja: list[str] = field(default_factory=list)
    perangkat_kerja: list[str] = field(default_factory=list)
    korelasi: list[tuple[str, str]] = field(default_factory=list)  # (unit kerja, dalam hal)
    kondisi: list[tuple[str, str]] = field(default_factory=list)  # (aspek label, faktor)
    risiko: list[tuple[str, str]] = field(default_factory=list)  # (fisik/mental, penyebab)
    lembar: list[str] = field(default_factory=list)
    galat: list[str] = field(default_factory=list)
    catatan: list[str] = field(default_factory=list)
    # Errors that make the workbook unusable even when only valid rows are wanted.
    fatal: bool = False


@dataclass
class HasilSiasn:
    galat: list[str]
    catatan: list[str]
    ringkasan: dict
    ditulis: bool  # the transaction was committed (False for a dry run or a refused file)


def _teks(v) -> str:
    if v is None:
        return ""
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    if isinstance(v, dt.datetime | dt.date):
        return v.isoformat()
    return str(v).replace("\r\n", "\n").strip()


def _petunjuk(nilai: tuple) -> bool:
    isi = [_teks(v) for v in nilai if _teks(v)]
    return all(t.startswith("(") and t.endswith(")") for t in isi)


class _Pembaca:
    def __init__(self, buku: BukuSiasn):
        self.buku = buku

    def galat(self, lembar: str, baris: int, kolom: Kolom, pesan: str) -> None:
        self.buku.galat.append(
            gettext("Sheet %(lembar)s, baris %(baris)s, kolom %(kolom)s: %(pesan)s")
            % {"lembar": lembar, "baris": baris, "kolom": kolom.judul, "pesan": pesan}
        )

    def referensi(self, lembar, baris, kolom: Kolom, teks: str) -> str | None:
        label = label_referensi(kolom.tabel, teks)
        if label is None:
            # A rumpun column is its own list (TABEL REFERENSI II/III), named as the column.
            daftar = kolom.judul if kolom.tabel in RUMPUN else gettext("tabel referensi")
            self.galat(
                lembar,
                baris,
                kolom,
                gettext("'%(teks)s' tidak ada dalam %(daftar)s SIASN.")
                % {"teks": teks, "daftar": daftar},
            )
        return label

    def muat(self, lembar, baris, kolom: Kolom, teks: str) -> bool:
        """Whether the text fits the field it is stored in (PostgreSQL refuses longer)."""
        maks = panjang_maks().get((lembar, kolom.kunci))
        if maks is None or len(teks) <= maks:
            return True
        self.galat(
            lembar,
            baris,
            kolom,
            gettext("'%(awal)s…' terlalu panjang (%(n)s karakter; paling banyak %(maks)s).")
            % {"awal": teks[:40], "n": len(teks), "maks": maks},
        )
        return False

    def bulat(self, lembar, baris, kolom: Kolom, nilai) -> int | None:
        try:
            v = angka(nilai, bulat_lazim=True)
        except NilaiTidakSah:
            self.galat(
                lembar, baris, kolom, gettext("'%(teks)s' bukan angka.") % {"teks": _teks(nilai)}
            )
            return None
        if v is None:
            return None
        bawah, atas = kolom.minimum, kolom.maksimum
        if v != v.to_integral_value() or v < (bawah or 0) or (atas is not None and v > atas):
            if atas is not None:
                pesan = gettext("'%(teks)s' harus bilangan bulat %(bawah)s–%(atas)s.")
            else:
                pesan = gettext("'%(teks)s' harus bilangan bulat tidak negatif.")
            self.galat(
                lembar, baris, kolom, pesan % {"teks": _teks(nilai), "bawah": bawah, "atas": atas}
            )
            return None
        return int(v)

    def angka(self, lembar, baris, kolom: Kolom, nilai) -> tuple[bool, Decimal | None]:
        """(valid, value): text and negatives are errors, an empty cell is (True, None)."""
        try:
            v = angka(nilai, bulat_lazim=True)
        except NilaiTidakSah:
            self.galat(
                lembar, baris, kolom, gettext("'%(teks)s' bukan angka.") % {"teks": _teks(nilai)}
            )
            return False, None
        if v is not None and v < 0:
            self.galat(
                lembar,
                baris,
                kolom,
                gettext("'%(teks)s' tidak boleh negatif.") % {"teks": _teks(nilai)},
            )
            return False, None
        return True, v

    # INFOJAB I: one position's fields on the first data row, lists downwards.
    def infojab_i(self, tata: TataLembar, baris: dict[int, tuple], awal: int) -> None:
        for kolom in tata.kolom:
            isi = [(r, _sel(sel, kolom)) for r, sel in sorted(baris.items()) if r >= awal]
            isi = [(r, v) for r, v in isi if _teks(v)]
            if not kolom.banyak:
                for r, v in isi:
                    if r != awal:
                        self.galat(
                            tata.nama,
                            r,
                            kolom,
                            gettext("'%(teks)s': kolom ini berisi satu nilai, di baris %(baris)s.")
                            % {"teks": _teks(v), "baris": awal},
                        )
                isi = [(r, v) for r, v in isi if r == awal]
            nilai = [
                x for r, v in isi if (x := self.satu_nilai(tata.nama, r, kolom, v)) is not None
            ]
            if kolom.jenis == "referensi":
                nilai = list(dict.fromkeys(nilai))
            if kolom.maks and len(nilai) > kolom.maks:
                for r, v in isi[kolom.maks :]:
                    self.galat(
                        tata.nama,
                        r,
                        kolom,
                        gettext("'%(teks)s' melebihi %(maks)s pilihan (pilih %(maks)s).")
                        % {"teks": _teks(v), "maks": kolom.maks},
                    )
                nilai = nilai[: kolom.maks]
            self.simpan(kolom.kunci, nilai, kolom.banyak)

    def satu_nilai(self, lembar, r, kolom: Kolom, v):
        teks = _teks(v)
        if kolom.jenis == "referensi":
            return self.referensi(lembar, r, kolom, teks)
        if kolom.jenis == "bulat":
            return self.bulat(lembar, r, kolom, v)
        if kolom.jenis == "pilihan":
            cocok = next((p for p in kolom.pilihan if kunci_label(p) == kunci_label(teks)), None)
            if cocok is None:
                self.galat(
                    lembar,
                    r,
                    kolom,
                    gettext("'%(teks)s' harus %(pilihan)s.")
                    % {"teks": teks, "pilihan": gettext(" atau ").join(kolom.pilihan)},
                )
            return cocok
        return teks if self.muat(lembar, r, kolom, teks) else None

    def simpan(self, kunci: str, nilai: list, banyak: bool) -> None:
        if kunci == "keterampilan":
            nilai = [b.strip() for t in nilai for b in t.split("\n") if b.strip()]
            setattr(self.buku, kunci, nilai)
        elif banyak:
            setattr(self.buku, kunci, nilai)
        elif nilai:
            setattr(self.buku, kunci, nilai[0])

    # INFOJAB II: one task per row (A–F), bahan and perangkat kerja as lists downwards.
    def infojab_ii(self, tata: TataLembar, baris: dict[int, tuple], awal: int) -> None:
        k = {kolom.kunci: kolom for kolom in tata.kolom}
        for r, sel in sorted(baris.items()):
            if r < awal:
                continue
            for kunci in ("bahan_kerja", "perangkat_kerja"):
                if teks := _teks(_sel(sel, k[kunci])):
                    getattr(self.buku, kunci).append(teks)
            uraian, hasil, satuan = (_teks(_sel(sel, k[x])) for x in ("uraian", "hasil", "satuan"))
            angka_ = {x: _sel(sel, k[x]) for x in ("volume", "waktu_efektif", "waktu")}
            ada_angka = any(_teks(v) for v in angka_.values())
            if hasil:
                self.buku.hasil_kerja.append((hasil, satuan))
            if not uraian:
                if ada_angka:
                    self.galat(
                        tata.nama, r, k["uraian"], gettext("wajib diisi (baris ini berisi beban).")
                    )
                continue
            sah_s = self.muat(tata.nama, r, k["satuan"], satuan)
            sah_v, volume = self.angka(tata.nama, r, k["volume"], angka_["volume"])
            sah_w, waktu = self.angka(tata.nama, r, k["waktu"], angka_["waktu"])
            sah_e, jam = self.waktu_efektif(tata.nama, r, k["waktu_efektif"], angka_, waktu)
            if sah_s and sah_v and sah_w and sah_e:
                self.buku.tugas.append(TugasSiasn(r, uraian, hasil, satuan, volume, waktu, jam))

    def waktu_efektif(self, lembar, r, kolom: Kolom, angka_: dict, waktu) -> tuple[bool, bool]:
        nilai = angka_["waktu_efektif"]
        if not _teks(nilai):
            if waktu is None:
                return True, None
            self.galat(
                lembar,
                r,
                kolom,
                gettext("wajib diisi %(pilihan)s.") % {"pilihan": PILIHAN_WAKTU_EFEKTIF},
            )
            return False, None
        try:
            v = angka(nilai, bulat_lazim=True)
        except NilaiTidakSah:
            v = None
        if v not in (WAKTU_EFEKTIF_SIASN_JAM, WAKTU_EFEKTIF_SIASN_MENIT):
            self.galat(
                lembar,
                r,
                kolom,
                gettext("'%(teks)s' harus %(pilihan)s.")
                % {"teks": _teks(nilai), "pilihan": PILIHAN_WAKTU_EFEKTIF},
            )
            return False, None
        return True, v == WAKTU_EFEKTIF_SIASN_JAM

    def per_baris(self, tata: TataLembar, baris: dict[int, tuple], awal: int) -> list:
        """Rows of a record sheet (III, IV, V) as tuples of text, with references checked."""
        hasil = []
        for r, sel in sorted(baris.items()):
            nilai = [_teks(_sel(sel, kolom)) for kolom in tata.kolom]
            if r < awal or not any(nilai):
                continue
            utama = tata.kolom[0]
            if not nilai[0]:
                self.galat(tata.nama, r, utama, gettext("wajib diisi."))
                continue
            if not all(
                self.muat(tata.nama, r, k, n) for k, n in zip(tata.kolom, nilai, strict=True)
            ):
                continue
            if utama.jenis == "referensi":
                label = self.referensi(tata.nama, r, utama, nilai[0])
                if label is None:
                    continue
                sudah = next((b for b, (a, _) in hasil if a == label), None)
                if sudah is not None:
                    self.galat(
                        tata.nama,
                        r,
                        utama,
                        gettext("'%(label)s' sudah diisi di baris %(baris)s.")
                        % {"label": label, "baris": sudah},
                    )
                    continue
                nilai[0] = label
            hasil.append((r, tuple(nilai)))
        return [n for _, n in hasil]


def _sel(sel: tuple, kolom: Kolom):
    return sel[kolom.indeks] if kolom.indeks < len(sel) else None


def _baca_lembar(ws, lebar: int) -> dict[int, tuple]:
    baris = {}
    for r, nilai in enumerate(ws.iter_rows(max_col=lebar, values_only=True), start=1):
        if r > MAKS_BARIS:
            raise BukuKerjaTidakSah(
                gettext("Sheet %(lembar)s melebihi %(maks)s baris; periksa isinya di Excel.")
                % {"lembar": ws.title, "maks": MAKS_BARIS}
            )
        if any(_teks(v) for v in nilai):
            baris[r] = tuple(nilai)
    return baris


def _judul_sah(pembaca: _Pembaca, tata: TataLembar, baris: dict[int, tuple]) -> bool:
    judul = baris.get(2, ())
    for kolom in tata.kolom:
        teks = _teks(_sel(judul, kolom))
        if kunci_label(teks) != kunci_label(kolom.judul):
            pembaca.buku.galat.append(
                gettext(
                    "Sheet %(lembar)s, baris 2, kolom %(kolom)s: judul '%(teks)s' bukan "
                    "'%(judul)s' seperti templat SIASN; sheet ini tidak dibaca."
                )
                % {"lembar": tata.nama, "kolom": kolom.huruf, "teks": teks, "judul": kolom.judul}
            )
            return False
    return True


def baca_siasn(path) -> BukuSiasn:
    """Reads an INFOJAB workbook (after periksa_berkas) into a BukuSiasn; nothing is written.
    Raises BukuKerjaTidakSah when openpyxl cannot open it."""
    buku = BukuSiasn()
    pembaca = _Pembaca(buku)
    try:
        wb = load_workbook(Path(path), read_only=True, data_only=True)
    except Exception as e:
        raise BukuKerjaTidakSah(
            gettext("Buku kerja tidak dapat dibaca (%(galat)s).") % {"galat": type(e).__name__}
        ) from None
    try:
        per_kunci = {_kunci_lembar(ws.title): ws for ws in wb.worksheets}
        for nama, tata in tata_letak().items():
            ws = per_kunci.get(_kunci_lembar(nama))
            if ws is None:
                if nama in ("INFOJAB I", "INFOJAB II"):
                    buku.galat.append(
                        gettext("Buku kerja tidak memuat sheet %(lembar)s (templat SIASN).")
                        % {"lembar": nama}
                    )
                    buku.fatal = True
                continue
            baris = _baca_lembar(ws, len(tata.kolom))
            if not _judul_sah(pembaca, tata, baris):
                buku.fatal = True
                continue
            buku.lembar.append(nama)
            awal = 4 if 3 not in baris or (tata.petunjuk and _petunjuk(baris[3])) else 3
            if nama == "INFOJAB I":
                pembaca.infojab_i(tata, baris, awal)
            elif nama == "INFOJAB II":
                pembaca.infojab_ii(tata, baris, awal)
            else:
                rows = pembaca.per_baris(tata, baris, awal)
                kunci = {"INFOJAB III": "korelasi", "INFOJAB IV": "kondisi", "INFOJAB V": "risiko"}
                setattr(buku, kunci[nama], rows)
    finally:
        wb.close()
    return buku


def _baca_aman(path) -> BukuSiasn:
    periksa_berkas(Path(path))
    return baca_siasn(path)


def impor_siasn(path, *, jabatan, periode, kering: bool, hanya_sah: bool = False) -> HasilSiasn:
    """Fills `jabatan` from an INFOJAB workbook in one transaction. A dry run (`kering`) runs the
    same writes and rolls them back, so its summary is what the import would do. With errors
    nothing is written unless `hanya_sah` (then the valid cells are), and never when the
    workbook describes another position (Kode Jabatan) or is not the SIASN template."""
    from abk.impor.siasn_tulis import jabatan_isi_dari_siasn

    try:
        buku = _baca_aman(path)
    except BukuKerjaTidakSah as e:
        return HasilSiasn(galat=[str(e)], catatan=[], ringkasan={}, ditulis=False)
    galat, catatan = list(buku.galat), list(buku.catatan)
    if buku.kode and jabatan.kode and buku.kode != jabatan.kode:
        galat.append(
            gettext(
                "Sheet INFOJAB I, kolom Kode Jabatan: '%(kode)s' bukan kode jabatan "
                "%(nama)s ('%(kode_jabatan)s'); buku kerja ini untuk jabatan lain."
            )
            % {"kode": buku.kode, "nama": jabatan.nama, "kode_jabatan": jabatan.kode}
        )
        buku.fatal = True
    if buku.kelas is not None and buku.kelas > KELAS_TERTINGGI:
        catatan.append(
            gettext(
                "Kelas jabatan %(kelas)s di luar kelas aplikasi (%(terendah)s–%(tertinggi)s); "
                "kelas jabatan tidak diubah."
            )
            % {"kelas": buku.kelas, "terendah": KELAS_TERENDAH, "tertinggi": KELAS_TERTINGGI}
        )
        buku.kelas = None
    if buku.terima_disabilitas or buku.jenis_disabilitas:
        catatan.append(
            gettext(
                "Terima Disabilitas dan Jenis Disabilitas dibaca tetapi tidak disimpan "
                "(Informasi Jabatan aplikasi belum memuat isian ini)."
            )
        )
    boleh = not buku.fatal and (not galat or hanya_sah)
    with transaction.atomic():
        ringkasan, catatan_tulis = jabatan_isi_dari_siasn(
            jabatan=jabatan, periode=periode, buku=buku
        )
        ditulis = boleh and not kering
        if not ditulis:
            transaction.set_rollback(True)
    if not ditulis:
        jabatan.refresh_from_db()
    return HasilSiasn(
        galat=galat, catatan=catatan + catatan_tulis, ringkasan=ringkasan, ditulis=ditulis
    )


def cari_jabatan_siasn(path, instansi):
    """The instansi's one position whose kode is the workbook's Kode Jabatan; None when the
    workbook has no kode, no position or several carry it, or the file cannot be read."""
    from anjab.models import Jabatan

    try:
        kode = _baca_aman(path).kode
    except BukuKerjaTidakSah:
        return None
    if not kode:
        return None
    cocok = list(Jabatan.objects.filter(instansi=instansi, kode=kode)[:2])
    return cocok[0] if len(cocok) == 1 else None
