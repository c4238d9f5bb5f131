"""Document plumbing, the Word side: the same HTML a PDF is printed from → a .docx an agency can
edit before signing. Nothing here knows a domain model; it reads the markup every document's
template writes and gives the classes of templates/dokumen/dokumen.css their Word meaning
(`grid` a bordered table, `ij` a borderless form, `tengah`/`kanan` alignment, `tebal` bold,
`kecil` small, `paragraf` justified, `break-before` a new page, `huruf`/`angka`/`kurung` the
list numbering a., 1., 1)). The page is the PDF's: A4, the same margins, "Halaman X dari Y".

Tables keep the HTML's grid exactly (colspan/rowspan become merged cells, every row of a table has
as many grid columns as the table), so Word and LibreOffice open the file without repairing it;
header rows repeat on every page and no row breaks across pages."""

from __future__ import annotations

import contextlib
import re
from dataclasses import dataclass, replace
from io import BytesIO
from pathlib import Path
from urllib.parse import urlsplit
from urllib.request import url2pathname

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.image.exceptions import UnrecognizedImageError
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.table import _Cell
from lxml import html as lxml_html

FONT = "Bookman Old Style"
UKURAN = Pt(11)
# The PDF's @page margins (templates/dokumen/dokumen.css).
MARGIN = {"top": Cm(2), "right": Cm(2), "bottom": Cm(2.2), "left": Cm(2.5)}
A4 = (Cm(21), Cm(29.7))

# Block elements: they end the paragraph being written and start their own.
_BLOK = {
    "address", "article", "aside", "blockquote", "div", "dl", "dt", "dd", "figure", "footer",
    "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p",
    "section", "table", "ul",
}  # fmt: skip
_LEWATI = {"script", "style", "head", "title", "colgroup", "col", "template", "noscript"}
_SPASI = re.compile(r"\s+")

# Widths the stylesheet fixes for a form table's narrow columns (the rest share what is left).
_LEBAR_KELAS = {"no": Pt(24), "sub": Pt(20), "titik": Pt(12), "kolom-no": Pt(26)}
# A form table's label column, by the table's class (table.pasal td.label …), first match.
_LEBAR_LABEL = {"pasal": Pt(80), "ringkas": Pt(170), "ij": Pt(150)}
# Cell padding (left and right), as the stylesheet's: form tables 3pt, bordered tables 4pt.
_PADDING_FORM = Pt(3)
_PADDING_GRID = Pt(4)
# A bordered table's header: smaller than its body, so "PENYELESAIAN" fits its column whole.
_UKURAN_TH = Pt(7.5)
# A body cell needs no wider than this many characters: longer words are hyphenated.
_KATA_PROSA = 9
# Tables the stylesheet narrows and places: share of the line, alignment.
_TABEL_KELAS = {
    "ttd-kanan": (0.45, WD_TABLE_ALIGNMENT.RIGHT),
    "kepala-lampiran": (0.6, WD_TABLE_ALIGNMENT.RIGHT),
    "daftar": (0.9, WD_TABLE_ALIGNMENT.CENTER),
}
# td.butir.dN: a hanging indent for the number, each level 20pt further in.
_GANTUNG_BUTIR = Pt(36)
_PER_TINGKAT = Pt(20)
_TINGGI_RUANG = Pt(56)  # .ruang: the signature's space


@dataclass(frozen=True)
class _Gaya:
    """Inline formatting in force (inherited from the enclosing elements)."""

    tebal: bool = False
    miring: bool = False
    garis: bool = False
    ukuran: Pt | None = None
    atas: bool = False  # superscript


@dataclass(frozen=True)
class _Paragraf:
    """Paragraph formatting in force for the blocks inside an element."""

    rata: int | None = None
    kiri: int = 0  # left indent, EMU
    gantung: int = 0  # hanging indent of a list item, EMU
    ukuran: Pt | None = None


def _kelas(el) -> set[str]:
    return set((el.get("class") or "").split())


