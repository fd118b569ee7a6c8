/** The console's only stylesheet and script, served from /static (CSP: 'self' only, nothing inline). */

export const CONSOLE_CSS = `
body{font:14px/1.4 system-ui,sans-serif;margin:0;color:#1b1f24;background:#f6f7f9}
main{padding:16px 24px;max-width:1200px}
nav.top{display:flex;gap:14px;align-items:center;padding:8px 24px;background:#1d2b3a;color:#fff;flex-wrap:wrap}
nav.top a{color:#cfe3ff;text-decoration:none}
nav.top .who{margin-left:auto}
form.inline{display:inline}
form.search input{width:260px}
table{border-collapse:collapse;margin:8px 0;background:#fff}
th,td{border:1px solid #d6dae0;padding:3px 8px;text-align:left;vertical-align:top}
table.small{font-size:12px}
.muted{color:#687384}
.error{color:#a4001a}
.verdict{font-size:16px}
.level-HIGH #level{color:#fff;background:#b3001b;padding:1px 6px}
.level-MEDIUM #level{background:#ffb020;padding:1px 6px}
.level-LOW #level{background:#ffe9a8;padding:1px 6px}
.override{color:#0b5d1e}
tr.undone td{text-decoration:line-through;color:#889}
svg.timeline{background:#fff;border:1px solid #d6dae0}
svg .bar{fill:#7aa7d9}
svg.spark{vertical-align:middle}
svg .score{stroke:#b3001b;stroke-width:2}
svg .score-pt{fill:#b3001b}
svg .axis{stroke:#555}
svg .lbl{font-size:10px;fill:#444}
svg .score-lbl{fill:#b3001b}
form.stack{display:flex;flex-direction:column;gap:6px;max-width:480px}
form.login{display:flex;flex-direction:column;gap:8px;max-width:320px}
.e164{color:#666;font-size:.85em}
h1 .e164{font-size:.7em}
nav.top .lang{margin-left:auto}
.printable nav.top,.printable form{display:none}
@media print{nav.top,form{display:none}}
`;

export const CONSOLE_JS = `'use strict';
(function () {
  var table = document.getElementById('alerts');
  if (!table || !window.EventSource) return;
  var status = document.getElementById('live-status');
  var body = table.querySelector('tbody');
  var es = new EventSource(table.getAttribute('data-stream'));
  // The words come from the page (data-*) and the stream (a.view), both in the reader's language.
  var say = function (key) { if (status) status.textContent = status.getAttribute('data-' + key) || key; };
  es.onopen = function () { say('live'); };
  es.onerror = function () { say('reconnecting'); };
  es.addEventListener('end', function () {
    es.close();
    say('ended');
  });
  es.addEventListener('alert', function (ev) {
    var a = JSON.parse(ev.data);
    var v = a.view || {};
    var tr = document.createElement('tr');
    var cells = [v.time, v.kind, null, v.levels, String(a.score), v.category, v.reasons];
    cells.forEach(function (text, i) {
      var td = document.createElement('td');
      if (i === 2) {
        var link = document.createElement('a');
        link.href = a.kind === 'number' ? '/numbers/' + encodeURIComponent(a.id)
          : '/traceback/' + encodeURIComponent(a.kind) + '/' + encodeURIComponent(a.id);
        link.textContent = v.subject || a.id;
        td.appendChild(link);
      } else {
        td.textContent = text;
      }
      tr.appendChild(td);
    });
    body.insertBefore(tr, body.firstChild);
  });
})();
`;
