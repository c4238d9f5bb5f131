"""Performance planning and reporting (seed 002): Renstra → tujuan → sasaran → indikator with
yearly targets; programs and kegiatan with budgets; the yearly Perjanjian Kinerja (and its
Perubahan); realisations; the LAKIP's narrative. Every capaian is computed
(kinerja.calculations), never stored."""

from django.core.exceptions import ValidationError
from django.db import models
from simple_history.models import HistoricalRecords


def _baris(teks: str) -> list[str]:
    """A text typed one item per line, as its non-empty lines (printed as a numbered list)."""
    return [b.strip() for b in teks.splitlines() if b.strip()]


class Renstra(models.Model):
    unit = models.ForeignKey(
        "organisasi.UnitOrganisasi", on_delete=models.CASCADE, related_name="renstra"
    )
    tahun_awal = models.PositiveSmallIntegerField("tahun awal")
    tahun_akhir = models.PositiveSmallIntegerField("tahun akhir")
    visi = models.TextField("visi", blank=True)
    misi = models.JSONField("misi", default=list, blank=True)
    versi = models.PositiveIntegerField("versi", default=1, editable=False)  # organisasi.versi
    history = HistoricalRecords()

    class Meta:
        verbose_name = "rencana strategis"
        verbose_name_plural = "rencana strategis"
        ordering = ["unit", "-tahun_awal"]

    def __str__(self):
        return f"Renstra {self.unit} {self.tahun_awal}–{self.tahun_akhir}"

    def clean(self):
        if self.tahun_awal and self.tahun_akhir and self.tahun_akhir < self.tahun_awal:
            raise ValidationError({"tahun_akhir": "Tahun akhir sebelum tahun awal."})

    @property
    def tahun(self) -> list[int]:
        return list(range(self.tahun_awal, self.tahun_akhir + 1))


class Tujuan(models.Model):
    renstra = models.ForeignKey(Renstra, on_delete=models.CASCADE, related_name="tujuan")
    urutan = models.PositiveSmallIntegerField(default=1)
    uraian = models.TextField("tujuan")

    class Meta:
        verbose_name = "tujuan"
        verbose_name_plural = "tujuan"
        ordering = ["urutan", "pk"]

    def __str__(self):
        return self.uraian


class Sasaran(models.Model):
    tujuan = models.ForeignKey(Tujuan, on_delete=models.CASCADE, related_name="sasaran")
    urutan = models.PositiveSmallIntegerField(default=1)
    uraian = models.TextField("sasaran strategis")
    kebijakan = models.TextField(
        "kebijakan",
        blank=True,
        help_text="Arah kebijakan Renstra untuk sasaran ini, satu per baris (lampiran Renstra).",
    )

    class Meta:
        verbose_name = "sasaran strategis"
        verbose_name_plural = "sasaran strategis"
        ordering = ["urutan", "pk"]

    def __str__(self):
        return self.uraian

    @property
    def daftar_kebijakan(self) -> list[str]:
        return _baris(self.kebijakan)


class Indikator(models.Model):
    class Arah(models.TextChoices):
        NAIK = "naik", "Makin tinggi makin baik"
        TURUN = "turun", "Makin rendah makin baik"

    sasaran = models.ForeignKey(Sasaran, on_delete=models.CASCADE, related_name="indikator")
    urutan = models.PositiveSmallIntegerField(default=1)
    uraian = models.TextField("indikator kinerja")
    satuan = models.CharField("satuan", max_length=50, default="%")
    arah = models.CharField("arah", max_length=5, choices=Arah.choices, default=Arah.NAIK)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "indikator kinerja"
        verbose_name_plural = "indikator kinerja"
        ordering = ["urutan", "pk"]

    def __str__(self):
        return self.uraian


