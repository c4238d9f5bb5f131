"""Spreadsheet columns of the reference catalogues (django-import-export), one resource per
catalogue, with the columns of its screen (anjab.katalog). A row is matched by (instansi, kode),
or by (instansi, nama) for the nomenclatures, which have no code. Built with ``instansi`` (the
Admin Instansi's screens) a resource reads and writes only that instansi's own rows: the
national rows are the regulation's."""

from import_export import fields

from anjab.katalog import KATALOG
from organisasi.resources import AngkaWidget, InstansiResource, PilihanWidget, TeksWidget

TANPA_KODE = {"JabatanPelaksanaRef", "JabatanFungsionalRef"}


class KatalogResource(InstansiResource):
    kode = fields.Field(attribute="kode", column_name="Kode", widget=TeksWidget())
    nama = fields.Field(attribute="nama", column_name="Nama", widget=TeksWidget())
    uraian = fields.Field(attribute="uraian", column_name="Uraian", widget=TeksWidget())
    urutan = fields.Field(attribute="urutan", column_name="Urutan", widget=AngkaWidget(), default=0)
    dasar_hukum = fields.Field(
        attribute="dasar_hukum", column_name="Dasar hukum", widget=TeksWidget()
    )

    label_kolom = ("Kode", "Nama")


def _kolom(model, name) -> fields.Field:
    """A column for one of a catalogue's own fields, headed by its verbose name."""
    field = model._meta.get_field(name)
    if field.choices:
        widget = PilihanWidget(field.choices)
    elif field.get_internal_type().endswith("IntegerField"):
        widget = AngkaWidget()
    else:
        widget = TeksWidget()
    return fields.Field(
        attribute=name, column_name=str(field.verbose_name).capitalize(), widget=widget
    )


def _resource(model, tambahan: list[str]) -> type[KatalogResource]:
    kunci = "nama" if model.__name__ in TANPA_KODE else "kode"
    meta = type(
        "Meta",
        (KatalogResource.Meta,),
        {
            "model": model,
            "fields": ("kode", "nama", *tambahan, "uraian", "urutan", "dasar_hukum", "instansi"),
            "import_id_fields": ("instansi", kunci),
        },
    )
    attrs = {name: _kolom(model, name) for name in tambahan}
    attrs.update(Meta=meta, wajib_diisi=(kunci,), __module__=__name__)
    return type(f"{model.__name__}Resource", (KatalogResource,), attrs)


RESOURCE_KATALOG = {model: _resource(model, tambahan) for model, tambahan in KATALOG.values()}
