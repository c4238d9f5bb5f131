from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from kinerja import models as m


class TujuanInline(admin.TabularInline):
    model = m.Tujuan
    extra = 0


@admin.register(m.Renstra)
class RenstraAdmin(SimpleHistoryAdmin):
    list_display = ["unit", "tahun_awal", "tahun_akhir"]
    inlines = [TujuanInline]


class TargetInline(admin.TabularInline):
    model = m.TargetIndikator
    extra = 0


@admin.register(m.Indikator)
class IndikatorAdmin(SimpleHistoryAdmin):
    list_display = ["uraian", "sasaran", "satuan", "arah"]
    inlines = [TargetInline]


for model in [
    m.Sasaran,
    m.Program,
    m.Kegiatan,
    m.Anggaran,
    m.Realisasi,
    m.Lakip,
    m.AturanSistemKerja,
    m.TimKerja,
    m.Penugasan,
]:
    admin.site.register(model)


class IndikatorPKInline(admin.TabularInline):
    model = m.IndikatorPK
    extra = 0


class ProgramPKInline(admin.TabularInline):
    model = m.ProgramPK
    extra = 0


@admin.register(m.PerjanjianKinerja)
class PerjanjianKinerjaAdmin(SimpleHistoryAdmin):
    list_display = ["renstra", "tahun", "jenis"]
    inlines = [IndikatorPKInline, ProgramPKInline]
