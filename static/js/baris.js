// Ordered inline rows (Django formsets with can_order/can_delete): add, remove and move rows
// in the browser; nothing is sent until "Simpan", so typed text is never lost. Each row keeps
// a hidden ORDER input that this script renumbers; the server stores that order.
(function () {
  "use strict";

  function rows(box) {
    return Array.from(box.querySelectorAll(":scope > tbody > tr.baris, :scope > .baris"));
  }

  function renumber(box, quiet) {
    let n = 0;
    rows(box).forEach(function (row) {
      const order = row.querySelector('input[name$="-ORDER"]');
      const del = row.querySelector('input[name$="-DELETE"]');
      const removed = del && del.checked;
      const nomor = row.querySelector(".nomor");
      if (removed) {
        if (nomor) nomor.textContent = "–";
        return;
      }
      n += 1;
      if (order) order.value = blankNew(row) ? "" : String(n);
      if (nomor) nomor.textContent = String(n);
    });
    // Tell listeners (the live workload table) that rows moved, came or went.
    if (!quiet) document.body.dispatchEvent(new CustomEvent("baris-berubah"));
  }

  // A row added but left empty is not sent as a row (its ORDER stays empty).
  function blankNew(row) {
    if (!row.dataset.baru) return false;
    return Array.from(row.querySelectorAll("input, textarea, select")).every(function (el) {
      if (el.type === "hidden" || el.type === "checkbox") return true;
      // A select still on the choice it came with (e.g. "per tahun") is not typed input.
      if (el.tagName === "SELECT") {
        return Array.from(el.options).every(function (o) { return o.selected === o.defaultSelected; });
      }
      return !el.value;
    });
  }

  function add(box) {
    const kosong = box.closest("fieldset") && box.closest("fieldset").querySelector(".kosong");
    if (kosong) kosong.hidden = true;
    const prefix = box.dataset.prefix;
    const total = document.getElementById("id_" + prefix + "-TOTAL_FORMS");
    const tpl = document.getElementById("templat-" + prefix);
    const index = parseInt(total.value, 10);
    const holder = document.createElement("tbody");
    holder.innerHTML = tpl.innerHTML.replace(/__prefix__/g, String(index)).trim();
    const row = holder.firstElementChild;
    row.dataset.baru = "1";
    (box.tBodies[0] || box).appendChild(row);
    total.value = String(index + 1);
    renumber(box);
    const first = row.querySelector("textarea, input:not([type=hidden]), select");
    if (first) first.focus();
  }

  function move(row, delta) {
    const box = row.closest(".tabel-baris");
    const list = rows(box);
    const i = list.indexOf(row);
    const j = i + delta;
    if (j < 0 || j >= list.length) return;
    if (delta < 0) list[j].before(row);
    else list[j].after(row);
    renumber(box);
    const btn = row.querySelector(delta < 0 ? ".naik" : ".turun");
    if (btn) btn.focus();
    announce(box, "Baris dipindahkan ke urutan " + (j + 1) + ".");
  }

  function toggleRemove(row) {
    const del = row.querySelector('input[name$="-DELETE"]');
    const box = row.closest(".tabel-baris");
    if (row.dataset.baru) {
      // A row that was never saved simply disappears once emptied.
      row.querySelectorAll("input:not([type=hidden]), textarea").forEach(function (el) { el.value = ""; });
      row.hidden = true;
      row.dataset.dihapus = "1";
      renumber(box);
      announce(box, "Baris baru dibatalkan.");
      return;
    }
    del.checked = !del.checked;
    row.classList.toggle("dihapus", del.checked);
    const btn = row.querySelector(".hapus");
    btn.textContent = del.checked ? "Batal hapus" : "Hapus";
    btn.setAttribute("aria-pressed", del.checked ? "true" : "false");
    renumber(box);
    announce(box, del.checked ? "Baris akan dihapus saat disimpan." : "Penghapusan dibatalkan.");
  }

  function announce(box, text) {
    const live = (box.closest("fieldset") || box.parentElement).querySelector(".pengumuman");
    if (live) live.textContent = text;
  }

  document.addEventListener("click", function (e) {
    const btn = e.target.closest("button");
    if (!btn) return;
    const row = btn.closest(".baris");
    if (btn.classList.contains("tambah-baris")) {
      e.preventDefault();
      add(document.getElementById(btn.getAttribute("aria-controls")));
    } else if (row && btn.classList.contains("naik")) {
      e.preventDefault();
      move(row, -1);
    } else if (row && btn.classList.contains("turun")) {
      e.preventDefault();
      move(row, 1);
    } else if (row && btn.classList.contains("hapus")) {
      e.preventDefault();
      toggleRemove(row);
    }
  });

  // A volume counted per day, week or month: the per-year figure beside the box, with the
  // period's factor carried on the select (data-faktor-hari …), as the server shows it.
  const NAMA_FAKTOR = { bulan: "bulan", minggu: "minggu kerja", hari: "hari kerja" };
  const ANGKA = new Intl.NumberFormat("id-ID", { maximumFractionDigits: 2 });

  function rincianVolume(row) {
    const satuan = row.querySelector('select[name$="-satuan_volume"]');
    const volume = row.querySelector('input[name$="-volume"]');
    const note = row.querySelector(".rincian-volume");
    if (!satuan || !volume || !note) return;
    const nilai = parseFloat(volume.value);
    const faktor = parseFloat(satuan.getAttribute("data-faktor-" + satuan.value));
    if (satuan.value === "tahun" || !isFinite(nilai) || !isFinite(faktor)) {
      note.textContent = "";
      return;
    }
    const label = satuan.options[satuan.selectedIndex].text;
    const perTahun = Math.round(nilai * faktor * 100) / 100;
    note.textContent = ANGKA.format(nilai) + " " + label + " × " + ANGKA.format(faktor) + " " +
      NAMA_FAKTOR[satuan.value] + " = " + ANGKA.format(perTahun) + " per tahun";
  }

  ["input", "change"].forEach(function (type) {
    document.addEventListener(type, function (e) {
      const row = e.target.closest && e.target.closest(".baris");
      if (row && /-(volume|satuan_volume)$/.test(e.target.name || "")) rincianVolume(row);
    });
  });

  document.addEventListener("submit", function (e) {
    e.target.querySelectorAll(".tabel-baris").forEach(function (box) { renumber(box, true); });
  }, true);

  function init(root) {
    root.querySelectorAll(".tabel-baris").forEach(function (box) { renumber(box, true); });
    // "Tambah baris" is sent disabled: a click before this script runs would do nothing.
    document.querySelectorAll("button.tambah-baris[disabled]").forEach(function (btn) {
      btn.disabled = false;
    });
  }
  document.addEventListener("DOMContentLoaded", function () { init(document); });
  document.addEventListener("htmx:afterSwap", function (e) { init(e.target); });
})();
