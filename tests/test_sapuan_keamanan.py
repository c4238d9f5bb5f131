"""Security sweep generated from the URL conf, so that tenancy stays closed as the app grows.

Every pattern of every app (all but /admin/, static and media, and the login, logout and
password pages) is requested by every role of instansi A, with GET and with POST (an empty body
and a plausible one), naming the objects of another instansi (B) and, for the Operator, of a
sibling unit outside its subtree (S). Each answer must be a refusal (403, 404 or 405) and the
database must not change. Anonymous requests must be sent to the login page (or get a 404), and
opening any page of A's own objects, by any role, must write nothing.

TABEL says, for each pattern, which object every int parameter of the URL names (and, for the
pages that take them, the query-string and form parameters that name objects). A new pattern
fails test_every_pattern_is_in_the_table until it is added there, so a new URL is swept too.
The world is in tests/sapuan_data.py; each request runs in a savepoint that is rolled back, so
every request sees the same world.
"""

import contextlib
import functools
import itertools
import logging
import sys
from dataclasses import dataclass, field
from unittest import mock
from urllib.parse import urlencode

import pytest
from django.apps import apps
from django.conf import settings
from django.core.signals import got_request_exception
from django.db import DatabaseError, connection, transaction
from django.shortcuts import resolve_url
from django.test import Client, override_settings
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.urls.converters import IntConverter
from django.views.static import serve

from anjab.bagian import BAGIAN_PER_SLUG
from anjab.documents import DOKUMEN
from anjab.katalog import KATALOG
from anjab.models import PeriodeAnalisis
from kinerja.views_renstra import BAGIAN as BAGIAN_RENSTRA
from organisasi.views_pertukaran import SUMBER as SUMBER_PERTUKARAN
from tests.sapuan_data import TAHUN, bangun_dunia

# --------------------------------------------------------------------------------------------
# Which patterns are swept, and what their parameters name
# --------------------------------------------------------------------------------------------

LEWATI_NAMA = {"login", "logout", "organisasi:ganti_sandi"}
LEWATI_AWALAN = ("admin/",)

SLUG_KATALOG = sorted(KATALOG)
SLUG_BAGIAN_JABATAN = sorted(BAGIAN_PER_SLUG)
JENIS_DOKUMEN = sorted(DOKUMEN)
JENIS_BAGIAN_RENSTRA = sorted(BAGIAN_RENSTRA)
JENIS_PERTUKARAN = sorted(SUMBER_PERTUKARAN)

# Pages whose ?periode= and ?unit= choose the report (abk.views._pilihan).
LAPORAN = {"?periode": "periode", "?unit": "unit"}

