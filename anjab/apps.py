from django.apps import AppConfig


class AnjabConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "anjab"
    verbose_name = "Analisis Jabatan"
    # Run by `manage.py load_demo` (organisasi) in INSTALLED_APPS order.
    demo = "anjab.demo.muat"
    # Printed by `manage.py render_document <kind>` (organisasi), found here without imports.
    dokumen_cetak = {
        "informasi-jabatan": "anjab.cetak.informasi_jabatan",
        "evaluasi-jabatan": "anjab.cetak.evaluasi_jabatan",
    }
    # Other formats than PDF, chosen by the --out extension: kind → extension → bytes.
    dokumen_berkas = {"informasi-jabatan": {".docx": "anjab.cetak.informasi_jabatan_docx"}}

    def ready(self):
        from anjab import pencarian, penempatan, pertukaran, tugas_kepala

        pencarian.daftarkan()
        pertukaran.daftarkan()
        penempatan.daftarkan()
        tugas_kepala.daftarkan()
