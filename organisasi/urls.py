from django.urls import path

from organisasi import views, views_auth, views_pertukaran

app_name = "organisasi"

urlpatterns = [
    path("", views.beranda, name="beranda"),
    path("cari/", views.cari, name="cari"),
    path("organisasi/", views.unit_tree, name="unit_tree"),
    path("organisasi/unit/tambah/", views.unit_create, name="unit_create"),
    path("organisasi/unit/<int:pk>/", views.unit_detail, name="unit_detail"),
    path("organisasi/unit/<int:pk>/ubah/", views.unit_update, name="unit_update"),
    path("organisasi/unit/<int:pk>/pindah/", views.unit_move, name="unit_move"),
    path("organisasi/unit/<int:pk>/hapus/", views.unit_delete, name="unit_delete"),
    path("pegawai/", views.pegawai_list, name="pegawai_list"),
    path("pegawai/tambah/", views.pegawai_create, name="pegawai_create"),
    path("pegawai/<int:pk>/", views.pegawai_detail, name="pegawai_detail"),
    path("pegawai/<int:pk>/ubah/", views.pegawai_update, name="pegawai_update"),
    path("pegawai/<int:pk>/hapus/", views.pegawai_delete, name="pegawai_delete"),
    path("instansi/<int:pk>/ubah/", views.instansi_update, name="instansi_update"),
    path("unduh-unggah/<slug:jenis>/", views_pertukaran.pertukaran, name="pertukaran"),
    path(
        "unduh-unggah/<slug:jenis>/unduh/",
        views_pertukaran.pertukaran_unduh,
        name="pertukaran_unduh",
    ),
    path("akun/kata-sandi/", views_auth.ganti_sandi, name="ganti_sandi"),
]
