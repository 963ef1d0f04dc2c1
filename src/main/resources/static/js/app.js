// Dossier's only script besides htmx. Pages work without it; it adds conveniences.
(function () {
  'use strict';

  // With script, the drop zone replaces the plain file field (kept for pages without script).
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

  // The Files tab uploader: each file is its own request with its own progress bar, so one
  // failure (too large, storage down) never loses the others.
  function formatSize(bytes) {
    const units = ['bytes', 'KB', 'MB', 'GB', 'TB'];
    let value = bytes;
    let unit = 0;
    while (value >= 1024 && unit < units.length - 1) {
      value /= 1024;
      unit++;
    }
    return (unit === 0 ? value : value.toFixed(value >= 100 ? 0 : 1)) + ' ' + units[unit];
  }

  function problemText(xhr) {
    try {
      const problem = JSON.parse(xhr.responseText);
      if (problem.detail) {
        return problem.detail;
      }
    } catch (ignored) {
      // not JSON: fall through
    }
    return xhr.status === 0 ? 'The connection was lost. Try again.' : 'Upload failed (' + xhr.status + ').';
  }

  function uploadOne(form, file, item) {
    return new Promise(function (resolve) {
      const data = new FormData();
      // Every option in the form goes along; a checkbox says true or false outright.
      Array.from(form.elements).forEach(function (field) {
        if (!field.name || field.type === 'file' || field.name === '_csrf' || field.disabled) {
          return;
        }
        if (field.type === 'checkbox') {
          data.append(field.name, field.checked ? 'true' : 'false');
        } else if (field.value) {
          data.append(field.name, field.value);
        }
      });
      data.append('file', file, file.name);
      const xhr = new XMLHttpRequest();
      const progress = item.querySelector('progress');
      const state = item.querySelector('.state');
      const folder = form.querySelector('[data-upload-folder]');
      xhr.open('POST', form.dataset.url + (folder ? '?folder=' + encodeURIComponent(folder.value) : ''));
      xhr.setRequestHeader('Accept', 'application/json');
      const token = cookie('XSRF-TOKEN');
      if (token) {
        xhr.setRequestHeader('X-XSRF-TOKEN', token);
      }
      xhr.upload.addEventListener('progress', function (event) {
        if (event.lengthComputable) {
          progress.value = event.loaded / event.total;
          state.textContent = Math.floor(100 * event.loaded / event.total) + '%';
        }
      });
      xhr.addEventListener('loadend', function () {
        const ok = xhr.status === 201;
        progress.value = ok ? 1 : progress.value;
        item.classList.add(ok ? 'done' : 'failed');
        state.textContent = ok ? 'Uploaded' : problemText(xhr);
        resolve(ok ? file.name : null);
      });
      xhr.send(data);
    });
  }

  function upload(form, files) {
    const list = form.querySelector('[data-upload-list]');
    const maxFiles = parseInt(form.dataset.maxFiles, 10);
    const maxSize = parseInt(form.dataset.maxSize, 10);
    list.replaceChildren();
    if (files.length > maxFiles) {
      const item = document.createElement('li');
      item.className = 'failed';
      item.innerHTML = '<span class="state"></span>';
      item.querySelector('.state').textContent = 'Choose at most ' + maxFiles + ' files at a time.';
      list.appendChild(item);
      return;
    }
    const jobs = Array.from(files).map(function (file) {
      const item = document.createElement('li');
      item.innerHTML = '<span class="name"></span><span class="state"></span><progress max="1" value="0"></progress>';
      item.querySelector('.name').textContent = file.name + ' (' + formatSize(file.size) + ')';
      list.appendChild(item);
      return { file: file, item: item };
    });
    let chain = Promise.resolve();
    const received = [];
    jobs.forEach(function (job) {
      if (job.file.size > maxSize) {
        job.item.classList.add('failed');
        job.item.querySelector('.state').textContent = 'Larger than the limit of ' + form.dataset.maxSizeLabel + '.';
        return;
      }
      chain = chain.then(function () {
        return uploadOne(form, job.file, job.item).then(function (name) {
          if (name) {
            received.push(name);
          }
        });
      });
    });
    chain.then(function () {
      const count = document.getElementById('document-count');
      if (count) {
        count.textContent = String(parseInt(count.textContent, 10) + received.length);
      }
      // A secure link's uploader ends on the confirmation page, unless a file failed:
      // then its error stays in view, next to what did arrive.
      const failed = list.querySelectorAll('li.failed').length;
      if (form.dataset.doneUrl && received.length && !failed) {
        window.location.assign(form.dataset.doneUrl);
        return;
      }
      const done = form.querySelector('[data-upload-done]');
      if (done && received.length) {
        done.textContent = 'We received ' + received.length + (received.length === 1 ? ' file: ' : ' files: ') +
          received.join(', ') + '.';
        done.hidden = false;
      }
      if (window.htmx) {
        window.htmx.ajax('GET', window.location.href, { target: '#documents', select: '#documents', swap: 'outerHTML' });
      }
    });
  }

  document.addEventListener('change', function (event) {
    if (event.target.matches('[data-upload-input]')) {
      const form = event.target.closest('[data-upload]');
      upload(form, event.target.files);
      event.target.value = '';
    }
  });

  document.addEventListener('submit', function (event) {
    if (event.target.matches('[data-upload]')) {
      event.preventDefault();
    }
  });

  ['dragenter', 'dragover'].forEach(function (type) {
    document.addEventListener(type, function (event) {
      const target = event.target.closest && event.target.closest('[data-drop-target]');
      if (target) {
        event.preventDefault();
        target.classList.add('dragging');
      }
    });
  });
  ['dragleave', 'drop'].forEach(function (type) {
    document.addEventListener(type, function (event) {
      const target = event.target.closest && event.target.closest('[data-drop-target]');
      if (target) {
        event.preventDefault();
        target.classList.remove('dragging');
        if (type === 'drop' && event.dataTransfer && event.dataTransfer.files.length) {
          upload(target.closest('[data-upload]'), event.dataTransfer.files);
        }
      }
    });
  });
})();
