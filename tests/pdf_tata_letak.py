"""The page layout of a printed PDF checked as an analyst checks it before signing (issue 13
item 1): text lines per page with their positions (pypdf), then

- no page ends with a heading whose content is overleaf ("14. RISIKO BAHAYA :");
- no numbered item is split across pages (its first line at a page's foot, the rest overleaf);
- no page that closes a document, or a part that the next page starts afresh, holds only its
  last few lines ("17. KELAS JABATAN" alone);
- no table header's word is broken ("PENYELES AIAN", "KEBUTUH AN", "N O").
"""

import re
from html.parser import HTMLParser
from io import BytesIO

from pypdf import PdfReader

KAKI = re.compile(r"^Halaman \d+ dari \d+$")
# A heading: a numbered section of the Informasi Jabatan with nothing after its colon, a
# sub-heading whose rows follow, a chapter or lettered section of a report, a bare number.
JUDUL = [
    re.compile(r"^\d{1,2}\. [A-Z][A-Z /]+( :)?$"),
    re.compile(r"^[a-g]\. (Kondisi fisik|Fungsi pekerjaan)$"),
    re.compile(r"^BAB [IVX]+\b.*$"),
    re.compile(r"^[A-H]\. [A-Z][A-Za-z ,]+$"),
    re.compile(r"^\d{1,2}\.$"),
]
PENANDA = re.compile(r"^([a-z]\.|\d{1,2}\)|\d{1,2}\.)\s")
MIN_BARIS_AKHIR = 4


def baris_halaman(pdf: bytes) -> list[list[str]]:
    """Each page's text lines from top to bottom: fragments sharing a baseline (±2 pt)
    joined left to right, the page-number footer left out."""
    halaman = []
    for page in PdfReader(BytesIO(pdf)).pages:
        potongan = []

        def lihat(teks, cm, tm, _font, _ukuran, potongan=potongan):
            if teks.strip():
                x = tm[4] * cm[0] + cm[4]
                y = tm[5] * cm[3] + cm[5]
                potongan.append((y, x, teks))

        page.extract_text(visitor_text=lihat)
        per_y: dict[float, list] = {}
        for y, x, teks in potongan:
            kunci = next((k for k in per_y if abs(k - y) <= 2), y)
            per_y.setdefault(kunci, []).append((x, teks))
        baris = []
        for _y, isi in sorted(per_y.items(), key=lambda kv: -kv[0]):
            teks = re.sub(r"\s+", " ", " ".join(t.strip() for _x, t in sorted(isi))).strip()
            if teks and not KAKI.match(teks):
                baris.append(teks)
        halaman.append(baris)
    return halaman


def _judul(baris: str) -> bool:
    return any(p.match(baris) for p in JUDUL)


def pelanggaran(pdf: bytes, *, awal_bagian: re.Pattern | None = None, judul_kolom=()) -> list:
    """Every layout fault of `pdf`, as (page number, what, the lines concerned). A part starts
    on a page whose first line matches `awal_bagian` (the decree's Informasi Jabatan each start
    a page); the page before it closes a part. `judul_kolom`: the words of its tables'
    headers, each of which must appear whole."""
    halaman = baris_halaman(pdf)
    salah = []
    for i, baris in enumerate(halaman):
        no = i + 1
        if not baris:
            continue
        berikut = halaman[i + 1] if i + 1 < len(halaman) else None
        akhir = baris[-1]
        if berikut and _judul(akhir):
            salah.append((no, "judul di kaki halaman", baris[-2:]))
        if (
            berikut
            and PENANDA.match(akhir)
            and berikut[0][:1].islower()
            and not PENANDA.match(berikut[0])
        ):
            salah.append((no, "butir terbelah", [akhir, berikut[0]]))
        menutup = berikut is None or (awal_bagian is not None and awal_bagian.match(berikut[0]))
        if menutup and i > 0 and len(baris) < MIN_BARIS_AKHIR:
            salah.append((no, "halaman akhir hanya berisi baris terakhir", baris))
    # letters only: pypdf may hand a header's last word and the next row's number as one run
    # ("Jawab2019")
    kata = {k for baris in halaman for b in baris for k in re.findall(r"[A-Za-zÀ-ÿ]+", b)}
    for judul in judul_kolom:
        for k in re.findall(r"[A-Za-zÀ-ÿ]{2,}", judul):
            if k not in kata:
                salah.append((0, "judul kolom terpotong", [judul, k]))
    return salah


class _KepalaTabel(HTMLParser):
    def __init__(self):
        super().__init__()
        self.judul: list[str] = []
        self._sel: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        if tag == "th":
            self._sel = []

    def handle_endtag(self, tag):
        if tag == "th" and self._sel is not None:
            self.judul.append(" ".join("".join(self._sel).split()))
            self._sel = None

    def handle_data(self, data):
        if self._sel is not None:
            self._sel.append(data)


def judul_kolom(html: str) -> set[str]:
    """The text of every table header cell of a document's HTML."""
    p = _KepalaTabel()
    p.feed(html)
    return {j for j in p.judul if j}
