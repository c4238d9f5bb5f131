"""The position list of a large perangkat daerah is paged (issue 12): a hundred rows a page,
numbered as the whole list is, and each page reads the same few rows whatever the size."""

import re

from django.urls import reverse

from tests.abk.test_skala_kueri import _kueri, bangun_pd, pemda  # noqa: F401 (fixture)


def _baris(respons) -> list[str]:
    html = respons.content.decode()
    tabel = html[html.index("<tbody>") : html.index("</tbody>")]
    return re.findall(r'<td class="nowrap">([\d.]+)</td>', tabel)


def test_a_large_units_positions_come_a_hundred_a_page(pemda, users, login):  # noqa: F811
    instansi, periode, _ = pemda
    besar = bangun_pd(instansi, periode, "Dinas Besar", sub=8, per_unit=15)  # 135 positions
    client = login(users["admin"])
    pertama = client.get(reverse("anjab:daftar"), {"unit": besar.pk})
    kedua = client.get(reverse("anjab:daftar"), {"unit": besar.pk, "halaman": 2})
    nomor_1, nomor_2 = _baris(pertama), _baris(kedua)
    assert len(nomor_1) == 100 and len(nomor_2) == 35
    assert nomor_1[0] == "1" and not set(nomor_1) & set(nomor_2)
    assert "Halaman 1 dari 2 (135 jabatan)" in pertama.content.decode()
    assert f"unit={besar.pk}&amp;halaman=2" in pertama.content.decode()
    # Out-of-range or garbage page numbers show a page, never an error.
    assert (
        client.get(reverse("anjab:daftar"), {"unit": besar.pk, "halaman": "x"}).status_code == 200
    )
    sebelum = _kueri(lambda: client.get(reverse("anjab:daftar"), {"unit": besar.pk}))
    bangun_pd(instansi, periode, "Dinas Lain", sub=8, per_unit=15)
    assert _kueri(lambda: client.get(reverse("anjab:daftar"), {"unit": besar.pk})) == sebelum
