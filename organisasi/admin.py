from django.contrib import admin
from import_export.admin import ImportExportMixin
from import_export.formats.base_formats import CSV
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
from organisasi.resources import PegawaiResource, UnitResource
from organisasi.spreadsheets import XLSXAman


class ImporEksporAdmin(ImportExportMixin):
    """Import/export buttons for superusers only: the files cross instansi (an Instansi column
    says whose row it is), which only the platform operator may do."""

    formats = [XLSXAman, CSV]

    def has_import_permission(self, request):
        return request.user.is_superuser

    def has_export_permission(self, request):
        return request.user.is_superuser


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
class UnitOrganisasiAdmin(TreeAdmin, ImporEksporAdmin, SimpleHistoryAdmin):
    # TreeAdmin first: ImportExportMixin hands extra_context on positionally, which
    # TreeAdmin.changelist_view (keyword arguments only) would refuse.
    resource_classes = [UnitResource]
    position_field = "urutan"
    list_display = [*TreeAdmin.list_display, "jenis", "eselon", "instansi"]
    list_filter = ["instansi", "jenis"]
    search_fields = ["nama"]
    inlines = [FungsiInline, UraianTugasInline]


@admin.register(Pegawai)
class PegawaiAdmin(ImporEksporAdmin, SimpleHistoryAdmin):
    resource_classes = [PegawaiResource]
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