# pattern → {parameter: what it names}
#   "pk": "unit"               an int path parameter: the kind of object (see sapuan_data)
#   "tahun": "tahun"           an int path parameter that is a year, not an object (NILAI)
#   "slug": [...]              a slug/str path parameter: every value swept
#   "pk": "katalog:{slug}"     the kind depends on the value of another parameter
#   "?unit": "unit"            a query-string parameter naming an object
#   "@instansi": "instansi"    a form field naming an object (sent with every POST)
# A pattern without parameters is listed with {}: it is still swept anonymously and for
# writes on GET.
TABEL = {
    # organisasi
    "organisasi:beranda": {},
    "organisasi:cari": {},
    "organisasi:unit_tree": {"?unit": "unit"},
    "organisasi:unit_create": {"?induk": "unit"},
    "organisasi:unit_detail": {"pk": "unit"},
    "organisasi:unit_update": {"pk": "unit"},
    "organisasi:unit_move": {"pk": "unit"},
    "organisasi:unit_delete": {"pk": "unit"},
    "organisasi:pegawai_list": {},
    "organisasi:pegawai_create": {},
    "organisasi:pegawai_detail": {"pk": "pegawai"},
    "organisasi:pegawai_update": {"pk": "pegawai"},
    "organisasi:pegawai_delete": {"pk": "pegawai"},
    "organisasi:instansi_update": {"pk": "instansi"},
    "organisasi:pertukaran": {"jenis": JENIS_PERTUKARAN},
    "organisasi:pertukaran_unduh": {"jenis": JENIS_PERTUKARAN},
    # anjab
    "anjab:daftar": {"?unit": "unit"},
    "anjab:katalog": {},
    "anjab:katalog_daftar": {"slug": SLUG_KATALOG},
    "anjab:katalog_ubah": {"slug": SLUG_KATALOG, "pk": "katalog:{slug}"},
    "anjab:jabatan_create": {"unit_pk": "unit"},
    "anjab:jabatan_detail": {"pk": "jabatan"},
    "anjab:jabatan_bagian": {"pk": "jabatan", "slug": SLUG_BAGIAN_JABATAN},
    "anjab:jabatan_hitung": {"pk": "jabatan"},
    "anjab:jabatan_salin": {"pk": "jabatan"},
    "anjab:jabatan_hapus": {"pk": "jabatan"},
    "anjab:jabatan_evaluasi": {"pk": "jabatan"},
    "anjab:dokumen": {"pk": "jabatan", "jenis": JENIS_DOKUMEN},
    "anjab:dokumen_pdf": {"pk": "jabatan", "jenis": JENIS_DOKUMEN},
    "anjab:dokumen_docx": {"pk": "jabatan", "jenis": JENIS_DOKUMEN},
    # abk
    "abk:rekap": LAPORAN,
    "abk:kualitas": LAPORAN,
    "abk:peta": LAPORAN,
    "abk:peta_pdf": LAPORAN,
    "abk:peta_cetak": LAPORAN,
    "abk:periode_daftar": {},
    "abk:periode_tambah": {},
    "abk:periode_mulai": {"@instansi": "instansi"},
    "abk:periode_ubah": {"pk": "periode"},
    "abk:periode_salin": {"pk": "periode"},
    "abk:keputusan": LAPORAN,
    "abk:keputusan_cetak": LAPORAN,
    "abk:impor_daftar": {},
    "abk:impor_detail": {"pk": "impor"},
    "abk:impor_berkas": {"pk": "impor"},
    "abk:impor_templat": {},
    "abk:ekspor_jabatan": LAPORAN,
    "abk:ekspor_rekap": LAPORAN,
    "abk:laporan_koreksi": LAPORAN,
    "abk:laporan_koreksi_xlsx": LAPORAN,
    "abk:laporan_koreksi_docx": LAPORAN,
    "abk:ekspor_siasn_unit": LAPORAN,
    "abk:siasn_jabatan": {"pk": "jabatan", "?periode": "periode", "?unduh": "ya"},
    "abk:pekerjaan": {"pk": "pekerjaan"},
    "abk:pekerjaan_unduh": {"pk": "pekerjaan"},
    # kinerja
    "kinerja:daftar": {},
    "kinerja:renstra": {"pk": "renstra", "?tahun": "tahun"},
    "kinerja:renstra_baru": {},
    "kinerja:renstra_ubah": {"pk": "renstra"},
    "kinerja:struktur": {"pk": "renstra"},
    "kinerja:bagian_baru": {"pk": "renstra", "jenis": JENIS_BAGIAN_RENSTRA},
    "kinerja:bagian_ubah": {"pk": "renstra", "jenis": JENIS_BAGIAN_RENSTRA, "obj_pk": "{jenis}"},
    "kinerja:anggaran": {"pk": "renstra", "tahun": "tahun"},
    "kinerja:perjanjian_susun": {"pk": "renstra"},
    "kinerja:perjanjian": {"pk": "renstra", "pk_id": "perjanjian"},
    "kinerja:perjanjian_perubahan": {"pk": "renstra", "pk_id": "perjanjian"},
    "kinerja:realisasi_simpan": {"pk": "renstra", "indikator_pk": "indikator"},
    "kinerja:lakip": {"pk": "renstra", "tahun": "tahun"},
    "kinerja:lakip_dokumen": {"pk": "renstra", "tahun": "tahun"},
    "kinerja:lakip_pdf": {"pk": "renstra", "tahun": "tahun"},
    "kinerja:pk_pdf": {"pk": "renstra", "pk_id": "perjanjian"},
    # sistem kerja
    "tim:daftar": {},
    "tim:aturan": {},
    "tim:tambah": {},
    "tim:detail": {"pk": "tim"},
    "tim:ubah": {"pk": "tim"},
    "tim:hapus": {"pk": "tim"},
    "tim:anggota_tambah": {"pk": "tim"},
    "tim:instrumen": {"pk": "tim"},
    "tim:instrumen_pdf": {"pk": "tim"},
    "tim:penugasan_ubah": {"pk": "penugasan"},
    "tim:penugasan_hapus": {"pk": "penugasan"},
}

