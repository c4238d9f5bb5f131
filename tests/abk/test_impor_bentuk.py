"""The importer against workbooks as other offices lay them out (built in tests/abk/buku_uji.py
from seed 001), through the commands an analyst runs: import_workbook, then abk_rekap.

The expected figures come from buku_uji, computed with plain Decimal arithmetic from the values
written into each workbook, never from the code under test."""

import contextlib
import json
import re
from collections import defaultdict
from decimal import Decimal
from io import StringIO

import pytest
from django.apps import apps
from django.core.management import CommandError, call_command

from anjab.demo import muat_tarakan
from anjab.models import Jabatan, PeriodeAnalisis, TugasJabatan
from organisasi.models import Instansi
from tests.abk import buku_uji
from tests.abk.buku_uji import DINAS
from tests.factories import InstansiFactory, UnitFactory

TOLERANSI = Decimal("0.000001")


# --- helpers ---------------------------------------------------------------------------------


def snapshot() -> dict:
    """Row count and last id of every table an import may touch, history included. The
    import log (ImporBuku) is left out: recording an attempt, refused or not, is its job."""
    return {
        m._meta.label: (
            m.objects.count(),
            m.objects.order_by("-pk").values_list("pk", flat=True).first(),
        )
        for m in apps.get_models()
        if m._meta.app_label in {"organisasi", "anjab", "abk"} and m._meta.label != "abk.ImporBuku"
    }


def impor(path, instansi: str, *opsi: str) -> str:
    """Run import_workbook with --create; returns stdout and stderr together."""
    out, err = StringIO(), StringIO()
    call_command(
        "import_workbook",
        str(path),
        "--instansi",
        instansi,
        "--create",
        *opsi,
        stdout=out,
        stderr=err,
    )
    return out.getvalue() + err.getvalue()


def impor_ditolak(path, instansi: str, *opsi: str) -> str:
    """Run an import that must be refused; returns everything it said, the error included."""
    out, err = StringIO(), StringIO()
    with pytest.raises(CommandError) as galat:
        call_command(
            "import_workbook",
            str(path),
            "--instansi",
            instansi,
            "--create",
            *opsi,
            stdout=out,
            stderr=err,
        )
    return "\n".join([out.getvalue(), err.getvalue(), str(galat.value)])


def rekap(instansi: str) -> list[dict]:
    out = StringIO()
    call_command("abk_rekap", "--instansi", instansi, "--format", "json", stdout=out)
    return json.loads(out.getvalue())["jabatan"]


def _cocok(baris: list[dict], h: buku_uji.Harapan, dengan_unit: bool) -> list[dict]:
    return [
        b for b in baris if b["nama_jabatan"] == h.nama and (not dengan_unit or b["unit"] == h.unit)
    ]


def baris_untuk(baris: list[dict], h: buku_uji.Harapan, *, dengan_unit: bool = True) -> dict:
    cocok = _cocok(baris, h, dengan_unit)
    assert len(cocok) == 1, f"{h.nomor} {h.nama} ({h.unit}): {len(cocok)} baris di rekap"
    return cocok[0]


def selisih_kebutuhan(baris: list[dict], harapan: dict, *, dengan_unit: bool = True) -> list[str]:
    """Every expected position that is missing, doubled, or computed otherwise; [] when all
    agree (need to 6 decimals and its rounding). Without ``dengan_unit`` a position is found
    by its name alone."""
    salah = []
    for h in harapan.values():
        cocok = _cocok(baris, h, dengan_unit)
        if len(cocok) != 1:
            salah.append(f"{h.nomor} {h.nama} ({h.unit}): {len(cocok)} baris di rekap")
            continue
        b = cocok[0]
        if (
            abs(Decimal(b["kebutuhan"]) - h.kebutuhan) > TOLERANSI
            or b["kebutuhan_dibulatkan"] != h.dibulatkan
        ):
            salah.append(
                f"{h.nomor} {h.nama} ({h.unit}): {b['kebutuhan']} → {b['kebutuhan_dibulatkan']}, "
                f"seharusnya {h.kebutuhan:.6f} → {h.dibulatkan}"
            )
    return salah


def desimal(teks: str | None) -> Decimal | None:
    return None if teks is None else Decimal(teks)


