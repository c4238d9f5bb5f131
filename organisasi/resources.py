"""Spreadsheet columns of the flat resources (django-import-export): pegawai and units, and what
the catalogues (anjab.resources) share with them: Indonesian headers and lookups that stay inside
one instansi. Files are read and written by organisasi.spreadsheets.

A resource built with ``instansi`` (the Admin Instansi's screens) forces every row into that
instansi: an Instansi cell naming another is refused, a unit is looked up only there and an
existing row is matched only there. Built without one (the admin, for superusers) it takes the
instansi from the Instansi column.
"""

import datetime as dt
import re
from decimal import Decimal, InvalidOperation

from django.core.exceptions import NON_FIELD_ERRORS
from django.utils.translation import gettext
from import_export import fields, resources, widgets
from import_export.results import RowResult

from organisasi.models import Instansi, PangkatGolongan, Pegawai, PredikatKinerja, UnitOrganisasi
from organisasi.nip import normalisasi_nip

PEMISAH_JALUR = " › "
FORMAT_TANGGAL = ("%d-%m-%Y", "%d/%m/%Y", "%Y-%m-%d", "%d.%m.%Y")


def _teks(value) -> str:
    """A cell as trimmed text; a whole number Excel made of a code (1.0) back to "1"."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def pisah_jalur(teks: str) -> list[str]:
    """ "Dinas A › Sekretariat" (also with > or ») → ["Dinas A", "Sekretariat"]."""
    return [b.strip() for b in re.split(r"\s*(?:›|>|»)\s*", teks or "") if b.strip()]


# --------------------------------------------------------------------------------------------
# Widgets: one cell ↔ one value, with Indonesian messages (a ValueError becomes the cell's error)
# --------------------------------------------------------------------------------------------


class TeksWidget(widgets.CharWidget):
    def clean(self, value, row=None, **kwargs):
        return _teks(value)


class NipWidget(widgets.CharWidget):
    """A NIP is text: Excel keeps only 15 digits of a number, so a NIP typed as one has lost
    its last digits and is refused rather than guessed."""

    def clean(self, value, row=None, **kwargs):
        if isinstance(value, float):
            raise ValueError(
                gettext(
                    "NIP terbaca sebagai angka sehingga angka belakangnya hilang; format kolom "
                    "NIP sebagai Teks lalu ketik ulang NIP-nya."
                )
            )
        return normalisasi_nip(_teks(value))


class PilihanWidget(widgets.Widget):
    """A choice written as its label ("Sub Bagian"), read back from its label or its value."""

    def __init__(self, choices):
        super().__init__()
        self.choices = list(choices)
        self._cari = {}
        for nilai, label in self.choices:
            self._cari[str(label).casefold()] = nilai
            self._cari[str(nilai).casefold()] = nilai

    def clean(self, value, row=None, **kwargs):
        teks = _teks(value)
        if not teks:
            return ""
        try:
            return self._cari[teks.casefold()]
        except KeyError:
            pilihan = ", ".join(str(label) for _, label in self.choices)
            raise ValueError(
                gettext("“%(teks)s” bukan pilihan yang dikenal; isi salah satu: %(pilihan)s.")
                % {"teks": teks, "pilihan": pilihan}
            ) from None

    def render(self, value, obj=None, **kwargs):
        return str(dict(self.choices).get(value, value or ""))


class AngkaWidget(widgets.NumberWidget):
    """A number as Excel or a person wrote it ("2,5" or 2.5); written back as a number."""

    def __init__(self, *, desimal=False):
        super().__init__(coerce_to_string=False)
        self.desimal = desimal

    def clean(self, value, row=None, **kwargs):
        if self.is_empty(value):
            return None
        try:
            angka = Decimal(str(value).strip().replace(",", "."))
        except InvalidOperation:
            angka = None
        if isinstance(value, bool) or angka is None or not angka.is_finite():
            raise ValueError(gettext("“%(nilai)s” bukan angka.") % {"nilai": value})
        if self.desimal:
            return angka
        if angka != angka.to_integral_value():
            raise ValueError(gettext("“%(nilai)s” harus bilangan bulat.") % {"nilai": value})
        return int(angka)


class TanggalWidget(widgets.Widget):
    """A date cell of Excel, or a date typed as 15-06-1985, 15/06/1985 or 1985-06-15."""

    def __init__(self):
        super().__init__(coerce_to_string=False)

    def clean(self, value, row=None, **kwargs):
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        teks = _teks(value)
        if not teks:
            return None
        for fmt in FORMAT_TANGGAL:
            try:
                return dt.datetime.strptime(teks, fmt).date()
            except ValueError:
                continue
        raise ValueError(
            gettext("“%(teks)s” bukan tanggal; tulis seperti 15-06-1985.") % {"teks": teks}
        )

    def render(self, value, obj=None, **kwargs):
        return value


class InstansiWidget(widgets.ForeignKeyWidget):
    def __init__(self):
        super().__init__(Instansi, field="nama")
        self.instansi = None  # the resource's forced instansi, when it has one

    def clean(self, value, row=None, **kwargs):
        teks = _teks(value)
        if self.instansi is not None:
            if teks and teks.casefold() != self.instansi.nama.casefold():
                raise ValueError(
                    gettext(
                        "Baris ini untuk instansi “%(teks)s”, bukan instansi Anda (%(instansi)s); "
                        "tidak diimpor."
                    )
                    % {"teks": teks, "instansi": self.instansi.nama}
                )
            return self.instansi
        if not teks:
            return None
        try:
            return Instansi.objects.get(nama__iexact=teks)
        except Instansi.DoesNotExist:
            raise ValueError(
                gettext("Instansi “%(teks)s” tidak dikenal.") % {"teks": teks}
            ) from None


class UnitWidget(widgets.ForeignKeyWidget):
    """A unit written as its path from the top ("Dinas Sosial › Sekretariat"); read back from
    the path, from its last parts, or from the name alone when the name is unique, and only
    among the units of the row's instansi."""

    def __init__(self):
        super().__init__(UnitOrganisasi)
        self.instansi_baris = lambda row: None  # set by the resource: row → its Instansi
        self._jalur = {}  # instansi id → {unit pk: (unit, names from the top)}

    def lupakan(self):
        """Drops the cached tree: a unit was added or renamed by the rows before."""
        self._jalur = {}

    def _pohon(self, instansi_id) -> dict[int, tuple[UnitOrganisasi, list[str]]]:
        if instansi_id not in self._jalur:
            units = {u.pk: u for u in UnitOrganisasi.objects.filter(instansi_id=instansi_id)}
            pohon = {}
            for unit in units.values():
                nama, u = [], unit
                while u is not None:
                    nama.append(u.nama)
                    u = units.get(u.parent_id)
                pohon[unit.pk] = (unit, nama[::-1])
            self._jalur[instansi_id] = pohon
        return self._jalur[instansi_id]

    def jalur(self, unit) -> str:
        _, nama = self._pohon(unit.instansi_id).get(unit.pk, (unit, [unit.nama]))
        return PEMISAH_JALUR.join(nama)

    def clean(self, value, row=None, **kwargs):
        teks = _teks(value)
        if not teks:
            return None
        instansi = self.instansi_baris(row)
        if instansi is None:
            raise ValueError(gettext("Unit hanya dapat dicari setelah instansinya diketahui."))
        bagian = [b.casefold() for b in pisah_jalur(teks)]
        cocok = [
            (u, nama)
            for u, nama in self._pohon(instansi.pk).values()
            if [n.casefold() for n in nama[-len(bagian) :]] == bagian
        ]
        if not cocok:
            raise ValueError(
                gettext("Unit “%(teks)s” tidak ada di %(instansi)s.")
                % {"teks": teks, "instansi": instansi.nama}
            )
        if len(cocok) > 1:
            contoh = PEMISAH_JALUR.join(cocok[0][1])
            raise ValueError(
                gettext(
                    "Ada %(n)s unit “%(teks)s” di %(instansi)s; tulis jalurnya, "
                    "misalnya “%(contoh)s”."
                )
                % {"n": len(cocok), "teks": teks, "instansi": instansi.nama, "contoh": contoh}
            )
        return cocok[0][0]

    def render(self, value, obj=None, **kwargs):
        return self.jalur(value) if value is not None else ""


