"""The position an employee holds, plugged into organisasi's screens (organisasi.perluasan):
the "Jabatan yang diduduki" choice on the pegawai form, and the position's name wherever another
app lists employees (a Surat Tugas's members). Registered from AnjabConfig.ready."""

from django import forms
from django.utils.translation import gettext

from anjab import services
from anjab.models import Penempatan
from anjab.selectors import jabatan_for_user
from organisasi.perluasan import IsianPegawai, daftarkan_isian_pegawai, daftarkan_nama_jabatan

ISIAN = "jabatan"


class JabatanDidudukiField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        # Many positions share a name ("Penelaah Teknis Kebijakan"): the unit tells them apart.
        return f"{obj.nama} — {obj.unit.nama}"


def tambah_isian(form, user, pegawai) -> None:
    pilihan = jabatan_for_user(user).select_related("unit")
    if pegawai.instansi_id:
        pilihan = pilihan.filter(instansi_id=pegawai.instansi_id)
    awal = None
    if pegawai.pk:
        awal = (
            Penempatan.objects.filter(pegawai_id=pegawai.pk).values_list("jabatan_id", flat=True)
        ).first()
    field = JabatanDidudukiField(
        label=gettext("Jabatan yang diduduki"),
        queryset=pilihan.order_by("unit__nama", "-kepala_unit", "urutan"),
        required=False,
        initial=awal,
        help_text=gettext("Pemangku yang ditautkan dihitung sebagai bezetting jabatan itu."),
        error_messages={
            "invalid_choice": gettext(
                "Pilih jabatan dari daftar: jabatan di luar unit kerja yang Anda kelola tidak "
                "dapat dipilih."
            )
        },
    )
    # Right after the unit, where an analyst looks for it.
    isian = list(form.fields.items())
    letak = next((i + 1 for i, (nama, _) in enumerate(isian) if nama == "unit"), len(isian))
    isian.insert(letak, (ISIAN, field))
    form.fields = dict(isian)


def simpan_isian(pegawai, data: dict) -> None:
    if ISIAN in data:
        services.penempatan_set(pegawai=pegawai, jabatan=data[ISIAN])


def nama_jabatan(pegawai_ids) -> dict[int, str]:
    return dict(
        Penempatan.objects.filter(pegawai_id__in=pegawai_ids).values_list(
            "pegawai_id", "jabatan__nama"
        )
    )


def daftarkan() -> None:
    daftarkan_isian_pegawai(IsianPegawai(tambah=tambah_isian, simpan=simpan_isian))
    daftarkan_nama_jabatan(nama_jabatan)
