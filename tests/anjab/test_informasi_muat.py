"""The Informasi Jabatan's rows and choices read in two queries (anjab.informasi_muat) are
the rows prefetch_related reads one table at a time: same objects, same values, same order,
for every demo position — so every document prints the same whichever loaded it."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from anjab.documents import jabatan_lengkap, jabatan_lengkap_qs
from anjab.informasi_muat import BARIS, PILIHAN
from anjab.models import Jabatan, PeriodeAnalisis, RisikoBahaya


def _isi(objek):
    return [
        (type(o).__name__, tuple(getattr(o, f.attname) for f in o._meta.concrete_fields))
        for o in objek
    ]


def test_two_queries_read_what_seventeen_prefetches_read(demo):
    periode = PeriodeAnalisis.objects.get(nama="ABK 2024")
    # The seed prints no risiko bahaya rows: two, typed out of order, make the section count.
    j = Jabatan.objects.filter(instansi=periode.instansi).first()
    RisikoBahaya.objects.create(jabatan=j, urutan=2, fisik_mental="Kelelahan mata")
    RisikoBahaya.objects.create(jabatan=j, urutan=1, fisik_mental="Tertusuk", penyebab="Jarum")
    pks = list(Jabatan.objects.filter(instansi=periode.instansi).values_list("pk", flat=True))
    lama = {j.pk: j for j in jabatan_lengkap_qs(periode).filter(pk__in=pks)}
    with CaptureQueriesContext(connection) as ctx:
        baru = {j.pk: j for j in jabatan_lengkap(pks, periode)}
    assert len(ctx.captured_queries) <= 5  # positions, rows, choices, evaluation (2)
    assert baru.keys() == lama.keys()
    terisi = set()
    for pk, j in lama.items():
        for nama in [n for n, _ in BARIS] + list(PILIHAN):
            with CaptureQueriesContext(connection) as ctx:
                dibaca = list(getattr(baru[pk], nama).all())
            assert not ctx.captured_queries, nama
            assert _isi(dibaca) == _isi(getattr(j, nama).all()), (j.nama, nama)
            if dibaca:
                terisi.add(nama)
    # Every kind was compared on real rows (seed 001 fills the others somewhere).
    assert terisi == {n for n, _ in BARIS} | set(PILIHAN)
