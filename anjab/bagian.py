"""The sections of the position editor: which form and which ordered rows each one edits.

Section numbers follow the Informasi Jabatan of Permenpan RB 1/2020 (seed 001)."""

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy

from anjab import calculations as calc
from anjab import forms as f
from anjab.models import AspekLingkungan, Jabatan


@dataclass(frozen=True)
class IsianBaris:
    """A valid ordered formset as plain values: the rows in the order shown (each a dict of
    its fields; "id" is the saved row's pk, None for a new row) and the saved rows deleted."""

    model: type
    baris: list[dict]
    hapus: list[int]


def isian_form(form) -> dict:
    """A valid section form's values (many-to-many fields as lists), for the services."""
    return {n: form.cleaned_data[n] for n in form.fields if n in form.cleaned_data}


def isian_baris(formset) -> IsianBaris:
    lewati = {"id", "ORDER", "DELETE", formset.fk.name}
    return IsianBaris(
        model=formset.model,
        baris=[
            {"id": f.instance.pk, **{k: v for k, v in f.cleaned_data.items() if k not in lewati}}
            for f in formset.ordered_forms
        ],
        hapus=[f.instance.pk for f in formset.deleted_forms if f.instance.pk],
    )


@dataclass(frozen=True)
class Bagian:
    slug: str
    judul: str
    form: type | None = None
    formsets: tuple = field(default_factory=tuple)  # (prefix, FormSet class, heading)
    kondisi: bool = False


BAGIAN = [
    Bagian("umum", gettext_lazy("1–4 & 17. Identitas, ikhtisar, kelas"), form=f.JabatanUmumForm),
    Bagian(
        "syarat",
        gettext_lazy("5. Syarat jabatan"),
        form=f.SyaratForm,
        formsets=(("diklat", f.DiklatFormSet, gettext_lazy("Diklat")),),
    ),
    Bagian("tugas", gettext_lazy("6. Tugas pokok")),
    Bagian(
        "hasil",
        gettext_lazy("7. Hasil kerja"),
        form=f.HasilKerjaJenisForm,
        formsets=(("hasil", f.HasilKerjaFormSet, gettext_lazy("Hasil kerja")),),
    ),
    Bagian(
        "bahan",
        gettext_lazy("8. Bahan kerja"),
        formsets=(("bahan", f.BahanKerjaFormSet, gettext_lazy("Bahan kerja")),),
    ),
    Bagian(
        "perangkat",
        gettext_lazy("9. Perangkat kerja"),
        formsets=(("perangkat", f.PerangkatKerjaFormSet, gettext_lazy("Perangkat kerja")),),
    ),
    Bagian(
        "tanggung-jawab",
        gettext_lazy("10. Tanggung jawab"),
        formsets=(("tj", f.TanggungJawabFormSet, gettext_lazy("Tanggung jawab")),),
    ),
    Bagian(
        "wewenang",
        gettext_lazy("11. Wewenang"),
        formsets=(("wewenang", f.WewenangFormSet, gettext_lazy("Wewenang")),),
    ),
    Bagian(
        "korelasi",
        gettext_lazy("12. Korelasi jabatan"),
        formsets=(("korelasi", f.KorelasiFormSet, gettext_lazy("Korelasi jabatan")),),
    ),
    Bagian(
        "lingkungan",
        gettext_lazy("13–14. Lingkungan & risiko"),
        kondisi=True,
        formsets=(("risiko", f.RisikoFormSet, gettext_lazy("Risiko bahaya")),),
    ),
    Bagian(
        "syarat-lain",
        gettext_lazy("15–16. Syarat lain & prestasi"),
        form=f.SyaratLainForm,
        formsets=(
            ("keterampilan", f.KeterampilanFormSet, gettext_lazy("Keterampilan kerja")),
            *(
                (f"urut-{nama}", f.PILIHAN_FORMSET[nama], judul)
                for nama, judul in (
                    ("bakat", gettext_lazy("Urutan dan teks tercetak: bakat kerja")),
                    ("temperamen", gettext_lazy("Urutan dan teks tercetak: temperamen kerja")),
                    ("minat", gettext_lazy("Urutan dan teks tercetak: minat kerja")),
                    ("upaya_fisik", gettext_lazy("Urutan dan teks tercetak: upaya fisik")),
                    (
                        "fungsi_pekerjaan",
                        gettext_lazy("Urutan dan teks tercetak: fungsi pekerjaan"),
                    ),
                )
            ),
        ),
    ),
]
BAGIAN_PER_SLUG = {b.slug: b for b in BAGIAN}


def formsets_tugas(jabatan, periode):
    """Section 6 is the table the position's need is computed from (the credit table for a
    functional position, unless its period holds only task rows — an imported workbook may
    count a functional position by tasks), decided by the same rule as every figure."""
    ada_tugas = periode is not None and jabatan.tugas.filter(periode=periode).exists()
    ada_butir = periode is not None and jabatan.butir.filter(periode=periode).exists()
    if ada_tugas or ada_butir:
        butir = calc.metode_jabatan(jabatan.jenis, ada_tugas, ada_butir) == calc.METODE_BUTIR
    else:  # nothing typed yet: the table of the position's kind
        butir = jabatan.jenis == Jabatan.Jenis.FUNGSIONAL
    if butir:
        return (("butir", f.ButirFormSet, gettext_lazy("Butir kegiatan (tabel angka kredit)")),)
    return (("tugas", f.TugasFormSet, gettext_lazy("Uraian tugas dan beban kerja")),)


def bangun(bagian: Bagian, jabatan, data, *, atasan_qs, katalog, periode):
    """The bound (or unbound) form, formsets and aspect form of one section."""
    form = None
    if bagian.form is f.JabatanUmumForm:
        form = f.JabatanUmumForm(data, instance=jabatan, atasan_qs=atasan_qs, katalog=katalog)
    elif bagian.form is f.SyaratLainForm:
        form = f.SyaratLainForm(data, instance=jabatan, katalog=katalog)
    elif bagian.form is not None:
        form = bagian.form(data, instance=jabatan)
    specs = formsets_tugas(jabatan, periode) if bagian.slug == "tugas" else bagian.formsets
    formsets = [
        (judul, cls(data, instance=jabatan, prefix=prefix, periode=periode))
        for prefix, cls, judul in specs
    ]
    kondisi = None
    if bagian.kondisi:
        nilai = {k.aspek_id: k.faktor for k in jabatan.kondisi_lingkungan.all()}
        kondisi = f.KondisiLingkunganForm(
            data, aspek=katalog(AspekLingkungan).order_by("urutan"), nilai=nilai, prefix="kondisi"
        )
    return form, formsets, kondisi


def formsets_tugas_terikat(jabatan, data, periode):
    """Section 6's (prefix, formset) bound to `data` (for the live calculation)."""
    return [
        (prefix, cls(data, instance=jabatan, prefix=prefix, periode=periode))
        for prefix, cls, _ in formsets_tugas(jabatan, periode)
    ]
