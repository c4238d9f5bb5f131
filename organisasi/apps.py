from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrganisasiConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "organisasi"
    verbose_name = _("Organisasi dan Kepegawaian")
    # Run by `manage.py load_demo` (organisasi) in INSTALLED_APPS order.
    demo = "organisasi.demo.muat"

    def ready(self):
        from organisasi import pencarian, perluasan

        perluasan.daftarkan_pencarian(pencarian.cari_organisasi)

        # Django's Indonesian "Bidang ini tidak boleh kosong." reads as a unit kind (a Bidang)
        # on these screens; every empty required field says "Wajib diisi." instead.
        from django import forms
        from django.db import models

        forms.Field.default_error_messages = {
            **forms.Field.default_error_messages,
            "required": _("Wajib diisi."),
        }
        models.Field.default_error_messages = {
            **models.Field.default_error_messages,
            "blank": _("Wajib diisi."),
            "null": _("Wajib diisi."),
        }