class TargetIndikator(models.Model):
    indikator = models.ForeignKey(Indikator, on_delete=models.CASCADE, related_name="target")
    tahun = models.PositiveSmallIntegerField("tahun")
    target = models.DecimalField("target", max_digits=14, decimal_places=4)

    class Meta:
        verbose_name = "target Renstra"
        verbose_name_plural = "target Renstra"
        ordering = ["tahun"]
        constraints = [
            models.UniqueConstraint(fields=["indikator", "tahun"], name="target_unik_per_tahun")
        ]

    def __str__(self):
        return f"{self.indikator} {self.tahun}: {self.target}"


class Program(models.Model):
    renstra = models.ForeignKey(Renstra, on_delete=models.CASCADE, related_name="program")
    sasaran = models.ForeignKey(
        Sasaran, on_delete=models.SET_NULL, null=True, blank=True, related_name="program"
    )
    urutan = models.PositiveSmallIntegerField(default=1)
    nama = models.CharField("program", max_length=300)
    indikator = models.TextField("indikator program", blank=True)
    unit_penanggung_jawab = models.ForeignKey(
        "organisasi.UnitOrganisasi",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="unit penanggung jawab",
    )

    class Meta:
        verbose_name = "program"
        verbose_name_plural = "program"
        ordering = ["urutan", "pk"]

    def __str__(self):
        return self.nama


class Kegiatan(models.Model):
    program = models.ForeignKey(Program, on_delete=models.CASCADE, related_name="kegiatan")
    urutan = models.PositiveSmallIntegerField(default=1)
    nama = models.CharField("kegiatan", max_length=400)
    indikator = models.TextField("indikator kegiatan (keluaran)", blank=True)
    target = models.CharField("target keluaran", max_length=100, blank=True)
    unit_penanggung_jawab = models.CharField("penanggung jawab", max_length=200, blank=True)

    class Meta:
        verbose_name = "kegiatan"
        verbose_name_plural = "kegiatan"
        ordering = ["urutan", "pk"]

    def __str__(self):
        return self.nama


class PerjanjianKinerja(models.Model):
    class Jenis(models.TextChoices):
        AWAL = "awal", "Perjanjian Kinerja"
        PERUBAHAN = "perubahan", "Perjanjian Kinerja Perubahan"

    renstra = models.ForeignKey(
        Renstra, on_delete=models.CASCADE, related_name="perjanjian_kinerja"
    )
    tahun = models.PositiveSmallIntegerField("tahun")
    jenis = models.CharField("jenis", max_length=10, choices=Jenis.choices, default=Jenis.AWAL)
    asal = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="perubahan",
        help_text="Perjanjian yang diubah (untuk Perubahan); yang asli tetap disimpan.",
    )
    tempat_tanggal = models.CharField("tempat, tanggal", max_length=100, blank=True)
    pihak_pertama_nama = models.CharField("pihak pertama: nama", max_length=200, blank=True)
    pihak_pertama_jabatan = models.CharField("pihak pertama: jabatan", max_length=300, blank=True)
    pihak_pertama_pangkat = models.CharField("pihak pertama: pangkat", max_length=100, blank=True)
    pihak_pertama_nip = models.CharField("pihak pertama: NIP", max_length=30, blank=True)
    pihak_kedua_nama = models.CharField("pihak kedua: nama", max_length=200, blank=True)
    pihak_kedua_jabatan = models.CharField("pihak kedua: jabatan", max_length=300, blank=True)
    versi = models.PositiveIntegerField("versi", default=1, editable=False)  # organisasi.versi
    history = HistoricalRecords()

    class Meta:
        verbose_name = "perjanjian kinerja"
        verbose_name_plural = "perjanjian kinerja"
        ordering = ["-tahun", "jenis"]

    def __str__(self):
        return f"{self.get_jenis_display()} {self.tahun} {self.renstra.unit}"


