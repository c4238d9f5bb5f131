from functools import wraps

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from abk import charts, documents, ekspor, koreksi, rekap_simpan, selectors, services
from abk.beranda import konteks_tanpa_periode
from abk.forms import KeputusanForm, PeriodeForm, SalinPeriodeForm
from abk.kualitas import KEWAJARAN, SELISIH
from abk.models import PekerjaanLatar
from abk.storage import serve_private
from anjab import selectors as anjab_selectors
from anjab import services as anjab_services
from anjab.models import PeriodeAnalisis
from config.dokumen import pdf_bytes_response, pdf_response
from config.dokumen_word import DOCX, docx_response
from organisasi import selectors as org_selectors
from organisasi.akses import wajib_admin_instansi, wajib_menulis
from organisasi.decorators import akses_wajib
from organisasi.http import BARIS_PER_HALAMAN, instansi_kerja, int_or_404

# Decrees with more positions than this are printed by the worker, with a progress bar.
# Rows of one unit's rekap per page (the totals are always over every row).
BATAS_CETAK_LANGSUNG = 8
# Word needs no layout: about 0.07 s a position, so up to 60 positions (~4 s) in the request.
BATAS_WORD_LANGSUNG = 60
# A peta jabatan PDF with more positions than this is laid out by the worker (a 300-position
# unit takes a few seconds; a whole Kabupaten of 12,000 far longer than a request may).
BATAS_PETA_LANGSUNG = 400


class TanpaPeriode(Http404):
    """The instansi has no analysis period yet; pages under @periode_wajib explain it."""


