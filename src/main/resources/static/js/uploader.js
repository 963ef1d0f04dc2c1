// The uploader of every form[data-upload] that names a tus endpoint (data-tus-url): Uppy's
// Dashboard, served from /vendor, sends each file over tus, so a dropped connection resumes
// where it stopped instead of starting again. The form's own markup ([data-upload-fallback])
// stays as the plain form for browsers without script, and comes back if Uppy cannot load.
(function () {
  'use strict';

  const VENDOR = '/vendor/uppy/6.0.1/';
  // tus retries a request that failed for want of a connection (or a 5xx) after these pauses;
  // past the last one the file shows its error and a Retry button.
  const RETRY_DELAYS = [0, 1000, 3000, 5000];
  const LOST = 'The connection was lost. Press Retry to go on from where it stopped.';

  const mounted = new Map();
  let library = null;

  function cookie(name) {
    const match = document.cookie.match(new RegExp('(?:^|; )' + name + '=([^;]*)'));
    return match ? decodeURIComponent(match[1]) : null;
  }

  // Uppy (about 600 KB) is fetched only by pages that have an uploader.
  function loadLibrary() {
    if (window.Uppy && window.Uppy.Uppy) {
      return Promise.resolve(window.Uppy);
    }
    if (!library) {
      library = new Promise(function (resolve, reject) {
        const style = document.createElement('link');
        style.rel = 'stylesheet';
        style.href = VENDOR + 'uppy.min.css';
        // Ahead of the app's stylesheet, whose rules then win at equal specificity.
        document.head.insertBefore(style, document.head.querySelector('link[rel="stylesheet"]'));
        const script = document.createElement('script');
        script.src = VENDOR + 'uppy.min.js';
        script.addEventListener('load', function () {
          if (window.Uppy && window.Uppy.Uppy) {
            resolve(window.Uppy);
          } else {
            reject(new Error('Uppy did not load'));
          }
        });
        script.addEventListener('error', function () {
          library = null;
          reject(new Error('Uppy did not load'));
        });
        document.head.appendChild(script);
      });
    }
    return library;
  }

  function positive(value) {
    const number = parseInt(value, 10);
    return number > 0 ? number : null;
  }

  function formatSize(bytes) {
    const units = ['bytes', 'KB', 'MB', 'GB', 'TB'];
    let value = bytes;
    let unit = 0;
    while (value >= 1024 && unit < units.length - 1) {
      value /= 1024;
      unit++;
    }
    return (unit === 0 ? value : value.toFixed(value >= 100 ? 0 : 1).replace(/\.0$/, '')) + ' ' + units[unit];
  }

  // The problem+json detail the server gave, or a sentence saying what happened.
  function describe(error) {
    const cause = error && error.cause;
    const response = (error && error.originalResponse) || (cause && cause.originalResponse) || null;
    const status = response ? response.getStatus() : 0;
    if (!status) {
      return LOST;
    }
    try {
      const problem = JSON.parse(response.getBody());
      if (problem && problem.detail) {
        return String(problem.detail);
      }
    } catch (ignored) {
      // not JSON: fall through
    }
    if (status === 413) {
      return 'This file is too large.';
    }
    return 'The upload failed (' + status + '). Press Retry to try again.';
  }

  // What the form tells the server about each file: every option in it (a checkbox says true
  // or false outright), the client and the folder.
  function metadata(form, mount) {
    const meta = {};
    Array.from(form.elements).forEach(function (field) {
      if (!field.name || mount.contains(field) || field.disabled || field.name === '_csrf' ||
          field.type === 'file' || field.type === 'submit' || field.type === 'button') {
        return;
      }
      if (field.type === 'checkbox') {
        meta[field.name] = field.checked ? 'true' : 'false';
      } else if (field.value) {
        meta[field.name] = field.value;
      }
    });
    if (form.dataset.clientId) {
      meta.clientId = form.dataset.clientId;
    }
    if (form.dataset.folderId && !meta.folderId) {
      meta.folderId = form.dataset.folderId;
    }
    return meta;
  }

  function note(form, restrictions) {
    const parts = [];
    if (restrictions.maxNumberOfFiles) {
      parts.push('Up to ' + restrictions.maxNumberOfFiles + (restrictions.maxNumberOfFiles === 1 ? ' file' : ' files'));
    }
    if (restrictions.maxFileSize) {
      parts.push((parts.length ? '' : 'Files up to ') + (form.dataset.maxSizeLabel || formatSize(restrictions.maxFileSize)) +
        (parts.length ? ' each' : ''));
    }
    let text = parts.join(', ');
    if (form.dataset.acceptLabel) {
      text += (text ? ': ' : '') + form.dataset.acceptLabel;
    }
    return text ? text + '.' : null;
  }

  // Errors stay listed under the Dashboard until the file is retried or removed; its own
  // messages fade after a few seconds.
  function messages(form) {
    let list = form.querySelector('[data-upload-list]');
    if (!list) {
      list = document.createElement('ul');
      list.className = 'upload-list';
      list.setAttribute('data-upload-list', '');
      list.setAttribute('aria-live', 'polite');
      form.appendChild(list);
    }
    function show(key, kind, name, text) {
      let item = list.querySelector('li[data-key="' + CSS.escape(key) + '"]');
      if (!item) {
        item = document.createElement('li');
        item.setAttribute('data-key', key);
        item.innerHTML = '<span class="name"></span><span class="state"></span>';
        list.appendChild(item);
      }
      item.className = 'failed';
      item.setAttribute('data-kind', kind);
      item.querySelector('.name').textContent = name || '';
      item.querySelector('.state').textContent = text;
    }
    function forget(selector) {
      list.querySelectorAll(selector).forEach(function (item) { item.remove(); });
    }
    return {
      error: function (file, text) { show('file-' + file.id, 'error', file.name, text); },
      refusal: function (key, name, text) { show('refused-' + key, 'refusal', name, text); },
      forgetFile: function (file) { forget('li[data-key="' + CSS.escape('file-' + file.id) + '"]'); },
      forgetRefusals: function () { forget('li[data-kind="refusal"]'); },
      clear: function () { list.replaceChildren(); }
    };
  }

  function mount(form, Uppy) {
    form.querySelectorAll('[data-uploader-mount]').forEach(function (stale) { stale.remove(); });
    const target = document.createElement('div');
    target.className = 'uploader';
    target.setAttribute('data-uploader-mount', '');
    const anchor = form.querySelector('[data-drop-target]');
    form.insertBefore(target, anchor);

    const accept = (form.dataset.accept || '').split(',').map(function (type) { return type.trim(); })
      .filter(Boolean);
    const base = {
      maxFileSize: positive(form.dataset.maxSize),
      maxNumberOfFiles: positive(form.dataset.maxFiles),
      allowedFileTypes: accept.length ? accept : null
    };
    const phone = window.matchMedia('(pointer: coarse)').matches;
    const list = messages(form);
    const done = form.querySelector('[data-upload-done]');
    const sizeLabel = form.dataset.maxSizeLabel || (base.maxFileSize ? formatSize(base.maxFileSize) : '');
    let received = [];
    let refusalBatch = false;

    const uppy = new Uppy.Uppy({
      id: 'uploader-' + (mounted.size + 1),
      autoProceed: true,
      allowMultipleUploadBatches: true,
      restrictions: Object.assign({}, base),
      infoTimeout: 6000,
      locale: {
        strings: {
          exceedsSize: '%{file} is larger than the limit of ' + sizeLabel + '.',
          youCanOnlyUploadFileTypes: 'Only ' + (form.dataset.acceptLabel || '%{types}') + ' can be sent here.',
          failedToUpload: '%{file} was not uploaded'
        }
      }
    });

    uppy.use(Uppy.Dashboard, {
      inline: true,
      target: target,
      width: '100%',
      height: phone ? 340 : 260,
      theme: 'light',
      proudlyDisplayPoweredByUppy: false,
      note: note(form, base),
      showNativePhotoCameraButton: phone,
      nativeCameraFacingMode: 'environment',
      showRemoveButtonAfterComplete: false,
      doneButtonHandler: function () {
        uppy.clear();
        uppy.setOptions({ restrictions: Object.assign({}, base) });
        received = [];
        list.clear();
        if (done) {
          done.hidden = true;
        }
      },
      locale: {
        strings: {
          dashboardTitle: 'File uploader',
          browseFiles: 'choose files',
          dropPasteImportFiles: 'Drop files here, %{browseFiles} or:',
          takePictureBtn: 'Take a photo',
          myDevice: 'Files'
        }
      }
    });

    uppy.use(Uppy.Tus, {
      endpoint: form.dataset.tusUrl,
      retryDelays: RETRY_DELAYS,
      // One file at a time, in the order chosen (documents are listed in the order they arrive).
      limit: 1,
      headers: { Accept: 'application/problem+json, application/json' },
      // Resuming goes by the upload's own address, kept with the file while the page lives;
      // nothing is remembered in the browser's storage, so the same file sent again, to
      // another client or folder, is a new upload.
      storeFingerprintForResuming: false,
      removeFingerprintOnSuccess: true,
      onBeforeRequest: function (request, file) {
        const token = cookie('XSRF-TOKEN');
        if (token) {
          request.setHeader('X-XSRF-TOKEN', token);
        }
        // The upload's address is kept with the file from its first PATCH (or HEAD) on,
        // even if no byte got through, so that Retry goes on with the same upload.
        const method = request.getMethod();
        const current = file && uppy.getFile(file.id);
        if (current && (method === 'PATCH' || method === 'HEAD') &&
            (!current.tus || current.tus.uploadUrl !== request.getURL())) {
          uppy.setFileState(file.id, { tus: Object.assign({}, current.tus, { uploadUrl: request.getURL() }) });
        }
      },
      onError: function (error) {
        error.message = describe(error);
      }
    });

    // Each file carries the form's options as they were when it was chosen; a retry sends
    // them again unchanged. Only the fields the form has are sent (tus metadata, with
    // filename besides Uppy's name).
    uppy.on('files-added', function (files) {
      if (!refusalBatch) {
        list.forgetRefusals();
      }
      const meta = metadata(form, target);
      files.forEach(function (file) {
        const own = Object.assign({ filename: file.name }, meta);
        uppy.setFileMeta(file.id, own);
        uppy.setFileState(file.id, { tus: Object.assign({}, file.tus, { allowedMetaFields: Object.keys(own) }) });
      });
    });

    // A refusal before upload (too large, wrong type, too many) stays listed until the next
    // files are chosen.
    uppy.on('restriction-failed', function (file, error) {
      if (!refusalBatch) {
        list.forgetRefusals();
        refusalBatch = true;
        setTimeout(function () { refusalBatch = false; }, 0);
      }
      list.refusal(file ? file.id : 'limit', file ? file.name : '', error.message);
    });

    uppy.on('upload-error', function (file, error) {
      if (file) {
        list.error(file, (uppy.getFile(file.id) && uppy.getFile(file.id).error) || describe(error));
      }
    });
    uppy.on('upload-retry', function (file) {
      if (file) {
        list.forgetFile(file);
      }
    });
    uppy.on('retry-all', function (files) {
      (files || []).forEach(function (file) { list.forgetFile(file); });
    });
    uppy.on('file-removed', function (file) {
      list.forgetFile(file);
    });
    uppy.on('upload-success', function (file) {
      list.forgetFile(file);
    });

    uppy.on('complete', function (result) {
      const arrived = (result && result.successful) || [];
      arrived.forEach(function (file) { received.push(file.name); });
      const failed = uppy.getFiles().filter(function (file) { return file.error; }).length;
      // Files already uploaded do not count against the next batch.
      const uploaded = uppy.getFiles().filter(function (file) { return file.progress && file.progress.uploadComplete; });
      if (base.maxNumberOfFiles) {
        uppy.setOptions({ restrictions: { maxNumberOfFiles: base.maxNumberOfFiles + uploaded.length } });
      }
      // A secure link's uploader ends on the confirmation page, unless a file failed: then
      // its error stays in view, next to what did arrive.
      if (form.dataset.doneUrl && received.length && !failed) {
        window.location.assign(form.dataset.doneUrl);
        return;
      }
      if (!arrived.length) {
        return;
      }
      const count = document.getElementById('document-count');
      if (count) {
        count.textContent = String(parseInt(count.textContent, 10) + arrived.length);
      }
      if (done) {
        done.textContent = 'We received ' + received.length + (received.length === 1 ? ' file: ' : ' files: ') +
          received.join(', ') + '.';
        done.hidden = false;
      }
      if (window.htmx && document.getElementById('documents')) {
        window.htmx.ajax('GET', window.location.href, { target: '#documents', select: '#documents', swap: 'outerHTML' });
      }
    });

    form.classList.add('uploader-ready');
    mounted.set(form, uppy);
  }

  function busy() {
    let uploading = false;
    mounted.forEach(function (uppy) {
      uppy.getFiles().forEach(function (file) {
        if (file.progress && file.progress.uploadStarted && !file.progress.uploadComplete && !file.error) {
          uploading = true;
        }
      });
    });
    return uploading;
  }

  function start(root) {
    const forms = [];
    if (root.matches && root.matches('form[data-upload][data-tus-url]')) {
      forms.push(root);
    }
    if (root.querySelectorAll) {
      root.querySelectorAll('form[data-upload][data-tus-url]').forEach(function (form) { forms.push(form); });
    }
    const fresh = forms.filter(function (form) { return !mounted.has(form); });
    if (!fresh.length) {
      return;
    }
    loadLibrary().then(function (Uppy) {
      fresh.forEach(function (form) {
        if (!mounted.has(form) && form.isConnected) {
          try {
            mount(form, Uppy);
          } catch (error) {
            form.classList.add('uploader-failed');
            throw error;
          }
        }
      });
    }, function () {
      fresh.forEach(function (form) { form.classList.add('uploader-failed'); });
    });
  }

  // With the Dashboard in place the form is not submitted: Enter in a field must not send it.
  document.addEventListener('submit', function (event) {
    if (mounted.has(event.target)) {
      event.preventDefault();
    }
  });

  // Leaving the page (or a boosted link replacing it) ends uploads in progress: ask first.
  window.addEventListener('beforeunload', function (event) {
    if (busy()) {
      event.preventDefault();
    }
  });
  document.addEventListener('htmx:beforeRequest', function (event) {
    if (event.detail && event.detail.boosted && busy() &&
        !window.confirm('Files are still uploading. Leave this page and stop them?')) {
      event.preventDefault();
    }
  });
  document.addEventListener('htmx:beforeCleanupElement', function (event) {
    const uppy = mounted.get(event.target);
    if (uppy) {
      mounted.delete(event.target);
      uppy.destroy();
    }
  });
  // Boosted navigation brings new pages without reloading scripts.
  document.addEventListener('htmx:load', function (event) {
    start(event.target);
  });

  start(document);
})();
