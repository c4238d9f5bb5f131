from django.urls import path

from anjab import katalog, views

app_name = "anjab"

urlpatterns = [
    path("", views.daftar, name="daftar"),
    path("katalog/", katalog.katalog_index, name="katalog"),
    path("katalog/<slug:slug>/", katalog.katalog_daftar, name="katalog_daftar"),
    path("katalog/<slug:slug>/<int:pk>/ubah/", katalog.katalog_ubah, name="katalog_ubah"),
    path("unit/<int:unit_pk>/tambah/", views.jabatan_create, name="jabatan_create"),
    path("jabatan/<int:pk>/", views.jabatan_detail, name="jabatan_detail"),
    path("jabatan/<int:pk>/ubah/<slug:slug>/", views.jabatan_bagian, name="jabatan_bagian"),
    path("jabatan/<int:pk>/hitung/", views.jabatan_hitung, name="jabatan_hitung"),
    path("jabatan/<int:pk>/salin/", views.jabatan_salin, name="jabatan_salin"),
    path("jabatan/<int:pk>/hapus/", views.jabatan_hapus, name="jabatan_hapus"),
    path("jabatan/<int:pk>/evaluasi/", views.jabatan_evaluasi, name="jabatan_evaluasi"),
    path("jabatan/<int:pk>/dokumen/<slug:jenis>/", views.dokumen, name="dokumen"),
    path(
        "jabatan/<int:pk>/dokumen/<slug:jenis>.pdf",
        views.dokumen,
        {"format": "pdf"},
        name="dokumen_pdf",
    ),
    path(
        "jabatan/<int:pk>/dokumen/<slug:jenis>.docx",
        views.dokumen,
        {"format": "docx"},
        name="dokumen_docx",
    ),
]
