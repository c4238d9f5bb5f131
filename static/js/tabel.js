// Lists that can be searched, sorted and paged in the page itself (issue 14 item 7): every
// <table data-tabel> gets a filter box above it, a sort button in each column header
// (aria-sort tells which), and pages of 50 rows with their own navigation. Without script the
// whole list simply shows. Numbers sort as numbers, Indonesian style ("1.250,00", "−3").
(function () {
  "use strict";
  const PER_HALAMAN = 50;
  const ANGKA = /^[−-]?\d{1,3}(\.\d{3})*(,\d+)?\s*%?$|^[−-]?\d+(,\d+)?\s*%?$/;

  function nilai(teks) {
    const t = teks.trim();
    if (ANGKA.test(t)) {
      return parseFloat(t.replace(/[.%\s]/g, "").replace(",", ".").replace("−", "-"));
    }
    return null;
  }

  function siapkan(tabel, nomor) {
    const tbody = tabel.tBodies[0];
    if (!tbody) return;
    const baris = Array.from(tbody.rows);
    if (baris.length < 2) return;
    const urutAsli = baris.slice();
    let tampil = baris.slice();
    let halaman = 0;

    const alat = document.createElement("div");
    alat.className = "alat-tabel";
    const id = `saring-${nomor}`;
    alat.innerHTML =
      `<label for="${id}">Saring baris</label> <input type="search" id="${id}" ` +
      `aria-controls="${tabel.id || ""}"> <span class="status-tabel" aria-live="polite"></span>`;
    const status = alat.querySelector(".status-tabel");
    const saring = alat.querySelector("input");
    const pager = document.createElement("nav");
    pager.className = "pager-tabel";
    pager.setAttribute("aria-label", "Halaman daftar");
    pager.innerHTML =
      '<button type="button" data-arah="-1">‹ Sebelumnya</button> <span></span> ' +
      '<button type="button" data-arah="1">Berikutnya ›</button>';
    const wadah = tabel.closest(".gulir") || tabel;
    wadah.before(alat);
    wadah.after(pager);

    function gambar() {
      const jumlahHalaman = Math.max(1, Math.ceil(tampil.length / PER_HALAMAN));
      halaman = Math.min(halaman, jumlahHalaman - 1);
      const awal = halaman * PER_HALAMAN;
      const akhir = Math.min(awal + PER_HALAMAN, tampil.length);
      const terlihat = new Set(tampil.slice(awal, akhir));
      for (const b of baris) b.hidden = !terlihat.has(b);
      for (const b of tampil) tbody.appendChild(b);
      for (const b of baris) if (!tampil.includes(b)) tbody.appendChild(b);
      status.textContent = tampil.length
        ? `${tampil.length === baris.length ? "" : `${tampil.length} dari ${baris.length} baris cocok; `}` +
          `baris ${awal + 1}–${akhir} dari ${tampil.length}`
        : "Tidak ada baris yang cocok.";
      pager.hidden = tampil.length <= PER_HALAMAN;
      pager.querySelector("span").textContent = `Halaman ${halaman + 1} dari ${jumlahHalaman}`;
      pager.querySelector('[data-arah="-1"]').disabled = halaman === 0;
      pager.querySelector('[data-arah="1"]').disabled = halaman >= jumlahHalaman - 1;
    }

    saring.addEventListener("input", function () {
      const kata = saring.value.trim().toLowerCase();
      tampil = urutAsli.filter((b) => !kata || b.textContent.toLowerCase().includes(kata));
      halaman = 0;
      gambar();
    });
    pager.addEventListener("click", function (event) {
      const tombol = event.target.closest("button[data-arah]");
      if (!tombol) return;
      halaman += Number(tombol.dataset.arah);
      gambar();
      tabel.scrollIntoView({ block: "start" });
    });

    const kepala = tabel.tHead && tabel.tHead.rows.length === 1 ? tabel.tHead.rows[0] : null;
    if (kepala) {
      Array.from(kepala.cells).forEach(function (th, kolom) {
        if (!th.textContent.trim()) return;
        const tombol = document.createElement("button");
        tombol.type = "button";
        tombol.className = "urut";
        while (th.firstChild) tombol.appendChild(th.firstChild);
        th.appendChild(tombol);
        tombol.addEventListener("click", function () {
          const naik = th.getAttribute("aria-sort") !== "ascending";
          for (const lain of kepala.cells) lain.removeAttribute("aria-sort");
          th.setAttribute("aria-sort", naik ? "ascending" : "descending");
          const kunci = (b) => (b.cells[kolom] ? b.cells[kolom].textContent : "");
          const banding = function (a, b) {
            const x = nilai(kunci(a));
            const y = nilai(kunci(b));
            const hasil =
              x !== null && y !== null
                ? x - y
                : kunci(a).trim().localeCompare(kunci(b).trim(), "id", { numeric: true });
            return naik ? hasil : -hasil;
          };
          tampil.sort(banding);
          urutAsli.sort(banding);
          halaman = 0;
          gambar();
        });
      });
    }
    gambar();
  }

  function mulai() {
    document.querySelectorAll("table[data-tabel]").forEach(siapkan);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", mulai);
  else mulai();
})();
