"""The import, step by step: analyse (headers), check (validate + dry run), import."""

from collections import defaultdict
from decimal import Decimal
from pathlib import Path

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from abk.impor.baca import Lembar, baca_buku, teks_sel
from abk.impor.pemetaan import JAM, MENIT, PetaLembar, Sinonim, cari_judul, normalisasi
from abk.impor.tulis import Rencana, terapkan
from abk.impor.validasi import BULAT_LAZIM, HasilBaca, NilaiTidakSah, angka, baca_semua
from anjab.calculations import MENIT_PER_JAM, WAKTU_EFEKTIF_MENIT
from anjab.models.jabatan import SatuanVolume
from organisasi.formatting import angka as format_angka
from organisasi.reference import baca_fixture


def peta_ke_dict(p: PetaLembar) -> dict:
    return {
        "lembar": p.lembar,
        "baris_judul": p.baris_judul,
        "judul": p.judul,
        "kolom": {str(i): f for i, f in p.kolom.items()},
        "satuan_waktu": p.satuan_waktu,
        "satuan_volume": p.satuan_volume,
        "tata_letak": p.tata_letak,
        "catatan": p.catatan,
    }


def peta_dari_dict(d: dict) -> PetaLembar:
    return PetaLembar(
        lembar=d["lembar"],
        baris_judul=d["baris_judul"],
        judul=d["judul"],
        kolom={int(i): f for i, f in d["kolom"].items() if f},
        satuan_waktu=d.get("satuan_waktu", MENIT),
        satuan_volume=d.get("satuan_volume", SatuanVolume.TAHUN),
        tata_letak=d.get("tata_letak", ""),
        catatan=d.get("catatan", []),
    )


DESKRIPTIF = {
    "ikhtisar",
    "kelas",
    "jenis_jabatan",
    "jenjang",
    "kode_jabatan",
    "pendidikan_syarat",
    "pengalaman",
    "eselon",
    "rantai_jpt_pratama",
    "rantai_administrator",
    "rantai_pengawas",
    "kepala_unit",
}
TATA_LETAK = {
    "datar": gettext_lazy("tabel datar (jabatan dan unit pada setiap baris)"),
    "tertaut": gettext_lazy("lembar tertaut (tugas merujuk lembar jabatan)"),
    "formulir": gettext_lazy("formulir per jabatan (blok isian di atas tabel)"),
    "jabatan": gettext_lazy("daftar jabatan"),
    "rekap": gettext_lazy("rekap (hanya angka tercetak pembanding)"),
    "prosa": gettext_lazy("teks petunjuk (dilewati)"),
    "pegawai": gettext_lazy("daftar pegawai"),
    "unit": gettext_lazy("daftar unit"),
    "tidak_dikenal": gettext_lazy("tidak dikenali (dilewati)"),
}


# What a sheet holds, as the check step names it (PetaLembar.jenis is a code).
NAMA_JENIS = {
    "unit": gettext_lazy("daftar unit"),
    "jabatan": gettext_lazy("daftar jabatan"),
    "tugas": gettext_lazy("tugas dan beban kerja"),
    "pegawai": gettext_lazy("daftar pegawai"),
    "rekap": gettext_lazy("rekap"),
    "tidak_dikenal": gettext_lazy("tidak dikenali (dilewati)"),
}


def analisis(lembar: list[Lembar], instansi_id: int | None, *, periode=None) -> list[PetaLembar]:
    """Header row, column mapping and layout of every sheet; a saved mapping of the same
    layout wins. Printed needs are checked against the target period's effective time."""
    from abk.models import PemetaanKolom

    sinonim = Sinonim.muat(instansi_id)
    waktu_efektif_menit = periode.waktu_efektif_menit if periode else WAKTU_EFEKTIF_MENIT
    hasil = []
    tersimpan = {}
    if instansi_id is not None:
        for m in PemetaanKolom.objects.filter(instansi_id=instansi_id):
            for d in m.pemetaan.get("lembar", []):
                tersimpan[d.get("tanda")] = (m, d)
    for lb in lembar:
        if not lb.baris:
            continue
        peta = cari_judul(lb, sinonim)
        if peta is None:
            continue
        if peta.tanda() in tersimpan:
            m, d = tersimpan[peta.tanda()]
            peta = peta_dari_dict(d)
            peta.catatan = [_("Memakai pemetaan tersimpan “%(nama)s”.") % {"nama": m.nama}]
        else:
            periksa_jam_berisi_menit(lb, peta, waktu_efektif_menit)
            if peta.jenis == "jabatan" and _judul_rekap(lb, peta):
                peta.tata_letak = "rekap"
        hasil.append(peta)
    _rekap_tersirat(hasil)
    for p in hasil:
        if not p.tata_letak:
            p.tata_letak = p.jenis if p.jenis != "tugas" else ""
    return hasil


def _judul_rekap(lb: Lembar, peta: PetaLembar) -> bool:
    if "rekap" in normalisasi(lb.nama):
        return True
    return any(
        "rekap" in normalisasi(teks_sel(s.nilai))
        for nomor, sel in lb.baris
        if nomor < peta.baris_judul
        for s in sel
        if isinstance(s.nilai, str)
    )


def _rekap_tersirat(peta: list[PetaLembar]) -> None:
    """A list of positions with only their printed needs, beside forms that name their own
    position, is a recap: it compares, it does not create positions."""
    tugas = [p for p in peta if p.jenis == "tugas"]
    if not tugas or any(
        {"nama_jabatan", "nomor", "kode_jabatan"} & set(p.kolom.values()) for p in tugas
    ):
        return
    for p in peta:
        if p.jenis == "jabatan" and not DESKRIPTIF & set(p.kolom.values()):
            p.tata_letak = "rekap"
            p.catatan.append(
                _(
                    "Sheet %(lembar)s hanya berisi nama jabatan dan angka; dipakai sebagai rekap "
                    "pembanding."
                )
                % {"lembar": p.lembar}
            )


