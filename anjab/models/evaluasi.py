"""Job evaluation (Permenpan RB 34/2011): the tables as versioned data, and a position's
chosen levels. The total and kelas are computed by anjab.calculations.evaluasi_jabatan."""

from django.db import models


class JenisEvaluasi(models.TextChoices):
    STRUKTURAL = "struktural", "Struktural"
    FUNGSIONAL = "fungsional", "Fungsional/Pelaksana"


class TabelEvaluasi(models.Model):
    versi = models.CharField("versi", max_length=100, unique=True)
    dasar_hukum = models.CharField("dasar hukum", max_length=300)
    aktif = models.BooleanField("berlaku", default=True)

    class Meta:
        verbose_name = "tabel evaluasi jabatan"
        verbose_name_plural = "tabel evaluasi jabatan"

    def __str__(self):
        return self.versi


class FaktorEvaluasi(models.Model):
    tabel = models.ForeignKey(TabelEvaluasi, on_delete=models.CASCADE, related_name="faktor")
    jenis = models.CharField("jenis", max_length=10, choices=JenisEvaluasi.choices)
    kode = models.CharField("kode", max_length=5)
    nama = models.CharField("nama faktor", max_length=200)
    urutan = models.PositiveSmallIntegerField("urutan")

    class Meta:
        verbose_name = "faktor evaluasi"
        verbose_name_plural = "faktor evaluasi"
        ordering = ["tabel", "jenis", "urutan"]
        constraints = [
            models.UniqueConstraint(fields=["tabel", "jenis", "kode"], name="faktor_unik")
        ]

    def __str__(self):
        return f"Faktor {self.kode}: {self.nama}"


class LevelFaktor(models.Model):
    faktor = models.ForeignKey(FaktorEvaluasi, on_delete=models.CASCADE, related_name="level")
    level = models.PositiveSmallIntegerField("tingkat")
    nilai = models.PositiveIntegerField("nilai")
    uraian = models.TextField("uraian tingkat", blank=True)

    class Meta:
        verbose_name = "tingkat faktor"
        verbose_name_plural = "tingkat faktor"
        ordering = ["faktor", "level"]
        constraints = [models.UniqueConstraint(fields=["faktor", "level"], name="level_unik")]

    def __str__(self):
        return f"{self.faktor.kode}-{self.level} = {self.nilai}"


class RentangKelas(models.Model):
    tabel = models.ForeignKey(TabelEvaluasi, on_delete=models.CASCADE, related_name="kelas")
    kelas = models.PositiveSmallIntegerField("kelas jabatan")
    nilai_min = models.PositiveIntegerField("nilai terendah")
    nilai_max = models.PositiveIntegerField("nilai tertinggi", null=True, blank=True)

    class Meta:
        verbose_name = "rentang nilai kelas jabatan"
        verbose_name_plural = "rentang nilai kelas jabatan"
        ordering = ["tabel", "kelas"]
        constraints = [models.UniqueConstraint(fields=["tabel", "kelas"], name="kelas_unik")]

    def __str__(self):
        return f"Kelas {self.kelas}: {self.nilai_min}–{self.nilai_max or '…'}"


class EvaluasiJabatan(models.Model):
    jabatan = models.OneToOneField(
        "anjab.Jabatan", on_delete=models.CASCADE, related_name="evaluasi"
    )
    tabel = models.ForeignKey(TabelEvaluasi, on_delete=models.PROTECT, verbose_name="tabel")
    jenis = models.CharField("jenis evaluasi", max_length=10, choices=JenisEvaluasi.choices)
    # Derived by anjab.services.evaluasi_update from the levels below; never entered.
    total_nilai = models.PositiveIntegerField("total nilai", editable=False)
    kelas = models.PositiveSmallIntegerField("kelas hasil evaluasi", editable=False)
    diperbarui = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "evaluasi jabatan"
        verbose_name_plural = "evaluasi jabatan"

    def __str__(self):
        return f"Evaluasi {self.jabatan}: {self.total_nilai} (kelas {self.kelas})"


class NilaiFaktor(models.Model):
    evaluasi = models.ForeignKey(EvaluasiJabatan, on_delete=models.CASCADE, related_name="nilai")
    faktor = models.ForeignKey(FaktorEvaluasi, on_delete=models.PROTECT)
    level = models.PositiveSmallIntegerField("tingkat faktor")
    uraian = models.TextField(
        "uraian/justifikasi", blank=True, help_text="Penjelasan tingkat faktor, seperti pada IFJ."
    )

    class Meta:
        verbose_name = "nilai faktor"
        verbose_name_plural = "nilai faktor"
        ordering = ["faktor__urutan"]
        constraints = [
            models.UniqueConstraint(fields=["evaluasi", "faktor"], name="nilai_faktor_unik")
        ]
