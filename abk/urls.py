from django.urls import path

from abk import views

app_name = "abk"

urlpatterns = [
    path("", views.rekap, name="rekap"),
    path("kualitas/", views.kualitas, name="kualitas"),
    path("peta/", views.peta, name="peta"),
    path("peta.pdf", views.peta, {"format": "pdf"}, name="peta_pdf"),
    path("periode/", views.periode_daftar, name="periode_daftar"),
    path("periode/tambah/", views.periode_ubah, name="periode_tambah"),
    path("periode/<int:pk>/ubah/", views.periode_ubah, name="periode_ubah"),
    path("periode/<int:pk>/salin/", views.periode_salin, name="periode_salin"),
    path("keputusan/", views.keputusan, name="keputusan"),
    path("keputusan/cetak/", views.keputusan_cetak, name="keputusan_cetak"),
    path("pekerjaan/<int:pk>/", views.pekerjaan, name="pekerjaan"),
    path("pekerjaan/<int:pk>/unduh/", views.pekerjaan_unduh, name="pekerjaan_unduh"),
]
