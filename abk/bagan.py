"""The peta jabatan as a chart (issue 13 item 8): a box per unit with a box per position (nama,
kelas, B, K, ±) inside it, drawn by organisasi.bagan.

Pages: the chart goes on landscape A4 when it fits, else on A3, shrunk down to SKALA_MIN if
need be; a tree too large even then is cut: the page shows the unit with its sub-units as
boxes of their totals, and each sub-unit's own tree follows on pages of its own. So every
unit and position is on some page, whatever the size."""

from __future__ import annotations

from django.utils.translation import gettext as _

from organisasi.bagan import (
    BARIS_ANGKA,
    BARIS_NAMA,
    JUDUL,
    KERTAS,
    LEBAR_JABATAN,
    PAD,
    SKALA_MIN,
    UKURAN_NAMA,
    Halaman,
    KotakJabatan,
    Simpul,
    bungkus,
    gambar,
)


def _tanda(selisih: int) -> str:
    return f"+{selisih}" if selisih > 0 else str(selisih).replace("-", "−")


def _simpul(data: dict, *, ringkas_anak: bool = False) -> Simpul:
    ru = data["ru"]
    s = ru.subtree
    jabatan = []
    for b in data["jabatan"]:
        nama = bungkus(b.jabatan.nama, UKURAN_NAMA, LEBAR_JABATAN - 2 * PAD, 2)
        kelas = b.kelas if b.kelas else "-"
        angka = _("Kelas %(kelas)s · B %(b)s · K %(k)s · ± %(s)s") % {
            "kelas": kelas,
            "b": b.bezetting,
            "k": b.kebutuhan_dibulatkan,
            "s": _tanda(b.selisih),
        }
        tinggi = 2 * PAD + len(nama) * BARIS_NAMA + BARIS_ANGKA
        jabatan.append(KotakJabatan(nama, angka, b.selisih, b.jabatan.kepala_unit, tinggi))
    simpul = Simpul(
        judul=[],
        nama=ru.unit.nama,
        jumlah=_("B %(b)s · K %(k)s · kurang %(kurang)s · lebih %(lebih)s")
        % {
            "b": s["bezetting"],
            "k": s["kebutuhan_dibulatkan"],
            "kurang": s["kekurangan"],
            "lebih": s["kelebihan"],
        },
        jabatan=jabatan,
    )
    for a in data["anak"]:
        anak = _simpul(a)
        if ringkas_anak:
            anak.ringkas, anak.anak = True, []
        simpul.anak.append(anak)
    return simpul


def halaman_bagan(pohon: list[dict], judul: str) -> list[Halaman]:
    """The chart's pages for the rekap tree (abk.documents._pohon): one tree per root, each
    on the smallest page it fits, cut into a page per sub-unit tree when it fits none."""
    halaman: list[Halaman] = []
    for akar in pohon:
        _halaman_pohon(akar, judul, halaman)
    return halaman


def _muat(simpul: Simpul) -> tuple[str, float] | None:
    simpul.ukur()
    w, h = simpul.lebar_pohon, simpul.tinggi_pohon
    for kertas in ("A4", "A3"):
        lebar, tinggi = KERTAS[kertas]
        if w <= lebar and h <= tinggi - JUDUL:
            return kertas, 1.0
    lebar, tinggi = KERTAS["A3"]
    skala = min(lebar / w, (tinggi - JUDUL) / h)
    return ("A3", skala) if skala >= SKALA_MIN else None


def _halaman_pohon(data: dict, judul: str, halaman: list[Halaman]):
    simpul = _simpul(data)
    muat = _muat(simpul)
    if muat is None:
        # too large for one page: the unit with its sub-units as boxes of their totals, then
        # each sub-unit's tree on pages of its own
        simpul = _simpul(data, ringkas_anak=True)
        muat = _muat(simpul) or ("A3", _skala_paksa(simpul))
        halaman.append(gambar(simpul, *muat, judul))
        for anak in data["anak"]:
            _halaman_pohon(anak, judul, halaman)
        return
    halaman.append(gambar(simpul, *muat, judul))


def _skala_paksa(simpul: Simpul) -> float:
    """A single unit larger than A3 at SKALA_MIN (hundreds of positions in it): shrunk to fit."""
    lebar, tinggi = KERTAS["A3"]
    return min(1.0, lebar / simpul.lebar_pohon, (tinggi - JUDUL) / simpul.tinggi_pohon)
