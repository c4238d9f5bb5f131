"""Writes for positions and analysis periods. Keyword-only, each in one transaction."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from anjab import selectors
from anjab.calculations import EvaluasiTidakSah, evaluasi_jabatan
from anjab.models import (
    BahanKerja,
    ButirKegiatan,
    EvaluasiJabatan,
    FaktorEvaluasi,
    HasilKerja,
    Jabatan,
    Keterampilan,
    KondisiLingkungan,
    KorelasiJabatan,
    NilaiFaktor,
    Penempatan,
    PerangkatKerja,
    PeriodeAnalisis,
    RisikoBahaya,
    SyaratDiklat,
    TanggungJawab,
    TugasJabatan,
    Wewenang,
)
from anjab.models.pilihan import PilihanJabatan
from organisasi.versi import klaim_versi

# Every ordered child table of a position, copied whole by jabatan_copy.
BARIS = [
    SyaratDiklat,
    TugasJabatan,
    ButirKegiatan,
    HasilKerja,
    BahanKerja,
    PerangkatKerja,
    TanggungJawab,
    Wewenang,
    KorelasiJabatan,
    RisikoBahaya,
    Keterampilan,
]
M2M = ["bakat", "temperamen", "minat", "upaya_fisik", "fungsi_pekerjaan"]


def _melalui(nama: str):
    melalui = Jabatan._meta.get_field(nama).remote_field.through
    return melalui, melalui.SASARAN


@transaction.atomic
def pilihan_set(*, jabatan: Jabatan, nama: str, pilihan) -> bool:
    """Sets one of section 15's catalogue choices (`nama`: bakat, temperamen, minat,
    upaya_fisik, fungsi_pekerjaan) to `pilihan` in the order given, each item a catalogue
    object or (object, the analyst's wording); None and repeats are skipped. Returns whether
    anything changed."""
    melalui, sasaran = _melalui(nama)
    baru, dilihat = [], set()
    for item in pilihan:
        obj, teks = item if isinstance(item, tuple) else (item, "")
        if obj is None or obj.pk in dilihat:
            continue
        dilihat.add(obj.pk)
        baru.append((obj, (teks or "").strip()[:500]))
    milik = melalui.objects.filter(jabatan=jabatan)
    ada = list(milik.order_by("urutan", "id").values_list(f"{sasaran}_id", "teks"))
    if ada == [(o.pk, t) for o, t in baru]:
        return False
    milik.delete()
    melalui.objects.bulk_create(
        melalui(jabatan=jabatan, urutan=i, teks=t, **{sasaran: o}) for i, (o, t) in enumerate(baru)
    )
    return True


def pilihan_urut_set(*, jabatan: Jabatan, model, baris: list[dict]) -> None:
    """The editor's order and wording of choices already made (rows of `model`, a through
    table): each row sent with its id takes its place and text; ids not this position's are
    ignored, and no choice is added or removed here."""
    ada = model.objects.filter(jabatan=jabatan).in_bulk([b["id"] for b in baris if b.get("id")])
    ubah = []
    for urutan, b in enumerate(baris):
        row = ada.get(b.get("id"))
        if row is not None:
            row.urutan, row.teks = urutan, (b.get("teks") or "").strip()[:500]
            ubah.append(row)
    model.objects.bulk_update(ubah, ["urutan", "teks"])


def pilihan_tetap(jabatan: Jabatan, nama: str, objs) -> list[tuple]:
    """`objs` (chosen without an order: checkboxes) as pilihan_set's items: the ones already
    chosen keep their place and wording, the new ones follow in the order given."""
    melalui, sasaran = _melalui(nama)
    per_pk = {o.pk: o for o in objs}
    ada = melalui.objects.filter(jabatan=jabatan).order_by("urutan", "id")
    tetap = [
        (per_pk[r[0]], r[1]) for r in ada.values_list(f"{sasaran}_id", "teks") if r[0] in per_pk
    ]
    lama = {o.pk for o, _ in tetap}
    return tetap + [(o, "") for o in objs if o.pk not in lama]


@transaction.atomic
def jabatan_create(*, unit, **fields) -> Jabatan:
    """A new position in `unit` from its cleaned fields, placed last unless `urutan` is given."""
    jabatan = Jabatan(unit=unit, instansi_id=unit.instansi_id, **fields)
    if not jabatan.urutan:
        last = Jabatan.objects.filter(unit=unit).order_by("-urutan").first()
        jabatan.urutan = (last.urutan if last else 0) + 1
    jabatan.full_clean()
    jabatan.save()
    return jabatan


def baris_dari_isian(*, model, baris: list[dict], periode=None, ada: dict | None = None) -> list:
    """Rows as typed, unsaved (the live preview computes with them; jabatan_rows_set saves
    them): a task's volume typed per day/week/month is made per year with the period's
    factor (TugasJabatan.atur_volume). `ada` maps saved rows' pks to their instances."""
    rows = []
    for data in baris:
        data = dict(data)
        obj = (ada or {}).get(data.pop("id", None)) or model()
        for nama, nilai in data.items():
            setattr(obj, nama, nilai)
        if isinstance(obj, TugasJabatan):
            obj.atur_volume(data.get("volume"), periode.faktor_volume())
        rows.append(obj)
    return rows


