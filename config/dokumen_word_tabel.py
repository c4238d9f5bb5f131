"""The Word writer's tables (config.dokumen_word): the HTML table's grid placed as a browser
places it, the columns' widths, and the rows and cells written as WordprocessingML directly, so
every row covers the table's grid (what Word checks before it offers to repair a file)."""

import re
from dataclasses import dataclass

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt

SPASI = re.compile(r"\s+")


def kelas_el(el) -> set[str]:
    """An element's classes."""
    return set((el.get("class") or "").split())


# Widths the stylesheet fixes for a form table's narrow columns (the rest share what is left).
LEBAR_KELAS = {"no": Pt(24), "sub": Pt(20), "titik": Pt(12), "kolom-no": Pt(26)}
# A form table's label column, by the table's class (table.pasal td.label …), first match.
LEBAR_LABEL = {"pasal": Pt(80), "ringkas": Pt(170), "ij": Pt(150)}
# Cell padding (left and right), as the stylesheet's: form tables 3pt, bordered tables 4pt.
PADDING_FORM = Pt(3)
PADDING_GRID = Pt(4)
# A bordered table's header: smaller than its body, so "PENYELESAIAN" fits its column whole.
UKURAN_TH = Pt(7.5)
# A body cell needs no wider than this many characters: longer words are hyphenated.
KATA_PROSA = 9
TINGGI_RUANG = Pt(56)  # .ruang: the signature's space


@dataclass
class Sel:
    el: object
    baris: int
    kolom: int
    rowspan: int
    colspan: int
    th: bool


def tag(el) -> str:
    return el.tag.lower() if isinstance(el.tag, str) else ""


def _angka_atribut(el, nama: str) -> int:
    try:
        return max(1, min(int(el.get(nama, "1")), 1000))
    except ValueError:
        return 1


def susun_grid(baris) -> tuple[list[Sel], int]:
    """Places every cell on the table's grid as a browser does: a cell takes the first column
    no rowspan from above occupies. Returns the cells and the number of grid columns."""
    terisi: set[tuple[int, int]] = set()
    sel: list[Sel] = []
    jumlah_kolom = 0
    n_baris = len(baris)
    for r, (tr, _kepala) in enumerate(baris):
        c = 0
        for td in tr:
            if tag(td) not in ("td", "th"):
                continue
            while (r, c) in terisi:
                c += 1
            rs = min(_angka_atribut(td, "rowspan"), n_baris - r)
            cs = _angka_atribut(td, "colspan")
            for dr in range(rs):
                for dc in range(cs):
                    terisi.add((r + dr, c + dc))
            sel.append(Sel(td, r, c, rs, cs, tag(td) == "th"))
            c += cs
        jumlah_kolom = max(jumlah_kolom, c, *(k + 1 for (b, k) in terisi if b == r))
    return sel, max(jumlah_kolom, 1)


def porsi_col(el, n: int) -> list[float] | None:
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


def lebar_kolom(
    grid: list[Sel],
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
        kelas = kelas_el(s.el)
        if s.colspan != 1:
            continue
        for k, w in LEBAR_KELAS.items():
            if k in kelas:
                tetap.setdefault(s.kolom, w)
        if label is not None and "label" in kelas:
            tetap.setdefault(s.kolom, label)
        teks = SPASI.sub(" ", s.el.text_content()).strip()
        # bold capitals of a header are wider than body text
        huruf = (ukuran_th * 0.82) if s.th else (ukuran_td * 0.62)
        if kelas & {"angka", "volume", "nowrap"} and not s.th:
            terpanjang = len(teks)  # a number never wraps (white-space: nowrap)
        else:
            terpanjang = max((len(w) for w in teks.split()), default=1)
            if not s.th:  # prose hyphenates (w:autoHyphenation); a header's word never breaks
                terpanjang = min(terpanjang, KATA_PROSA)
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


def atur_padding(tabel, padding):
    mar = OxmlElement("w:tblCellMar")
    for sisi in ("left", "right"):
        m = OxmlElement(f"w:{sisi}")
        m.set(qn("w:w"), str(int(padding) // 635))
        m.set(qn("w:type"), "dxa")
        mar.append(m)
    tabel._tbl.tblPr.insert_element_before(mar, "w:tblLook", "w:tblCaption", "w:tblDescription")


def atur_tabel(tabel, *, bergaris: bool, rata, lebar: int):
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


def isi_grid(tabel, grid: list[Sel], kepala: list[bool], lebar: list[int]) -> dict:
    """Rebuilds every row's cells from the grid: a cell spanning columns is one w:tc with
    gridSpan, one spanning rows a w:tc with vMerge="restart" and, in each row below, one with
    vMerge continuing it; a row shorter than the table is filled with empty cells, so every
    row covers every grid column (what Word checks before it offers to repair a file). Returns
    id(cell) → its w:tc. Built directly, in one pass: python-docx's table.cell() re-reads the
    whole table on every call, which made a decree's lampiran take minutes."""
    mulai = {(s.baris, s.kolom): s for s in grid}
    lanjut = {(s.baris + d, s.kolom): s for s in grid for d in range(1, s.rowspan)}
    baris_ruang = {s.baris for s in grid if "ruang" in kelas_el(s.el)}
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
            tinggi.set(qn("w:val"), str(int(TINGGI_RUANG) // 635))
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


def arsir(cell, warna: str):
    tcPr = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), warna)
    tcPr.append(shd)
