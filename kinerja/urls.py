from django.urls import path

from kinerja import views, views_renstra

app_name = "kinerja"

urlpatterns = [
    path("", views.daftar, name="daftar"),
    path("renstra/<int:pk>/", views.renstra, name="renstra"),
    path("renstra/baru/", views_renstra.renstra_form, name="renstra_baru"),
    path("renstra/<int:pk>/ubah/", views_renstra.renstra_form, name="renstra_ubah"),
    path("renstra/<int:pk>/struktur/", views_renstra.struktur, name="struktur"),
    path(
        "renstra/<int:pk>/struktur/<slug:jenis>/baru/",
        views_renstra.bagian_form,
        name="bagian_baru",
    ),
    path(
        "renstra/<int:pk>/struktur/<slug:jenis>/<int:obj_pk>/",
        views_renstra.bagian_form,
        name="bagian_ubah",
    ),
    path("renstra/<int:pk>/anggaran/<int:tahun>/", views_renstra.anggaran, name="anggaran"),
    path("renstra/<int:pk>/pk/susun/", views_renstra.perjanjian_susun, name="perjanjian_susun"),
    path("renstra/<int:pk>/pk/<int:pk_id>/", views_renstra.perjanjian, name="perjanjian"),
    path(
        "renstra/<int:pk>/pk/<int:pk_id>/perubahan/",
        views_renstra.perjanjian_perubahan,
        name="perjanjian_perubahan",
    ),
    path(
        "renstra/<int:pk>/realisasi/<int:indikator_pk>/",
        views.realisasi_simpan,
        name="realisasi_simpan",
    ),
    path("renstra/<int:pk>/lakip/<int:tahun>/", views.lakip, name="lakip"),
    path("renstra/<int:pk>/lakip/<int:tahun>/dokumen/", views.lakip_dokumen, name="lakip_dokumen"),
    path(
        "renstra/<int:pk>/lakip/<int:tahun>/lakip.pdf",
        views.lakip_dokumen,
        {"format": "pdf"},
        name="lakip_pdf",
    ),
    path("renstra/<int:pk>/pk/<int:pk_id>/pdf/", views.pk_dokumen, name="pk_pdf"),
]