class _Wadah:
    """Where blocks are written: the document body or a table cell, with its usable width."""

    def __init__(self, target, lebar: int):
        self.target = target
        self.lebar = lebar
        self._kosong = list(target.paragraphs) if hasattr(target, "_tc") else []

    def paragraf(self):
        # A new cell already holds one empty paragraph; the first block goes there.
        if self._kosong:
            return self._kosong.pop(0)
        return self.target.add_paragraph()

    def tabel(self, baris: int, kolom: int):
        self._kosong = []
        # Two tables with nothing between them are one table to Word and LibreOffice: a small
        # paragraph keeps them apart, as the PDF's margin does.
        elemen = self.target._tc if hasattr(self.target, "_tc") else self.target.element.body
        try:
            akhir = elemen[-1]  # (len() of an lxml element counts its children)
        except IndexError:
            akhir = None
        if akhir is not None and akhir.tag == qn("w:sectPr"):
            akhir = akhir.getprevious()
        if akhir is not None and akhir.tag == qn("w:tbl"):
            jeda = self.target.add_paragraph()
            jeda.paragraph_format.space_after = Pt(0)
            jeda.paragraph_format.line_spacing = Pt(4)
        if hasattr(self.target, "_tc"):
            # python-docx ends the cell with an empty paragraph after it, as Word requires.
            return self.target.add_table(baris, kolom)
        # The body's own add_table: Document.add_table reads every section of the body to find
        # the text width, once per table (minutes for a decree of a thousand tables).
        return self.target._body.add_table(baris, kolom, self.lebar)