def ada_angka(teks: str, angka: int) -> bool:
    """``angka`` stands alone in ``teks`` as a row number, also inside a cell name (A5)."""
    return re.search(rf"(?<!\d){angka}(?!\d)", teks) is not None


def baris_teks(teks: str, *kata: str) -> list[str]:
    """Lines of the command's output that contain every one of ``kata``."""
    return [b for b in teks.splitlines() if all(k in b for k in kata)]


def jumlah_jabatan(instansi: str) -> int:
    return Jabatan.objects.filter(instansi__nama=instansi).count()


# --- the expected figures themselves ---------------------------------------------------------


def test_the_expected_figures_hold_the_seed_anchors(tmp_path):
    seed = buku_uji.seluruh_seed()
    kepala = seed["1"]
    assert kepala.kebutuhan == Decimal("1.2016") and kepala.dibulatkan == 1
    assert kepala.kebutuhan.quantize(Decimal("0.001")) == Decimal("1.202")
    plo = seed["2.1.4"]
    assert (plo.kebutuhan, plo.dibulatkan) == (Decimal("2.88"), 3)
    assert buku_uji.seed()["2.1.4"]["jumlah_tercetak"] == "2.640"
    penyuluh = seed["3.1"]
    assert penyuluh.kebutuhan * buku_uji.WAKTU_EFEKTIF_JAM == Decimal("3825.50")
    assert (penyuluh.kebutuhan, penyuluh.dibulatkan) == (Decimal("3.0604"), 3)
    assert buku_uji.seed()["3.1"]["butir_jumlah_tercetak"] == "3,812.94"
    assert buku_uji.seed()["3.1"]["butir_formasi_tercetak"] == "3.05"
    assert 2 * buku_uji.FAKTOR_VOLUME["hari"] == 470
    _, harapan = buku_uji.datar_menit(tmp_path)
    assert {h.unit for h in harapan.values() if h.nama == "Penelaah Teknis Kebijakan"} == {
        "Sub Bagian Umum dan Kepegawaian",
        "Sub Bagian Perencanaan dan Keuangan",
    }


# --- 1. flat, minutes ------------------------------------------------------------------------


def test_a_flat_sheet_in_minutes_gives_every_position_its_need(db, tmp_path):
    path, harapan = buku_uji.datar_menit(tmp_path)
    impor(path, "Kota Uji Datar Menit")
    baris = rekap("Kota Uji Datar Menit")
    assert selisih_kebutuhan(baris, harapan) == []
    assert len(baris) == len(harapan)


def test_two_positions_of_the_same_name_in_different_units_stay_apart(db, tmp_path):
    path, harapan = buku_uji.datar_menit(tmp_path)
    impor(path, "Kota Uji Nama Kembar")
    ptk = sorted(
        (b["unit"], Decimal(b["kebutuhan"]), b["kebutuhan_dibulatkan"])
        for b in rekap("Kota Uji Nama Kembar")
        if b["nama_jabatan"] == "Penelaah Teknis Kebijakan"
    )
    assert ptk == [
        ("Sub Bagian Perencanaan dan Keuangan", Decimal("2.048"), 2),
        ("Sub Bagian Umum dan Kepegawaian", Decimal("1.12"), 1),
    ]
    assert ptk[0][1] == harapan["2.2.1"].kebutuhan and ptk[1][1] == harapan["2.1.1"].kebutuhan


def test_the_check_step_says_how_each_flat_sheet_was_read(db, tmp_path):
    path, _ = buku_uji.datar_menit(tmp_path)
    keluaran = impor(path, "Kota Uji Datar Laporan")
    assert "Beban Kerja" in keluaran and "Angka Kredit JF" in keluaran
    assert "menit" in keluaran.lower()


def test_importing_the_flat_sheet_twice_changes_nothing(db, tmp_path):
    path, harapan = buku_uji.datar_menit(tmp_path)
    impor(path, "Kota Uji Datar Ulang")
    sebelum = snapshot()
    impor(path, "Kota Uji Datar Ulang")
    assert snapshot() == sebelum
    assert jumlah_jabatan("Kota Uji Datar Ulang") == len(harapan)
    assert selisih_kebutuhan(rekap("Kota Uji Datar Ulang"), harapan) == []


