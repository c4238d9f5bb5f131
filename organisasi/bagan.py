"""Charts of an organisation tree drawn as SVG: a box per unit (with, for the peta jabatan, a box
per position inside it), the units joined by lines along the tree (issue 13 items 4 and 8).

Everything is measured here in millimetres, with character widths estimated from the font, so
laying out never waits on a browser or on WeasyPrint: the chart is a picture WeasyPrint only
paints. Children of a unit stand side by side under it, joined by a bus line; sub-units that
have none of their own (the Seksi of a Bidang) stand one under another beside a line, as an
organisation chart draws them. A unit with many positions sets them in columns.

The peta jabatan (abk.bagan) fills the boxes from the rekap and chooses its pages; the LAKIP's
organisation chart (kinerja) draws units only, with `bagan_struktur`."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.html import escape
from django.utils.translation import gettext as _

# Box geometry (mm).
LEBAR_JABATAN = 56.0  # a position box
PAD = 1.4
JARAK = 1.0  # between position boxes
JARAK_X = 6.0  # between sibling subtrees
JARAK_Y = 7.0  # between a unit and the row of its sub-units
INDEN = 6.0  # stacked sub-units stand this far right of their parent's left edge
TINGGI_KOLOM_MAKS = 120.0  # a unit's positions wrap into another column beyond this
# Type (pt) and line heights (mm).
PT_MM = 0.3528
UKURAN_NAMA = 6.2
UKURAN_ANGKA = 5.6
UKURAN_UNIT = 7.0
BARIS_NAMA = 2.6
BARIS_ANGKA = 2.4
BARIS_UNIT = 3.0
LEBAR_HURUF = 0.52  # average character width, em (Liberation Sans)
FONT = "Liberation Sans, Arial, DejaVu Sans, sans-serif"
# Pages, landscape, usable area after margins (mm), and the room the title takes.
KERTAS = {"A4": (273.0, 186.0), "A3": (396.0, 273.0)}
JUDUL = 14.0
SKALA_MIN = 0.6


def bungkus(teks: str, ukuran_pt: float, lebar_mm: float, maks: int) -> list[str]:
    """Words into at most `maks` lines fitting `lebar_mm` at `ukuran_pt`; the last line ends
    with … when the text does not fit."""
    per_baris = max(8, int(lebar_mm / (ukuran_pt * PT_MM * LEBAR_HURUF)))
    baris, kini = [], ""
    for kata in teks.split():
        calon = f"{kini} {kata}".strip()
        if len(calon) <= per_baris:
            kini = calon
            continue
        if kini:
            baris.append(kini)
        kini = kata if len(kata) <= per_baris else kata[: per_baris - 1] + "…"
    if kini:
        baris.append(kini)
    if len(baris) > maks:
        baris = baris[:maks]
        baris[-1] = baris[-1][: per_baris - 1].rstrip() + "…"
    return baris or [""]


@dataclass
class KotakJabatan:
    nama: list[str]
    angka: str
    selisih: int
    kepala: bool
    tinggi: float


@dataclass
class Simpul:
    """A unit on the chart: its own box (header, positions in columns) and its subtree."""

    judul: list[str]
    jumlah: str
    jabatan: list[KotakJabatan]
    anak: list[Simpul] = field(default_factory=list)
    ringkas: bool = False  # drawn as a box of its totals (its tree is on later pages)
    nama: str = ""  # the unit's name, wrapped into `judul` to the box's width
    # laid out
    kolom: list[list[KotakJabatan]] = field(default_factory=list)
    w: float = 0.0
    h: float = 0.0
    lebar_pohon: float = 0.0
    tinggi_pohon: float = 0.0
    bertumpuk: bool = False
    x: float = 0.0
    y: float = 0.0

    def ukur_kotak(self):
        self.kolom = []
        if not self.ringkas:
            kini, tinggi = [], 0.0
            for j in self.jabatan:
                if kini and tinggi + j.tinggi > TINGGI_KOLOM_MAKS:
                    self.kolom.append(kini)
                    kini, tinggi = [], 0.0
                kini.append(j)
                tinggi += j.tinggi + JARAK
            if kini:
                self.kolom.append(kini)
        n = max(1, len(self.kolom))
        self.w = n * LEBAR_JABATAN + (n - 1) * JARAK + 2 * PAD
        if self.nama:
            self.judul = bungkus(self.nama, UKURAN_UNIT, self.w - 2 * PAD, 3)
        isi = max((sum(j.tinggi + JARAK for j in k) for k in self.kolom), default=0.0)
        self.h = 2 * PAD + len(self.judul) * BARIS_UNIT + BARIS_ANGKA + 1.0 + isi

    def ukur(self):
        self.ukur_kotak()
        for a in self.anak:
            a.ukur()
        if not self.anak:
            self.lebar_pohon, self.tinggi_pohon = self.w, self.h
            return
        # sub-units without sub-units of their own stand in a column beside a line
        self.bertumpuk = all(not a.anak for a in self.anak) and len(self.anak) > 1
        if self.bertumpuk:
            self.lebar_pohon = max(self.w, INDEN + max(a.w for a in self.anak))
            self.tinggi_pohon = self.h + sum(JARAK_Y + a.h for a in self.anak)
        else:
            baris = sum(a.lebar_pohon for a in self.anak) + JARAK_X * (len(self.anak) - 1)
            self.lebar_pohon = max(self.w, baris)
            self.tinggi_pohon = self.h + JARAK_Y + max(a.tinggi_pohon for a in self.anak)

    def letakkan(self, x: float, y: float):
        """Places the subtree with its top-left corner at (x, y)."""
        self.y = y
        if not self.anak:
            self.x = x
            return
        if self.bertumpuk:
            self.x = x
            yy = y + self.h
            for a in self.anak:
                yy += JARAK_Y
                a.letakkan(x + INDEN, yy)
                yy += a.h
            return
        baris = sum(a.lebar_pohon for a in self.anak) + JARAK_X * (len(self.anak) - 1)
        xx = x + (self.lebar_pohon - baris) / 2
        for a in self.anak:
            a.letakkan(xx, y + self.h + JARAK_Y)
            xx += a.lebar_pohon + JARAK_X
        # the unit over the middle of its sub-units' row
        tengah = (self.anak[0].x + self.anak[0].w / 2 + self.anak[-1].x + self.anak[-1].w / 2) / 2
        self.x = min(max(x, tengah - self.w / 2), x + self.lebar_pohon - self.w)


@dataclass
class Halaman:
    kertas: str  # "A4" or "A3"
    svg: str
    judul: str


def bagan_struktur(pohon: dict, judul: str, lebar_maks: float = 165.0) -> str:
    """An organisation chart of units only (the LAKIP's Gambar 1, seed 002): a box per unit
    with its name and the title of its head, joined along the tree, as SVG no wider than
    `lebar_maks` mm (a portrait A4 text column). `pohon` is {"nama", "kepala", "anak": [...]}."""
    simpul = _simpul_unit(pohon)
    simpul.ukur()
    skala = min(1.5, lebar_maks / simpul.lebar_pohon)  # a small tree is drawn larger
    return gambar(simpul, "A4", skala, judul).svg


def _simpul_unit(data: dict) -> Simpul:
    s = Simpul(judul=[], nama=data["nama"], jumlah=data.get("kepala") or "", jabatan=[])
    s.anak = [_simpul_unit(a) for a in data["anak"]]
    return s


def gambar(simpul: Simpul, kertas: str, skala: float, judul: str) -> Halaman:
    simpul.letakkan(0.0, 0.0)
    w, h = simpul.lebar_pohon, simpul.tinggi_pohon
    bagian: list[str] = []
    _garis(simpul, bagian)
    _kotak(simpul, bagian)
    lebar_mm, tinggi_mm = w * skala, h * skala
    svg = (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="bagan" role="img" '
        f'width="{lebar_mm:.1f}mm" height="{tinggi_mm:.1f}mm" '
        f'viewBox="-1 -1 {w + 2:.1f} {h + 2:.1f}" font-family="{FONT}">'
        f"<title>{escape(judul)}</title>{''.join(bagian)}</svg>"
    )
    return Halaman(kertas=kertas, svg=svg, judul=judul)


def _garis(s: Simpul, out: list[str]):
    """The lines from each unit to its sub-units."""
    if not s.anak:
        return
    attr = 'stroke="#000" stroke-width="0.3" fill="none"'
    if s.bertumpuk:
        x = s.x + INDEN / 2
        akhir = s.anak[-1].y + s.anak[-1].h / 2
        out.append(f'<path d="M{x:.2f} {s.y + s.h:.2f}V{akhir:.2f}" {attr}/>')
        for a in s.anak:
            yy = a.y + min(a.h / 2, 6.0)
            out.append(f'<path d="M{x:.2f} {yy:.2f}H{a.x:.2f}" {attr}/>')
    else:
        tengah = s.x + s.w / 2
        bus = s.y + s.h + JARAK_Y / 2
        kiri = s.anak[0].x + s.anak[0].w / 2
        kanan = s.anak[-1].x + s.anak[-1].w / 2
        out.append(f'<path d="M{tengah:.2f} {s.y + s.h:.2f}V{bus:.2f}" {attr}/>')
        kiri, kanan = min(kiri, tengah), max(kanan, tengah)
        out.append(f'<path d="M{kiri:.2f} {bus:.2f}H{kanan:.2f}" {attr}/>')
        for a in s.anak:
            cx = a.x + a.w / 2
            out.append(f'<path d="M{cx:.2f} {bus:.2f}V{a.y:.2f}" {attr}/>')
    for a in s.anak:
        _garis(a, out)


def _teks(x: float, y: float, teks: str, ukuran: float, *, tebal=False, tengah=False, warna=None):
    atribut = f'font-size="{ukuran * PT_MM:.2f}"'
    if tebal:
        atribut += ' font-weight="bold"'
    if tengah:
        atribut += ' text-anchor="middle"'
    if warna:
        atribut += f' fill="{warna}"'
    return f'<text x="{x:.2f}" y="{y:.2f}" {atribut}>{escape(teks)}</text>'


def _kotak(s: Simpul, out: list[str]):
    out.append(
        f'<rect x="{s.x:.2f}" y="{s.y:.2f}" width="{s.w:.2f}" height="{s.h:.2f}" '
        f'fill="#fff" stroke="#000" stroke-width="{0.5 if not s.ringkas else 0.4}"/>'
    )
    tengah = s.x + s.w / 2
    y = s.y + PAD + BARIS_UNIT * 0.8
    for baris in s.judul:
        out.append(_teks(tengah, y, baris, UKURAN_UNIT, tebal=True, tengah=True))
        y += BARIS_UNIT
    out.append(_teks(tengah, y - 0.4, s.jumlah, UKURAN_ANGKA, tengah=True))
    y += BARIS_ANGKA - 0.4
    if s.ringkas:
        out.append(_teks(tengah, y + 0.8, _("(rincian pada halaman berikutnya)"), UKURAN_ANGKA,
                         tengah=True))  # fmt: skip
    for i, kolom in enumerate(s.kolom):
        x = s.x + PAD + i * (LEBAR_JABATAN + JARAK)
        yy = y + 1.0
        for j in kolom:
            out.append(
                f'<rect x="{x:.2f}" y="{yy:.2f}" width="{LEBAR_JABATAN:.2f}" '
                f'height="{j.tinggi:.2f}" fill="{"#eef2f7" if j.kepala else "#fff"}" '
                'stroke="#444" stroke-width="0.25"/>'
            )
            ty = yy + PAD + BARIS_NAMA * 0.75
            for baris in j.nama:
                out.append(_teks(x + PAD, ty, baris, UKURAN_NAMA, tebal=j.kepala))
                ty += BARIS_NAMA
            warna = "#b00000" if j.selisih < 0 else ("#0050a0" if j.selisih > 0 else None)
            out.append(_teks(x + PAD, ty - 0.2, j.angka, UKURAN_ANGKA, warna=warna))
            yy += j.tinggi + JARAK
    for a in s.anak:
        _kotak(a, out)
