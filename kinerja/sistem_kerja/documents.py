"""The instrument that establishes a tim kerja, chosen by its lingkup (seed 003 Pasal 14 and the
formats of Lampiran IV): Surat Tugas by the head of the owning unit (dalam unit), Keputusan
Sekretaris Daerah (lintas unit), Keputusan Bupati/Wali Kota (lintas instansi); each with a
lampiran listing the team."""

from django.template.loader import render_to_string

from kinerja.models import AturanSistemKerja, Lingkup, Penugasan, TimKerja
from kinerja.sistem_kerja.selectors import anggota_tim, perangkat_daerah
from organisasi.formatting import tanggal
from organisasi.models import Instansi

TITIK = "…………"


def daerah(instansi: Instansi) -> str:
    """ "Kabupaten Banjar", as decrees name the region."""
    if instansi.jenis == Instansi.Jenis.KEMENTERIAN_LEMBAGA:
        return instansi.nama
    return f"{instansi.get_jenis_display()} {instansi.nama_daerah}".strip()


def sekretaris(instansi: Instansi) -> str:
    """Who decides on a cross-unit team: the Sekretaris Daerah (a ministry's Sekjen)."""
    if instansi.jenis == Instansi.Jenis.KEMENTERIAN_LEMBAGA:
        return f"Sekretaris Jenderal {instansi.nama}"
    return f"Sekretaris Daerah {daerah(instansi)}"


def nama_instrumen(tim: TimKerja) -> str:
    if tim.lingkup == Lingkup.LINTAS_UNIT:
        return f"Keputusan {sekretaris(tim.instansi)}"
    if tim.lingkup == Lingkup.LINTAS_INSTANSI:
        return f"Keputusan {tim.instansi.sebutan_kepala}"
    return f"Surat Tugas {kepala_unit(tim)}"


def kepala_unit(tim: TimKerja) -> str:
    return tim.unit.jabatan_kepala or f"Kepala {tim.unit.nama}"


def judul_tim(tim: TimKerja) -> str:
    """ "Tim Percepatan SPBE" stays; "Percepatan SPBE" becomes "Tim Percepatan SPBE"."""
    return tim.nama if tim.nama.lower().startswith("tim ") else f"Tim {tim.nama}"


def _baris(tim: TimKerja, anggota: list[Penugasan]) -> list[dict]:
    baris = []
    for p in anggota:
        if p.luar:
            asal = ", ".join(x for x in (p.unit_luar, p.instansi_luar) if x)
        else:
            unit = p.pegawai.unit
            bagian = [unit.nama] if unit else []
            if unit and unit.parent_id:
                pd = perangkat_daerah(unit)
                if pd.pk != unit.pk:
                    bagian.append(pd.nama)
            if p.asal == Lingkup.LINTAS_INSTANSI or tim.lingkup == Lingkup.LINTAS_INSTANSI:
                bagian.append(p.pegawai.instansi.nama)
            asal = ", ".join(bagian)
        baris.append(
            {
                "nama": p.nama,
                "nip": p.nip,
                "kedudukan": "Ketua" if p.kedudukan == Penugasan.Kedudukan.KETUA else "Anggota",
                "asal": asal or "-",
                "jabatan": p.jabatan_teks or "-",
            }
        )
    return baris


def _baris_teks(teks: str) -> list[str]:
    return [b.strip().rstrip(";.").strip() for b in teks.splitlines() if b.strip()]


def konteks_instrumen(tim: TimKerja) -> dict:
    instansi = tim.instansi
    aturan = AturanSistemKerja.untuk(instansi)
    anggota = anggota_tim(tim)
    pd_pemilik = perangkat_daerah(tim.unit)
    judul = judul_tim(tim)
    if instansi.jenis == Instansi.Jenis.KEMENTERIAN_LEMBAGA:
        pemerintah, sekretariat = instansi.nama, "Sekretariat Jenderal"
    else:
        pemerintah, sekretariat = f"Pemerintah {daerah(instansi)}", "Sekretariat Daerah"
    if tim.lingkup == Lingkup.LINTAS_UNIT:
        penetap = sekretaris(instansi)
        kop = [pemerintah, sekretariat]
    elif tim.lingkup == Lingkup.LINTAS_INSTANSI:
        penetap = instansi.sebutan_kepala
        kop = [penetap, instansi.wilayah]
    else:
        penetap = kepala_unit(tim)
        kop = [pemerintah, pd_pemilik.nama]
    target = tim.target_teks or TITIK
    tugas_ketua = _baris_teks(tim.tugas_ketua) or [
        "memimpin dan mengoordinasikan pelaksanaan tugas tim kerja guna pencapaian kinerja "
        f"{target}",
        "melaporkan pelaksanaan tugas tim kerja kepada Pimpinan Unit Organisasi dan/atau "
        "Pejabat Penilai Kinerja secara berkala",
    ]
    tugas_anggota = _baris_teks(tim.tugas_anggota) or [
        "melaksanakan tugas dalam tim kerja sesuai pembagian tugas dari ketua tim",
        "melaporkan pelaksanaan tugas kepada ketua tim",
    ]
    return {
        "tim": tim,
        "instansi": instansi,
        "daerah": daerah(instansi),
        "pd_pemilik": pd_pemilik,
        "penetap": penetap,
        "kop": [baris for baris in kop if baris],
        "judul": judul,
        "tahun": str(tim.tahun),  # not "2.024": the template would localise an int
        "target": target,
        "nomor": tim.nomor or f"{TITIK} TAHUN {tim.tahun}",
        "tanggal": tanggal(tim.tanggal) if tim.tanggal else "",
        "tempat_tanggal_surat": f"{instansi.ibu_kota}, {tanggal(tim.tanggal) or '……………………'}",
        "masa": f"{tanggal(tim.mulai)} sampai dengan {tanggal(tim.selesai)}",
        "dasar": [aturan.dasar_hukum, *_baris_teks(tim.dasar)],
        "tugas_ketua": tugas_ketua,
        "tugas_anggota": tugas_anggota,
        "pejabat_penilai": tim.pejabat_penilai or TITIK,
        "baris": _baris(tim, anggota),
        "lingkup_instansi": tim.lingkup == Lingkup.LINTAS_INSTANSI,
    }


def instrumen_html(tim: TimKerja, request=None) -> str:
    """The team's decree or letter; with `request` (shown in the browser) its <style> gets the
    Content-Security-Policy nonce."""
    template = (
        "kinerja/tim/dokumen/surat_tugas.html"
        if tim.lingkup == Lingkup.DALAM_UNIT
        else "kinerja/tim/dokumen/keputusan.html"
    )
    return render_to_string(template, konteks_instrumen(tim), request)