def test_a_dry_run_for_a_new_instansi_writes_nothing(db, tmp_path):
    path, _ = buku_uji.datar_menit(tmp_path)
    sebelum = snapshot()
    impor(path, "Kota Uji Uji Coba", "--dry-run")
    assert snapshot() == sebelum
    assert not Instansi.objects.filter(nama="Kota Uji Uji Coba").exists()


def test_a_dry_run_into_an_existing_instansi_writes_nothing(db, tmp_path):
    path, _ = buku_uji.datar_menit(tmp_path)
    impor(path, "Kota Uji Uji Coba Lama")
    sebelum, angka = snapshot(), rekap("Kota Uji Uji Coba Lama")
    path_jam, _ = buku_uji.datar_jam(tmp_path)
    impor(path_jam, "Kota Uji Uji Coba Lama", "--dry-run")
    assert snapshot() == sebelum
    assert rekap("Kota Uji Uji Coba Lama") == angka


# --- 2. flat, real hours as text -------------------------------------------------------------


def test_real_hours_with_decimal_commas_and_thousand_dots_are_read_under_a_title(db, tmp_path):
    path, harapan = buku_uji.datar_jam(tmp_path)
    keluaran = impor(path, "Kota Uji Datar Jam")
    baris = rekap("Kota Uji Datar Jam")
    assert selisih_kebutuhan(baris, harapan) == []
    assert len(baris) == len(harapan)
    # 1.800 tasks of "0,5" hours and 240 of "1,25" hours: the seed's 2.880 again
    assert Decimal(baris_untuk(baris, harapan["2.1.4"])["kebutuhan"]) == Decimal("2.88")
    assert "ABK Sekretariat" in keluaran and "jam" in keluaran.lower()


# --- 3. the decree's own table ---------------------------------------------------------------


@pytest.fixture
def dinas_keputusan(db):
    """The decree prints one table per Dinas with no unit column: the import is pointed at
    the Dinas of an instansi that already has its period."""
    instansi = InstansiFactory(nama="Kota Uji Keputusan", nama_daerah="Tarakan")
    PeriodeAnalisis.objects.create(instansi=instansi, nama="ABK 2024", tahun=2024)
    return UnitFactory(instansi=instansi, nama=DINAS)


def test_the_decree_table_gives_tasks_and_credit_tables_each_their_method(
    dinas_keputusan, tmp_path
):
    path, harapan = buku_uji.keputusan(tmp_path)
    impor(path, "Kota Uji Keputusan", "--unit", str(dinas_keputusan.pk))
    baris = rekap("Kota Uji Keputusan")
    # The names are unique in this table; which unit under the Dinas holds a head is not
    # what this shape tests.
    assert selisih_kebutuhan(baris, harapan, dengan_unit=False) == []
    assert len(baris) == len(harapan)
    jenis = {h.nomor: baris_untuk(baris, h, dengan_unit=False)["jenis"] for h in harapan.values()}
    assert jenis == {h.nomor: h.jenis for h in harapan.values()}


def test_the_decree_table_keeps_the_seed_figures_and_flags_the_printed_mistake(
    dinas_keputusan, tmp_path
):
    path, harapan = buku_uji.keputusan(tmp_path)
    keluaran = impor(path, "Kota Uji Keputusan", "--unit", str(dinas_keputusan.pk))
    baris = rekap("Kota Uji Keputusan")
    kepala = baris_untuk(baris, harapan["1"], dengan_unit=False)
    assert (Decimal(kepala["kebutuhan"]), kepala["kebutuhan_dibulatkan"]) == (
        Decimal("1.2016"),
        1,
    )
    assert desimal(kepala["kebutuhan_tercetak"]) == Decimal("1.202")
    assert kepala["jumlah_pegawai_tercetak"] == 1
    plo = baris_untuk(baris, harapan["2.1.4"], dengan_unit=False)
    assert (plo["kebutuhan"], plo["kebutuhan_dibulatkan"]) == ("2.880000", 3)
    assert desimal(plo["kebutuhan_tercetak"]) == Decimal("2.640")
    assert any(re.search(r"2[.,]64", f) for f in plo["flags"]), plo["flags"]
    penyuluh = baris_untuk(baris, harapan["3.1"], dengan_unit=False)
    assert penyuluh["jenis"] == "fungsional"
    assert (Decimal(penyuluh["kebutuhan"]), penyuluh["kebutuhan_dibulatkan"]) == (
        Decimal("3.0604"),
        3,
    )
    assert desimal(penyuluh["kebutuhan_tercetak"]) == Decimal("3.05")
    assert penyuluh["jumlah_pegawai_tercetak"] == 3
    # "(JAM)" over 3000, 180, 1500 …: the check step must say it read minutes
    assert "ABK" in keluaran and "menit" in keluaran.lower()