PERAN = ["admin_instansi", "operator", "verifikator", "pembaca"]
DITOLAK = {403, 404, 405}
# Kinds that are values, not objects: the same in every place.
NILAI = {"tahun": TAHUN, "ya": 1}

# Apps whose every table must stay as it was (sessions and django-axes logs are left out).
APP_DIPANTAU = {
    "organisasi",
    "anjab",
    "abk",
    "kinerja",
    "auth",
    "admin",
    "contenttypes",
    "django_tasks_database",
}


# --------------------------------------------------------------------------------------------
# The URL conf, walked
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Pola:
    nama: str
    rute: str
    converters: dict

    @property
    def param_int(self) -> set[str]:
        return {k for k, c in self.converters.items() if isinstance(c, IntConverter)}

    @property
    def param_lain(self) -> set[str]:
        return set(self.converters) - self.param_int


def _jalan(resolver, awalan="", namespace=None, converters=None):
    for p in resolver.url_patterns:
        rute = awalan + str(p.pattern)
        conv = {**(converters or {}), **getattr(p.pattern, "converters", {})}
        if rute.startswith(LEWATI_AWALAN):
            continue
        if isinstance(p, URLResolver):
            ns = ":".join(x for x in [namespace, p.namespace] if x) or None
            yield from _jalan(p, rute, ns, conv)
        elif isinstance(p, URLPattern):
            if p.callback is serve:  # static() and media
                continue
            nama = f"{namespace}:{p.name}" if namespace else p.name
            if nama in LEWATI_NAMA:
                continue
            yield Pola(nama=nama or f"<tanpa nama> {rute}", rute=rute, converters=conv)


def semua_pola() -> list[Pola]:
    return list(_jalan(get_resolver()))


# --------------------------------------------------------------------------------------------
# Requests built from the table
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Permintaan:
    nama: str
    url: str
    form: tuple = ()  # object-naming form fields, sent with every POST
    tempat: tuple = ()  # (parameter, place) of each object named, for the report

    def label(self) -> str:
        return self.url + (f" form={dict(self.form)}" if self.form else "")


@dataclass
class Varian:
    slug: dict
    jenis: dict  # object parameter → kind
    nilai: dict = field(default_factory=dict)  # value parameter → value


def _varian_slug(nama: str):
    """The table's entry with every slug value spelt out."""
    entri = TABEL[nama]
    slugs = {k: v for k, v in entri.items() if isinstance(v, list)}
    for nilai in itertools.product(*slugs.values()):
        slug = dict(zip(slugs, nilai, strict=True))
        jenis, tetap = {}, {}
        for k, v in entri.items():
            if isinstance(v, list):
                continue
            kind = v.format(**slug)
            if kind in NILAI:
                tetap[k] = NILAI[kind]
            else:
                jenis[k] = kind
        yield Varian(slug=slug, jenis=jenis, nilai=tetap)


def _letak(param: str) -> str:
    return {"?": "query", "@": "form"}.get(param[0], "path")


def _buat(nama, v: Varian, tempat_per_param: dict, dunia, *, dengan_query=True):
    """The request of one variant, each object parameter naming the object of its place
    (left out when it has none); None if a path parameter's place has no such object."""
    isi = {"path": dict(v.slug), "query": {}, "form": {}}
    for k, val in v.nilai.items():
        isi[_letak(k)][k.lstrip("?@")] = val
    for k, kind in v.jenis.items():
        tempat = tempat_per_param.get(k)
        if tempat is None:
            continue
        obj = dunia.get(tempat, kind)
        if obj is None:
            return None
        isi[_letak(k)][k.lstrip("?@")] = obj.pk
    if not dengan_query:
        isi["query"], isi["form"] = {}, {}
    url = reverse(nama, kwargs=isi["path"])
    if isi["query"]:
        url += "?" + urlencode(isi["query"])
    return Permintaan(
        nama=nama,
        url=url,
        form=tuple(sorted(isi["form"].items())),
        tempat=tuple(sorted(tempat_per_param.items())),
    )


