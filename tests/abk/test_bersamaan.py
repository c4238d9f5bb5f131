"""Concurrent first requests: several users pressing the same button at once end with one
decree, one period and one import, and nobody gets a 500."""

import threading

import pytest
from django.db import connection, connections
from django.urls import reverse

from abk.models import ImporBuku, Keputusan
from anjab.models import Jabatan, PeriodeAnalisis
from tests.abk.test_impor import seed_001
from tests.abk.test_impor_views import _unggah

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="SQLite locks the whole database for each writer, so requests never overlap; "
        "run with DATABASE_URL=postgres://… (CI does)",
    ),
]


def bersamaan(clients, kirim) -> list:
    """Runs kirim(client) in one thread per client, released together; each thread has its
    own database connection. Returns the responses, or the exceptions raised."""
    mulai = threading.Barrier(len(clients))
    hasil = [None] * len(clients)

    def jalan(i, client):
        try:
            mulai.wait()
            hasil[i] = kirim(client)
        except Exception as e:  # reported by the assertions, not lost in the thread
            hasil[i] = e
        finally:
            connections.close_all()

    threads = [threading.Thread(target=jalan, args=(i, c)) for i, c in enumerate(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    return hasil


def test_eight_writers_making_the_same_decree_make_one(dunia, users, login):
    periode = PeriodeAnalisis.objects.create(instansi=dunia.instansi, nama="ABK 2025", tahun=2025)
    url = reverse("abk:keputusan") + f"?periode={periode.pk}&unit={dunia.dinas.pk}"
    clients = [login(users["admin" if i % 2 else "operator"]) for i in range(8)]

    hasil = bersamaan(clients, lambda c: c.post(url, {"aksi": "buat"}))

    assert [getattr(r, "status_code", r) for r in hasil] == [302] * 8
    assert Keputusan.objects.filter(periode=periode, unit=dunia.dinas).count() == 1


def test_eight_writers_starting_the_first_period_start_one(dunia, users, login):
    clients = [login(users["admin" if i % 2 else "operator"]) for i in range(8)]

    hasil = bersamaan(clients, lambda c: c.post(reverse("abk:periode_mulai")))

    assert [getattr(r, "status_code", r) for r in hasil] == [302] * 8
    assert PeriodeAnalisis.objects.filter(instansi=dunia.instansi).count() == 1


def test_three_imports_of_one_upload_create_its_positions_once(dunia, users, login, tmp_path):
    PeriodeAnalisis.objects.create(instansi=dunia.instansi, nama="ABK 2024", tahun=2024)
    client = login(users["operator"])
    _unggah(client, seed_001(tmp_path / "abk.xlsx"), unit=dunia.bidang.pk)
    impor = ImporBuku.objects.get()
    url = reverse("abk:impor_detail", args=[impor.pk])
    form = {"l0-satuan": "menit"}
    for k, f in impor.pemetaan["lembar"][0]["kolom"].items():
        form[f"l0-k{k}"] = f
    client.post(url, {**form, "aksi": "periksa"})
    impor.refresh_from_db()
    assert impor.status == "diperiksa" and impor.ringkasan["jabatan"]["dibuat"] == 2
    sebelum = Jabatan.objects.count()

    hasil = bersamaan(
        [login(users["operator"]) for _ in range(3)],
        lambda c: c.post(url, {**form, "aksi": "impor"}, follow=True),
    )

    assert [getattr(r, "status_code", r) for r in hasil] == [200] * 3
    assert Jabatan.objects.count() == sebelum + 2
    ditolak = [r for r in hasil if "Buku kerja ini sudah diimpor" in r.content.decode()]
    assert len(ditolak) == 2
    impor.refresh_from_db()
    assert impor.status == "diimpor"