# --- 4. linked sheets ------------------------------------------------------------------------


def test_linked_sheets_give_one_position_per_row_of_the_positions_sheet(db, tmp_path):
    path, harapan = buku_uji.terkait(tmp_path)
    impor(path, "Kota Uji Terkait")
    baris = rekap("Kota Uji Terkait")
    assert len(baris) == len(buku_uji.PILIHAN) == jumlah_jabatan("Kota Uji Terkait")
    assert selisih_kebutuhan(baris, harapan) == []


def test_linked_sheets_resolve_the_jenis_words_offices_write_and_take_the_kelas(db, tmp_path):
    path, harapan = buku_uji.terkait(tmp_path)
    impor(path, "Kota Uji Terkait Jenis")
    baris = rekap("Kota Uji Terkait Jenis")
    jenis = {h.nomor: baris_untuk(baris, h)["jenis"] for h in harapan.values()}
    assert jenis == {
        "1": "jpt_pratama",
        "2": "administrator",
        "2.1": "pengawas",
        "2.1.1": "pelaksana",
        "2.1.4": "pelaksana",
        "2.2.1": "pelaksana",
        "3": "administrator",
        "3.1": "fungsional",
        "5": "fungsional",
    }
    assert {h.nomor: baris_untuk(baris, h)["kelas"] for h in harapan.values()} == {
        h.nomor: h.kelas for h in harapan.values()
    }
    plo = baris_untuk(baris, harapan["2.1.4"])
    assert desimal(plo["kebutuhan_tercetak"]) == Decimal("2.640")


def test_importing_linked_sheets_twice_changes_nothing(db, tmp_path):
    path, harapan = buku_uji.terkait(tmp_path)
    impor(path, "Kota Uji Terkait Ulang")
    sebelum = snapshot()
    impor(path, "Kota Uji Terkait Ulang")
    assert snapshot() == sebelum
    assert selisih_kebutuhan(rekap("Kota Uji Terkait Ulang"), harapan) == []


def test_a_task_row_pointing_at_no_position_is_refused_and_nothing_is_written(db, tmp_path):
    path, harapan = buku_uji.terkait(tmp_path, yatim=True)
    sebelum = snapshot()
    keluaran = impor_ditolak(path, "Kota Uji Terkait Yatim")
    baris = harapan.catatan["baris_yatim"]
    pesan = baris_teks(keluaran, "Uraian Tugas", "Data Jabatan")
    assert any(ada_angka(p, baris) for p in pesan), keluaran
    assert snapshot() == sebelum


def test_a_name_only_link_matching_two_positions_is_refused_naming_both(db, tmp_path):
    path, harapan = buku_uji.terkait(tmp_path, tanpa_nomor=True)
    sebelum = snapshot()
    keluaran = impor_ditolak(path, "Kota Uji Terkait Nama")
    satu, dua = harapan.catatan["baris_kembar"]
    pesan = baris_teks(keluaran, "Penelaah Teknis Kebijakan")
    assert any(
        (harapan["2.1.1"].unit in p and harapan["2.2.1"].unit in p)
        or (ada_angka(p, satu) and ada_angka(p, dua))
        for p in pesan
    ), keluaran
    assert snapshot() == sebelum


# --- 5. one form per position ----------------------------------------------------------------


def test_one_form_per_position_computes_from_hours_with_the_volume_after_the_time(db, tmp_path):
    path, harapan = buku_uji.formulir(tmp_path)
    impor(path, "Kota Uji Formulir")
    assert selisih_kebutuhan(rekap("Kota Uji Formulir"), harapan) == []


