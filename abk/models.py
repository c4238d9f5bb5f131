"""The figures documents declared, decrees, imports and background jobs of a period
(anjab.PeriodeAnalisis)."""

from django.db import models
from simple_history.models import HistoricalRecords

from abk.storage import path_dokumen, path_impor, private_storage


class DeklarasiJabatan(models.Model):
    """Totals a document or workbook printed for a position in a period (JUMLAH, formasi,
    pembulatan). Kept only to be compared with the computed figures and flagged."""

    periode = models.ForeignKey(
        "anjab.PeriodeAnalisis", on_delete=models.CASCADE, related_name="deklarasi"
    )
    jabatan = models.ForeignKey("anjab.Jabatan", on_delete=models.CASCADE, related_name="deklarasi")
    sumber = models.CharField("sumber", max_length=300, blank=True)
    kebutuhan = models.DecimalField(
        "kebutuhan pegawai (tercetak)", max_digits=14, decimal_places=4, null=True, blank=True
    )
    presisi_kebutuhan = models.PositiveSmallIntegerField(
        "angka desimal tercetak",
        default=3,
        help_text="Selisih di bawah presisi ini tidak ditandai.",
    )
    beban_kerja_jam = models.DecimalField(
        "jumlah Wpv (jam, tercetak)", max_digits=14, decimal_places=4, null=True, blank=True
    )
    jumlah_pegawai = models.PositiveIntegerField("jumlah pegawai (tercetak)", null=True, blank=True)
    satuan_waktu = models.CharField("satuan waktu pada judul kolom", max_length=10, blank=True)

    class Meta:
        verbose_name = "angka tercetak jabatan"
        verbose_name_plural = "angka tercetak jabatan"
        constraints = [
            models.UniqueConstraint(fields=["periode", "jabatan"], name="deklarasi_unik")
        ]

    def __str__(self):
        return f"{self.jabatan} – {self.periode} ({self.sumber})"


