"""The year a Renstra page opens on without ?tahun=: the latest year with a Perjanjian Kinerja,
else this year, kept inside the Renstra's period."""

import datetime as dt

import pytest
from django.urls import reverse

from kinerja.models import PerjanjianKinerja, Renstra


@pytest.fixture
def renstra(dunia):
    return Renstra.objects.create(unit=dunia.dinas, tahun_awal=2020, tahun_akhir=2024, visi="V")


def _tahun(login, users, renstra) -> int:
    response = login(users["admin"]).get(reverse("kinerja:renstra", args=[renstra.pk]))
    assert response.status_code == 200
    return response.context["tahun"]


def test_it_opens_on_the_latest_agreement_year(users, login, renstra):
    for tahun in (2021, 2023):
        PerjanjianKinerja.objects.create(renstra=renstra, tahun=tahun)
    assert _tahun(login, users, renstra) == 2023


@pytest.mark.parametrize(("hari_ini", "tahun"), [(2022, 2022), (2031, 2024), (2015, 2020)])
def test_without_an_agreement_it_opens_on_this_year_inside_the_period(
    users, login, renstra, monkeypatch, hari_ini, tahun
):
    monkeypatch.setattr("django.utils.timezone.localdate", lambda: dt.date(hari_ini, 3, 1))
    assert _tahun(login, users, renstra) == tahun