def test_the_rekap_sheet_the_instructions_and_the_signature_create_nothing(db, tmp_path):
    path, harapan = buku_uji.formulir(tmp_path)
    impor(path, "Kota Uji Formulir Rekap")
    assert jumlah_jabatan("Kota Uji Formulir Rekap") == len(harapan)
    assert len(rekap("Kota Uji Formulir Rekap")) == len(harapan)
    for h in harapan.values():
        j = Jabatan.objects.get(
            instansi__nama="Kota Uji Formulir Rekap", nama=h.nama, unit__nama=h.unit
        )
        data = buku_uji.seed()[h.nomor]
        assert (j.tugas.count(), j.butir.count()) == (len(data["tugas"]), len(data["butir"]))
    liar = TugasJabatan.objects.filter(jabatan__instansi__nama="Kota Uji Formulir Rekap").filter(
        uraian__iregex=r"^petunjuk pengisian|^formulir ini|^NIP\.|^Tarakan, 24|^\(\d\)$"
    )
    assert list(liar.values_list("uraian", flat=True)) == []


def test_the_key_value_block_of_each_form_gives_jenis_and_kelas(db, tmp_path):
    path, harapan = buku_uji.formulir(tmp_path)
    impor(path, "Kota Uji Formulir Jenis")
    baris = rekap("Kota Uji Formulir Jenis")
    assert {h.nomor: baris_untuk(baris, h)["jenis"] for h in harapan.values()} == {
        h.nomor: h.jenis for h in harapan.values()
    }
    assert {h.nomor: baris_untuk(baris, h)["kelas"] for h in harapan.values()} == {
        h.nomor: h.kelas for h in harapan.values()
    }


def test_importing_the_forms_twice_changes_nothing(db, tmp_path):
    path, harapan = buku_uji.formulir(tmp_path)
    impor(path, "Kota Uji Formulir Ulang")
    sebelum = snapshot()
    impor(path, "Kota Uji Formulir Ulang")
    assert snapshot() == sebelum
    assert jumlah_jabatan("Kota Uji Formulir Ulang") == len(harapan)


# --- 6. forms stacked on one sheet -----------------------------------------------------------


def test_forms_stacked_on_one_sheet_are_read_one_by_one(db, tmp_path):
    path, harapan = buku_uji.formulir_bertumpuk(tmp_path)
    impor(path, "Kota Uji Formulir Bertumpuk")
    baris = rekap("Kota Uji Formulir Bertumpuk")
    assert selisih_kebutuhan(baris, harapan) == []
    assert len(baris) == len(harapan)


# --- 7. volumes per day, week, month ---------------------------------------------------------


def test_a_volume_per_month_header_counts_twelve_months(db, tmp_path):
    path, harapan = buku_uji.volume_per_bulan(tmp_path)
    impor(path, "Kota Uji Volume Bulanan")
    assert selisih_kebutuhan(rekap("Kota Uji Volume Bulanan"), harapan) == []


def test_a_period_column_converts_each_row_with_the_period_factors(db, tmp_path):
    path, harapan = buku_uji.volume_satuan_periode(tmp_path)
    impor(path, "Kota Uji Satuan Periode")
    assert selisih_kebutuhan(rekap("Kota Uji Satuan Periode"), harapan) == []
    # Kepala Dinas: 1 × 3000 a year, 2 a day (470 a year) × 180 three times, …
    assert harapan["1"].kebutuhan == Decimal("7.192")


# --- 8. a legacy effective time --------------------------------------------------------------


def test_a_legacy_effective_time_is_warned_about_and_the_period_value_is_used(db, tmp_path):
    path, harapan = buku_uji.waktu_efektif_lama(tmp_path)
    keluaran = impor(path, "Kota Uji Waktu Efektif Lama")
    out = StringIO()
    call_command("abk_rekap", "--instansi", "Kota Uji Waktu Efektif Lama", stdout=out)
    data = json.loads(out.getvalue())
    assert Decimal(data["periode"]["waktu_efektif_menit"]) == 75000
    assert selisih_kebutuhan(data["jabatan"], harapan) == []
    angka = re.sub(r"(?<=\d)[.,](?=\d{3}\b)", "", keluaran)
    assert any(
        ("72000" in b and "75000" in b) or ("1200" in b and "1250" in b) for b in angka.splitlines()
    ), keluaran


