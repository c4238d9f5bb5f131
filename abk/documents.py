"""The decree (Keputusan) with its lampiran, and the peta jabatan: HTML and PDF."""

from collections.abc import Iterator

from django.template.loader import render_to_string
from django.utils.translation import gettext

from abk.models import Keputusan
from abk.rekap import Rekap
from anjab.documents import jabatan_lengkap, konteks_informasi_jabatan
from anjab.models import AspekLingkungan
from anjab.selectors import Struktur, daftar_informasi_jabatan
from config.dokumen import render_pdf_bagian
from organisasi.formatting import tanggal


def laporan_koreksi_html(laporan) -> str:
    """The Laporan Hasil Penghitungan Ulang (abk.koreksi.laporan_koreksi) as a document."""
    from django.utils import timezone

    instansi = laporan.periode.instansi
    dokumen = sorted({s.rsplit(", lampiran", 1)[0] for s in laporan.sumber})
    return render_to_string(
        "abk/dokumen/laporan_koreksi.html",
        {
            "laporan": laporan,
            "instansi": instansi,
            "periode": laporan.periode,
            "unit": laporan.unit,
            "unit_daerah": (
                f"{laporan.unit.nama} {_daerah(instansi)}" if laporan.unit else instansi.nama
            ).upper(),
            "dokumen": dokumen,
            "tanggal": tanggal(timezone.localdate()),
        },
    )


def _daerah(instansi) -> str:
    return f"{instansi.get_jenis_display()} {instansi.nama_daerah}".strip()


# A part of the decree holds whole positions up to about this much HTML (~40 pages, ~120 MB
# of layout): fewer, larger parts save WeasyPrint's per-document setup (a part per position
# was 1.3× one document on small positions), and memory stays bounded; a position larger
# than this is a part on its own.
HTML_PER_BAGIAN = 150_000


def keputusan_bagian(keputusan: Keputusan, progres=None) -> Iterator[str]:
    """The decree as HTML parts for config.dokumen.render_pdf_bagian: the decree's text with
    the daftar informasi jabatan, then the positions' Informasi Jabatan, whole positions per
    part up to HTML_PER_BAGIAN. A part is composed only when the renderer asks for it, so
    neither the HTML nor the layout of a 300-position decree is ever held whole.

    `progres(selesai, total, pesan)` is told as the text and each position are composed
    (`total` is the positions + 1), and once more with selesai == total after the last part
    has been laid out.
    """
    dasar, daftar, struktur = _keputusan_dasar(keputusan)
    total = len(daftar) + 1
    if progres:
        progres(0, total, gettext("Teks keputusan dan daftar informasi jabatan"))
    # The lampiran ends with the signer's block: after the last position, or after the daftar
    # when the unit has none.
    yield render_to_string(_TEMPLATE, {**dasar, "lampiran": [], "penutup": not daftar})
    kumpulan, ukuran = [], 0
    for nomor, html in _lampiran(keputusan.periode, struktur, daftar, progres, total):
        if kumpulan and ukuran + len(html) > HTML_PER_BAGIAN:
            yield render_to_string(
                _TEMPLATE, {**dasar, "hanya_lampiran": True, "lampiran": kumpulan}
            )
            kumpulan, ukuran = [], 0
        kumpulan.append((nomor, html))
        ukuran += len(html)
    if kumpulan:
        yield render_to_string(
            _TEMPLATE, {**dasar, "hanya_lampiran": True, "lampiran": kumpulan, "penutup": True}
        )
    if progres:
        progres(total, total, gettext("Menggabungkan halaman"))


def keputusan_pdf(keputusan: Keputusan, progres=None, per_halaman=None) -> bytes:
    """The decree's PDF, laid out a part at a time (memory bounded whatever the unit's size):
    the one-request print and the background job both use it. `progres` as keputusan_bagian,
    `per_halaman(n)` as page n of the whole decree is laid out."""
    return render_pdf_bagian(keputusan_bagian(keputusan, progres), per_halaman)


