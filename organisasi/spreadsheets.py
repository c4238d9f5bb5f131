"""Spreadsheet files of the flat resources, read and written without trusting them: an upload
is checked for size, format and formulas before its rows become a tablib Dataset, and an export
keeps text as text (a cell starting with = + - @ never becomes a formula)."""

import csv
import datetime as dt
import io
import re
import zipfile

import tablib
from django.core.files.base import ContentFile
from django.utils.translation import gettext as _
from import_export.formats.base_formats import XLSX
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from organisasi.formatting import angka

MB = 1024 * 1024
MAKS_UKURAN_BERKAS = 5 * MB
MAKS_UKURAN_TERURAI = 50 * MB  # what an xlsx (a zip) may expand to: zip bombs
MAKS_BARIS = 20_000
MAKS_KOLOM = 50
OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


class BerkasTidakSah(Exception):
    """The upload cannot be imported as a whole; the message is for the user."""


def _kosong(value) -> bool:
    return value is None or str(value).strip() == ""


def isi_sel(cell, isi) -> None:
    """Puts a value in a cell; text starting with = + - @ stays text, never a formula.

    Every workbook the application writes (organisasi's flat resources, abk's rekap, round-trip
    and SIASN workbooks) fills its cells through here."""
    cell.value = isi
    if isinstance(isi, str):
        cell.number_format = "@"  # Excel then keeps a NIP typed over it as text too
        if isi[:1] in ("=", "+", "-", "@"):
            cell.data_type = "s"  # never a formula: text from users stays text
            cell.quotePrefix = True  # and Excel keeps it text when the cell is edited


