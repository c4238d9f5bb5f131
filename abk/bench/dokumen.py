"""Section "dokumen": the peta jabatan and the decree of one perangkat daerah of a synthetic
Pemda (`manage.py generate_synthetic`: 8 sub-units, 300 positions at full size, 10 tasks each).

Figures, each beside WeasyPrint alone on the same HTML (composed before the clock starts):
- the peta jabatan PDF from the database (roll-up, HTML, layout), ≤ 15 s for 300 positions
  (issue 12; proportionally less at a smaller --size);
- the decree PDF laid out in parts and joined (abk.documents.keputusan_pdf) beside the whole
  decree laid out as one document: time ≤ 1.2× and memory above the process's start ≤ 500 MB,
  with pages per second of both.
The data is removed afterwards."""

import uuid

from abk.bench import Opsi, Ukuran, bagian
from abk.bench.anak import gabung, hitung_sql, sekali, sekarang
from abk.bench.impor import hapus_instansi
from abk.bench.rekap import PENUH, bangun_pemda

JABATAN_PENUH = 300
TARGET_PETA_DETIK = 15.0
TARGET_KEPUTUSAN = 1.2
TARGET_KEPUTUSAN_MB = 500.0


def _halaman(pdf: bytes) -> int:
    import io

    from pypdf import PdfReader

    return len(PdfReader(io.BytesIO(pdf)).pages)


def _ukur(fungsi) -> dict:
    """`fungsi()` → PDF bytes, timed in a child with its statements counted."""

    def kerja():
        with hitung_sql() as per_jenis:
            awal = sekarang()
            pdf = fungsi()
            detik = sekarang() - awal
        return {"seconds": detik, "queries": sum(per_jenis.values()), "rows": _halaman(pdf)}

    return sekali(kerja)


def _peta(periode_id: int, unit_id: int) -> bytes:
    from abk.documents import peta_jabatan_html
    from abk.rekap import hitung_rekap
    from anjab.models import PeriodeAnalisis
    from config.dokumen import render_pdf
    from organisasi.models import UnitOrganisasi

    periode = PeriodeAnalisis.objects.select_related("instansi").get(pk=periode_id)
    rekap = hitung_rekap(periode, UnitOrganisasi.objects.get(pk=unit_id), periksa=False)
    return render_pdf(peta_jabatan_html(rekap, untuk_cetak=True))


def _keputusan(keputusan_id: int) -> bytes:
    from abk.documents import keputusan_pdf
    from abk.models import Keputusan

    k = Keputusan.objects.select_related("periode__instansi", "unit").get(pk=keputusan_id)
    return keputusan_pdf(k)


def _per_detik(h: dict) -> float | None:
    return round(h["rows"] / h["seconds"], 2) if h.get("rows") and h.get("seconds") else None


@bagian("dokumen")
def bagian_dokumen(opsi: Opsi) -> list[Ukuran]:
    from abk import documents, services
    from abk.rekap import hitung_rekap
    from anjab.models import PeriodeAnalisis
    from config.dokumen import render_pdf
    from organisasi.models import UnitOrganisasi

    jabatan = max(3, round(JABATAN_PENUH * opsi.ukuran))
    nama = f"Pemerintah Kabupaten Uji Dokumen {uuid.uuid4().hex[:12]}"
    # One perangkat daerah; every unit gets a head, so fewer sub-units when it is small.
    bangun_pemda(
        nama, opd=1, subunit=min(PENUH.subunit, jabatan - 1), jabatan=jabatan, pegawai=jabatan
    )
    # A decree lays out ~3 pages a position: at full size one repeat is minutes long.
    ulang = opsi.ulang if opsi.ukuran < 1 else 1
    try:
        periode = PeriodeAnalisis.objects.select_related("instansi").get(instansi__nama=nama)
        pd = UnitOrganisasi.objects.get(instansi=periode.instansi, parent=None)
        keputusan = services.keputusan_get_or_create(periode=periode, unit=pd)
        # The anchors' HTML is composed here, before the children fork, so only WeasyPrint
        # is timed on their side.
        html_peta = documents.peta_jabatan_html(
            hitung_rekap(periode, pd, periksa=False), untuk_cetak=True
        )
        html_keputusan = documents.keputusan_html(keputusan)
        figur = {
            f"peta jabatan PDF, satu perangkat daerah ({jabatan} jabatan)": (
                lambda: _peta(periode.pk, pd.pk),
                lambda: render_pdf(html_peta),
                {"target_seconds": round(TARGET_PETA_DETIK * jabatan / JABATAN_PENUH, 2)},
            ),
            f"keputusan PDF per bagian, digabung ({jabatan} jabatan)": (
                lambda: _keputusan(keputusan.pk),
                lambda: render_pdf(html_keputusan),
                {"target": TARGET_KEPUTUSAN, "target_mb": TARGET_KEPUTUSAN_MB},
            ),
        }
        hasil = []
        for judul, (ukur, jangkar, target) in figur.items():
            h_all, j_all = [], []
            for _ in range(ulang):
                j_all.append(_ukur(jangkar))
                h_all.append(_ukur(ukur))
            h, j = gabung(h_all), gabung(j_all)
            opsi.tulis(
                f"dokumen: {judul}: {h.get('seconds')} s, {h.get('rows')} halaman, "
                f"puncak {h.get('peak_mb')} MB (jangkar {j.get('seconds')} s, "
                f"{j.get('peak_mb')} MB)"
            )
            u = Ukuran.dari_gabungan(
                section="dokumen",
                figure=judul,
                h=h,
                j=j,
                anchor="WeasyPrint saja, HTML yang sama dalam satu dokumen",
                target=target.get("target"),
                rows=h.get("rows"),
                detail={
                    "pages": h.get("rows"),
                    "anchor_pages": j.get("rows"),
                    "pages_per_second": _per_detik(h),
                    "anchor_pages_per_second": _per_detik(j),
                    "anchor_peak_tambahan_mb": j.get("peak_tambahan_mb"),
                },
            )
            u.target_seconds = target.get("target_seconds")
            u.target_mb = target.get("target_mb")
            hasil.append(u)
        return hasil
    finally:
        hapus_instansi(nama)
