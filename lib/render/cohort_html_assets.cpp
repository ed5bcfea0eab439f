// The cohort page's style sheet and script, kept inside the page so that it
// needs nothing else (no external assets; the page's Content-Security-Policy
// forbids fetching any). Apart from the rendering in cohort_html.cpp.
#include "render/cohort_html_assets.hpp"

namespace lilo {

extern const char* const cohort_html_css = R"CSS(
:root{--fg:#1f2328;--muted:#59636e;--line:#d1d9e0;--bg:#fff;--soft:#f6f8fa;--ok:#1a7f37;--bad:#cf222e;--err:#9a6700;--band:#dafbe1;--accent:#0969da}
*{box-sizing:border-box}
body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif;color:var(--fg);background:var(--bg);-webkit-print-color-adjust:exact;print-color-adjust:exact}
header,main,footer{max-width:1400px;margin:0 auto;padding:0 24px}
header{padding-top:28px}h1{font-size:1.7rem;margin:0 0 4px}h2{font-size:1.25rem;margin:36px 0 12px;padding-bottom:6px;border-bottom:1px solid var(--line)}h3{font-size:1.05rem;margin:0 0 6px}
.meta,.muted,.path{color:var(--muted)}.path{font-size:.8rem;overflow-wrap:break-word}
.note{border-left:4px solid var(--err);background:var(--soft);padding:6px 12px;margin:8px 0}
.cards{display:flex;flex-wrap:wrap;gap:12px}.card{flex:1 1 160px;border:1px solid var(--line);border-radius:8px;padding:12px 16px;background:var(--soft)}
.card .n{display:block;font-size:2rem;font-weight:600;line-height:1.2}.card.complete .n{color:var(--ok)}.card.incomplete .n{color:var(--bad)}.card.error .n{color:var(--err)}.card.skipped .n{color:var(--err)}
table{border-collapse:collapse;width:100%;font-size:.9rem}th,td{padding:5px 8px;border-bottom:1px solid var(--line);text-align:left;vertical-align:top}
th{background:var(--soft);font-weight:600;white-space:nowrap}td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
.scroll{position:relative;overflow-x:auto;border:1px solid var(--line);border-radius:8px}.scroll table td:first-child{min-width:10em}
#cohort th button{all:inherit;cursor:pointer;padding:0}#cohort th button:focus-visible{outline:2px solid var(--accent)}
#cohort th[aria-sort=ascending] button::after{content:" \25B2"}#cohort th[aria-sort=descending] button::after{content:" \25BC"}
#cohort{font-size:.85rem}#cohort td,#cohort th{padding:4px 4px}#cohort th{white-space:normal}#cohort td{white-space:nowrap}#cohort td:first-child,#cohort td.id{white-space:normal;min-width:8em}
#cohort td.m,#cohort th.m{text-align:center;padding:4px 1px}#cohort th.m{font-size:.7rem}#cohort .sub{font-size:.75rem;color:var(--muted)}
#cohort tr.groups th{text-align:center;font-size:.8rem;border-left:1px solid var(--line);border-right:1px solid var(--line)}#cohort tr.groups td{background:var(--soft)}.yes{color:var(--ok)}.no{color:var(--bad);font-weight:600}.na{color:var(--muted)}
.badge{display:inline-block;padding:0 8px;border-radius:10px;font-size:.8rem;font-weight:600;border:1px solid}
.badge.complete{color:var(--ok)}.badge.dup{color:var(--bad)}.badge.skipped{color:var(--err)}.badge.incomplete{color:var(--bad)}.badge.error{color:var(--err)}
.sev-error{color:var(--bad);font-weight:600}.sev-warning{color:var(--err);font-weight:600}.sev-info{color:var(--muted)}
.controls{display:flex;flex-wrap:wrap;gap:12px;align-items:center;margin:0 0 12px}.controls input,.controls select{font:inherit;padding:4px 8px;border:1px solid var(--line);border-radius:6px}.controls input{min-width:18em}
.bar{width:100%;height:14px;display:block}.bar .track{fill:var(--soft);stroke:var(--line)}.bar .fill{fill:var(--ok)}
svg text{font:11px system-ui,sans-serif;fill:var(--muted)}svg .lbl{fill:var(--fg);font-weight:600}
.band{fill:var(--band);stroke:var(--ok);stroke-dasharray:3 2}.dot{stroke:#fff;stroke-width:1}.dot.in{fill:var(--ok)}.dot.out{fill:var(--bad)}.dot.none{fill:var(--accent)}
.axis{stroke:var(--muted)}.grid{stroke:var(--line)}.tick{stroke:var(--accent);stroke-width:2}.gap{stroke:var(--muted);stroke-width:3}.gap.over{stroke:var(--bad)}td.over{color:var(--bad);font-weight:600}.base{stroke:var(--line)}
svg .clip{fill:var(--bad);font-weight:600}
svg.wide{width:100%;height:auto;display:block}svg.tl{width:600px;max-width:100%;height:24px;display:block}
.cand{border:1px solid var(--line);border-radius:8px;padding:12px 16px;margin:0 0 14px;scroll-margin-top:12px}.cand:target{outline:2px solid var(--accent)}
.cand .where{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.82rem;overflow-wrap:anywhere}
.diags td{overflow-wrap:anywhere}code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.88em;background:var(--soft);padding:0 3px;border-radius:3px;overflow-wrap:anywhere}
.legend{font-size:.85rem}.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
footer{margin:36px auto 24px;font-size:.85rem;color:var(--muted)}
@media print{body{font-size:10pt}header,main,footer{max-width:none;padding:0}.controls,.back{display:none}a{color:inherit;text-decoration:none}
.scroll{overflow:visible;border:0}tr,.cand,figure{break-inside:avoid}h2{break-after:avoid}.cand:target{outline:0}
#cohort{font-size:7.5pt}#cohort th,#cohort td{white-space:normal;padding:3px 2px}#cohort th.m,#cohort td.m{padding:3px 1px}#cohort .path{display:none}#cohort .badge{font-size:inherit;padding:0 2px;border:0}.scroll table td:first-child{min-width:0}}
@page{size:landscape;margin:12mm}
)CSS";

extern const char* const cohort_html_script = R"JS(
(function () {
  'use strict';
  var table = document.getElementById('cohort');
  if (!table) return;
  var body = table.tBodies[0];
  var rows = Array.prototype.slice.call(body.rows);
  var heads = Array.prototype.slice.call(table.tHead.rows[table.tHead.rows.length - 1].cells);
  var search = rows.map(function (tr) { return (tr.getAttribute('data-search') || '').toLowerCase(); });
  var sorted = -1, dir = 1;
  function value(tr, col) {
    var c = tr.cells[col];
    return c.hasAttribute('data-v') ? c.getAttribute('data-v') : c.textContent.trim();
  }
  function sortBy(col, numeric) {
    rows.sort(function (a, b) {
      var x = value(a, col), y = value(b, col), c;
      if (x === '' || y === '') c = (x === '') - (y === '');
      else c = dir * (numeric ? Number(x) - Number(y) : x.localeCompare(y, undefined, {numeric: true}));
      return c || Number(a.getAttribute('data-i')) - Number(b.getAttribute('data-i'));
    });
    rows.forEach(function (tr) { body.appendChild(tr); });
  }
  heads.forEach(function (th, col) {
    th.addEventListener('click', function () {
      dir = sorted === col ? -dir : 1;
      sorted = col;
      heads.forEach(function (h) { h.setAttribute('aria-sort', 'none'); });
      th.setAttribute('aria-sort', dir > 0 ? 'ascending' : 'descending');
      sortBy(col, th.getAttribute('data-type') === 'num');
    });
  });
  var query = document.getElementById('filter-text');
  var status = document.getElementById('filter-status');
  var shown = document.getElementById('shown');
  var none = document.getElementById('no-match');
  function filter() {
    var q = query.value.trim().toLowerCase(), s = status.value, n = 0;
    rows.forEach(function (tr) {
      var i = Number(tr.getAttribute('data-i'));
      var ok = (q === '' || search[i].indexOf(q) >= 0) && (s === 'all' || tr.getAttribute('data-status') === s);
      tr.hidden = !ok;
      n += ok ? 1 : 0;
    });
    shown.textContent = String(n);
    none.hidden = n > 0;
  }
  query.addEventListener('input', filter);
  status.addEventListener('change', filter);
  filter();
})();
)JS";

} // namespace lilo
