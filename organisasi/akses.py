"""Roles and what each may do. The role is the user's group; the scope is AksesPengguna.

- Admin Instansi (Bagian Organisasi): reads and writes everything of its instansi.
- Operator: reads and writes only its unit and that unit's subtree.
- Verifikator: reads everything of its instansi (approves, in later issues).
- Pembaca: reads everything of its instansi, writes nothing.
A superuser without an AksesPengguna sees every instansi (platform operator).
"""

from dataclasses import dataclass
from enum import StrEnum

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _


class Peran(StrEnum):
    ADMIN_INSTANSI = "Admin Instansi"
    OPERATOR = "Operator"
    VERIFIKATOR = "Verifikator"
    PEMBACA = "Pembaca"


PERAN_MENULIS = {Peran.ADMIN_INSTANSI, Peran.OPERATOR}


@dataclass(frozen=True)
class Akses:
    """The resolved scope of one user for one request."""

    peran: Peran | None
    instansi_id: int | None  # None with semua_instansi: every instansi
    unit_id: int | None  # set for an Operator: the root of its subtree
    semua_instansi: bool = False
    # Read with the scope (one query), for the top bar.
    instansi_nama: str = ""

    @property
    def boleh_menulis(self) -> bool:
        return self.semua_instansi or self.peran in PERAN_MENULIS

    @property
    def admin_instansi(self) -> bool:
        return self.semua_instansi or self.peran == Peran.ADMIN_INSTANSI

    @property
    def ada(self) -> bool:
        return self.semua_instansi or self.instansi_id is not None


TANPA_AKSES = Akses(peran=None, instansi_id=None, unit_id=None)


def akses_untuk(user) -> Akses:
    """Resolves the user's scope once per request (cached on the user object)."""
    if not user.is_authenticated or not user.is_active:
        return TANPA_AKSES
    cached = getattr(user, "_akses_cache", None)
    if cached is not None:
        return cached
    from django.contrib.auth import get_user_model

    # The access row and the groups in one query: a row per group (one with no group), each
    # carrying the access row's columns (None without one).
    baris = list(
        get_user_model()
        .objects.filter(pk=user.pk)
        .values_list(
            "akses__instansi_id", "akses__unit_id", "akses__instansi__nama", "groups__name"
        )
    )
    groups = {b[3] for b in baris if b[3] is not None}
    row = None
    if baris and baris[0][0] is not None:
        row = dict(zip(("instansi_id", "unit_id", "instansi__nama"), baris[0][:3], strict=True))
    peran = next((p for p in Peran if p.value in groups), None)
    if row is None:
        akses = Akses(None, None, None, semua_instansi=True) if user.is_superuser else TANPA_AKSES
    elif user.is_superuser:
        akses = Akses(
            peran or Peran.ADMIN_INSTANSI,
            row["instansi_id"],
            None,
            instansi_nama=row["instansi__nama"],
        )
    elif peran is None:
        akses = TANPA_AKSES
    else:
        # An Operator without a unit would see the whole instansi: refuse instead.
        if peran == Peran.OPERATOR and row["unit_id"] is None:
            akses = TANPA_AKSES
        else:
            unit_id = row["unit_id"] if peran == Peran.OPERATOR else None
            akses = Akses(peran, row["instansi_id"], unit_id, instansi_nama=row["instansi__nama"])
    user._akses_cache = akses
    return akses


def wajib_menulis(akses: Akses) -> None:
    if not akses.boleh_menulis:
        raise PermissionDenied(_("Peran Anda hanya dapat membaca data."))


def wajib_admin_instansi(akses: Akses) -> None:
    if not akses.admin_instansi:
        raise PermissionDenied(_("Hanya Admin Instansi yang dapat melakukan ini."))
