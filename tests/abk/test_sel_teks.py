"""Every workbook fills its cells through the one organisasi.spreadsheets.isi_sel: text that
looks like a formula stays text, in the rekap, round-trip and SIASN workbooks alike."""

from openpyxl import Workbook

from abk import ekspor, ekspor_buku, ekspor_siasn
from abk.ekspor import tulis_baris
from organisasi import spreadsheets


def test_the_exports_share_one_cell_writer():
    for modul in (ekspor, ekspor_buku, ekspor_siasn):
        assert modul.isi_sel is spreadsheets.isi_sel


def test_a_row_keeps_formula_like_text_as_text():
    ws = Workbook().active
    tulis_baris(ws, 1, ["=1+1", "Analis", 3], format_angka={3: "0.00"}, kepala=True)
    rumus, teks, angka = ws["A1"], ws["B1"], ws["C1"]
    assert (rumus.value, rumus.data_type, rumus.quotePrefix) == ("=1+1", "s", True)
    assert teks.number_format == "@" and teks.font.bold
    assert (angka.value, angka.number_format) == (3, "0.00")
