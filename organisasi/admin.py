from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin
from tree_queries.admin import TreeAdmin

from organisasi.models import (
    AksesPengguna,
    FungsiUnit,
    Instansi,
    PangkatGolongan,
    Pegawai,
    UnitOrganisasi,
    UraianTugasUnit,
)


@admin.register(Instansi)
class InstansiAdmin(SimpleHistoryAdmin):
    list_display = ["nama", "jenis", "wilayah", "jabatan_kepala"]
    search_fields = ["nama"]


class FungsiInline(admin.TabularInline):
    model = FungsiUnit
    extra = 0


class UraianTugasInline(admin.TabularInline):
    model = UraianTugasUnit
    extra = 0


@admin.register(UnitOrganisasi)
class UnitOrganisasiAdmin(TreeAdmin, SimpleHistoryAdmin):
    position_field = "urutan"
    list_display = [*TreeAdmin.list_display, "jenis", "eselon", "instansi"]
    list_filter = ["instansi", "jenis"]
    search_fields = ["nama"]
    inlines = [FungsiInline, UraianTugasInline]


@admin.register(Pegawai)
class PegawaiAdmin(SimpleHistoryAdmin):
    list_display = ["nama", "nip", "status", "golongan", "unit", "instansi"]
    list_filter = ["instansi", "status"]
    search_fields = ["nama", "nip"]
    autocomplete_fields = ["unit"]


@admin.register(PangkatGolongan)
class PangkatGolonganAdmin(admin.ModelAdmin):
    list_display = ["kode", "pangkat", "jenis_asn", "urutan"]
    list_filter = ["jenis_asn"]


@admin.register(AksesPengguna)
class AksesPenggunaAdmin(admin.ModelAdmin):
    list_display = ["user", "instansi", "unit"]
    list_filter = ["instansi"]
    autocomplete_fields = ["unit"]
