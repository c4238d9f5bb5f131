import json

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext
from django.views.decorators.http import require_http_methods

from anjab import documents, selectors, services
from anjab.bagian import (
    BAGIAN,
    BAGIAN_PER_SLUG,
    bangun,
    formsets_tugas_terikat,
    isian_baris,
    isian_form,
)
from anjab.bantuan import bantuan_bagian, bantuan_formset, lengkapi_bantuan
from anjab.calculations.evaluasi import kelas_lazim, kelas_tidak_lazim
from anjab.forms import EvaluasiForm, JabatanBaruForm
from anjab.models import FaktorEvaluasi, Jabatan
from anjab.reference import rentang_kelas_lazim
from config.dokumen import pdf_response
from config.dokumen_word import docx_response
from organisasi import selectors as org_selectors
from organisasi.akses import wajib_menulis
from organisasi.decorators import akses_wajib
from organisasi.forms import label_bertingkat
from organisasi.http import BARIS_PER_HALAMAN, alamat_lanjut, int_or_404
from organisasi.versi import DataBerubah, periksa_versi, versi_dikirim


def _katalog(request):
    return lambda model: selectors.katalog_for_user(model, request.user)


def _atasan_qs(request, jabatan: Jabatan | None, instansi_id: int):
    qs = selectors.jabatan_for_user(request.user).filter(instansi_id=instansi_id)
    if jabatan is not None and jabatan.pk:
        qs = qs.exclude(pk=jabatan.pk)
    return qs.select_related("unit").order_by("unit__nama", "-kepala_unit", "urutan")


@akses_wajib
def daftar(request):
    units = org_selectors.unit_tree(request.user)
    teratas = [u for u in units if u.tree_depth == 0]
    unit = None
    if request.GET.get("unit"):
        unit = org_selectors.get_unit_for_user(request.user, int_or_404(request.GET["unit"]))
    elif teratas:
        unit = teratas[0]
    baris = []
    if unit is not None:
        struktur = selectors.Struktur(unit.instansi_id, unit_id=unit.pk)
        baris = selectors.daftar_informasi_jabatan(struktur, unit.pk)
    # A large perangkat daerah is shown a hundred positions at a time, numbered as a whole.
    halaman = Paginator(baris, BARIS_PER_HALAMAN).get_page(request.GET.get("halaman"))
    if halaman.object_list:
        kelas = dict(
            selectors.jabatan_for_user(request.user)
            .filter(pk__in=[j.pk for _, _, j in halaman], evaluasi__isnull=False)
            .values_list("pk", "evaluasi__kelas")
        )
        for _, _, j in halaman:
            j.kelas_tampil = j.kelas_jabatan or kelas.get(j.pk)
            j.unit_nama = struktur.units[j.unit_id].nama
    return render(
        request,
        "anjab/daftar.html",
        {
            "pilihan_unit": [(u.pk, label_bertingkat(u)) for u in units],
            "unit": unit,
            "halaman": halaman,
            "query": urlencode({"unit": unit.pk}) if unit else "",
            "boleh_menulis": request.akses.boleh_menulis,
        },
    )


@akses_wajib
@require_http_methods(["GET", "POST"])
def jabatan_create(request, unit_pk):
    unit = org_selectors.get_unit_for_user(request.user, unit_pk)
    wajib_menulis(request.akses)
    jabatan = Jabatan(unit=unit, instansi_id=unit.instansi_id)
    form = JabatanBaruForm(
        request.POST if request.method == "POST" else None,
        instance=jabatan,
        atasan_qs=_atasan_qs(request, None, unit.instansi_id),
        katalog=_katalog(request),
    )
    if request.method == "POST" and form.is_valid():
        data = {k: form.cleaned_data[k] for k in JabatanBaruForm.Meta.fields}
        try:
            jabatan = services.jabatan_create(unit=unit, **data)
        except ValidationError as e:
            form.add_error(None, e)
        else:
            messages.success(
                request,
                gettext("Jabatan “%(nama)s” dibuat. Lengkapi bagiannya.") % {"nama": jabatan.nama},
            )
            return redirect("anjab:jabatan_bagian", pk=jabatan.pk, slug="tugas")
    return render(request, "anjab/jabatan_baru.html", {"form": form, "unit": unit})


@akses_wajib
def jabatan_detail(request, pk):
    jabatan = selectors.get_jabatan_for_user(request.user, pk)
    konteks = documents.konteks_informasi_jabatan(jabatan)
    evaluasi = getattr(konteks["jabatan"], "evaluasi", None)
    konteks.update(
        {
            "bagian": BAGIAN,
            "evaluasi": evaluasi,
            "kelas_berbeda": bool(
                evaluasi and jabatan.kelas_jabatan and evaluasi.kelas != jabatan.kelas_jabatan
            ),
            "evaluasi_usang": bool(evaluasi and evaluasi.jenis != jabatan.jenis_evaluasi),
            "boleh_menulis": request.akses.boleh_menulis,
        }
    )
    return render(request, "anjab/jabatan_detail.html", konteks)


