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
