"""Writes for performance data: keyword-only, atomic, from plain values (cleaned field values,
rows as dicts), never forms."""

from collections.abc import Callable
from decimal import Decimal
from itertools import count

from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.db.models import Sum
from django.utils.translation import gettext

from kinerja.models import (
    AnalisisSasaran,
    Anggaran,
    Indikator,
    IndikatorPK,
    Lakip,
    PerjanjianKinerja,
    Program,
    ProgramPK,
    Realisasi,
    Renstra,
    Sasaran,
    TargetIndikator,
    Tujuan,
)
from organisasi.versi import DataBerubah, klaim_versi, pesan_berubah


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
def renstra_create(*, nilai: dict) -> Renstra:
    """Creates a Renstra from its field values (misi as a list)."""
    renstra = Renstra(**nilai)
    renstra.full_clean()
    renstra.save()
    return renstra


@transaction.atomic
def renstra_update(*, renstra: Renstra, nilai: dict, versi: int | None) -> Renstra:
    """Changes a Renstra only while `versi` is still its version; otherwise DataBerubah names
    who saved it last and nothing is written (organisasi.versi)."""
    klaim_versi(renstra, versi)
    for nama, isi in nilai.items():
        setattr(renstra, nama, isi)
    renstra.full_clean()
    renstra.save()
    return renstra


@transaction.atomic
def bagian_create(*, renstra: Renstra, model: type[models.Model], nilai: dict) -> models.Model:
    """Adds a part of a Renstra's tree (tujuan, sasaran, program, kegiatan; an indikator goes
    through indikator_create) from its field values; tujuan and program hang on the Renstra
    itself, the others on the parent named in `nilai`."""
    bagian = model(**nilai)
    if isinstance(bagian, Tujuan | Program):
        bagian.renstra = renstra
    bagian.save()
    return bagian


@transaction.atomic
def bagian_update(*, bagian: models.Model, nilai: dict) -> models.Model:
    """Changes a part of a Renstra's tree from its field values."""
    for nama, isi in nilai.items():
        setattr(bagian, nama, isi)
    bagian.save()
    return bagian


@transaction.atomic
def bagian_delete(*, bagian: models.Model) -> None:
    """Removes a part of a Renstra with what hangs under it; ProtectedError while a Perjanjian
    Kinerja uses it."""
    bagian.delete()


@transaction.atomic
def indikator_create(*, nilai: dict, target: dict[int, Decimal | None]) -> Indikator:
    """Adds an indikator under its sasaran with its targets {tahun: target} (None: no target
    that year)."""
    indikator = Indikator(**nilai)
    indikator.save()
    _simpan_target(indikator, target)
    return indikator


@transaction.atomic
def indikator_update(
    *, indikator: Indikator, nilai: dict, target: dict[int, Decimal | None]
) -> Indikator:
    """Changes an indikator; each year in `target` gets that target, or loses it for None."""
    for nama, isi in nilai.items():
        setattr(indikator, nama, isi)
    indikator.save()
    _simpan_target(indikator, target)
    return indikator


def _simpan_target(indikator: Indikator, target: dict[int, Decimal | None]) -> None:
    for tahun, isi in target.items():
        if isi is None:
            TargetIndikator.objects.filter(indikator=indikator, tahun=tahun).delete()
        else:
            TargetIndikator.objects.update_or_create(
                indikator=indikator, tahun=tahun, defaults={"target": isi}
            )


@transaction.atomic
def anggaran_set(*, tahun: int, baris: list[dict]) -> None:
    """Stores the changed budget rows of a year: each {"obj": the row, None for a new one;
    "nilai": its field values; "hapus": remove it}."""
    _simpan_baris(baris, baru=lambda: Anggaran(tahun=tahun))


