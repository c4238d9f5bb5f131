from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AbkConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "abk"
    verbose_name = _("Analisis Beban Kerja")
    # Run by `manage.py load_demo` (organisasi) in INSTALLED_APPS order.
    demo = "abk.demo.muat"
    # Printed by `manage.py render_document <kind>` (organisasi), found here without imports.
    dokumen_cetak = {
        "keputusan": "abk.cetak.keputusan",
        "laporan-koreksi": "abk.cetak.laporan_koreksi",
        "peta-jabatan": "abk.cetak.peta_jabatan",
    }
    # Other formats than PDF, chosen by the --out extension: kind → extension → bytes.
    dokumen_berkas = {
        # the decree's PDF in parts (bounded memory) rather than one HTML document
        "keputusan": {".pdf": "abk.cetak.keputusan_pdf", ".docx": "abk.cetak.keputusan_docx"},
        "laporan-koreksi": {
            ".xlsx": "abk.cetak.laporan_koreksi_xlsx",
            ".docx": "abk.cetak.laporan_koreksi_docx",
        },
    }

    def ready(self):
        from django.core import checks

        from abk import beranda
        from abk.storage import check_private_root

        checks.register(check_private_root, checks.Tags.security)
        beranda.daftarkan()