# --- 9. defects ------------------------------------------------------------------------------


def test_cached_formula_values_are_used_and_hidden_rows_and_sheets_are_skipped(db, tmp_path):
    path, harapan = buku_uji.cacat(tmp_path)
    impor(path, "Kota Uji Cacat")
    baris = rekap("Kota Uji Cacat")
    assert selisih_kebutuhan(baris, harapan) == []
    assert len(baris) == len(harapan)
    tugas = TugasJabatan.objects.filter(jabatan__instansi__nama="Kota Uji Cacat")
    assert not tugas.filter(uraian="Tugas lama yang sudah dihapus").exists()
    assert not tugas.filter(uraian__in=["???", "salinan lama jangan dipakai"]).exists()
    plo = Jabatan.objects.get(instansi__nama="Kota Uji Cacat", nama="Penata Layanan Operasional")
    assert plo.tugas.count() == len(buku_uji.seed()["2.1.4"]["tugas"])


def test_a_formula_without_a_cached_value_in_an_input_column_is_refused_naming_the_cell(
    db, tmp_path
):
    path, harapan = buku_uji.cacat(tmp_path, rumus_tanpa_nilai=True)
    sebelum = snapshot()
    keluaran = impor_ditolak(path, "Kota Uji Rumus")
    sel = harapan.catatan["sel_rumus"]
    assert any(
        sel["sel"] in b or ada_angka(b, sel["baris"]) for b in baris_teks(keluaran, sel["lembar"])
    ), keluaran
    assert snapshot() == sebelum


def test_a_credit_cell_typed_as_a_time_is_refused_with_its_sheet_row_and_column(db, tmp_path):
    path, harapan = buku_uji.cacat(tmp_path, salah_ketik=True)
    sebelum = snapshot()
    keluaran = impor_ditolak(path, "Kota Uji Salah Ketik")
    tempat = harapan.catatan["salah_ketik"]
    pesan = baris_teks(keluaran, tempat["lembar"], tempat["kolom"], tempat["teks"])
    assert any(ada_angka(b, tempat["baris"]) for b in pesan), keluaran
    assert snapshot() == sebelum


def test_hanya_sah_imports_every_row_but_the_refused_one(db, tmp_path):
    path, harapan = buku_uji.cacat(tmp_path, salah_ketik=True)
    # Reporting the refused row with a non-zero exit is allowed; importing the rest is the point.
    with contextlib.suppress(CommandError):
        impor(path, "Kota Uji Hanya Sah", "--hanya-sah")
    sah = harapan.catatan["hanya_sah"]
    assert (
        sah["3.1"].kebutuhan
        == harapan["3.1"].kebutuhan - Decimal("0.09") / Decimal("0.020") * 3 / 1250
    )
    assert selisih_kebutuhan(rekap("Kota Uji Hanya Sah"), sah) == []


# --- 10. our own export ----------------------------------------------------------------------


def _per_nama_unit(baris) -> dict:
    hasil = defaultdict(list)
    for b in baris:
        hasil[(b["nama_jabatan"], b["unit"])].append(Decimal(b["kebutuhan"]))
    return {k: sorted(v) for k, v in hasil.items()}


def test_our_own_export_imports_into_a_new_instansi_with_the_same_needs(db, tmp_path):
    tarakan = muat_tarakan()
    path = tmp_path / "ekspor.xlsx"
    call_command(
        "export_workbook", "--instansi", str(tarakan.pk), "--out", str(path), stdout=StringIO()
    )
    impor(path, "Kota Uji Ekspor Sendiri")
    asal, baru = rekap(str(tarakan.pk)), rekap("Kota Uji Ekspor Sendiri")
    assert len(baru) == len(asal)
    assert _per_nama_unit(baru) == _per_nama_unit(asal)
    seed = defaultdict(list)
    for h in buku_uji.seluruh_seed().values():
        seed[(h.nama, h.unit)].append(h.kebutuhan)
    dihitung = _per_nama_unit(baru)
    salah = {
        k: (dihitung.get(k), sorted(v))
        for k, v in seed.items()
        if len(dihitung.get(k, [])) != len(v)
        or any(abs(a - b) > TOLERANSI for a, b in zip(dihitung[k], sorted(v), strict=True))
    }
    assert salah == {}
