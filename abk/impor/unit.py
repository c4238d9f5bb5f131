"""Finding (or creating) the units a workbook names, as a tree: by their place under the
target unit, by a normalised name ("Subbag" = "Sub Bagian", "Sekretaris" = "Sekretariat"),
from the chain of superiors ("Kasubbag Umum" → unit "Sub Bagian Umum" under "Sekretariat"),
or from the kinds of their names. An ambiguous match is asked, never guessed."""

import re
from collections import defaultdict

from django.utils.translation import gettext as _

from abk.impor.kata import kata_impor
from abk.impor.pemetaan import normalisasi
from anjab.models import Jabatan
from organisasi.models import UnitOrganisasi

JenisUnit = UnitOrganisasi.Jenis
ESELON = set(UnitOrganisasi.Eselon.values)
# A unit's depth by its kind, to place a new unit under the last one of a higher kind.
PERINGKAT = {
    JenisUnit.PERANGKAT_DAERAH: 0,
    JenisUnit.SEKRETARIAT: 1,
    JenisUnit.BAGIAN: 1,
    JenisUnit.BIDANG: 1,
    JenisUnit.UPTD: 1,
    JenisUnit.SUBBAGIAN: 2,
    JenisUnit.SEKSI: 2,
    JenisUnit.KELOMPOK_FUNGSIONAL: 2,
}
INDUK_LAZIM = {
    JenisUnit.SUBBAGIAN: {JenisUnit.SEKRETARIAT, JenisUnit.BAGIAN},
    JenisUnit.SEKSI: {JenisUnit.BIDANG, JenisUnit.UPTD},
}


def _pilihan(kata) -> str:
    return "|".join(re.escape(normalisasi(k)) for k in kata)


_KATA = kata_impor("unit")
# Abbreviations read as the full word, and filler words dropped, before names compare.
_GANTI = [
    (rf"\b(?:{_pilihan(sorted(g['tulisan'], key=len, reverse=True))})\b", g["jadi"])
    for g in _KATA["singkatan"]
] + [(rf"\b(?:{_pilihan(_KATA['kata_diabaikan'])})\b", " ")]
# The kind of a new unit from the start of its (normalised) name.
JENIS_DARI_AWAL = [
    (normalisasi(awal), a["jenis"]) for a in _KATA["jenis_dari_awal"] for awal in a["awal"]
]
# "Kepala Sub Bagian Umum" heads "Sub Bagian Umum"; the top unit's head gives no sub-unit.
KEPALA = [(rf"^(?:{_pilihan(k['awal'])})\s+(.+)$", k["unit"]) for k in _KATA["kepala"]]
_SEKRETARIS = _KATA["sekretaris"]
_POLA_SEKRETARIS = rf"^{re.escape(_SEKRETARIS['awal'])}\b"
_POLA_SEKRETARIS_LAIN = (
    rf"^{re.escape(_SEKRETARIS['awal'])} (?:{_pilihan(_SEKRETARIS['kecuali'])})\b"
)


PEMISAH_JALUR = " › "
KATA_KECIL = {normalisasi(k) for k in _KATA["kata_kecil"]}


def pecah_jalur(teks: str) -> list[str]:
    """ "Dinas A › Sekretariat" (our export's way to name a unit whose name repeats) → parts."""
    return [b.strip() for b in re.split(r"\s*(?:›|>|»)\s*", teks or "") if b.strip()]


def kunci_unit(nama: str) -> str:
    n = normalisasi(nama)
    for pola, ganti in _GANTI:
        n = re.sub(pola, ganti, n)
    return " ".join(n.split())


def unit_dari_kepala(jabatan: str) -> str | None:
    """The sub-unit a head position's title names ("Kasubbag Umum" → "Sub Bagian Umum")."""
    n = " ".join((jabatan or "").split())
    rendah = normalisasi(n)
    if re.match(_POLA_SEKRETARIS, rendah) and not re.match(_POLA_SEKRETARIS_LAIN, rendah):
        return _SEKRETARIS["unit"]
    for pola, awalan in KEPALA:
        m = re.match(pola, n, re.IGNORECASE) or re.match(pola, rendah)
        if m:
            sisa = m.group(1).strip(" .,:")
            if sisa.islower():
                sisa = " ".join(w if w in KATA_KECIL else w.capitalize() for w in sisa.split())
            return f"{awalan} {sisa}"
    return None


