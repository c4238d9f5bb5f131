from decimal import Decimal

from django import forms
from django.forms import BaseInlineFormSet, inlineformset_factory
from django.utils.translation import gettext_lazy

from anjab import models as m
from anjab.calculations import volume_per_tahun
from anjab.models.jabatan import SatuanVolume
from organisasi.formatting import angka_ringkas
from organisasi.pilihan_tetap import BarisTerbaca

# Long texts in table rows: a two-line textarea keeps rows compact yet shows the words.
_TEKS = forms.Textarea(attrs={"rows": 2})


class AngkaInput(forms.NumberInput):
    """A number box that shows 12 rather than 12.00 (the stored Decimal's places)."""

    def __init__(self, attrs=None):
        super().__init__({"step": "any", "min": "0", **(attrs or {})})

    def format_value(self, value):
        if isinstance(value, Decimal):
            value = value.normalize()
            return f"{value:f}"
        return super().format_value(value)


class PilihanAtasan(forms.ModelChoiceField):
    """A superior named with its unit: "Penelaah Teknis Kebijakan" is seven positions."""

    def label_from_instance(self, obj):
        return f"{obj.nama} — {obj.unit.nama}"


class JabatanUmumForm(forms.ModelForm):
    class Meta:
        model = m.Jabatan
        fields = [
            "nama",
            "kode",
            "jenis",
            "jenjang",
            "jabatan_fungsional",
            "jabatan_pelaksana",
            "kepala_unit",
            "atasan",
            "urutan",
            "ikhtisar",
            "kelas_jabatan",
            "bezetting_diisi",
        ]
        widgets = {"ikhtisar": forms.Textarea(attrs={"rows": 4})}
        field_classes = {"atasan": PilihanAtasan}

    def __init__(self, *args, atasan_qs, katalog, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["atasan"].queryset = atasan_qs
        if "jabatan_fungsional" in self.fields:
            self.fields["jabatan_fungsional"].queryset = katalog(m.JabatanFungsionalRef)
            self.fields["jabatan_pelaksana"].queryset = katalog(m.JabatanPelaksanaRef)
        if "urutan" in self.fields:
            self.fields["urutan"].required = False
            self.fields["urutan"].help_text = "Urutan pada daftar informasi jabatan unit."


class JabatanBaruForm(JabatanUmumForm):
    class Meta(JabatanUmumForm.Meta):
        fields = ["nama", "jenis", "jenjang", "kepala_unit", "atasan", "ikhtisar", "kelas_jabatan"]


class SyaratForm(forms.ModelForm):
    class Meta:
        model = m.Jabatan
        fields = ["syarat_pendidikan", "syarat_pengalaman"]
        widgets = {
            "syarat_pendidikan": forms.Textarea(attrs={"rows": 2}),
            "syarat_pengalaman": forms.Textarea(attrs={"rows": 2}),
        }


class HasilKerjaJenisForm(forms.ModelForm):
    class Meta:
        model = m.Jabatan
        fields = ["kolom_hasil_kerja"]
        widgets = {"kolom_hasil_kerja": forms.RadioSelect}


class SyaratLainForm(forms.ModelForm):
    class Meta:
        model = m.Jabatan
        fields = [
            "bakat",
            "temperamen",
            "minat",
            "upaya_fisik",
            "fungsi_pekerjaan",
            "jenis_kelamin",
            "umur",
            "tinggi_badan",
            "berat_badan",
            "postur_badan",
            "penampilan",
            "prestasi_kerja",
        ]
        widgets = {
            name: forms.CheckboxSelectMultiple
            for name in ["bakat", "temperamen", "minat", "upaya_fisik", "fungsi_pekerjaan"]
        }

    def __init__(self, *args, katalog, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["bakat"].queryset = katalog(m.BakatKerja)
        self.fields["temperamen"].queryset = katalog(m.TemperamenKerja)
        self.fields["minat"].queryset = katalog(m.MinatKerja)
        self.fields["upaya_fisik"].queryset = katalog(m.UpayaFisik)
        self.fields["fungsi_pekerjaan"].queryset = katalog(m.FungsiPekerjaan).order_by(
            "kelompok", "kode"
        )


class KondisiLingkunganForm(forms.Form):
    """One text field per aspect of the catalogue (nine by default), in printed order."""

    def __init__(self, *args, aspek, nilai: dict, **kwargs):
        super().__init__(*args, **kwargs)
        self.aspek = list(aspek)
        for a in self.aspek:
            self.fields[f"aspek_{a.pk}"] = forms.CharField(
                label=a.nama,
                required=False,
                max_length=300,
                initial=nilai.get(a.pk, ""),
                widget=forms.TextInput(attrs={"list": f"contoh-{a.kode}"}),
            )

    def nilai(self) -> dict[int, str]:
        return {a.pk: self.cleaned_data[f"aspek_{a.pk}"].strip() for a in self.aspek}


class EvaluasiForm(forms.Form):
    """A level per factor and, optionally, the justification text of the IFJ."""

    def __init__(self, *args, faktor, awal: dict, **kwargs):
        super().__init__(*args, **kwargs)
        self.faktor = list(faktor)
        for f in self.faktor:
            # each level with its points and what it means (the regulation's table, as data)
            pilihan = [
                (
                    lv.level,
                    f"Tingkat {f.kode}-{lv.level} · {lv.nilai} nilai"
                    + (f" — {lv.uraian}" if lv.uraian else ""),
                )
                for lv in f.level.all()
            ]
            level, uraian = awal.get(f.pk, (None, ""))
            self.fields[f"level_{f.pk}"] = forms.TypedChoiceField(
                label="Tingkat",
                choices=pilihan,
                coerce=int,
                initial=level,
                widget=forms.RadioSelect(attrs={"class": "pilih-tingkat"}),
            )
            self.fields[f"uraian_{f.pk}"] = forms.CharField(
                label="Uraian (dicetak pada Informasi Faktor Jabatan)",
                required=False,
                initial=uraian,
                widget=forms.Textarea(attrs={"rows": 3}),
            )

    def pasangan(self):
        for f in self.faktor:
            yield f, self[f"level_{f.pk}"], self[f"uraian_{f.pk}"]

    def levels(self) -> dict[str, int]:
        return {f.kode: self.cleaned_data[f"level_{f.pk}"] for f in self.faktor}

    def uraian(self) -> dict[str, str]:
        return {f.kode: self.cleaned_data[f"uraian_{f.pk}"] for f in self.faktor}


class BarisFormSet(BarisTerbaca, BaseInlineFormSet):
    """Ordered rows: the browser keeps a hidden ORDER per row as rows are added, moved and
    removed; the service stores that order as `urutan`."""

    ordering_widget = forms.HiddenInput

    def __init__(self, *args, periode=None, **kwargs):
        # Workload rows (tugas, butir) belong to an analysis period; the others do not.
        self.periode = periode
        super().__init__(*args, **kwargs)

    def saring(self, qs):
        qs = qs.order_by("urutan", "pk")
        if any(f.name == "periode" for f in self.model._meta.fields):
            qs = qs.filter(periode=self.periode)
        return qs


def _formset(model, fields, widgets=None):
    return inlineformset_factory(
        m.Jabatan,
        model,
        formset=BarisFormSet,
        fields=fields,
        widgets=widgets or {},
        extra=0,
        can_delete=True,
        can_order=True,
    )


DiklatFormSet = _formset(m.SyaratDiklat, ["jenis", "teks"], {"teks": _TEKS})


class PilihanFormSet(BarisFormSet):
    """Section 15's choices already ticked, in print order, each with the wording printed:
    the ticks decide which are chosen, these rows their order and words (blank: the
    catalogue's, shown as the placeholder). Rows are neither added nor removed here."""

    pilihan = True

    def saring(self, qs):
        return super().saring(qs).select_related(self.model.SASARAN)

    def add_fields(self, form, index):
        super().add_fields(form, index)
        if form.instance.pk:
            form.fields["teks"].widget.attrs["placeholder"] = form.instance.teks_bawaan()


def _formset_pilihan(model):
    return inlineformset_factory(
        m.Jabatan,
        model,
        formset=PilihanFormSet,
        fields=["teks"],
        labels={"teks": gettext_lazy("Teks tercetak")},
        widgets={"teks": forms.Textarea(attrs={"rows": 2})},
        extra=0,
        can_delete=False,
        can_order=True,
    )


PILIHAN_FORMSET = {
    "bakat": _formset_pilihan(m.JabatanBakat),
    "temperamen": _formset_pilihan(m.JabatanTemperamen),
    "minat": _formset_pilihan(m.JabatanMinat),
    "upaya_fisik": _formset_pilihan(m.JabatanUpayaFisik),
    "fungsi_pekerjaan": _formset_pilihan(m.JabatanFungsiPekerjaan),
}

# What the multiplier of each unit is called beside the figure ("× 235 hari kerja").
NAMA_FAKTOR = {"bulan": "bulan", "minggu": "minggu kerja", "hari": "hari kerja"}


def rincian_volume(diketik, satuan: str, faktor_volume: dict) -> str:
    """ "2 per hari × 235 hari kerja = 470 per tahun" ("" for a volume counted per year)."""
    if diketik is None or satuan == SatuanVolume.TAHUN:
        return ""
    faktor = faktor_volume[satuan]
    per_tahun = m.TugasJabatan(satuan_volume=satuan)
    per_tahun.atur_volume(diketik, faktor_volume)
    return (
        f"{angka_ringkas(diketik)} {SatuanVolume(satuan).label} × {angka_ringkas(faktor)} "
        f"{NAMA_FAKTOR[satuan]} = {angka_ringkas(per_tahun.volume)} per tahun"
    )


class TugasForm(forms.ModelForm):
    """A task row: the volume is typed as counted (per year, month, week or day); the service
    keeps that figure and stores the per-year volume of the period (TugasJabatan.atur_volume)."""

    def __init__(self, *args, periode=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.periode = periode
        self.fields["volume"].label = "Jumlah beban kerja"
        self.fields["satuan_volume"].label = "Volume dihitung per"
        # A row sent without the choice (an older page still open) is counted per year.
        self.fields["satuan_volume"].required = False
        self.initial["volume"] = self.instance.volume_diketik
        self.fields["volume"].widget.attrs["aria-describedby"] = f"{self['volume'].auto_id}-rincian"
        if periode is not None:
            faktor = periode.faktor_volume()
            self.fields["satuan_volume"].widget.attrs.update(
                {f"data-faktor-{k}": f"{v.normalize():f}" for k, v in faktor.items()}
            )

    def clean_satuan_volume(self):
        return self.cleaned_data["satuan_volume"] or SatuanVolume.TAHUN

    def clean(self):
        data = super().clean()
        satuan, diketik = data.get("satuan_volume"), data.get("volume")
        if (
            self.periode is not None
            and satuan
            and satuan != SatuanVolume.TAHUN
            and diketik is not None
        ):
            faktor = self.periode.faktor_volume()[satuan]
            if faktor <= 0:
                self.add_error(
                    "satuan_volume",
                    f"Pengali {NAMA_FAKTOR[satuan]} periode {self.periode.nama} belum diisi; "
                    "isi volume per tahun atau perbaiki pengaturan periode.",
                )
            elif volume_per_tahun(diketik, faktor) >= Decimal("1e10"):
                self.add_error("volume", "Volume per tahun terlalu besar.")
        return data

    def rincian(self) -> str:
        """The per-year figure of the row as shown, for the note beside the volume."""
        if self.periode is None:
            return ""
        if self.is_bound:
            if not self.is_valid():
                return ""
            diketik = self.cleaned_data.get("volume")
            satuan = self.cleaned_data.get("satuan_volume")
        else:
            diketik, satuan = self.instance.volume_diketik, self.instance.satuan_volume
        return rincian_volume(diketik, satuan or SatuanVolume.TAHUN, self.periode.faktor_volume())


class TugasBarisFormSet(BarisFormSet):
    def get_form_kwargs(self, index):
        return {**super().get_form_kwargs(index), "periode": self.periode}


TugasFormSet = inlineformset_factory(
    m.Jabatan,
    m.TugasJabatan,
    form=TugasForm,
    formset=TugasBarisFormSet,
    fields=["uraian", "hasil_kerja", "volume", "satuan_volume", "waktu"],
    widgets={"uraian": _TEKS, "volume": AngkaInput(), "waktu": AngkaInput()},
    extra=0,
    can_delete=True,
    can_order=True,
)
ButirFormSet = _formset(
    m.ButirKegiatan,
    ["unsur", "sub_unsur", "kegiatan", "kode", "butir_kegiatan", "angka_kredit", "konstanta",
     "volume", "satuan"],
    {"kegiatan": _TEKS, "butir_kegiatan": _TEKS,
     "angka_kredit": AngkaInput(), "konstanta": AngkaInput(), "volume": AngkaInput()},
)  # fmt: skip
HasilKerjaFormSet = _formset(m.HasilKerja, ["hasil", "satuan"], {"hasil": _TEKS})
BahanKerjaFormSet = _formset(
    m.BahanKerja, ["item", "penggunaan"], {"item": _TEKS, "penggunaan": _TEKS}
)
PerangkatKerjaFormSet = _formset(
    m.PerangkatKerja, ["item", "penggunaan"], {"item": _TEKS, "penggunaan": _TEKS}
)
TanggungJawabFormSet = _formset(m.TanggungJawab, ["teks"], {"teks": _TEKS})
WewenangFormSet = _formset(m.Wewenang, ["teks"], {"teks": _TEKS})
KorelasiFormSet = _formset(
    m.KorelasiJabatan, ["nama_jabatan", "unit_kerja", "dalam_hal"], {"dalam_hal": _TEKS}
)
RisikoFormSet = _formset(m.RisikoBahaya, ["fisik_mental", "penyebab"], {"penyebab": _TEKS})
KeterampilanFormSet = _formset(m.Keterampilan, ["teks"], {"teks": _TEKS})
