"""The beranda's answer to "what do I do next" (issue 14 item 4), plugged into organisasi's
beranda through organisasi.perluasan:

- an Operator sees its units' completeness — positions without tasks, without evaluation, the
  data-quality findings — each count linking to where it is fixed;
- an Admin Instansi (and the read-only roles) see every perangkat daerah's need against its
  bezetting as a chart, the shortages ranked, the findings, and the same completeness;
- a platform superuser sees the figures of every instansi.

Figures come from the cached roll-ups (abk.rekap_simpan) and one completeness query
(anjab.kelengkapan), so the page costs the same whatever the instansi's size."""

from collections import Counter
from dataclasses import dataclass

from django.template.loader import render_to_string

from abk import charts, rekap_simpan
from abk.kualitas import KEWAJARAN, SELISIH
from anjab import selectors as anjab_selectors
from anjab import services as anjab_services
from anjab.kelengkapan import Kelengkapan, kelengkapan_per_kelompok
from organisasi import selectors as org_selectors

PERINGKAT = 10  # shortages listed
GRAFIK = 15  # units on the chart


@dataclass
class BarisUnit:
    unit: object
    kebutuhan: int
    bezetting: int
    kekurangan: int
    kelebihan: int
    kelengkapan: Kelengkapan

    @property
    def temuan(self) -> int:
        return self.kelengkapan.temuan


def konteks_tanpa_periode(request) -> dict:
    """What the page of an instansi without an analysis period offers: the period it would
    start and, for a user who may write, the button (a platform superuser has no instansi)."""
    instansi_id = request.akses.instansi_id
    return {
        "instansi_id": instansi_id,
        "nama_periode_baru": anjab_services.nama_periode_baru(),
        "waktu_efektif_menit": anjab_services.waktu_efektif_periode_baru(),
        "boleh_menulis": request.akses.boleh_menulis and instansi_id is not None,
    }


def panel(request) -> str:
    akses = request.akses
    if not akses.ada:
        return ""
    if akses.semua_instansi:
        return _panel_platform(request)
    periode = anjab_selectors.periode_terbaru(akses.instansi_id)
    if periode is None:
        return render_to_string(
            "abk/beranda_tanpa_periode.html", konteks_tanpa_periode(request), request
        )
    unit = org_selectors.get_unit_for_user(request.user, akses.unit_id) if akses.unit_id else None
    ringkasan = rekap_simpan.ringkasan(periode, unit)
    temuan = rekap_simpan.temuan_ringkas(periode, unit)
    # the rows: the perangkat daerah (or, for an Operator, its unit's sub-units)
    tingkat = 0 if unit is None else 1
    baris_ru = [ru for ru in ringkasan.units if ru.depth == tingkat] or [
        ru for ru in ringkasan.units if ru.depth == 0
    ]
    kelompok = _kelompok(request.user, {ru.unit.pk for ru in baris_ru})
    lengkap = kelengkapan_per_kelompok(
        anjab_selectors.jabatan_for_user(request.user).filter(instansi_id=akses.instansi_id),
        periode,
        kelompok,
        Counter(jabatan_id for _kategori, jabatan_id in temuan),
    )
    baris = [
        BarisUnit(
            ru.unit,
            ru.subtree["kebutuhan_dibulatkan"],
            ru.subtree["bezetting"],
            ru.subtree["kekurangan"],
            ru.subtree["kelebihan"],
            lengkap.get(ru.unit.pk, Kelengkapan()),
        )
        for ru in baris_ru
    ]
    kurang = sorted((b for b in baris if b.kekurangan), key=lambda b: -b.kekurangan)
    grafik_units = sorted(baris_ru, key=lambda ru: -ru.subtree["kekurangan"])[:GRAFIK]
    return render_to_string(
        "abk/beranda_panel.html",
        {
            "periode": periode,
            "unit": unit,
            "operator": unit is not None,
            "total": ringkasan.total,
            "baris": baris,
            "kurang": kurang[:PERINGKAT],
            "grafik": charts.grafik_kebutuhan_bezetting(grafik_units),
            "semua": lengkap[None],
            "temuan_selisih": sum(1 for k, _j in temuan if k == SELISIH),
            "temuan_kewajaran": sum(1 for k, _j in temuan if k == KEWAJARAN),
            "boleh_menulis": akses.boleh_menulis,
        },
        request,
    )


def _kelompok(user, akar: set[int]) -> dict[int, int]:
    """unit id → the row it is counted in: the row unit itself or its ancestor among them."""
    hasil = {}
    for n in org_selectors.unit_tree(user):
        jalur = [pk for pk in n.tree_path if pk in akar]
        if jalur:
            hasil[n.pk] = jalur[-1]
    return hasil


def _panel_platform(request) -> str:
    baris = []
    for instansi in org_selectors.instansi_for_user(request.user).order_by("nama"):
        periode = anjab_selectors.periode_terbaru(instansi.pk)
        total = rekap_simpan.ringkasan(periode).total if periode else None
        baris.append({"instansi": instansi, "periode": periode, "total": total})
    return render_to_string("abk/beranda_platform.html", {"baris": baris}, request)


def daftarkan() -> None:
    from organisasi import perluasan

    perluasan.daftarkan_panel_beranda(panel)
