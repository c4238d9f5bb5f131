"""Screens of the workbook import and the Excel exports."""

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from abk import ekspor, ekspor_buku, rekap_simpan, selectors
from abk.forms import UnggahForm
from abk.impor.baca import BukuKerjaTidakSah
from abk.impor.layanan import ImporDitolak, impor_create, impor_run, impor_update, pemetaan_create
from abk.impor.pemetaan import JAM, MENIT, Sinonim
from abk.impor.proses import NAMA_JENIS
from abk.models import ImporBuku, PekerjaanLatar
from abk.siasn_referensi import WAKTU_EFEKTIF_SIASN_JAM, WAKTU_EFEKTIF_SIASN_MENIT
from abk.storage import serve_private
from abk.views import XLSX, periode_wajib, pilihan_laporan
from anjab import selectors as anjab_selectors
from anjab.selectors import get_jabatan_for_user, jabatan_for_user
from anjab.services import periode_get_or_start
from organisasi import selectors as org_selectors
from organisasi.akses import wajib_menulis
from organisasi.decorators import akses_wajib
from organisasi.forms import label_bertingkat
from organisasi.http import int_or_404

PEKERJAAN_BERJALAN = {PekerjaanLatar.Status.MENUNGGU, PekerjaanLatar.Status.BERJALAN}


@akses_wajib
@require_http_methods(["GET", "POST"])
def impor_daftar(request):
    akses = request.akses
    units = org_selectors.unit_tree(request.user)
    periode_qs = anjab_selectors.periode_for_user(request.user)
    bound = request.method == "POST"
    form = UnggahForm(request.POST if bound else None, request.FILES if bound else None)
    form.fields["unit"].choices = (
        [("", _("— seluruh instansi —"))] if akses.unit_id is None else []
    ) + [(u.pk, label_bertingkat(u)) for u in units]
    form.fields["periode"].choices = [("", _("— periode terbaru —"))] + [
        (p.pk, f"{p.nama} ({p.instansi.nama})" if akses.semua_instansi else p.nama)
        for p in periode_qs.select_related("instansi")
    ]
    if request.method == "POST":
        wajib_menulis(akses)
        if form.is_valid():
            unit = None
            if form.cleaned_data["unit"]:
                unit = org_selectors.get_unit_for_user(request.user, form.cleaned_data["unit"])
            elif akses.unit_id is not None:
                # An Operator's import never reaches beyond its own subtree.
                unit = org_selectors.get_unit_for_user(request.user, akses.unit_id)
            instansi = (
                unit.instansi
                if unit
                else (
                    org_selectors.get_instansi_for_user(request.user, akses.instansi_id)
                    if akses.instansi_id
                    else None
                )
            )
            if instansi is None:
                form.add_error("unit", _("Pilih unit tujuan (menentukan instansi)."))
            elif form.cleaned_data["periode"]:
                periode = get_object_or_404(
                    periode_qs, pk=form.cleaned_data["periode"], instansi=instansi
                )
            else:
                periode = periode_get_or_start(instansi=instansi)
            if not form.errors:
                try:
                    impor = impor_create(
                        instansi=instansi,
                        pemohon=request.user,
                        berkas=form.cleaned_data["berkas"],
                        unit=unit,
                        periode=periode,
                        buat_unit=form.cleaned_data["buat_unit"],
                    )
                except BukuKerjaTidakSah as e:
                    form.add_error("berkas", str(e))
                else:
                    return redirect("abk:impor_detail", pk=impor.pk)
    daftar = selectors.impor_for_user(request.user)
    return render(
        request,
        "abk/impor_daftar.html",
        {
            "form": form,
            "daftar": daftar.select_related("unit", "periode")[:20],
            "boleh_menulis": akses.boleh_menulis,
        },
    )


