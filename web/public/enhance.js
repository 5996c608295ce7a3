/*
 * Small improvements when JavaScript runs; every page works without it (plain forms and links).
 * Loaded as a file from this site, so the Content-Security-Policy (script-src 'self') allows it.
 * - A form's error summary takes the focus, so keyboard and screen-reader users start there.
 * - A button with data-confirm="question" asks before its form is sent (refusals, rejections);
 *   with data-confirm-box="<checkbox id>" an answer "yes" also ticks the confirmation box the
 *   server requires for it (ticked by hand without JavaScript). The server's checks always apply.
 */
(function () {
  'use strict';
  var summary = document.querySelector('[data-testid="form-errors"]');
  if (summary) {
    if (!summary.hasAttribute('tabindex')) summary.setAttribute('tabindex', '-1');
    summary.focus();
  }
  document.addEventListener('click', function (event) {
    var target = event.target;
    var button = target && target.closest ? target.closest('[data-confirm]') : null;
    if (!button) return;
    if (!window.confirm(button.getAttribute('data-confirm'))) return event.preventDefault();
    var box = document.getElementById(button.getAttribute('data-confirm-box') || '');
    if (box) box.checked = true;
  });
})();