def permintaan_sendiri(dunia, *, dengan_query=True) -> list[Permintaan]:
    """Every pattern with A's objects (optionally without its query string and form)."""
    hasil = []
    for pola in semua_pola():
        for v in _varian_slug(pola.nama):
            tempat = dict.fromkeys(v.jenis, "A")
            p = _buat(pola.nama, v, tempat, dunia, dengan_query=dengan_query)
            assert p is not None, f"the world has no object of place A for {pola.nama}"
            hasil.append(p)
    return list(dict.fromkeys(hasil))


def permintaan_asing(dunia, asing: str, *, campuran=True) -> list[Permintaan]:
    """Every pattern naming objects of place `asing`: all its object parameters at once, then
    (when it has several, and `campuran`) each one alone, the others naming A's objects."""
    hasil = []
    for pola in semua_pola():
        for v in _varian_slug(pola.nama):
            bisa = [k for k, kind in v.jenis.items() if dunia.get(asing, kind) is not None]
            if not bisa:
                continue
            pilihan = [set(bisa)] + ([{k} for k in bisa] if campuran and len(v.jenis) > 1 else [])
            for asing_di in pilihan:
                tempat = {k: (asing if k in asing_di else "A") for k in v.jenis}
                p = _buat(pola.nama, v, tempat, dunia)
                if p is not None:
                    hasil.append(p)
    return list(dict.fromkeys(hasil))


def isian_masuk_akal(dunia, tempat: str) -> dict:
    """A plausible form: the common field names, objects of `tempat`, and the delete and create
    switches of the screens."""

    def pk(kind):
        obj = dunia.get(tempat, kind) or dunia.get("A", kind)
        return obj.pk

    return {
        "nama": "X",
        "uraian": "X",
        "judul": "X",
        "kode": "X",
        "visi": "X",
        "target": "X",
        "tahun": TAHUN,
        "tahun_awal": 2020,
        "tahun_akhir": 2024,
        "mulai": f"{TAHUN}-01-01",
        "selesai": f"{TAHUN}-06-30",
        "triwulan": 0,
        "nilai": "1",
        "jenis": "pelaksana",
        "kedudukan": "anggota",
        "hapus": "1",
        "aksi": "buat",
        "unit": pk("unit"),
        "induk": pk("unit"),
        "parent": pk("unit"),
        "periode": pk("periode"),
        "jabatan": pk("jabatan"),
        "pegawai": pk("pegawai"),
        "instansi": pk("instansi"),
    }


# --------------------------------------------------------------------------------------------
# The database, watched
# --------------------------------------------------------------------------------------------


@functools.cache
def _sql_potret() -> str:
    """One query: the row count and the largest id of every watched table."""
    q = connection.ops.quote_name
    bagian = []
    for model in apps.get_models(include_auto_created=True):
        if model._meta.app_label not in APP_DIPANTAU or not model._meta.managed:
            continue
        tabel = model._meta.db_table
        pk = model._meta.pk
        maks = (
            f"MAX({q(pk.column)})"
            if pk.get_internal_type() in {"AutoField", "BigAutoField", "SmallAutoField"}
            else "NULL"
        )
        bagian.append(f"SELECT '{tabel}', COUNT(*), {maks} FROM {q(tabel)}")
    return " UNION ALL ".join(bagian)


def potret() -> dict:
    with connection.cursor() as c:
        c.execute(_sql_potret())
        return {t: (n, m) for t, n, m in c.fetchall()}


def selisih(awal: dict, akhir: dict) -> str:
    return ", ".join(
        f"{t} {awal[t][0]}→{akhir[t][0]} rows (max id {awal[t][1]}→{akhir[t][1]})"
        for t in awal
        if awal[t] != akhir.get(t)
    )


@dataclass
class Jawaban:
    status: int
    lokasi: str
    galat: str
    berubah: str


