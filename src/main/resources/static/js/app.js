// Dossier's conveniences besides htmx; upload forms have their own script, uploader.js. Pages work without either.
(function () {
  'use strict';

  // Marks pages where script runs (the uploader's fallback form hides under it).
  document.documentElement.classList.add('js');

  function cookie(name) {
    const match = document.cookie.match(new RegExp('(?:^|; )' + name + '=([^;]*)'));
    return match ? decodeURIComponent(match[1]) : null;
  }

  // htmx requests carry the CSRF token the way Spring Security expects from scripts.
  document.addEventListener('htmx:configRequest', function (event) {
    const token = cookie('XSRF-TOKEN');
    if (token) {
      event.detail.headers['X-XSRF-TOKEN'] = token;
    }
  });

  document.addEventListener('click', function (event) {
    const copy = event.target.closest('[data-copy]');
    if (copy) {
      const source = document.getElementById(copy.getAttribute('data-copy'));
      if (source && navigator.clipboard) {
        navigator.clipboard.writeText(source.value || source.textContent.trim()).then(function () {
          const label = copy.textContent;
          copy.textContent = 'Copied';
          setTimeout(function () { copy.textContent = label; }, 1600);
        });
      }
      return;
    }
    const confirmable = event.target.closest('[data-confirm]');
    if (confirmable && !window.confirm(confirmable.getAttribute('data-confirm'))) {
      event.preventDefault();
      event.stopPropagation();
    }
  }, true);

  // Close the account menu when clicking elsewhere.
  document.addEventListener('click', function (event) {
    document.querySelectorAll('details.menu[open]').forEach(function (menu) {
      if (!menu.contains(event.target)) {
        menu.removeAttribute('open');
      }
    });
  });

  // Selects and checkboxes marked data-autosubmit submit their form on change (no inline script under the CSP).
  document.addEventListener('change', function (event) {
    if (event.target.matches('[data-autosubmit]') && event.target.form) {
      event.target.form.requestSubmit();
    }
  });
})();