def periode_wajib(view):
    """Answers a report page of an instansi without any period with an explanation and, for
    users who may write, the button that starts one; never a 404 or a period made on GET."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except TanpaPeriode:
            return render(request, "abk/tanpa_periode.html", konteks_tanpa_periode(request))

    return wrapper


def pilihan_laporan(request):
    """The period and unit a report is about, from ?periode= and ?unit=, scoped to the user.

    Without ?unit= an Admin Instansi gets the whole instansi; an Operator its own unit.
    """
    periode_qs = anjab_selectors.periode_for_user(request.user)
    if request.GET.get("periode"):
        periode = get_object_or_404(
            periode_qs.select_related("instansi"), pk=int_or_404(request.GET["periode"])
        )
    else:
        akses = request.akses
        instansi_id = akses.instansi_id
        if instansi_id is None:  # a platform superuser: the first instansi with a period
            periode = (
                periode_qs.select_related("instansi")
                .order_by("instansi__nama", "-tahun", "-pk")
                .first()
            )
        else:
            periode = anjab_selectors.periode_terbaru(instansi_id)
        if periode is None:
            raise TanpaPeriode("Belum ada periode analisis beban kerja.")
    unit = None
    if request.GET.get("unit"):
        unit = org_selectors.get_unit_for_user(request.user, int_or_404(request.GET["unit"]))
        if unit.instansi_id != periode.instansi_id:
            raise Http404
    elif request.akses.unit_id is not None:
        unit = org_selectors.get_unit_for_user(request.user, request.akses.unit_id)
    return periode, unit


def _konteks_pilihan(request, periode, unit):
    return {
        "periode": periode,
        "unit": unit,
        "semua_periode": anjab_selectors.periode_for_user(request.user).filter(
            instansi_id=periode.instansi_id
        ),
        "pilihan_unit": org_selectors.pilihan_unit(request.user, periode.instansi_id),
        "boleh_seluruh_instansi": request.akses.unit_id is None,
    }


@akses_wajib
@periode_wajib
def rekap(request):
    periode, unit = pilihan_laporan(request)
    konteks = _konteks_pilihan(request, periode, unit)
    if unit is None:
        # The whole instansi is summarised by perangkat daerah (each one drills down) from
        # the database's sums, without a row per position: the data-quality checks of every
        # position are the Kualitas data page's.
        r = rekap_simpan.ringkasan(periode)
        tercetak = selectors.kebutuhan_tercetak_instansi(periode, r.total["jumlah_jabatan"])
        per_pd = [ru for ru in r.units if ru.depth == 0]
        konteks.update(
            {
                "rekap": r,
                "kebutuhan_tercetak": tercetak,
                "grafik": charts.grafik_kebutuhan_bezetting(per_pd),
                "per_pd": per_pd,
            }
        )
    else:
        r = rekap_simpan.rekap_unit(periode, unit)
        tercetak = r.kebutuhan_tercetak_dibulatkan
        konteks.update(
            {
                "rekap": r,
                "kebutuhan_tercetak": tercetak,
                "grafik": charts.grafik_kebutuhan_bezetting(
                    [ru for ru in r.units if ru.depth == 1]
                    or [ru for ru in r.units if ru.depth == 0]
                ),
                "jumlah_selisih": sum(1 for t in r.temuan if t.kategori == SELISIH),
                "jumlah_kewajaran": sum(1 for t in r.temuan if t.kategori == KEWAJARAN),
                "halaman": Paginator(r.baris, BARIS_PER_HALAMAN).get_page(
                    request.GET.get("halaman")
                ),
                "query": _tanpa_halaman(request),
            }
        )
    konteks["selisih_tercetak"] = (
        r.total["kebutuhan_dibulatkan"] - tercetak if tercetak is not None else None
    )
    return render(request, "abk/rekap.html", konteks)


def _tanpa_halaman(request) -> str:
    q = request.GET.copy()
    q.pop("halaman", None)
    return q.urlencode()


@akses_wajib
@periode_wajib
def kualitas(request):
    periode, unit = pilihan_laporan(request)
    r = rekap_simpan.rekap_unit(periode, unit)
    konteks = _konteks_pilihan(request, periode, unit)
    konteks.update(
        {
            "rekap": r,
            "selisih": [t for t in r.temuan if t.kategori == SELISIH],
            "kewajaran": [t for t in r.temuan if t.kategori == KEWAJARAN],
        }
    )
    return render(request, "abk/kualitas.html", konteks)


XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@akses_wajib
@periode_wajib
def laporan_koreksi(request, format="pdf"):
    """Laporan Hasil Penghitungan Ulang of the chosen unit (or instansi) as PDF or xlsx: every
    printed figure that disagrees with the computed one, for a revised decree."""
    periode, unit = pilihan_laporan(request)
    laporan = koreksi.laporan_koreksi(periode, unit)
    nama = f"laporan-koreksi-{periode.pk}-{unit.pk if unit else 'instansi'}"
    if format == "xlsx":
        response = HttpResponse(ekspor.laporan_koreksi_xlsx(laporan), content_type=XLSX)
        response["Content-Disposition"] = f'attachment; filename="{nama}.xlsx"'
        return response
    if format == "docx":
        return docx_response(documents.laporan_koreksi_html(laporan), f"{nama}.docx")
    return pdf_response(documents.laporan_koreksi_html(laporan), f"{nama}.pdf")


def _jumlah_jabatan(periode, unit) -> int:
    if unit is not None:
        return anjab_selectors.jumlah_jabatan_di_bawah(unit)
    return anjab_selectors.jumlah_jabatan_instansi(periode.instansi_id)


@akses_wajib
@periode_wajib
def peta(request, format="html"):
    periode, unit = pilihan_laporan(request)
    jumlah = _jumlah_jabatan(periode, unit)
    if format == "pdf":
        if jumlah > BATAS_PETA_LANGSUNG:
            # Too large to lay out within a request: a page that offers the background job
            # (GET writes nothing; the button POSTs).
            konteks = _konteks_pilihan(request, periode, unit)
            konteks.update(
                {
                    "jumlah_jabatan": jumlah,
                    "batas": BATAS_PETA_LANGSUNG,
                    "pekerjaan": selectors.pekerjaan_peta(request.user, periode, unit),
                }
            )
            return render(request, "abk/peta_besar.html", konteks)
        r = rekap_simpan.rekap_unit(periode, unit, periksa=False)
        html = documents.peta_jabatan_html(r, untuk_cetak=True)
        return pdf_response(html, f"peta-jabatan-{periode.pk}.pdf")
    konteks = _konteks_pilihan(request, periode, unit)
    if jumlah > BATAS_PETA_LANGSUNG:
        # A chart of thousands of boxes is megabytes no one can read on a screen: the units
        # one level down with their totals, each opening its own peta.
        r = rekap_simpan.ringkasan(periode, unit)
        tingkat = 0 if unit is None else 1
        konteks.update(
            {
                "ringkasan": r,
                "jumlah_jabatan": jumlah,
                "batas": BATAS_PETA_LANGSUNG,
                "sendiri": r.units[0] if unit is not None and r.units else None,
                "per_unit": [ru for ru in r.units if ru.depth == tingkat],
            }
        )
        return render(request, "abk/peta_ringkas.html", konteks)
    r = rekap_simpan.rekap_unit(periode, unit, periksa=False)
    konteks.update({"peta": documents.peta_jabatan_html(r, untuk_cetak=False), "rekap": r})
    return render(request, "abk/peta.html", konteks)


@akses_wajib
def periode_daftar(request):
    qs = anjab_selectors.periode_for_user(request.user).select_related("instansi")
    return render(
        request,
        "abk/periode_daftar.html",
        {"daftar": qs, "boleh_ubah": request.akses.admin_instansi},
    )


@akses_wajib
@require_http_methods(["GET", "POST"])
def periode_ubah(request, pk=None):
    wajib_admin_instansi(request.akses)
    if pk is None:
        instansi = instansi_kerja(
            request,
            judul=_("Tambah periode"),
            keterangan=_("Periode analisis dibuat per instansi. Pilih instansinya:"),
        )
        if isinstance(instansi, HttpResponse):
            return instansi
        periode = PeriodeAnalisis(instansi=instansi)
    else:
        periode = get_object_or_404(anjab_selectors.periode_for_user(request.user), pk=pk)
    form = PeriodeForm(request.POST if request.method == "POST" else None, instance=periode)
    if request.method == "POST" and form.is_valid():
        try:
            # The form has set its cleaned values on the period; the service saves it.
            anjab_services.periode_update(periode=form.instance)
        except ValidationError as e:
            form.add_error(None, e.messages)
        else:
            messages.success(request, _("Periode “%(nama)s” disimpan.") % {"nama": periode.nama})
            return redirect("abk:periode_daftar")
    return render(request, "abk/periode_form.html", {"form": form, "periode": periode})


@akses_wajib
@require_POST
def periode_mulai(request):
    """ "Buat periode analisis": starts the instansi's first period (ABK <this year>)."""
    wajib_menulis(request.akses)
    instansi_id = request.POST.get("instansi") or request.akses.instansi_id
    if instansi_id is None:
        raise Http404
    instansi = org_selectors.get_instansi_for_user(request.user, int_or_404(instansi_id))
    ada = anjab_selectors.periode_terbaru(instansi.pk)
    periode = anjab_services.periode_get_or_start(instansi=instansi)
    if ada is None:
        messages.success(
            request,
            _(
                "Periode “%(nama)s” dibuat dengan parameter bawaan; Admin Instansi dapat "
                "mengubahnya pada halaman Periode."
            )
            % {"nama": periode.nama},
        )
    else:
        messages.info(
            request, _("Periode “%(nama)s” sudah ada dan dipakai.") % {"nama": periode.nama}
        )
    kembali = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(
        kembali, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        kembali = reverse("abk:rekap")
    return redirect(kembali)


@akses_wajib
@require_http_methods(["GET", "POST"])
def periode_salin(request, pk):
    asal = get_object_or_404(anjab_selectors.periode_for_user(request.user), pk=pk)
    wajib_admin_instansi(request.akses)
    form = SalinPeriodeForm(
        request.POST if request.method == "POST" else None,
        initial={"nama": f"ABK {asal.tahun + 1}", "tahun": asal.tahun + 1},
    )
    if request.method == "POST" and form.is_valid():
        try:
            baru = anjab_services.periode_copy(asal=asal, **form.cleaned_data)
        except ValidationError as e:
            form.add_error(None, e)
        else:
            messages.success(
                request,
                _("Periode “%(baru)s” dimulai dari salinan %(asal)s.")
                % {"baru": baru.nama, "asal": asal.nama},
            )
            return redirect("abk:periode_daftar")
    return render(request, "abk/periode_salin.html", {"form": form, "asal": asal})


@akses_wajib
@require_http_methods(["GET", "POST"])
@periode_wajib
def keputusan(request):
    """The decree text of a unit. Opening it writes nothing: a writer starts the decree with
    "Buat keputusan" (POST aksi=buat); the others read it, or are told it is not made yet."""
    periode, unit = pilihan_laporan(request)
    konteks = _konteks_pilihan(request, periode, unit)
    konteks["boleh_menulis"] = request.akses.boleh_menulis
    if unit is None:
        if request.method == "POST":
            raise Http404
        return render(request, "abk/keputusan.html", konteks)
    if request.method == "POST":
        wajib_menulis(request.akses)
    alamat = f"{request.path}?periode={periode.pk}&unit={unit.pk}"
    if request.method == "POST" and request.POST.get("aksi") == "buat":
        services.keputusan_get_or_create(periode=periode, unit=unit)
        messages.success(request, _("Keputusan dibuat dari teks bawaan; sesuaikan lalu simpan."))
        return redirect(alamat)
    k = selectors.keputusan_unit(periode, unit)
    konteks.update(
        {
            "keputusan": k,
            "jumlah_jabatan": anjab_selectors.jumlah_jabatan_di_bawah(unit),
            "batas_cetak_langsung": BATAS_CETAK_LANGSUNG,
        }
    )
    if k is None:
        if request.method == "POST":
            messages.error(request, _("Keputusan unit ini belum dibuat; buat dahulu."))
            return redirect(alamat)
        return render(request, "abk/keputusan.html", konteks)
    form = KeputusanForm(request.POST if request.method == "POST" else None, instance=k)
    if not request.akses.boleh_menulis:
        for field in form.fields.values():
            field.disabled = True
    if request.method == "POST" and form.is_valid():
        services.keputusan_update(keputusan=k, nilai=form.nilai())
        messages.success(request, _("Teks keputusan disimpan."))
        return redirect(alamat)
    konteks.update(
        {
            "form": form,
            "pekerjaan": selectors.pekerjaan_keputusan(request.user, k),
        }
    )
    return render(request, "abk/keputusan.html", konteks)


@akses_wajib
@require_POST
def keputusan_cetak(request):
    periode, unit = pilihan_laporan(request)
    if unit is None:
        raise Http404
    k = selectors.keputusan_unit(periode, unit)
    if k is None and request.akses.boleh_menulis:
        k = services.keputusan_get_or_create(
            periode=periode, unit=unit
        )  # printed from the default text
    elif k is None:
        messages.error(request, _("Keputusan unit ini belum dibuat, sehingga belum dapat dicetak."))
        return redirect(f"{reverse('abk:keputusan')}?periode={periode.pk}&unit={unit.pk}")
    word = request.POST.get("format") == "docx"
    jumlah = anjab_selectors.jumlah_jabatan_di_bawah(unit)
    if word and jumlah <= BATAS_WORD_LANGSUNG:
        return docx_response(documents.keputusan_html(k), f"keputusan-abk-{unit.pk}.docx")
    if not word and jumlah <= BATAS_CETAK_LANGSUNG:
        return pdf_bytes_response(documents.keputusan_pdf(k), f"keputusan-abk-{unit.pk}.pdf")
    # Queueing the worker writes a job row: only for users who may write.
    wajib_menulis(request.akses)
    pekerjaan = services.keputusan_print_request(
        keputusan=k, pemohon=request.user, format="docx" if word else "pdf"
    )
    return redirect("abk:pekerjaan", pk=pekerjaan.pk)


@akses_wajib
@require_POST
def peta_cetak(request):
    """Queues the PDF of a large peta jabatan. Printing reads only what the user may see, so
    read-only users may ask for it too; the job is theirs and scoped like the page."""
    periode, unit = pilihan_laporan(request)
    pekerjaan = services.peta_print_request(periode=periode, unit=unit, pemohon=request.user)
    return redirect("abk:pekerjaan", pk=pekerjaan.pk)


@akses_wajib
def pekerjaan(request, pk):
    p = selectors.get_pekerjaan_for_user(request.user, pk)
    template = "abk/fragment_pekerjaan.html" if request.htmx else "abk/pekerjaan.html"
    return render(request, template, {"p": p})


@akses_wajib
def pekerjaan_unduh(request, pk):
    p = selectors.get_pekerjaan_for_user(request.user, pk)
    if p.status != PekerjaanLatar.Status.SELESAI or not p.berkas:
        raise Http404("Berkas belum tersedia.")
    nama = p.berkas.name.rsplit("/", 1)[-1]
    word = nama.endswith(".docx")
    return serve_private(
        p.berkas,
        filename=nama,
        content_type=DOCX if word else "application/pdf",
        as_attachment=word,
    )