@transaction.atomic
def jabatan_rows_set(*, jabatan: Jabatan, model, baris: list[dict], hapus=(), periode=None):
    """Stores one ordered table of a position: `hapus` rows go, `baris` take the order given.
    Only rows of this position are touched, whatever ids are sent."""
    milik = model.objects.filter(jabatan=jabatan)
    milik.filter(pk__in=list(hapus)).delete()
    ada = milik.in_bulk([b["id"] for b in baris if b.get("id")])
    baru, lama = [], []
    for urutan, obj in enumerate(
        baris_dari_isian(model=model, baris=baris, periode=periode, ada=ada), start=1
    ):
        obj.jabatan = jabatan
        obj.urutan = urutan
        if periode is not None:
            obj.periode = periode
        (lama if obj.pk else baru).append(obj)
    # In bulk: a query per row made saving a 170-row credit table 170 queries (the rows'
    # models have no save() of their own, and the data version is kept per statement).
    if lama:
        kolom = [f.name for f in model._meta.concrete_fields if not f.primary_key]
        model.objects.bulk_update(lama, kolom, batch_size=200)
    if baru:
        model.objects.bulk_create(baru, batch_size=500)


@transaction.atomic
def jabatan_update(
    *,
    jabatan: Jabatan,
    versi: int | None,
    nilai: dict | None = None,
    tabel=(),
    kondisi=None,
    periode=None,
) -> Jabatan:
    """Saves one section of the Informasi Jabatan: its fields (`nilai`, many-to-many fields
    as lists), its ordered tables (`tabel`: (model, rows, deleted ids)), or the nine aspects.

    `versi` is the position's version the editor was opened on; when someone saved the
    position since, DataBerubah is raised and nothing is written (organisasi.versi)."""
    klaim_versi(jabatan, versi)
    # The order and wording of choices already made first, then the ticks (which keep them).
    pilihan = [t for t in tabel if issubclass(t[0], PilihanJabatan)]
    tabel = [t for t in tabel if not issubclass(t[0], PilihanJabatan)]
    for model, baris, _hapus in pilihan:
        pilihan_urut_set(jabatan=jabatan, model=model, baris=baris)
    banyak = {f.name for f in Jabatan._meta.many_to_many}
    for nama, isi in (nilai or {}).items():
        if nama not in banyak:
            setattr(jabatan, nama, isi)
    jabatan.save()  # also a history row: who saved this version, when
    for nama, isi in (nilai or {}).items():
        if nama in banyak:
            pilihan_set(jabatan=jabatan, nama=nama, pilihan=pilihan_tetap(jabatan, nama, isi))
    for model, baris, hapus in tabel:
        jabatan_rows_set(jabatan=jabatan, model=model, baris=baris, hapus=hapus, periode=periode)
    if kondisi is not None:
        kondisi_set(jabatan=jabatan, nilai=kondisi)
    return jabatan


@transaction.atomic
def kondisi_set(*, jabatan: Jabatan, nilai: dict[int, str]) -> None:
    """The position's working conditions: `nilai` maps an aspect's pk to its factor; an
    aspect without a stored row and no factor stays without one."""
    ada = {k.aspek_id: k for k in jabatan.kondisi_lingkungan.all()}
    for aspek_id, faktor in nilai.items():
        row = ada.get(aspek_id)
        if row is None:
            if faktor:
                KondisiLingkungan.objects.create(jabatan=jabatan, aspek_id=aspek_id, faktor=faktor)
        elif row.faktor != faktor:
            row.faktor = faktor
            row.save(update_fields=["faktor"])


