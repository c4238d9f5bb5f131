import os
import subprocess
import sys
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent


def _manage(*args, **env):
    drop = {"DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    full_env = {k: v for k, v in os.environ.items() if k not in drop}
    full_env.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR,
        env=full_env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_the_production_profile_passes_check_deploy_without_warnings():
    result = _manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DJANGO_ENV="production",
        SECRET_KEY="k" * 20 + "a-long-random-production-secret-0123456789",
        ALLOWED_HOSTS="anjab.example.go.id",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_a_real_secret_key():
    env = {"DJANGO_ENV": "production", "ALLOWED_HOSTS": "anjab.example.go.id"}
    for key in ["", "short"]:
        result = _manage("check", **env, SECRET_KEY=key)
        assert result.returncode != 0
        assert "SECRET_KEY" in result.stderr


# Variables of the environment config/settings.py reads: cleared so that each case starts
# from the defaults whatever the shell running the tests has set.
DIBACA = {
    "DJANGO_ENV", "SECRET_KEY", "DEBUG", "ALLOWED_HOSTS", "DATABASE_URL", "CONN_MAX_AGE",
    "LOGIN_MAX_GAGAL", "LOGIN_JEDA_MENIT", "SESSION_IDLE_MINUTES", "CACHE_URL", "SESSION_STORE",
}  # fmt: skip
PRODUKSI = {
    "DJANGO_ENV": "production",
    "SECRET_KEY": "k" * 20 + "a-long-random-production-secret-0123456789",
    "ALLOWED_HOSTS": "anjab.example.go.id",
}


def _setting(*names, **env) -> list[str]:
    """The settings as config/settings.py computes them in a fresh process with `env`."""
    drop = {"DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE", *DIBACA}
    full_env = {k: v for k, v in os.environ.items() if k not in drop}
    full_env.update(env, DJANGO_SETTINGS_MODULE="config.settings")
    kode = "from django.conf import settings\n" + "".join(
        f"print(repr(settings.{n}))\n" for n in names
    )
    result = subprocess.run(
        [sys.executable, "-c", kode],
        cwd=BASE_DIR,
        env=full_env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.splitlines()


def test_it_runs_on_sqlite_until_database_url_names_postgresql():
    engine, name = _setting('DATABASES["default"]["ENGINE"]', 'DATABASES["default"]["NAME"]')
    assert engine == "'django.db.backends.sqlite3'"
    assert name == repr(str(BASE_DIR / "db.sqlite3"))
    url = "postgres://anjab:rahasia@db.example.go.id:5433/anjab_tarakan"
    assert _setting(
        'DATABASES["default"]["ENGINE"]',
        'DATABASES["default"]["HOST"]',
        'DATABASES["default"]["PORT"]',
        'DATABASES["default"]["NAME"]',
        'DATABASES["default"]["CONN_MAX_AGE"]',
        DATABASE_URL=url,
    ) == ["'django.db.backends.postgresql'", "'db.example.go.id'", "5433", "'anjab_tarakan'",
          "60"]  # fmt: skip


def test_debug_is_on_in_development_only_and_can_be_turned_off():
    assert _setting("DEBUG") == ["True"]
    assert _setting("DEBUG", DEBUG="false") == ["False"]
    assert _setting("DEBUG", "SESSION_COOKIE_SECURE", **PRODUKSI) == ["False", "True"]


def test_the_login_lockout_and_idle_session_follow_the_environment():
    names = ("AXES_FAILURE_LIMIT", "AXES_COOLOFF_TIME", "SESSION_IDLE_MINUTES")
    assert _setting(*names) == ["5", "datetime.timedelta(seconds=900)", "480"]
    env = {"LOGIN_MAX_GAGAL": "3", "LOGIN_JEDA_MENIT": "2", "SESSION_IDLE_MINUTES": "10"}
    assert _setting(*names, **env) == ["3", "datetime.timedelta(seconds=120)", "10"]
    assert _setting("SESSION_IDLE_MINUTES", **PRODUKSI) == ["30"]


def test_times_are_shown_in_western_indonesian_time():
    import datetime as dt

    from django.template import Context, Template

    # 00:30 UTC is 07:30 WIB (UTC+7).
    utc = dt.datetime(2024, 6, 24, 0, 30, tzinfo=dt.UTC)
    assert Template('{{ t|date:"H:i" }}').render(Context({"t": utc})) == "07:30"


def test_numbers_and_dates_are_formatted_the_indonesian_way(settings):
    import datetime as dt
    from decimal import Decimal

    from django.template import Context, Template

    html = Template('{% load l10n %}{{ n|floatformat:"2g" }} · {{ d|date:"DATE_FORMAT" }}').render(
        Context({"n": Decimal("1250"), "d": dt.date(2024, 6, 24)})
    )
    assert html == "1.250,00 · 24 Juni 2024"


def test_a_redis_cache_url_uses_django_redis_and_sessions_can_live_in_it():
    assert _setting('CACHES["default"]["BACKEND"]', "SESSION_ENGINE") == [
        "'django.core.cache.backends.locmem.LocMemCache'",
        "'django.contrib.sessions.backends.db'",
    ]
    assert _setting(
        'CACHES["default"]["BACKEND"]',
        'CACHES["default"]["LOCATION"]',
        "SESSION_ENGINE",
        CACHE_URL="redis://redis.internal:6379/2",
        SESSION_STORE="cache",
    ) == [
        "'django_redis.cache.RedisCache'",
        "'redis://redis.internal:6379/2'",
        "'django.contrib.sessions.backends.cache'",
    ]
    salah = _manage("check", SESSION_STORE="redis")
    assert salah.returncode != 0 and "SESSION_STORE harus salah satu dari" in salah.stderr