@akses_wajib
@require_http_methods(["GET", "POST"])
def jabatan_bagian(request, pk, slug):
    jabatan = selectors.get_jabatan_for_user(request.user, pk)
    bagian = BAGIAN_PER_SLUG.get(slug)
    if bagian is None:
        raise Http404
    if request.method == "POST":
        wajib_menulis(request.akses)
    periode = selectors.periode_terbaru(jabatan.instansi_id)
    if slug == "tugas" and periode is None and request.method == "GET":
        return render(
            request,
            "anjab/jabatan_tanpa_periode.html",
            {
                "jabatan": jabatan,
                "bagian": bagian,
                "semua_bagian": BAGIAN,
                "boleh_menulis": request.akses.boleh_menulis,
                "instansi_id": jabatan.instansi_id,
                "nama_periode_baru": services.nama_periode_baru(),
                "waktu_efektif_menit": services.waktu_efektif_periode_baru(),
            },
        )
    if slug == "tugas" and periode is None:
        periode = services.periode_get_or_start(instansi=jabatan.instansi)
    data = request.POST if request.method == "POST" else None
    form, formsets, kondisi = bangun(
        bagian,
        jabatan,
        data,
        atasan_qs=_atasan_qs(request, jabatan, jabatan.instansi_id),
        katalog=_katalog(request),
        periode=periode,
    )
    lengkapi_bantuan(form)
    versi = versi_dikirim(request.POST) if request.method == "POST" else jabatan.versi
    status = 200
    if request.method == "POST":
        semua = [x for x in [form, kondisi, *(fs for _, fs in formsets)] if x is not None]
        try:
            # A stale editor is refused before its rows are validated: rows someone else
            # removed meanwhile would otherwise show as errors instead of the reason.
            periksa_versi(jabatan, versi)
            if not all(x.is_valid() for x in semua):
                messages.error(
                    request, gettext("Periksa isian yang ditandai merah; belum ada yang disimpan.")
                )
            else:
                tabel = [isian_baris(fs) for _, fs in formsets]
                services.jabatan_update(
                    jabatan=jabatan,
                    versi=versi,
                    nilai=isian_form(form) if form is not None else None,
                    tabel=[(t.model, t.baris, t.hapus) for t in tabel],
                    kondisi=kondisi.nilai() if kondisi else None,
                    periode=periode,
                )
                messages.success(
                    request, gettext("Bagian “%(judul)s” disimpan.") % {"judul": bagian.judul}
                )
                return redirect(
                    alamat_lanjut(
                        request,
                        reverse("anjab:jabatan_bagian", kwargs={"pk": jabatan.pk, "slug": slug}),
                    )
                )
        except DataBerubah as e:
            messages.error(request, " ".join(e.messages))
            status = 409
        except ValidationError as e:
            messages.error(request, " ".join(e.messages))
    context = {
        "versi": versi,
        "jabatan": jabatan,
        "bagian": bagian,
        "semua_bagian": BAGIAN,
        "form": form,
        "formsets": [(judul, fs, bantuan_formset(fs.prefix)) for judul, fs in formsets],
        "bantuan_bagian": bantuan_bagian(bagian.slug),
        "kondisi": kondisi,
        "boleh_menulis": request.akses.boleh_menulis,
        "periode": periode,
    }
    if slug == "tugas":
        context["beban"] = documents.beban_kerja(jabatan, periode)
        context["rincian_volume"] = True
    return render(request, "anjab/jabatan_bagian.html", context, status=status)


@akses_wajib
@require_http_methods(["GET", "POST"])
def jabatan_salin(request, pk):
    jabatan = selectors.get_jabatan_for_user(request.user, pk)
    wajib_menulis(request.akses)
    nama = (request.POST.get("nama") or "").strip()
    error = None
    if request.method == "POST":
        if not nama:
            error = gettext("Nama jabatan baru wajib diisi.")
        else:
            baru = services.jabatan_copy(jabatan=jabatan, nama=nama)
            messages.success(
                request,
                gettext("Jabatan “%(baru)s” dibuat dari salinan %(asal)s.")
                % {"baru": baru.nama, "asal": jabatan.nama},
            )
            return redirect("anjab:jabatan_detail", pk=baru.pk)
    return render(
        request,
        "anjab/jabatan_salin.html",
        {
            "jabatan": jabatan,
            "nama": nama or gettext("%(nama)s (salinan)") % {"nama": jabatan.nama},
            "error": error,
        },
        status=400 if error else 200,
    )


@akses_wajib
@require_http_methods(["GET", "POST"])
def jabatan_hapus(request, pk):
    jabatan = selectors.get_jabatan_for_user(request.user, pk)
    wajib_menulis(request.akses)
    if request.method == "POST":
        unit_pk = jabatan.unit_id
        services.jabatan_delete(jabatan=jabatan)
        messages.success(request, gettext("Jabatan “%(nama)s” dihapus.") % {"nama": jabatan.nama})
        return redirect(reverse("anjab:daftar") + f"?unit={_unit_teratas(request, unit_pk)}")
    return render(request, "anjab/jabatan_hapus.html", {"jabatan": jabatan})


