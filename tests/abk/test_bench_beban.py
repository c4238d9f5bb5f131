"""`manage.py bench --load`: gunicorn on a loopback port serving the same PostgreSQL, several
logged-in clients at once, every request counted (issue 12 item 8)."""

import json
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from organisasi.models import Instansi


@pytest.mark.skipif(connection.vendor != "postgresql", reason="gunicorn needs a shared database")
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_load_runs_logged_in_clients_against_gunicorn_and_reports_p95_beside_one_client(
    tmp_path,
):
    berkas = tmp_path / "beban.json"
    out = StringIO()
    call_command(
        "bench", "--load", "--size", "0.01", "--clients", "3", "--detik", "3", "--jeda", "0.2",
        "--workers", "2", "--json", str(berkas), stdout=out, stderr=StringIO(),
    )  # fmt: skip
    (u,) = json.loads(berkas.read_text(encoding="utf-8"))["hasil"]
    banyak, sendiri = u["detail"]["banyak"], u["detail"]["sendiri"]
    # Every page of the mix answered 200 to a logged-in Admin Instansi, under load too.
    assert u["error"] == "" and banyak["errors"] == 0 and sendiri["errors"] == 0
    assert banyak["requests"] > 3 and sendiri["requests"] > 1
    assert u["seconds"] == banyak["p95"] and u["anchor_seconds"] == sendiri["p50"]
    assert u["target"] == 5 and u["status"] in {"OK", "MELEBIHI"}
    assert any(h.startswith("/anjab/jabatan/") for h in u["detail"]["halaman"])
    assert "3 klien:" in out.getvalue()
    # The user and the synthetic instansi are gone again.
    assert not get_user_model().objects.filter(username="bench_beban").exists()
    assert not Instansi.objects.filter(nama__startswith="Pemerintah Kabupaten Uji Beban").exists()


@pytest.mark.parametrize(
    "argumen", [["--clients", "0"], ["--clients", "500"], ["--detik", "0"], ["--jeda", "-1"]]
)
def test_load_requests_are_bounded(db, argumen):
    with pytest.raises(CommandError):
        call_command("bench", "--load", *argumen, stdout=StringIO(), stderr=StringIO())
