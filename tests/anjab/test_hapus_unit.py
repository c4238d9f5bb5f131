"""Deleting a unit that still holds positions is refused with the reason (issue 14 item 2):
the positions are anjab's, so organisasi names what blocks it without knowing the model."""

from django.urls import reverse

from anjab.models import Jabatan
from organisasi.models import UnitOrganisasi
from tests.factories import JabatanFactory


def test_a_unit_with_positions_is_kept_and_the_user_told_why(dunia, users, login):
    JabatanFactory.create_batch(2, unit=dunia.subbag)
    response = login(users["operator"]).post(
        reverse("organisasi:unit_delete", args=[dunia.subbag.pk])
    )
    assert response.status_code == 400
    teks = response.content.decode()
    assert "masih dipakai oleh 2 jabatan" in teks and "tidak ada yang dihapus" in teks
    assert UnitOrganisasi.objects.filter(pk=dunia.subbag.pk).exists()
    assert Jabatan.objects.filter(unit=dunia.subbag).count() == 2


def test_the_confirmation_page_says_what_blocks_it_before_the_user_tries(dunia, users, login):
    JabatanFactory.create_batch(2, unit=dunia.subbag)
    client = login(users["admin"])
    html = client.get(reverse("organisasi:unit_delete", args=[dunia.subbag.pk])).content.decode()
    assert "Unit ini belum dapat dihapus" in html
    assert f'href="/organisasi/unit/{dunia.subbag.pk}/">2 jabatan</a>' in html
    assert "Ya, hapus" not in html
    # the Sekretariat: its sub-unit and its employee, each linked to where they are listed
    html = client.get(
        reverse("organisasi:unit_delete", args=[dunia.sekretariat.pk])
    ).content.decode()
    assert f'href="/organisasi/unit/{dunia.sekretariat.pk}/">1 sub-unit</a>' in html
    assert f'href="/pegawai/?unit={dunia.sekretariat.pk}">1 pegawai</a>' in html
    # an empty unit: the button, and nothing else in the way
    html = client.get(reverse("organisasi:unit_delete", args=[dunia.bidang.pk])).content.decode()
    assert "Ya, hapus" in html and "belum dapat dihapus" not in html