def jenis_unit(nama: str) -> str:
    n = kunci_unit(nama)
    for awal, jenis in JENIS_DARI_AWAL:
        if n.startswith(awal):
            return jenis
    return JenisUnit.PERANGKAT_DAERAH


def kode_jenis_unit(teks: str) -> str:
    t = normalisasi(teks)
    for kode, label in UnitOrganisasi.Jenis.choices:
        if t in (normalisasi(kode), normalisasi(label)):
            return kode
    return ""


class PohonUnit:
    """The units in scope, and the ones a workbook adds, looked up by their place."""

    def __init__(self, instansi, induk, *, buat: bool, pilihan: dict, galat):
        self.instansi, self.induk, self.buat, self.pilihan = instansi, induk, buat, pilihan
        self.galat = galat
        qs = UnitOrganisasi.objects.filter(instansi=instansi)
        if induk is not None:
            qs = qs.filter(pk__in=UnitOrganisasi.objects.descendants(induk, include_self=True))
        self.units: dict[int, UnitOrganisasi] = {}
        self.anak: dict[int | None, dict[str, list[UnitOrganisasi]]] = defaultdict(
            lambda: defaultdict(list)
        )
        self.per_nama: dict[str, list[UnitOrganisasi]] = defaultdict(list)
        for u in qs.order_by("parent_id", "urutan", "pk"):
            self._daftar(u)
        self.terakhir: dict[str, UnitOrganisasi] = {}
        self.dibuat: list[UnitOrganisasi] = []
        # Names that match several units: the mapping step asks which one is meant.
        self.ambigu: dict[str, list[tuple[int, str]]] = {}

    @property
    def lingkup(self) -> set[int]:
        return set(self.units)

    def _daftar(self, u: UnitOrganisasi):
        self.units[u.pk] = u
        self.anak[u.parent_id][kunci_unit(u.nama)].append(u)
        self.per_nama[kunci_unit(u.nama)].append(u)

    def kedalaman(self, u: UnitOrganisasi) -> int:
        d, cur = 0, u
        while cur.parent_id is not None and cur.parent_id in self.units:
            d, cur = d + 1, self.units[cur.parent_id]
        if cur.parent_id is not None:  # the target unit sits under units out of scope
            d += 1
        return d

    def cari(self, jalur: list[str], letak, data: dict | None = None) -> UnitOrganisasi | None:
        """The unit at the end of `jalur` (names from the top down)."""
        jalur = [bagian for n in jalur if n for bagian in pecah_jalur(n)]
        if self.induk is not None and jalur and kunci_unit(jalur[0]) == kunci_unit(self.induk.nama):
            jalur = jalur[1:]
        if not jalur:
            if self.induk is None:
                self.galat(
                    letak, "Unit", "", _("pilih unit tujuan impor atau sertakan kolom Unit.")
                )
            return self.induk
        sekarang = self.induk
        for i, nama in enumerate(jalur):
            u = self._satu(nama, sekarang, letak, pertama=i == 0)
            if u is False:
                return None
            if u is None:
                if not self.buat:
                    self.galat(
                        letak,
                        "Unit",
                        nama,
                        _(
                            "tidak ditemukan pada instansi/unit tujuan; aktifkan “buat unit baru” "
                            "bila memang unit baru."
                        ),
                    )
                    return None
                induk = sekarang if i > 0 else self._induk_menurut_jenis(nama)
                u = self._buat(nama, induk, data if i == len(jalur) - 1 else None)
            self.terakhir[jenis_unit(u.nama)] = u
            sekarang = u
        return sekarang

    def _satu(self, nama, sekarang, letak, *, pertama):
        """The existing unit named `nama` under `sekarang` (or anywhere in scope for the first
        name); None when there is none; False after an ambiguity was reported."""
        k = kunci_unit(nama)
        if k in self.pilihan:
            u = self.units.get(self.pilihan[k])
            if u is not None:
                return u
        langsung = self.anak[sekarang.pk if sekarang else None].get(k, [])
        if len(langsung) == 1:
            return langsung[0]
        calon = langsung or self.per_nama.get(k, [])
        if not pertama and sekarang is not None:
            dibawah = [u for u in calon if self._di_bawah(u, sekarang)]
            # A chain that names the wrong parent still finds the one unit of that name.
            calon = dibawah or (calon if len(calon) == 1 else [])
        if len(calon) == 1:
            return calon[0]
        if len(calon) > 1:
            self.ambigu[nama] = [(u.pk, self._jalur_teks(u)) for u in calon]
            tempat = ", ".join(self._jalur_teks(u) for u in calon[:4])
            self.galat(
                letak,
                "Unit",
                nama,
                _(
                    "ada %(n)s unit bernama ini (%(tempat)s); pilih unitnya pada langkah "
                    "pemetaan, atau pilih unit tujuan yang lebih sempit."
                )
                % {"n": len(calon), "tempat": tempat},
            )
            return False
        return None

    def _di_bawah(self, u, atas) -> bool:
        cur = u
        while cur is not None:
            if cur.pk == atas.pk:
                return True
            cur = self.units.get(cur.parent_id)
        return False

    def _jalur_teks(self, u) -> str:
        nama, cur = [], u
        while cur is not None:
            nama.append(cur.nama)
            cur = self.units.get(cur.parent_id)
        return " › ".join(reversed(nama))

    def _induk_menurut_jenis(self, nama: str) -> UnitOrganisasi | None:
        """A new unit with no parent named goes under the last unit of a higher kind seen
        in the workbook (a Sub Bagian under the Sekretariat above it), else the target."""
        jenis = jenis_unit(nama)
        peringkat = PERINGKAT.get(jenis, 0)
        if peringkat == 0:
            return self.induk
        lazim = INDUK_LAZIM.get(jenis, set())
        for j in lazim:
            if j in self.terakhir:
                return self.terakhir[j]
        calon = [
            u
            for j, u in self.terakhir.items()
            if PERINGKAT.get(j, 0) < peringkat and (peringkat - PERINGKAT.get(j, 0)) >= 1
        ]
        if calon:
            return max(calon, key=lambda u: PERINGKAT.get(jenis_unit(u.nama), 0))
        return self.induk

    def _buat(self, nama, induk, data):
        data = data or {}
        unit = UnitOrganisasi(
            instansi=self.instansi,
            parent=induk,
            nama=nama[:250],
            jenis=kode_jenis_unit(data.get("jenis", "")) or jenis_unit(nama),
            eselon=data.get("eselon", "") if data.get("eselon") in ESELON else "",
            urutan=len(self.dibuat) + 1,
        )
        # The instansi and parent are known to be in scope; their lookups are not repeated.
        unit.clean_fields(exclude=["instansi", "parent"])
        unit.clean()
        unit.save()
        self._daftar(unit)
        self.dibuat.append(unit)
        return unit


