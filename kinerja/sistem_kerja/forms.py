from django import forms

from kinerja.models import AturanSistemKerja, IndikatorPK, Penugasan, TimKerja
from organisasi.forms import UnitChoiceField
from organisasi.models import PangkatGolongan, Pegawai, UnitOrganisasi

TANGGAL = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class IndikatorChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        pk = obj.perjanjian
        return f"{pk.tahun} · {pk.renstra.unit.nama} · {obj.indikator.uraian}"


class TimForm(forms.ModelForm):
    unit = UnitChoiceField(label="Unit pemilik kinerja", queryset=UnitOrganisasi.objects.none())
    indikator = IndikatorChoiceField(
        label="Indikator Perjanjian Kinerja",
        queryset=IndikatorPK.objects.none(),
        required=False,
        empty_label="(tanpa indikator: isi target di bawah)",
    )

    class Meta:
        model = TimKerja
        fields = [
            "nama",
            "unit",
            "mulai",
            "selesai",
            "indikator",
            "target",
            "pejabat_penilai",
            "nomor",
            "tanggal",
            "dasar",
            "memperhatikan",
            "penanggung_jawab",
            "tugas_penanggung_jawab",
            "tugas_ketua",
            "tugas_anggota",
            "penandatangan",
            "penandatangan_nama",
            "penandatangan_pangkat",
            "penandatangan_nip",
        ]
        widgets = {
            "mulai": TANGGAL,
            "selesai": TANGGAL,
            "tanggal": TANGGAL,
            "target": forms.Textarea(attrs={"rows": 3}),
            "dasar": forms.Textarea(attrs={"rows": 3}),
            "memperhatikan": forms.Textarea(attrs={"rows": 2}),
            "tugas_penanggung_jawab": forms.Textarea(attrs={"rows": 3}),
            "tugas_ketua": forms.Textarea(attrs={"rows": 3}),
            "tugas_anggota": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, units, indikator, pegawai, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units
        self.fields["indikator"].queryset = indikator
        # the signer and the penanggung jawab: pegawai the user may see (pegawai_for_user)
        pegawai = pegawai.select_related("unit")
        for nama in ("penanggung_jawab", "penandatangan"):
            field = self.fields[nama]
            self.fields[nama] = PegawaiChoiceField(
                label=field.label, help_text=field.help_text, required=False,
                queryset=pegawai.order_by("nama"), empty_label="(pilih)",
            )  # fmt: skip

    def clean(self):
        data = super().clean()
        if data.get("mulai") and data.get("selesai") and data["selesai"] < data["mulai"]:
            self.add_error("selesai", "Tanggal selesai sebelum tanggal mulai.")
        return data


class PegawaiChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        unit = f" – {obj.unit.nama}" if obj.unit_id else ""
        return f"{obj.nama_lengkap} ({obj.nip}){unit}"


class PenugasanForm(forms.ModelForm):
    """A member: a pegawai chosen from the list, or someone from another instansi typed in."""

    FIELDS_LUAR = ["nama_luar", "nip_luar", "instansi_luar", "unit_luar", "jabatan_luar"]

    pegawai = PegawaiChoiceField(
        label="Pegawai", queryset=Pegawai.objects.none(), required=False, empty_label="(pilih)"
    )

    class Meta:
        model = Penugasan
        fields = [
            "pegawai",
            "nama_luar",
            "nip_luar",
            "instansi_luar",
            "unit_luar",
            "jabatan_luar",
            "kedudukan",
            "jenis",
            "mulai",
            "selesai",
        ]
        widgets = {"mulai": TANGGAL, "selesai": TANGGAL}
        help_texts = {"mulai": "Dikosongkan: mengikuti masa tim."}

    def __init__(self, *args, pegawai, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["pegawai"].queryset = pegawai
        self.fields["mulai"].required = False
        self.fields["selesai"].required = False
        self.fields["selesai"].help_text = "Dikosongkan: mengikuti masa tim."

    @property
    def field_luar(self):
        return [self[name] for name in self.FIELDS_LUAR]

    @property
    def field_penugasan(self):
        return [self[name] for name in ("kedudukan", "jenis", "mulai", "selesai")]

    def clean(self):
        data = super().clean()
        ada_luar = bool((data.get("nama_luar") or "").strip())
        if data.get("pegawai") and ada_luar:
            raise forms.ValidationError(
                "Pilih pegawai atau isi anggota dari instansi lain, tidak keduanya."
            )
        if not data.get("pegawai") and not ada_luar:
            raise forms.ValidationError("Pilih pegawai, atau isi nama anggota dari instansi lain.")
        if ada_luar and not (data.get("instansi_luar") or "").strip():
            self.add_error("instansi_luar", "Isi instansi asal anggota dari instansi lain.")
        if data.get("mulai") and data.get("selesai") and data["selesai"] < data["mulai"]:
            self.add_error("selesai", "Tanggal selesai sebelum tanggal mulai.")
        return data


class AturanForm(forms.ModelForm):
    ketua_golongan_minimal = forms.ChoiceField(label="Golongan minimal ketua tim", choices=())

    class Meta:
        model = AturanSistemKerja
        fields = [
            "maks_penugasan_per_tahun",
            "maks_bulan_dalam_unit",
            "maks_bulan_lintas",
            "ketua_pendidikan_minimal",
            "ketua_golongan_minimal",
            "ketua_predikat_minimal",
            "ketua_pengalaman_tahun",
            "dasar_hukum",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["ketua_golongan_minimal"].choices = [
            (g.kode, str(g))
            for g in PangkatGolongan.objects.filter(jenis_asn=PangkatGolongan.JenisAsn.PNS)
        ]
