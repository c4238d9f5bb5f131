"""The workload tables of the Informasi Jabatan PDF keep their narrow headers ("NO", "AK",
"Kt") on one line: a 4% number column used to break "NO" into "N" over "O"; and no header's
line is wider than its cell (a word that does not fit would overflow into the next column:
"PENYELESAIAN" in a 12% column did)."""

from decimal import Decimal as D
from types import SimpleNamespace

import pytest
from django.template.loader import render_to_string
from weasyprint import HTML


def _kotak(box):
    yield box
    for anak in getattr(box, "children", None) or []:
        yield from _kotak(anak)


def _judul_kolom(beban, *, lebar=False) -> dict:
    """Each header cell's text and the number of lines WeasyPrint lays it out on (`lebar`:
    instead, the cell's width and its widest line's)."""
    html = render_to_string("dokumen/base.html", {}).replace(
        "<body></body>",
        "<body>"
        + render_to_string("anjab/dokumen/fragment_tabel_beban_kerja.html", {"beban": beban})
        + "</body>",
    )
    halaman = HTML(string=html).render().pages[0]._page_box
    judul = {}
    for sel in _kotak(halaman):
        if type(sel).__name__ == "TableCellBox" and sel.element_tag == "th":
            teks = " ".join(
                k.text for k in _kotak(sel) if isinstance(getattr(k, "text", None), str)
            )
            baris = [k for k in _kotak(sel) if type(k).__name__ == "LineBox"]
            if lebar:
                terlebar = max(
                    sum(t.width for t in _kotak(b) if type(t).__name__ == "TextBox") for b in baris
                )
                judul[teks] = (sel.width, terlebar)
            else:
                judul[teks] = len(baris)
    return judul


def _butir(i):
    butir = SimpleNamespace(
        kegiatan="", unsur="Penyuluhan Sosial", sub_unsur="Persiapan", kode="",
        butir_kegiatan=f"Menyusun gambaran umum {i}", angka_kredit=D("0.13"),
        konstanta=D("0.020"), volume=D(3), satuan="laporan",
    )  # fmt: skip
    return {"butir": butir, "wpk": D("6.5"), "wpv": D("19.5")}


def _tugas(i):
    tugas = SimpleNamespace(uraian=f"Menyusun laporan {i}", hasil_kerja="Laporan", volume=D(12),
                            waktu=D(120), volume_asal=None, satuan_volume="tahun")  # fmt: skip
    return {"tugas": tugas, "kebutuhan": D("0.019")}


@pytest.mark.parametrize(
    ("beban", "sempit"),
    [
        ({"fungsional": True, "baris": [_butir(i) for i in range(3)], "jumlah_wpv": D("58.5"),
          "waktu_efektif_jam": D(1250), "kebutuhan": D("0.05"), "dibulatkan": 0},
         ["NO", "AK", "Kt"]),
        ({"fungsional": False, "baris": [_tugas(i) for i in range(3)],
          "waktu_efektif_menit": D(75000), "kebutuhan": D("0.058"), "dibulatkan": 0},
         ["NO"]),
    ],
)  # fmt: skip
def test_the_narrow_headers_stay_on_one_line(beban, sempit):
    judul = _judul_kolom(beban)
    assert {t: judul[t] for t in sempit} == dict.fromkeys(sempit, 1)
    meluap = {t: w for t, w in _judul_kolom(beban, lebar=True).items() if w[1] > w[0] + 0.5}
    assert meluap == {}