@transaction.atomic
def jabatan_copy(*, jabatan: Jabatan, nama: str, unit=None) -> Jabatan:
    """A new position with every field, row, pick and evaluation of `jabatan`."""
    asal_pk = jabatan.pk
    asal = Jabatan.objects.get(pk=asal_pk)
    baru = Jabatan.objects.get(pk=asal_pk)
    baru.pk = None
    baru.id = None
    baru._state.adding = True
    baru.nama = nama
    baru.kepala_unit = False
    if unit is not None:
        baru.unit = unit
    last = Jabatan.objects.filter(unit=baru.unit).order_by("-urutan").first()
    baru.urutan = (last.urutan if last else 0) + 1
    baru.full_clean()
    baru.save()
    for name in M2M:
        melalui, sasaran = _melalui(name)
        salinan = melalui.objects.filter(jabatan_id=asal_pk).values_list(
            f"{sasaran}_id", "urutan", "teks"
        )
        melalui.objects.bulk_create(
            melalui(jabatan=baru, urutan=urutan, teks=teks, **{f"{sasaran}_id": pk})
            for pk, urutan, teks in salinan
        )
    for model in BARIS:
        rows = list(model.objects.filter(jabatan_id=asal_pk))
        for row in rows:
            row.pk = None
            row.id = None
            row.jabatan = baru
        model.objects.bulk_create(rows)
    KondisiLingkungan.objects.bulk_create(
        KondisiLingkungan(jabatan=baru, aspek_id=k.aspek_id, faktor=k.faktor)
        for k in asal.kondisi_lingkungan.all()
    )
    evaluasi = EvaluasiJabatan.objects.filter(jabatan_id=asal_pk).first()
    if evaluasi is not None:
        nilai = list(evaluasi.nilai.all())
        evaluasi.pk = None
        evaluasi.jabatan = baru
        evaluasi.save()
        NilaiFaktor.objects.bulk_create(
            NilaiFaktor(evaluasi=evaluasi, faktor_id=n.faktor_id, level=n.level, uraian=n.uraian)
            for n in nilai
        )
    return baru


@transaction.atomic
def jabatan_delete(*, jabatan: Jabatan) -> None:
    """Removes a position with its rows, picks and evaluation."""
    jabatan.delete()


@transaction.atomic
def penempatan_set(*, pegawai, jabatan: Jabatan | None) -> Penempatan | None:
    """Places an employee in a position (one at a time), or removes him from any with None.
    The position must belong to the employee's instansi."""
    if jabatan is None:
        Penempatan.objects.filter(pegawai_id=pegawai.pk).delete()
        return None
    sama = Penempatan.objects.filter(pegawai_id=pegawai.pk, jabatan_id=jabatan.pk).first()
    if sama is not None:
        return sama  # unchanged: no write, no history row
    Penempatan(pegawai=pegawai, jabatan=jabatan).full_clean(validate_unique=False)
    # update_or_create locks the row, and two saves of one pegawai at once end with one
    # placement instead of a unique-constraint error.
    penempatan, _ = Penempatan.objects.update_or_create(
        pegawai=pegawai, defaults={"jabatan": jabatan}
    )
    return penempatan


@transaction.atomic
def evaluasi_update(
    *, jabatan: Jabatan, levels: dict[str, int], uraian: dict[str, str] | None = None
) -> EvaluasiJabatan:
    """Stores the chosen factor levels and the total and kelas computed from them."""
    tabel = selectors.tabel_evaluasi_aktif()
    jenis = jabatan.jenis_evaluasi
    try:
        hasil = evaluasi_jabatan(jenis, levels, selectors.tabel_nilai(tabel))
    except EvaluasiTidakSah as e:
        raise ValidationError(str(e)) from e
    evaluasi, _ = EvaluasiJabatan.objects.update_or_create(
        jabatan=jabatan,
        defaults={
            "tabel": tabel,
            "jenis": jenis,
            "total_nilai": hasil.total_nilai,
            "kelas": hasil.kelas,
        },
    )
    faktor = {f.kode: f for f in FaktorEvaluasi.objects.filter(tabel=tabel, jenis=jenis)}
    evaluasi.nilai.exclude(faktor__in=faktor.values()).delete()
    uraian = uraian or {}
    for kode, level in levels.items():
        NilaiFaktor.objects.update_or_create(
            evaluasi=evaluasi,
            faktor=faktor[kode.upper()],
            defaults={"level": level, "uraian": uraian.get(kode, "")},
        )
    return evaluasi