class _Penulis:
    def __init__(self):
        self.halaman_baru = False
        self._p = None  # paragraph receiving inline content
        self._wadah_p = None

    # ----- paragraphs and inline text

    def _mulai(self, wadah: _Wadah, fp: _Paragraf):
        if self._p is not None and self._wadah_p is wadah:
            return self._p
        p = wadah.paragraf()
        pf = p.paragraph_format
        if fp.rata is not None:
            p.alignment = fp.rata
        if fp.kiri or fp.gantung:
            pf.left_indent = fp.kiri + fp.gantung
            pf.first_line_indent = -fp.gantung if fp.gantung else None
        if self.halaman_baru:
            pf.page_break_before = True
            self.halaman_baru = False
        self._p, self._wadah_p = p, wadah
        self._awal = True
        return p

    def _tutup(self):
        if self._p is not None:
            runs = self._p.runs
            if runs and runs[-1].text.endswith(" "):
                runs[-1].text = runs[-1].text.rstrip(" ")
        self._p = None
        self._wadah_p = None

    def _teks(self, teks: str, wadah: _Wadah, fp: _Paragraf, gaya: _Gaya):
        if not teks:
            return
        teks = _SPASI.sub(" ", teks)
        if self._p is None or self._wadah_p is not wadah:
            teks = teks.lstrip(" ")
            if not teks:
                return
        p = self._mulai(wadah, fp)
        sudah_spasi = p.runs and p.runs[-1].text.endswith((" ", "\n", "\t"))
        if self._awal or sudah_spasi:
            teks = teks.lstrip(" ")
            if not teks:
                return
        self._awal = False
        run = p.add_run(teks)
        self._format_run(run, gaya, fp)

    @staticmethod
    def _format_run(run, gaya: _Gaya, fp: _Paragraf):
        # only what differs from the paragraph's style: every property set adds XML
        if gaya.tebal:
            run.bold = True
        if gaya.miring:
            run.italic = True
        if gaya.garis:
            run.underline = True
        ukuran = gaya.ukuran or fp.ukuran
        if ukuran:
            run.font.size = ukuran
        if gaya.atas:
            run.font.superscript = True

    def _baris_baru(self, wadah: _Wadah, fp: _Paragraf):
        p = self._mulai(wadah, fp)
        if p.runs:
            p.runs[-1].add_break(WD_BREAK.LINE)
        else:
            p.add_run().add_break(WD_BREAK.LINE)
        self._awal = True

    # ----- the element walk

    def isi(self, el, wadah: _Wadah, fp: _Paragraf, gaya: _Gaya):
        """Writes el's children (and the text between them) into wadah."""
        self._teks(el.text, wadah, fp, gaya)
        for anak in el:
            if isinstance(anak.tag, str):
                self.elemen(anak, wadah, fp, gaya)
            self._teks(anak.tail, wadah, fp, gaya)

    def elemen(self, el, wadah: _Wadah, fp: _Paragraf, gaya: _Gaya):
        tag = el.tag.lower()
        if tag in _LEWATI:
            return
        kelas = _kelas(el)
        gaya, fp = self._gaya(tag, kelas, gaya, fp)
        if tag == "br":
            self._baris_baru(wadah, fp)
            return
        if tag == "img":
            self._gambar(el, wadah)
            return
        if tag not in _BLOK:
            self.isi(el, wadah, fp, gaya)
            if "nomor" in kelas and fp.gantung:
                # "2.1.3." then the name at the hanging indent, as the PDF's inline-block
                self._p.add_run("\t")
                self._p.paragraph_format.tab_stops.add_tab_stop(fp.kiri + fp.gantung)
            return
        self._tutup()
        if "break-before" in kelas or self._dokumen_berikut(el):
            self.halaman_baru = True
        if tag == "table":
            self._tabel(el, wadah, fp, gaya)
        elif tag in ("ol", "ul"):
            self._daftar(el, wadah, fp, gaya)
        elif tag == "hr":
            pass
        else:
            if _judul(tag):
                p = self._mulai(wadah, fp)
                p.paragraph_format.keep_with_next = True
                p.paragraph_format.space_after = Pt(8)
            self.isi(el, wadah, fp, gaya)
        self._tutup()

    @staticmethod
    def _dokumen_berikut(el) -> bool:
        """`.dokumen + .dokumen { page-break-before: always }`"""
        if "dokumen" not in _kelas(el):
            return False
        sebelum = el.getprevious()
        while sebelum is not None and not isinstance(sebelum.tag, str):
            sebelum = sebelum.getprevious()
        return sebelum is not None and "dokumen" in _kelas(sebelum)

    @staticmethod
    def _gaya(tag, kelas, gaya: _Gaya, fp: _Paragraf):
        if tag in ("b", "strong", "th") or "tebal" in kelas or _judul(tag):
            gaya = replace(gaya, tebal=True)
        if "biasa" in kelas or "normal" in kelas:
            gaya = replace(gaya, tebal=False)
        if tag in ("i", "em"):
            gaya = replace(gaya, miring=True)
        if tag == "u":
            gaya = replace(gaya, garis=True)
        if tag == "sup":
            gaya = replace(gaya, atas=True)
        if tag == "small" or "kecil" in kelas:
            gaya = replace(gaya, ukuran=Pt(9))
        if tag == "h1":
            fp = replace(fp, rata=WD_ALIGN_PARAGRAPH.CENTER)
            gaya = replace(gaya, ukuran=Pt(13))
        elif tag == "h2" and "judul" in kelas:
            fp = replace(fp, rata=WD_ALIGN_PARAGRAPH.CENTER)
            gaya = replace(gaya, ukuran=Pt(12))
        if "tengah" in kelas or tag == "th":
            fp = replace(fp, rata=WD_ALIGN_PARAGRAPH.CENTER)
        elif "kanan" in kelas or (tag in ("td", "th") and kelas & {"angka", "volume"}):
            fp = replace(fp, rata=WD_ALIGN_PARAGRAPH.RIGHT)
        elif "paragraf" in kelas:
            fp = replace(fp, rata=WD_ALIGN_PARAGRAPH.JUSTIFY)
        if "butir" in kelas:
            tingkat = next((int(k[1:]) for k in kelas if re.fullmatch(r"d\d", k)), 0)
            fp = replace(fp, kiri=_PER_TINGKAT * tingkat, gantung=_GANTUNG_BUTIR)
        return gaya, fp

    # ----- lists: numbered as the stylesheet numbers them, with a hanging indent

    def _daftar(self, el, wadah: _Wadah, fp: _Paragraf, gaya: _Gaya):
        kelas = _kelas(el)
        try:
            n = int(el.get("start", "1"))
        except ValueError:
            n = 1
        jenis = el.get("type") or ""
        indent = Pt(18)
        dalam = replace(fp, kiri=fp.kiri + fp.gantung, gantung=indent)
        for li in el:
            if not isinstance(li.tag, str) or li.tag.lower() != "li":
                continue
            li_gaya, li_fp = self._gaya("li", _kelas(li), gaya, dalam)
            self._tutup()
            if el.tag.lower() == "ul":
                penanda = "•"
            elif "huruf" in kelas or jenis == "a":
                penanda = _huruf(n) + "."
            elif "kurung" in kelas:
                penanda = f"{n})"
            else:
                penanda = f"{n}."
            p = self._mulai(wadah, li_fp)
            run = p.add_run(penanda + "\t")
            self._format_run(run, li_gaya, li_fp)
            p.paragraph_format.tab_stops.add_tab_stop(li_fp.kiri + li_fp.gantung)
            self._awal = True
            self.isi(li, wadah, li_fp, li_gaya)
            self._tutup()
            n += 1

    # ----- tables

    def _tabel(self, el, wadah: _Wadah, fp: _Paragraf, gaya: _Gaya):
        kelas = _kelas(el)
        baris = []  # (tr, in thead)
        for bagian in el:
            if not isinstance(bagian.tag, str):
                continue
            t = bagian.tag.lower()
            if t == "tr":
                baris.append((bagian, False))
            elif t in ("thead", "tbody", "tfoot"):
                baris += [(tr, t == "thead") for tr in bagian if _tag(tr) == "tr"]
        grid, jumlah_kolom = _susun_grid(baris)
        if not grid:
            return
        if self.halaman_baru:
            self._tutup()
            self._mulai(wadah, fp)
            self._tutup()
        tabel = wadah.tabel(len(baris), jumlah_kolom)
        bergaris = bool(kelas & {"grid"})
        porsi, rata = next(
            ((p, r) for k, (p, r) in _TABEL_KELAS.items() if k in kelas),
            (1, WD_TABLE_ALIGNMENT.LEFT),
        )
        lebar_tabel = int(wadah.lebar * porsi)
        _atur_tabel(tabel, bergaris=bergaris, rata=rata, lebar=lebar_tabel)
        padding = _PADDING_GRID if bergaris else _PADDING_FORM
        _atur_padding(tabel, padding)
        ukuran = Pt(9.5) if bergaris else (fp.ukuran or UKURAN)
        if "fungsional" in kelas:
            ukuran = Pt(8.5)
        ukuran_th = _UKURAN_TH if bergaris else ukuran
        label = next((w for k, w in _LEBAR_LABEL.items() if k in kelas), None)
        lebar = _lebar_kolom(
            grid,
            jumlah_kolom,
            lebar_tabel,
            label=label,
            ukuran_td=ukuran,
            ukuran_th=ukuran_th,
            padding=2 * padding,
            porsi=_porsi_col(el, jumlah_kolom),
        )
        for gridcol, w in zip(tabel._tbl.tblGrid.gridCol_lst, lebar, strict=True):
            gridcol.w = w
        sel_tc = _isi_grid(tabel, grid, [kepala for _tr, kepala in baris], lebar)
        for sel in grid:
            cell = _Cell(sel_tc[id(sel)], tabel)
            w = sum(lebar[sel.kolom : sel.kolom + sel.colspan])
            ukuran_sel = ukuran_th if sel.th else ukuran
            sel_fp = replace(fp, kiri=0, gantung=0, ukuran=ukuran_sel)
            sel_gaya, sel_fp = self._gaya(_tag(sel.el), _kelas(sel.el), gaya, sel_fp)
            if "label" in _kelas(sel.el) and "normal" not in _kelas(sel.el):
                sel_gaya = replace(sel_gaya, tebal=True)
            isi_sel = _Wadah(cell, w)
            self._tutup()
            self.isi(sel.el, isi_sel, sel_fp, sel_gaya)
            self._tutup()
            if sel.th and bergaris:
                _arsir(cell, "F2F2F2")
        self._tutup()

    def _gambar(self, el, wadah: _Wadah):
        path = _berkas_gambar(el.get("src") or "")
        if path is None:
            return
        self._tutup()
        p = self._mulai(wadah, _Paragraf(rata=WD_ALIGN_PARAGRAPH.CENTER))
        # A logo in a format Word cannot take (SVG) is left out of the Word file.
        with contextlib.suppress(UnrecognizedImageError):
            p.add_run().add_picture(str(path), height=Pt(60))
        self._tutup()


