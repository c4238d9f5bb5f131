"""`manage.py bench --load`: many users at once against gunicorn + the configured database.

A synthetic Pemda is built at --size (abk.sintetis), an Admin Instansi for it logs in through
the login form once per client, and gunicorn (the production server, on a free loopback port,
DEBUG off) serves it. First one client alone, then --clients at once for --detik seconds;
each client is a user who opens a page, reads it for --jeda seconds on average (uniformly
0.5–1.5 × --jeda; 0 for clients that never pause) and opens the next; the single client asks
one page after another without pausing (its latency is the same, its sample larger). The
pages are what an analyst opens all day: the beranda, the whole-instansi summary, one
perangkat daerah's rekap, peta and position list, and position pages.

The figure is the p95 of the many clients beside the single client's p50 (target 5×, issue 12),
with errors (any status other than 200, any timeout) reported; every request is bounded by a
timeout and the run by its deadline. Only 127.0.0.1 is ever contacted."""

import http.client
import os
import random
import re
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from urllib.parse import quote, urlencode

from django.conf import settings
from django.db import connection

from abk.bench import Opsi, Ukuran
from abk.bench.impor import hapus_instansi
from abk.bench.rekap import bangun_menurut_ukuran

TARGET = 5.0
BATAS_PERMINTAAN_DETIK = 60  # a request slower than this counts as an error
PENGGUNA = "bench_beban"
SANDI = "bench-beban-" + uuid.uuid4().hex  # never reused: the user is deleted afterwards


def pekerja_bawaan() -> int:
    """gunicorn's own rule, which the README's production section follows: 2 × cores + 1
    (a worker waiting on the database leaves its core to another)."""
    return 2 * (os.cpu_count() or 1) + 1


@dataclass(frozen=True)
class OpsiBeban:
    klien: int = 20
    detik: float = 30.0
    jeda: float = 1.0
    pekerja: int = field(default_factory=lambda: pekerja_bawaan())


@dataclass
class Catatan:
    latensi: list[float] = field(default_factory=list)
    galat: list[str] = field(default_factory=list)
    per_halaman: dict[str, list[float]] = field(default_factory=dict)


def jenis_halaman(alamat: str) -> str:
    """/anjab/jabatan/123/ → /anjab/jabatan/N/; the query's values likewise."""
    return re.sub(r"\d+", "N", alamat)


