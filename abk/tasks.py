"""Background jobs (django-tasks; the database backend's worker runs them)."""

from django.core.files.base import ContentFile
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks import task

from abk.models import Keputusan, PekerjaanLatar


def _jalankan_pdf(pekerjaan_id: int, buat) -> None:
    """Runs a print job: `buat(pekerjaan)` → (file name, PDF bytes, message when done). The
    job is marked running, then done with its private file, or failed with the reason shown
    to the user (and re-raised, so the worker logs it and keeps running)."""
    pekerjaan = PekerjaanLatar.objects.get(pk=pekerjaan_id)
    pekerjaan.status = PekerjaanLatar.Status.BERJALAN
    pekerjaan.langkah_total = 100
    pekerjaan.save(update_fields=["status", "langkah_total"])
    try:
        nama, pdf, pesan = buat(pekerjaan)
        pekerjaan.berkas.save(nama, ContentFile(pdf), save=False)
        pekerjaan.status = PekerjaanLatar.Status.SELESAI
        pekerjaan.langkah_selesai = 100
        pekerjaan.pesan = pesan
    except Exception as e:
        pekerjaan.status = PekerjaanLatar.Status.GAGAL
        pekerjaan.pesan = _("Gagal menyusun berkas: %(galat)s") % {"galat": e}
        raise
    finally:
        pekerjaan.selesai = timezone.now()
        pekerjaan.save()


@task()
def cetak_keputusan(pekerjaan_id: int) -> None:
    _jalankan_pdf(pekerjaan_id, _pdf_keputusan)


def _pdf_keputusan(pekerjaan: PekerjaanLatar):
    from abk.documents import keputusan_pdf

    keputusan = Keputusan.objects.select_related("periode__instansi", "unit").get(
        pk=pekerjaan.parameter["keputusan"]
    )
    if pekerjaan.parameter.get("format") == "docx":
        return _docx_keputusan(pekerjaan, keputusan)
    # The decree is laid out a part at a time: the bar moves with the positions composed, the
    # message with the position and the page being laid out.
    bar = {"persen": 0, "bagian": ""}

    def per_bagian(selesai, total, pesan):
        bar["persen"] = 99 * selesai // max(total, 1)
        bar["bagian"] = pesan
        _catat(pekerjaan, bar["persen"], pesan)

    def per_halaman(n):
        if n % 5 == 0:
            _catat(
                pekerjaan,
                bar["persen"],
                _("Menata halaman %(n)s: %(bagian)s") % {"n": n, "bagian": bar["bagian"]},
            )

    pdf = keputusan_pdf(keputusan, progres=per_bagian, per_halaman=per_halaman)
    nama = f"keputusan-abk-{keputusan.unit_id}-{keputusan.periode_id}.pdf"
    return nama, pdf, _("PDF keputusan siap diunduh.")


def _docx_keputusan(pekerjaan: PekerjaanLatar, keputusan: Keputusan):
    from abk.documents import keputusan_html
    from config.dokumen_word import render_docx

    _catat(pekerjaan, 5, _("Menyusun teks dan informasi jabatan"))
    html = keputusan_html(keputusan)
    _catat(pekerjaan, 40, _("Menulis berkas Word"))
    isi = render_docx(html)
    nama = f"keputusan-abk-{keputusan.unit_id}-{keputusan.periode_id}.docx"
    return nama, isi, _("Berkas Word keputusan siap diunduh.")


@task()
def cetak_peta(pekerjaan_id: int) -> None:
    """The PDF of a peta jabatan too large for a request: the roll-up, then the layout with
    its pages counted on the progress bar."""
    _jalankan_pdf(pekerjaan_id, _pdf_peta)


def _pdf_peta(pekerjaan: PekerjaanLatar):
    from abk.documents import peta_jabatan_html
    from abk.rekap import hitung_rekap
    from anjab.models import PeriodeAnalisis
    from config.dokumen import render_pdf_dengan_halaman
    from organisasi.models import UnitOrganisasi

    periode = PeriodeAnalisis.objects.select_related("instansi").get(
        pk=pekerjaan.parameter["periode"], instansi_id=pekerjaan.instansi_id
    )
    unit_id = pekerjaan.parameter.get("unit")
    unit = (
        UnitOrganisasi.objects.get(pk=unit_id, instansi_id=pekerjaan.instansi_id)
        if unit_id is not None
        else None
    )
    _catat(pekerjaan, 5, _("Menghitung kebutuhan jabatan"))
    rekap = hitung_rekap(periode, unit, periksa=False)
    _catat(pekerjaan, 20, _("Menyusun peta %(n)s jabatan") % {"n": len(rekap.baris)})
    html = peta_jabatan_html(rekap, untuk_cetak=True)
    # About sixty positions a page: good enough for a bar that only moves forward.
    perkiraan = max(1, len(rekap.baris) // 60)

    def per_halaman(n):
        _catat(
            pekerjaan,
            20 + 79 * min(n, perkiraan) // perkiraan,
            _("Menata halaman %(n)s") % {"n": n},
        )

    pdf = render_pdf_dengan_halaman(html, per_halaman)
    nama = f"peta-jabatan-{periode.pk}-{unit_id or 'instansi'}.pdf"
    return nama, pdf, _("PDF peta jabatan siap diunduh.")


def _catat(pekerjaan: PekerjaanLatar, persen: int, pesan: str) -> None:
    PekerjaanLatar.objects.filter(pk=pekerjaan.pk).update(langkah_selesai=persen, pesan=pesan)


@task()
def jalankan_impor(impor_id: int, kering: bool, hanya_sah: bool = False) -> None:
    """Checks (kering) or imports a large workbook, reporting progress per position."""
    from abk.impor.layanan import impor_process
    from abk.models import ImporBuku

    impor = ImporBuku.objects.select_related("pekerjaan").get(pk=impor_id)
    pekerjaan = impor.pekerjaan
    PekerjaanLatar.objects.filter(pk=pekerjaan.pk).update(
        status=PekerjaanLatar.Status.BERJALAN, langkah_total=100
    )

    def progres(selesai, total):
        if selesai % 10 == 0 or selesai == total:
            _catat(
                pekerjaan,
                99 * selesai // max(total, 1),
                _("Jabatan %(selesai)s dari %(total)s") % {"selesai": selesai, "total": total},
            )

    try:
        impor_process(impor=impor, kering=kering, hanya_sah=hanya_sah, progres=progres)
        PekerjaanLatar.objects.filter(pk=pekerjaan.pk).update(
            status=PekerjaanLatar.Status.SELESAI,
            langkah_selesai=100,
            pesan=_("Selesai."),
            selesai=timezone.now(),
        )
    except Exception as e:
        PekerjaanLatar.objects.filter(pk=pekerjaan.pk).update(
            status=PekerjaanLatar.Status.GAGAL,
            pesan=_("Gagal: %(galat)s") % {"galat": e},
            selesai=timezone.now(),
        )
        raise