class GolonganWidget(widgets.ForeignKeyWidget):
    def __init__(self):
        super().__init__(PangkatGolongan, field="kode")

    def clean(self, value, row=None, **kwargs):
        teks = _teks(value)
        if not teks:
            return None
        cocok = list(PangkatGolongan.objects.filter(kode__iexact=teks))
        if len(cocok) > 1:
            jenis = "PPPK" if _teks((row or {}).get("Status")).upper() == "PPPK" else "PNS"
            cocok = [g for g in cocok if g.jenis_asn == jenis]
        if len(cocok) != 1:
            raise ValueError(
                gettext(
                    "“%(teks)s” bukan golongan yang dikenal (I/a … IV/e untuk PNS dan CPNS, "
                    "I … XVII untuk PPPK)."
                )
                % {"teks": teks}
            )
        return cocok[0]


# --------------------------------------------------------------------------------------------
# Resources
# --------------------------------------------------------------------------------------------


class InstansiResource(resources.ModelResource):
    """What every flat resource of an instansi shares; see the module docstring."""

    instansi = fields.Field(attribute="instansi", column_name="Instansi", widget=InstansiWidget())

    # Columns that must be filled on every row (beside the import_id_fields in the header).
    wajib_diisi: tuple[str, ...] = ()
    # Columns that name a row in the preview ("19850615… · Ani").
    label_kolom: tuple[str, ...] = ()

    class Meta:
        skip_unchanged = True
        report_skipped = True
        clean_model_instances = True
        store_instance = True
        skip_html_diff = True
        use_transactions = True

    def __init__(self, *, instansi: Instansi | None = None, **kwargs):
        super().__init__(**kwargs)
        self.instansi = instansi
        for field in self.fields.values():
            if isinstance(field.widget, InstansiWidget):
                field.widget.instansi = instansi
            elif isinstance(field.widget, UnitWidget):
                field.widget.instansi_baris = self.instansi_baris
        self._baris_per_kunci = {}
        self.baris_kosong = set()  # dataset rows (1-based) left blank: no action, not listed

    def instansi_baris(self, row) -> Instansi | None:
        if self.instansi is not None:
            return self.instansi
        try:
            return self.fields["instansi"].clean(row)
        except (KeyError, ValueError):
            return None

    def get_queryset(self):
        qs = super().get_queryset()
        return qs if self.instansi is None else qs.filter(instansi=self.instansi)

    def kolom(self) -> list[tuple[str, bool]]:
        """(header, must be present) of every column, in the export's order."""
        perlu = {self.fields[f].column_name for f in self.get_import_id_fields()}
        if self.instansi is not None:
            perlu.discard(self.fields["instansi"].column_name)
        return [(f.column_name, f.column_name in perlu) for f in self.get_export_fields()]

    def label_baris(self, row) -> str:
        return " · ".join(t for t in (_teks(row.get(k)) for k in self.label_kolom) if t)

    def pesan_galat(self, error) -> list[str]:
        """A row's ValidationError as "Column: message" lines."""
        kolom = {f.attribute: f.column_name for f in self.fields.values()}
        pesan = []
        for attr, daftar in getattr(error, "message_dict", {"": error.messages}).items():
            awalan = "" if attr in ("", NON_FIELD_ERRORS) else f"{kolom.get(attr, attr)}: "
            pesan += [f"{awalan}{p}" for p in daftar]
        return pesan

    def before_import(self, dataset, **kwargs):
        kolom = self.fields["instansi"].column_name
        if self.instansi is not None and kolom not in dataset.headers:
            dataset.append_col([self.instansi.nama] * dataset.height, header=kolom)

    def import_row(self, row, instance_loader, **kwargs):
        kolom_instansi = self.fields["instansi"].column_name
        if all(_teks(v) == "" for k, v in row.items() if k != kolom_instansi):
            # A blank line between the rows: nothing to do, and not worth a line in the preview.
            self.baris_kosong.add(kwargs["row_number"])
            hasil = self.get_row_result_class()()
            hasil.import_type = RowResult.IMPORT_TYPE_SKIP
            return hasil
        return super().import_row(row, instance_loader, **kwargs)

    def before_import_row(self, row, **kwargs):
        for name in self.wajib_diisi:
            kolom = self.fields[name].column_name
            if _teks(row.get(kolom)) == "":
                raise ValueError(gettext("%(kolom)s wajib diisi.") % {"kolom": kolom})
        try:
            kunci = tuple(self.fields[f].clean(row) for f in self.get_import_id_fields())
        except (KeyError, ValueError):
            return  # the row's own error says what is wrong with it
        nomor = kwargs["row_number"] + 1
        if kunci in self._baris_per_kunci:
            raise ValueError(
                gettext(
                    "Baris ini sama dengan baris %(nomor)s (%(label)s); setiap data cukup "
                    "ditulis satu kali."
                )
                % {"nomor": self._baris_per_kunci[kunci], "label": self.label_baris(row)}
            )
        self._baris_per_kunci[kunci] = nomor


