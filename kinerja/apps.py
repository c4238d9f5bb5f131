from django.apps import AppConfig


class KinerjaConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "kinerja"
    verbose_name = "Kinerja dan Sistem Kerja"
    # Run by `manage.py load_demo` (organisasi) in INSTALLED_APPS order.
    demo = "kinerja.demo.muat"
    # Printed by `manage.py render_document <kind>` (organisasi), found here without imports.
    dokumen_cetak = {"lakip": "kinerja.cetak.lakip"}
