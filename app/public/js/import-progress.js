/* Progress of the staff import (app/src/transfer/page.rs). The upload and commit forms
 * work as plain form posts; with this script a large file shows how much of it was
 * sent, then that the server is checking (or writing) the records, instead of a page
 * that seems to hang. The request is the same form post, sent by XMLHttpRequest (the
 * only API with upload progress); when the server answers with its redirect, the
 * browser goes to the page it names. On any failure the form is posted the plain way.
 * Every word comes from the form's data-label-* attributes (the app translates). */
(function () {
  'use strict';

  function enhance(form) {
    const box = form.querySelector('[data-import-progress]');
    if (!box || form.importProgressMounted) return;
    form.importProgressMounted = true;
    const bar = box.querySelector('progress');
    const text = box.querySelector('[data-import-progress-text]');
    let sending = false;

    function show(label, fraction) {
      box.hidden = false;
      text.textContent = label;
      if (fraction == null) bar.removeAttribute('value');
      else bar.value = Math.round(fraction * 100);
    }

    form.addEventListener('submit', function (event) {
      if (sending || !window.FormData || !window.XMLHttpRequest) return;
      event.preventDefault();
      sending = true;
      const button = form.querySelector('button[type="submit"]');
      if (button) button.disabled = true;
      const xhr = new XMLHttpRequest();
      xhr.open('POST', form.action);
      xhr.setRequestHeader('Accept', 'text/html');
      const upload = form.dataset.labelUpload;
      if (upload && xhr.upload) {
        xhr.upload.addEventListener('progress', function (e) {
          if (e.lengthComputable) show(upload, e.loaded / e.total);
        });
      }
      xhr.upload && xhr.upload.addEventListener('load', function () {
        show(form.dataset.labelWorking, null);
      });
      show(upload || form.dataset.labelWorking, upload ? 0 : null);
      xhr.addEventListener('load', function () {
        const target = xhr.responseURL ? new URL(xhr.responseURL) : null;
        const action = new URL(form.action, window.location.href);
        if (target && xhr.status < 400 && target.pathname !== action.pathname) {
          // The redirect was followed: its target is the report (or the form with a message).
          window.location.assign(target.href);
        } else {
          // No redirect (a refused request): show it the way a plain post would.
          form.submit();
        }
      });
      xhr.addEventListener('error', function () {
        sending = true;
        form.submit();
      });
      xhr.send(new FormData(form));
    });
  }

  function start() {
    document.querySelectorAll('form[data-import-form]').forEach(enhance);
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
