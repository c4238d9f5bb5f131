"""Writes. Keyword-only functions, each in one transaction; callers have already checked
that the user may see the objects (selectors) and may write (akses)."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max, ProtectedError, RestrictedError
from django.utils.translation import gettext

from organisasi import perluasan, tingkat
from organisasi.models import FungsiUnit, Instansi, Pegawai, UnitOrganisasi, UraianTugasUnit


def _set_butir(model, unit: UnitOrganisasi, items: list[str]) -> None:
    model.objects.filter(unit=unit).delete()
    model.objects.bulk_create(
        model(unit=unit, urutan=i, teks=teks) for i, teks in enumerate(items, start=1)
    )


@transaction.atomic
def unit_create(
    *,
    instansi: Instansi,
    parent: UnitOrganisasi | None,
    fungsi: list[str] = (),
    uraian_tugas: list[str] = (),
    **fields,
) -> UnitOrganisasi:
    unit = UnitOrganisasi(instansi=instansi, parent=parent, **fields)
    tingkat.periksa(unit.jenis, parent)
    if not unit.urutan:
        unit.urutan = _urutan_berikut(instansi, parent)
    unit.full_clean()
    unit.save()
    _set_butir(FungsiUnit, unit, list(fungsi))
    _set_butir(UraianTugasUnit, unit, list(uraian_tugas))
    return unit


@transaction.atomic
def unit_update(
    *,
    unit: UnitOrganisasi,
    fungsi: list[str] | None = None,
    uraian_tugas: list[str] | None = None,
    **fields,
) -> UnitOrganisasi:
    jenis_lama = unit.jenis
    for name, value in fields.items():
        setattr(unit, name, value)
    if unit.jenis != jenis_lama:
        # a unit's kind decides where it may stand and what may stand under it
        tingkat.periksa(unit.jenis, unit.parent, unit.children.values_list("jenis", flat=True))
    unit.full_clean()
    unit.save()
    if fungsi is not None:
        _set_butir(FungsiUnit, unit, fungsi)
    if uraian_tugas is not None:
        _set_butir(UraianTugasUnit, unit, uraian_tugas)
    return unit


@transaction.atomic
def unit_move(*, unit: UnitOrganisasi, parent: UnitOrganisasi | None) -> UnitOrganisasi:
    """Re-parents a unit; its whole subtree moves with it. Cycles are refused, and so is a
    parent of a kind the unit may not stand under (organisasi.tingkat)."""
    locked = UnitOrganisasi.objects.select_for_update().get(pk=unit.pk)
    locked.parent = parent
    locked.urutan = _urutan_berikut(locked.instansi, parent)
    locked.full_clean()  # cycles and another instansi first: they are the graver faults
    tingkat.periksa(locked.jenis, parent)
    locked.save()
    return locked


@transaction.atomic
def unit_delete(*, unit: UnitOrganisasi) -> None:
    if unit.children.exists():
        raise ValidationError(
            "Unit ini masih memiliki sub-unit. Pindahkan atau hapus sub-unitnya lebih dahulu."
        )
    if unit.pegawai_set.exists():
        raise ValidationError(
            "Unit ini masih memiliki pegawai. Pindahkan pegawainya ke unit lain lebih dahulu."
        )
    try:
        with transaction.atomic():
            unit.delete()
    except (ProtectedError, RestrictedError) as e:
        # Data other apps keep on the unit (its positions, say): named, counted, kept.
        dipakai = e.protected_objects if isinstance(e, ProtectedError) else e.restricted_objects
        raise ValidationError(_dipakai(dipakai)) from None


def _dipakai(objek) -> str:
    per_jenis: dict[str, int] = {}
    for o in objek:
        nama = str(o._meta.verbose_name)
        per_jenis[nama] = per_jenis.get(nama, 0) + 1
    rincian = ", ".join(f"{n} {nama}" for nama, n in sorted(per_jenis.items()))
    return gettext(
        "Unit ini masih dipakai oleh %(rincian)s. Pindahkan atau hapus data itu lebih dahulu; "
        "tidak ada yang dihapus."
    ) % {"rincian": rincian}


def _urutan_berikut(instansi: Instansi, parent: UnitOrganisasi | None) -> int:
    last = UnitOrganisasi.objects.filter(instansi=instansi, parent=parent).aggregate(
        m=Max("urutan")
    )["m"]
    return (last or 0) + 1


@transaction.atomic
def pegawai_create(*, instansi: Instansi, tambahan: dict | None = None, **fields) -> Pegawai:
    """A new employee of `instansi` from cleaned fields (birth date, TMT and sex follow the
    NIP when not given). The model's rules — the NIP's form, a PPPK's golongan — raise
    ValidationError before anything is written. `tambahan` holds the values of the fields other
    apps add to the pegawai form (organisasi.perluasan), saved in the same transaction."""
    pegawai = Pegawai(instansi=instansi, **fields)
    pegawai.full_clean()
    pegawai.save()
    if tambahan is not None:
        perluasan.simpan_isian_pegawai(pegawai=pegawai, data=tambahan)
    return pegawai


@transaction.atomic
def pegawai_update(*, pegawai: Pegawai, tambahan: dict | None = None, **fields) -> Pegawai:
    """Saves an employee's cleaned fields (and `tambahan`, as in pegawai_create); nothing is
    written when a rule refuses them."""
    for nama, isi in fields.items():
        setattr(pegawai, nama, isi)
    pegawai.full_clean()
    pegawai.save()
    if tambahan is not None:
        perluasan.simpan_isian_pegawai(pegawai=pegawai, data=tambahan)
    return pegawai


@transaction.atomic
def pegawai_delete(*, pegawai: Pegawai) -> None:
    pegawai.delete()


@transaction.atomic
def instansi_update(*, instansi: Instansi, nilai: dict) -> Instansi:
    """Saves an instansi's settings from plain values. A file field given False is cleared
    (the form's "hapus" box), None leaves the stored file as it is."""
    for nama, isi in nilai.items():
        if isi is None and instansi._meta.get_field(nama).get_internal_type() == "FileField":
            continue
        setattr(instansi, nama, None if isi is False else isi)
    instansi.full_clean()
    instansi.save()
    return instansi
