from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from abk import models as m
from anjab import services
from anjab.models import PeriodeAnalisis


@admin.register(PeriodeAnalisis)
class PeriodeAnalisisAdmin(SimpleHistoryAdmin):
    list_display = ["nama", "instansi", "tahun", "waktu_efektif_menit", "pembulatan"]
    list_filter = ["instansi"]

    def save_model(self, request, obj, form, change):
        # Through the service, so tasks counted per day/week/month follow a changed factor.
        services.periode_update(periode=obj)


@admin.register(m.DeklarasiJabatan)
class DeklarasiJabatanAdmin(admin.ModelAdmin):
    list_display = ["jabatan", "periode", "kebutuhan", "jumlah_pegawai", "sumber"]
    list_filter = ["periode"]
    search_fields = ["jabatan__nama"]


@admin.register(m.Keputusan)
class KeputusanAdmin(SimpleHistoryAdmin):
    list_display = ["unit", "periode", "nomor", "tanggal"]


@admin.register(m.PekerjaanLatar)
class PekerjaanLatarAdmin(admin.ModelAdmin):
    list_display = ["judul", "jenis", "status", "langkah_selesai", "dibuat", "selesai"]
    list_filter = ["jenis", "status"]


@admin.register(m.SinonimKolom)
class SinonimKolomAdmin(admin.ModelAdmin):
    list_display = ["sinonim", "kolom", "instansi"]
    list_filter = ["kolom", "instansi"]
    search_fields = ["sinonim"]


@admin.register(m.SinonimJenisJabatan)
class SinonimJenisJabatanAdmin(admin.ModelAdmin):
    list_display = ["kata", "jenis", "instansi"]
    list_filter = ["jenis", "instansi"]
    search_fields = ["kata"]


@admin.register(m.PemetaanKolom)
class PemetaanKolomAdmin(admin.ModelAdmin):
    list_display = ["nama", "instansi", "dibuat"]


@admin.register(m.ImporBuku)
class ImporBukuAdmin(admin.ModelAdmin):
    list_display = ["nama_berkas", "instansi", "unit", "periode", "status", "dibuat"]
    list_filter = ["status", "instansi"]
