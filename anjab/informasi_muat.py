"""Everything the Informasi Jabatan prints about positions, in two queries whatever their
number: its twelve kinds of rows (one UNION ALL) and its five catalogue choices (another),
instead of one prefetch per table (seventeen). The rows become ordinary model instances in each
position's prefetch cache, so `jabatan.tugas.all()` and the templates work as with
prefetch_related; a page about one position thus keeps to a handful of queries (issue 12).

Each row travels as a JSON object of its concrete fields (decimals as text, so nothing is
lost) and is rebuilt with Model.from_db, its fields converted by their own to_python."""

import json
from collections import defaultdict
from decimal import Decimal

from django.db import connection
from django.db.models import CharField, DecimalField, F, Value
from django.db.models.functions import Cast, JSONObject

from anjab.models import Jabatan

# (related name on Jabatan, whether it is kept per analysis period)
BARIS = (
    ("diklat", False),
    ("tugas", True),
    ("butir", True),
    ("hasil_kerja", False),
    ("bahan_kerja", False),
    ("perangkat_kerja", False),
    ("tanggung_jawab", False),
    ("wewenang", False),
    ("korelasi", False),
    ("kondisi_lingkungan", False),
    ("risiko_bahaya", False),
    ("keterampilan", False),
)
PILIHAN = ("bakat", "temperamen", "minat", "upaya_fisik", "fungsi_pekerjaan")
# KondisiLingkungan is ordered by its aspect's place, which travels beside its fields.
_URUTAN_ASPEK = "_urutan_aspek"
# A choice's place and wording travel beside its catalogue row's fields.
_URUTAN_PILIHAN = "_urutan_pilihan"
_ID_PILIHAN = "_id_pilihan"
_TEKS = "_teks"


def _kolom(model, tambahan=None) -> JSONObject:
    kolom = {}
    for f in model._meta.concrete_fields:
        kolom[f.attname] = (
            Cast(f.attname, CharField()) if isinstance(f, DecimalField) else F(f.attname)
        )
    return JSONObject(**kolom, **(tambahan or {}))


def _nilai(f, mentah):
    nilai = f.to_python(mentah)
    if isinstance(f, DecimalField) and nilai is not None:
        # As the database adapter gives it: with the field's decimal places ("12.50").
        nilai = nilai.quantize(Decimal(1).scaleb(-f.decimal_places))
    return nilai


def _buat(model, data: dict):
    fields = model._meta.concrete_fields
    nilai = [_nilai(f, data[f.attname]) for f in fields]
    return model.from_db(connection.alias, [f.attname for f in fields], nilai)


def _urutkan(model, daftar: list, data: dict) -> list:
    """The model's Meta ordering, done in Python (a UNION cannot order each part)."""
    urutan = list(model._meta.ordering)
    if any(_URUTAN_PILIHAN in data[id(o)] for o in daftar):
        return sorted(
            daftar, key=lambda o: (data[id(o)][_URUTAN_PILIHAN], data[id(o)][_ID_PILIHAN])
        )
    if urutan == ["aspek__urutan"]:
        return sorted(daftar, key=lambda o: data[id(o)].get(_URUTAN_ASPEK) or 0)
    return sorted(daftar, key=lambda o: tuple(getattr(o, k) for k in urutan))


def _isi(jabatan: Jabatan, nama: str, objek: list) -> None:
    """What prefetch_related leaves on an instance: a QuerySet whose results are known."""
    qs = getattr(jabatan, nama).all()
    qs._result_cache = objek
    qs._prefetch_done = True
    jabatan.__dict__.setdefault("_prefetched_objects_cache", {})[nama] = qs


def muat_informasi(daftar_jabatan, periode) -> None:
    """Fills every position's prefetch cache with its Informasi Jabatan rows of `periode`
    (tasks and credit rows; the other rows belong to the position) and its catalogue choices."""
    daftar_jabatan = list(daftar_jabatan)
    if not daftar_jabatan:
        return
    ids = [j.pk for j in daftar_jabatan]
    bagian, model_per_nama = [], {}
    for nama, per_periode in BARIS:
        model = Jabatan._meta.get_field(nama).related_model
        model_per_nama[nama] = model
        qs = model.objects.filter(jabatan_id__in=ids)
        if per_periode:
            qs = qs.filter(periode=periode)
        tambahan = {_URUTAN_ASPEK: F("aspek__urutan")} if nama == "kondisi_lingkungan" else None
        bagian.append(
            qs.annotate(_k=Value(nama), _d=_kolom(model, tambahan))
            .values_list("_k", "jabatan_id", "_d")
            .order_by()
        )
    for nama in PILIHAN:
        melalui = Jabatan._meta.get_field(nama).remote_field.through
        katalog = Jabatan._meta.get_field(nama).related_model
        model_per_nama[nama] = katalog
        sasaran = melalui._meta.get_field(_kolom_sasaran(melalui, katalog)).name
        bagian.append(
            melalui.objects.filter(jabatan_id__in=ids)
            .annotate(
                _k=Value(nama),
                _d=JSONObject(
                    **{
                        f.attname: F(f"{sasaran}__{f.attname}")
                        for f in katalog._meta.concrete_fields
                    },
                    # the analyst's order and wording (anjab.models.pilihan)
                    **{_URUTAN_PILIHAN: F("urutan"), _ID_PILIHAN: F("id"), _TEKS: F("teks")},
                ),
            )
            .values_list("_k", "jabatan_id", "_d")
            .order_by()
        )
    gabungan = bagian[0].union(*bagian[1:], all=True)
    per_jabatan = defaultdict(lambda: defaultdict(list))
    data_urutan = {}
    for nama, jabatan_id, data in gabungan:
        if isinstance(data, str):  # SQLite may hand the JSON back as text
            data = json.loads(data)
        objek = _buat(model_per_nama[nama], data)
        if _TEKS in data:
            objek.teks_analis = data[_TEKS] or ""  # what the document prints, when typed
        data_urutan[id(objek)] = data
        per_jabatan[jabatan_id][nama].append(objek)
    for j in daftar_jabatan:
        milik = per_jabatan.get(j.pk, {})
        for nama in [n for n, _ in BARIS] + list(PILIHAN):
            model = model_per_nama[nama]
            _isi(j, nama, _urutkan(model, milik.get(nama, []), data_urutan))


def _kolom_sasaran(melalui, katalog) -> str:
    """The through table's foreign key to the catalogue (the other one points at Jabatan)."""
    for f in melalui._meta.concrete_fields:
        if f.is_relation and f.related_model is katalog:
            return f.name
    raise LookupError(katalog)