@transaction.atomic
def katalog_create(*, model, instansi_id: int, nilai: dict):
    """A catalogue row of the instansi's own (`model` is one of the anjab.models.Katalog)."""
    row = model(instansi_id=instansi_id, **nilai)
    row.full_clean()
    row.save()
    return row


@transaction.atomic
def katalog_update(*, row, nilai: dict):
    """Saves an instansi's own catalogue row; national rows are never passed here."""
    for nama, isi in nilai.items():
        setattr(row, nama, isi)
    row.full_clean()
    row.save()
    return row


@transaction.atomic
def katalog_delete(*, row) -> None:
    """Removes an instansi's own catalogue row."""
    row.delete()


# The analysis period (ABK): its parameters and the task rows it holds.


def nama_periode_baru() -> str:
    return f"ABK {timezone.localdate().year}"


def waktu_efektif_periode_baru():
    """The effective working time (minutes a year) a new period starts with."""
    return PeriodeAnalisis._meta.get_field("waktu_efektif_menit").get_default()


@transaction.atomic
def periode_get_or_start(*, instansi) -> PeriodeAnalisis:
    """The latest period of the instansi, started ("ABK <this year>") when there is none yet.

    Only for POST: two first requests at once both try to start it; the loser's insert hits
    the unique name inside a savepoint and it takes the winner's period instead of a 500."""
    periode = selectors.periode_terbaru(instansi.pk)
    if periode is not None:
        return periode
    tahun = timezone.localdate().year
    try:
        with transaction.atomic():
            return PeriodeAnalisis.objects.create(
                instansi=instansi, nama=nama_periode_baru(), tahun=tahun
            )
    except IntegrityError:
        periode = selectors.periode_terbaru(instansi.pk)
        if periode is None:
            raise
        return periode


@transaction.atomic
def periode_update(*, periode: PeriodeAnalisis) -> PeriodeAnalisis:
    """Saves a period's parameters; when a day/week/month factor changed, every task of the
    period counted in that unit gets its per-year volume again (volume_asal × new factor)."""
    lama = None
    if periode.pk:
        lama = PeriodeAnalisis.objects.select_for_update().get(pk=periode.pk).faktor_volume()
    periode.full_clean()
    periode.save()
    faktor = periode.faktor_volume()
    berubah = [s for s, f in faktor.items() if lama is not None and lama[s] != f]
    if berubah:
        tugas = list(
            TugasJabatan.objects.filter(
                periode=periode, satuan_volume__in=berubah, volume_asal__isnull=False
            )
        )
        for t in tugas:
            t.atur_volume(t.volume_asal, faktor)
        TugasJabatan.objects.bulk_update(tugas, ["volume"], batch_size=500)
    return periode


@transaction.atomic
def periode_copy(*, asal: PeriodeAnalisis, nama: str, tahun: int) -> PeriodeAnalisis:
    """A new period with the parameters and every workload row of `asal`; the figures a
    document printed (DeklarasiJabatan) belong to their own period and are not copied."""
    baru = PeriodeAnalisis(
        instansi=asal.instansi,
        nama=nama,
        tahun=tahun,
        waktu_efektif_menit=asal.waktu_efektif_menit,
        hari_kerja_efektif=asal.hari_kerja_efektif,
        minggu_kerja_efektif=asal.minggu_kerja_efektif,
        bulan_kerja_efektif=asal.bulan_kerja_efektif,
        pembulatan=asal.pembulatan,
        pita_efektivitas=asal.pita_efektivitas,
        dasar_hukum=asal.dasar_hukum,
    )
    baru.full_clean()
    baru.save()
    for model in (TugasJabatan, ButirKegiatan):
        rows = list(model.objects.filter(periode=asal))
        for row in rows:
            row.pk = None
            row.id = None
            row.periode = baru
            if model is TugasJabatan:
                row.kebutuhan_tercetak = None
            else:
                row.wpk_tercetak = row.wpv_tercetak = None
        model.objects.bulk_create(rows)
    return baru