@dataclass
class _Sel:
    el: object
    baris: int
    kolom: int
    rowspan: int
    colspan: int
    th: bool


def _judul(tag: str) -> bool:
    return len(tag) == 2 and tag[0] == "h" and tag[1].isdigit()


def _tag(el) -> str:
    return el.tag.lower() if isinstance(el.tag, str) else ""


def _angka_atribut(el, nama: str) -> int:
    try:
        return max(1, min(int(el.get(nama, "1")), 1000))
    except ValueError:
        return 1


def _susun_grid(baris) -> tuple[list[_Sel], int]:
    """Places every cell on the table's grid as a browser does: a cell takes the first column
    no rowspan from above occupies. Returns the cells and the number of grid columns."""
    terisi: set[tuple[int, int]] = set()
    sel: list[_Sel] = []
    jumlah_kolom = 0
    n_baris = len(baris)
    for r, (tr, _kepala) in enumerate(baris):
        c = 0
        for td in tr:
            if _tag(td) not in ("td", "th"):
                continue
            while (r, c) in terisi:
                c += 1
            rs = min(_angka_atribut(td, "rowspan"), n_baris - r)
            cs = _angka_atribut(td, "colspan")
            for dr in range(rs):
                for dc in range(cs):
                    terisi.add((r + dr, c + dc))
            sel.append(_Sel(td, r, c, rs, cs, _tag(td) == "th"))
            c += cs
        jumlah_kolom = max(jumlah_kolom, c, *(k + 1 for (b, k) in terisi if b == r))
    return sel, max(jumlah_kolom, 1)


