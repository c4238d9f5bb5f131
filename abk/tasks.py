"""Background jobs (django-tasks; the database backend's worker runs them)."""

from django.core.files.base import ContentFile
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks import task

from abk.models import Keputusan, PekerjaanLatar

# Share of the progress bar for composing the positions' documents; the rest is layout.
BAGIAN_SUSUN = 30


@task()
def cetak_keputusan(pekerjaan_id: int) -> None:
    from abk.documents import keputusan_html
    from config.dokumen import render_pdf_dengan_halaman

    pekerjaan = PekerjaanLatar.objects.get(pk=pekerjaan_id)
    pekerjaan.status = PekerjaanLatar.Status.BERJALAN
    pekerjaan.langkah_total = 100
    pekerjaan.save(update_fields=["status", "langkah_total"])
    try:
        keputusan = Keputusan.objects.select_related("periode__instansi", "unit").get(
            pk=pekerjaan.parameter["keputusan"]
        )
        jumlah = {"jabatan": 1}

        def susun(selesai, total, pesan):
            jumlah["jabatan"] = total
            _catat(
                pekerjaan,
                BAGIAN_SUSUN * selesai // max(total, 1),
                _("Menyusun %(pesan)s") % {"pesan": pesan},
            )

        html = keputusan_html(keputusan, progres=susun)
        # About four pages per position: good enough for a bar that only moves forward.
        perkiraan = max(10, 4 * jumlah["jabatan"])

        def halaman(n):
            if n % 5 == 0:
                persen = BAGIAN_SUSUN + (99 - BAGIAN_SUSUN) * min(n, perkiraan) // perkiraan
                _catat(pekerjaan, persen, _("Menata halaman %(n)s") % {"n": n})

        pdf = render_pdf_dengan_halaman(html, halaman)
        nama = f"keputusan-abk-{keputusan.unit_id}-{keputusan.periode_id}.pdf"
        pekerjaan.berkas.save(nama, ContentFile(pdf), save=False)
        pekerjaan.status = PekerjaanLatar.Status.SELESAI
        pekerjaan.langkah_selesai = 100
        pekerjaan.pesan = _("PDF keputusan siap diunduh.")
    except Exception as e:  # the user sees why, the worker keeps running
        pekerjaan.status = PekerjaanLatar.Status.GAGAL
        pekerjaan.pesan = _("Gagal menyusun PDF: %(galat)s") % {"galat": e}
        raise
    finally:
        pekerjaan.selesai = timezone.now()
        pekerjaan.save()


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
