from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrganisasiConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "organisasi"
    verbose_name = _("Organisasi dan Kepegawaian")
    # Run by `manage.py load_demo` (organisasi) in INSTALLED_APPS order.
    demo = "organisasi.demo.muat"
