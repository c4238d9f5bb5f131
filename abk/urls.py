from django.urls import path

from abk import views, views_impor, views_siasn

app_name = "abk"

urlpatterns = [
    path("", views.rekap, name="rekap"),
    path("kualitas/", views.kualitas, name="kualitas"),
    path("koreksi.pdf", views.laporan_koreksi, name="laporan_koreksi"),
    path("koreksi.xlsx", views.laporan_koreksi, {"format": "xlsx"}, name="laporan_koreksi_xlsx"),
    path("koreksi.docx", views.laporan_koreksi, {"format": "docx"}, name="laporan_koreksi_docx"),
    path("peta/", views.peta, name="peta"),
    path("peta.pdf", views.peta, {"format": "pdf"}, name="peta_pdf"),
    path("peta/cetak/", views.peta_cetak, name="peta_cetak"),
    path("periode/", views.periode_daftar, name="periode_daftar"),
    path("periode/tambah/", views.periode_ubah, name="periode_tambah"),
    path("periode/mulai/", views.periode_mulai, name="periode_mulai"),
    path("periode/<int:pk>/ubah/", views.periode_ubah, name="periode_ubah"),
    path("periode/<int:pk>/salin/", views.periode_salin, name="periode_salin"),
    path("keputusan/", views.keputusan, name="keputusan"),
    path("keputusan/cetak/", views.keputusan_cetak, name="keputusan_cetak"),
    path("impor/", views_impor.impor_daftar, name="impor_daftar"),
    path("impor/<int:pk>/", views_impor.impor_detail, name="impor_detail"),
    path("impor/<int:pk>/berkas/", views_impor.impor_berkas, name="impor_berkas"),
    path("impor/templat.xlsx", views_impor.templat, name="impor_templat"),
    path("ekspor/jabatan.xlsx", views_impor.ekspor_jabatan, name="ekspor_jabatan"),
    path("ekspor/rekap.xlsx", views_impor.ekspor_rekap, name="ekspor_rekap"),
    path("ekspor/siasn.zip", views_siasn.siasn_unit, name="ekspor_siasn_unit"),
    path("siasn/jabatan/<int:pk>/", views_siasn.siasn_jabatan, name="siasn_jabatan"),
    path("pekerjaan/<int:pk>/", views.pekerjaan, name="pekerjaan"),
    path("pekerjaan/<int:pk>/unduh/", views.pekerjaan_unduh, name="pekerjaan_unduh"),
]
