"""A position (jabatan) and every section of its Informasi Jabatan (Permenpan RB 1/2020),
numbered as in seed 001. Ordered lists are child rows with `urutan`."""

from decimal import ROUND_HALF_UP, Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from simple_history.models import HistoricalRecords

from anjab.calculations import KELAS_MAX, KELAS_MIN, volume_per_tahun
from anjab.models.evaluasi import JenisEvaluasi

TIDAK_NEGATIF = MinValueValidator(0, gettext_lazy("Nilai tidak boleh negatif."))


class SatuanVolume(models.TextChoices):
    TAHUN = "tahun", "per tahun"
    BULAN = "bulan", "per bulan"
    MINGGU = "minggu", "per minggu"
    HARI = "hari", "per hari"


class Jabatan(models.Model):
    class Jenis(models.TextChoices):
        JPT_UTAMA = "jpt_utama", "JPT Utama"
        JPT_MADYA = "jpt_madya", "JPT Madya"
        JPT_PRATAMA = "jpt_pratama", "JPT Pratama"
        ADMINISTRATOR = "administrator", "Administrator"
        PENGAWAS = "pengawas", "Pengawas"
        FUNGSIONAL = "fungsional", "Fungsional"
        PELAKSANA = "pelaksana", "Pelaksana"

    class Jenjang(models.TextChoices):
        AHLI_PERTAMA = "ahli_pertama", "Ahli Pertama"
        AHLI_MUDA = "ahli_muda", "Ahli Muda"
        AHLI_MADYA = "ahli_madya", "Ahli Madya"
        AHLI_UTAMA = "ahli_utama", "Ahli Utama"
        PEMULA = "pemula", "Pemula"
        TERAMPIL = "terampil", "Terampil"
        MAHIR = "mahir", "Mahir"
        PENYELIA = "penyelia", "Penyelia"

    STRUKTURAL = {Jenis.JPT_UTAMA, Jenis.JPT_MADYA, Jenis.JPT_PRATAMA, Jenis.ADMINISTRATOR,
                  Jenis.PENGAWAS}  # fmt: skip

    instansi = models.ForeignKey(
        "organisasi.Instansi", on_delete=models.PROTECT, related_name="jabatan_set", editable=False
    )
    unit = models.ForeignKey(
        "organisasi.UnitOrganisasi",
        verbose_name="unit kerja",
        on_delete=models.PROTECT,
        related_name="jabatan_set",
    )
    nama = models.CharField("nama jabatan", max_length=250)
    kode = models.CharField("kode jabatan", max_length=50, blank=True)
    jenis = models.CharField("jenis jabatan", max_length=15, choices=Jenis.choices)
    jenjang = models.CharField(
        "jenjang (fungsional)", max_length=15, choices=Jenjang.choices, blank=True
    )
    jabatan_fungsional = models.ForeignKey(
        "anjab.JabatanFungsionalRef",
        verbose_name="rumpun jabatan fungsional",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
    )
    jabatan_pelaksana = models.ForeignKey(
        "anjab.JabatanPelaksanaRef",
        verbose_name="nomenklatur jabatan pelaksana",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
    )
    kepala_unit = models.BooleanField(
        "pimpinan unit", default=False, help_text="Jabatan ini memimpin unit kerjanya."
    )
    atasan = models.ForeignKey(
        "self",
        verbose_name="atasan langsung",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="bawahan",
        help_text="Dikosongkan: pimpinan unit (atau unit induk) dianggap atasan langsung.",
    )
    urutan = models.PositiveIntegerField("urutan", default=0)
    bezetting_diisi = models.PositiveIntegerField(
        "bezetting (diisi)",
        null=True,
        blank=True,
        help_text="Jumlah pemangku bila data pegawai tidak dikelola di aplikasi; "
        "diabaikan bila ada pegawai yang ditautkan ke jabatan ini.",
    )
    ikhtisar = models.TextField("ikhtisar jabatan", blank=True)
    kelas_jabatan = models.PositiveSmallIntegerField(
        "kelas jabatan",
        null=True,
        blank=True,
        help_text="Kosongkan untuk memakai kelas hasil evaluasi jabatan.",
    )
    # 5 Syarat jabatan
    syarat_pendidikan = models.TextField("pendidikan", blank=True)
    syarat_pengalaman = models.TextField("pengalaman kerja", blank=True)

    class KolomHasil(models.TextChoices):
        SATUAN = "satuan", "Satuan hasil"
        PENGGUNAAN = "penggunaan", "Penggunaan dalam tugas"

    # 7 Hasil kerja: what its second column holds, and so its heading (seed 001 prints ten
    # positions' results with how they are used instead of their unit).
    kolom_hasil_kerja = models.CharField(
        "kolom kedua hasil kerja",
        max_length=12,
        choices=KolomHasil.choices,
        default=KolomHasil.SATUAN,
        help_text="Judul kolom kedua tabel hasil kerja (bagian 7).",
    )
    # 15 Syarat jabatan lain
    # In the analyst's order and words (anjab.models.pilihan; anjab.services.pilihan_set).
    bakat = models.ManyToManyField(
        "anjab.BakatKerja", verbose_name="bakat kerja", blank=True, through="anjab.JabatanBakat"
    )
    temperamen = models.ManyToManyField(
        "anjab.TemperamenKerja",
        verbose_name="temperamen kerja",
        blank=True,
        through="anjab.JabatanTemperamen",
    )
    minat = models.ManyToManyField(
        "anjab.MinatKerja", verbose_name="minat kerja", blank=True, through="anjab.JabatanMinat"
    )
    upaya_fisik = models.ManyToManyField(
        "anjab.UpayaFisik",
        verbose_name="upaya fisik",
        blank=True,
        through="anjab.JabatanUpayaFisik",
    )
    fungsi_pekerjaan = models.ManyToManyField(
        "anjab.FungsiPekerjaan",
        verbose_name="fungsi pekerjaan",
        blank=True,
        through="anjab.JabatanFungsiPekerjaan",
    )
    jenis_kelamin = models.CharField("jenis kelamin", max_length=100, blank=True)
    umur = models.CharField("umur", max_length=100, blank=True)
    tinggi_badan = models.CharField("tinggi badan", max_length=100, blank=True)
    berat_badan = models.CharField("berat badan", max_length=100, blank=True)
    postur_badan = models.CharField("postur badan", max_length=100, blank=True)
    penampilan = models.CharField("penampilan", max_length=100, blank=True)
    # Who holds the position (bezetting); the link is anjab's, organisasi.Pegawai has no position.
    pemangku = models.ManyToManyField(
        "organisasi.Pegawai",
        through="anjab.Penempatan",
        verbose_name="pemangku",
        related_name="jabatan_dipangku",
        blank=True,
    )
    # 16
    prestasi_kerja = models.CharField("prestasi kerja yang diharapkan", max_length=200, blank=True)
    # Moved on by every save of the editor (organisasi.versi), so a stale tab cannot overwrite.
    versi = models.PositiveIntegerField("versi", default=1, editable=False)
    history = HistoricalRecords(excluded_fields=["instansi"])

    class Meta:
        verbose_name = "jabatan"
        verbose_name_plural = "jabatan"
        ordering = ["unit", "-kepala_unit", "urutan", "nama"]
        indexes = [models.Index(fields=["instansi", "unit"])]

    def __str__(self):
        return self.nama

    def save(self, *args, **kwargs):
        self.instansi_id = self.unit.instansi_id
        super().save(*args, **kwargs)

    save.alters_data = True

    def clean(self):
        errors = {}
        if self.jenis == self.Jenis.FUNGSIONAL and not self.jenjang:
            errors["jenjang"] = _("Jabatan fungsional harus mempunyai jenjang.")
        if self.jenis != self.Jenis.FUNGSIONAL and self.jenjang:
            errors["jenjang"] = _("Jenjang hanya untuk jabatan fungsional.")
        if self.kelas_jabatan is not None and not KELAS_MIN <= self.kelas_jabatan <= KELAS_MAX:
            errors["kelas_jabatan"] = _("Kelas jabatan antara %(min)d dan %(max)d.") % {
                "min": KELAS_MIN,
                "max": KELAS_MAX,
            }
        if self.atasan_id:
            if self.atasan_id == self.pk:
                errors["atasan"] = _("Jabatan tidak dapat menjadi atasan dirinya sendiri.")
            elif self.unit_id and self.atasan.instansi_id != self.unit.instansi_id:
                errors["atasan"] = _("Atasan harus jabatan pada instansi yang sama.")
            elif self.pk and self._atasan_melingkar():
                errors["atasan"] = _(
                    "Atasan ini adalah bawahan (langsung/tidak langsung) jabatan ini."
                )
        if errors:
            raise ValidationError(errors)

    def _atasan_melingkar(self) -> bool:
        seen, current = {self.pk}, self.atasan
        while current is not None:
            if current.pk in seen:
                return True
            seen.add(current.pk)
            current = current.atasan
        return False

    @property
    def struktural(self) -> bool:
        return self.jenis in self.STRUKTURAL

    @property
    def jenis_evaluasi(self) -> str:
        return JenisEvaluasi.STRUKTURAL if self.struktural else JenisEvaluasi.FUNGSIONAL