def keputusan_html(keputusan: Keputusan) -> str:
    """The whole decree as one HTML document (the same parts as keputusan_bagian): for small
    units and for measuring WeasyPrint alone; print large ones with keputusan_bagian."""
    dasar, daftar, struktur = _keputusan_dasar(keputusan)
    lampiran = list(_lampiran(keputusan.periode, struktur, daftar))
    return render_to_string(_TEMPLATE, {**dasar, "lampiran": lampiran, "penutup": True})


_TEMPLATE = "abk/dokumen/keputusan.html"


def _keputusan_dasar(keputusan: Keputusan):
    """What every part of the decree prints (its letterhead, title, the daftar) and the
    positions of the daftar in order."""
    periode, unit = keputusan.periode, keputusan.unit
    instansi = periode.instansi
    struktur = Struktur(instansi.pk, unit_id=unit.pk)
    daftar = daftar_informasi_jabatan(struktur, unit.pk)
    kepala = f"{instansi.jabatan_kepala} {instansi.nama_daerah}".strip()
    dasar = {
        "k": keputusan,
        "instansi": instansi,
        "kepala": kepala.upper(),
        "judul": (
            gettext("ANALISIS JABATAN DAN ANALISIS BEBAN KERJA PADA %(unit)s %(daerah)s")
            % {"unit": unit.nama, "daerah": _daerah(instansi)}
        ).upper(),
        "tanggal": tanggal(keputusan.tanggal) if keputusan.tanggal else "",
        "daftar": [(nomor, depth, j.nama) for nomor, depth, j in daftar],
        "unit_daerah": f"{unit.nama} {_daerah(instansi)}".upper(),
    }
    return dasar, daftar, struktur


def _lampiran(periode, struktur, daftar, progres=None, total=None) -> Iterator[tuple[str, str]]:
    """(nomor, HTML) of each position's Informasi Jabatan, in the daftar's order; the
    positions are loaded once (they are small; their HTML is what is big)."""
    lengkap = {j.pk: j for j in jabatan_lengkap([j.pk for _, _, j in daftar], periode)}
    aspek = list(AspekLingkungan.objects.filter(instansi__isnull=True).order_by("urutan"))
    for i, (nomor, _, j) in enumerate(daftar, start=1):
        if progres:
            progres(
                i,
                total,
                gettext("Informasi jabatan %(nomor)s %(nama)s") % {"nomor": nomor, "nama": j.nama},
            )
        konteks = konteks_informasi_jabatan(
            lengkap[j.pk], periode=periode, struktur=struktur, aspek=aspek
        )
        yield nomor, render_to_string("anjab/dokumen/fragment_informasi_jabatan.html", konteks)


def peta_jabatan_html(rekap: Rekap, *, untuk_cetak: bool) -> str:
    """The peta jabatan: its chart (abk.bagan) on as many landscape A4/A3 pages as it needs,
    printed; on screen the chart above each unit's table of positions."""
    from abk.bagan import halaman_bagan

    per_unit: dict[int, list] = {}
    for b in rekap.baris:
        per_unit.setdefault(b.unit.pk, []).append(b)
    pohon = _pohon(rekap, per_unit)
    nama = rekap.unit.nama if rekap.unit else rekap.periode.instansi.nama
    judul = gettext("Peta jabatan %(nama)s") % {"nama": nama}
    return render_to_string(
        "abk/dokumen/peta_jabatan.html" if untuk_cetak else "abk/dokumen/fragment_peta.html",
        {
            "rekap": rekap,
            "pohon": pohon,
            "halaman": halaman_bagan(pohon, judul),
            "untuk_cetak": untuk_cetak,
        },
    )


def _pohon(rekap: Rekap, per_unit) -> list[dict]:
    akar, tumpukan = [], []
    for ru in rekap.units:
        simpul = {"ru": ru, "jabatan": per_unit.get(ru.unit.pk, []), "anak": []}
        del tumpukan[ru.depth :]
        (tumpukan[-1]["anak"] if tumpukan else akar).append(simpul)
        tumpukan.append(simpul)
    return akar
