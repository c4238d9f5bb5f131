from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from organisasi import perluasan, selectors, services, tingkat
from organisasi.akses import wajib_admin_instansi, wajib_menulis
from organisasi.decorators import akses_wajib
from organisasi.forms import (
    FilterPegawaiForm,
    InstansiForm,
    PegawaiForm,
    PindahUnitForm,
    UnitForm,
    pilihan_unit_bertingkat,
)
from organisasi.http import errors_to_form, int_or_404
from organisasi.models import Pegawai, UnitOrganisasi


def _tree_choices(request, *, exclude: UnitOrganisasi | None = None):
    """Visible units in tree order with depth, for <select>s; optionally without a subtree."""
    nodes = selectors.unit_tree(request.user)
    if exclude is not None:
        nodes = [n for n in nodes if exclude.pk not in n.tree_path]
    return nodes


@akses_wajib
def beranda(request):
    akses = request.akses
    instansi = selectors.instansi_for_user(request.user)
    ringkasan = selectors.pegawai_for_user(request.user).aggregate(
        total=Count("pk"),
        pns=Count("pk", filter=Q(status=Pegawai.Status.PNS)),
        cpns=Count("pk", filter=Q(status=Pegawai.Status.CPNS)),
        pppk=Count("pk", filter=Q(status=Pegawai.Status.PPPK)),
    )
    return render(
        request,
        "organisasi/beranda.html",
        {
            "instansi_list": instansi,
            "jumlah_unit": selectors.units_for_user(request.user).count(),
            "ringkasan": ringkasan,
            "akses": akses,
            "panel": perluasan.panel_beranda(request),
        },
    )


@akses_wajib
@require_GET
def cari(request):
    """The global search (the top bar's box): positions, units, employees by name or NIP,
    tasks by their text, each group the user's scope only, each hit a link."""
    q = " ".join(request.GET.get("q", "").split())[:100]
    kelompok = perluasan.cari(request.user, q) if len(q) >= 2 else []
    return render(
        request,
        "organisasi/cari.html",
        {"q": q, "kelompok": kelompok, "ada": any(k.jumlah for k in kelompok)},
    )


@akses_wajib
def unit_tree(request):
    """The tree; ?unit= keeps the chosen unit in the URL (a link, the back button, a reload
    all show it again), highlighted in the tree with its detail beside it."""
    nodes = selectors.unit_tree(request.user, jumlah_pegawai=True)
    dipilih = None
    if request.GET.get("unit"):
        dipilih = selectors.get_unit_for_user(request.user, int_or_404(request.GET["unit"]))
    return render(
        request,
        "organisasi/unit_tree.html",
        {
            "roots": _nest(nodes),
            "jumlah": len(nodes),
            "akses": request.akses,
            "dipilih": dipilih,
            **(_konteks_unit(request, dipilih) if dipilih else {}),
        },
    )


def _nest(nodes):
    """Turns the flat tree (display order, with tree_depth) into roots with `.anak` lists."""
    roots, stack = [], []
    for node in nodes:
        node.anak = []
        del stack[node.tree_depth :]
        (stack[-1].anak if stack else roots).append(node)
        stack.append(node)
    # Several instansi (a platform superuser): keep each instansi's units together.
    roots.sort(key=lambda n: n.instansi.nama)
    return roots


@akses_wajib
def unit_detail(request, pk):
    unit = selectors.get_unit_for_user(request.user, pk)
    context = _konteks_unit(request, unit)
    template = (
        "organisasi/fragment_unit_detail.html"
        if request.htmx and not request.htmx.history_restore_request
        else "organisasi/unit_detail.html"
    )
    return render(request, template, context)


def _konteks_unit(request, unit) -> dict:
    return {
        "unit": unit,
        "fungsi": list(unit.fungsi.all()),
        "uraian_tugas": list(unit.uraian_tugas.all()),
        "sub_unit": list(unit.children.order_by("urutan", "nama")),
        **selectors.jumlah_pegawai_unit(request.user, unit),
        "jalur": selectors.jalur_unit(request.user, unit),
        "boleh_menulis": request.akses.boleh_menulis,
        "boleh_pindah": selectors.boleh_memindah_atau_menghapus(request.akses, unit),
    }


