from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KinerjaConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "kinerja"
    verbose_name = _("Kinerja dan Sistem Kerja")
    # Run by `manage.py load_demo` (organisasi) in INSTALLED_APPS order.
    demo = "kinerja.demo.muat"
    # Printed by `manage.py render_document <kind>` (organisasi), found here without imports.
    dokumen_cetak = {"lakip": "kinerja.cetak.lakip"}