def dataset_xlsx(dataset: tablib.Dataset) -> bytes:
    """A Dataset as a one-sheet workbook: bold frozen headers, dates as dates, text as text."""
    wb = Workbook()
    ws = wb.active
    ws.title = re.sub(r"[\\*?:/\[\]]", "-", dataset.title or "Data")[:31]
    tebal = Font(bold=True)
    lebar = [len(str(h)) for h in dataset.headers]
    for kolom, judul in enumerate(dataset.headers, start=1):
        cell = ws.cell(row=1, column=kolom)
        isi_sel(cell, judul)
        cell.font = tebal
    for baris, nilai in enumerate(dataset, start=2):
        for kolom, isi in enumerate(nilai, start=1):
            cell = ws.cell(row=baris, column=kolom)
            isi_sel(cell, isi)
            if isinstance(isi, dt.date):
                cell.number_format = "DD-MM-YYYY"
            lebar[kolom - 1] = max(lebar[kolom - 1], len(str(isi or "")))
    for kolom, n in enumerate(lebar, start=1):
        ws.column_dimensions[get_column_letter(kolom)].width = min(n + 2, 60)
    ws.freeze_panes = "A2"
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def baca_berkas(berkas) -> tablib.Dataset:
    """An uploaded .xlsx (its active sheet) or .csv as a Dataset whose first row is the
    headers. Raises BerkasTidakSah, in Indonesian, for what is too large, not a spreadsheet,
    holds a formula, or holds no data; the file's row n is the Dataset's row n − 1."""
    ukuran = berkas.size
    if not ukuran:
        raise BerkasTidakSah(_("Berkas kosong."))
    if ukuran > MAKS_UKURAN_BERKAS:
        raise BerkasTidakSah(
            _("Berkas terlalu besar (%(ukuran)d MB); batasnya %(batas)d MB.")
            % {"ukuran": -(-ukuran // MB), "batas": MAKS_UKURAN_BERKAS // MB}
        )
    data = berkas.read()
    if data[:8] == OLE_SIGNATURE:
        raise BerkasTidakSah(
            _("Format Excel lama (.xls) tidak didukung. Buka di Excel lalu simpan sebagai .xlsx.")
        )
    baris = _baris_xlsx(data) if data[:4] == b"PK\x03\x04" else _baris_csv(data)
    return _dataset(baris)


def _terlalu_banyak_baris() -> str:
    return _("Berkas berisi lebih dari %(n)s baris.") % {"n": angka(MAKS_BARIS, 0)}


def _baris_xlsx(data: bytes) -> list[list]:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            isi = z.infolist()
            nama = {i.filename for i in isi}
            if "[Content_Types].xml" not in nama or not any(n.startswith("xl/") for n in nama):
                raise BerkasTidakSah(_("Berkas ZIP ini bukan buku kerja Excel (.xlsx)."))
            if sum(i.file_size for i in isi) > MAKS_UKURAN_TERURAI:
                raise BerkasTidakSah(_("Isi buku kerja terlalu besar setelah diurai."))
    except zipfile.BadZipFile:
        raise BerkasTidakSah(_("Buku kerja rusak (arsip ZIP tidak utuh).")) from None
    try:
        wb = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except Exception:  # openpyxl raises many kinds on a malformed workbook
        raise BerkasTidakSah(
            _("Buku kerja tidak dapat dibaca; simpan ulang sebagai .xlsx.")
        ) from None
    try:
        ws = wb.active
        # The declared size of a sheet may be anything: read the rows that are there.
        ws.reset_dimensions()
        baris = []
        for nomor, sel in enumerate(ws.iter_rows(), start=1):
            if nomor > MAKS_BARIS + 1:
                raise BerkasTidakSah(_terlalu_banyak_baris())
            nilai = []
            for kolom, cell in enumerate(sel, start=1):
                if getattr(cell, "data_type", None) == "f":
                    raise BerkasTidakSah(
                        _(
                            "Sel %(sel)s berisi rumus (%(rumus)s). Unggah nilainya saja: salin "
                            "lalu tempel sebagai nilai (Paste Values)."
                        )
                        % {
                            "sel": f"{get_column_letter(kolom)}{nomor}",
                            "rumus": str(cell.value)[:40],
                        }
                    )
                nilai.append(cell.value)
            baris.append(nilai)
        return baris
    except BerkasTidakSah:
        raise
    except Exception:
        raise BerkasTidakSah(
            _("Buku kerja tidak dapat dibaca; simpan ulang sebagai .xlsx.")
        ) from None
    finally:
        wb.close()


def _baris_csv(data: bytes) -> list[list]:
    if b"\x00" in data:
        raise BerkasTidakSah(_("Berkas ini bukan buku kerja .xlsx atau berkas .csv."))
    for kodek in ("utf-8-sig", "cp1252"):
        try:
            teks = data.decode(kodek)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise BerkasTidakSah(_("Berkas ini bukan buku kerja .xlsx atau berkas .csv."))
    baris_pertama = teks.split("\n", 1)[0]
    pemisah = max(";,\t", key=baris_pertama.count)
    try:
        baris = []
        for nomor, nilai in enumerate(csv.reader(io.StringIO(teks), delimiter=pemisah), start=1):
            if nomor > MAKS_BARIS + 1:
                raise BerkasTidakSah(_terlalu_banyak_baris())
            for kolom, isi in enumerate(nilai, start=1):
                if isi.startswith("="):
                    raise BerkasTidakSah(
                        _("Sel %(sel)s berisi rumus (%(rumus)s). Unggah nilainya saja.")
                        % {"sel": f"{get_column_letter(kolom)}{nomor}", "rumus": isi[:40]}
                    )
            baris.append(nilai)
        return baris
    except csv.Error:
        raise BerkasTidakSah(_("Berkas CSV tidak dapat dibaca.")) from None


def _dataset(baris: list[list]) -> tablib.Dataset:
    while baris and all(_kosong(v) for v in baris[-1]):
        baris.pop()
    if not baris or all(_kosong(v) for v in baris[0]):
        raise BerkasTidakSah(
            _("Baris pertama berkas harus berisi judul kolom (lihat berkas unduhan).")
        )
    if len(baris) == 1:
        raise BerkasTidakSah(_("Berkas tidak berisi data; hanya ada judul kolom."))
    lebar = max(len(b) for b in baris)
    if lebar > MAKS_KOLOM:
        raise BerkasTidakSah(_("Berkas berisi lebih dari %(n)d kolom.") % {"n": MAKS_KOLOM})
    judul = ["" if v is None else str(v).strip() for v in baris[0]] + [""] * (lebar - len(baris[0]))
    rapi = [list(b) + [None] * (lebar - len(b)) for b in baris[1:]]
    pakai = []
    for i, j in enumerate(judul):
        if j:
            pakai.append(i)
        elif not all(_kosong(b[i]) for b in rapi):
            raise BerkasTidakSah(
                _("Kolom %(kolom)s berisi data tetapi tanpa judul.")
                % {"kolom": get_column_letter(i + 1)}
            )
    dataset = tablib.Dataset(headers=[judul[i] for i in pakai])
    for b in rapi:
        dataset.append([b[i] for i in pakai])
    return dataset


class XLSXAman(XLSX):
    """The admin's xlsx, read and written by the same rules as the Admin Instansi's screens."""

    def create_dataset(self, in_stream):
        try:
            return baca_berkas(ContentFile(in_stream))
        except BerkasTidakSah as e:
            raise ValueError(str(e)) from None

    def export_data(self, dataset, **kwargs):
        return dataset_xlsx(dataset)