@akses_wajib
@require_http_methods(["GET", "POST"])
def unit_create(request):
    wajib_menulis(request.akses)
    parent = None
    induk = request.GET.get("induk") or request.POST.get("induk")
    if induk:
        parent = selectors.get_unit_for_user(request.user, int_or_404(induk))
        instansi = parent.instansi
    elif request.akses.unit_id is not None:
        raise PermissionDenied("Operator hanya dapat menambah unit di bawah unitnya.")
    elif request.akses.semua_instansi:
        instansi = selectors.get_instansi_for_user(
            request.user, int_or_404(request.GET.get("instansi") or request.POST.get("instansi"))
        )
    else:
        instansi = selectors.get_instansi_for_user(request.user, request.akses.instansi_id)

    form = UnitForm(
        request.POST if request.method == "POST" else None,
        instance=UnitOrganisasi(instansi=instansi, parent=parent),
    )
    if request.method == "POST" and form.is_valid():
        try:
            unit = services.unit_create(instansi=instansi, parent=parent, **form.data_unit())
        except ValidationError as e:
            errors_to_form(form, e)
        else:
            messages.success(request, f"Unit “{unit.nama}” ditambahkan.")
            return redirect("organisasi:unit_detail", pk=unit.pk)
    return render(
        request,
        "organisasi/unit_form.html",
        {"form": form, "parent": parent, "instansi": instansi, "judul": "Tambah unit"},
    )


@akses_wajib
@require_http_methods(["GET", "POST"])
def unit_update(request, pk):
    unit = selectors.get_unit_for_user(request.user, pk)
    wajib_menulis(request.akses)
    form = UnitForm(request.POST if request.method == "POST" else None, instance=unit)
    if request.method == "POST" and form.is_valid():
        data = form.data_unit()
        try:
            services.unit_update(unit=unit, **data)
        except ValidationError as e:
            errors_to_form(form, e)
        else:
            messages.success(request, f"Unit “{unit.nama}” disimpan.")
            return redirect("organisasi:unit_detail", pk=unit.pk)
    return render(
        request,
        "organisasi/unit_form.html",
        {"form": form, "unit": unit, "parent": unit.parent, "judul": f"Ubah {unit.nama}"},
    )


@akses_wajib
@require_http_methods(["GET", "POST"])
def unit_move(request, pk):
    unit = selectors.get_unit_for_user(request.user, pk)
    if not selectors.boleh_memindah_atau_menghapus(request.akses, unit):
        raise PermissionDenied("Anda tidak dapat memindahkan unit ini.")
    # only the units this kind may stand under (organisasi.tingkat), outside its own subtree
    nodes = [
        n
        for n in _tree_choices(request, exclude=unit)
        if n.instansi_id == unit.instansi_id and tingkat.boleh_di_bawah(unit.jenis, n)
    ]
    boleh_akar = request.akses.unit_id is None and tingkat.boleh_di_bawah(unit.jenis, None)
    form = PindahUnitForm(
        request.POST if request.method == "POST" else None,
        pilihan=UnitOrganisasi.objects.none(),
        boleh_akar=boleh_akar,
        initial={"parent": unit.parent_id},
    )
    pilihan_unit_bertingkat(form.fields["parent"], nodes, selectors.units_for_user(request.user))
    if request.method == "POST" and form.is_valid():
        try:
            services.unit_move(unit=unit, parent=form.cleaned_data["parent"])
        except ValidationError as e:
            errors_to_form(form, e)
        else:
            messages.success(request, f"Unit “{unit.nama}” dipindahkan beserta sub-unitnya.")
            return redirect("organisasi:unit_detail", pk=unit.pk)
    return render(
        request,
        "organisasi/unit_move.html",
        {"form": form, "unit": unit, "aturan_tingkat": tingkat.pesan(unit.jenis)},
    )


@akses_wajib
@require_http_methods(["GET", "POST"])
def unit_delete(request, pk):
    unit = selectors.get_unit_for_user(request.user, pk)
    if not selectors.boleh_memindah_atau_menghapus(request.akses, unit):
        raise PermissionDenied("Anda tidak dapat menghapus unit ini.")
    error = None
    if request.method == "POST":
        parent_id = unit.parent_id
        try:
            services.unit_delete(unit=unit)
        except ValidationError as e:
            error = " ".join(e.messages)
        else:
            messages.success(request, f"Unit “{unit.nama}” dihapus.")
            if parent_id:
                return redirect("organisasi:unit_detail", pk=parent_id)
            return redirect("organisasi:unit_tree")
    return render(
        request,
        "organisasi/unit_delete.html",
        {"unit": unit, "error": error, "penghalang": selectors.penghalang_hapus_unit(unit)},
        status=400 if error else 200,
    )