def port_bebas() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Klien:
    """One user: a keep-alive connection with its own session cookie."""

    def __init__(self, port: int):
        self.port = port
        self.cookie: dict[str, str] = {}
        self.conn = None

    def _sambung(self):
        self.conn = http.client.HTTPConnection(
            "127.0.0.1", self.port, timeout=BATAS_PERMINTAAN_DETIK
        )

    def minta(self, metode: str, alamat: str, isi: dict | None = None) -> tuple[int, bytes]:
        kepala = {"Host": "127.0.0.1"}
        if self.cookie:
            kepala["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookie.items())
        badan = None
        if isi is not None:
            badan = urlencode(isi)
            kepala["Content-Type"] = "application/x-www-form-urlencoded"
            kepala["Referer"] = f"http://127.0.0.1:{self.port}{alamat}"
        for percobaan in range(2):  # a keep-alive connection the server closed: once more
            if self.conn is None:
                self._sambung()
            try:
                self.conn.request(metode, alamat, body=badan, headers=kepala)
                r = self.conn.getresponse()
                data = r.read()
                break
            except (ConnectionError, http.client.HTTPException):
                self.conn.close()
                self.conn = None
                if percobaan:
                    raise
        for nilai in r.headers.get_all("Set-Cookie") or []:
            for k, m in SimpleCookie(nilai).items():
                self.cookie[k] = m.value
        if r.getheader("Connection", "").lower() == "close":
            self.conn.close()
            self.conn = None
        return r.status, data

    def coba_masuk(self, username: str, password: str) -> int:
        """Logs in through the login form as a browser does; the POST's status (302: in)."""
        status, data = self.minta("GET", "/login/")
        m = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', data)
        if status != 200 or m is None:
            raise RuntimeError(f"halaman masuk tidak terbuka (status {status})")
        status, _ = self.minta(
            "POST",
            "/login/",
            {
                "csrfmiddlewaretoken": m.group(1).decode(),
                "username": username,
                "password": password,
            },
        )
        return status

    def masuk(self, username: str, password: str) -> None:
        status = self.coba_masuk(username, password)
        if status != 302 or "sessionid" not in self.cookie:
            raise RuntimeError(f"gagal masuk sebagai {username} (status {status})")


def _halaman(periode_id: int, instansi_id: int, rng: random.Random) -> list[str]:
    """The pages of the mix, drawn once (the same list for every run of the same data)."""
    from anjab.models import Jabatan
    from organisasi.models import UnitOrganisasi

    pd = list(
        UnitOrganisasi.objects.filter(instansi_id=instansi_id, parent=None)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    jabatan = list(
        Jabatan.objects.filter(instansi_id=instansi_id).order_by("pk").values_list("pk", flat=True)
    )
    p = f"periode={periode_id}"
    hasil = ["/", f"/abk/?{p}"]
    for u in rng.sample(pd, min(5, len(pd))):
        hasil += [f"/abk/?{p}&unit={u}", f"/abk/peta/?{p}&unit={u}", f"/anjab/?unit={u}"]
    hasil += [f"/anjab/jabatan/{j}/" for j in rng.sample(jabatan, min(20, len(jabatan)))]
    return hasil


def _jalan(port, halaman, batas: dict, jeda: float, seed: int, catatan: Catatan, siap):
    rng = random.Random(seed)
    klien = Klien(port)
    try:
        klien.masuk(PENGGUNA, SANDI)
    except Exception as e:
        catatan.galat.append(f"masuk: {e}")
        siap.wait()
        return
    siap.wait()  # every client has logged in: the clock starts for all at once
    sampai = batas["sampai"]
    while time.monotonic() < sampai:
        alamat = rng.choice(halaman)
        awal = time.perf_counter()
        try:
            status, _ = klien.minta("GET", alamat)
        except Exception as e:
            catatan.galat.append(f"{alamat}: {type(e).__name__}")
            klien.conn = None
            continue
        detik = time.perf_counter() - awal
        catatan.latensi.append(detik)
        catatan.per_halaman.setdefault(jenis_halaman(alamat), []).append(detik)
        if status != 200:
            catatan.galat.append(f"{alamat}: HTTP {status}")
        if jeda:
            time.sleep(min(jeda * rng.uniform(0.5, 1.5), max(0.0, sampai - time.monotonic())))


def _serbu(port, halaman, *, klien: int, detik: float, jeda: float) -> Catatan:
    """`klien` users at once for `detik` seconds, counted from when all have logged in."""
    catatan = Catatan()
    batas = {}
    siap = threading.Barrier(
        klien + 1, action=lambda: batas.update(sampai=time.monotonic() + detik)
    )
    benang = [
        threading.Thread(
            target=_jalan,
            args=(port, halaman, batas, jeda, 1000 + i, catatan, siap),
            daemon=True,
        )
        for i in range(klien)
    ]
    for t in benang:
        t.start()
    siap.wait(timeout=BATAS_PERMINTAAN_DETIK * 2)
    for t in benang:
        t.join(detik + BATAS_PERMINTAAN_DETIK + 5)
    return catatan


def _persentil(nilai: list[float], p: float) -> float | None:
    if not nilai:
        return None
    urut = sorted(nilai)
    return urut[min(len(urut) - 1, max(0, round(p / 100 * len(urut)) - 1))]


def env_server(**tambahan: str) -> dict:
    """The environment of a server process started beside this one: the same database, the
    project's own settings (not a test run's), DEBUG off, loopback only."""
    env = {
        **os.environ,
        "DEBUG": "false",
        "ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": _url_basis_data(),
        **tambahan,
    }
    env.pop("DJANGO_SETTINGS_MODULE", None)
    return env


def gunicorn(
    port: int, pekerja: int, *, env: dict | None = None, **env_tambahan: str
) -> subprocess.Popen:
    """gunicorn serving the project on 127.0.0.1:`port`, once it accepts connections: with
    this process's database and settings (env_server) and `env_tambahan`, or exactly `env`."""
    env = env if env is not None else env_server(**env_tambahan)
    log = tempfile.TemporaryFile()  # noqa: SIM115 - lives as long as the server
    proses = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "config.wsgi:application",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(pekerja),
            "--timeout",
            str(BATAS_PERMINTAAN_DETIK + 30),
            "--keep-alive",
            "30",
            "--log-level",
            "warning",
        ],
        cwd=settings.BASE_DIR,
        env=env,
        stdout=subprocess.DEVNULL,
        # A file, not a pipe nobody reads: a chatty server must never block on its log.
        stderr=log,
        start_new_session=True,
    )
    batas = time.monotonic() + 30
    while time.monotonic() < batas:
        if proses.poll() is not None:
            log.seek(0)
            raise RuntimeError("gunicorn berhenti: " + log.read().decode()[-2000:])
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return proses
        except OSError:
            time.sleep(0.2)
    henti(proses)
    raise RuntimeError("gunicorn tidak menjawab dalam 30 detik")


def henti(proses: subprocess.Popen) -> None:
    if proses.poll() is None:
        os.killpg(proses.pid, signal.SIGTERM)
        try:
            proses.wait(20)
        except subprocess.TimeoutExpired:
            os.killpg(proses.pid, signal.SIGKILL)
            proses.wait()


