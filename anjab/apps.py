from django.apps import AppConfig


class AnjabConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "anjab"
    verbose_name = "Analisis Jabatan"
