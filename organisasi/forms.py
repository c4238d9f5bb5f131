import re

from django import forms

from organisasi.models import Instansi, PangkatGolongan, Pegawai, UnitOrganisasi
from organisasi.nip import normalisasi_nip
from organisasi.validators import periksa_logo


def baris(teks: str) -> list[str]:
    """One item per non-empty line, with list letters/numbers people paste ("a.", "1)") removed."""
    items = []
    for line in (teks or "").splitlines():
        line = re.sub(r"^\s*(?:[-•]\s*)?(?:[a-z]{1,2}|\d{1,3})[.)]\s+", "", line.strip())
        line = re.sub(r"\s*(?:;\s*dan|;|\.)\s*$", "", line).strip()
        if line:
            items.append(line)
    return items


def label_bertingkat(unit) -> str:
    """A unit's name indented by its depth in the tree ("— — Sub Bagian Umum")."""
    return f"{'— ' * getattr(unit, 'tree_depth', 0)}{unit.nama}"


class UnitChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return label_bertingkat(obj)


def pilihan_unit_bertingkat(field, nodes, units) -> None:
    """Gives a unit choice field the units of ``nodes`` (a tree walk) that are also in the
    queryset ``units``, in tree order and indented."""
    field.queryset = units.filter(pk__in=[n.pk for n in nodes])
    field.choices = [
        *([("", field.empty_label)] if field.empty_label is not None else []),
        *((n.pk, label_bertingkat(n)) for n in nodes),
    ]


class UnitForm(forms.ModelForm):
    fungsi = forms.CharField(
        label="Fungsi",
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text="Satu fungsi per baris, sesuai urutan.",
    )
    uraian_tugas = forms.CharField(
        label="Uraian tugas",
        required=False,
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text="Satu uraian tugas per baris, sesuai urutan.",
    )

    class Meta:
        model = UnitOrganisasi
        fields = [
            "nama",
            "singkatan",
            "jenis",
            "eselon",
            "urutan",
            "jabatan_kepala",
            "tugas_pokok",
            "alamat",
        ]
        widgets = {"tugas_pokok": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["urutan"].required = False
        if self.instance.pk:
            self.initial["fungsi"] = "\n".join(f.teks for f in self.instance.fungsi.all())
            self.initial["uraian_tugas"] = "\n".join(
                u.teks for u in self.instance.uraian_tugas.all()
            )

    def data_unit(self) -> dict:
        data = {k: self.cleaned_data[k] for k in self.Meta.fields}
        data["urutan"] = data["urutan"] or 0
        data["fungsi"] = baris(self.cleaned_data["fungsi"])
        data["uraian_tugas"] = baris(self.cleaned_data["uraian_tugas"])
        return data


class PindahUnitForm(forms.Form):
    parent = UnitChoiceField(
        label="Pindahkan ke bawah unit",
        queryset=UnitOrganisasi.objects.none(),
        required=False,
        empty_label="(tingkat teratas instansi)",
    )

    def __init__(self, *args, pilihan, boleh_akar: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["parent"].queryset = pilihan
        self.fields["parent"].required = not boleh_akar
        if not boleh_akar:
            self.fields["parent"].empty_label = None


class PegawaiForm(forms.ModelForm):
    # Wider than 18: people type NIPs with the printed spaces; clean_nip strips them.
    nip = forms.CharField(
        label="NIP",
        max_length=30,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
        help_text="18 angka; spasi boleh, misalnya 19850615 201001 1 003.",
    )
    unit = UnitChoiceField(label="Unit kerja", queryset=UnitOrganisasi.objects.none())

    class Meta:
        model = Pegawai
        fields = [
            "nip",
            "gelar_depan",
            "nama",
            "gelar_belakang",
            "status",
            "golongan",
            "pendidikan",
            "jurusan",
            "unit",
            "tmt",
            "tanggal_lahir",
            "predikat_kinerja",
            "pengalaman_bidang_tahun",
        ]
        widgets = {
            "tmt": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "tanggal_lahir": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units
        self.fields["golongan"].queryset = PangkatGolongan.objects.all()
        self.fields["golongan"].required = False

    def clean_nip(self):
        nip = normalisasi_nip(self.cleaned_data["nip"])
        qs = Pegawai.objects.filter(instansi_id=self.instance.instansi_id, nip=nip)
        if self.instance.pk:
            qs = qs.exclude(pk=self.instance.pk)
        if self.instance.instansi_id and qs.exists():
            raise forms.ValidationError("NIP ini sudah terdaftar pada instansi Anda.")
        return nip


class LogoField(forms.ImageField):
    """Size and pixel size are checked from the header before Django opens the image, so a
    decompression bomb gets the same message as any logo that is too large."""

    def to_python(self, data):
        if data not in self.empty_values and hasattr(data, "size"):
            pesan = periksa_logo(data)
            if pesan:
                raise forms.ValidationError(pesan, code="logo_tidak_sah")
        return super().to_python(data)


class InstansiForm(forms.ModelForm):
    class Meta:
        model = Instansi
        fields = [
            "nama",
            "jenis",
            "nama_daerah",
            "wilayah",
            "jabatan_kepala",
            "ibu_kota",
            "alamat",
            "logo",
        ]
        field_classes = {"logo": LogoField}
        widgets = {"logo": forms.ClearableFileInput(attrs={"accept": "image/png,image/jpeg"})}


class FilterPegawaiForm(forms.Form):
    q = forms.CharField(label="Cari nama atau NIP", required=False)
    unit = UnitChoiceField(
        label="Unit kerja (termasuk sub-unit)",
        queryset=UnitOrganisasi.objects.none(),
        required=False,
        empty_label="Semua unit",
    )
    status = forms.ChoiceField(
        label="Status", choices=[("", "Semua status"), *Pegawai.Status.choices], required=False
    )
    golongan = forms.ModelChoiceField(
        label="Golongan",
        queryset=PangkatGolongan.objects.all(),
        required=False,
        empty_label="Semua golongan",
    )

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units