def _url_basis_data() -> str:
    """The URL of the database this process uses, for gunicorn to use the same one."""
    s = connection.settings_dict
    if connection.vendor == "postgresql":
        tuan = s["HOST"] or "127.0.0.1"
        kredensial = quote(s["USER"], safe="") + (
            f":{quote(s['PASSWORD'], safe='')}" if s["PASSWORD"] else ""
        )
        return f"postgres://{kredensial}@{tuan}:{s['PORT'] or 5432}/{s['NAME']}"
    if connection.vendor == "sqlite" and str(s["NAME"]) not in ("", ":memory:"):
        return f"sqlite:///{s['NAME']}"
    raise RuntimeError("bench --load memerlukan basis data yang dapat dibuka proses lain.")


def _pengguna(instansi):
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from organisasi.akses import Peran
    from organisasi.models import AksesPengguna

    User = get_user_model()
    User.objects.filter(username=PENGGUNA).delete()
    user = User.objects.create_user(username=PENGGUNA)
    # Hashed as the server will check it (a test run's settings may use a faster hasher that
    # gunicorn's settings do not know).
    user.password = sandi_server(SANDI)
    user.save(update_fields=["password"])
    user.groups.add(Group.objects.get(name=Peran.ADMIN_INSTANSI.value))
    AksesPengguna.objects.create(user=user, instansi=instansi)
    return user


def sandi_server(sandi: str) -> str:
    """A password hash every settings module checks (a test run's faster hasher is unknown to
    a server started with the production settings)."""
    from django.contrib.auth.hashers import PBKDF2PasswordHasher

    hasher = PBKDF2PasswordHasher()
    return hasher.encode(sandi, hasher.salt())


def _ringkas(c: Catatan, detik: float) -> dict:
    return {
        "requests": len(c.latensi),
        "errors": len(c.galat),
        "error_examples": c.galat[:5],
        "p50": _persentil(c.latensi, 50),
        "p95": _persentil(c.latensi, 95),
        "max": max(c.latensi) if c.latensi else None,
        "per_second": round(len(c.latensi) / detik, 2) if detik else None,
        "per_page_p50": {k: _persentil(v, 50) for k, v in sorted(c.per_halaman.items())},
    }


def ukur_beban(opsi: Opsi, beban: OpsiBeban) -> list[Ukuran]:
    from django.contrib.auth import get_user_model

    from anjab.models import PeriodeAnalisis

    nama = f"Pemerintah Kabupaten Uji Beban {uuid.uuid4().hex[:12]}"
    awal = time.monotonic()
    bangun_menurut_ukuran(nama, opsi.ukuran)
    opsi.tulis(f"beban: Pemda sintetis dibuat dalam {time.monotonic() - awal:.1f} s")
    proses = None
    try:
        periode = PeriodeAnalisis.objects.select_related("instansi").get(instansi__nama=nama)
        _pengguna(periode.instansi)
        halaman = _halaman(periode.pk, periode.instansi_id, random.Random(1))
        connection.close()  # gunicorn and the clients from here on; nothing held open
        port = port_bebas()
        proses = gunicorn(port, beban.pekerja)
        opsi.tulis(f"beban: gunicorn ({beban.pekerja} pekerja) di 127.0.0.1:{port}")
        # Warm-up: each worker imports and connects once before anything is timed.
        _serbu(port, halaman, klien=beban.pekerja, detik=3, jeda=0)
        # One request at a time, back to back: the same pages with nobody waiting for a
        # worker, and enough requests (hundreds, not a dozen) for a p50 that holds still.
        detik_sendiri = max(3.0, beban.detik / 2)
        sendiri = _serbu(port, halaman, klien=1, detik=detik_sendiri, jeda=0)
        s = _ringkas(sendiri, detik_sendiri)
        opsi.tulis(f"beban: 1 klien: {s['requests']} permintaan, p50 {s['p50']}")
        banyak = _serbu(port, halaman, klien=beban.klien, detik=beban.detik, jeda=beban.jeda)
        b = _ringkas(banyak, beban.detik)
        opsi.tulis(
            f"beban: {beban.klien} klien: {b['requests']} permintaan, {b['errors']} galat, "
            f"p50 {b['p50']}, p95 {b['p95']}"
        )
        galat = ""
        if b["errors"] or s["errors"]:
            galat = f"{b['errors'] + s['errors']} permintaan gagal, misalnya " + "; ".join(
                (banyak.galat + sendiri.galat)[:3]
            )
        judul = (
            f"{beban.klien} klien × {beban.detik:g} s, jeda baca {beban.jeda:g} s, "
            f"gunicorn {beban.pekerja} pekerja: p95"
        )
        return [
            Ukuran(
                section="beban",
                figure=judul,
                seconds=b["p95"],
                seconds_median=b["p50"],
                anchor="1 klien, halaman yang sama, satu per satu: p50",
                anchor_seconds=s["p50"],
                anchor_seconds_median=s["p50"],
                target=TARGET,
                rows=b["requests"],
                error=galat,
                detail={"banyak": b, "sendiri": s, "halaman": halaman, "opsi": beban.__dict__},
            )
        ]
    finally:
        if proses is not None:
            henti(proses)
        get_user_model().objects.filter(username=PENGGUNA).delete()
        hapus_instansi(nama)
