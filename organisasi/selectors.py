"""Reads. Every query for a user goes through the *_for_user functions here: the one
scoping layer that keeps one instansi (and an Operator's unit subtree) from another's data."""

from dataclasses import dataclass

from django.db import router
from django.db.models import Count, OuterRef, Q, QuerySet, Subquery
from django.db.models.deletion import Collector, ProtectedError, RestrictedError
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404
from django.urls import reverse

from organisasi.akses import Akses, akses_untuk
from organisasi.models import Instansi, Pegawai, UnitOrganisasi


def _unit_ids_subtree(unit_id: int) -> QuerySet:
    return UnitOrganisasi.objects.descendants(unit_id, include_self=True).values("pk")


def unit_subtree(instansi_id: int, unit_id: int) -> QuerySet[UnitOrganisasi]:
    """A unit and every unit below it, walking the instansi's tree only (a page about one
    unit then costs what that unit holds, whatever the size of the rest)."""
    return (
        UnitOrganisasi.objects.with_tree_fields()
        .tree_filter(instansi_id=instansi_id)
        .filter(tree_path__contains=unit_id)
    )


def scoped_for_user(qs: QuerySet, user, *, instansi="instansi_id", unit=None) -> QuerySet:
    """The one tenancy rule every read for a user goes through: a platform superuser sees every
    instansi, a user without access nothing, everyone else only their instansi (the lookup
    ``instansi``) and, for an Operator, only its subtree of units (the lookup ``unit``)."""
    akses = akses_untuk(user)
    if akses.semua_instansi:
        return qs
    if akses.instansi_id is None:
        return qs.none()
    qs = qs.filter(**{instansi: akses.instansi_id})
    if unit is not None and akses.unit_id is not None:
        qs = qs.filter(**{f"{unit}__in": _unit_ids_subtree(akses.unit_id)})
    return qs


def instansi_for_user(user) -> QuerySet[Instansi]:
    return scoped_for_user(Instansi.objects.all(), user, instansi="pk")


def units_for_user(user) -> QuerySet[UnitOrganisasi]:
    """Units the user may see: the instansi's, or an Operator's subtree."""
    return scoped_for_user(UnitOrganisasi.objects.all(), user, unit="pk")


def pegawai_for_user(user) -> QuerySet[Pegawai]:
    return scoped_for_user(Pegawai.objects.all(), user, unit="unit_id")


def get_unit_for_user(user, pk) -> UnitOrganisasi:
    return get_object_or_404(units_for_user(user).select_related("instansi", "parent"), pk=pk)


def get_pegawai_for_user(user, pk) -> Pegawai:
    return get_object_or_404(
        pegawai_for_user(user).select_related("instansi", "unit", "golongan"), pk=pk
    )


def get_instansi_for_user(user, pk) -> Instansi:
    return get_object_or_404(instansi_for_user(user), pk=pk)


def boleh_memindah_atau_menghapus(akses: Akses, unit: UnitOrganisasi) -> bool:
    """An Operator may not move or delete the root of its own subtree."""
    return akses.boleh_menulis and unit.pk != akses.unit_id


def unit_tree(user, *, jumlah_pegawai: bool = False) -> list[UnitOrganisasi]:
    """The visible tree in display order, with `tree_depth` (relative to the user's top), in
    one query whatever its size; with each unit's employee count (`jumlah_pegawai`) for the
    tree page only — a unit picker has no use for it, and counting every employee of a
    Kabupaten costs more than the rest of the page."""
    akses = akses_untuk(user)
    if not akses.ada:
        return []
    qs = scoped_for_user(
        UnitOrganisasi.objects.with_tree_fields().order_siblings_by("urutan", "nama"),
        user,
        unit="pk",
    )
    if not akses.semua_instansi:
        # Walks only this instansi's tree, not every tenant's.
        qs = qs.tree_filter(instansi_id=akses.instansi_id)
    qs = qs.select_related("instansi")
    if jumlah_pegawai:
        per_unit = (
            Pegawai.objects.filter(unit_id=OuterRef("pk"))
            .order_by()
            .values("unit_id")
            .annotate(n=Count("pk"))
            .values("n")
        )
        qs = qs.annotate(jumlah_pegawai=Coalesce(Subquery(per_unit), 0))
    nodes = list(qs)
    if akses.unit_id is not None and nodes:
        # The depths count from the instansi's root; an Operator's tree starts at its unit.
        top = nodes[0].tree_depth
        for n in nodes:
            n.tree_depth -= top
    return nodes


