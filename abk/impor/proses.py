"""The import, step by step: analyse (headers), check (validate + dry run), import."""

from decimal import Decimal
from pathlib import Path

from abk.impor.baca import Lembar, baca_buku
from abk.impor.pemetaan import JAM, MENIT, PetaLembar, Sinonim, cari_judul
from abk.impor.tulis import Rencana, terapkan
from abk.impor.validasi import BULAT_LAZIM, HasilBaca, NilaiTidakSah, angka, baca_semua
from organisasi.formatting import angka as format_angka

WAKTU_EFEKTIF = Decimal(75000)


def peta_ke_dict(p: PetaLembar) -> dict:
    return {
        "lembar": p.lembar,
        "baris_judul": p.baris_judul,
        "judul": p.judul,
        "kolom": {str(i): f for i, f in p.kolom.items()},
        "satuan_waktu": p.satuan_waktu,
        "catatan": p.catatan,
    }


def peta_dari_dict(d: dict) -> PetaLembar:
    return PetaLembar(
        lembar=d["lembar"],
        baris_judul=d["baris_judul"],
        judul=d["judul"],
        kolom={int(i): f for i, f in d["kolom"].items() if f},
        satuan_waktu=d.get("satuan_waktu", MENIT),
        catatan=d.get("catatan", []),
    )


def analisis(lembar: list[Lembar], instansi_id: int | None) -> list[PetaLembar]:
    """Header row and column mapping of every sheet; a saved mapping of the same layout wins."""
    from abk.models import PemetaanKolom

    sinonim = Sinonim.muat(instansi_id)
    hasil = []
    tersimpan = {}
    if instansi_id is not None:
        for m in PemetaanKolom.objects.filter(instansi_id=instansi_id):
            for d in m.pemetaan.get("lembar", []):
                tersimpan[d.get("tanda")] = (m, d)
    for lb in lembar:
        peta = cari_judul(lb, sinonim)
        if peta is None:
            continue
        if peta.tanda() in tersimpan:
            m, d = tersimpan[peta.tanda()]
            peta = peta_dari_dict(d)
            peta.catatan = [f"Memakai pemetaan tersimpan “{m.nama}”."]
        else:
            periksa_jam_berisi_menit(lb, peta)
        hasil.append(peta)
    return hasil


def periksa_jam_berisi_menit(lembar: Lembar, peta: PetaLembar) -> None:
    """Seed 001 heads the time column "(JAM)" but its numbers are minutes: when the rows'
    printed needs only fit minutes, say so and propose minutes."""
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
        menit, jam = v * w / WAKTU_EFEKTIF, v * w * 60 / WAKTU_EFEKTIF
        if abs(menit - k) < Decimal("0.0015"):
            cocok_menit += 1
            contoh = contoh or (nomor, v, w, k)
        elif abs(jam - k) < Decimal("0.0015"):
            cocok_jam += 1
    if cocok_menit > cocok_jam and contoh:
        nomor, v, w, k = contoh
        judul = next(peta.judul[i] for i, f in peta.kolom.items() if f == "waktu")
        peta.satuan_waktu = MENIT
        peta.catatan.append(
            f"Kolom “{judul}” bertuliskan jam tetapi berisi menit: kebutuhan tercetak hanya "
            f"cocok bila dibagi 75.000 menit (baris {nomor}: {format_angka(v, 0)} × "
            f"{format_angka(w, 0)} ÷ 75.000 = {format_angka(k, 3)}). Diusulkan: menit."
        )


def periksa_dan_impor(
    path: Path,
    peta: list[PetaLembar],
    *,
    instansi,
    unit,
    periode,
    buat_unit=False,
    hanya_sah=False,
    kering=True,
    progres=None,
) -> tuple[HasilBaca, Rencana]:
    lembar = baca_buku(path)
    hasil = baca_semua(lembar, peta)
    rencana = terapkan(
        hasil,
        instansi=instansi,
        unit_induk=unit,
        periode=periode,
        buat_unit=buat_unit,
        hanya_sah=hanya_sah,
        kering=kering,
        sumber=f"Impor {path.name}",
        progres=progres,
    )
    return hasil, rencana