class BarisJabatan(models.Model):
    urutan = models.PositiveIntegerField("urutan", default=0)

    class Meta:
        abstract = True
        ordering = ["urutan", "id"]

    def __str__(self):
        return f"{self._meta.verbose_name} {self.urutan} – {self.jabatan}"


class SyaratDiklat(BarisJabatan):
    class Jenis(models.TextChoices):
        PENJENJANGAN = "penjenjangan", "Penjenjangan"
        TEKNIS = "teknis", "Teknis"
        FUNGSIONAL = "fungsional", "Fungsional"

    jabatan = models.ForeignKey(Jabatan, on_delete=models.CASCADE, related_name="diklat")
    jenis = models.CharField("jenis diklat", max_length=15, choices=Jenis.choices, blank=True)
    teks = models.TextField("diklat")

    class Meta(BarisJabatan.Meta):
        verbose_name = "syarat diklat"
        verbose_name_plural = "syarat diklat"


class TugasJabatan(BarisJabatan):
    """A row of section 6 for struktural and pelaksana positions: the task and the workload
    inputs of the ABK (volume per year, minutes per unit of output)."""

    jabatan = models.ForeignKey(Jabatan, on_delete=models.CASCADE, related_name="tugas")
    periode = models.ForeignKey(
        "anjab.PeriodeAnalisis", on_delete=models.CASCADE, related_name="+", editable=False
    )
    uraian = models.TextField("uraian tugas")
    hasil_kerja = models.CharField("hasil kerja (satuan)", max_length=200, blank=True)
    volume = models.DecimalField(
        "jumlah beban kerja 1 tahun",
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[TIDAK_NEGATIF],
    )
    # What the analyst (or the workbook) typed when the volume is counted per day, week or
    # month; `volume` is always the per-year figure the calculations use.
    satuan_volume = models.CharField(
        "volume dihitung per",
        max_length=10,
        choices=SatuanVolume.choices,
        default=SatuanVolume.TAHUN,
    )
    volume_asal = models.DecimalField(
        "volume per satuan waktu",
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[TIDAK_NEGATIF],
    )
    waktu = models.DecimalField(
        "waktu penyelesaian (menit)",
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[TIDAK_NEGATIF],
    )
    # What an imported document printed for this row; kept only to compare and flag.
    kebutuhan_tercetak = models.DecimalField(
        "kebutuhan pegawai (tercetak)",
        max_digits=12,
        decimal_places=4,
        null=True,
        blank=True,
        editable=False,
    )

    class Meta(BarisJabatan.Meta):
        verbose_name = "tugas pokok"
        verbose_name_plural = "tugas pokok"

    @property
    def volume_diketik(self) -> Decimal | None:
        """The volume as the analyst counted it (per `satuan_volume`)."""
        if self.satuan_volume != SatuanVolume.TAHUN and self.volume_asal is not None:
            return self.volume_asal
        return self.volume

    def atur_volume(self, diketik, faktor_volume: dict[str, Decimal]) -> None:
        """Takes `diketik` as counted per `satuan_volume`: keeps it in `volume_asal` when it is
        per day/week/month and sets `volume` to the per-year figure (2 per hari × 235 = 470)."""
        if diketik is None or self.satuan_volume == SatuanVolume.TAHUN:
            self.volume_asal = None
            self.volume = diketik
            return
        self.volume_asal = diketik
        self.volume = volume_per_tahun(diketik, faktor_volume[self.satuan_volume]).quantize(
            Decimal("0.01"), ROUND_HALF_UP
        )


