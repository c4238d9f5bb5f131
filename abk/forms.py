from decimal import Decimal

from django import forms
from django.utils.translation import gettext, gettext_lazy

from abk.impor.baca import MAKS_UKURAN_BERKAS
from abk.models import Keputusan
from anjab.forms import AngkaInput
from anjab.models import PeriodeAnalisis
from organisasi.forms import baris

# The multipliers of a volume counted per day/week/month: what each is called and its most.
FAKTOR_VOLUME = {
    "hari_kerja_efektif": (gettext_lazy("Hari kerja efektif"), 366),
    "minggu_kerja_efektif": (gettext_lazy("Minggu kerja efektif"), 53),
    "bulan_kerja_efektif": (gettext_lazy("Bulan kerja"), 12),
}


class PeriodeForm(forms.ModelForm):
    pita_efektivitas = forms.CharField(
        label=gettext_lazy("Predikat efektivitas jabatan"),
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=gettext_lazy(
            "Satu predikat per baris: batas bawah EJ, predikat, keterangan — "
            "misalnya “0,90 B Baik”. Urutkan dari yang tertinggi."
        ),
    )

    class Meta:
        model = PeriodeAnalisis
        fields = [
            "nama",
            "tahun",
            "waktu_efektif_menit",
            "hari_kerja_efektif",
            "minggu_kerja_efektif",
            "bulan_kerja_efektif",
            "pembulatan",
            "pita_efektivitas",
            "dasar_hukum",
        ]
        widgets = {
            "dasar_hukum": forms.Textarea(attrs={"rows": 3}),
            **{nama: AngkaInput({"max": str(batas)}) for nama, (_, batas) in FAKTOR_VOLUME.items()},
        }
        help_texts = {
            "hari_kerja_efektif": gettext_lazy(
                "Pengali volume tugas yang dihitung per hari: 2 per hari × 235 = 470 per tahun. "
                "Bawaan 235 (365 hari dikurangi Sabtu–Minggu, libur nasional dan cuti). "
                "Mengubahnya menghitung ulang volume per tahun tugas periode ini."
            ),
            "minggu_kerja_efektif": gettext_lazy(
                "Pengali volume tugas yang dihitung per minggu. "
                "Bawaan 47 (235 hari kerja ÷ 5 hari)."
            ),
            "bulan_kerja_efektif": gettext_lazy(
                "Pengali volume tugas yang dihitung per bulan. Bawaan 12."
            ),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.initial["pita_efektivitas"] = "\n".join(
            f"{str(p['batas']).replace('.', ',')} {p['predikat']} {p.get('keterangan', '')}".strip()
            for p in self.instance.pita_efektivitas
        )

    def _clean_faktor(self, nama):
        nilai = self.cleaned_data[nama]
        label, batas = FAKTOR_VOLUME[nama]
        if nilai is not None and nilai <= 0:
            raise forms.ValidationError(gettext("%(label)s harus lebih dari 0.") % {"label": label})
        if nilai is not None and nilai > batas:
            raise forms.ValidationError(
                gettext("%(label)s paling banyak %(batas)s dalam setahun.")
                % {"label": label, "batas": batas}
            )
        return nilai

    def clean_hari_kerja_efektif(self):
        return self._clean_faktor("hari_kerja_efektif")

    def clean_minggu_kerja_efektif(self):
        return self._clean_faktor("minggu_kerja_efektif")

    def clean_bulan_kerja_efektif(self):
        return self._clean_faktor("bulan_kerja_efektif")

    def clean_pita_efektivitas(self):
        hasil = []
        for i, line in enumerate(self.cleaned_data["pita_efektivitas"].splitlines(), start=1):
            if not line.strip():
                continue
            bagian = line.split(maxsplit=2)
            if len(bagian) < 2:
                raise forms.ValidationError(
                    gettext("Baris %(baris)s: tulis batas dan predikat, misalnya “0,90 B”.")
                    % {"baris": i}
                )
            batas = bagian[0].replace(",", ".")
            try:
                Decimal(batas)
            except ArithmeticError:
                raise forms.ValidationError(
                    gettext("Baris %(baris)s: “%(teks)s” bukan angka.")
                    % {"baris": i, "teks": bagian[0]}
                ) from None
            hasil.append(
                {
                    "batas": batas,
                    "predikat": bagian[1],
                    "keterangan": bagian[2] if len(bagian) > 2 else "",
                }
            )
        if not hasil:
            raise forms.ValidationError(gettext("Isi sedikitnya satu predikat."))
        return hasil


class SalinPeriodeForm(forms.Form):
    nama = forms.CharField(label=gettext_lazy("Nama periode baru"), max_length=100)
    tahun = forms.IntegerField(label=gettext_lazy("Tahun"), min_value=2000, max_value=2100)


class KeputusanForm(forms.ModelForm):
    menimbang_teks = forms.CharField(
        label=gettext_lazy("Menimbang"),
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=gettext_lazy("Satu butir per baris."),
    )
    mengingat_teks = forms.CharField(
        label=gettext_lazy("Mengingat"),
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text=gettext_lazy("Satu butir per baris."),
    )
    tembusan_teks = forms.CharField(
        label=gettext_lazy("Tembusan"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    class Meta:
        model = Keputusan
        fields = [
            "nomor",
            "tanggal",
            "kesatu",
            "kedua",
            "ketiga",
            "ditetapkan_di",
            "penandatangan_jabatan",
            "penandatangan_nama",
        ]
        widgets = {
            "tanggal": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "kesatu": forms.Textarea(attrs={"rows": 3}),
            "kedua": forms.Textarea(attrs={"rows": 2}),
            "ketiga": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for nama in ["menimbang", "mengingat", "tembusan"]:
            self.initial[f"{nama}_teks"] = "\n".join(getattr(self.instance, nama))

    def nilai(self) -> dict:
        """The decree's values for abk.services.keputusan_update (lists one item per line)."""
        d = {n: self.cleaned_data[n] for n in self._meta.fields}
        return d | {
            "menimbang": baris(self.cleaned_data["menimbang_teks"]),
            "mengingat": baris(self.cleaned_data["mengingat_teks"]),
            "tembusan": [
                t.strip() for t in self.cleaned_data["tembusan_teks"].splitlines() if t.strip()
            ],
        }


class UnggahForm(forms.Form):
    berkas = forms.FileField(
        label=gettext_lazy("Buku kerja (.xlsx)"), help_text=gettext_lazy("Paling besar 20 MB.")
    )
    unit = forms.TypedChoiceField(
        label=gettext_lazy("Unit tujuan"), coerce=int, required=False, empty_value=None
    )
    periode = forms.TypedChoiceField(
        label=gettext_lazy("Periode analisis"), coerce=int, required=False, empty_value=None
    )
    buat_unit = forms.BooleanField(
        label=gettext_lazy("Buat unit yang belum ada"),
        required=False,
        help_text=gettext_lazy(
            "Unit yang disebut buku kerja tetapi belum ada dibuat di bawah unit tujuan."
        ),
    )

    def clean_berkas(self):
        f = self.cleaned_data["berkas"]
        if f.size > MAKS_UKURAN_BERKAS:
            raise forms.ValidationError(gettext("Berkas terlalu besar; batasnya 20 MB."))
        return f
