import os
import subprocess
import sys
import threading
from datetime import timedelta
from pathlib import Path

import pytest
from axes.models import AccessAttempt
from django.conf import settings as django_settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.sessions.models import Session
from django.db import connections
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from organisasi.auth import RENEWED_KEY, client_address
from tests.conftest import PASSWORD
from tests.factories import make_user

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def _post_login(client, username, password, **extra):
    return client.post(reverse("login"), {"username": username, "password": password}, **extra)


def _post_admin_login(client, username, password, **extra):
    return client.post(
        reverse("admin:login"), {"username": username, "password": password}, **extra
    )


def test_the_login_page_is_in_indonesian(client, db):
    html = client.get(reverse("login")).content.decode()
    assert "Nama pengguna" in html and "Kata sandi" in html and 'lang="id"' in html


def test_a_wrong_password_is_refused_in_indonesian(client, users):
    response = _post_login(client, "admin_tarakan", "salah")
    assert response.status_code == 200
    assert "Nama pengguna atau kata sandi salah." in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_a_correct_login_lands_on_the_dashboard(client, users):
    response = _post_login(client, "admin_tarakan", PASSWORD)
    assert response.status_code == 302
    assert response["Location"] == reverse("organisasi:beranda")


def test_five_failures_lock_the_login_for_15_minutes_even_with_the_right_password(client, users):
    for _ in range(4):
        assert _post_login(client, "admin_tarakan", "salah").status_code == 200
    fifth = _post_login(client, "admin_tarakan", "salah")
    assert fifth.status_code == 429

    response = _post_login(client, "admin_tarakan", PASSWORD)
    assert response.status_code == 429
    html = response.content.decode()
    assert "Terlalu banyak percobaan masuk yang gagal. Coba lagi dalam 15 menit." in html
    assert 'lang="id"' in html and "Traceback" not in html
    assert "organisasi/terkunci.html" in [t.name for t in response.templates]
    assert "_auth_user_id" not in client.session


def test_the_admin_login_is_locked_after_five_failures_even_with_the_right_password(client, db):
    make_user("super", peran=None, superuser=True)
    for _ in range(5):
        _post_admin_login(client, "super", "salah")
    response = _post_admin_login(client, "super", PASSWORD)
    assert response.status_code == 429
    assert "Coba lagi dalam 15 menit." in response.content.decode()
    assert "_auth_user_id" not in client.session
    assert client.get(reverse("admin:index")).status_code == 302


def test_failures_at_one_door_count_at_the_other(client, db):
    make_user("super", peran=None, superuser=True)
    for _ in range(3):
        _post_login(client, "super", "salah")
    for _ in range(2):
        _post_admin_login(client, "super", "salah")
    assert _post_login(client, "super", PASSWORD).status_code == 429


def test_the_message_states_the_configured_cool_off(client, users, settings):
    settings.AXES_COOLOFF_TIME = timedelta(minutes=30)
    for _ in range(5):
        _post_login(client, "admin_tarakan", "salah")
    response = _post_login(client, "admin_tarakan", PASSWORD)
    assert "Coba lagi dalam 30 menit." in response.content.decode()


def test_the_lock_ends_after_the_cool_off(client, users):
    for _ in range(5):
        _post_login(client, "admin_tarakan", "salah")
    AccessAttempt.objects.update(attempt_time=timezone.now() - timedelta(minutes=16))
    assert _post_login(client, "admin_tarakan", PASSWORD).status_code == 302


def test_a_successful_login_resets_the_count(client, users):
    for _ in range(4):
        _post_login(client, "admin_tarakan", "salah")
    assert _post_login(client, "admin_tarakan", PASSWORD).status_code == 302
    client.post(reverse("logout"))
    for _ in range(4):
        _post_login(client, "admin_tarakan", "salah")
    assert _post_login(client, "admin_tarakan", PASSWORD).status_code == 302


def test_two_usernames_from_one_address_do_not_lock_each_other(client, users):
    for _ in range(6):
        _post_login(client, "operator_dinsos", "salah")
    assert _post_login(client, "admin_tarakan", PASSWORD).status_code == 302


def test_one_username_from_another_address_is_not_locked(users):
    for _ in range(5):
        _post_login(Client(), "admin_tarakan", "salah", REMOTE_ADDR="198.51.100.7")
    response = _post_login(Client(), "admin_tarakan", PASSWORD, REMOTE_ADDR="198.51.100.8")
    assert response.status_code == 302


def test_a_forwarded_header_is_ignored_without_a_trusted_proxy(client, users, settings):
    settings.TRUSTED_PROXY_HEADER = ""
    for n in range(5):
        _post_login(client, "admin_tarakan", "salah", HTTP_X_FORWARDED_FOR=f"203.0.113.{n}")
    response = _post_login(client, "admin_tarakan", PASSWORD, HTTP_X_FORWARDED_FOR="203.0.113.99")
    assert response.status_code == 429
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {"127.0.0.1"}


