"""Reading an uploaded workbook without trusting it: format, size and shape are checked
before openpyxl sees it, and sheets are streamed (read-only mode) row by row."""

import datetime as dt
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException

MAKS_UKURAN_BERKAS = 20 * 1024 * 1024  # 20 MB as uploaded
MAKS_UKURAN_TERURAI = 200 * 1024 * 1024  # what the zip may expand to (zip bombs)
MAKS_BARIS = 50_000  # per sheet
MAKS_KOLOM = 60
BARIS_CARI_JUDUL = 30
OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


class BukuKerjaTidakSah(Exception):
    """The file cannot be read as an xlsx workbook; the message is for the user."""


@dataclass
class Sel:
    nilai: object
    rumus: bool = False


@dataclass
class Lembar:
    nama: str
    baris: list[tuple[int, list[Sel]]] = field(default_factory=list)  # (row number, cells)


def periksa_berkas(path: Path) -> None:
    """Refuses what is not a sane xlsx before any parsing (messages in Indonesian)."""
    ukuran = path.stat().st_size
    if ukuran == 0:
        raise BukuKerjaTidakSah("Berkas kosong.")
    if ukuran > MAKS_UKURAN_BERKAS:
        raise BukuKerjaTidakSah(
            f"Berkas terlalu besar ({ukuran // (1024 * 1024)} MB); batasnya "
            f"{MAKS_UKURAN_BERKAS // (1024 * 1024)} MB. Pecah buku kerja per unit."
        )
    with open(path, "rb") as f:
        awal = f.read(8)
    if awal == OLE_SIGNATURE:
        raise BukuKerjaTidakSah(
            "Format Excel lama (.xls) tidak didukung. Buka di Excel lalu simpan sebagai .xlsx."
        )
    if not zipfile.is_zipfile(path):
        if awal.startswith(b"PK\x03\x04"):
            raise BukuKerjaTidakSah(
                "Buku kerja rusak (arsip ZIP tidak utuh; mungkin terpotong saat diunduh)."
            )
        raise BukuKerjaTidakSah("Berkas ini bukan buku kerja Excel (.xlsx).")
    try:
        with zipfile.ZipFile(path) as z:
            isi = z.infolist()
            nama = {i.filename for i in isi}
            if "[Content_Types].xml" not in nama or not any(n.startswith("xl/") for n in nama):
                raise BukuKerjaTidakSah("Berkas ZIP ini bukan buku kerja Excel (.xlsx).")
            if sum(i.file_size for i in isi) > MAKS_UKURAN_TERURAI:
                raise BukuKerjaTidakSah(
                    "Isi buku kerja terlalu besar setelah diurai; pecah menjadi beberapa berkas."
                )
            rusak = z.testzip()
            if rusak is not None:
                raise BukuKerjaTidakSah(f"Buku kerja rusak (bagian {rusak} tidak terbaca).")
    except zipfile.BadZipFile:
        raise BukuKerjaTidakSah("Buku kerja rusak (arsip ZIP tidak utuh).") from None


def baca_buku(path: Path) -> list[Lembar]:
    """Every visible sheet's non-empty rows, streamed; formulas are marked, not evaluated."""
    periksa_berkas(path)
    try:
        wb = load_workbook(path, read_only=True, data_only=False)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError, OSError) as e:
        raise BukuKerjaTidakSah(f"Buku kerja tidak dapat dibaca: {e}") from None
    except Exception as e:  # openpyxl raises many kinds on malformed XML
        raise BukuKerjaTidakSah(f"Buku kerja tidak dapat dibaca ({type(e).__name__}).") from None
    lembar = []
    try:
        for ws in wb.worksheets:
            if getattr(ws, "sheet_state", "visible") != "visible":
                continue
            data = Lembar(ws.title)
            for nomor, row in enumerate(ws.iter_rows(max_col=MAKS_KOLOM), start=1):
                sel = [Sel(c.value, getattr(c, "data_type", None) == "f") for c in row]
                if not any(_ada_isi(s.nilai) for s in sel):
                    continue
                if len(data.baris) >= MAKS_BARIS:
                    raise BukuKerjaTidakSah(
                        f"Sheet {ws.title} lebih dari {MAKS_BARIS:,} baris berisi; pecah buku "
                        "kerja menjadi beberapa berkas.".replace(",", ".")
                    )
                data.baris.append((nomor, sel))
            if data.baris:
                lembar.append(data)
    except BukuKerjaTidakSah:
        raise
    except Exception as e:
        raise BukuKerjaTidakSah(f"Buku kerja tidak dapat dibaca ({type(e).__name__}).") from None
    finally:
        wb.close()
    if not lembar:
        raise BukuKerjaTidakSah("Buku kerja tidak berisi data.")
    return lembar


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