def periksa_jam_berisi_menit(
    lembar: Lembar, peta: PetaLembar, waktu_efektif_menit=WAKTU_EFEKTIF_MENIT
) -> None:
    """Seed 001 heads the time column "(JAM)" but its numbers are minutes: when the rows'
    printed needs only fit minutes (over `waktu_efektif_menit`), say so and propose minutes."""
    if peta.satuan_waktu != JAM:
        return
    kolom = {f: i for i, f in peta.kolom.items()}
    if not {"volume", "waktu", "kebutuhan_tugas_tercetak"} <= kolom.keys():
        return
    cocok_menit = cocok_jam = 0
    contoh = None
    for nomor, sel in lembar.baris:
        if nomor <= peta.baris_judul:
            continue
        try:
            v, w, k = (
                angka(sel[kolom[f]].nilai, bulat_lazim=f in BULAT_LAZIM)
                if kolom[f] < len(sel)
                else None
                for f in ("volume", "waktu", "kebutuhan_tugas_tercetak")
            )
        except NilaiTidakSah:
            continue
        if None in (v, w, k) or k == 0:
            continue
        menit = v * w / waktu_efektif_menit
        jam = v * w * MENIT_PER_JAM / waktu_efektif_menit
        if abs(menit - k) < Decimal("0.0015"):
            cocok_menit += 1
            contoh = contoh or (nomor, v, w, k)
        elif abs(jam - k) < Decimal("0.0015"):
            cocok_jam += 1
    if cocok_menit > cocok_jam and contoh:
        nomor, v, w, k = contoh
        judul = next(peta.judul[i] for i, f in peta.kolom.items() if f == "waktu")
        peta.satuan_waktu = MENIT
        efektif = format_angka(waktu_efektif_menit, 0)
        peta.catatan.append(
            _(
                "Kolom “%(judul)s” bertuliskan jam tetapi berisi menit: kebutuhan tercetak hanya "
                "cocok bila dibagi %(efektif)s menit (baris %(baris)s: %(volume)s × %(waktu)s ÷ "
                "%(efektif)s = %(kebutuhan)s). Diusulkan: menit."
            )
            % {
                "judul": judul,
                "efektif": efektif,
                "baris": nomor,
                "volume": format_angka(v, 0),
                "waktu": format_angka(w, 0),
                "kebutuhan": format_angka(k, 3),
            }
        )


def _label_kolom() -> dict[str, str]:
    """The Indonesian names of the canonical columns ("Nomor urut jabatan", not "nomor")."""
    return {k: v["label"] for k, v in baca_fixture("impor_sinonim.json")["kolom"].items()}


def laporan_lembar(peta: list[PetaLembar], hasil: HasilBaca | None = None) -> list[str]:
    """How each sheet was read, in words, for the check step."""
    baris = []
    label = _label_kolom()
    per_lembar = defaultdict(list)
    for info in hasil.lembar if hasil else []:
        per_lembar[info["lembar"]].append(info)
    for p in peta:
        segmen = per_lembar.get(p.lembar, [])
        letak = (segmen[0].get("tata_letak") if segmen else "") or p.tata_letak or p.jenis
        judul = ", ".join(str(s["baris_judul"]) for s in segmen) or str(p.baris_judul)
        kolom = "; ".join(
            f"{p.judul[i] if i < len(p.judul) else i} → {label.get(f, f)}"
            for i, f in sorted(p.kolom.items())
        )
        teks = _("Sheet %(lembar)s: %(tata_letak)s; judul kolom di baris %(baris)s") % {
            "lembar": p.lembar,
            "tata_letak": TATA_LETAK.get(letak, letak),
            "baris": judul,
        }
        if len(segmen) > 1:
            teks += _(" (%(n)s tabel)") % {"n": len(segmen)}
        if p.jenis == "tugas":
            teks += _("; waktu dalam %(satuan)s") % {"satuan": p.satuan_waktu}
            if p.satuan_volume != SatuanVolume.TAHUN:
                teks += _("; volume per %(satuan)s") % {"satuan": p.satuan_volume}
            if segmen and segmen[0].get("tautan"):
                teks += f"; {segmen[0]['tautan']}"
        if kolom:
            teks += _(". Kolom: %(kolom)s") % {"kolom": kolom}
        baris.append(teks)
    return baris


def periksa_dan_impor(
    path: Path,
    peta: list[PetaLembar],
    *,
    instansi,
    unit,
    periode,
    jabatan=None,
    buat_unit=False,
    hanya_sah=False,
    kering=True,
    progres=None,
    pilihan_unit=None,
    lembar: list[Lembar] | None = None,
) -> tuple[HasilBaca, Rencana]:
    """Reads, checks and (unless `kering`) writes the workbook. With `jabatan`, the
    workbook describes that one position and every row goes to it. `lembar` is the workbook
    already read (the file is parsed once)."""
    lembar = lembar if lembar is not None else baca_buku(path)
    hasil = baca_semua(lembar, peta, instansi.pk if instansi else None)
    rencana = terapkan(
        hasil,
        instansi=instansi,
        unit_induk=unit,
        periode=periode,
        jabatan=jabatan,
        buat_unit=buat_unit,
        hanya_sah=hanya_sah,
        kering=kering,
        sumber=f"Impor {path.name}",
        progres=progres,
        pilihan_unit=pilihan_unit or {},
    )
    return hasil, rencana
