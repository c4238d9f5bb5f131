"""Forms for the planning officer: the Renstra and its tree, budgets and the Perjanjian Kinerja.
Every choice of a parent object is limited to the Renstra being edited."""

from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from kinerja.models import (
    Anggaran,
    Indikator,
    IndikatorPK,
    Kegiatan,
    Lakip,
    PerjanjianKinerja,
    Program,
    ProgramPK,
    Renstra,
    Sasaran,
    Tujuan,
)
from organisasi.forms import UnitChoiceField, baris
from organisasi.models import UnitOrganisasi
from organisasi.pilihan_tetap import BarisTerbaca, DicekSekali, PilihanTetap

ANGKA = {"localize": True}


def baris_berubah(formset) -> list[dict]:
    """The rows a valid model formset would write, as plain values for a service: each
    {"obj": the row, None for a new one; "nilai": its field values; "hapus": remove it}.
    Existing rows come first (changed or removed), then the new ones filled in."""
    hapus = formset.deleted_forms
    baris = []
    for form in formset.forms:
        obj = form.instance if form.instance.pk else None
        if (obj is None and form in hapus) or not (form in hapus or form.has_changed()):
            continue
        nilai = {n: form.cleaned_data[n] for n in form._meta.fields}
        baris.append({"obj": obj, "nilai": nilai, "hapus": form in hapus})
    return baris


