"""The form of an instansi's own row in a reference catalogue (anjab.models.Katalog)."""

from django import forms
from django.forms import modelform_factory


class KatalogForm(forms.ModelForm):
    class Meta:
        widgets = {"uraian": forms.Textarea(attrs={"rows": 2})}


def katalog_form(model, extra: list[str]) -> type[KatalogForm]:
    """The form of `model`'s rows: the columns every catalogue has, with the catalogue's own
    columns (`extra`) after the name."""
    return modelform_factory(
        model, form=KatalogForm, fields=["kode", "nama", *extra, "uraian", "urutan", "dasar_hukum"]
    )
