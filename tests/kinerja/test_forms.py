"""A table edited as a whole reaches the service as plain rows: only what would be written."""

from decimal import Decimal

from kinerja import forms
from kinerja.models import Anggaran, Program, Renstra


def _post(baris, awal):
    data = {
        "form-TOTAL_FORMS": str(len(baris)),
        "form-INITIAL_FORMS": str(awal),
        "form-MIN_NUM_FORMS": "0",
        "form-MAX_NUM_FORMS": "1000",
    }
    for i, b in enumerate(baris):
        data |= {f"form-{i}-{k}": v for k, v in b.items()}
    return data


def test_it_gives_changed_and_removed_rows_then_new_ones_and_skips_the_rest(dunia):
    r = Renstra.objects.create(unit=dunia.dinas, tahun_awal=2020, tahun_akhir=2024)
    program = Program.objects.create(renstra=r, nama="P1")
    tetap, ubah, hapus = (
        Anggaran.objects.create(program=program, tahun=2020, uraian=u, pagu=Decimal(5))
        for u in ("Tetap", "Ubah", "Hapus")
    )
    baris = [
        {"id": a.pk, "program": program.pk, "uraian": a.uraian, "pagu": "5", "realisasi": "0"}
        for a in (tetap, ubah, hapus)
    ]
    baris[1]["pagu"] = "6"
    baris[2]["DELETE"] = "on"
    baris += [
        {"program": program.pk, "uraian": "Baru", "pagu": "7", "realisasi": "0"},
        {"program": program.pk, "uraian": "Batal", "pagu": "8", "DELETE": "on"},
        {"program": "", "uraian": "", "pagu": "", "realisasi": "0"},  # an untouched blank row
    ]
    formset = forms.AnggaranFormSetFactory(_post(baris, 3), renstra=r, tahun=2020)
    assert formset.is_valid(), formset.errors

    hasil = forms.baris_berubah(formset)

    assert [(b["obj"], b["hapus"]) for b in hasil] == [(ubah, False), (hapus, True), (None, False)]
    assert hasil[0]["nilai"]["pagu"] == Decimal(6)
    assert hasil[2]["nilai"] == {
        "program": program,
        "kegiatan": None,
        "uraian": "Baru",
        "pagu": Decimal(7),
        "realisasi": Decimal(0),
    }
