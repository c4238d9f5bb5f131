"""The rekap as plain data (JSON for automation) and as an xlsx workbook for print."""

from decimal import Decimal
from io import BytesIO

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

from abk.rekap import Rekap
from organisasi.spreadsheets import isi_sel

ENAM_DESIMAL = Decimal("0.000001")


def _teks_desimal(nilai: Decimal | None) -> str | None:
    return None if nilai is None else str(Decimal(nilai).quantize(ENAM_DESIMAL))


def rekap_data(rekap: Rekap) -> dict:
    """JSON-ready rekap: one object per position, per unit, and the totals."""
    p = rekap.periode
    return {
        "instansi": p.instansi.nama,
        "periode": {
            "id": p.pk,
            "nama": p.nama,
            "tahun": p.tahun,
            "waktu_efektif_menit": str(p.waktu_efektif_menit),
            "pembulatan": p.pembulatan,
        },
        "unit": rekap.unit.nama if rekap.unit else None,
        "jabatan": [
            {
                "id": b.jabatan.pk,
                "nomor": b.nomor,
                "nama_jabatan": b.jabatan.nama,
                "unit": b.unit.nama,
                "jenis": b.jabatan.jenis,
                "kelas": b.kelas,
                "beban_kerja_menit": _teks_desimal(b.beban_kerja_menit),
                "kebutuhan": _teks_desimal(b.kebutuhan),
                "kebutuhan_dibulatkan": b.kebutuhan_dibulatkan,
                "bezetting": b.bezetting,
                "bezetting_rincian": b.bezetting_rincian,
                "selisih": b.selisih,
                "ej": _teks_desimal(b.ej),
                "predikat": b.predikat,
                "kebutuhan_tercetak": _teks_desimal(b.deklarasi.kebutuhan)
                if b.deklarasi and b.deklarasi.kebutuhan is not None
                else None,
                "jumlah_pegawai_tercetak": b.deklarasi.jumlah_pegawai if b.deklarasi else None,
                "flags": [t.pesan for t in b.temuan],
            }
            for b in rekap.baris
        ],
        "unit_rekap": [
            {
                "unit": ru.unit.nama,
                "tingkat": ru.depth,
                "kebutuhan": _teks_desimal(ru.subtree["kebutuhan"]),
                "kebutuhan_dibulatkan": ru.subtree["kebutuhan_dibulatkan"],
                "bezetting": ru.subtree["bezetting"],
                "kekurangan": ru.subtree["kekurangan"],
                "kelebihan": ru.subtree["kelebihan"],
                "eu": _teks_desimal(ru.eu),
            }
            for ru in rekap.units
        ],
        "total": {
            "jumlah_jabatan": rekap.total["jumlah_jabatan"],
            "beban_kerja_menit": _teks_desimal(rekap.total["beban_kerja_menit"]),
            "kebutuhan": _teks_desimal(rekap.total["kebutuhan"]),
            "kebutuhan_dibulatkan": rekap.total["kebutuhan_dibulatkan"],
            "kebutuhan_tercetak_dibulatkan": rekap.kebutuhan_tercetak_dibulatkan,
            "bezetting": rekap.total["bezetting"],
            "kekurangan": rekap.total["kekurangan"],
            "kelebihan": rekap.total["kelebihan"],
            "selisih": rekap.total["selisih"],
            "eu": _teks_desimal(rekap.eu),
            "jumlah_flags": len(rekap.temuan),
        },
    }


TEBAL = Font(bold=True)
GARIS = Border(*(Side(style="thin"),) * 4)
ABU = PatternFill("solid", fgColor="EEF2F7")


def tulis_baris(ws, baris: int, nilai: list, *, format_angka: dict | None = None, kepala=False):
    """Writes `nilai` across row `baris` as bordered, wrapped cells (bold and shaded for a
    header row); `format_angka` maps a column number to its number format."""
    for kolom, isi in enumerate(nilai, start=1):
        cell = ws.cell(row=baris, column=kolom)
        isi_sel(cell, isi)
        cell.border = GARIS
        cell.alignment = Alignment(vertical="top", wrap_text=True)
        if kepala:
            cell.font, cell.fill = TEBAL, ABU
        if format_angka and kolom in format_angka:
            cell.number_format = format_angka[kolom]


