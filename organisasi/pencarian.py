"""The global search's part that organisasi owns (issue 14 item 7): units by name and
employees by name or NIP, within the user's scope. Positions and tasks come from anjab through
organisasi.perluasan."""

import re

from django.db.models import Q
from django.urls import reverse

from organisasi import selectors
from organisasi.perluasan import HasilCari, KelompokCari

PER_KELOMPOK = 20


def cari_organisasi(user, q: str) -> list[KelompokCari]:
    units = selectors.units_for_user(user).filter(nama__icontains=q).order_by("nama")
    angka = re.sub(r"\s+", "", q)
    syarat = Q(nama__icontains=q)
    if angka.isdigit() and len(angka) >= 4:
        syarat |= Q(nip__startswith=angka)
    pegawai = (
        selectors.pegawai_for_user(user).filter(syarat).select_related("unit").order_by("nama")
    )
    return [
        KelompokCari(
            "Unit organisasi",
            [
                HasilCari(
                    "Unit organisasi",
                    u.nama,
                    u.get_jenis_display(),
                    reverse("organisasi:unit_tree") + f"?unit={u.pk}",
                )
                for u in units[:PER_KELOMPOK]
            ],
            units.count(),
        ),
        KelompokCari(
            "Pegawai",
            [
                HasilCari(
                    "Pegawai",
                    p.nama_lengkap,
                    " · ".join(x for x in [f"NIP {p.nip}", p.unit.nama if p.unit else ""] if x),
                    reverse("organisasi:pegawai_detail", args=[p.pk]),
                )
                for p in pegawai[:PER_KELOMPOK]
            ],
            pegawai.count(),
        ),
    ]