class IndikatorPK(models.Model):
    perjanjian = models.ForeignKey(
        PerjanjianKinerja, on_delete=models.CASCADE, related_name="indikator"
    )
    indikator = models.ForeignKey(Indikator, on_delete=models.PROTECT, related_name="pk_set")
    urutan = models.PositiveSmallIntegerField(default=1)
    target = models.DecimalField("target", max_digits=14, decimal_places=4)

    class Meta:
        verbose_name = "indikator perjanjian kinerja"
        verbose_name_plural = "indikator perjanjian kinerja"
        ordering = ["urutan", "pk"]

    def __str__(self):
        return f"{self.indikator}: {self.target}"


class ProgramPK(models.Model):
    perjanjian = models.ForeignKey(
        PerjanjianKinerja, on_delete=models.CASCADE, related_name="program"
    )
    program = models.ForeignKey(Program, on_delete=models.PROTECT, related_name="pk_set")
    urutan = models.PositiveSmallIntegerField(default=1)
    anggaran = models.DecimalField("anggaran (Rp)", max_digits=16, decimal_places=2)
    keterangan = models.CharField("keterangan", max_length=200, blank=True)

    class Meta:
        verbose_name = "program perjanjian kinerja"
        verbose_name_plural = "program perjanjian kinerja"
        ordering = ["urutan", "pk"]

    def __str__(self):
        return f"{self.program}: {self.anggaran}"


class Realisasi(models.Model):
    """A realised value of an indikator: for the whole year (triwulan 0) or one quarter."""

    indikator = models.ForeignKey(Indikator, on_delete=models.CASCADE, related_name="realisasi")
    tahun = models.PositiveSmallIntegerField("tahun")
    triwulan = models.PositiveSmallIntegerField(
        "triwulan",
        default=0,
        choices=[
            (0, "Setahun"),
            (1, "Triwulan I"),
            (2, "Triwulan II"),
            (3, "Triwulan III"),
            (4, "Triwulan IV"),
        ],
    )
    nilai = models.DecimalField("realisasi", max_digits=14, decimal_places=4)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "realisasi indikator"
        verbose_name_plural = "realisasi indikator"
        ordering = ["tahun", "triwulan"]
        constraints = [
            models.UniqueConstraint(
                fields=["indikator", "tahun", "triwulan"], name="realisasi_unik"
            )
        ]

    def __str__(self):
        return f"{self.indikator} {self.tahun}: {self.nilai}"


class Anggaran(models.Model):
    """Pagu and realisation of a kegiatan (or of a program directly, e.g. salaries) in a year."""

    program = models.ForeignKey(Program, on_delete=models.CASCADE, related_name="anggaran")
    kegiatan = models.ForeignKey(
        Kegiatan, on_delete=models.CASCADE, null=True, blank=True, related_name="anggaran"
    )
    tahun = models.PositiveSmallIntegerField("tahun")
    uraian = models.CharField("uraian (bila tanpa kegiatan)", max_length=300, blank=True)
    urutan = models.PositiveSmallIntegerField(default=1)
    pagu = models.DecimalField("pagu (Rp)", max_digits=16, decimal_places=2)
    realisasi = models.DecimalField("realisasi (Rp)", max_digits=16, decimal_places=2, default=0)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "anggaran"
        verbose_name_plural = "anggaran"
        ordering = ["tahun", "program__urutan", "urutan", "pk"]

    def __str__(self):
        return f"{self.kegiatan or self.uraian or self.program} {self.tahun}"


