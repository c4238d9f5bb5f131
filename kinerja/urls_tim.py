from django.urls import path

from kinerja import views_tim

app_name = "tim"

urlpatterns = [
    path("", views_tim.daftar, name="daftar"),
    path("aturan/", views_tim.aturan, name="aturan"),
    path("tim/tambah/", views_tim.tim_ubah, name="tambah"),
    path("tim/<int:pk>/", views_tim.detail, name="detail"),
    path("tim/<int:pk>/ubah/", views_tim.tim_ubah, name="ubah"),
    path("tim/<int:pk>/hapus/", views_tim.tim_hapus, name="hapus"),
    path("tim/<int:pk>/anggota/tambah/", views_tim.anggota_tambah, name="anggota_tambah"),
    path("tim/<int:pk>/instrumen/", views_tim.instrumen, name="instrumen"),
    path(
        "tim/<int:pk>/instrumen.pdf", views_tim.instrumen, {"format": "pdf"}, name="instrumen_pdf"
    ),
    path("penugasan/<int:pk>/ubah/", views_tim.penugasan_ubah, name="penugasan_ubah"),
    path("penugasan/<int:pk>/hapus/", views_tim.penugasan_hapus, name="penugasan_hapus"),
]