@akses_wajib
def pegawai_list(request):
    nodes = _tree_choices(request)
    form = FilterPegawaiForm(request.GET or None, units=UnitOrganisasi.objects.none())
    pilihan_unit_bertingkat(form.fields["unit"], nodes, selectors.units_for_user(request.user))
    filters = {}
    if form.is_valid():
        filters = {
            "q": form.cleaned_data["q"],
            "unit": form.cleaned_data["unit"],
            "status": form.cleaned_data["status"],
            "golongan_id": form.cleaned_data["golongan"].pk
            if form.cleaned_data["golongan"]
            else "",
        }
    qs = selectors.cari_pegawai(request.user, **filters)
    page = Paginator(qs, 25).get_page(request.GET.get("halaman"))
    query = request.GET.copy()
    query.pop("halaman", None)
    context = {
        "form": form,
        "page": page,
        "query": query.urlencode(),
        "boleh_menulis": request.akses.boleh_menulis,
    }
    if request.htmx and request.htmx.target == "tabel-pegawai":
        return render(request, "organisasi/fragment_pegawai_table.html", context)
    return render(request, "organisasi/pegawai_list.html", context)


@akses_wajib
def pegawai_detail(request, pk):
    pegawai = selectors.get_pegawai_for_user(request.user, pk)
    return render(
        request,
        "organisasi/pegawai_detail.html",
        {"pegawai": pegawai, "boleh_menulis": request.akses.boleh_menulis},
    )


def _pegawai_form(request, pegawai):
    nodes = _tree_choices(request)
    if pegawai.instansi_id:
        nodes = [n for n in nodes if n.instansi_id == pegawai.instansi_id]
    form = PegawaiForm(
        request.POST if request.method == "POST" else None,
        instance=pegawai,
        units=UnitOrganisasi.objects.none(),
    )
    # The position held is anjab's field (organisasi does not know positions).
    perluasan.tambah_isian_pegawai(form, user=request.user, pegawai=pegawai)
    pilihan_unit_bertingkat(form.fields["unit"], nodes, selectors.units_for_user(request.user))
    return form


def _isian_pegawai(form) -> dict:
    return {n: form.cleaned_data[n] for n in form._meta.fields}


@akses_wajib
@require_http_methods(["GET", "POST"])
def pegawai_create(request):
    wajib_menulis(request.akses)
    pegawai = Pegawai(instansi_id=request.akses.instansi_id)
    form = _pegawai_form(request, pegawai)
    if request.method == "POST" and form.is_valid():
        # A platform superuser has no instansi of its own: the chosen unit's is meant.
        instansi = pegawai.instansi if pegawai.instansi_id else form.cleaned_data["unit"].instansi
        try:
            pegawai = services.pegawai_create(
                instansi=instansi, tambahan=form.cleaned_data, **_isian_pegawai(form)
            )
        except ValidationError as e:
            errors_to_form(form, e)
        else:
            messages.success(request, f"Pegawai {pegawai.nama_lengkap} ditambahkan.")
            return redirect("organisasi:pegawai_detail", pk=pegawai.pk)
    return render(
        request, "organisasi/pegawai_form.html", {"form": form, "judul": "Tambah pegawai"}
    )


@akses_wajib
@require_http_methods(["GET", "POST"])
def pegawai_update(request, pk):
    pegawai = selectors.get_pegawai_for_user(request.user, pk)
    wajib_menulis(request.akses)
    form = _pegawai_form(request, pegawai)
    if request.method == "POST" and form.is_valid():
        try:
            services.pegawai_update(
                pegawai=pegawai, tambahan=form.cleaned_data, **_isian_pegawai(form)
            )
        except ValidationError as e:
            errors_to_form(form, e)
        else:
            messages.success(request, f"Data {pegawai.nama_lengkap} disimpan.")
            return redirect("organisasi:pegawai_detail", pk=pegawai.pk)
    return render(
        request,
        "organisasi/pegawai_form.html",
        {"form": form, "pegawai": pegawai, "judul": f"Ubah {pegawai.nama_lengkap}"},
    )


@akses_wajib
@require_http_methods(["GET", "POST"])
def pegawai_delete(request, pk):
    pegawai = selectors.get_pegawai_for_user(request.user, pk)
    wajib_menulis(request.akses)
    if request.method == "POST":
        services.pegawai_delete(pegawai=pegawai)
        messages.success(request, f"Pegawai {pegawai.nama_lengkap} dihapus.")
        return redirect("organisasi:pegawai_list")
    return render(request, "organisasi/pegawai_delete.html", {"pegawai": pegawai})


@akses_wajib
@require_http_methods(["GET", "POST"])
def instansi_update(request, pk):
    instansi = selectors.get_instansi_for_user(request.user, pk)
    wajib_admin_instansi(request.akses)
    form = InstansiForm(
        request.POST if request.method == "POST" else None,
        request.FILES if request.method == "POST" else None,
        instance=instansi,
    )
    if request.method == "POST" and form.is_valid():
        services.instansi_update(
            instansi=instansi, nilai={n: form.cleaned_data[n] for n in form._meta.fields}
        )
        messages.success(request, "Data instansi disimpan.")
        return redirect(reverse("organisasi:beranda"))
    return render(request, "organisasi/instansi_form.html", {"form": form, "instansi": instansi})
