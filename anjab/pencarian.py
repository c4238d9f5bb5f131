"""The global search's part that anjab owns (issue 14 item 7): positions by name and tasks by
their text, within the user's scope, plugged in through organisasi.perluasan."""

from django.urls import reverse

from anjab.models import TugasJabatan
from anjab.selectors import jabatan_for_user
from organisasi.perluasan import HasilCari, KelompokCari

PER_KELOMPOK = 20


def cari_anjab(user, q: str) -> list[KelompokCari]:
    jabatan = (
        jabatan_for_user(user).filter(nama__icontains=q).select_related("unit").order_by("nama")
    )
    tugas = (
        TugasJabatan.objects.filter(jabatan__in=jabatan_for_user(user), uraian__icontains=q)
        .select_related("jabatan__unit", "periode")
        .order_by("jabatan__nama", "urutan")
    )
    return [
        KelompokCari(
            "Jabatan",
            [
                HasilCari(
                    "Jabatan",
                    j.nama,
                    f"{j.get_jenis_display()} · {j.unit.nama}",
                    reverse("anjab:jabatan_detail", args=[j.pk]),
                )
                for j in jabatan[:PER_KELOMPOK]
            ],
            jabatan.count(),
        ),
        KelompokCari(
            "Uraian tugas",
            [
                HasilCari(
                    "Uraian tugas",
                    t.uraian if len(t.uraian) <= 140 else t.uraian[:139] + "…",
                    f"{t.jabatan.nama} · {t.jabatan.unit.nama} · {t.periode.nama}",
                    reverse("anjab:jabatan_bagian", args=[t.jabatan_id, "tugas"]),
                )
                for t in tugas[:PER_KELOMPOK]
            ],
            tugas.count(),
        ),
    ]


def daftarkan() -> None:
    from organisasi import perluasan

    perluasan.daftarkan_pencarian(cari_anjab)