class PegawaiResource(InstansiResource):
    """One row per pegawai, matched by (instansi, NIP). The position a pegawai holds is not a
    column: it belongs to the position data (anjab), not to this list."""

    nip = fields.Field(attribute="nip", column_name="NIP", widget=NipWidget())
    nama = fields.Field(attribute="nama", column_name="Nama", widget=TeksWidget())
    gelar_depan = fields.Field(
        attribute="gelar_depan", column_name="Gelar depan", widget=TeksWidget()
    )
    gelar_belakang = fields.Field(
        attribute="gelar_belakang", column_name="Gelar belakang", widget=TeksWidget()
    )
    status = fields.Field(
        attribute="status", column_name="Status", widget=PilihanWidget(Pegawai.Status.choices)
    )
    golongan = fields.Field(attribute="golongan", column_name="Golongan", widget=GolonganWidget())
    pendidikan = fields.Field(
        attribute="pendidikan",
        column_name="Pendidikan",
        widget=PilihanWidget(Pegawai.Pendidikan.choices),
    )
    jurusan = fields.Field(attribute="jurusan", column_name="Jurusan", widget=TeksWidget())
    unit = fields.Field(attribute="unit", column_name="Unit kerja", widget=UnitWidget())
    tmt = fields.Field(attribute="tmt", column_name="TMT CPNS/PPPK", widget=TanggalWidget())
    tanggal_lahir = fields.Field(
        attribute="tanggal_lahir", column_name="Tanggal lahir", widget=TanggalWidget()
    )
    predikat_kinerja = fields.Field(
        attribute="predikat_kinerja",
        column_name="Predikat kinerja",
        widget=PilihanWidget(PredikatKinerja.choices),
    )
    pengalaman_bidang_tahun = fields.Field(
        attribute="pengalaman_bidang_tahun",
        column_name="Pengalaman di bidang tugas (tahun)",
        widget=AngkaWidget(desimal=True),
    )

    wajib_diisi = ("nip",)
    label_kolom = ("NIP", "Nama")

    class Meta(InstansiResource.Meta):
        model = Pegawai
        fields = (
            "nip",
            "nama",
            "gelar_depan",
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
            "instansi",
        )
        import_id_fields = ("instansi", "nip")

    def filter_export(self, queryset, **kwargs):
        return queryset.select_related("instansi", "golongan", "unit")


