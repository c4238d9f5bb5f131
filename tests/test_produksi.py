"""The production profile started as the README's Production section says, on a fresh
PostgreSQL database, behind gunicorn, and a login through it over real HTTP."""

import http.client
import os
import re
import secrets
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlencode

import psycopg
import pytest

from abk.bench.beban import gunicorn, henti, port_bebas

BASE_DIR = Path(__file__).resolve().parent.parent
SERVER = "postgresql://postgres@127.0.0.1:5432"
HOST = "testserver"
PASSWORD = "Produksi-Uji-Sandi-2024"


@pytest.fixture
def fresh_database():
    try:
        admin = psycopg.connect(f"{SERVER}/postgres", connect_timeout=3, autocommit=True)
    except psycopg.OperationalError as error:
        pytest.skip(f"PostgreSQL is not reachable at 127.0.0.1:5432: {error}")
    name = f"anjab_prod_{secrets.token_hex(4)}"
    admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield f"{SERVER}/{name}"
    finally:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()


@pytest.fixture
def production_env(fresh_database, tmp_path):
    drop = {"DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE", "CACHE_URL", "DEBUG"}
    env = {k: v for k, v in os.environ.items() if k not in drop}
    env.update(
        DJANGO_ENV="production",
        SECRET_KEY=secrets.token_urlsafe(64),
        ALLOWED_HOSTS=HOST,
        DATABASE_URL=fresh_database,
        STATIC_ROOT=str(tmp_path / "static"),
        DJANGO_SUPERUSER_PASSWORD=PASSWORD,
    )
    return env


def _manage(env, *args):
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert result.returncode == 0, f"manage.py {' '.join(args)}:\n{result.stdout}{result.stderr}"
    return result.stdout


def _request(port, method, path, *, cookies=None, body=None):
    # The TLS proxy in front says the request came over HTTPS (SECURE_PROXY_SSL_HEADER).
    headers = {"Host": HOST, "X-Forwarded-Proto": "https"}
    if cookies:
        headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in cookies.items())
    if body is not None:
        headers["Content-Type"] = "application/x-www-form-urlencoded"
        headers["Referer"] = f"https://{HOST}{path}"
        body = urlencode(body)
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        content = response.read().decode()
        set_cookies = {}
        for name, value in response.getheaders():
            if name.lower() == "set-cookie":
                key, _, rest = value.partition("=")
                set_cookies[key] = rest.split(";", 1)[0]
        return response.status, dict(response.getheaders()), content, set_cookies
    finally:
        connection.close()


def test_a_fresh_production_install_logs_in_through_gunicorn(production_env):
    env = production_env
    _manage(env, "migrate", "--noinput")
    _manage(env, "createcachetable")
    _manage(env, "collectstatic", "--noinput")
    _manage(env, "createsuperuser", "--noinput", "--username", "kepala", "--email", "k@x.go.id")
    cache_check = "from django.core.cache import cache; cache.set('k', 'v'); print(cache.get('k'))"
    assert _manage(env, "shell", "-c", cache_check).splitlines()[-1] == "v"

    port = port_bebas()
    server = gunicorn(port, 2, env=env)
    try:
        status, _, html, cookies = _request(port, "GET", "/login/")
        assert status == 200, html
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)

        status, headers, html, new_cookies = _request(
            port,
            "POST",
            "/login/",
            cookies=cookies,
            body={"username": "kepala", "password": PASSWORD, "csrfmiddlewaretoken": token},
        )
        assert status == 302, html
        assert headers["Location"] == "/"
        cookies |= new_cookies
        assert "sessionid" in cookies

        status, _, html, _ = _request(port, "GET", "/", cookies=cookies)
        assert status == 200, html
        assert "Ganti kata sandi" in html
    finally:
        henti(server)