@akses_wajib
@require_http_methods(["GET", "POST"])
def impor_detail(request, pk):
    impor = selectors.get_impor_for_user(request.user, pk)
    sinonim = Sinonim.muat(impor.instansi_id)
    if request.method == "POST":
        wajib_menulis(request.akses)
        try:
            _impor_detail_post(request, impor)
        except ImporDitolak as e:
            messages.error(request, str(e))
        return redirect("abk:impor_detail", pk=impor.pk)
    pilihan = [("", _("— abaikan —")), *sorted(sinonim.label.items(), key=lambda x: x[1])]
    jabatan_siasn = (
        jabatan_for_user(request.user)
        .filter(instansi_id=impor.instansi_id)
        .select_related("unit")
        .order_by("unit__nama", "urutan", "nama")
        if impor.pemetaan.get("siasn")
        else None
    )
    return render(
        request,
        "abk/impor_detail.html",
        {
            "impor": impor,
            "lembar": [
                {**d, "jenis_label": str(NAMA_JENIS.get(d.get("jenis"), d.get("jenis")))}
                for d in impor.pemetaan.get("lembar", [])
            ],
            "pilihan": pilihan,
            "jabatan_siasn": jabatan_siasn,
            "semua_periode": anjab_selectors.periode_for_user(request.user).filter(
                instansi_id=impor.instansi_id
            ),
            "label": sinonim.label,
            "MENIT": MENIT,
            "JAM": JAM,
            # SIASN's own codes of the effective time, whatever the period uses.
            "siasn_jam": WAKTU_EFEKTIF_SIASN_JAM,
            "siasn_menit": WAKTU_EFEKTIF_SIASN_MENIT,
            "STATUS": ImporBuku.Status,
            "boleh_menulis": request.akses.boleh_menulis,
            "berjalan": impor.pekerjaan is not None
            and impor.pekerjaan.status in PEKERJAAN_BERJALAN,
        },
    )


def _impor_detail_post(request, impor: ImporBuku) -> None:
    aksi = request.POST.get("aksi")
    periode = jabatan = None
    if request.POST.get("periode"):
        # The check step may point the import at the period whose effective time the
        # workbook printed.
        periode = get_object_or_404(
            anjab_selectors.periode_for_user(request.user).filter(instansi_id=impor.instansi_id),
            pk=int_or_404(request.POST["periode"]),
        )
    if impor.pemetaan.get("siasn") and request.POST.get("jabatan"):
        jabatan = get_jabatan_for_user(request.user, int_or_404(request.POST["jabatan"]))
        if jabatan.instansi_id != impor.instansi_id:
            raise Http404
    impor_update(
        impor=impor, periode=periode, jabatan=jabatan, **_isian_pemetaan(impor, request.POST)
    )
    if request.POST.get("nama_pemetaan", "").strip():
        pemetaan_create(impor=impor, nama=request.POST["nama_pemetaan"].strip()[:200])
        messages.success(
            request, _("Pemetaan disimpan; buku kerja berbentuk sama akan memakainya.")
        )
    if aksi in {"periksa", "impor"}:
        impor_run(
            impor=impor,
            kering=aksi == "periksa",
            hanya_sah=request.POST.get("hanya_sah") == "1",
            pemohon=request.user,
        )


@akses_wajib
def impor_berkas(request, pk):
    """The uploaded workbook itself, to whoever may see its import."""
    impor = selectors.get_impor_for_user(request.user, pk)
    return serve_private(impor.berkas, filename=impor.nama_berkas, content_type=XLSX)


def _isian_pemetaan(impor: ImporBuku, data) -> dict:
    """The check step's choices as plain values for impor_update: each sheet's column
    mapping and time unit, the unit chosen for each ambiguous name, whether to create units."""
    lembar = {}
    for i, d in enumerate(impor.pemetaan.get("lembar", [])):
        if f"l{i}-satuan" in data:
            lembar[i] = {
                "kolom": {
                    str(j): data[f"l{i}-k{j}"]
                    for j in range(len(d["judul"]))
                    if data.get(f"l{i}-k{j}")
                },
                "satuan_waktu": JAM if data.get(f"l{i}-satuan") == JAM else MENIT,
            }
    pilihan_unit = {
        nama: int(data[f"unit-{nama}"])
        for nama in impor.ringkasan.get("ambigu", {})
        if data.get(f"unit-{nama}", "").isdigit()
    }
    buat_unit = data.get("buat_unit") == "1" if ("buat_unit" in data or "aksi" in data) else None
    return {
        "lembar": lembar,
        "pilihan_unit": pilihan_unit,
        "buat_unit": buat_unit,
        "diperiksa_ulang": data.get("aksi") != "impor",
    }


@akses_wajib
def templat(request):
    response = HttpResponse(ekspor_buku.templat_xlsx(), content_type=XLSX)
    response["Content-Disposition"] = 'attachment; filename="templat-impor-anjab-abk.xlsx"'
    return response


@akses_wajib
@periode_wajib
def ekspor_jabatan(request):
    periode, unit = pilihan_laporan(request)
    response = HttpResponse(ekspor_buku.jabatan_xlsx(periode=periode, unit=unit), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="jabatan-{periode.pk}.xlsx"'
    return response


@akses_wajib
@periode_wajib
def ekspor_rekap(request):
    periode, unit = pilihan_laporan(request)
    response = HttpResponse(
        ekspor.rekap_xlsx(rekap_simpan.rekap_unit(periode, unit)), content_type=XLSX
    )
    response["Content-Disposition"] = f'attachment; filename="rekap-abk-{periode.pk}.xlsx"'
    return response
