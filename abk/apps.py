from django.apps import AppConfig


class AbkConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "abk"
    verbose_name = "Analisis Beban Kerja"
