"""Two app nodes (gunicorn on two ports) sharing one PostgreSQL and one Redis for the cache and
the sessions, with one task worker (issue 12 item 9): a login on one node is valid on the other,
the login throttle counts the failures of both, and a job queued on one is followed to its end
on the other. The Redis is the test's own, on a free loopback port; nothing is kept on disk."""

import re
import shutil
import subprocess
import sys
import time

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import connection
from django.urls import reverse

from abk.bench.beban import Klien, env_server, gunicorn, henti, port_bebas, sandi_server
from anjab.models import Jabatan, PeriodeAnalisis
from organisasi.akses import Peran
from organisasi.models import AksesPengguna, Instansi, UnitOrganisasi

pytestmark = [
    pytest.mark.skipif(connection.vendor != "postgresql", reason="nodes share PostgreSQL"),
    pytest.mark.skipif(shutil.which("redis-server") is None, reason="Debian's redis-server"),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]
SANDI = "sandi-dua-node-2026"


@pytest.fixture
def redis_url():
    port = port_bebas()
    proses = subprocess.Popen(
        ["redis-server", "--port", str(port), "--bind", "127.0.0.1",
         "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )  # fmt: skip
    import redis

    klien = redis.Redis(host="127.0.0.1", port=port)
    for _ in range(100):
        try:
            klien.ping()
            break
        except redis.ConnectionError:
            time.sleep(0.05)
    yield f"redis://127.0.0.1:{port}/0", klien
    henti(proses)


@pytest.fixture
def dunia_node(tmp_path):
    instansi = Instansi.objects.create(
        nama="Pemerintah Kota Dua Node", jenis="kota", jabatan_kepala="Wali Kota"
    )
    dinas = UnitOrganisasi.objects.create(instansi=instansi, nama="Dinas Uji Node")
    # More positions than a decree printed within the request: the print goes to the worker.
    Jabatan.objects.bulk_create(
        Jabatan(instansi=instansi, unit=dinas, nama=f"Penata Uji {i}", jenis="pelaksana", urutan=i)
        for i in range(1, 11)
    )
    periode = PeriodeAnalisis.objects.create(instansi=instansi, nama="ABK 2026", tahun=2026)
    user = get_user_model().objects.create(username="admin_dua_node", password=sandi_server(SANDI))
    user.groups.add(Group.objects.get(name=Peran.ADMIN_INSTANSI.value))
    AksesPengguna.objects.create(user=user, instansi=instansi)
    return {"dinas": dinas, "periode": periode, "media": tmp_path}


@pytest.fixture
def dua_node(redis_url, dunia_node):
    url, _ = redis_url
    env = {
        "CACHE_URL": url,
        "SESSION_STORE": "cache",
        "LOGIN_MAX_GAGAL": "3",
        # Files every node serves (object storage in production): one folder here.
        "PRIVATE_MEDIA_ROOT": str(dunia_node["media"] / "privat"),
        "MEDIA_ROOT": str(dunia_node["media"] / "media"),
    }
    proses = []
    try:
        ports = []
        for _ in range(2):
            port = port_bebas()
            proses.append(gunicorn(port, 1, **env))
            ports.append(port)
        proses.append(
            subprocess.Popen(
                [sys.executable, "manage.py", "db_worker",
                 "--interval", "0.2", "--no-startup-delay"],
                cwd=settings.BASE_DIR,
                env=env_server(**env),
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                start_new_session=True,
            )
        )  # fmt: skip
        yield ports
    finally:
        for p in proses:
            henti(p)


def test_a_login_on_one_node_is_valid_on_the_other_and_lives_in_redis(dua_node, redis_url):
    a, b = dua_node
    _, redis = redis_url
    di_a = Klien(a)
    di_a.masuk("admin_dua_node", SANDI)

    di_b = Klien(b)
    di_b.cookie = dict(di_a.cookie)
    status, isi = di_b.minta("GET", "/")
    assert status == 200 and b"Pemerintah Kota Dua Node" in isi
    # The session is Redis's, not a row of the database.
    assert any(b"session" in k for k in redis.keys("*"))
    from django.contrib.sessions.models import Session

    assert not Session.objects.exists()

    # Logging out on B ends the session on A too.
    token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', isi).group(1).decode()
    status, _ = di_b.minta("POST", "/logout/", {"csrfmiddlewaretoken": token})
    assert status == 302
    status, _ = di_a.minta("GET", "/")
    assert status == 302  # to the login page


def test_the_login_throttle_counts_failures_on_both_nodes(dua_node):
    a, b = dua_node
    assert Klien(a).coba_masuk("admin_dua_node", "salah-1") == 200
    assert Klien(b).coba_masuk("admin_dua_node", "salah-2") == 200
    assert Klien(a).coba_masuk("admin_dua_node", "salah-3") in (200, 429)
    # The third failure (LOGIN_MAX_GAGAL=3) locked the pair out on both nodes, right password too.
    assert Klien(b).coba_masuk("admin_dua_node", SANDI) == 429
    assert Klien(a).coba_masuk("admin_dua_node", SANDI) == 429


def test_a_job_queued_on_one_node_is_followed_to_its_end_on_the_other(dua_node, dunia_node):
    a, b = dua_node
    dinas, periode = dunia_node["dinas"], dunia_node["periode"]
    di_a = Klien(a)
    di_a.masuk("admin_dua_node", SANDI)
    alamat = f"{reverse('abk:keputusan')}?periode={periode.pk}&unit={dinas.pk}"
    status, isi = di_a.minta("GET", alamat)
    token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', isi).group(1).decode()
    cetak = f"{reverse('abk:keputusan_cetak')}?periode={periode.pk}&unit={dinas.pk}"
    status, _ = di_a.minta("POST", cetak, {"csrfmiddlewaretoken": token})
    assert status == 302
    from abk.models import PekerjaanLatar

    job = PekerjaanLatar.objects.get()

    di_b = Klien(b)
    di_b.cookie = dict(di_a.cookie)
    dilihat = []
    batas = time.monotonic() + 120
    while time.monotonic() < batas:
        status, isi = di_b.minta("GET", reverse("abk:pekerjaan", args=[job.pk]))
        assert status == 200
        keadaan = re.search(rb"<strong>([^<]+)</strong>", isi).group(1).decode()
        if not dilihat or dilihat[-1] != keadaan:
            dilihat.append(keadaan)
        if keadaan in ("Selesai", "Gagal"):
            break
        time.sleep(0.2)
    # B saw the job waiting or running before it was done, then served B the file A asked for.
    assert dilihat[0] in ("Menunggu", "Sedang berjalan") and dilihat[-1] == "Selesai", dilihat
    status, pdf = di_b.minta("GET", reverse("abk:pekerjaan_unduh", args=[job.pk]))
    assert status == 200 and pdf.startswith(b"%PDF")
