// Small behaviours every page shares: CSRF header for htmx, confirmation before destructive actions,
// no double submit of a form, and a filter box above long pick lists (select[data-filter]).
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
  // A select with data-filter="<placeholder>" gets a search box above it: typing hides the options (and groups)
  // whose text does not contain what was typed; chosen options stay chosen and visible.
  document.querySelectorAll('select[data-filter]').forEach(function (select) {
    const box = document.createElement('input');
    box.type = 'search';
    box.className = 'form-control form-control-sm mb-1';
    box.placeholder = select.getAttribute('data-filter');
    box.setAttribute('aria-label', select.getAttribute('data-filter'));
    box.setAttribute('data-filter-for', select.id || select.name);
    select.parentNode.insertBefore(box, select);
    box.addEventListener('keydown', function (e) {
      if (e.key === 'Enter') {
        e.preventDefault(); // filtering, not sending the form
      }
    });
    box.addEventListener('input', function () {
      const wanted = box.value.trim().toLowerCase();
      select.querySelectorAll('option').forEach(function (option) {
        option.hidden = wanted !== '' && option.value !== '' && !option.selected
          && option.textContent.toLowerCase().indexOf(wanted) < 0;
      });
      select.querySelectorAll('optgroup').forEach(function (group) {
        group.hidden = Array.prototype.every.call(group.querySelectorAll('option'), function (o) { return o.hidden; });
      });
    });
  });
})();