def _unit_teratas(request, unit_pk) -> int:
    visible = {u.pk: u for u in org_selectors.unit_tree(request.user)}
    unit = visible.get(unit_pk)
    while unit is not None and unit.tree_depth > 0 and unit.parent_id in visible:
        unit = visible[unit.parent_id]
    return unit.pk if unit else unit_pk


@akses_wajib
@require_http_methods(["GET", "POST"])
def jabatan_evaluasi(request, pk):
    jabatan = selectors.get_jabatan_for_user(request.user, pk)
    if request.method == "POST":
        wajib_menulis(request.akses)
    tabel = selectors.tabel_evaluasi_aktif()
    faktor = (
        FaktorEvaluasi.objects.filter(tabel=tabel, jenis=jabatan.jenis_evaluasi)
        .prefetch_related("level")
        .order_by("urutan")
    )
    evaluasi = getattr(jabatan, "evaluasi", None)
    awal = {}
    if evaluasi is not None and evaluasi.jenis == jabatan.jenis_evaluasi:
        awal = {n.faktor_id: (n.level, n.uraian) for n in evaluasi.nilai.all()}
    form = EvaluasiForm(
        request.POST if request.method == "POST" else None, faktor=faktor, awal=awal
    )
    lazim = kelas_lazim(jabatan.jenis, jabatan.jenjang, rentang_kelas_lazim())
    if request.method == "POST" and form.is_valid():
        try:
            evaluasi = services.evaluasi_update(
                jabatan=jabatan, levels=form.levels(), uraian=form.uraian()
            )
        except ValidationError as e:
            form.add_error(None, e)
        else:
            messages.success(
                request,
                gettext("Evaluasi disimpan: total nilai %(total)s, kelas %(kelas)s.")
                % {"total": evaluasi.total_nilai, "kelas": evaluasi.kelas},
            )
            return redirect("anjab:jabatan_evaluasi", pk=jabatan.pk)
    # what the page needs to add up the points while the user chooses (static/js/evaluasi.js)
    data_hitung = {
        "nilai": {
            f"level_{f.pk}": {str(lv.level): lv.nilai for lv in f.level.all()} for f in faktor
        },
        "kelas": [[r.nilai_min, r.nilai_max, r.kelas] for r in tabel.kelas.order_by("kelas")],
        "lazim": list(lazim) if lazim else None,
        "jenis": jabatan.get_jenjang_display() or jabatan.get_jenis_display(),
    }
    return render(
        request,
        "anjab/jabatan_evaluasi.html",
        {
            "jabatan": jabatan,
            "form": form,
            "evaluasi": evaluasi,
            "tabel": tabel,
            "lazim": lazim,
            "tidak_lazim": kelas_tidak_lazim(evaluasi.kelas if evaluasi else None, lazim),
            "data_hitung": data_hitung,
            "data_hitung_json": json.dumps(data_hitung),
        },
    )


@akses_wajib
def dokumen(request, pk, jenis, format="html"):
    jabatan = selectors.get_jabatan_for_user(request.user, pk)
    render_html = documents.DOKUMEN.get(jenis)
    if render_html is None:
        raise Http404
    if format == "pdf":
        return pdf_response(render_html(jabatan), f"{jenis}-{jabatan.pk}.pdf")
    if format == "docx":
        return docx_response(render_html(jabatan), f"{jenis}-{jabatan.pk}.docx")
    return HttpResponse(render_html(jabatan, request=request))


@akses_wajib
@require_http_methods(["POST"])
def jabatan_hitung(request, pk):
    """htmx: section 6's computed table from the rows as typed, before they are saved."""
    jabatan = selectors.get_jabatan_for_user(request.user, pk)
    periode = selectors.periode_terbaru(jabatan.instansi_id)
    if periode is None:
        return render(
            request,
            "anjab/fragment_hitung.html",
            {"galat": gettext("Belum ada periode analisis beban kerja; buat periode dahulu.")},
        )
    (jenis_baris, formset), *_ = formsets_tugas_terikat(jabatan, request.POST, periode)
    if not formset.is_valid():
        return render(
            request,
            "anjab/fragment_hitung.html",
            {
                "galat": gettext(
                    "Perbaiki isian yang belum berupa angka untuk melihat hasil hitungnya."
                )
            },
        )
    isian = isian_baris(formset)
    rows = services.baris_dari_isian(model=isian.model, baris=isian.baris, periode=periode)
    # The rows typed are of the table the editor shows; the method is decided from them.
    beban = documents.hitung_beban(
        jenis=jabatan.jenis,
        tugas=rows if jenis_baris == "tugas" else [],
        butir=rows if jenis_baris == "butir" else [],
        periode=periode,
    )
    return render(
        request,
        "anjab/fragment_hitung.html",
        {"beban": beban, "periode": periode, "rincian_volume": True},
    )