def pilihan_unit(user, instansi_id: int) -> list[tuple[int, str]]:
    """(pk, name indented by depth) of the instansi's units the user may see, in tree order:
    a report's unit picker. Plain values, one query, no employee counts."""
    akses = akses_untuk(user)
    if not akses.ada:
        return []
    qs = scoped_for_user(
        UnitOrganisasi.objects.with_tree_fields()
        .order_siblings_by("urutan", "nama")
        .tree_filter(instansi_id=instansi_id),
        user,
        unit="pk",
    )
    baris = list(qs.values_list("pk", "nama", "tree_depth"))
    puncak = baris[0][2] if baris and akses.unit_id is not None else 0
    return [(pk, f"{'— ' * (depth - puncak)}{nama}") for pk, nama, depth in baris]


def cari_pegawai(
    user,
    *,
    q: str = "",
    unit: UnitOrganisasi | None = None,
    status: str = "",
    golongan_id: str = "",
) -> QuerySet[Pegawai]:
    qs = pegawai_for_user(user).select_related("unit", "golongan")
    if q:
        q = q.strip()
        qs = qs.filter(
            Q(nama__icontains=q)
            | Q(nip__startswith=q.replace(" ", ""))
            | Q(gelar_depan__icontains=q)
            | Q(gelar_belakang__icontains=q)
        )
    if unit is not None:
        qs = qs.filter(unit_id__in=_unit_ids_subtree(unit.pk))
    if status:
        qs = qs.filter(status=status)
    if golongan_id:
        qs = qs.filter(golongan_id=golongan_id)
    return qs.order_by("nama", "nip")


def jumlah_pegawai_unit(user, unit: UnitOrganisasi) -> dict:
    """Employees of the unit itself and of its whole subtree, in one query."""
    return pegawai_for_user(user).aggregate(
        jumlah_pegawai=Count("pk", filter=Q(unit_id=unit.pk)),
        jumlah_pegawai_subtree=Count("pk", filter=Q(unit_id__in=_unit_ids_subtree(unit.pk))),
    )


def jalur_unit(user, unit: UnitOrganisasi) -> list[UnitOrganisasi]:
    """The visible ancestors of a unit, top first (the breadcrumb)."""
    leluhur = list(UnitOrganisasi.objects.ancestors(unit))
    visible = set(
        units_for_user(user).filter(pk__in=[u.pk for u in leluhur]).values_list("pk", flat=True)
    )
    return [u for u in leluhur if u.pk in visible]


@dataclass(frozen=True)
class Penghalang:
    """Something that keeps a unit from being deleted: what, how many, and where to see it."""

    uraian: str
    jumlah: int
    url: str | None = None


def penghalang_hapus_unit(unit: UnitOrganisasi) -> list[Penghalang]:
    """Everything that still hangs on `unit` and would refuse its deletion — its sub-units, its
    employees, and whatever other apps keep on it (positions, teams), found the way a deletion
    would find them but without deleting anything — so the confirmation page says it before
    the user tries."""
    hasil = []
    anak = unit.children.count()
    if anak:
        hasil.append(
            Penghalang("sub-unit", anak, reverse("organisasi:unit_detail", args=[unit.pk]))
        )
    pegawai = unit.pegawai_set.count()
    if pegawai:
        hasil.append(
            Penghalang("pegawai", pegawai, reverse("organisasi:pegawai_list") + f"?unit={unit.pk}")
        )
    collector = Collector(using=router.db_for_write(UnitOrganisasi))
    try:
        collector.collect([unit])
    except (ProtectedError, RestrictedError) as e:
        objek = e.protected_objects if isinstance(e, ProtectedError) else e.restricted_objects
        per_jenis: dict[str, int] = {}
        for o in objek:
            if isinstance(o, (UnitOrganisasi, Pegawai)):
                continue  # counted above
            nama = str(o._meta.verbose_name)
            per_jenis[nama] = per_jenis.get(nama, 0) + 1
        for nama, n in sorted(per_jenis.items()):
            hasil.append(Penghalang(nama, n, reverse("organisasi:unit_detail", args=[unit.pk])))
    return hasil