class Pengirim:
    """Sends a request inside a savepoint that is rolled back, and tells what it wrote."""

    def __init__(self, awal):
        self.awal = awal
        self.galat = None

    def _tangkap(self, **kwargs):
        e = sys.exc_info()[1]
        self.galat = f"{type(e).__name__}: {e}"[:300] if e else "exception"

    def kirim(self, client: Client, metode: str, url: str, data=None) -> Jawaban:
        self.galat = None
        got_request_exception.connect(self._tangkap)
        try:
            with transaction.atomic():
                response = client.get(url) if metode == "get" else client.post(url, data or {})
                if response.streaming:
                    # Read to its end: the client then closes the file (response.close()
                    # itself would close the test's database connection).
                    b"".join(response.streaming_content)
                try:
                    berubah = selisih(self.awal, potret())
                except DatabaseError as e:
                    berubah = f"the transaction broke: {e}"[:300]
                transaction.set_rollback(True)
        finally:
            got_request_exception.disconnect(self._tangkap)
        return Jawaban(
            status=response.status_code,
            lokasi=response.get("Location", ""),
            galat=self.galat or "",
            berubah=berubah,
        )


def _laporan(judul: str, gagal: list[str]) -> str:
    teks = f"{judul}: {len(gagal)} failure(s)\n" + "\n".join(f"  {g}" for g in gagal)
    print(teks)
    return teks


def _baris(peran, metode, isi, p: Permintaan, j: Jawaban) -> str:
    bagian = [f"{p.nama} [{peran} {metode.upper()}{isi}] {p.label()} → {j.status}"]
    if j.lokasi:
        bagian.append(f"Location {j.lokasi}")
    if j.galat:
        bagian.append(j.galat)
    if j.berubah:
        bagian.append(f"DB changed: {j.berubah}")
    return " | ".join(bagian)


# --------------------------------------------------------------------------------------------
# The world: built once for the module, rolled back at its end
# --------------------------------------------------------------------------------------------


def _pdf_tiruan(html: str) -> bytes:
    # Laying out the PDF reads no data and writes none; the HTML before it is still built.
    return b"%PDF-1.4\n%sapuan\n"


@contextlib.contextmanager
def _tingkat_log(logger, tingkat):
    lama = logger.level
    logger.setLevel(tingkat)
    try:
        yield
    finally:
        logger.setLevel(lama)


@pytest.fixture(scope="module")
def sapuan(django_db_setup, django_db_blocker, tmp_path_factory):
    berkas = tmp_path_factory.mktemp("sapuan")
    with (
        django_db_blocker.unblock(),
        override_settings(
            MEDIA_ROOT=berkas / "media", PRIVATE_MEDIA_ROOT=berkas / "privat", DEBUG=False
        ),
        mock.patch("config.dokumen.render_pdf", _pdf_tiruan),
        # Thousands of refusals are expected; the report lists the ones that are not.
        _tingkat_log(logging.getLogger("django.request"), logging.ERROR),
    ):
        # The test database, never the developer's: pytest-django sets it up only for tests
        # marked django_db, as every test using this fixture is.
        nama_db = str(connection.settings_dict["NAME"])
        assert "test" in nama_db or "memory" in nama_db, nama_db
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            dunia = bangun_dunia()
            clients = {}
            for peran, user in dunia.users.items():
                clients[peran] = Client(raise_request_exception=False)
                clients[peran].force_login(user)
            clients["anonim"] = Client(raise_request_exception=False)
            yield dunia, clients, Pengirim(potret())
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


# --------------------------------------------------------------------------------------------
# Tests
# --------------------------------------------------------------------------------------------


def test_every_pattern_is_in_the_table():
    """A new URL fails here until TABEL says what its parameters name."""
    gagal = []
    pola = semua_pola()
    for p in pola:
        if p.nama not in TABEL:
            gagal.append(
                f"{p.nama} ({p.rute}): not in TABEL; add it with what its parameters "
                f"{sorted(p.converters) or '(none)'} name"
            )
            continue
        entri = TABEL[p.nama]
        jalur = {k for k in entri if not k.startswith(("?", "@"))}
        if jalur != set(p.converters):
            gagal.append(
                f"{p.nama} ({p.rute}): TABEL has {sorted(jalur)}, the URL {sorted(p.converters)}"
            )
        for k in p.param_int & jalur:
            if not isinstance(entri[k], str):
                gagal.append(f"{p.nama}: int parameter {k} must name a kind of object")
        for k in p.param_lain & jalur:
            if not isinstance(entri[k], list) or not entri[k]:
                gagal.append(f"{p.nama}: parameter {k} needs the list of values to sweep")
    nama = {p.nama for p in pola}
    gagal += [f"{n}: in TABEL but no such URL" for n in sorted(set(TABEL) - nama)]
    assert not gagal, _laporan("URL patterns missing from the sweep table", gagal)


