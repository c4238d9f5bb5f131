from django.urls import path

from kinerja.sistem_kerja import views

app_name = "tim"

urlpatterns = [
    path("", views.daftar, name="daftar"),
    path("aturan/", views.aturan, name="aturan"),
    path("tim/tambah/", views.tim_ubah, name="tambah"),
    path("tim/<int:pk>/", views.detail, name="detail"),
    path("tim/<int:pk>/ubah/", views.tim_ubah, name="ubah"),
    path("tim/<int:pk>/hapus/", views.tim_hapus, name="hapus"),
    path("tim/<int:pk>/anggota/tambah/", views.anggota_tambah, name="anggota_tambah"),
    path("tim/<int:pk>/instrumen/", views.instrumen, name="instrumen"),
    path("tim/<int:pk>/instrumen.pdf", views.instrumen, {"format": "pdf"}, name="instrumen_pdf"),
    path("penugasan/<int:pk>/ubah/", views.penugasan_ubah, name="penugasan_ubah"),
    path("penugasan/<int:pk>/hapus/", views.penugasan_hapus, name="penugasan_hapus"),
]
