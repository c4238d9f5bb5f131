from django.urls import reverse

from tests.conftest import PASSWORD

URL = reverse("organisasi:ganti_sandi")
BARU = "Sandi-Baru-yang-Panjang-42"


def _change(client, old, new1=BARU, new2=BARU):
    return client.post(URL, {"old_password": old, "new_password1": new1, "new_password2": new2})


def test_it_is_linked_from_the_top_bar_and_in_indonesian(login, users):
    client = login(users["pembaca"])
    assert URL in client.get(reverse("organisasi:beranda")).content.decode()
    html = client.get(URL).content.decode()
    assert "Ganti kata sandi" in html
    assert "Kata sandi lama" in html and "Ulangi kata sandi baru" in html


def test_it_needs_a_login(client, db):
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_a_wrong_old_password_is_refused_in_indonesian(login, users):
    client = login(users["operator"])
    response = _change(client, "bukan-sandi-lama")
    assert response.status_code == 200
    assert "Kata sandi lama salah. Silakan ketik ulang." in response.content.decode()
    users["operator"].refresh_from_db()
    assert users["operator"].check_password(PASSWORD)


def test_two_different_new_passwords_are_refused(login, users):
    client = login(users["operator"])
    response = _change(client, PASSWORD, BARU, BARU + "x")
    assert "Kedua kata sandi baru tidak sama." in response.content.decode()


def test_a_weak_new_password_is_refused_by_the_validators(login, users):
    client = login(users["operator"])
    response = _change(client, PASSWORD, "12345678", "12345678")
    assert response.status_code == 200
    users["operator"].refresh_from_db()
    assert users["operator"].check_password(PASSWORD)


def test_it_changes_the_password_and_keeps_this_session(login, users):
    client = login(users["admin"])
    response = _change(client, PASSWORD)
    assert response.status_code == 302
    assert response["Location"] == reverse("organisasi:beranda")
    users["admin"].refresh_from_db()
    assert users["admin"].check_password(BARU)
    page = client.get(reverse("organisasi:beranda"))
    assert page.status_code == 200
    assert "Kata sandi Anda telah diganti." in page.content.decode()


def test_it_logs_out_the_users_other_sessions(login, users):
    here, elsewhere = login(users["admin"]), login(users["admin"])
    other_user = login(users["operator"])
    assert elsewhere.get(reverse("organisasi:beranda")).status_code == 200
    _change(here, PASSWORD)
    response = elsewhere.get(reverse("organisasi:beranda"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))
    assert other_user.get(reverse("organisasi:beranda")).status_code == 200