def jalur_posisi(unit: str, nama: str, rantai: dict, *, kepala: bool, jenis: str = "") -> list[str]:
    """The units a position sits in, from the top down: its stated unit, then the sub-units
    its chain of superiors heads, then the sub-unit it heads itself. A head's chain counts only
    above its own level (seed 001 lists "Sekretaris Dinas" as a Kepala Bidang's Administrator)."""
    turunan = []
    tingkat = Jabatan.Jenis
    atas = {tingkat.ADMINISTRATOR: (), tingkat.PENGAWAS: (tingkat.ADMINISTRATOR,)}.get(
        jenis, (tingkat.ADMINISTRATOR, tingkat.PENGAWAS)
    )
    for tingkat in atas:
        u = unit_dari_kepala(rantai.get(tingkat, ""))
        if u:
            turunan.append(u)
    # Only a workbook that gives the chain places heads in sub-units named by their titles.
    sendiri = unit_dari_kepala(nama) if kepala and any(rantai.values()) else None
    if sendiri:
        turunan.append(sendiri)
    if not turunan:
        return pecah_jalur(unit) or [unit]
    jalur = [unit] if unit else []
    kunci = [kunci_unit(x) for x in jalur]
    if kunci and kunci_unit(unit) in [kunci_unit(t) for t in turunan]:
        # The stated unit is already the sub-unit: keep the chain above it only.
        i = [kunci_unit(t) for t in turunan].index(kunci_unit(unit))
        return [*turunan[:i], unit]
    for t in turunan:
        if kunci_unit(t) not in kunci:
            jalur.append(t)
            kunci.append(kunci_unit(t))
    return jalur