class ButirKegiatan(BarisJabatan):
    """A row of a functional position's credit table (section 6)."""

    jabatan = models.ForeignKey(Jabatan, on_delete=models.CASCADE, related_name="butir")
    periode = models.ForeignKey(
        "anjab.PeriodeAnalisis", on_delete=models.CASCADE, related_name="+", editable=False
    )
    unsur = models.CharField("unsur", max_length=200, blank=True)
    sub_unsur = models.CharField("sub unsur", max_length=200, blank=True)
    kegiatan = models.TextField("kegiatan (judul kelompok)", blank=True)
    kode = models.CharField("nomor butir", max_length=20, blank=True)
    butir_kegiatan = models.TextField("butir kegiatan")
    angka_kredit = models.DecimalField(
        "angka kredit", max_digits=8, decimal_places=4, validators=[TIDAK_NEGATIF]
    )
    konstanta = models.DecimalField(
        "konstanta",
        max_digits=8,
        decimal_places=4,
        validators=[
            MinValueValidator(
                Decimal("0.0001"), gettext_lazy("Konstanta harus lebih dari 0 (pembagi Wpk).")
            )
        ],
    )
    volume = models.DecimalField(
        "volume kegiatan 1 tahun", max_digits=12, decimal_places=2, validators=[TIDAK_NEGATIF]
    )
    satuan = models.CharField("satuan hasil", max_length=100, blank=True)
    wpk_tercetak = models.DecimalField(
        "Wpk (tercetak)", max_digits=12, decimal_places=4, null=True, blank=True, editable=False
    )
    wpv_tercetak = models.DecimalField(
        "Wpv (tercetak)", max_digits=12, decimal_places=4, null=True, blank=True, editable=False
    )

    class Meta(BarisJabatan.Meta):
        verbose_name = "butir kegiatan"
        verbose_name_plural = "butir kegiatan"


