"""The admin's changelists open for a superuser (the unit tree's needs django-js-asset)."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse


@pytest.mark.parametrize(
    "nama",
    [
        "organisasi_unitorganisasi",
        "organisasi_pegawai",
        "anjab_jabatan",
        "anjab_penempatan",
        "anjab_periodeanalisis",
    ],
)
def test_the_changelist_opens_for_a_superuser(dunia, login, nama):
    root = get_user_model().objects.create_superuser("akar", "akar@example.org", "x")
    response = login(root).get(reverse(f"admin:{nama}_changelist"))
    assert response.status_code == 200