@transaction.atomic
def perjanjian_update(
    *,
    perjanjian: PerjanjianKinerja,
    versi: int | None,
    nilai: dict,
    target: list[dict],
    program: list[dict],
) -> PerjanjianKinerja:
    """Saves the agreement's signers (`nilai`) and its changed target and program rows (each
    {"obj": the row, None for a new one; "nilai": its field values; "hapus": remove it}), only
    while `versi` is still its version; otherwise DataBerubah names who saved it last and
    nothing is written. A new row comes after the existing ones."""
    klaim_versi(perjanjian, versi)
    for nama, isi in nilai.items():
        setattr(perjanjian, nama, isi)
    perjanjian.save()
    urutan_target = count(perjanjian.indikator.count() + 1)
    _simpan_baris(
        target, baru=lambda: IndikatorPK(perjanjian=perjanjian, urutan=next(urutan_target))
    )
    urutan_program = count(perjanjian.program.count() + 1)
    _simpan_baris(
        program, baru=lambda: ProgramPK(perjanjian=perjanjian, urutan=next(urutan_program))
    )
    return perjanjian


def _simpan_baris(baris: list[dict], *, baru: Callable[[], models.Model]) -> None:
    """Applies the changed rows of a table edited as a whole (kinerja.forms.baris_berubah):
    each {"obj": the row, None for a new one made by `baru`; "nilai": its field values;
    "hapus": remove the row}."""
    for b in baris:
        if b["hapus"]:
            b["obj"].delete()
            continue
        obj = b["obj"] or baru()
        for nama, isi in b["nilai"].items():
            setattr(obj, nama, isi)
        obj.save()


@transaction.atomic
def perjanjian_compose(*, renstra, tahun: int) -> PerjanjianKinerja:
    """Drafts a year's Perjanjian Kinerja from the Renstra: every indikator with a target that
    year, every program with that year's budgeted pagu. The officer then adjusts and signs."""
    if tahun not in renstra.tahun:
        raise ValidationError(
            gettext("Tahun %(tahun)s di luar periode Renstra.") % {"tahun": tahun}
        )
    if PerjanjianKinerja.objects.filter(
        renstra=renstra, tahun=tahun, jenis=PerjanjianKinerja.Jenis.AWAL
    ).exists():
        raise ValidationError(
            gettext("Perjanjian Kinerja %(tahun)s sudah ada; ubah isinya atau buat Perubahan.")
            % {"tahun": tahun}
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
            gettext(
                "Belum ada indikator dengan target tahun %(tahun)s; isi target pada struktur "
                "Renstra."
            )
            % {"tahun": tahun}
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
def lakip_set(
    *,
    renstra: Renstra,
    tahun: int,
    nilai: dict,
    analisis: dict[int, str] | None = None,
    versi: int | None = None,
) -> Lakip:
    """Stores a year's LAKIP narrative and its analysis per sasaran (`analisis`: sasaran id →
    text; an emptied text removes the row). The row is made the first time; afterwards only
    while `versi` is still its version, otherwise DataBerubah names who saved it last and
    nothing is written. Two first saves at once: the second is refused the same way."""
    lakip = Lakip.objects.filter(renstra=renstra, tahun=tahun).first()
    if lakip is None:
        try:
            with transaction.atomic():
                lakip = Lakip.objects.create(renstra=renstra, tahun=tahun, **nilai)
        except IntegrityError:
            lakip = Lakip.objects.get(renstra=renstra, tahun=tahun)
            raise DataBerubah(pesan_berubah(lakip), code="versi") from None
    else:
        klaim_versi(lakip, versi)
        for nama, v in nilai.items():
            setattr(lakip, nama, v)
        lakip.save()
    sasaran = set(
        Sasaran.objects.filter(tujuan__renstra=renstra, pk__in=list(analisis or {})).values_list(
            "pk", flat=True
        )
    )
    for sasaran_id, teks in (analisis or {}).items():
        if sasaran_id not in sasaran:
            continue
        if teks.strip():
            AnalisisSasaran.objects.update_or_create(
                lakip=lakip, sasaran_id=sasaran_id, defaults={"uraian": teks}
            )
        else:
            AnalisisSasaran.objects.filter(lakip=lakip, sasaran_id=sasaran_id).delete()
    return lakip
