"""Workbooks laid out the way other offices lay them out, built from seed 001 (the 2024 decree
of Dinas Sosial dan Pemberdayaan Masyarakat, Kota Tarakan), each with the figures an importer
must reproduce from it.

Every builder returns ``(path, harapan)``: ``harapan`` maps a seed number ("2.1.4") to a
``Harapan`` (need, rounded need, jenis, name, unit, kelas). The figures are computed here from
the values written into the workbook, with plain ``Decimal`` arithmetic and the formulas of
Permenpan RB 1/2020, so that they stay independent of the code under test:

    pelaksana and struktural   Σ(volume per year × minutes) ÷ 75,000
    fungsional                 Σ(angka kredit ÷ konstanta × volume) ÷ 1,250 hours

rounded half up after the sum. Run ``python tests/abk/buku_uji.py OUTDIR`` to write them all
for trying by hand.
"""

import json
import re
import sys
import zipfile
from collections import defaultdict
from decimal import ROUND_HALF_UP, Decimal
from functools import cache
from pathlib import Path
from typing import NamedTuple

from openpyxl import Workbook

SEED_DIR = Path(__file__).resolve().parents[2] / "fixtures" / "demo" / "tarakan"
DINAS = "Dinas Sosial dan Pemberdayaan Masyarakat"
# Seed 001's numbering prefix → unit, as the demo lays out the Dinas.
UNIT_TARAKAN = {
    "": DINAS,
    "2": "Sekretariat",
    "2.1": "Sub Bagian Umum dan Kepegawaian",
    "2.2": "Sub Bagian Perencanaan dan Keuangan",
    "3": "Bidang Sosial",
    "4": "Bidang Pemberdayaan Masyarakat",
}
ESELON = {"1": "II.b", "2": "III.a", "2.1": "IV.a", "2.2": "IV.a", "3": "III.b", "4": "III.b"}

WAKTU_EFEKTIF_MENIT = Decimal(75000)
WAKTU_EFEKTIF_JAM = Decimal(1250)
FAKTOR_VOLUME = {
    "tahun": Decimal(1),
    "bulan": Decimal(12),
    "minggu": Decimal(47),
    "hari": Decimal(235),
}

# Heads of every level, two pelaksana of the same name in different units, the pelaksana
# whose printed need is wrong (2.1.4), and two functional positions with their credit tables.
PILIHAN = ("1", "2", "2.1", "2.1.1", "2.1.4", "2.2.1", "3", "3.1", "5")
TANDA_TANGAN = [
    "Tarakan, 24 Juni 2024",
    "Kepala Dinas Sosial dan Pemberdayaan Masyarakat",
    None,
    None,
    "Drs. Contoh Pejabat, M.Si",
    "NIP. 19700101 199003 1 001",
]


class Harapan(NamedTuple):
    kebutuhan: Decimal
    dibulatkan: int
    jenis: str
    nama: str
    unit: str
    nomor: str
    kelas: int | None