class Lakip(models.Model):
    """The narrative the user writes around the computed tables of a year's LAKIP, one field
    per section of seed 002 (Permenpan RB 53/2014, Lampiran III); every figure in the
    document is computed (kinerja.laporan), never typed here."""

    renstra = models.ForeignKey(Renstra, on_delete=models.CASCADE, related_name="lakip")
    tahun = models.PositiveSmallIntegerField("tahun")
    kata_pengantar = models.TextField("kata pengantar", blank=True)
    ringkasan = models.TextField(
        "ringkasan eksekutif",
        blank=True,
        help_text="Paragraf pembuka; tabel capaian sasaran dan serapan anggaran disusun otomatis.",
    )
    latar_belakang = models.TextField("Bab I A. latar belakang", blank=True)
    landasan_hukum = models.TextField(
        "Bab I B. landasan hukum",
        blank=True,
        help_text="Satu peraturan per baris, sesuai urutan; dicetak sebagai daftar bernomor.",
    )
    struktur_organisasi = models.TextField(
        "Bab I C. struktur organisasi (pengantar)",
        blank=True,
        help_text="Bagan, tugas setiap pimpinan unit (dari Anjab) dan tabel SDM (dari data "
        "pegawai) disusun otomatis di bawah paragraf ini.",
    )
    isu_strategis = models.TextField(
        "Bab I D. aspek strategis dan permasalahan utama (strategic issues)", blank=True
    )
    sistematika = models.TextField(
        "Bab I E. sistematika penyajian",
        blank=True,
        help_text="Dikosongkan: dicetak uraian baku per bab sesuai Permenpan RB 53/2014.",
    )
    perencanaan = models.TextField("Bab II pengantar rencana strategis", blank=True)
    akuntabilitas = models.TextField("Bab III pembuka", blank=True)
    analisis_penyebab = models.TextField(
        "Bab III B. analisis penyebab keberhasilan/kegagalan dan alternatif solusi", blank=True
    )
    analisis_efisiensi = models.TextField(
        "Bab III C. analisis efisiensi penggunaan sumber daya", blank=True
    )
    analisis_program = models.TextField(
        "Bab III D. analisis program/kegiatan yang menunjang keberhasilan atau kegagalan",
        blank=True,
    )
    kesimpulan = models.TextField(
        "Bab IV A. kesimpulan",
        blank=True,
        help_text="Dicetak sesudah ringkasan capaian per sasaran yang disusun otomatis.",
    )
    saran = models.TextField("Bab IV B. saran", blank=True)
    tempat_tanggal = models.CharField("tempat, tanggal", max_length=100, blank=True)
    penandatangan_jabatan = models.CharField("jabatan penandatangan", max_length=300, blank=True)
    penandatangan_nama = models.CharField("nama penandatangan", max_length=200, blank=True)
    penandatangan_pangkat = models.CharField("pangkat", max_length=100, blank=True)
    penandatangan_nip = models.CharField("NIP", max_length=30, blank=True)
    versi = models.PositiveIntegerField("versi", default=1, editable=False)  # organisasi.versi
    history = HistoricalRecords()

    NARASI = [
        "kata_pengantar",
        "ringkasan",
        "latar_belakang",
        "landasan_hukum",
        "struktur_organisasi",
        "isu_strategis",
        "sistematika",
        "perencanaan",
        "akuntabilitas",
        "analisis_penyebab",
        "analisis_efisiensi",
        "analisis_program",
        "kesimpulan",
        "saran",
    ]

    class Meta:
        verbose_name = "LAKIP"
        verbose_name_plural = "LAKIP"
        constraints = [models.UniqueConstraint(fields=["renstra", "tahun"], name="lakip_unik")]

    def __str__(self):
        return f"LAKIP {self.tahun} {self.renstra.unit}"

    @property
    def daftar_landasan_hukum(self) -> list[str]:
        return _baris(self.landasan_hukum)


class AnalisisSasaran(models.Model):
    """The analyst's analysis of one sasaran's capaian in a year's LAKIP (seed 002, Bab III A:
    the paragraphs under each "SASARAN n" table)."""

    lakip = models.ForeignKey(Lakip, on_delete=models.CASCADE, related_name="analisis_sasaran")
    sasaran = models.ForeignKey(Sasaran, on_delete=models.CASCADE, related_name="+")
    uraian = models.TextField("analisis capaian", blank=True)

    class Meta:
        verbose_name = "analisis capaian sasaran"
        verbose_name_plural = "analisis capaian sasaran"
        constraints = [
            models.UniqueConstraint(fields=["lakip", "sasaran"], name="analisis_sasaran_unik")
        ]

    def __str__(self):
        return f"{self.lakip}: {self.sasaran}"
