import pytest
from django.urls import reverse

from tests.conftest import PASSWORD


def test_the_login_page_is_in_indonesian(client, db):
    html = client.get(reverse("login")).content.decode()
    assert "Nama pengguna" in html and "Kata sandi" in html and 'lang="id"' in html


def test_a_wrong_password_is_refused_in_indonesian(client, users):
    response = client.post(reverse("login"), {"username": "admin_tarakan", "password": "salah"})
    assert "Nama pengguna atau kata sandi salah." in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_a_correct_login_lands_on_the_dashboard(client, users):
    response = client.post(reverse("login"), {"username": "admin_tarakan", "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == reverse("organisasi:beranda")


def test_repeated_failures_lock_the_account_even_for_the_right_password(client, users, settings):
    settings.LOGIN_MAX_GAGAL = 3
    for _ in range(3):
        client.post(reverse("login"), {"username": "admin_tarakan", "password": "salah"})
    response = client.post(reverse("login"), {"username": "admin_tarakan", "password": PASSWORD})
    assert "Terlalu banyak percobaan masuk yang gagal" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_failures_from_one_address_lock_other_usernames_too(client, users, settings):
    settings.LOGIN_MAX_GAGAL = 3
    for name in ["a", "b", "c"]:
        client.post(reverse("login"), {"username": name, "password": "salah"})
    response = client.post(reverse("login"), {"username": "admin_tarakan", "password": PASSWORD})
    assert "Terlalu banyak percobaan" in response.content.decode()


def test_logout_needs_a_post(client, users):
    client.post(reverse("login"), {"username": "admin_tarakan", "password": PASSWORD})
    assert client.get(reverse("logout")).status_code == 405
    client.post(reverse("logout"))
    assert "_auth_user_id" not in client.session


@pytest.fixture(autouse=True)
def _clear_cache():
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()