class RenstraForm(forms.ModelForm):
    unit = UnitChoiceField(label=_("Perangkat daerah"), queryset=UnitOrganisasi.objects.none())
    misi_teks = forms.CharField(
        label=_("Misi"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Satu misi per baris, sesuai urutan."),
    )

    class Meta:
        model = Renstra
        fields = ["unit", "tahun_awal", "tahun_akhir", "visi"]
        widgets = {"visi": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["tahun_awal"].localize = False
        self.fields["tahun_akhir"].localize = False
        self.fields["tahun_awal"].widget = forms.NumberInput()
        self.fields["tahun_akhir"].widget = forms.NumberInput()
        if self.instance.pk:
            self.fields["misi_teks"].initial = "\n".join(self.instance.misi)

    def clean(self):
        data = super().clean()
        awal, akhir = data.get("tahun_awal"), data.get("tahun_akhir")
        if awal and akhir:
            if not 2000 <= awal <= 2100:
                self.add_error("tahun_awal", _("Tahun awal tidak wajar."))
            elif akhir < awal:
                self.add_error("tahun_akhir", _("Tahun akhir sebelum tahun awal."))
            elif akhir - awal > 5:
                self.add_error("tahun_akhir", _("Periode Renstra paling lama 6 tahun."))
        return data

    def nilai(self) -> dict:
        """The Renstra's values for renstra_create/renstra_update (misi one per line)."""
        d = {n: self.cleaned_data[n] for n in self._meta.fields}
        return d | {"misi": baris(self.cleaned_data.get("misi_teks", ""))}


class _BagianForm(forms.ModelForm):
    """A part of a Renstra; ``renstra`` limits the parents it can hang under."""

    def __init__(self, *args, renstra, **kwargs):
        self.renstra = renstra
        super().__init__(*args, **kwargs)
        if "urutan" in self.fields:
            self.fields["urutan"].localize = False

    def nilai(self) -> dict:
        """The part's field values for the bagian_… and indikator_… services."""
        return {n: self.cleaned_data[n] for n in self._meta.fields}


class TujuanForm(_BagianForm):
    class Meta:
        model = Tujuan
        fields = ["urutan", "uraian"]
        widgets = {"uraian": forms.Textarea(attrs={"rows": 3})}


class SasaranForm(_BagianForm):
    class Meta:
        model = Sasaran
        fields = ["tujuan", "urutan", "uraian", "kebijakan"]
        widgets = {"uraian": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["tujuan"].queryset = Tujuan.objects.filter(renstra=self.renstra)


class IndikatorForm(_BagianForm):
    """An indikator with one target field per year of the Renstra."""

    class Meta:
        model = Indikator
        fields = ["sasaran", "urutan", "uraian", "satuan", "arah"]
        widgets = {"uraian": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sasaran"].queryset = Sasaran.objects.filter(tujuan__renstra=self.renstra)
        ada = {}
        if self.instance.pk:
            ada = {t.tahun: t.target.normalize() for t in self.instance.target.all()}
        for tahun in self.renstra.tahun:
            self.fields[f"target_{tahun}"] = forms.DecimalField(
                label=_("Target %(tahun)s") % {"tahun": tahun},
                max_digits=14,
                decimal_places=4,
                required=False,
                initial=ada.get(tahun),
                **ANGKA,
            )

    def target(self) -> dict[int, Decimal | None]:
        """The target of each year of the Renstra, None where left empty."""
        return {t: self.cleaned_data.get(f"target_{t}") for t in self.renstra.tahun}


class ProgramForm(_BagianForm):
    unit_penanggung_jawab = UnitChoiceField(
        label=_("Unit penanggung jawab"), queryset=UnitOrganisasi.objects.none(), required=False
    )

    class Meta:
        model = Program
        fields = ["sasaran", "urutan", "nama", "indikator", "unit_penanggung_jawab"]
        widgets = {"indikator": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sasaran"].queryset = Sasaran.objects.filter(tujuan__renstra=self.renstra)


class KegiatanForm(_BagianForm):
    class Meta:
        model = Kegiatan
        fields = ["program", "urutan", "nama", "indikator", "target", "unit_penanggung_jawab"]
        widgets = {"indikator": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["program"].queryset = Program.objects.filter(renstra=self.renstra)


class AnggaranForm(DicekSekali, forms.ModelForm):
    class Meta:
        model = Anggaran
        fields = ["program", "kegiatan", "uraian", "pagu", "realisasi"]

    def __init__(self, *args, renstra, pilihan=None, **kwargs):
        super().__init__(*args, **kwargs)
        for nama, objek in (pilihan or pilihan_anggaran(renstra)).items():
            PilihanTetap.pasang(self, nama, objek, required=nama == "program")
        for f in ["pagu", "realisasi"]:
            self.fields[f].localize = True
            self.fields[f].widget = forms.TextInput(attrs={"inputmode": "decimal", "size": 14})

    def clean(self):
        data = super().clean()
        program, kegiatan = data.get("program"), data.get("kegiatan")
        if program and kegiatan and kegiatan.program_id != program.pk:
            self.add_error("kegiatan", _("Kegiatan ini bukan bagian dari program yang dipilih."))
        if program and not kegiatan and not data.get("uraian"):
            self.add_error("uraian", _("Pilih kegiatan atau isi uraian belanja."))
        for f in ["pagu", "realisasi"]:
            if data.get(f) is not None and data[f] < 0:
                self.add_error(f, _("Nilai tidak boleh negatif."))
        return data


def pilihan_anggaran(renstra) -> dict[str, list]:
    """The programs and kegiatan a budget row may name, read once for the whole table."""
    return {
        "program": list(Program.objects.filter(renstra=renstra)),
        "kegiatan": list(
            Kegiatan.objects.filter(program__renstra=renstra).select_related("program")
        ),
    }


class AnggaranFormSet(BarisTerbaca, forms.BaseModelFormSet):
    def __init__(self, *args, renstra, tahun, **kwargs):
        self.renstra = renstra
        self.pilihan = pilihan_anggaran(renstra)
        kwargs.setdefault(
            "queryset",
            Anggaran.objects.filter(program__renstra=renstra, tahun=tahun).select_related(
                "program", "kegiatan"
            ),
        )
        super().__init__(*args, **kwargs)

    def get_form_kwargs(self, index):
        return {"renstra": self.renstra, "pilihan": self.pilihan}


AnggaranFormSetFactory = forms.modelformset_factory(
    Anggaran, form=AnggaranForm, formset=AnggaranFormSet, extra=3, can_delete=True
)


class PerjanjianForm(forms.ModelForm):
    class Meta:
        model = PerjanjianKinerja
        fields = [
            "tempat_tanggal",
            "pihak_pertama_nama",
            "pihak_pertama_jabatan",
            "pihak_pertama_pangkat",
            "pihak_pertama_nip",
            "pihak_kedua_nama",
            "pihak_kedua_jabatan",
        ]


class TargetPKForm(DicekSekali, forms.ModelForm):
    class Meta:
        model = IndikatorPK
        fields = ["indikator", "target"]
        localized_fields = ["target"]

    def __init__(self, *args, renstra, pilihan, **kwargs):
        super().__init__(*args, **kwargs)
        PilihanTetap.pasang(self, "indikator", pilihan["indikator"])
        if self.instance.pk:  # "75", not "75,0000"
            self.initial["target"] = self.instance.target.normalize()


class AnggaranPKForm(DicekSekali, forms.ModelForm):
    class Meta:
        model = ProgramPK
        fields = ["program", "anggaran", "keterangan"]
        localized_fields = ["anggaran"]

    def __init__(self, *args, renstra, pilihan, **kwargs):
        super().__init__(*args, **kwargs)
        PilihanTetap.pasang(self, "program", pilihan["program"])


class _BarisPKFormSet(BarisTerbaca, forms.BaseInlineFormSet):
    """Rows of a PK; a row's indikator or program comes from the same Renstra (read once for
    every row)."""

    def __init__(self, *args, renstra, **kwargs):
        self.renstra = renstra
        self.pilihan = {
            "indikator": list(Indikator.objects.filter(sasaran__tujuan__renstra=renstra)),
            "program": list(Program.objects.filter(renstra=renstra)),
        }
        super().__init__(*args, **kwargs)

    def get_form_kwargs(self, index):
        return {"renstra": self.renstra, "pilihan": self.pilihan}


TargetPKFormSet = forms.inlineformset_factory(
    PerjanjianKinerja,
    IndikatorPK,
    form=TargetPKForm,
    formset=_BarisPKFormSet,
    extra=1,
    can_delete=True,
    can_delete_extra=False,
)
AnggaranPKFormSet = forms.inlineformset_factory(
    PerjanjianKinerja,
    ProgramPK,
    form=AnggaranPKForm,
    formset=_BarisPKFormSet,
    extra=1,
    can_delete=True,
    can_delete_extra=False,
)


class RealisasiForm(forms.Form):
    nilai = forms.DecimalField(
        label=_("Realisasi"), max_digits=14, decimal_places=4, required=False, localize=True
    )
    triwulan = forms.TypedChoiceField(choices=[(i, i) for i in range(5)], coerce=int)
    tahun = forms.IntegerField()


class LakipForm(forms.ModelForm):
    """The narrative of a year's LAKIP, with one analysis field per sasaran of the Renstra
    (named `analisis_<sasaran id>`), each labelled by its sasaran."""

    class Meta:
        model = Lakip
        fields = [
            *Lakip.NARASI,
            "tempat_tanggal",
            "penandatangan_jabatan",
            "penandatangan_nama",
            "penandatangan_pangkat",
            "penandatangan_nip",
        ]
        widgets = {f: forms.Textarea(attrs={"rows": 6}) for f in Lakip.NARASI}

    def __init__(self, *args, sasaran=(), analisis=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.sasaran = list(sasaran)
        analisis = analisis or {}
        for i, s in enumerate(self.sasaran, 1):
            self.fields[f"analisis_{s.pk}"] = forms.CharField(
                label=_("Bab III A. analisis capaian sasaran %(nomor)s: %(sasaran)s")
                % {"nomor": i, "sasaran": s.uraian},
                required=False,
                initial=analisis.get(s.pk, ""),
                widget=forms.Textarea(attrs={"rows": 5}),
                help_text=_(
                    "Dicetak di bawah tabel capaian sasaran ini, sesudah daftar kegiatan "
                    "pendukungnya (disusun otomatis dari program sasaran)."
                ),
            )

    def kelompok(self) -> list[tuple[str, list]]:
        """The fields by the part of the document they print in, for the editor's fieldsets."""
        analisis = [f"analisis_{s.pk}" for s in self.sasaran]
        bagian = [
            (_("Halaman depan"), ["kata_pengantar", "ringkasan"]),
            (
                _("Bab I Pendahuluan"),
                [
                    "latar_belakang",
                    "landasan_hukum",
                    "struktur_organisasi",
                    "isu_strategis",
                    "sistematika",
                ],
            ),
            (_("Bab II Perencanaan Kinerja"), ["perencanaan"]),
            (
                _("Bab III Akuntabilitas Kinerja"),
                [
                    "akuntabilitas",
                    *analisis,
                    "analisis_penyebab",
                    "analisis_efisiensi",
                    "analisis_program",
                ],
            ),
            (_("Bab IV Penutup"), ["kesimpulan", "saran"]),
            (
                _("Penandatangan"),
                [
                    "tempat_tanggal",
                    "penandatangan_jabatan",
                    "penandatangan_nama",
                    "penandatangan_pangkat",
                    "penandatangan_nip",
                ],
            ),
        ]
        return [(judul, [self[n] for n in nama]) for judul, nama in bagian]

    def nilai(self) -> dict:
        return {n: self.cleaned_data[n] for n in self._meta.fields}

    def analisis(self) -> dict[int, str]:
        return {s.pk: self.cleaned_data[f"analisis_{s.pk}"] for s in self.sasaran}
