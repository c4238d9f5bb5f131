from django.apps import AppConfig


class OrganisasiConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "organisasi"
    verbose_name = "Organisasi dan Kepegawaian"
    # Run by `manage.py load_demo` (organisasi) in INSTALLED_APPS order.
    demo = "organisasi.demo.muat"
