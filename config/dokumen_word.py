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
from zipfile import ZIP_DEFLATED, ZipFile

from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.image.exceptions import UnrecognizedImageError
from docx.oxml.ns import qn
from docx.shared import Pt
from docx.table import _Cell
from lxml import etree
from lxml import html as lxml_html

from config.dokumen_word_halaman import UKURAN, dokumen_baru
from config.dokumen_word_tabel import (
    LEBAR_LABEL,
    PADDING_FORM,
    PADDING_GRID,
    UKURAN_TH,
    arsir,
    atur_padding,
    atur_tabel,
    isi_grid,
    lebar_kolom,
    porsi_col,
    susun_grid,
    tag,
)
from config.dokumen_word_tabel import (
    SPASI as _SPASI,
)
from config.dokumen_word_tabel import (
    kelas_el as _kelas,
)

# Block elements: they end the paragraph being written and start their own.
_BLOK = {
    "address", "article", "aside", "blockquote", "div", "dl", "dt", "dd", "figure", "footer",
    "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p",
    "section", "table", "ul",
}  # fmt: skip
_LEWATI = {"script", "style", "head", "title", "colgroup", "col", "template", "noscript"}

# Tables the stylesheet narrows and places: share of the line, alignment.
_TABEL_KELAS = {
    "ttd-kanan": (0.45, WD_TABLE_ALIGNMENT.RIGHT),
    "kepala-lampiran": (0.6, WD_TABLE_ALIGNMENT.RIGHT),
    "daftar": (0.9, WD_TABLE_ALIGNMENT.CENTER),
}
# td.butir.dN: a hanging indent for the number, each level 20pt further in.
_GANTUNG_BUTIR = Pt(36)
_PER_TINGKAT = Pt(20)


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


def _judul(tag: str) -> bool:
    return len(tag) == 2 and tag[0] == "h" and tag[1].isdigit()


class _Wadah:
    """Where blocks are written: the document body or a table cell, with its usable width."""

    def __init__(self, target, lebar: int):
        self.target = target
        self.lebar = lebar
        self._kosong = list(target.paragraphs) if hasattr(target, "_tc") else []
        # The body's finished blocks as XML text (see lepas); a cell keeps its own.
        self.selesai: list[bytes] | None = None if hasattr(target, "_tc") else []
        self._ns: list[bytes] | None = None

    def lepas(self):
        """The body's finished blocks, serialized and taken out of the tree: python-docx holds
        every element as an object, about twenty times its XML (a 350-position decree: 22 MB of
        XML, 430 MB as a tree), and each block added to a long body searched it for sectPr.
        The last block stays (the next table looks at it), and so does sectPr."""
        if self.selesai is None:
            return
        body = self.target.element.body
        anak = list(body)
        if anak and anak[-1].tag == qn("w:sectPr"):
            anak.pop()
        if len(anak) < 2:
            return
        # A block written alone repeats every namespace the document declares (1.5 KB each);
        # the document's root declares them once for all.
        if self._ns is None:
            self._ns = [
                f' xmlns:{awalan}="{uri}"'.encode()
                for awalan, uri in body.getparent().nsmap.items()
            ]
        for el in anak[:-1]:
            xml = etree.tostring(el, encoding="UTF-8", xml_declaration=False)
            akhir = xml.index(b">")
            kepala = xml[:akhir]
            for ns in self._ns:
                kepala = kepala.replace(ns, b"")
            self.selesai.append(kepala + xml[akhir:])
            body.remove(el)

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
        wadah.lepas()

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
                baris += [(tr, t == "thead") for tr in bagian if tag(tr) == "tr"]
        grid, jumlah_kolom = susun_grid(baris)
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
        atur_tabel(tabel, bergaris=bergaris, rata=rata, lebar=lebar_tabel)
        padding = PADDING_GRID if bergaris else PADDING_FORM
        atur_padding(tabel, padding)
        ukuran = Pt(9.5) if bergaris else (fp.ukuran or UKURAN)
        if "fungsional" in kelas:
            ukuran = Pt(8.5)
        ukuran_th = UKURAN_TH if bergaris else ukuran
        label = next((w for k, w in LEBAR_LABEL.items() if k in kelas), None)
        lebar = lebar_kolom(
            grid,
            jumlah_kolom,
            lebar_tabel,
            label=label,
            ukuran_td=ukuran,
            ukuran_th=ukuran_th,
            padding=2 * padding,
            porsi=porsi_col(el, jumlah_kolom),
        )
        for gridcol, w in zip(tabel._tbl.tblGrid.gridCol_lst, lebar, strict=True):
            gridcol.w = w
        sel_tc = isi_grid(tabel, grid, [kepala for _tr, kepala in baris], lebar)
        for sel in grid:
            cell = _Cell(sel_tc[id(sel)], tabel)
            w = sum(lebar[sel.kolom : sel.kolom + sel.colspan])
            ukuran_sel = ukuran_th if sel.th else ukuran
            sel_fp = replace(fp, kiri=0, gantung=0, ukuran=ukuran_sel)
            sel_gaya, sel_fp = self._gaya(tag(sel.el), _kelas(sel.el), gaya, sel_fp)
            if "label" in _kelas(sel.el) and "normal" not in _kelas(sel.el):
                sel_gaya = replace(sel_gaya, tebal=True)
            isi_sel = _Wadah(cell, w)
            self._tutup()
            self.isi(sel.el, isi_sel, sel_fp, sel_gaya)
            self._tutup()
            if sel.th and bergaris:
                arsir(cell, "F2F2F2")
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


def render_docx(html: str, *, mendatar: bool = False) -> bytes:
    """A document's HTML → Word (.docx) bytes, on A4 (landscape when `mendatar`)."""
    root = lxml_html.document_fromstring(html or "<p></p>")
    body = root.find("body")
    if body is None:
        body = root
    doc = dokumen_baru(mendatar=mendatar)
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
    wadah.lepas()
    buf = BytesIO()
    doc.save(buf)
    return _sisipkan_isi(buf.getvalue(), wadah.selesai)


_AWAL_BODY = re.compile(rb"<w:body[^>]*>")


def _sisipkan_isi(docx: bytes, blok: list[bytes]) -> bytes:
    """The saved file with the blocks taken out while writing put back at the body's start,
    before what stayed in the tree (the last block and the section properties)."""
    if not blok:
        return docx
    keluar = BytesIO()
    with ZipFile(BytesIO(docx)) as masuk, ZipFile(keluar, "w", ZIP_DEFLATED) as tulis:
        for info in masuk.infolist():
            data = masuk.read(info)
            if info.filename == "word/document.xml":
                awal = _AWAL_BODY.search(data)
                data = b"".join([data[: awal.end()], *blok, data[awal.end() :]])
            tulis.writestr(info, data, compress_type=ZIP_DEFLATED)
    return keluar.getvalue()


DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def docx_response(html: str, filename: str):
    """The Word file of an HTML document, downloaded under ``filename``."""
    from django.http import HttpResponse

    response = HttpResponse(render_docx(html), content_type=DOCX)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
