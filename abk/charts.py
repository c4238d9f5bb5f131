"""A server-drawn SVG bar chart (no JavaScript library): need versus bezetting per unit."""

from django.utils.html import escape
from django.utils.translation import gettext as _


def grafik_kebutuhan_bezetting(units, lebar=720) -> str:
    """Horizontal bars per unit: K (kebutuhan) and B (bezetting), with their numbers."""
    if not units:
        return ""
    tinggi_baris, kiri, kanan = 34, 260, 60
    maks = (
        max(max(ru.subtree["kebutuhan_dibulatkan"], ru.subtree["bezetting"]) for ru in units) or 1
    )
    skala = (lebar - kiri - kanan) / maks
    tinggi = tinggi_baris * len(units) + 40
    judul = escape(_("Kebutuhan pegawai (K) dibanding bezetting (B) per unit"))
    kebutuhan, bezetting = escape(_("K kebutuhan")), escape(_("B bezetting"))
    bagian = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {lebar} {tinggi}" role="img" '
        f'aria-labelledby="judul-grafik" class="grafik"><title id="judul-grafik">{judul}</title>',
        f'<g font-size="12" font-family="sans-serif"><rect x="{kiri}" y="4" width="12" height="10" '
        f'fill="#0b5cad"/><text x="{kiri + 16}" y="13">{kebutuhan}</text><rect x="{kiri + 120}" '
        f'y="4" width="12" height="10" fill="#f2b400"/><text x="{kiri + 136}" y="13">{bezetting}'
        "</text></g>",
    ]
    for i, ru in enumerate(units):
        y = 26 + i * tinggi_baris
        k, b = ru.subtree["kebutuhan_dibulatkan"], ru.subtree["bezetting"]
        nama = escape(ru.unit.nama if len(ru.unit.nama) <= 38 else ru.unit.nama[:36] + "…")
        bagian.append(
            f'<g font-size="12" font-family="sans-serif"><text x="{kiri - 6}" y="{y + 16}" '
            f'text-anchor="end">{nama}</text>'
            f'<rect x="{kiri}" y="{y + 2}" width="{k * skala:.1f}" height="12" fill="#0b5cad"/>'
            f'<text x="{kiri + k * skala + 4:.1f}" y="{y + 12}">{k}</text>'
            f'<rect x="{kiri}" y="{y + 16}" width="{b * skala:.1f}" height="12" fill="#f2b400"/>'
            f'<text x="{kiri + b * skala + 4:.1f}" y="{y + 26}">{b}</text></g>'
        )
    bagian.append("</svg>")
    return "".join(bagian)
