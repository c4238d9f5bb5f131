from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from anjab import models as m
from anjab.resources import RESOURCE_KATALOG
from organisasi.admin import ImporEksporAdmin


@admin.register(m.Jabatan)
class JabatanAdmin(SimpleHistoryAdmin):
    list_display = ["nama", "jenis", "unit", "kelas_jabatan", "instansi"]
    list_filter = ["instansi", "jenis"]
    search_fields = ["nama"]
    autocomplete_fields = ["unit", "atasan"]


@admin.register(m.Penempatan)
class PenempatanAdmin(SimpleHistoryAdmin):
    list_display = ["pegawai", "jabatan"]
    list_select_related = ["pegawai", "jabatan"]
    list_filter = ["jabatan__instansi"]
    search_fields = ["pegawai__nama", "pegawai__nip", "jabatan__nama"]
    autocomplete_fields = ["pegawai", "jabatan"]


class KatalogAdmin(ImporEksporAdmin, admin.ModelAdmin):
    """A catalogue; each registration below names its own resource."""


for model in [
    m.BakatKerja,
    m.TemperamenKerja,
    m.MinatKerja,
    m.FungsiPekerjaan,
    m.UpayaFisik,
    m.AspekLingkungan,
    m.JabatanPelaksanaRef,
    m.JabatanFungsionalRef,
]:
    admin.site.register(
        model,
        KatalogAdmin,
        resource_classes=[RESOURCE_KATALOG[model]],
        list_display=["kode", "nama", "instansi", "dasar_hukum"],
        list_filter=["instansi"],
        search_fields=["kode", "nama"],
    )


class LevelInline(admin.TabularInline):
    model = m.LevelFaktor
    extra = 0


@admin.register(m.FaktorEvaluasi)
class FaktorEvaluasiAdmin(admin.ModelAdmin):
    list_display = ["kode", "nama", "jenis", "tabel"]
    list_filter = ["tabel", "jenis"]
    inlines = [LevelInline]


class RentangInline(admin.TabularInline):
    model = m.RentangKelas
    extra = 0


@admin.register(m.TabelEvaluasi)
class TabelEvaluasiAdmin(admin.ModelAdmin):
    list_display = ["versi", "dasar_hukum", "aktif"]
    inlines = [RentangInline]