def test_behind_a_trusted_proxy_the_header_names_the_client(client, users, settings):
    settings.TRUSTED_PROXY_HEADER = "X-Forwarded-For"
    settings.PROXY_COUNT = 1
    for n in range(5):
        # What the client sends is on the left; the proxy appends the address it saw.
        _post_login(
            client, "admin_tarakan", "salah", HTTP_X_FORWARDED_FOR=f"10.9.9.{n}, 203.0.113.5"
        )
    locked = _post_login(client, "admin_tarakan", PASSWORD, HTTP_X_FORWARDED_FOR="203.0.113.5")
    assert locked.status_code == 429
    other = _post_login(Client(), "admin_tarakan", PASSWORD, HTTP_X_FORWARDED_FOR="203.0.113.6")
    assert other.status_code == 302


def test_the_client_address_counts_the_proxies_from_the_right(rf, settings):
    request = rf.post(
        "/login/", HTTP_X_FORWARDED_FOR="1.1.1.1, 203.0.113.5, 10.0.0.2", REMOTE_ADDR="10.0.0.3"
    )
    settings.TRUSTED_PROXY_HEADER = ""
    assert client_address(request) == "10.0.0.3"
    settings.TRUSTED_PROXY_HEADER = "X-Forwarded-For"
    settings.PROXY_COUNT = 2
    assert client_address(request) == "203.0.113.5"
    settings.PROXY_COUNT = 4
    assert client_address(request) == "10.0.0.3"
    request.META["HTTP_X_FORWARDED_FOR"] = "bukan-alamat, 10.0.0.2"
    settings.PROXY_COUNT = 2
    assert client_address(request) == "10.0.0.3"


def _settings_in(env: dict) -> list[str]:
    drop = {"DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE", "TRUSTED_PROXY_HEADER"}
    full_env = {k: v for k, v in os.environ.items() if k not in drop} | env
    code = (
        "from django.conf import settings as s; "
        "print(repr(s.TRUSTED_PROXY_HEADER), s.SESSION_IDLE_MINUTES, s.SESSION_COOKIE_AGE)"
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", code],
        cwd=BASE_DIR,
        env=full_env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.splitlines()[-1].split()


def test_the_proxy_header_setting_is_honoured_only_in_production():
    proxied = {"TRUSTED_PROXY_HEADER": "X-Forwarded-For"}
    assert _settings_in({"DJANGO_ENV": "development"} | proxied)[0] == "''"
    production = {
        "DJANGO_ENV": "production",
        "SECRET_KEY": "p" * 60,
        "ALLOWED_HOSTS": "anjab.example.go.id",
    }
    assert _settings_in(production | proxied)[0] == "'X-Forwarded-For'"
    assert _settings_in(production)[:3] == ["''", "30", "1800"]


def test_logout_needs_a_post(client, users):
    _post_login(client, "admin_tarakan", PASSWORD)
    assert client.get(reverse("logout")).status_code == 405
    client.post(reverse("logout"))
    assert "_auth_user_id" not in client.session


def test_a_request_after_a_minute_renews_the_idle_timeout(login, users, settings):
    settings.SESSION_COOKIE_AGE = 30 * 60
    client = login(users["admin"])
    # Within a minute of the login (or of the last renewal) nothing is written.
    assert settings.SESSION_COOKIE_NAME not in client.get(reverse("organisasi:beranda")).cookies

    session = client.session
    session[RENEWED_KEY] -= 61
    session.save()
    Session.objects.update(expire_date=timezone.now() + timedelta(minutes=1))
    response = client.get(reverse("organisasi:beranda"))
    assert response.status_code == 200
    assert response.cookies[settings.SESSION_COOKIE_NAME]["max-age"] == 30 * 60
    remaining = Session.objects.get().expire_date - timezone.now()
    assert timedelta(minutes=29) < remaining <= timedelta(minutes=30)


def test_an_idle_session_is_logged_out(login, users):
    client = login(users["admin"])
    assert client.get(reverse("organisasi:beranda")).status_code == 200
    Session.objects.update(expire_date=timezone.now() - timedelta(seconds=1))
    response = client.get(reverse("organisasi:beranda"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


@pytest.mark.skipif(
    django_settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql",
    reason="the per-pair lock is a PostgreSQL advisory lock; SQLite serialises no logins",
)
# serialized_rollback: an earlier transactional test (a browser journey) may have flushed the
# reference data (pangkat/golongan) the world is built from.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_parallel_burst_checks_at_most_five_passwords(monkeypatch, dunia):
    make_user("sasaran", peran=None)
    checked = []
    real_check = AbstractBaseUser.check_password

    def counting_check(user, raw_password):
        checked.append(raw_password)
        return real_check(user, raw_password)

    monkeypatch.setattr(AbstractBaseUser, "check_password", counting_check)
    start = threading.Barrier(30)
    statuses = []

    def guess(n):
        try:
            start.wait(timeout=30)
            response = _post_login(Client(), "sasaran", f"tebakan-{n}")
            statuses.append(response.status_code)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=guess, args=(n,)) for n in range(30)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert len(statuses) == 30
    assert len(checked) <= 5
    assert statuses.count(429) >= 25
