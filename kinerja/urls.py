from django.urls import path

from kinerja import views

app_name = "kinerja"

urlpatterns = [
    path("", views.daftar, name="daftar"),
    path("renstra/<int:pk>/", views.renstra, name="renstra"),
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