class UnitResource(InstansiResource):
    """One row per unit, parents before their sub-units; a unit is matched by (instansi, unit
    induk, nama), so a row naming a new parent adds a unit rather than moving one."""

    nama = fields.Field(attribute="nama", column_name="Nama unit", widget=TeksWidget())
    parent = fields.Field(attribute="parent", column_name="Unit induk", widget=UnitWidget())
    singkatan = fields.Field(attribute="singkatan", column_name="Singkatan", widget=TeksWidget())
    jenis = fields.Field(
        attribute="jenis", column_name="Jenis", widget=PilihanWidget(UnitOrganisasi.Jenis.choices)
    )
    eselon = fields.Field(
        attribute="eselon",
        column_name="Eselon",
        widget=PilihanWidget(UnitOrganisasi.Eselon.choices),
    )
    urutan = fields.Field(attribute="urutan", column_name="Urutan", widget=AngkaWidget(), default=0)
    jabatan_kepala = fields.Field(
        attribute="jabatan_kepala", column_name="Jabatan pimpinan", widget=TeksWidget()
    )

    wajib_diisi = ("nama",)
    label_kolom = ("Unit induk", "Nama unit")

    class Meta(InstansiResource.Meta):
        model = UnitOrganisasi
        fields = (
            "nama",
            "parent",
            "singkatan",
            "jenis",
            "eselon",
            "urutan",
            "jabatan_kepala",
            "instansi",
        )
        import_id_fields = ("instansi", "parent", "nama")

    def label_baris(self, row) -> str:
        return PEMISAH_JALUR.join(t for t in (_teks(row.get(k)) for k in self.label_kolom) if t)

    def after_save_instance(self, instance, row, **kwargs):
        # A later row may name this unit as its parent.
        self.fields["parent"].widget.lupakan()