@pytest.mark.django_db
def test_the_world_reaches_every_view(sapuan):
    """Each place's own Admin Instansi opens its objects' pages: the sweep's refusals below are
    then the views' doing, not objects that do not exist."""
    dunia, clients, pengirim = sapuan
    gagal = []
    kasus = [(clients["admin_instansi"], p) for p in permintaan_sendiri(dunia)]
    kasus += [(clients["admin_instansi"], p) for p in permintaan_asing(dunia, "S", campuran=False)]
    kasus += [(clients["admin_lain"], p) for p in permintaan_asing(dunia, "B", campuran=False)]
    for client, p in kasus:
        j = pengirim.kirim(client, "get", p.url)
        if j.status in {404, 500}:
            gagal.append(_baris("pemilik", "get", "", p, j))
    assert not gagal, _laporan("pages that do not open for the owner", gagal)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "asing,peran_diuji",
    [("B", PERAN), ("S", ["operator"])],
    ids=["instansi-lain", "unit-saudara-operator"],
)
def test_foreign_objects_are_refused_and_nothing_is_written(sapuan, asing, peran_diuji):
    dunia, clients, pengirim = sapuan
    isian = isian_masuk_akal(dunia, asing)
    gagal = []
    for p in permintaan_asing(dunia, asing):
        form = dict(p.form)
        for peran in peran_diuji:
            for metode, nama_isi, data in [
                ("get", "", None),
                ("post", " empty", form),
                ("post", " plausible", {**isian, **form}),
            ]:
                j = pengirim.kirim(clients[peran], metode, p.url, data)
                if j.status not in DITOLAK or j.berubah:
                    gagal.append(_baris(peran, metode, nama_isi, p, j))
    assert not gagal, _laporan(f"requests naming objects of place {asing} not refused", gagal)


@pytest.mark.django_db
def test_anonymous_requests_go_to_the_login_page(sapuan):
    dunia, clients, pengirim = sapuan
    login = resolve_url(settings.LOGIN_URL)
    gagal = []
    for p in permintaan_sendiri(dunia):
        for metode in ["get", "post"]:
            j = pengirim.kirim(clients["anonim"], metode, p.url, dict(p.form))
            ke_login = j.status == 302 and j.lokasi.split("?")[0] == login
            if not (ke_login or j.status in {404, 405}) or j.berubah:
                gagal.append(_baris("anonim", metode, "", p, j))
    assert not gagal, _laporan("anonymous requests not sent to the login page", gagal)


@contextlib.contextmanager
def _keadaan(dunia, pengirim, keadaan: str):
    """The world as it is, or with instansi A's analysis periods gone (the first visit of a
    new instansi: pages that need a period must explain it, not make one)."""
    if keadaan == "dengan-periode":
        yield pengirim
        return
    with transaction.atomic():
        PeriodeAnalisis.objects.filter(instansi=dunia.get("A", "instansi")).delete()
        yield Pengirim(potret())
        transaction.set_rollback(True)


@pytest.mark.django_db
@pytest.mark.parametrize("keadaan", ["dengan-periode", "tanpa-periode"])
@pytest.mark.parametrize("peran", ["pembaca", "verifikator", "operator", "admin_instansi"])
def test_opening_a_page_writes_nothing(sapuan, peran, keadaan):
    """GET never writes: every page of A's own objects, with and without its query string."""
    dunia, clients, pengirim = sapuan
    gagal = []
    kasus = permintaan_sendiri(dunia) + permintaan_sendiri(dunia, dengan_query=False)
    with _keadaan(dunia, pengirim, keadaan) as pengirim:
        for p in dict.fromkeys(kasus):
            j = pengirim.kirim(clients[peran], "get", p.url)
            if j.berubah or j.status >= 500:
                gagal.append(_baris(peran, "get", "", p, j))
    assert not gagal, _laporan(
        f"GET requests of the {peran} ({keadaan}) that wrote or failed", gagal
    )
