"""Form fields that choose among objects read once for a whole formset.

Django's ModelChoiceField renders its options and checks a sent value with a query each time,
so a table of N rows with a select per row costs N queries to show and N more to save (the
budget table of a Renstra, the rows' own hidden ids). These take a list read once: every row
renders and checks against the same objects, and a value that is not among them is refused —
so an id or choice of another tenant's row can never be picked by a forged form."""

from collections.abc import Callable, Iterable

from django import forms
from django.utils.translation import gettext_lazy


def _kunci(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


class PilihanTetap(forms.ModelChoiceField):
    """A select over `objek` (read once by the caller and shared by every row)."""

    @classmethod
    def pasang(cls, form, nama: str, objek: Iterable, **kwargs) -> None:
        """Puts it in place of the form's own field `nama`, keeping its label."""
        kwargs.setdefault("required", form.fields[nama].required)
        form.fields[nama] = cls(objek, label=form.fields[nama].label, **kwargs)

    def __init__(self, objek: Iterable, **kwargs):
        self._objek = list(objek)
        self._per_pk = {o.pk: o for o in self._objek}
        # the choices never come from a queryset; an empty one keeps ModelChoiceField content
        kwargs.pop("queryset", None)
        kosong = type(self._objek[0])._default_manager.none() if self._objek else None
        super().__init__(queryset=kosong, **kwargs)

    def _get_choices(self):
        kosong = [("", self.empty_label)] if self.empty_label is not None else []
        return kosong + [(o.pk, self.label_from_instance(o)) for o in self._objek]

    choices = property(_get_choices, forms.ChoiceField.choices.fset)

    def to_python(self, value):
        if value in self.empty_values:
            return None
        obj = self._per_pk.get(_kunci(getattr(value, "pk", value)))
        if obj is None:
            raise forms.ValidationError(
                self.error_messages["invalid_choice"], code="invalid_choice"
            )
        return obj

    def validate(self, value):
        forms.Field.validate(self, value)


class IdBaris(forms.Field):
    """A row's hidden id, looked up among the rows its formset has already read (`baris()`:
    {pk: row}); Django's own field queries the table once per row and accepts any row of it."""

    widget = forms.HiddenInput
    default_error_messages = {
        "invalid_choice": gettext_lazy(
            "Baris ini tidak ada lagi di sini; muat ulang halaman lalu isi kembali."
        )
    }

    def __init__(self, baris: Callable[[], dict], **kwargs):
        self.baris = baris
        super().__init__(**kwargs)

    def to_python(self, value):
        if value in self.empty_values:
            return None
        obj = self.baris().get(_kunci(value))
        if obj is None:
            raise forms.ValidationError(
                self.error_messages["invalid_choice"], code="invalid_choice"
            )
        return obj

    def prepare_value(self, value):
        return getattr(value, "pk", value)

    def has_changed(self, initial, data):
        # the row sent is the row shown (its pk), not an object against a number
        sebelum = self.prepare_value(initial)
        return str("" if sebelum is None else sebelum) != str("" if data is None else data)


class BarisTerbaca:
    """Mixin for a model formset: its rows are read once and kept (a formset that narrows
    its queryset does so in `saring`, not by overriding get_queryset, which Django calls per
    form), the hidden id of each row is an IdBaris, and `_existing_object` looks in the same
    rows."""

    def get_queryset(self):
        if not hasattr(self, "_baris"):
            self._baris = self.saring(super().get_queryset())
        return self._baris

    def saring(self, qs):
        """The rows' queryset as the formset needs it (order, filters, joins)."""
        return qs

    def baris_per_pk(self) -> dict:
        if not hasattr(self, "_per_pk"):
            self._per_pk = {o.pk: o for o in self.get_queryset()}
        return self._per_pk

    def _existing_object(self, pk):
        return self.baris_per_pk().get(_kunci(pk))

    def add_fields(self, form, index):
        super().add_fields(form, index)
        nama = self._pk_field.name
        asli = form.fields[nama]
        form.fields[nama] = IdBaris(
            self.baris_per_pk, initial=asli.initial, required=False, widget=asli.widget
        )


class DicekSekali:
    """ModelForm mixin: a key chosen through PilihanTetap was checked against objects that
    exist; the model's own check of the same key (a query per row) is not repeated. For
    models whose keys take part in no unique constraint (those are checked by the model)."""

    def _get_validation_exclusions(self):
        sudah = {n for n, f in self.fields.items() if isinstance(f, PilihanTetap)}
        return super()._get_validation_exclusions() | sudah
