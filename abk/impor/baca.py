"""Reading an uploaded workbook without trusting it: format, size and shape are checked
before openpyxl sees it, and sheets are streamed (read-only mode) row by row."""

import datetime as dt
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from django.utils.translation import gettext as _
from openpyxl import load_workbook
from openpyxl.utils import range_boundaries
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.worksheet._reader import FORMULA_TAG, WorkSheetParser

MAKS_UKURAN_BERKAS = 20 * 1024 * 1024  # 20 MB as uploaded
MAKS_UKURAN_TERURAI = 200 * 1024 * 1024  # what the zip may expand to (zip bombs)
MAKS_BARIS = 50_000  # per sheet
MAKS_KOLOM = 60
BARIS_CARI_JUDUL = 30
OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


class BukuKerjaTidakSah(Exception):
    """The file cannot be read as an xlsx workbook; the message is for the user."""


@dataclass(slots=True)
class Sel:
    """A cell as the user saw it: a formula counts by its cached value; `rumus` marks a formula
    Excel never computed (no cached value)."""

    nilai: object
    rumus: bool = False


@dataclass
class Lembar:
    nama: str
    baris: list[tuple[int, list[Sel]]] = field(default_factory=list)  # (row number, cells)
    catatan: list[str] = field(default_factory=list)
    # Cells merged across columns, {(row, first column index): last column index}: a group
    # label over several columns of a two-row header ("BEBAN KERJA" over Jumlah | Satuan).
    lebar_gabungan: dict[tuple[int, int], int] = field(default_factory=dict)


class _Pengurai(WorkSheetParser):
    """openpyxl's streaming sheet parser, telling a formula without a cached value from an
    empty cell (openpyxl gives the value or the formula, not both)."""

    def parse_cell(self, element):
        sel = super().parse_cell(element)
        # Only a formula without a cached value matters (it cannot be read as a number).
        sel["rumus"] = sel["value"] is None and element.find(FORMULA_TAG) is not None
        return sel


def periksa_berkas(path: Path) -> None:
    """Refuses what is not a sane xlsx before any parsing (messages in Indonesian)."""
    ukuran = path.stat().st_size
    if ukuran == 0:
        raise BukuKerjaTidakSah(_("Berkas kosong."))
    if ukuran > MAKS_UKURAN_BERKAS:
        raise BukuKerjaTidakSah(
            _(
                "Berkas terlalu besar (%(ukuran)s MB); batasnya %(batas)s MB. "
                "Pecah buku kerja per unit."
            )
            % {"ukuran": ukuran // (1024 * 1024), "batas": MAKS_UKURAN_BERKAS // (1024 * 1024)}
        )
    with open(path, "rb") as f:
        awal = f.read(8)
    if awal == OLE_SIGNATURE:
        raise BukuKerjaTidakSah(
            _("Format Excel lama (.xls) tidak didukung. Buka di Excel lalu simpan sebagai .xlsx.")
        )
    if not zipfile.is_zipfile(path):
        if awal.startswith(b"PK\x03\x04"):
            raise BukuKerjaTidakSah(
                _("Buku kerja rusak (arsip ZIP tidak utuh; mungkin terpotong saat diunduh).")
            )
        raise BukuKerjaTidakSah(_("Berkas ini bukan buku kerja Excel (.xlsx)."))
    try:
        with zipfile.ZipFile(path) as z:
            isi = z.infolist()
            nama = {i.filename for i in isi}
            if "[Content_Types].xml" not in nama or not any(n.startswith("xl/") for n in nama):
                raise BukuKerjaTidakSah(_("Berkas ZIP ini bukan buku kerja Excel (.xlsx)."))
            if sum(i.file_size for i in isi) > MAKS_UKURAN_TERURAI:
                raise BukuKerjaTidakSah(
                    _("Isi buku kerja terlalu besar setelah diurai; pecah menjadi beberapa berkas.")
                )
            rusak = z.testzip()
            if rusak is not None:
                raise BukuKerjaTidakSah(
                    _("Buku kerja rusak (bagian %(bagian)s tidak terbaca).") % {"bagian": rusak}
                )
    except zipfile.BadZipFile:
        raise BukuKerjaTidakSah(_("Buku kerja rusak (arsip ZIP tidak utuh).")) from None


def baca_buku(path: Path) -> list[Lembar]:
    """Every visible sheet's non-empty visible rows, streamed once. Formulas count by the value
    Excel last computed; hidden sheets and rows are skipped with a note; a text merged down a
    block of rows (a position's name beside its tasks) is repeated on each row."""
    periksa_berkas(path)
    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError, OSError) as e:
        raise BukuKerjaTidakSah(
            _("Buku kerja tidak dapat dibaca: %(galat)s") % {"galat": e}
        ) from None
    except Exception as e:  # openpyxl raises many kinds on malformed XML
        raise BukuKerjaTidakSah(
            _("Buku kerja tidak dapat dibaca (%(galat)s).") % {"galat": type(e).__name__}
        ) from None
    lembar = []
    try:
        for ws in wb.worksheets:
            if getattr(ws, "sheet_state", "visible") != "visible":
                lembar.append(
                    Lembar(
                        ws.title,
                        catatan=[
                            _("Sheet %(lembar)s disembunyikan; dilewati.") % {"lembar": ws.title}
                        ],
                    )
                )
                continue
            data = _baca_lembar(wb, ws)
            lembar.append(data)
    except BukuKerjaTidakSah:
        raise
    except Exception as e:
        raise BukuKerjaTidakSah(
            _("Buku kerja tidak dapat dibaca (%(galat)s).") % {"galat": type(e).__name__}
        ) from None
    finally:
        wb.close()
    if not any(lb.baris for lb in lembar):
        raise BukuKerjaTidakSah(_("Buku kerja tidak berisi data."))
    return lembar


