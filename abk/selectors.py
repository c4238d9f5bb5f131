"""Reads for the workload analysis, scoped through organisasi.selectors."""

from django.db.models import QuerySet

from abk import calculations as calc
from abk.models import Keputusan, PeriodeAnalisis
from organisasi.selectors import scoped_for_user


def periode_for_user(user) -> QuerySet[PeriodeAnalisis]:
    return scoped_for_user(PeriodeAnalisis.objects.all(), user)


def periode_terbaru(instansi_id: int) -> PeriodeAnalisis | None:
    """The period an instansi works in unless another is chosen: the latest one."""
    return PeriodeAnalisis.objects.filter(instansi_id=instansi_id).order_by("-tahun", "-pk").first()


def keputusan_unit(periode: PeriodeAnalisis, unit) -> Keputusan | None:
    """The decree of `unit` in `periode`, if one was made ("Buat keputusan")."""
    return Keputusan.objects.filter(periode=periode, unit=unit).first()


def beban_jabatan(*, jenis: str, tugas=(), butir=(), periode=None) -> calc.BebanJabatan:
    """A position's workload figures in `periode`: the one place that decides the method
    (calc.metode_jabatan) and computes them. The rekap, peta, decree, Informasi Jabatan, its
    live preview and the exports all come through here, so they cannot disagree.

    `tugas` yields (volume, waktu_menit), `butir` (angka_kredit, konstanta, volume).
    """
    tugas, butir = list(tugas), list(butir)
    return calc.beban_jabatan(
        metode=calc.metode_jabatan(jenis, bool(tugas), bool(butir)),
        tugas=tugas,
        butir=butir,
        waktu_efektif_menit=periode.waktu_efektif_menit if periode else calc.WAKTU_EFEKTIF_MENIT,
        pembulatan=periode.pembulatan if periode else calc.PEMBULATAN_SETENGAH_KE_ATAS,
    )
