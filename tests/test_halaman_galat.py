"""The product's own error pages (issue 14 item 1): in Indonesian, with the menu, in
development (DEBUG) as in production; a failing page answers the 500 page, never a traceback."""

import pytest
from django.contrib.auth.models import User
from django.test import Client, override_settings
from django.urls import path

from config import urls as config_urls


def _rusak(request):
    raise RuntimeError("sengaja")


urlpatterns = [path("rusak/", _rusak), *config_urls.urlpatterns]
handler500 = config_urls.handler500


@pytest.fixture
def masuk(users):
    client = Client(raise_request_exception=False)
    client.force_login(users["admin"])
    return client


def test_a_page_the_role_may_not_open_is_the_products_403_with_the_menu(users):
    client = Client()
    client.force_login(User.objects.create_user("ani", password="x"))  # no access granted
    response = client.get("/anjab/")
    html = response.content.decode()
    assert response.status_code == 403
    assert "Hubungi Admin Instansi" in html and 'aria-label="Menu utama"' in html


@pytest.mark.parametrize("debug", [True, False])
def test_a_missing_page_is_the_products_page_with_the_menu(masuk, settings, debug):
    settings.DEBUG = debug
    for url in ["/tidak-ada/", "/anjab/jabatan/999999/"]:
        response = masuk.get(url)
        html = response.content.decode()
        assert response.status_code == 404
        assert "Halaman tidak ditemukan" in html and 'aria-label="Menu utama"' in html
        assert "DEBUG = True" not in html and "URLconf" not in html


@override_settings(ROOT_URLCONF=__name__, DEBUG=False)
def test_a_server_error_answers_the_500_page_with_the_menu(masuk):
    response = masuk.get("/rusak/")
    html = response.content.decode()
    assert response.status_code == 500
    assert "Terjadi kesalahan pada server" in html and 'aria-label="Menu utama"' in html
    assert "sengaja" not in html and "Traceback" not in html


@override_settings(ROOT_URLCONF=__name__, DEBUG=False)
def test_the_500_page_falls_back_to_plain_html_when_it_cannot_be_built(masuk, monkeypatch):
    from organisasi import views_galat

    def rusak(*args, **kwargs):
        raise RuntimeError("template rusak")

    monkeypatch.setattr(views_galat.loader, "get_template", rusak)
    response = masuk.get("/rusak/")
    assert response.status_code == 500
    assert "Terjadi kesalahan pada server" in response.content.decode()


@override_settings(DEBUG=False, DATA_UPLOAD_MAX_NUMBER_FIELDS=5)
def test_a_request_too_large_to_read_is_the_products_400_with_the_menu(masuk):
    response = masuk.post("/login/", {f"f{i}": "x" for i in range(10)})
    html = response.content.decode()
    assert response.status_code == 400
    assert "Permintaan tidak dapat diproses" in html and "belum ada yang disimpan" in html
    assert 'aria-label="Menu utama"' in html
