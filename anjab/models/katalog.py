"""Reference catalogues (Permenpan RB 1/2020 and others), loaded from fixtures/katalog/.

A row with no instansi is the national list shipped with the app; an Admin Instansi adds
rows of its own (instansi set), which only its users see. Each row names its legal basis.
"""

from django.db import models


class Katalog(models.Model):
    instansi = models.ForeignKey(
        "organisasi.Instansi",
        verbose_name="instansi",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        help_text="Kosong: daftar nasional bawaan aplikasi.",
    )
    kode = models.CharField("kode", max_length=50)
    nama = models.CharField("nama", max_length=200)
    uraian = models.TextField("uraian", blank=True)
    urutan = models.PositiveSmallIntegerField("urutan", default=0)
    dasar_hukum = models.CharField("dasar hukum", max_length=300, blank=True)

    class Meta:
        abstract = True
        ordering = ["urutan", "kode"]

    def __str__(self):
        """The label on screens: "G – Intelegensia"; a catalogue whose codes are only keys
        ("duduk", "bekerja_dengan_jari") shows the name alone."""
        if not self.kode or "_" in self.kode or (self.kode.islower() and len(self.kode) > 3):
            return self.nama
        return f"{self.kode} – {self.nama}"


class BakatKerja(Katalog):
    class Meta(Katalog.Meta):
        verbose_name = "bakat kerja"
        verbose_name_plural = "bakat kerja"


class TemperamenKerja(Katalog):
    singkatan = models.CharField("singkatan", max_length=20, blank=True)
    # The regulation names temperaments in English ("Directing-Control-Planning"); documents
    # print that (or the analyst's words), screens this.
    nama_indonesia = models.CharField("nama (bahasa Indonesia)", max_length=200, blank=True)

    class Meta(Katalog.Meta):
        verbose_name = "temperamen kerja"
        verbose_name_plural = "temperamen kerja"

    def __str__(self):
        if self.nama_indonesia:
            singkatan = f" ({self.singkatan})" if self.singkatan else ""
            return f"{self.kode} – {self.nama_indonesia}{singkatan}"
        return super().__str__()


class MinatKerja(Katalog):
    class Sistem(models.TextChoices):
        COTTLE = "cottle", "Cottle"
        RIASEC = "riasec", "Holland (RIASEC)"

    sistem = models.CharField("sistem", max_length=10, choices=Sistem.choices)

    class Meta(Katalog.Meta):
        verbose_name = "minat kerja"
        verbose_name_plural = "minat kerja"
        ordering = ["sistem", "urutan", "kode"]


class FungsiPekerjaan(Katalog):
    class Kelompok(models.TextChoices):
        DATA = "data", "Hubungan dengan data"
        ORANG = "orang", "Hubungan dengan orang"
        BENDA = "benda", "Hubungan dengan benda"

    kelompok = models.CharField("kelompok", max_length=10, choices=Kelompok.choices)

    class Meta(Katalog.Meta):
        verbose_name = "fungsi pekerjaan"
        verbose_name_plural = "fungsi pekerjaan"


class UpayaFisik(Katalog):
    class Meta(Katalog.Meta):
        verbose_name = "upaya fisik"
        verbose_name_plural = "upaya fisik"


class AspekLingkungan(Katalog):
    """The nine aspects of section 13, Kondisi Lingkungan Kerja, in their printed order."""

    contoh_faktor = models.JSONField("contoh faktor", default=list, blank=True)

    class Meta(Katalog.Meta):
        verbose_name = "aspek kondisi lingkungan kerja"
        verbose_name_plural = "aspek kondisi lingkungan kerja"


class JabatanPelaksanaRef(Katalog):
    """Nomenclature of jabatan pelaksana (Permenpan RB 45/2022)."""

    class Klasifikasi(models.TextChoices):
        KLEREK = "klerek", "Klerek"
        OPERATOR = "operator", "Operator"
        TEKNISI = "teknisi", "Teknisi"

    klasifikasi = models.CharField(
        "klasifikasi", max_length=10, choices=Klasifikasi.choices, blank=True
    )
    pendidikan_minimal = models.CharField("pendidikan minimal", max_length=30, blank=True)
    kelas = models.PositiveSmallIntegerField("kelas jabatan", null=True, blank=True)

    class Meta(Katalog.Meta):
        verbose_name = "nomenklatur jabatan pelaksana"
        verbose_name_plural = "nomenklatur jabatan pelaksana"
        ordering = ["nama"]


class JabatanFungsionalRef(Katalog):
    class Kategori(models.TextChoices):
        KEAHLIAN = "keahlian", "Keahlian"
        KETERAMPILAN = "keterampilan", "Keterampilan"

    kategori = models.CharField("kategori", max_length=15, choices=Kategori.choices)
    jenjang = models.JSONField("jenjang", default=list, blank=True)
    instansi_pembina = models.CharField("instansi pembina", max_length=200, blank=True)

    class Meta(Katalog.Meta):
        verbose_name = "jabatan fungsional"
        verbose_name_plural = "jabatan fungsional"
        ordering = ["nama"]
