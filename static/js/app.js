// Behaviour shared by every page, attached from here rather than from inline handlers so
// that the Content-Security-Policy can forbid inline script.
(function () {
  "use strict";

  // The narrow-screen menu folds behind a button; without script it simply stays open.
  document.documentElement.classList.add("js");
  document.addEventListener("click", function (event) {
    const tombol = event.target.closest(".tombol-menu");
    if (!tombol) return;
    const menu = document.getElementById(tombol.getAttribute("aria-controls"));
    const buka = tombol.getAttribute("aria-expanded") !== "true";
    tombol.setAttribute("aria-expanded", buka ? "true" : "false");
    menu.classList.toggle("terbuka", buka);
    document.querySelector(".topbar .who")?.classList.toggle("terbuka", buka);
    document.querySelector(".topbar .cari-atas")?.classList.toggle("terbuka", buka);
  });

  // <button data-konfirmasi="Hapus data ini?">: asks before the button submits its form.
  // Listening on the document also covers buttons that htmx swaps in later.
  document.addEventListener("click", function (event) {
    const tombol = event.target.closest("[data-konfirmasi]");
    if (tombol && !window.confirm(tombol.dataset.konfirmasi)) {
      event.preventDefault();
    }
  });

  // A region that scrolls sideways (a wide table in its card, a chart) can be scrolled from
  // the keyboard: it takes the focus when it holds nothing focusable itself (WCAG 2.1.1).
  function gulirDapatDifokus() {
    const pilih = ".gulir, .card, .panel, .grafik-kartu, .pratinjau, .peta-layar, .bagan-layar";
    document.querySelectorAll(pilih).forEach(function (el) {
      const bergulir = el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1;
      const gaya = getComputedStyle(el);
      const dapat = /(auto|scroll)/.test(gaya.overflowX + gaya.overflowY);
      if (bergulir && dapat && !el.hasAttribute("tabindex")) {
        el.setAttribute("tabindex", "0");
      }
    });
  }
  gulirDapatDifokus();
  window.addEventListener("resize", gulirDapatDifokus);
  document.addEventListener("htmx:afterSettle", gulirDapatDifokus);

  // "/" anywhere outside a field goes to the search box of the top bar.
  document.addEventListener("keydown", function (event) {
    if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey) return;
    const di = document.activeElement;
    if (di && (di.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(di.tagName))) return;
    const kotak = document.getElementById("cari-atas");
    if (kotak) {
      event.preventDefault();
      kotak.focus();
      kotak.select();
    }
  });

  // The unit tree marks the unit whose detail is shown (its URL carries ?unit=).
  document.addEventListener("htmx:afterSettle", function (event) {
    const pohon = document.getElementById("pohon-unit");
    const tautan = event.detail && event.detail.requestConfig && event.detail.requestConfig.elt;
    if (!pohon || !tautan || !tautan.dataset || !tautan.dataset.unit) return;
    pohon.querySelectorAll("a[aria-current]").forEach(function (a) {
      a.removeAttribute("aria-current");
    });
    tautan.setAttribute("aria-current", "true");
  });

  // Unsaved changes are never lost silently (issue 14 item 3). A POST form the user has typed
  // in (or whose rows were added, moved or marked for deletion) is "changed" until submitted;
  // leaving the page then — a link, a section tab, a reload — asks first. A form marked
  // data-jaga="lanjut" can be saved and the link followed in one step (the view reads
  // `lanjut`); data-jaga="tidak" opts a form out; htmx forms save themselves.
  const berubah = new Set();
  let pergi = false;

  function dijaga(form) {
    return (
      form &&
      form.method && form.method.toLowerCase() === "post" &&
      form.dataset.jaga !== "tidak" &&
      !form.hasAttribute("hx-post")
    );
  }

  function tandai(event) {
    const el = event.target;
    if (!el || el.closest("[hx-post], [hx-get], [hx-trigger]")) return;
    const form = el.form || (el.closest && el.closest("form"));
    if (dijaga(form)) berubah.add(form);
  }
  document.addEventListener("input", tandai, true);
  document.addEventListener("change", tandai, true);
  document.addEventListener("click", function (event) {
    const tombol = event.target.closest(".tabel-baris button, button.tambah-baris");
    if (tombol) tandai({ target: tombol });
  });
  document.addEventListener("submit", function (event) {
    berubah.delete(event.target);
    pergi = true;
  });
  window.addEventListener("beforeunload", function (event) {
    if (berubah.size && !pergi) {
      event.preventDefault();
      event.returnValue = "";
    }
  });

  const dialog = document.getElementById("dialog-perubahan");
  let tujuan = null;

  function formBerubah() {
    return berubah.values().next().value;
  }

  document.addEventListener("click", function (event) {
    const tautan = event.target.closest("a[href]");
    if (!tautan || !berubah.size || !dialog || event.defaultPrevented) return;
    if (tautan.target === "_blank" || tautan.hasAttribute("download")) return;
    if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
    const href = tautan.getAttribute("href");
    if (!href || href.startsWith("#")) return;
    event.preventDefault();
    tujuan = tautan.href;
    const form = formBerubah();
    dialog.querySelector('[data-aksi="simpan-lanjut"]').hidden = form.dataset.jaga !== "lanjut";
    dialog.querySelector('[data-aksi="simpan"]').hidden = form.dataset.jaga === "lanjut";
    dialog.showModal();
  });

  if (dialog) {
    dialog.addEventListener("click", function (event) {
      const aksi = event.target.closest("[data-aksi]");
      if (!aksi) return;
      const form = formBerubah();
      switch (aksi.dataset.aksi) {
        case "simpan-lanjut": {
          const url = new URL(tujuan, window.location.href);
          let isian = form.querySelector('input[name="lanjut"]');
          if (!isian) {
            isian = document.createElement("input");
            isian.type = "hidden";
            isian.name = "lanjut";
            form.appendChild(isian);
          }
          isian.value = url.pathname + url.search + url.hash;
          dialog.close();
          form.requestSubmit();
          break;
        }
        case "simpan":
          dialog.close();
          form.requestSubmit();
          break;
        case "buang":
          berubah.clear();
          pergi = true;
          window.location.href = tujuan;
          break;
        default:
          dialog.close();
      }
    });
  }
})();