class HasilKerja(BarisJabatan):
    jabatan = models.ForeignKey(Jabatan, on_delete=models.CASCADE, related_name="hasil_kerja")
    hasil = models.TextField("hasil kerja")
    satuan = models.CharField("satuan hasil", max_length=300, blank=True)

    class Meta(BarisJabatan.Meta):
        verbose_name = "hasil kerja"
        verbose_name_plural = "hasil kerja"


class BahanKerja(BarisJabatan):
    jabatan = models.ForeignKey(Jabatan, on_delete=models.CASCADE, related_name="bahan_kerja")
    item = models.TextField("bahan kerja")
    penggunaan = models.TextField("penggunaan dalam tugas", blank=True)

    class Meta(BarisJabatan.Meta):
        verbose_name = "bahan kerja"
        verbose_name_plural = "bahan kerja"


class PerangkatKerja(BarisJabatan):
    jabatan = models.ForeignKey(Jabatan, on_delete=models.CASCADE, related_name="perangkat_kerja")
    item = models.TextField("perangkat kerja")
    penggunaan = models.TextField("penggunaan dalam tugas", blank=True)

    class Meta(BarisJabatan.Meta):
        verbose_name = "perangkat kerja"
        verbose_name_plural = "perangkat kerja"


class TanggungJawab(BarisJabatan):
    jabatan = models.ForeignKey(Jabatan, on_delete=models.CASCADE, related_name="tanggung_jawab")
    teks = models.TextField("tanggung jawab")

    class Meta(BarisJabatan.Meta):
        verbose_name = "tanggung jawab"
        verbose_name_plural = "tanggung jawab"


class Wewenang(BarisJabatan):
    jabatan = models.ForeignKey(Jabatan, on_delete=models.CASCADE, related_name="wewenang")
    teks = models.TextField("wewenang")

    class Meta(BarisJabatan.Meta):
        verbose_name = "wewenang"
        verbose_name_plural = "wewenang"


class KorelasiJabatan(BarisJabatan):
    jabatan = models.ForeignKey(Jabatan, on_delete=models.CASCADE, related_name="korelasi")
    nama_jabatan = models.CharField("jabatan", max_length=300)
    unit_kerja = models.CharField("unit kerja/instansi", max_length=300, blank=True)
    dalam_hal = models.TextField("dalam hal", blank=True)

    class Meta(BarisJabatan.Meta):
        verbose_name = "korelasi jabatan"
        verbose_name_plural = "korelasi jabatan"


class KondisiLingkungan(models.Model):
    jabatan = models.ForeignKey(
        Jabatan, on_delete=models.CASCADE, related_name="kondisi_lingkungan"
    )
    aspek = models.ForeignKey("anjab.AspekLingkungan", on_delete=models.PROTECT)
    faktor = models.CharField("faktor", max_length=300, blank=True)

    class Meta:
        verbose_name = "kondisi lingkungan kerja"
        verbose_name_plural = "kondisi lingkungan kerja"
        ordering = ["aspek__urutan"]
        constraints = [
            models.UniqueConstraint(fields=["jabatan", "aspek"], name="kondisi_unik_per_aspek")
        ]


class RisikoBahaya(BarisJabatan):
    jabatan = models.ForeignKey(Jabatan, on_delete=models.CASCADE, related_name="risiko_bahaya")
    fisik_mental = models.CharField("fisik/mental", max_length=300)
    penyebab = models.TextField("penyebab", blank=True)

    class Meta(BarisJabatan.Meta):
        verbose_name = "risiko bahaya"
        verbose_name_plural = "risiko bahaya"


class Keterampilan(BarisJabatan):
    jabatan = models.ForeignKey(Jabatan, on_delete=models.CASCADE, related_name="keterampilan")
    teks = models.TextField("keterampilan kerja")

    class Meta(BarisJabatan.Meta):
        verbose_name = "keterampilan kerja"
        verbose_name_plural = "keterampilan kerja"
