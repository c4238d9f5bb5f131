"""Cached roll-ups: a rekap, peta or whole-instansi summary comes from the cache while the
committed data is unchanged, and never once it has changed — whatever changed it."""

import importlib
from decimal import Decimal

import pytest
from django.apps import apps
from django.db import connection, transaction
from django.db.models import F
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from abk import rekap_simpan
from abk.rekap import hitung_rekap, hitung_ringkasan
from anjab.models import Jabatan, Penempatan, PeriodeAnalisis, TugasJabatan
from organisasi.models import Pegawai
from tests.abk.test_skala_kueri import bangun_pd

PG = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="the data version is kept by PostgreSQL triggers; SQLite caches nothing",
)
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def pemda(dunia):
    periode = PeriodeAnalisis.objects.create(instansi=dunia.instansi, nama="ABK 2026", tahun=2026)
    pd = bangun_pd(dunia.instansi, periode, "Dinas Satu", sub=2, per_unit=4)
    return periode, pd


def _kueri(fungsi):
    with CaptureQueriesContext(connection) as ctx:
        hasil = fungsi()
    return hasil, len(ctx.captured_queries)


def _rekap(client, periode, pd, **lain):
    return client.get(reverse("abk:rekap"), {"periode": periode.pk, "unit": pd.pk, **lain})


@PG
def test_the_rekap_page_is_taken_from_the_cache_until_a_task_changes(pemda, users, login):
    periode, pd = pemda
    client = login(users["admin"])
    pertama, n_pertama = _kueri(lambda: _rekap(client, periode, pd))
    kedua, n_kedua = _kueri(lambda: _rekap(client, periode, pd))
    assert pertama.status_code == kedua.status_code == 200
    # The figures are the same; the positions' rows are not read again.
    assert kedua.context["rekap"].total == pertama.context["rekap"].total
    assert n_kedua <= n_pertama - 6, (n_pertama, n_kedua)

    # A queryset update (no signal, no save()) doubles every task's volume.
    TugasJabatan.objects.filter(jabatan__unit__parent=pd).update(volume=F("volume") * 2)
    ketiga = _rekap(client, periode, pd)
    baru = hitung_rekap(periode, pd).total
    assert ketiga.context["rekap"].total == baru
    assert baru["beban_kerja_menit"] > pertama.context["rekap"].total["beban_kerja_menit"]
    assert f"<strong>{baru['kebutuhan_dibulatkan']}</strong>" in ketiga.content.decode()


@PG
def test_raw_sql_bulk_inserts_and_deletes_each_end_what_was_cached(pemda):
    periode, pd = pemda
    lihat = lambda: rekap_simpan.rekap_unit(periode, pd).total["beban_kerja_menit"]  # noqa: E731
    awal = lihat()
    jabatan = Jabatan.objects.filter(unit=pd, jenis="pelaksana").first()
    with connection.cursor() as c:
        c.execute(
            f"UPDATE {TugasJabatan._meta.db_table} SET waktu = waktu + 10 WHERE jabatan_id = %s",
            [jabatan.pk],
        )
    setelah_sql = lihat()
    assert setelah_sql == awal + 3 * 120 * 10  # three tasks of volume 120, ten minutes more
    baru = TugasJabatan(
        jabatan=jabatan, periode=periode, urutan=9, uraian="Baru", volume=1, waktu=Decimal(50)
    )
    TugasJabatan.objects.bulk_create([baru])
    assert lihat() == setelah_sql + 50
    TugasJabatan.objects.filter(jabatan=jabatan).delete()
    assert lihat() == hitung_rekap(periode, pd).total["beban_kerja_menit"] < setelah_sql


@PG
def test_the_whole_instansi_summary_follows_its_holders(pemda, dunia):
    periode, pd = pemda
    awal = rekap_simpan.ringkasan(periode).total["bezetting"]
    assert rekap_simpan.ringkasan(periode).total["bezetting"] == awal
    jabatan = Jabatan.objects.filter(unit=pd, jenis="pelaksana", bezetting_diisi=None).first()
    pegawai = Pegawai.objects.create(
        instansi=dunia.instansi, unit=pd, nama="Pegawai Baru", nip="199001012020121001"
    )
    Penempatan.objects.create(pegawai=pegawai, jabatan=jabatan)
    assert rekap_simpan.ringkasan(periode).total == hitung_ringkasan(periode).total
    assert rekap_simpan.ringkasan(periode).total["bezetting"] > awal


@PG
def test_every_table_the_figures_come_from_raises_the_version_when_written():
    migrasi = importlib.import_module("abk.migrations.0010_versi_data")
    for app, model in migrasi.TABEL:
        m = apps.get_model(app, model)
        sebelum = rekap_simpan.versi_data()
        m.objects.filter(pk=-1).update(id=F("id"))  # a statement that writes nothing
        assert rekap_simpan.versi_data() > sebelum, m


@PG
def test_a_transaction_rolled_back_leaves_the_version_and_one_still_open_is_not_cached(pemda):
    periode, pd = pemda
    sebelum = rekap_simpan.versi_data()
    with pytest.raises(RuntimeError), transaction.atomic():
        TugasJabatan.objects.filter(periode=periode).update(volume=1)
        raise RuntimeError
    assert rekap_simpan.versi_data() == sebelum
    cached = rekap_simpan.rekap_unit(periode, pd).total
    with transaction.atomic():
        TugasJabatan.objects.filter(periode=periode).update(volume=F("volume") + 1)
        # Its own uncommitted change is not in the version yet: computed afresh, not cached.
        assert rekap_simpan.versi_data() is None
        dalam = rekap_simpan.rekap_unit(periode, pd).total
        assert dalam == hitung_rekap(periode, pd).total != cached
    assert rekap_simpan.rekap_unit(periode, pd).total == dalam


@pytest.mark.skipif(connection.vendor == "postgresql", reason="the SQLite path")
def test_without_postgresql_nothing_is_cached(pemda):
    periode, pd = pemda
    assert rekap_simpan.versi_data() is None
    TugasJabatan.objects.filter(periode=periode).update(volume=F("volume") * 3)
    assert rekap_simpan.rekap_unit(periode, pd).total == hitung_rekap(periode, pd).total
