"""The decree (Keputusan) with its lampiran, and the peta jabatan: HTML and PDF."""

from django.template.loader import render_to_string
from django.utils.translation import gettext

from abk.models import Keputusan
from abk.rekap import Rekap
from anjab.documents import jabatan_lengkap_qs, konteks_informasi_jabatan
from anjab.models import AspekLingkungan
from anjab.selectors import Struktur, daftar_informasi_jabatan
from organisasi.formatting import tanggal


def _daerah(instansi) -> str:
    return f"{instansi.get_jenis_display()} {instansi.nama_daerah}".strip()


def keputusan_html(keputusan: Keputusan, progres=None) -> str:
    """The whole decree as HTML: text, daftar informasi jabatan and every Informasi Jabatan.

    `progres(selesai, total, pesan)` is told after each position's document is composed.
    """
    periode, unit = keputusan.periode, keputusan.unit
    instansi = periode.instansi
    struktur = Struktur(instansi.pk, unit_id=unit.pk)
    daftar = daftar_informasi_jabatan(struktur, unit.pk)
    lengkap = {
        j.pk: j for j in jabatan_lengkap_qs(periode).filter(pk__in=[j.pk for _, _, j in daftar])
    }
    aspek = list(AspekLingkungan.objects.filter(instansi__isnull=True).order_by("urutan"))
    lampiran = []
    for i, (nomor, _, j) in enumerate(daftar, start=1):
        konteks = konteks_informasi_jabatan(
            lengkap[j.pk], periode=periode, struktur=struktur, aspek=aspek
        )
        lampiran.append(
            (nomor, render_to_string("anjab/dokumen/fragment_informasi_jabatan.html", konteks))
        )
        if progres:
            progres(
                i,
                len(daftar),
                gettext("Informasi jabatan %(nomor)s %(nama)s") % {"nomor": nomor, "nama": j.nama},
            )
    kepala = f"{instansi.jabatan_kepala} {instansi.nama_daerah}".strip()
    return render_to_string(
        "abk/dokumen/keputusan.html",
        {
            "k": keputusan,
            "instansi": instansi,
            "kepala": kepala.upper(),
            "judul": (
                gettext("ANALISIS JABATAN DAN ANALISIS BEBAN KERJA PADA %(unit)s %(daerah)s")
                % {"unit": unit.nama, "daerah": _daerah(instansi)}
            ).upper(),
            "tanggal": tanggal(keputusan.tanggal) if keputusan.tanggal else "",
            "daftar": [(nomor, depth, j.nama) for nomor, depth, j in daftar],
            "lampiran": lampiran,
            "unit_daerah": f"{unit.nama} {_daerah(instansi)}".upper(),
        },
    )


def peta_jabatan_html(rekap: Rekap, *, untuk_cetak: bool) -> str:
    per_unit: dict[int, list] = {}
    for b in rekap.baris:
        per_unit.setdefault(b.unit.pk, []).append(b)
    pohon = _pohon(rekap, per_unit)
    lebar = max((_daun(n) for n in pohon), default=1)
    return render_to_string(
        "abk/dokumen/peta_jabatan.html" if untuk_cetak else "abk/dokumen/fragment_peta.html",
        {
            "rekap": rekap,
            "pohon": pohon,
            "kertas": "A3" if lebar > 6 else "A4",
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


def _daun(simpul) -> int:
    return max(1, sum(_daun(a) for a in simpul["anak"]))