class HarapanBuku(dict):
    """nomor → Harapan, plus ``catatan``: the facts of a variant a test needs (a cell, a row)."""

    def __init__(self, *args, catatan: dict | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.catatan = catatan or {}


@cache
def seed() -> dict[str, dict]:
    hasil = {}
    for i in (1, 2, 3):
        data = json.loads((SEED_DIR / f"jabatan_{i}.json").read_text(encoding="utf-8"))
        hasil.update({j["nomor"]: j for j in data["jabatan"]})
    return hasil


def unit_dari_nomor(nomor: str) -> tuple[str, bool]:
    """(unit, heads it): 2.1 heads Sub Bagian Umum, 2.1.4 sits in it, 5 sits in the Dinas."""
    bagian = nomor.split(".")
    for panjang in range(len(bagian), 0, -1):
        awalan = ".".join(bagian[:panjang])
        if awalan in UNIT_TARAKAN:
            return UNIT_TARAKAN[awalan], panjang == len(bagian)
    return UNIT_TARAKAN[""], nomor == "1"


def fungsional(nomor: str) -> bool:
    return bool(seed()[nomor]["butir"])


def bulat(nilai: Decimal) -> int:
    return int(nilai.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def kebutuhan_tugas(baris, waktu_efektif: Decimal = WAKTU_EFEKTIF_MENIT) -> Decimal:
    """Σ(volume per year × minutes) ÷ effective minutes, for (volume, minutes) pairs."""
    return sum((v * w for v, w in baris), Decimal(0)) / waktu_efektif


def kebutuhan_butir(baris) -> Decimal:
    """Σ(AK ÷ Kt × volume) ÷ 1,250 hours, for (angka kredit, konstanta, volume) triples."""
    return sum((ak / kt * v for ak, kt, v in baris), Decimal(0)) / WAKTU_EFEKTIF_JAM


def teks_id(nilai: Decimal, desimal: int = 0) -> str:
    """Indonesian number text: thousands with dots, decimals with a comma ("1.500", "0,5")."""
    teks = f"{nilai:,.{desimal}f}"
    if desimal:
        teks = teks.rstrip("0").rstrip(".")
    return teks.replace(",", "_").replace(".", ",").replace("_", ".")


def nama_butir(b: dict) -> str:
    return ". ".join(x for x in (b["kode"], b["butir_kegiatan"]) if x)


def uraian_butir(b: dict) -> str:
    return " — ".join(x for x in (b["kegiatan"], nama_butir(b)) if x)


def tugas_seed(nomor: str):
    """(uraian, hasil kerja, volume per year, minutes, seed row) of a position's tasks."""
    for t in seed()[nomor]["tugas"]:
        yield t["uraian"], t["hasil_kerja"], Decimal(t["volume"]), Decimal(t["waktu"]), t


def butir_seed(nomor: str):
    """(seed row, corrected AK, Kt, volume) of a functional position's credit rows."""
    for b in seed()[nomor]["butir"]:
        yield b, Decimal(b["angka_kredit"]), Decimal(b["konstanta"]), Decimal(b["volume"])


class Pencatat:
    """What a builder wrote, in minutes and per-year volumes, to compute the expected needs."""

    def __init__(self):
        self.tugas: dict[str, list] = defaultdict(list)
        self.butir: dict[str, list] = defaultdict(list)

    def catat_tugas(self, nomor: str, volume_per_tahun: Decimal, menit: Decimal) -> None:
        self.tugas[nomor].append((volume_per_tahun, menit))

    def catat_butir(self, nomor: str, ak: Decimal, kt: Decimal, volume: Decimal) -> None:
        self.butir[nomor].append((ak, kt, volume))

    def harapan(self, nomor_nomor, *, unit_tetap: str | None = None, **catatan) -> HarapanBuku:
        hasil = HarapanBuku(catatan=catatan)
        for nomor in nomor_nomor:
            data = seed()[nomor]
            if fungsional(nomor):
                kebutuhan = kebutuhan_butir(self.butir[nomor])
            else:
                kebutuhan = kebutuhan_tugas(self.tugas[nomor])
            hasil[nomor] = Harapan(
                kebutuhan=kebutuhan,
                dibulatkan=bulat(kebutuhan),
                jenis=data["jenis"],
                nama=data["nama"],
                unit=unit_tetap or unit_dari_nomor(nomor)[0],
                nomor=nomor,
                kelas=data["kelas"],
            )
        return hasil


def seluruh_seed() -> HarapanBuku:
    """The figures of every position of seed 001, from the seed's own rows."""
    p = Pencatat()
    for nomor in seed():
        for _, _, v, w, _ in tugas_seed(nomor):
            p.catat_tugas(nomor, v, w)
        for _, ak, kt, v in butir_seed(nomor):
            p.catat_butir(nomor, ak, kt, v)
    return p.harapan(seed())


def _buku() -> Workbook:
    wb = Workbook()
    wb.remove(wb.active)
    return wb


def _judul(ws, teks: str, lebar: int) -> None:
    ws.append([teks])
    ws.merge_cells(start_row=ws.max_row, start_column=1, end_row=ws.max_row, end_column=lebar)


def simpan_dengan_nilai(wb: Workbook, path: Path, nilai: dict[tuple[str, str], object]) -> Path:
    """Save, then give formula cells the cached value a spreadsheet program would have stored:
    openpyxl writes formulas with an empty <v/> (<v></v> when it writes through lxml).
    ``nilai`` maps (sheet, "G5") → value."""
    wb.save(path)
    per_lembar: dict[str, dict[str, object]] = defaultdict(dict)
    for (lembar, sel), v in nilai.items():
        per_lembar[f"xl/worksheets/sheet{wb.sheetnames.index(lembar) + 1}.xml"][sel] = v
    with zipfile.ZipFile(path) as z:
        isi = {n: z.read(n) for n in z.namelist()}
    for nama, sel_sel in per_lembar.items():
        xml = isi[nama].decode("utf-8")
        for sel, v in sel_sel.items():
            pola = re.compile(rf'(<c r="{sel}"[^>]*>)(<f>[^<]*</f>)(?:<v\s*/>|<v></v>)')
            xml, n = pola.subn(lambda m, v=v: f"{m.group(1)}{m.group(2)}<v>{v}</v>", xml)
            if n != 1:
                raise ValueError(f"{sel} in {nama} is not a formula cell")
        isi[nama] = xml.encode("utf-8")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for n, data in isi.items():
            z.writestr(n, data)
    return path


# --- 1. flat, minutes, unit and name on every row ------------------------------------------


def datar_menit(folder: Path) -> tuple[Path, HarapanBuku]:
    """One row per task with Unit Kerja and Jabatan repeated, in this office's own words; the
    functional positions' credit rows on a second sheet of the same habit."""
    wb, p = _buku(), Pencatat()
    ws = wb.create_sheet("Beban Kerja")
    ws.append(
        [
            "Unit Kerja",
            "Jabatan",
            "Uraian Tugas",
            "Satuan Hasil",
            "Jml Beban Kerja",
            "Waktu Penyelesaian (menit)",
        ]
    )
    jf = wb.create_sheet("Angka Kredit JF")
    jf.append(
        [
            "Unit Kerja",
            "Jabatan",
            "Butir Kegiatan",
            "Satuan Hasil",
            "Angka Kredit",
            "Konstanta",
            "Jml Beban Kerja",
        ]
    )
    for nomor in PILIHAN:
        nama, unit = seed()[nomor]["nama"], unit_dari_nomor(nomor)[0]
        if fungsional(nomor):
            for b, ak, kt, v in butir_seed(nomor):
                jf.append([unit, nama, uraian_butir(b), b["satuan"], float(ak), float(kt), int(v)])
                p.catat_butir(nomor, ak, kt, v)
            continue
        for uraian, hasil, v, w, _ in tugas_seed(nomor):
            ws.append([unit, nama, uraian, hasil, int(v), int(w)])
            p.catat_tugas(nomor, v, w)
    path = folder / "datar_menit.xlsx"
    wb.save(path)
    return path, p.harapan(PILIHAN)


# --- 2. flat, real hours typed as text ------------------------------------------------------

# Tasks rewritten with the same workload in a larger volume and a shorter time, so the sheet
# carries thousand dots and quarter hours: (nomor, task index) → (volume, hours).
DIPECAH = {
    ("2.1.4", 0): (Decimal(240), Decimal("1.25")),
    ("2.1.4", 1): (Decimal(1800), Decimal("0.5")),
    ("2.2.1", 1): (Decimal(1200), Decimal("0.5")),
}


def datar_jam(folder: Path) -> tuple[Path, HarapanBuku]:
    """A merged title and a blank row above the header; WAKTU PENYELESAIAN (JAM) holds real
    hours as text with a decimal comma ("0,5", "41,67"); volumes as text with thousand dots;
    empty rows between positions. Hours are rounded to 2 decimals when written, so the
    expected minutes are what was written × 60."""
    wb, p = _buku(), Pencatat()
    ws = wb.create_sheet("ABK Sekretariat")
    kolom = [
        "NO",
        "UNIT KERJA",
        "NAMA JABATAN",
        "URAIAN TUGAS",
        "HASIL KERJA",
        "VOLUME",
        "WAKTU PENYELESAIAN (JAM)",
    ]
    _judul(ws, f"ANALISIS BEBAN KERJA {DINAS.upper()} KOTA TARAKAN TAHUN 2024", len(kolom))
    ws.append([None])
    ws.append(kolom)
    jf = wb.create_sheet("Angka Kredit")
    jf.append(
        [
            "NAMA JABATAN",
            "UNIT KERJA",
            "BUTIR KEGIATAN",
            "ANGKA KREDIT (AK)",
            "KONSTANTA",
            "VOLUME",
            "SATUAN",
        ]
    )
    for nomor in PILIHAN:
        nama, unit = seed()[nomor]["nama"], unit_dari_nomor(nomor)[0]
        if fungsional(nomor):
            for b, ak, kt, v in butir_seed(nomor):
                jf.append(
                    [
                        nama,
                        unit,
                        uraian_butir(b),
                        teks_id(ak, 2),
                        teks_id(kt, 3),
                        int(v),
                        b["satuan"],
                    ]
                )
                p.catat_butir(nomor, ak, kt, v)
            continue
        for i, (uraian, hasil, v, w, _) in enumerate(tugas_seed(nomor)):
            v, jam = DIPECAH.get((nomor, i), (v, (w / 60).quantize(Decimal("0.01"))))
            ws.append([i + 1, unit, nama, uraian, hasil, teks_id(v), teks_id(jam, 2)])
            p.catat_tugas(nomor, v, jam * 60)
        ws.append([None])
    path = folder / "datar_jam.xlsx"
    wb.save(path)
    return path, p.harapan(PILIHAN)


# --- 3. the decree's own table --------------------------------------------------------------

KOLOM_KEPUTUSAN = [
    "NO",
    "NAMA JABATAN",
    "URAIAN TUGAS",
    "HASIL KERJA",
    "JUMLAH BEBAN KERJA 1 TAHUN",
    "WAKTU PENYELESAIAN (JAM)",
    "WAKTU EFEKTIF PENYELESAIAN",
    "KEBUTUHAN PEGAWAI",
]
KOLOM_KEPUTUSAN_JF = [
    "NO",
    "NAMA JABATAN",
    "Kegiatan",
    "Butir Kegiatan",
    "Satuan Hasil",
    "Angka Kredit",
    "Kons-tantan",
    "Wpk",
    "Volume",
    "Wpv",
]
# No unit column: the decree prints one table per Dinas, so the two same-named Penelaah
# Teknis Kebijakan cannot both appear in it.
PILIHAN_KEPUTUSAN = ("1", "2", "2.1", "2.1.1", "2.1.4", "3", "3.1", "5")


def keputusan(folder: Path) -> tuple[Path, HarapanBuku]:
    """Seed 001's own shape: "(JAM)" over minutes, a printed need per row, JUMLAH and JUMLAH
    PEGAWAI rows after each position, the name only on a position's first row (merged down
    over its rows), and the functional positions' credit tables, each after its own header
    row, in the same sheet. Numbers are the decree's text. Every position lands in the unit
    the import is pointed at, so ``unit`` is the Dinas."""
    wb, p = _buku(), Pencatat()
    ws = wb.create_sheet("ABK")
    _judul(ws, f"ANALISIS BEBAN KERJA {DINAS.upper()}", len(KOLOM_KEPUTUSAN))
    ws.append([None])
    ws.append(KOLOM_KEPUTUSAN)
    tabel = "tugas"
    for nomor in PILIHAN_KEPUTUSAN:
        data = seed()[nomor]
        if fungsional(nomor):
            # every credit table after a header row of its own, as the decree prints them
            ws.append([None])
            ws.append(KOLOM_KEPUTUSAN_JF)
            tabel = "butir"
            awal = ws.max_row + 1
            for i, (b, ak, kt, v) in enumerate(butir_seed(nomor), 1):
                ws.append(
                    [
                        i,
                        data["nama"] if i == 1 else None,
                        b["kegiatan"],
                        nama_butir(b),
                        b["satuan"],
                        # the corrected value: the "0:09" typo has its own test (shape 9)
                        b["angka_kredit"],
                        b["konstanta_tercetak"],
                        b["wpk_tercetak"],
                        b["volume"],
                        b["wpv_tercetak"],
                    ]
                )
                p.catat_butir(nomor, ak, kt, v)
            ws.merge_cells(start_row=awal, start_column=2, end_row=ws.max_row, end_column=2)
            for label, angka in [
                ("JUMLAH", data["butir_jumlah_tercetak"]),
                ("KEBUTUHAN PEGAWAI", data["butir_formasi_tercetak"]),
                ("JUMLAH PEGAWAI", data["jumlah_pegawai_tercetak"]),
            ]:
                ws.append([None, None, None, label, *[None] * 5, angka])
            continue
        if tabel != "tugas":
            ws.append([None])
            ws.append(KOLOM_KEPUTUSAN)
            tabel = "tugas"
        awal = ws.max_row + 1
        for i, (uraian, hasil, v, w, t) in enumerate(tugas_seed(nomor), 1):
            ws.append(
                [
                    i,
                    data["nama"] if i == 1 else None,
                    uraian,
                    hasil,
                    t["volume"],
                    t["waktu"],
                    t["waktu_efektif_tercetak"],
                    t["kebutuhan_tercetak"],
                ]
            )
            p.catat_tugas(nomor, v, w)
        ws.merge_cells(start_row=awal, start_column=2, end_row=ws.max_row, end_column=2)
        ws.append([None, None, "JUMLAH", *[None] * 4, data["jumlah_tercetak"]])
        ws.append([None, None, "JUMLAH PEGAWAI", *[None] * 4, data["jumlah_pegawai_tercetak"]])
    path = folder / "keputusan.xlsx"
    wb.save(path)
    return path, p.harapan(PILIHAN_KEPUTUSAN, unit_tetap=DINAS)


# --- 4. linked sheets -----------------------------------------------------------------------


def jenis_tertulis(nomor: str) -> str:
    """The words offices write in a Jenis Jabatan column."""
    jenis = seed()[nomor]["jenis"]
    if jenis == "fungsional":
        return "JFT"
    if jenis == "pelaksana":
        return "JFU" if nomor.endswith((".1", ".3", ".5")) else "Fungsional Umum"
    return "Struktural"


def kebutuhan_tercetak(nomor: str) -> str:
    data = seed()[nomor]
    return data["butir_formasi_tercetak"] if fungsional(nomor) else data["jumlah_tercetak"]


# Rows of the task sheet, positions interleaved: a credit table between two task tables.
URUTAN_TERKAIT = ("1", "3.1", "2", "2.1", "5", "2.1.1", "2.1.4", "2.2.1", "3")


def terkait(
    folder: Path, *, yatim: bool = False, tanpa_nomor: bool = False
) -> tuple[Path, HarapanBuku]:
    """A positions sheet "Data Jabatan" and a task sheet "Uraian Tugas" whose rows name their
    position by the first sheet's No and Nama Jabatan (no unit column), task rows (minutes,
    AK empty) and credit rows (AK and Kt, no time) interleaved in the one sheet.

    ``yatim``: one more task row whose No points at no position (``catatan["baris_yatim"]``).
    ``tanpa_nomor``: neither sheet has a No column, so the two Penelaah Teknis Kebijakan of
    different units cannot be told apart from the task sheet."""
    wb, p = _buku(), Pencatat()
    ws = wb.create_sheet("Data Jabatan")
    kepala = [
        "No",
        "Nama Jabatan",
        "Jenis Jabatan",
        "Unit Kerja",
        "Eselon",
        "JPT Pratama",
        "Administrator",
        "Pengawas",
        "Kelas",
        "Pendidikan",
        "Ikhtisar",
        "Kebutuhan Pegawai",
    ]
    ws.append(kepala[1:] if tanpa_nomor else kepala)
    for nomor in PILIHAN:
        data = seed()[nomor]
        rantai = data["rantai"]
        baris = [
            nomor,
            data["nama"],
            jenis_tertulis(nomor),
            unit_dari_nomor(nomor)[0],
            ESELON.get(nomor),
            rantai["jpt_pratama"] or None,
            rantai["administrator"] or None,
            rantai["pengawas"] or None,
            data["kelas"],
            data["syarat"]["pendidikan"],
            data["ikhtisar"],
            kebutuhan_tercetak(nomor),
        ]
        ws.append(baris[1:] if tanpa_nomor else baris)
    ut = wb.create_sheet("Uraian Tugas")
    kepala = [
        "No",
        "Nama Jabatan",
        "Uraian Tugas",
        "Satuan Hasil",
        "Volume",
        "Waktu Penyelesaian (menit)",
        "Angka Kredit",
        "Konstanta",
    ]
    ut.append(kepala[1:] if tanpa_nomor else kepala)
    for nomor in URUTAN_TERKAIT:
        nama = seed()[nomor]["nama"]
        if fungsional(nomor):
            for b, ak, kt, v in butir_seed(nomor):
                baris = [nomor, nama, uraian_butir(b), b["satuan"], int(v), None, float(ak)]
                baris.append(float(kt))
                ut.append(baris[1:] if tanpa_nomor else baris)
                p.catat_butir(nomor, ak, kt, v)
            continue
        for uraian, hasil, v, w, _ in tugas_seed(nomor):
            baris = [nomor, nama, uraian, hasil, int(v), int(w), None, None]
            ut.append(baris[1:] if tanpa_nomor else baris)
            p.catat_tugas(nomor, v, w)
    # rows of the positions sheet holding the two Penelaah Teknis Kebijakan
    catatan = {"baris_kembar": [PILIHAN.index("2.1.1") + 2, PILIHAN.index("2.2.1") + 2]}
    if yatim:
        ut.append(["2.1.9", "Pengelola Arsip", "Menata arsip dinas", "Berkas", 12, 600, None, None])
        catatan["baris_yatim"] = ut.max_row
    nama = "terkait" + ("_yatim" if yatim else "") + ("_tanpa_nomor" if tanpa_nomor else "")
    path = folder / f"{nama}.xlsx"
    wb.save(path)
    return path, p.harapan(PILIHAN, **catatan)


# --- 5. one form per position, in hours -----------------------------------------------------

JENIS_FORMULIR = {
    "jpt_pratama": "Jabatan Pimpinan Tinggi Pratama",
    "administrator": "Administrator",
    "pengawas": "Pengawas",
    "pelaksana": "Pelaksana",
    "fungsional": "Fungsional",
}


def _isian(ws, kunci: str, nilai, satu_sel: bool) -> None:
    ws.append([f"{kunci} : {nilai}"] if satu_sel else [kunci, ":", nilai])


def _formulir_jam(ws, nomor: str, p: Pencatat, satu_sel: bool) -> None:
    data = seed()[nomor]
    _judul(ws, "FORMULIR ANALISIS BEBAN KERJA", 7)
    ws.append([None])
    _isian(ws, "Nama Jabatan", data["nama"], satu_sel)
    _isian(ws, "Jenis Jabatan", JENIS_FORMULIR[data["jenis"]], satu_sel)
    _isian(ws, "Unit Kerja", unit_dari_nomor(nomor)[0], satu_sel)
    _isian(ws, "Kelas Jabatan", data["kelas"], satu_sel)
    _isian(ws, "Ikhtisar Jabatan", data["ikhtisar"], satu_sel)
    ws.append([None])
    if fungsional(nomor):
        ws.append(
            [
                "No",
                "Butir Kegiatan",
                "Satuan Hasil",
                "Angka Kredit",
                "Konstanta",
                "Wpk",
                "Volume",
                "Wpv",
            ]
        )
        ws.append([f"({i})" for i in range(1, 9)])
        jumlah = Decimal(0)
        for i, (b, ak, kt, v) in enumerate(butir_seed(nomor), 1):
            wpk = ak / kt
            baris = [i, uraian_butir(b), b["satuan"], float(ak), float(kt), float(wpk), int(v)]
            ws.append([*baris, float(wpk * v)])
            p.catat_butir(nomor, ak, kt, v)
            jumlah += wpk * v
        ws.append([None, "JUMLAH"] + [None] * 5 + [float(jumlah)])
        ws.append([None, "KEBUTUHAN PEGAWAI"] + [None] * 5 + [float(round(jumlah / 1250, 2))])
        ws.append([None, "JUMLAH PEGAWAI"] + [None] * 5 + [bulat(jumlah / 1250)])
    else:
        ws.append(
            [
                "No",
                "Uraian Tugas",
                "Satuan Hasil",
                "Waktu Penyelesaian (Jam)",
                "Waktu Efektif (Jam)",
                "Beban Kerja",
                "Kebutuhan Pegawai",
            ]
        )
        ws.append([f"({i})" for i in range(1, 8)])
        jumlah = Decimal(0)
        for i, (uraian, hasil, v, w, _) in enumerate(tugas_seed(nomor), 1):
            jam = (w / 60).quantize(Decimal("0.01"))
            keb = v * jam / WAKTU_EFEKTIF_JAM
            ws.append([i, uraian, hasil, float(jam), 1250, int(v), float(round(keb, 3))])
            p.catat_tugas(nomor, v, jam * 60)
            jumlah += keb
        ws.append([None, "JUMLAH"] + [None] * 4 + [float(round(jumlah, 3))])
        ws.append([None, "JUMLAH PEGAWAI"] + [None] * 4 + [bulat(jumlah)])
    ws.append([None])
    for baris in TANDA_TANGAN:
        ws.append([None] * 5 + [baris])


PETUNJUK = [
    "PETUNJUK PENGISIAN FORMULIR ANALISIS BEBAN KERJA",
    (
        "Formulir ini diisi oleh setiap pemangku jabatan bersama atasan langsungnya. Uraian "
        "tugas diambil dari informasi jabatan yang telah ditetapkan, sedangkan satuan hasil "
        "menunjukkan produk dari setiap tugas."
    ),
    (
        "Waktu penyelesaian diisi dalam jam, yaitu waktu rata-rata yang dibutuhkan untuk "
        "menghasilkan satu satuan hasil. Beban kerja adalah jumlah satuan hasil dalam satu "
        "tahun. Waktu kerja efektif adalah 1.250 jam per tahun sesuai Permenpan RB 1/2020."
    ),
    "Kebutuhan pegawai = waktu penyelesaian × beban kerja ÷ waktu kerja efektif.",
]


def formulir(folder: Path) -> tuple[Path, HarapanBuku]:
    """One sheet per position, each a FORMULIR ANALISIS BEBAN KERJA with a key/value block
    (three cells in some forms, "Nama Jabatan : X" in one cell in others), the table in hours
    with an effective-time column and the volume after the time, a row of column numbers,
    JUMLAH and JUMLAH PEGAWAI, and a signature block; functional forms carry the credit table.
    Also a REKAP sheet of printed needs (creates nothing) and a Petunjuk sheet of prose."""
    wb, p = _buku(), Pencatat()
    petunjuk = wb.create_sheet("Petunjuk")
    for alinea in PETUNJUK:
        petunjuk.append([alinea])
        petunjuk.append([None])
    rekap = wb.create_sheet("REKAP")
    rekap.append(["No", "Nama Jabatan", "Unit Kerja", "Kebutuhan Pegawai"])
    for i, nomor in enumerate(PILIHAN, 1):
        data = seed()[nomor]
        rekap.append([i, data["nama"], unit_dari_nomor(nomor)[0], kebutuhan_tercetak(nomor)])
        _formulir_jam(wb.create_sheet(f"Form {nomor}"), nomor, p, satu_sel=i % 2 == 0)
    path = folder / "formulir.xlsx"
    wb.save(path)
    return path, p.harapan(PILIHAN)


# --- 6. forms stacked on one sheet, minutes -------------------------------------------------


def formulir_bertumpuk(folder: Path) -> tuple[Path, HarapanBuku]:
    """Every position's form one below the other on a single sheet, two blank rows between
    forms, times in minutes."""
    wb, p = _buku(), Pencatat()
    ws = wb.create_sheet("ABK")
    for i, nomor in enumerate(PILIHAN):
        data = seed()[nomor]
        if i:
            ws.append([None])
            ws.append([None])
        ws.append(["FORMULIR ANALISIS BEBAN KERJA"])
        _isian(ws, "Nama Jabatan", data["nama"], i % 2 == 1)
        _isian(ws, "Unit Kerja", unit_dari_nomor(nomor)[0], i % 2 == 1)
        _isian(ws, "Kelas Jabatan", data["kelas"], i % 2 == 1)
        if fungsional(nomor):
            ws.append(["No", "Butir Kegiatan", "Angka Kredit", "Konstanta", "Volume", "Satuan"])
            for j, (b, ak, kt, v) in enumerate(butir_seed(nomor), 1):
                ws.append([j, uraian_butir(b), b["angka_kredit"], b["konstanta"], int(v)])
                ws.cell(ws.max_row, 6, b["satuan"])
                p.catat_butir(nomor, ak, kt, v)
            ws.append([None, "JUMLAH PEGAWAI", None, None, data["jumlah_pegawai_tercetak"]])
            continue
        ws.append(
            [
                "No",
                "Uraian Tugas",
                "Hasil Kerja",
                "Volume",
                "Waktu Penyelesaian (Menit)",
                "Waktu Efektif (Menit)",
                "Kebutuhan Pegawai",
            ]
        )
        for j, (uraian, hasil, v, w, t) in enumerate(tugas_seed(nomor), 1):
            ws.append([j, uraian, hasil, int(v), int(w), 75000, t["kebutuhan_tercetak"]])
            p.catat_tugas(nomor, v, w)
        ws.append([None, "JUMLAH"] + [None] * 4 + [data["jumlah_tercetak"]])
        ws.append([None, "JUMLAH PEGAWAI"] + [None] * 4 + [data["jumlah_pegawai_tercetak"]])
    path = folder / "formulir_bertumpuk.xlsx"
    wb.save(path)
    return path, p.harapan(PILIHAN)


# --- 7. volumes per day, week, month --------------------------------------------------------

NON_FUNGSIONAL = tuple(n for n in PILIHAN if not seed()[n]["butir"])


def volume_per_bulan(folder: Path) -> tuple[Path, HarapanBuku]:
    """A "Volume per Bulan" header: a yearly 12 or 48 is written 1 or 4; a yearly 1, 2 or 4
    is written as it is, so it counts twelve times over."""
    wb, p = _buku(), Pencatat()
    ws = wb.create_sheet("Beban Kerja")
    ws.append(["Unit Kerja", "Nama Jabatan", "Uraian Tugas", "Volume per Bulan", "Waktu (menit)"])
    for nomor in NON_FUNGSIONAL:
        nama, unit = seed()[nomor]["nama"], unit_dari_nomor(nomor)[0]
        for uraian, _, v, w, _ in tugas_seed(nomor):
            per_bulan = v / 12 if v % 12 == 0 else v
            ws.append([unit, nama, uraian, int(per_bulan), int(w)])
            p.catat_tugas(nomor, per_bulan * FAKTOR_VOLUME["bulan"], w)
    path = folder / "volume_per_bulan.xlsx"
    wb.save(path)
    return path, p.harapan(NON_FUNGSIONAL)


def _periode_baris(v: Decimal, w: Decimal, giliran: int) -> tuple[str, Decimal]:
    """(period, volume written) for one seed task, so every period word appears."""
    if w <= 300:
        return "hari", Decimal(2)
    if v % 12 == 0:
        return ("bulan", v / 12) if giliran % 2 else ("minggu", Decimal(1))
    return "tahun", v


def volume_satuan_periode(folder: Path) -> tuple[Path, HarapanBuku]:
    """A "Satuan Periode" column naming, row by row, what the volume counts: hari, minggu,
    bulan or tahun (2 a day → 470 a year with the default 235 working days)."""
    wb, p = _buku(), Pencatat()
    ws = wb.create_sheet("Beban Kerja")
    ws.append(
        [
            "Unit Kerja",
            "Nama Jabatan",
            "Uraian Tugas",
            "Volume",
            "Satuan Periode",
            "Waktu Penyelesaian (menit)",
        ]
    )
    giliran = 0
    for nomor in NON_FUNGSIONAL:
        nama, unit = seed()[nomor]["nama"], unit_dari_nomor(nomor)[0]
        for uraian, _, v, w, _ in tugas_seed(nomor):
            periode, ditulis = _periode_baris(v, w, giliran)
            giliran += 1
            ws.append([unit, nama, uraian, int(ditulis), periode, int(w)])
            p.catat_tugas(nomor, ditulis * FAKTOR_VOLUME[periode], w)
    path = folder / "volume_satuan_periode.xlsx"
    wb.save(path)
    return path, p.harapan(NON_FUNGSIONAL)


# --- 8. a legacy effective time -------------------------------------------------------------


def waktu_efektif_lama(folder: Path) -> tuple[Path, HarapanBuku]:
    """A flat sheet printed on the old 1,200-hour basis: WAKTU EFEKTIF holds "72.000" minutes
    and the printed needs divide by it. The figures an import into a default period must show
    divide by 75,000."""
    wb, p = _buku(), Pencatat()
    ws = wb.create_sheet("ABK 2019")
    ws.append(
        [
            "Unit Kerja",
            "Nama Jabatan",
            "Uraian Tugas",
            "Hasil Kerja",
            "Volume",
            "Waktu Penyelesaian (menit)",
            "WAKTU EFEKTIF",
            "Kebutuhan Pegawai",
        ]
    )
    for nomor in NON_FUNGSIONAL:
        nama, unit = seed()[nomor]["nama"], unit_dari_nomor(nomor)[0]
        for uraian, hasil, v, w, _ in tugas_seed(nomor):
            lama = teks_id((v * w / 72000).quantize(Decimal("0.001")), 3)
            ws.append([unit, nama, uraian, hasil, int(v), int(w), "72.000", lama])
            p.catat_tugas(nomor, v, w)
    path = folder / "waktu_efektif_lama.xlsx"
    wb.save(path)
    return path, p.harapan(NON_FUNGSIONAL)


# --- 9. defects -----------------------------------------------------------------------------

PILIHAN_CACAT = ("1", "2.1", "2.1.1", "2.1.4", "2.2.1", "3.1", "5")


def cacat(
    folder: Path, *, rumus_tanpa_nilai: bool = False, salah_ketik: bool = False
) -> tuple[Path, HarapanBuku]:
    """What real files carry: formulas with their cached values (a computed Kebutuhan column,
    a volume typed as =4*3, Wpk and Wpv of the credit sheet), a hidden sheet of garbage, a
    hidden task row in each position (excluded from the expected figures), unit and name merged
    down over a position's rows, blank cells, a percentage column that is not an input.

    ``rumus_tanpa_nilai``: the =4*3 volume has no cached value (``catatan["sel_rumus"]``).
    ``salah_ketik``: the seed's "0:09" in an Angka Kredit cell (``catatan["salah_ketik"]``,
    and ``catatan["hanya_sah"]``: the figures once that row alone is left out)."""
    wb, p = _buku(), Pencatat()
    nilai: dict[tuple[str, str], object] = {}
    ws = wb.create_sheet("ABK")
    kolom = [
        "Unit Kerja",
        "Nama Jabatan",
        "Uraian Tugas",
        "Hasil Kerja",
        "Volume",
        "Waktu Penyelesaian (menit)",
        "Kebutuhan Pegawai",
        "Capaian (%)",
    ]
    _judul(ws, "REKAPITULASI ANALISIS BEBAN KERJA", len(kolom))
    ws.append([None])
    ws.append(kolom)
    catatan: dict = {}
    for nomor in PILIHAN_CACAT:
        if fungsional(nomor):
            continue
        nama, unit = seed()[nomor]["nama"], unit_dari_nomor(nomor)[0]
        awal = ws.max_row + 1
        for i, (uraian, hasil, v, w, _) in enumerate(tugas_seed(nomor)):
            r = ws.max_row + 1
            volume = int(v)
            if nomor == "2.1.4" and i == 0:
                volume = "=4*3"
                catatan["sel_rumus"] = {"lembar": "ABK", "sel": f"E{r}", "baris": r}
                if not rumus_tanpa_nilai:
                    nilai[("ABK", f"E{r}")] = 12
            ws.append(
                [
                    unit if i == 0 else None,
                    nama if i == 0 else None,
                    uraian,
                    None if i % 3 == 2 else hasil,
                    volume,
                    int(w),
                    f"=E{r}*F{r}/75000",
                    "98%" if i % 2 else 0.97,
                ]
            )
            ws.cell(r, 8).number_format = "0%"
            nilai[("ABK", f"G{r}")] = repr(float(v * w / WAKTU_EFEKTIF_MENIT))
            p.catat_tugas(nomor, v, w)
        r = ws.max_row + 1
        ws.append([None, None, "Tugas lama yang sudah dihapus", "Dokumen", 12, 6000])
        ws.row_dimensions[r].hidden = True
        for c in (1, 2):
            ws.merge_cells(start_row=awal, start_column=c, end_row=ws.max_row, end_column=c)
        ws.append([None])
    jf = wb.create_sheet("JF")
    jf.append(
        [
            "Unit Kerja",
            "Nama Jabatan",
            "Kegiatan",
            "Butir Kegiatan",
            "Angka Kredit",
            "Konstanta",
            "Volume",
            "Satuan",
            "Wpk",
            "Wpv",
        ]
    )
    hanya_sah = Pencatat()
    for nomor in PILIHAN_CACAT:
        if not fungsional(nomor):
            hanya_sah.tugas[nomor] = p.tugas[nomor]
            continue
        nama, unit = seed()[nomor]["nama"], unit_dari_nomor(nomor)[0]
        for b, ak, kt, v in butir_seed(nomor):
            r = jf.max_row + 1
            ketik = salah_ketik and b["angka_kredit_tercetak"] != b["angka_kredit"]
            jf.append(
                [
                    unit,
                    nama,
                    b["kegiatan"],
                    nama_butir(b),
                    b["angka_kredit_tercetak"] if ketik else float(ak),
                    float(kt),
                    int(v),
                    b["satuan"],
                ]
            )
            p.catat_butir(nomor, ak, kt, v)
            if ketik:
                jf.cell(r, 9, b["wpk_tercetak"])
                jf.cell(r, 10, b["wpv_tercetak"])
                catatan["salah_ketik"] = {
                    "lembar": "JF",
                    "baris": r,
                    "kolom": "Angka Kredit",
                    "teks": b["angka_kredit_tercetak"],
                }
                continue
            hanya_sah.catat_butir(nomor, ak, kt, v)
            jf.cell(r, 9, f"=E{r}/F{r}")
            jf.cell(r, 10, f"=I{r}*G{r}")
            nilai[("JF", f"I{r}")] = repr(float(ak / kt))
            nilai[("JF", f"J{r}")] = repr(float(ak / kt * v))
    lama = wb.create_sheet("Lama")
    lama.sheet_state = "hidden"
    lama.append(["Nama Jabatan", "Uraian Tugas", "Volume", "Waktu (menit)"])
    lama.append(["#REF!", "???", "abc", "0:15"])
    lama.append([None, "salinan lama jangan dipakai", "-", "x"])
    if salah_ketik:
        catatan["hanya_sah"] = hanya_sah.harapan(PILIHAN_CACAT)
    nama = "cacat" + ("_rumus_tanpa_nilai" if rumus_tanpa_nilai else "")
    nama += "_salah_ketik" if salah_ketik else ""
    path = simpan_dengan_nilai(wb, folder / f"{nama}.xlsx", nilai)
    return path, p.harapan(PILIHAN_CACAT, **catatan)


SEMUA = {
    "datar_menit": datar_menit,
    "datar_jam": datar_jam,
    "keputusan": keputusan,
    "terkait": terkait,
    "terkait_yatim": lambda f: terkait(f, yatim=True),
    "terkait_tanpa_nomor": lambda f: terkait(f, tanpa_nomor=True),
    "formulir": formulir,
    "formulir_bertumpuk": formulir_bertumpuk,
    "volume_per_bulan": volume_per_bulan,
    "volume_satuan_periode": volume_satuan_periode,
    "waktu_efektif_lama": waktu_efektif_lama,
    "cacat": cacat,
    "cacat_rumus_tanpa_nilai": lambda f: cacat(f, rumus_tanpa_nilai=True),
    "cacat_salah_ketik": lambda f: cacat(f, salah_ketik=True),
}


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print("pemakaian: python tests/abk/buku_uji.py FOLDER", file=sys.stderr)
        return 2
    folder = Path(argv[1])
    folder.mkdir(parents=True, exist_ok=True)
    for bangun in SEMUA.values():
        path, harapan = bangun(folder)
        print(path)
        for h in harapan.values():
            print(f"  {h.nomor:<6} {h.nama} ({h.unit}): {h.kebutuhan:.6f} → {h.dibulatkan}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
