// The page `lilo serve` sends: everything inside it (no external assets; its
// Content-Security-Policy forbids fetching any). It opens the event stream,
// and draws each check it receives: the requirements, "what to do next", the
// essay against its band, the criteria against their minimums, the journal's
// cadence, the mentor's sign-off, and every finding by file with `lilo
// explain`'s text a click away. All text goes in through textContent.
#include "serve/page.hpp"

namespace lilo {

extern const char* const serve_page_html = R"HTML(<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>lilo: your portfolio</title>
<style>
:root{--fg:#1f2328;--muted:#59636e;--line:#d1d9e0;--bg:#fff;--soft:#f6f8fa;--ok:#1a7f37;--bad:#cf222e;--warn:#9a6700;--band:#dafbe1;--accent:#0969da}
*{box-sizing:border-box}
body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Noto Sans CJK SC",sans-serif;color:var(--fg);background:var(--bg)}
header,main{max-width:1100px;margin:0 auto;padding:0 24px}
header{padding-top:20px;display:flex;flex-wrap:wrap;justify-content:space-between;align-items:baseline;gap:8px}
h1{font-size:1.6rem;margin:0}h2{font-size:1.2rem;margin:28px 0 10px;padding-bottom:4px;border-bottom:1px solid var(--line)}h3{font-size:1rem;margin:14px 0 4px;font-family:ui-monospace,Menlo,Consolas,monospace;word-break:break-all}
.muted{color:var(--muted)}.live{font-size:.85rem}.live .dot{display:inline-block;width:9px;height:9px;border-radius:50%;background:var(--ok);margin-right:5px}.live.off .dot{background:var(--bad)}
.badge{display:inline-block;padding:1px 10px;border-radius:12px;font-weight:600;font-size:.9rem;border:1px solid}.badge.complete{color:var(--ok)}.badge.incomplete{color:var(--bad)}
.banner{border:1px solid var(--bad);background:#ffebe9;border-radius:8px;padding:10px 14px;margin:14px 0}
.grid{display:grid;grid-template-columns:1fr 1fr;gap:0 32px}@media(max-width:800px){.grid{grid-template-columns:1fr}}
ul.checks{list-style:none;padding:0;margin:0}ul.checks li{padding:4px 0;border-bottom:1px solid var(--line)}
.met .mark,.ok{color:var(--ok);font-weight:600}.unmet .mark,.bad{color:var(--bad);font-weight:600}.mark{display:inline-block;width:1.4em}
ol#next{margin:0;padding-left:1.4em}ol#next li{margin:4px 0}
table{border-collapse:collapse;width:100%;font-size:.9rem}th,td{padding:4px 6px;border-bottom:1px solid var(--line);text-align:left;vertical-align:middle}th{background:var(--soft)}td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
svg{display:block}svg text{font:11px system-ui,sans-serif;fill:var(--muted)}
.track{fill:var(--soft);stroke:var(--line)}.band{fill:var(--band);stroke:var(--ok);stroke-dasharray:3 2}.fill-ok{fill:var(--ok)}.fill-bad{fill:var(--bad)}.fill-warn{fill:var(--warn)}
.axis{stroke:var(--muted)}.minimum{stroke:var(--fg);stroke-width:2}.entry{fill:var(--accent)}.gapline{stroke:var(--bad);stroke-width:4}
ul#gaps{margin:6px 0;padding-left:1.2em}ul#gaps li{color:var(--bad)}
.sev{display:inline-block;min-width:6.5em;font-size:.8rem;font-weight:600}.sev.error{color:var(--bad)}.sev.warning{color:var(--warn)}.sev.info{color:var(--muted)}
ul.findings{list-style:none;margin:0;padding:0}ul.findings li{padding:3px 0}.where{color:var(--muted);font-size:.85rem;margin-right:6px}
button.explain{font:inherit;font-size:.8rem;border:1px solid var(--line);background:var(--soft);border-radius:6px;padding:0 8px;margin-left:6px;cursor:pointer;color:var(--accent)}
pre.explained{white-space:pre-wrap;background:var(--soft);border-left:3px solid var(--accent);padding:8px 12px;margin:6px 0 6px 6.5em;font:13px/1.45 ui-monospace,Menlo,Consolas,monospace}
#signoff.current{color:var(--ok)}#signoff.stale{color:var(--bad)}
footer{max-width:1100px;margin:28px auto 24px;padding:0 24px;font-size:.8rem;color:var(--muted)}
</style>
</head>
<body>
<header><div><h1 id="title">Your portfolio</h1><div class="muted" id="subtitle"></div></div>
<div><span class="badge" id="status">checking…</span> <span class="live off" id="live"><span class="dot"></span><span id="livetext">connecting…</span></span></div></header>
<main>
<div class="banner" id="error" hidden></div>
<section><h2>What to do next</h2><ol id="next"></ol></section>
<div class="grid">
<section><h2>Requirements</h2><ul class="checks" id="requirements"></ul></section>
<section><div id="signoff-section"><h2>Mentor's sign-off</h2><p id="signoff"></p></div><h2>Word counts</h2><div id="essay"></div><div id="documents"></div></section>
</div>
<section id="criteria-section"><h2>Criteria in the essay</h2><table id="criteria"><thead><tr><th>Criterion</th><th>Status</th><th class="num">Words</th><th class="num">At least</th><th style="width:30%">Progress</th></tr></thead><tbody></tbody></table></section>
<section id="journal-section"><h2>Journal</h2><p id="journal-summary"></p><div id="timeline"></div><ul id="gaps"></ul></section>
<section><h2>Findings by file</h2><p class="muted" id="findings-summary"></p><div id="files"></div></section>
</main>
<footer>lilo serve shows the same check as <code>lilo check</code>, again each time a file is saved. It changes nothing in the portfolio.</footer>
<script>
(function () {
  'use strict';
  var token = new URLSearchParams(location.search).get('token') || '';
  var SVG = 'http://www.w3.org/2000/svg';
  var explained = {};   // code -> text, for the check shown
  var open = {};        // "file|code|line" -> true: explanations left open across checks
  function $(id) { return document.getElementById(id); }
  function el(tag, attrs) {
    var e = document.createElement(tag);
    for (var k in attrs || {}) if (attrs[k] !== undefined && attrs[k] !== null) e.setAttribute(k, attrs[k]);
    for (var i = 2; i < arguments.length; ++i) {
      var c = arguments[i];
      if (c === null || c === undefined) continue;
      e.appendChild(typeof c === 'object' ? c : document.createTextNode(String(c)));
    }
    return e;
  }
  function svg(tag, attrs, text) {
    var e = document.createElementNS(SVG, tag);
    for (var k in attrs) e.setAttribute(k, attrs[k]);
    if (text !== undefined) e.textContent = text;
    return e;
  }
  function clear(e) { while (e.firstChild) e.removeChild(e.firstChild); return e; }
  function n(x) { return Number(x).toLocaleString('en-GB'); }
  function days(a, b) { return Math.round((Date.parse(b + 'T00:00:00Z') - Date.parse(a + 'T00:00:00Z')) / 86400000); }
  function api(path) { return path + (path.indexOf('?') < 0 ? '?' : '&') + 'token=' + encodeURIComponent(token); }
  var plain = {error: 'Must fix', warning: 'Worth a look', info: 'Note'};

  // A bar of `value` on a scale to `top`, with an optional band [lo, hi].
  function band(lo, hi) { return !lo && hi !== null ? 'at most ' + n(hi) : n(lo) + (hi !== null ? '\u2013' + n(hi) : ' or more'); }
  function bar(value, top, lo, hi, cls, label) {
    var W = 420, s = svg('svg', {viewBox: '0 0 ' + W + ' 30', width: '100%', role: 'img', 'aria-label': label});
    var x = function (v) { return Math.max(0, Math.min(W, v / top * W)); };
    s.appendChild(svg('rect', {x: 0, y: 4, width: W, height: 14, rx: 3, 'class': 'track'}));
    if (lo !== null && hi !== null) s.appendChild(svg('rect', {x: x(lo), y: 1, width: Math.max(2, x(hi) - x(lo)), height: 20, 'class': 'band'}));
    else if (lo !== null) s.appendChild(svg('line', {x1: x(lo), y1: 1, x2: x(lo), y2: 21, 'class': 'minimum'}));
    s.appendChild(svg('rect', {x: 0, y: 7, width: x(value), height: 8, rx: 2, 'class': cls}));
    // Labels at the band's ends, pushed apart when the band is narrow and kept inside the bar.
    var close = lo !== null && hi !== null && x(hi) - x(lo) < 60;
    if (lo !== null && lo > 0) s.appendChild(svg('text', {x: x(lo), y: 29, 'text-anchor': close || x(lo) > W - 20 ? 'end' : x(lo) < 20 ? 'start' : 'middle'}, n(lo)));
    if (hi !== null) s.appendChild(svg('text', {x: x(hi), y: 29, 'text-anchor': close ? 'start' : x(hi) > W - 20 ? 'end' : 'middle'}, n(hi)));
    return s;
  }

  function drawRequirements(r) {
    var ul = clear($('requirements'));
    r.requirements.forEach(function (q) {
      var problems = r.diagnostics.filter(function (d) { return d.severity === 'error' && d.code.split('.')[0] === q.id; }).length;
      var met = q.status === 'met';
      ul.appendChild(el('li', {'data-id': q.id, 'class': met ? 'met' : 'unmet'}, el('span', {'class': 'mark'}, met ? '\u2713' : '\u2717'),
        el('b', null, q.id), ' ' + q.title + ' \u2014 ', met ? 'met' : 'not met' + (problems ? ' (' + problems + ' to fix)' : '')));
    });
    if (r.qualification) ul.appendChild(el('li', null, 'Qualification reached: ', el('b', null, r.qualification)));
    if (r.progression) ul.appendChild(el('li', null, 'Progression: ' + r.progression.status + ' \u2014 ' + r.progression.arithmetic));
  }

  function signoffOf(s) {
    var d = s.report.diagnostics.filter(function (x) { return /\.signoff-/.test(x.code); })[0];
    if (!s.signoff.present) return {cls: 'none', text: 'Not signed off yet: when the portfolio is ready, your mentor reviews it and signs it off with `lilo signoff`.'};
    if (!d) return {cls: 'current', text: 'Signed off, and nothing has changed since: the sign-off is current.'};
    if (/stale/.test(d.code)) return {cls: 'stale', text: 'Out of date: ' + d.message, diag: d};
    return {cls: 'stale', text: 'signoff.yaml: ' + d.message, diag: d};
  }

  function drawNext(s) {
    var r = s.report, ol = clear($('next')), items = [];
    var errors = r.diagnostics.filter(function (d) { return d.severity === 'error'; });
    errors.filter(function (d) { return d.code.split('.')[0] === 'P'; }).slice(0, 2).forEach(function (d) { items.push(d); });
    r.requirements.forEach(function (q) {
      if (q.status === 'met') return;
      var d = errors.filter(function (x) { return x.code.split('.')[0] === q.id; })[0];
      items.push(d || {code: q.id, file: null, line: null, message: q.title + ' is not met yet'});
    });
    items.slice(0, 6).forEach(function (d) {
      ol.appendChild(el('li', null, el('b', null, d.code), ' ', d.file ? el('span', {'class': 'where'}, d.file + (d.line ? ':' + d.line : '')) : null, d.message));
    });
    if (!items.length) {
      var so = signoffOf(s), mentor = !!s.targets.signed_off;
      ol.appendChild(el('li', null, so.cls === 'current' || !mentor ? (mentor ? 'Everything is met and signed off: ' : 'Everything is met: ') + '`lilo bundle` makes the submission, a file anyone can verify.'
        : so.cls === 'stale' ? 'Everything is met: ask your mentor to review the changes and sign again (`lilo signoff`).'
        : 'Everything is met: ask your mentor to review it and sign it off with `lilo signoff`.'));
    }
  }

  function drawWords(s) {
    var r = s.report, box = clear($('essay'));
    var e = r.essay || {};
    if (e.words !== null && e.words !== undefined || e.limit) {
      var lo = e.limit ? e.limit.min : null, hi = e.limit && e.limit.max !== null ? e.limit.max : null;
      var within = lo === null || (e.words >= lo && (hi === null || e.words <= hi));
      var top = Math.max(e.words || 0, hi || lo || 1) * 1.15;
      box.appendChild(el('p', {id: 'essay-words'}, el('b', null, 'Essay'), e.file ? ' (' + e.file + ')' : '', ': ' + n(e.words || 0) + ' words',
        lo !== null ? '; the band is ' + band(lo, hi) : '',
        within ? ' \u2014 within it' : e.words < lo ? ' \u2014 ' + n(lo - e.words) + ' to go' : ' \u2014 ' + n(e.words - hi) + ' over'));
      box.appendChild(bar(e.words || 0, top, lo, hi, within ? 'fill-ok' : 'fill-bad', 'essay words against its band'));
    }
    var docs = clear($('documents'));
    (r.documents || []).forEach(function (d) {
      var hi = d.limit.max, top = Math.max(d.words, hi || d.limit.min || 1) * 1.15;
      docs.appendChild(el('p', null, el('b', null, d.requirement + ' ' + d.title), ' (' + d.file + '): ' + n(d.words) + ' words; the band is ' + band(d.limit.min, hi)));
      docs.appendChild(bar(d.words, top, d.limit.min, hi, d.within ? 'fill-ok' : 'fill-bad', d.title + ' words against its band'));
    });
  }

  function drawCriteria(s) {
    var body = clear($('criteria').tBodies[0]);
    $('criteria-section').hidden = !s.report.criteria.length;
    s.report.criteria.forEach(function (c) {
      var t = (s.targets.criteria || {})[c.id] || {}, min = t.min_words;
      var ok = c.status === 'addressed', enough = min === null || min === undefined || c.words >= min;
      var cell = el('td');
      if (min) cell.appendChild(bar(c.words, Math.max(c.words, min) * 1.15, min, null, enough ? 'fill-ok' : 'fill-warn', c.id + ' words against its minimum'));
      body.appendChild(el('tr', {'data-id': c.id}, el('td', null, el('b', null, c.id), ' ' + c.title),
        el('td', {'class': ok ? 'ok' : 'bad'}, ok ? 'addressed' : c.required ? 'missing' : 'missing (optional)'),
        el('td', {'class': 'num'}, n(c.words)), el('td', {'class': 'num'}, min ? n(min) : '\u2014'), cell));
    });
  }

  function drawJournal(s) {
    var r = s.report, j = s.targets.journal, dates = (r.journal && r.journal.dates) || [];
    $('journal-section').hidden = !j;
    if (!j) return;
    var maxGap = j.max_gap_days, gaps = [];
    for (var i = 1; i < dates.length; ++i) {
      var g = days(dates[i - 1], dates[i]);
      if (maxGap !== undefined && g > maxGap) gaps.push({from: dates[i - 1], to: dates[i], days: g});
    }
    $('journal-summary').textContent = dates.length + ' dated entr' + (dates.length === 1 ? 'y' : 'ies') +
      (j.min_entries !== undefined ? ' (at least ' + j.min_entries + ' needed, ' + (j.min_words || 0) + '+ words each)' : '') +
      (maxGap !== undefined ? '; at most ' + maxGap + ' days between entries.' : '.');
    var box = clear($('timeline'));
    if (dates.length) {
      var W = 1000, H = 56, first = dates[0], last = dates[dates.length - 1], span = Math.max(1, days(first, last));
      var x = function (d) { return 20 + days(first, d) / span * (W - 40); };
      var t = svg('svg', {viewBox: '0 0 ' + W + ' ' + H, width: '100%', role: 'img', 'aria-label': 'journal entries on a time line'});
      t.appendChild(svg('line', {x1: 20, y1: 22, x2: W - 20, y2: 22, 'class': 'axis'}));
      gaps.forEach(function (g) { t.appendChild(svg('line', {x1: x(g.from), y1: 22, x2: x(g.to), y2: 22, 'class': 'gapline'})); });
      dates.forEach(function (d) { var c = svg('circle', {cx: x(d), cy: 22, r: 6, 'class': 'entry'}); c.appendChild(svg('title', {}, d)); t.appendChild(c); });
      t.appendChild(svg('text', {x: 20, y: 48}, first));
      t.appendChild(svg('text', {x: W - 20, y: 48, 'text-anchor': 'end'}, last));
      gaps.forEach(function (g) { t.appendChild(svg('text', {x: (x(g.from) + x(g.to)) / 2, y: 12, 'text-anchor': 'middle', fill: '#cf222e'}, g.days + ' days')); });
      box.appendChild(t);
    }
    var ul = clear($('gaps'));
    gaps.forEach(function (g) {
      ul.appendChild(el('li', null, 'No entry from ' + g.from + ' to ' + g.to + ': ' + g.days + ' days (at most ' + maxGap + ')'));
    });
  }

  function explainButton(d, li) {
    var key = (d.file || '') + '|' + d.code + '|' + (d.line || 0);
    var b = el('button', {'class': 'explain', type: 'button', 'aria-expanded': 'false'}, 'Why, and how to fix it');
    var show = function () {
      var pre = li.querySelector('pre.explained') || li.appendChild(el('pre', {'class': 'explained'}, 'Loading\u2026'));
      b.setAttribute('aria-expanded', 'true');
      open[key] = true;
      var fill = function (text) { pre.textContent = text; };
      if (explained[d.code]) return fill(explained[d.code]);
      fetch(api('/api/explain?id=' + encodeURIComponent(d.code))).then(function (res) { return res.text(); })
        .then(function (text) { explained[d.code] = text; fill(text); }, function () { fill('lilo serve is not answering.'); });
    };
    b.addEventListener('click', function () {
      var pre = li.querySelector('pre.explained');
      if (pre) { li.removeChild(pre); b.setAttribute('aria-expanded', 'false'); delete open[key]; } else show();
    });
    if (open[key]) show();
    return b;
  }

  function drawFindings(s) {
    var r = s.report, box = clear($('files')), groups = {}, order = [];
    r.diagnostics.forEach(function (d) {
      var f = d.file || 'the portfolio as a whole';
      if (!groups[f]) { groups[f] = []; order.push(f); }
      groups[f].push(d);
    });
    $('findings-summary').textContent = r.summary.errors + ' to fix, ' + r.summary.warnings + ' worth a look' + (r.summary.info ? ', ' + r.summary.info + ' notes' : '') +
      (order.length ? ', in ' + order.length + ' file' + (order.length === 1 ? '' : 's') + '.' : '. Nothing to report.');
    order.forEach(function (f) {
      var ul = el('ul', {'class': 'findings'});
      groups[f].forEach(function (d) {
        var li = el('li', {'data-code': d.code}, el('span', {'class': 'sev ' + d.severity}, plain[d.severity] || d.severity),
          d.line ? el('span', {'class': 'where'}, 'line ' + d.line) : null, d.message, ' ', el('span', {'class': 'where'}, '(' + d.code + ')'));
        li.appendChild(explainButton(d, li));
        ul.appendChild(li);
      });
      box.appendChild(el('section', {'data-file': f}, el('h3', null, f), ul));
    });
  }

  function draw(s) {
    explained = {};
    $('livetext').textContent = 'live: checked at ' + s.checked_at;
    var err = $('error');
    err.hidden = !s.error;
    if (s.error) { err.textContent = 'lilo cannot check this folder now: ' + s.error; $('status').textContent = 'cannot check'; return; }
    var r = s.report;
    document.title = 'lilo: ' + (r.candidate.name || r.portfolio) + ' \u2014 ' + r.status;
    $('title').textContent = r.candidate.name ? r.candidate.name + '\u2019s portfolio' : 'Your portfolio';
    $('subtitle').textContent = (s.targets.programme_title || r.programme) + ' \u00b7 ' + r.portfolio + ' \u00b7 as of ' + r.as_of;
    var st = $('status');
    st.className = 'badge ' + r.status;
    st.textContent = r.status === 'complete' ? 'complete' : 'incomplete: ' + r.summary.errors + ' to fix';
    // The sign-off section is there when a requirement's kind is signed off by a mentor (R1's mentor).
    $('signoff-section').hidden = !s.targets.signed_off;
    var so = signoffOf(s), p = $('signoff');
    p.className = so.cls;
    p.textContent = so.text;
    drawNext(s); drawRequirements(r); drawWords(s); drawCriteria(s); drawJournal(s); drawFindings(s);
    document.body.setAttribute('data-version', s.version);
  }

  var events = new EventSource(api('/api/events'));
  events.onmessage = function (e) {
    $('live').className = 'live';
    draw(JSON.parse(e.data));
  };
  events.onerror = function () {
    $('live').className = 'live off';
    $('livetext').textContent = 'not connected: is lilo serve still running?';
  };
})();
</script>
</body>
</html>
)HTML";

} // namespace lilo