def _baca_lembar(wb, ws) -> Lembar:
    data = Lembar(ws.title)
    tersembunyi = []
    with ws._get_source() as src:
        pengurai = _Pengurai(
            src,
            ws._shared_strings,
            data_only=True,
            epoch=wb.epoch,
            date_formats=wb._date_formats,
            timedelta_formats=wb._timedelta_formats,
        )
        for nomor, cells in pengurai.parse():
            atribut = pengurai.row_dimensions.get(str(nomor))
            sel: list[Sel] = []
            for c in cells:
                kolom = c["column"]
                if kolom > MAKS_KOLOM:
                    break
                while len(sel) < kolom - 1:
                    sel.append(Sel(None))
                nilai = c["value"]
                if isinstance(nilai, str):
                    nilai = nilai.strip() or None
                sel.append(Sel(nilai, c["rumus"]))
            if not any(s.nilai is not None or s.rumus for s in sel):
                continue
            if atribut and atribut.get("hidden") in ("1", "true"):
                tersembunyi.append(nomor)
                continue
            if len(data.baris) >= MAKS_BARIS:
                raise BukuKerjaTidakSah(
                    (
                        _(
                            "Sheet %(lembar)s lebih dari %(maks)s baris berisi; pecah buku kerja "
                            "menjadi beberapa berkas."
                        )
                        % {"lembar": ws.title, "maks": f"{MAKS_BARIS:,}"}
                    ).replace(",", ".")
                )
            data.baris.append((nomor, sel))
        gabungan = pengurai.merged_cells
    if gabungan is not None:
        _isi_gabungan(data, gabungan)
    if tersembunyi:
        daftar = ", ".join(str(n) for n in tersembunyi[:10]) + (
            " …" if len(tersembunyi) > 10 else ""
        )
        data.catatan.append(
            _("Sheet %(lembar)s: %(n)s baris tersembunyi dilewati (baris %(daftar)s).")
            % {"lembar": ws.title, "n": len(tersembunyi), "daftar": daftar}
        )
    return data


def _isi_gabungan(data: Lembar, gabungan) -> None:
    """A text merged over several rows belongs to each of them (openpyxl keeps it only on the
    first); merged numbers are left alone (a printed total is not per row)."""
    per_nomor = {nomor: sel for nomor, sel in data.baris}
    for rentang in gabungan.mergeCell:
        try:
            kiri, atas, _kanan, bawah = range_boundaries(rentang.ref)
        except (TypeError, ValueError):
            continue
        if _kanan > kiri:
            data.lebar_gabungan[(atas, kiri - 1)] = _kanan - 1
        if bawah <= atas:
            continue
        asal = per_nomor.get(atas)
        if asal is None or kiri - 1 >= len(asal) or not isinstance(asal[kiri - 1].nilai, str):
            continue
        for nomor in range(atas + 1, min(bawah, atas + MAKS_BARIS) + 1):
            sel = per_nomor.get(nomor)
            if sel is None:
                continue
            while len(sel) < kiri:
                sel.append(Sel(None))
            if sel[kiri - 1].nilai is None:
                sel[kiri - 1] = Sel(asal[kiri - 1].nilai)


def _ada_isi(nilai) -> bool:
    if nilai is None:
        return False
    if isinstance(nilai, str):
        return bool(nilai.strip())
    return True


def teks_sel(nilai) -> str:
    if nilai is None:
        return ""
    if isinstance(nilai, float) and nilai.is_integer():
        return str(int(nilai))
    if isinstance(nilai, dt.datetime | dt.date):
        return nilai.isoformat()
    return " ".join(str(nilai).split())
