"""How complete the Anjab of a scope is (the beranda's "what do I do next", issue 14 item 4):
per position whether it has its tasks (section 6 in the period), its ikhtisar and its job
evaluation, in one query whatever the number of positions."""

from dataclasses import dataclass, field

from django.db.models import Exists, OuterRef, Q

from anjab.models import ButirKegiatan, EvaluasiJabatan, Jabatan, TugasJabatan


@dataclass
class Kelengkapan:
    jumlah: int = 0
    tanpa_tugas: int = 0
    tanpa_evaluasi: int = 0
    tanpa_ikhtisar: int = 0
    temuan: int = 0  # data-quality findings on its positions (abk.kualitas)
    # the first positions missing each part, to link to (id, name)
    contoh_tanpa_tugas: list[tuple[int, str]] = field(default_factory=list)
    contoh_tanpa_evaluasi: list[tuple[int, str]] = field(default_factory=list)

    @property
    def lengkap(self) -> int:
        return self.jumlah - max(self.tanpa_tugas, self.tanpa_evaluasi)

    @property
    def persen_evaluasi(self) -> int:
        return round(100 * (self.jumlah - self.tanpa_evaluasi) / self.jumlah) if self.jumlah else 0


CONTOH = 3


def kelengkapan_per_kelompok(
    jabatan_qs, periode, kelompok_unit: dict[int, int], temuan: dict[int, int] | None = None
) -> dict:
    """{group id: Kelengkapan} for the positions of `jabatan_qs` (already scoped to the user),
    each counted in the group `kelompok_unit` maps its unit to; and the whole under None.
    `temuan`: the number of findings per position id, added up the same way."""
    temuan = temuan or {}
    tugas = TugasJabatan.objects.filter(jabatan=OuterRef("pk"), periode=periode)
    butir = ButirKegiatan.objects.filter(jabatan=OuterRef("pk"), periode=periode)
    baris = (
        jabatan_qs.annotate(
            _tugas=Exists(tugas),
            _butir=Exists(butir),
            _evaluasi=Exists(EvaluasiJabatan.objects.filter(jabatan=OuterRef("pk"))),
            _ikhtisar=~Q(ikhtisar=""),
        )
        .order_by("unit_id", "urutan", "pk")
        .values_list("pk", "nama", "unit_id", "jenis", "_tugas", "_butir", "_evaluasi", "_ikhtisar")
    )
    hasil: dict = {None: Kelengkapan()}
    for pk, nama, unit_id, jenis, ada_tugas, ada_butir, ada_evaluasi, ada_ikhtisar in baris:
        kelompok = [hasil[None]]
        g = kelompok_unit.get(unit_id)
        if g is not None:
            kelompok.append(hasil.setdefault(g, Kelengkapan()))
        isi = ada_butir if jenis == Jabatan.Jenis.FUNGSIONAL else ada_tugas
        for k in kelompok:
            k.jumlah += 1
            if not isi:
                k.tanpa_tugas += 1
                if len(k.contoh_tanpa_tugas) < CONTOH:
                    k.contoh_tanpa_tugas.append((pk, nama))
            if not ada_evaluasi:
                k.tanpa_evaluasi += 1
                if len(k.contoh_tanpa_evaluasi) < CONTOH:
                    k.contoh_tanpa_evaluasi.append((pk, nama))
            if not ada_ikhtisar:
                k.tanpa_ikhtisar += 1
            k.temuan += temuan.get(pk, 0)
    return hasil