def _porsi_col(el, n: int) -> list[float] | None:
    """The shares a table's <col data-lebar="P"> give (P percent of the table each), when its
    colgroup gives one for every column."""
    porsi = []
    for col in el.iter("col"):
        try:
            porsi.append(float(col.get("data-lebar", "")))
        except ValueError:
            return None
    if len(porsi) != n or not all(p > 0 for p in porsi):
        return None
    return porsi


def _lebar_kolom(
    grid: list[_Sel],
    n: int,
    total: int,
    *,
    label: int | None,
    ukuran_td,
    ukuran_th,
    padding,
    porsi: list[float] | None = None,
) -> list[int]:
    """Column widths (EMU) summing to `total`, as a browser lays out an automatic table: the
    stylesheet's fixed narrow columns first; every other column at least as wide as its longest
    word (a header's word never breaks), and the room left shared by how much more text each
    column holds than that. With `porsi` (the template's shares) the shares are kept, except
    that a column narrower than its header's longest word takes the room from the columns
    that have more than they need. Character widths are generous estimates: a narrower font (Bookman
    in Word) only leaves room, a wider fallback (LibreOffice without Bookman) still fits."""
    tetap: dict[int, int] = {}
    minimal = [float(padding)] * n
    maksimal = [float(padding)] * n
    for s in grid:
        kelas = _kelas(s.el)
        if s.colspan != 1:
            continue
        for k, w in _LEBAR_KELAS.items():
            if k in kelas:
                tetap.setdefault(s.kolom, w)
        if label is not None and "label" in kelas:
            tetap.setdefault(s.kolom, label)
        teks = _SPASI.sub(" ", s.el.text_content()).strip()
        # bold capitals of a header are wider than body text
        huruf = (ukuran_th * 0.82) if s.th else (ukuran_td * 0.62)
        if kelas & {"angka", "volume", "nowrap"} and not s.th:
            terpanjang = len(teks)  # a number never wraps (white-space: nowrap)
        else:
            terpanjang = max((len(w) for w in teks.split()), default=1)
            if not s.th:  # prose hyphenates (w:autoHyphenation); a header's word never breaks
                terpanjang = min(terpanjang, _KATA_PROSA)
        minimal[s.kolom] = max(minimal[s.kolom], terpanjang * huruf + padding)
        maksimal[s.kolom] = max(maksimal[s.kolom], len(teks) * huruf + padding)
    if porsi is not None:
        return _dengan_minimum([total * p / sum(porsi) for p in porsi], minimal, total)
    sisa = total - sum(tetap.values())
    bebas = [i for i in range(n) if i not in tetap]
    if sisa <= 0 or not bebas:
        return [total // n] * n
    jumlah_min = sum(minimal[i] for i in bebas)
    jumlah_max = sum(maksimal[i] for i in bebas)
    if jumlah_max <= sisa:  # all fits unwrapped: widen in proportion to fill the line
        lebar = {i: maksimal[i] * sisa / jumlah_max for i in bebas}
    elif jumlah_min <= sisa:
        ruang = jumlah_max - jumlah_min
        lebar = {
            i: minimal[i] + (sisa - jumlah_min) * (maksimal[i] - minimal[i]) / ruang for i in bebas
        }
    else:  # too many long words for the line: shrink all alike
        lebar = {i: minimal[i] * sisa / jumlah_min for i in bebas}
    hasil = [int(tetap.get(i, lebar.get(i, 0))) for i in range(n)]
    hasil[-1] += total - sum(hasil)
    return hasil


def _dengan_minimum(lebar: list[float], minimal: list[float], total: int) -> list[int]:
    kurang = sum(max(0.0, m - w) for w, m in zip(lebar, minimal, strict=True))
    longgar = [max(0.0, w - m) for w, m in zip(lebar, minimal, strict=True)]
    if kurang and sum(longgar) >= kurang:
        faktor = kurang / sum(longgar)
        lebar = [
            max(w, m) if w < m else w - lg * faktor
            for w, m, lg in zip(lebar, minimal, longgar, strict=True)
        ]
    hasil = [int(w) for w in lebar]
    hasil[-1] += total - sum(hasil)
    return hasil


def _atur_padding(tabel, padding):
    mar = OxmlElement("w:tblCellMar")
    for sisi in ("left", "right"):
        m = OxmlElement(f"w:{sisi}")
        m.set(qn("w:w"), str(int(padding) // 635))
        m.set(qn("w:type"), "dxa")
        mar.append(m)
    tabel._tbl.tblPr.insert_element_before(mar, "w:tblLook", "w:tblCaption", "w:tblDescription")


def _atur_tabel(tabel, *, bergaris: bool, rata, lebar: int):
    tabel.autofit = False  # w:tblLayout fixed: the widths below, not Word's guess
    tabel.alignment = rata
    tblPr = tabel._tbl.tblPr
    tblW = tblPr.find(qn("w:tblW"))
    tblW.set(qn("w:type"), "dxa")
    tblW.set(qn("w:w"), str(int(lebar) // 635))
    if bergaris:
        borders = OxmlElement("w:tblBorders")
        for sisi in ("top", "left", "bottom", "right", "insideH", "insideV"):
            b = OxmlElement(f"w:{sisi}")
            b.set(qn("w:val"), "single")
            b.set(qn("w:sz"), "4")
            b.set(qn("w:space"), "0")
            b.set(qn("w:color"), "000000")
            borders.append(b)
        # tblPr's children have a fixed order (ECMA-376 §17.4.60); out of order, Word repairs.
        tblPr.insert_element_before(
            borders, "w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook", "w:tblCaption"
        )


def _isi_grid(tabel, grid: list[_Sel], kepala: list[bool], lebar: list[int]) -> dict:
    """Rebuilds every row's cells from the grid: a cell spanning columns is one w:tc with
    gridSpan, one spanning rows a w:tc with vMerge="restart" and, in each row below, one with
    vMerge continuing it; a row shorter than the table is filled with empty cells, so every
    row covers every grid column (what Word checks before it offers to repair a file). Returns
    id(cell) → its w:tc. Built directly, in one pass: python-docx's table.cell() re-reads the
    whole table on every call, which made a decree's lampiran take minutes."""
    mulai = {(s.baris, s.kolom): s for s in grid}
    lanjut = {(s.baris + d, s.kolom): s for s in grid for d in range(1, s.rowspan)}
    baris_ruang = {s.baris for s in grid if "ruang" in _kelas(s.el)}
    hasil = {}
    for r, tr in enumerate(tabel._tbl.tr_lst):
        for tc in tr.tc_lst:
            tr.remove(tc)
        trPr = tr.get_or_add_trPr()
        trPr.append(OxmlElement("w:cantSplit"))
        if kepala[r]:
            trPr.append(OxmlElement("w:tblHeader"))
        if r in baris_ruang:
            tinggi = OxmlElement("w:trHeight")
            tinggi.set(qn("w:val"), str(int(_TINGGI_RUANG) // 635))
            tinggi.set(qn("w:hRule"), "atLeast")
            trPr.append(tinggi)
        c = 0
        while c < len(lebar):
            s = mulai.get((r, c))
            if s is not None:
                tc = _tc(
                    sum(lebar[c : c + s.colspan]), s.colspan, "restart" if s.rowspan > 1 else None
                )
                hasil[id(s)] = tc
            elif (s := lanjut.get((r, c))) is not None:
                tc = _tc(sum(lebar[c : c + s.colspan]), s.colspan, "continue")
            else:
                tc = _tc(lebar[c], 1, None)
            tr.append(tc)
            c += s.colspan if s is not None else 1
    return hasil


def _tc(lebar: int, span: int, vmerge: str | None):
    tc = OxmlElement("w:tc")
    tcPr = OxmlElement("w:tcPr")
    tcW = OxmlElement("w:tcW")
    tcW.set(qn("w:w"), str(int(lebar) // 635))  # EMU → twentieths of a point
    tcW.set(qn("w:type"), "dxa")
    tcPr.append(tcW)
    if span > 1:
        gs = OxmlElement("w:gridSpan")
        gs.set(qn("w:val"), str(span))
        tcPr.append(gs)
    if vmerge:
        vm = OxmlElement("w:vMerge")
        if vmerge == "restart":
            vm.set(qn("w:val"), "restart")
        tcPr.append(vm)
    tc.append(tcPr)
    tc.append(OxmlElement("w:p"))
    return tc


def _arsir(cell, warna: str):
    tcPr = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), warna)
    tcPr.append(shd)


def _huruf(n: int) -> str:
    hasil = ""
    while n > 0:
        n, sisa = divmod(n - 1, 26)
        hasil = chr(ord("a") + sisa) + hasil
    return hasil or "a"


def _berkas_gambar(src: str) -> Path | None:
    """A picture the PDF may load (config.pdf_fetcher's rule: logos and static files only)."""
    from config.pdf_fetcher import _di_bawah, akar_logo, akar_statis

    bagian = urlsplit(src)
    if bagian.scheme.lower() != "file" or bagian.netloc not in ("", "localhost"):
        return None
    path = Path(url2pathname(bagian.path)).resolve()
    if not path.is_file():
        return None
    if _di_bawah(path, akar_logo()) or any(_di_bawah(path, a) for a in akar_statis()):
        return path
    return None


def _nomor_halaman(section):
    """ "Halaman X dari Y" at the foot of every page, right-aligned, as the PDF's @bottom-right."""
    p = section.footer.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.RIGHT

    def teks(t):
        r = p.add_run(t)
        r.font.size = Pt(9)
        r.font.color.rgb = RGBColor(0x33, 0x33, 0x33)

    def medan(kode):
        for jenis, isi in (("begin", None), (None, kode), ("end", None)):
            r = p.add_run()
            r.font.size = Pt(9)
            if jenis:
                fc = OxmlElement("w:fldChar")
                fc.set(qn("w:fldCharType"), jenis)
                r._r.append(fc)
            else:
                it = OxmlElement("w:instrText")
                it.set(qn("xml:space"), "preserve")
                it.text = f" {isi} "
                r._r.append(it)

    teks("Halaman ")
    medan("PAGE")
    teks(" dari ")
    medan("NUMPAGES")


# The elements that follow w:autoHyphenation in w:settings (ECMA-376 §17.15.1.78).
_SETELAH_HYPHENATION = (
    "consecutiveHyphenLimit", "hyphenationZone", "doNotHyphenateCaps", "showEnvelope",
    "summaryLength", "clickAndTypeStyle", "defaultTableStyle", "evenAndOddHeaders",
    "bookFoldRevPrinting", "bookFoldPrinting", "bookFoldPrintingSheets",
    "drawingGridHorizontalSpacing", "drawingGridVerticalSpacing",
    "displayHorizontalDrawingGridEvery", "displayVerticalDrawingGridEvery",
    "doNotUseMarginsForDrawingGridOrigin", "drawingGridHorizontalOrigin",
    "drawingGridVerticalOrigin", "doNotShadeFormData", "noPunctuationKerning",
    "characterSpacingControl", "printTwoOnOne", "strictFirstAndLastChars", "noLineBreaksAfter",
    "noLineBreaksBefore", "savePreviewPicture", "doNotValidateAgainstSchema",
    "saveInvalidXml", "ignoreMixedContent", "alwaysShowPlaceholderText",
    "doNotDemarcateInvalidXml", "saveXmlDataOnly", "useXSLTWhenSaving", "saveThroughXslt",
    "showXMLTags", "alwaysMergeEmptyNamespace", "updateFields", "hdrShapeDefaults",
    "footnotePr", "endnotePr", "compat", "docVars", "rsids", "mathPr", "attachedSchema",
    "themeFontLang", "clrSchemeMapping", "doNotIncludeSubdocsInStats",
    "doNotAutoCompressPictures", "forceUpgrade", "captions", "readModeInkLockDown",
    "smartTagType", "schemaLibrary", "shapeDefaults", "doNotEmbedSmartTags",
    "decimalSymbol", "listSeparator",
)  # fmt: skip


def _dokumen_baru(*, mendatar: bool):
    doc = Document()
    gaya = doc.styles["Normal"]
    gaya.font.name = FONT
    gaya.font.size = UKURAN
    gaya.paragraph_format.space_before = Pt(0)
    gaya.paragraph_format.space_after = Pt(2)
    rpr = gaya.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    for atribut in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(atribut), FONT)
    bahasa = OxmlElement("w:lang")
    bahasa.set(qn("w:val"), "id-ID")
    rpr.append(bahasa)
    # Prose columns hyphenate, as the PDF's (hyphens: auto, language id).
    settings = doc.settings.element
    settings.insert_element_before(
        OxmlElement("w:autoHyphenation"),
        *(f"w:{t}" for t in _SETELAH_HYPHENATION),
    )
    section = doc.sections[0]
    lebar, tinggi = A4
    if mendatar:
        section.orientation = WD_ORIENT.LANDSCAPE
        lebar, tinggi = tinggi, lebar
    section.page_width, section.page_height = lebar, tinggi
    section.top_margin = MARGIN["top"]
    section.right_margin = MARGIN["right"]
    section.bottom_margin = MARGIN["bottom"]
    section.left_margin = MARGIN["left"]
    _nomor_halaman(section)
    return doc


def render_docx(html: str, *, mendatar: bool = False) -> bytes:
    """A document's HTML → Word (.docx) bytes, on A4 (landscape when `mendatar`)."""
    root = lxml_html.document_fromstring(html or "<p></p>")
    body = root.find("body")
    if body is None:
        body = root
    doc = _dokumen_baru(mendatar=mendatar)
    section = doc.sections[0]
    lebar = section.page_width - section.left_margin - section.right_margin
    wadah = _Wadah(doc, lebar)
    # A new document holds no paragraph: the first block adds one.
    penulis = _Penulis()
    penulis.isi(body, wadah, _Paragraf(), _Gaya())
    penulis._tutup()
    if doc.core_properties is not None:
        judul = root.findtext(".//title")
        if judul:
            doc.core_properties.title = _SPASI.sub(" ", judul).strip()[:250]
        doc.core_properties.language = "id-ID"
    buf = BytesIO()
    doc.save(buf)
    return buf.getvalue()


DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def docx_response(html: str, filename: str):
    """The Word file of an HTML document, downloaded under ``filename``."""
    from django.http import HttpResponse

    response = HttpResponse(render_docx(html), content_type=DOCX)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
