// Behaviour shared by every page, attached from here rather than from inline handlers so
// that the Content-Security-Policy can forbid inline script.
(function () {
  "use strict";

  // <button data-konfirmasi="Hapus data ini?">: asks before the button submits its form.
  // Listening on the document also covers buttons that htmx swaps in later.
  document.addEventListener("click", function (event) {
    const tombol = event.target.closest("[data-konfirmasi]");
    if (tombol && !window.confirm(tombol.dataset.konfirmasi)) {
      event.preventDefault();
    }
  });
})();
