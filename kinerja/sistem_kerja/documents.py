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


def _penanggung_jawab(tim: TimKerja, pd_pemilik) -> dict:
    """The lampiran's first row of a decree: who answers for the team (seed 003 Lampiran IV)."""
    pj = tim.penanggung_jawab
    unit = tim.unit
    asal = [unit.nama] if unit.pk == pd_pemilik.pk else [unit.nama, pd_pemilik.nama]
    if tim.lingkup == Lingkup.LINTAS_INSTANSI:
        asal.append(tim.instansi.nama)
    return {
        "nama": pj.nama_lengkap if pj else TITIK,
        "nip": pj.nip_tercetak if pj else "",
        "kedudukan": "Penanggungjawab",
        "asal": ", ".join(asal),
        "jabatan": kepala_unit(tim),
    }


def _penandatangan(tim: TimKerja) -> dict:
    """Name (with gelar), pangkat and NIP from the pegawai record, else as typed."""
    p = tim.penandatangan
    if p is None:
        return {
            "nama": tim.penandatangan_nama,
            "pangkat": tim.penandatangan_pangkat,
            "nip": tim.penandatangan_nip,
        }
    g = p.golongan
    pangkat = f"{g.pangkat} ({g.kode})" if g and g.pangkat else (g.kode if g else "")
    return {"nama": p.nama_lengkap, "pangkat": pangkat, "nip": p.nip_tercetak}


def _mengingat(tim: TimKerja, dasar: list[str]) -> list[str]:
    """A decree's Mengingat as seed 003's format: the rules given, then the region's budget
    regulation and its elaboration for the team's year (unless already among them)."""
    instansi, tahun = tim.instansi, tim.tahun
    if instansi.jenis == Instansi.Jenis.KEMENTERIAN_LEMBAGA or any(
        "Anggaran Pendapatan dan Belanja" in d for d in dasar
    ):
        return dasar
    wilayah = daerah(instansi)
    return [
        *dasar,
        f"Peraturan Daerah {wilayah} Nomor {TITIK} Tahun {tahun} tentang Anggaran Pendapatan "
        f"dan Belanja Daerah {wilayah} Tahun Anggaran {tahun}",
        f"Peraturan {instansi.sebutan_kepala} Nomor {TITIK} Tahun {tahun} tentang Penjabaran "
        f"Anggaran Pendapatan dan Belanja Daerah Tahun Anggaran {tahun}",
    ]


# The lampiran's columns as each of seed 003's formats heads them.
KOLOM_LAMPIRAN = {
    Lingkup.LINTAS_UNIT: ["NO.", "NAMA", "KEDUDUKAN DALAM TIM", "PERANGKAT DAERAH",
                          "JABATAN PADA PERANGKAT DAERAH"],
    Lingkup.LINTAS_INSTANSI: ["NO.", "NAMA", "KEDUDUKAN DALAM TIM",
                              "INSTANSI/UNIT ORGANISASI/PERANGKAT DAERAH", "JABATAN"],
}  # fmt: skip


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
    tugas_penanggung_jawab = _baris_teks(tim.tugas_penanggung_jawab) or [
        "memberikan arahan dan pengendalian atas pelaksanaan tugas tim kerja",
        f"memantau dan mengevaluasi capaian kinerja {target}",
    ]
    tugas_anggota = _baris_teks(tim.tugas_anggota) or [
        "melaksanakan tugas dalam tim kerja sesuai pembagian tugas dari ketua tim",
        "melaporkan pelaksanaan tugas kepada ketua tim",
    ]
    dasar = [d for d in [aturan.dasar_hukum, *_baris_teks(tim.dasar)] if d]
    baris = _baris(tim, anggota)
    if tim.lingkup != Lingkup.DALAM_UNIT:
        baris.insert(0, _penanggung_jawab(tim, pd_pemilik))
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
        # a Surat Tugas's Dasar: the owning unit's SOTK, the sistem kerja rule, the rest
        "dasar": [
            f"Peraturan {instansi.sebutan_kepala} tentang Susunan Organisasi dan Tata Kerja "
            f"{pd_pemilik.nama}",
            *dasar,
        ],
        "mengingat": _mengingat(tim, dasar),
        "memperhatikan": _baris_teks(tim.memperhatikan) or [TITIK],
        "tugas_penanggung_jawab": tugas_penanggung_jawab,
        "tugas_ketua": tugas_ketua,
        "tugas_anggota": tugas_anggota,
        "pejabat_penilai": tim.pejabat_penilai or TITIK,
        "baris": baris,
        "kolom_lampiran": KOLOM_LAMPIRAN.get(tim.lingkup, []),
        "ketua": [b for b in baris if b["kedudukan"] == "Ketua"],
        "anggota": [b for b in baris if b["kedudukan"] == "Anggota"],
        "penandatangan": _penandatangan(tim),
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