def rekap_xlsx(rekap: Rekap) -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.title = "Rekap jabatan"
    # Unit and instansi names are typed by users: through isi_sel like every other cell.
    isi_sel(ws["A1"], f"REKAP ANALISIS BEBAN KERJA {rekap.unit.nama if rekap.unit else ''}".strip())
    isi_sel(ws["A2"], f"{rekap.periode.instansi.nama} · {rekap.periode.nama}")
    ws["A1"].font = Font(bold=True, size=13)
    kepala = [
        "No.",
        "Nama jabatan",
        "Unit",
        "Jenis",
        "Kelas",
        "Beban kerja (menit)",
        "Kebutuhan",
        "K",
        "B",
        "±",
        "EJ",
        "Predikat",
        "Temuan",
    ]
    tulis_baris(ws, 4, kepala, kepala=True)
    fmt = {6: "#,##0.00", 7: "#,##0.000", 11: "0.00"}
    for i, b in enumerate(rekap.baris, start=5):
        tulis_baris(
            ws,
            i,
            [
                b.nomor,
                b.jabatan.nama,
                b.unit.nama,
                b.jabatan.get_jenis_display(),
                b.kelas,
                float(b.beban_kerja_menit),
                float(b.kebutuhan),
                b.kebutuhan_dibulatkan,
                b.bezetting,
                b.selisih,
                float(b.ej) if b.ej is not None else None,
                b.predikat,
                "\n".join(t.pesan for t in b.temuan),
            ],
            format_angka=fmt,
        )
    akhir = 5 + len(rekap.baris)
    t = rekap.total
    tulis_baris(
        ws,
        akhir,
        [
            "",
            "JUMLAH",
            "",
            "",
            "",
            float(t["beban_kerja_menit"]),
            float(t["kebutuhan"]),
            t["kebutuhan_dibulatkan"],
            t["bezetting"],
            t["selisih"],
            float(rekap.eu) if rekap.eu is not None else None,
            rekap.predikat,
            "",
        ],
        format_angka=fmt,
    )
    for kolom, lebar in zip(
        "ABCDEFGHIJKLM", [8, 40, 30, 14, 7, 14, 12, 6, 6, 6, 8, 9, 60], strict=True
    ):
        ws.column_dimensions[kolom].width = lebar
    ws.freeze_panes = "A5"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.print_title_rows = "4:4"

    wu = wb.create_sheet("Rekap unit")
    tulis_baris(
        wu,
        1,
        ["Unit", "Jabatan", "K", "B", "Kekurangan", "Kelebihan", "EU", "Predikat"],
        kepala=True,
    )
    for i, ru in enumerate(rekap.units, start=2):
        tulis_baris(
            wu,
            i,
            [
                ("  " * ru.depth) + ru.unit.nama,
                ru.subtree["jumlah_jabatan"],
                ru.subtree["kebutuhan_dibulatkan"],
                ru.subtree["bezetting"],
                ru.subtree["kekurangan"],
                ru.subtree["kelebihan"],
                float(ru.eu) if ru.eu is not None else None,
                ru.predikat,
            ],
            format_angka={7: "0.00"},
        )
    wu.column_dimensions["A"].width = 50
    out = BytesIO()
    wb.save(out)
    return out.getvalue()


# The canonical columns of the import: our export uses them, so re-importing it gives back
# the same data, and the template documents them.


def laporan_koreksi_xlsx(laporan) -> bytes:
    """The Laporan Hasil Penghitungan Ulang (abk.koreksi) as a workbook: a row per figure that
    disagrees, the numbers as numbers (exact decimals), the position on each row so the sheet
    can be filtered and sorted."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Koreksi"
    periode = laporan.periode
    nama = laporan.unit.nama if laporan.unit else periode.instansi.nama
    isi_sel(ws["A1"], f"LAPORAN HASIL PENGHITUNGAN ULANG ANALISIS BEBAN KERJA {nama}")
    isi_sel(ws["A2"], f"{periode.instansi.nama} · {periode.nama}")
    ws["A1"].font = Font(bold=True, size=13)
    ringkas = f"{laporan.jumlah_jabatan} jabatan diperiksa, {len(laporan.jabatan)} keliru; "
    if laporan.jumlah_tercetak is not None:
        ringkas += (
            f"kebutuhan tercetak {laporan.jumlah_tercetak} orang, hasil hitung ulang "
            f"{laporan.jumlah_hitung} orang (selisih {laporan.selisih:+d})"
        )
    else:
        ringkas += f"kebutuhan hasil hitung ulang {laporan.jumlah_hitung} orang"
    isi_sel(ws["A3"], ringkas)
    kepala = ["No.", "Jabatan", "Unit", "Angka", "Tercetak", "Hasil hitung", "Selisih", "Jenis"]
    tulis_baris(ws, 5, kepala, kepala=True)
    baris = 6
    for j in laporan.jabatan:
        for jenis, daftar in (("jumlah", j.jumlah), ("penyebab", j.penyebab)):
            for t in daftar:
                fmt = "#,##0" if t.presisi == 0 else "#,##0." + "0" * t.presisi
                tulis_baris(
                    ws,
                    baris,
                    [j.nomor, j.nama, j.unit, t.angka, t.tercetak, t.hitung, t.selisih, jenis],
                    format_angka={5: fmt, 6: fmt, 7: "+" + fmt + ";-" + fmt + ";0"},
                )
                baris += 1
        for c in j.catatan:
            tulis_baris(ws, baris, [j.nomor, j.nama, j.unit, c, None, None, None, "keterangan"])
            baris += 1
    for kolom, lebar in zip("ABCDEFGH", (8, 40, 34, 46, 14, 14, 14, 12), strict=True):
        ws.column_dimensions[kolom].width = lebar
    ws.freeze_panes = "A6"
    out = BytesIO()
    wb.save(out)
    return out.getvalue()