class Keputusan(models.Model):
    """The decree on the Anjab and ABK of a unit (seed 001): its text, signer and lampiran."""

    periode = models.ForeignKey(
        "anjab.PeriodeAnalisis", on_delete=models.CASCADE, related_name="keputusan"
    )
    unit = models.ForeignKey(
        "organisasi.UnitOrganisasi", on_delete=models.CASCADE, related_name="keputusan_abk"
    )
    nomor = models.CharField("nomor", max_length=100, blank=True)
    tanggal = models.DateField("tanggal penetapan", null=True, blank=True)
    menimbang = models.JSONField("menimbang", default=list, blank=True)
    mengingat = models.JSONField("mengingat", default=list, blank=True)
    kesatu = models.TextField("KESATU", blank=True)
    kedua = models.TextField("KEDUA", blank=True)
    ketiga = models.TextField("KETIGA", blank=True)
    ditetapkan_di = models.CharField("ditetapkan di", max_length=100, blank=True)
    penandatangan_jabatan = models.CharField(
        "jabatan penandatangan",
        max_length=200,
        blank=True,
        help_text="Misalnya: Pj. WALI KOTA TARAKAN",
    )
    penandatangan_nama = models.CharField("nama penandatangan", max_length=200, blank=True)
    tembusan = models.JSONField("tembusan", default=list, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "keputusan anjab dan abk"
        verbose_name_plural = "keputusan anjab dan abk"
        constraints = [
            models.UniqueConstraint(fields=["periode", "unit"], name="keputusan_unik_per_unit")
        ]

    def __str__(self):
        return f"Keputusan ABK {self.unit} ({self.periode})"


class PekerjaanLatar(models.Model):
    """A long job (a whole decree's or a large peta jabatan's PDF, a large import) run by the
    task worker, with its progress."""

    class Status(models.TextChoices):
        MENUNGGU = "menunggu", "Menunggu"
        BERJALAN = "berjalan", "Sedang berjalan"
        SELESAI = "selesai", "Selesai"
        GAGAL = "gagal", "Gagal"

    class Jenis(models.TextChoices):
        KEPUTUSAN = "keputusan", "Cetak keputusan"
        IMPOR = "impor", "Impor buku kerja"
        PETA = "peta", "Cetak peta jabatan"

    instansi = models.ForeignKey("organisasi.Instansi", on_delete=models.CASCADE)
    pemohon = models.ForeignKey(
        "auth.User", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    jenis = models.CharField("jenis", max_length=50, choices=Jenis.choices)
    judul = models.CharField("judul", max_length=300)
    parameter = models.JSONField(default=dict)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.MENUNGGU)
    langkah_selesai = models.PositiveIntegerField(default=0)
    langkah_total = models.PositiveIntegerField(default=0)
    pesan = models.TextField(blank=True)
    hasil = models.JSONField(default=dict, blank=True)
    berkas = models.FileField(upload_to=path_dokumen, storage=private_storage, blank=True)
    dibuat = models.DateTimeField(auto_now_add=True)
    selesai = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "pekerjaan latar"
        verbose_name_plural = "pekerjaan latar"
        ordering = ["-dibuat"]

    def __str__(self):
        return f"{self.judul} ({self.get_status_display()})"

    @property
    def aktif(self) -> bool:
        """Still queued or running: the page polls until it is not."""
        return self.status in (self.Status.MENUNGGU, self.Status.BERJALAN)

    @property
    def menunggu(self) -> bool:
        return self.status == self.Status.MENUNGGU

    @property
    def pdf_siap(self) -> bool:
        return (
            self.jenis in (self.Jenis.KEPUTUSAN, self.Jenis.PETA)
            and self.status == self.Status.SELESAI
        )

    @property
    def berkas_word(self) -> bool:
        """The printed file is Word (.docx), not PDF."""
        return bool(self.berkas) and self.berkas.name.endswith(".docx")

    @property
    def hasil_impor_siap(self) -> bool:
        return self.jenis == self.Jenis.IMPOR and self.status in (
            self.Status.SELESAI,
            self.Status.GAGAL,
        )

    @property
    def persen(self) -> int:
        if not self.langkah_total:
            return 100 if self.status == self.Status.SELESAI else 0
        return min(100, round(100 * self.langkah_selesai / self.langkah_total))


class SinonimKolom(models.Model):
    """An extra header spelling for a canonical import column (the shipped list is in
    fixtures/impor_sinonim.json); without instansi it applies to everyone."""

    instansi = models.ForeignKey(
        "organisasi.Instansi", on_delete=models.CASCADE, null=True, blank=True
    )
    kolom = models.CharField("kolom baku", max_length=50)
    sinonim = models.CharField("judul kolom", max_length=200)

    class Meta:
        verbose_name = "sinonim kolom impor"
        verbose_name_plural = "sinonim kolom impor"
        constraints = [
            models.UniqueConstraint(fields=["instansi", "kolom", "sinonim"], name="sinonim_unik")
        ]

    def __str__(self):
        return f"{self.sinonim} → {self.kolom}"


class SinonimJenisJabatan(models.Model):
    """A word offices write for a kind of position ("Struktural", "JFU", "Eselon III.a"); the
    shipped list is in fixtures/impor_jenis_jabatan.json. `jenis` "struktural" means the level
    is decided from the eselon, the chain, the unit's place or the title."""

    instansi = models.ForeignKey(
        "organisasi.Instansi", on_delete=models.CASCADE, null=True, blank=True
    )
    kata = models.CharField("tulisan pada buku kerja", max_length=100)
    jenis = models.CharField(
        "jenis jabatan",
        max_length=15,
        choices=[
            ("struktural", "Struktural (tingkat ditentukan dari eselon/rantai/unit/nama)"),
            ("jpt_utama", "JPT Utama"),
            ("jpt_madya", "JPT Madya"),
            ("jpt_pratama", "JPT Pratama"),
            ("administrator", "Administrator"),
            ("pengawas", "Pengawas"),
            ("fungsional", "Fungsional"),
            ("pelaksana", "Pelaksana"),
        ],
    )

    class Meta:
        verbose_name = "sinonim jenis jabatan"
        verbose_name_plural = "sinonim jenis jabatan"
        constraints = [
            models.UniqueConstraint(fields=["instansi", "kata"], name="sinonim_jenis_unik")
        ]

    def __str__(self):
        return f"{self.kata} → {self.get_jenis_display()}"


class PemetaanKolom(models.Model):
    """A confirmed mapping of a workbook layout, reused for the next workbook of that shape."""

    instansi = models.ForeignKey("organisasi.Instansi", on_delete=models.CASCADE)
    nama = models.CharField("nama pemetaan", max_length=200)
    tanda = models.TextField("tanda bentuk lembar")
    pemetaan = models.JSONField("pemetaan")
    dibuat = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "pemetaan kolom"
        verbose_name_plural = "pemetaan kolom"
        ordering = ["-dibuat"]

    def __str__(self):
        return self.nama


class ImporBuku(models.Model):
    """One uploaded workbook on its way in: mapping, validation result, outcome."""

    class Status(models.TextChoices):
        DIUNGGAH = "diunggah", "Diunggah"
        DIPERIKSA = "diperiksa", "Diperiksa"
        DIIMPOR = "diimpor", "Diimpor"
        GAGAL = "gagal", "Gagal"

    instansi = models.ForeignKey("organisasi.Instansi", on_delete=models.CASCADE)
    pemohon = models.ForeignKey(
        "auth.User", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    berkas = models.FileField(upload_to=path_impor, storage=private_storage)
    nama_berkas = models.CharField(max_length=255)
    unit = models.ForeignKey(
        "organisasi.UnitOrganisasi", on_delete=models.SET_NULL, null=True, blank=True
    )
    periode = models.ForeignKey("anjab.PeriodeAnalisis", on_delete=models.SET_NULL, null=True)
    pemetaan = models.JSONField(default=dict, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DIUNGGAH)
    ringkasan = models.JSONField(default=dict, blank=True)
    galat = models.JSONField(default=list, blank=True)
    pekerjaan = models.ForeignKey(
        PekerjaanLatar, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    dibuat = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "impor buku kerja"
        verbose_name_plural = "impor buku kerja"
        ordering = ["-dibuat"]

    def __str__(self):
        return f"{self.nama_berkas} ({self.get_status_display()})"
