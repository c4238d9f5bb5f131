// The running total and kelas while the analyst picks each factor's level (issue 14 item 6),
// with the warning when the kelas is unusual for the position's jenis or jenjang. The figures
// come from the page (the form's data-evaluasi); the server computes them again when the form is saved.
(function () {
  "use strict";
  const form = document.getElementById("form-evaluasi");
  const kotak = document.getElementById("hitung-berjalan");
  if (!form || !kotak || !form.dataset.evaluasi) return;
  const data = JSON.parse(form.dataset.evaluasi);
  const angka = new Intl.NumberFormat("id-ID");

  function kelasDari(total) {
    for (const [min, max, kelas] of data.kelas) {
      if (total >= min && (max === null || total <= max)) return kelas;
    }
    return null;
  }

  function hitung() {
    let total = 0;
    let kurang = 0;
    for (const [nama, nilai] of Object.entries(data.nilai)) {
      const pilih = form.querySelector(`input[name="${nama}"]:checked`);
      if (pilih) total += nilai[pilih.value] || 0;
      else kurang += 1;
    }
    const kelas = kelasDari(total);
    kotak.hidden = false;
    kotak.querySelector('[data-isi="total"]').textContent = angka.format(total);
    kotak.querySelector('[data-isi="kelas"]').textContent = kurang ? "–" : (kelas ?? "–");
    kotak.querySelector('[data-isi="belum"]').textContent = kurang
      ? `(${kurang} faktor belum dipilih)`
      : "";
    const peringatan = kotak.querySelector('[data-isi="peringatan"]');
    const lazim = data.lazim;
    const aneh = !kurang && kelas !== null && lazim && (kelas < lazim[0] || kelas > lazim[1]);
    peringatan.hidden = !aneh;
    peringatan.textContent = aneh
      ? `Kelas ${kelas} tidak lazim untuk jabatan ${data.jenis} (lazimnya kelas ${lazim[0]}–${lazim[1]}). Periksa kembali tingkat setiap faktor.`
      : "";
  }

  form.addEventListener("change", hitung);
  hitung();
})();
