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


def test_development_defaults_are_indonesian_and_sqlite(settings):
    assert settings.LANGUAGE_CODE == "id"
    assert settings.TIME_ZONE == "Asia/Jakarta"
    assert settings.USE_THOUSAND_SEPARATOR is True


def test_numbers_and_dates_are_formatted_the_indonesian_way(settings):
    import datetime as dt
    from decimal import Decimal

    from django.template import Context, Template

    html = Template('{% load l10n %}{{ n|floatformat:"2g" }} · {{ d|date:"DATE_FORMAT" }}').render(
        Context({"n": Decimal("1250"), "d": dt.date(2024, 6, 24)})
    )
    assert html == "1.250,00 · 24 Juni 2024"
