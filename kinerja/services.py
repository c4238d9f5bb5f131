"""Writes for performance data."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Sum

from kinerja.models import (
    Anggaran,
    IndikatorPK,
    Lakip,
    PerjanjianKinerja,
    Program,
    ProgramPK,
    Realisasi,
    Renstra,
    TargetIndikator,
)
from organisasi.versi import klaim_versi


@transaction.atomic
def realisasi_set(*, indikator, tahun: int, triwulan: int, nilai) -> Realisasi | None:
    """Stores (or, with an empty value, removes) a realisation of a year or a quarter."""
    if nilai is None:
        Realisasi.objects.filter(indikator=indikator, tahun=tahun, triwulan=triwulan).delete()
        return None
    obj, _ = Realisasi.objects.update_or_create(
        indikator=indikator, tahun=tahun, triwulan=triwulan, defaults={"nilai": nilai}
    )
    return obj


@transaction.atomic
def renstra_save(*, renstra: Renstra | None, nilai: dict, versi: int | None = None) -> Renstra:
    """Creates a Renstra (`renstra` None) or updates one from plain values. An existing
    Renstra is saved only while `versi` is still its version; otherwise DataBerubah and
    nothing is written (organisasi.versi)."""
    if renstra is not None:
        klaim_versi(renstra, versi)
    renstra = renstra or Renstra()
    for nama, isi in nilai.items():
        setattr(renstra, nama, isi)
    renstra.full_clean()
    renstra.save()
    return renstra


@transaction.atomic
def renstra_part_save(*, renstra: Renstra, obj, model, nilai: dict, target=None):
    """Saves a part of a Renstra (tujuan, sasaran, indikator, program, kegiatan) from plain
    values; an indikator's `target` {tahun: nilai} replaces its targets (None removes one)."""
    obj = obj or model()
    for nama, isi in nilai.items():
        setattr(obj, nama, isi)
    if hasattr(model, "renstra_id"):
        obj.renstra = renstra
    obj.save()
    for tahun, isi in (target or {}).items():
        if isi is None:
            TargetIndikator.objects.filter(indikator=obj, tahun=tahun).delete()
        else:
            TargetIndikator.objects.update_or_create(
                indikator=obj, tahun=tahun, defaults={"target": isi}
            )
    return obj


@transaction.atomic
def renstra_part_delete(*, obj) -> None:
    """Removes a part of a Renstra; ProtectedError while a Perjanjian Kinerja uses it."""
    obj.delete()


@transaction.atomic
def perjanjian_update(
    *, perjanjian: PerjanjianKinerja, versi: int | None, form, target, program
) -> PerjanjianKinerja:
    """Saves the agreement's signers (`form`), its target and program rows (formsets), only
    while `versi` is still its version; otherwise DataBerubah and nothing is written."""
    klaim_versi(perjanjian, versi)
    form.save()
    target.save()
    program.save()
    return perjanjian


@transaction.atomic
def perjanjian_compose(*, renstra, tahun: int) -> PerjanjianKinerja:
    """Drafts a year's Perjanjian Kinerja from the Renstra: every indikator with a target that
    year, every program with that year's budgeted pagu. The officer then adjusts and signs."""
    if tahun not in renstra.tahun:
        raise ValidationError(f"Tahun {tahun} di luar periode Renstra.")
    if PerjanjianKinerja.objects.filter(
        renstra=renstra, tahun=tahun, jenis=PerjanjianKinerja.Jenis.AWAL
    ).exists():
        raise ValidationError(
            f"Perjanjian Kinerja {tahun} sudah ada; ubah isinya atau buat Perubahan."
        )
    target = list(
        TargetIndikator.objects.filter(indikator__sasaran__tujuan__renstra=renstra, tahun=tahun)
        .select_related("indikator__sasaran__tujuan")
        .order_by(
            "indikator__sasaran__tujuan__urutan", "indikator__sasaran__urutan", "indikator__urutan"
        )
    )
    if not target:
        raise ValidationError(
            f"Belum ada indikator dengan target tahun {tahun}; isi target pada struktur Renstra."
        )
    pk = PerjanjianKinerja.objects.create(renstra=renstra, tahun=tahun)
    IndikatorPK.objects.bulk_create(
        IndikatorPK(perjanjian=pk, indikator=t.indikator, urutan=i, target=t.target)
        for i, t in enumerate(target, 1)
    )
    pagu = dict(
        Anggaran.objects.filter(program__renstra=renstra, tahun=tahun)
        .values_list("program")
        .annotate(jumlah=Sum("pagu"))
    )
    ProgramPK.objects.bulk_create(
        ProgramPK(perjanjian=pk, program=p, urutan=i, anggaran=pagu.get(p.pk, Decimal(0)))
        for i, p in enumerate(Program.objects.filter(renstra=renstra), 1)
    )
    return pk


@transaction.atomic
def perjanjian_revise(*, perjanjian: PerjanjianKinerja) -> PerjanjianKinerja:
    """A Perubahan that starts as a copy of the agreement in force; the original is kept."""
    asal = perjanjian.asal or perjanjian
    baru = PerjanjianKinerja.objects.get(pk=perjanjian.pk)
    baru.pk = None
    baru.id = None
    baru.jenis = PerjanjianKinerja.Jenis.PERUBAHAN
    baru.asal = asal
    baru.save()
    IndikatorPK.objects.bulk_create(
        IndikatorPK(perjanjian=baru, indikator_id=r.indikator_id, urutan=r.urutan, target=r.target)
        for r in perjanjian.indikator.all()
    )
    ProgramPK.objects.bulk_create(
        ProgramPK(
            perjanjian=baru,
            program_id=r.program_id,
            urutan=r.urutan,
            anggaran=r.anggaran,
            keterangan=r.keterangan,
        )
        for r in perjanjian.program.all()
    )
    return baru


@transaction.atomic
def lakip_save(*, lakip: Lakip, nilai: dict) -> Lakip:
    """Saves (or starts) a year's LAKIP narrative from plain values."""
    for nama, isi in nilai.items():
        setattr(lakip, nama, isi)
    lakip.save()
    return lakip
