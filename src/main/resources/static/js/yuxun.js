// Small behaviours every page shares: CSRF header for htmx, confirmation before destructive actions,
// and no double submit of a form.
(function () {
  const csrfToken = document.querySelector('meta[name="_csrf"]');
  const csrfHeader = document.querySelector('meta[name="_csrf_header"]');
  document.addEventListener('htmx:configRequest', function (e) {
    if (csrfToken && csrfHeader) {
      e.detail.headers[csrfHeader.content] = csrfToken.content;
    }
  });
  document.addEventListener('submit', function (e) {
    const form = e.target;
    const question = form.getAttribute('data-confirm');
    if (question && !window.confirm(question)) {
      e.preventDefault();
      return;
    }
    if (form.dataset.submitted === 'true') {
      e.preventDefault();
      return;
    }
    form.dataset.submitted = 'true';
    setTimeout(function () {
      form.querySelectorAll('button[type="submit"]').forEach(function (b) { b.disabled = true; });
    }, 0);
  }, true);
  window.addEventListener('pageshow', function () {
    document.querySelectorAll('form[data-submitted]').forEach(function (f) {
      delete f.dataset.submitted;
      f.querySelectorAll('button[type="submit"]').forEach(function (b) { b.disabled = false; });
    });
  });
})();
