// summary.html: the batch's dashboard in one self-contained file (no network: a Content-Security-Policy
// forbids it; opens by double-click). The overview as figures, four charts drawn here as inline SVG
// (pass/fail per district, score distribution, criteria most often not met, shortages per district), and
// the table of schools — rendered in the page, so it reads without script — that a small inline script
// sorts (click a header) and filters (type in the box), each school linking to its own report.
import type { BatchDigest } from '../engine/batch.js';
import { batchLabel, type BatchLabel } from '../messages/batch.js';
import type { Lang, RenderOptions } from './common.js';
import { escapeHtml } from './text.js';
import {
  areaViews, districtViews, flagText, notAuditedText, outcomeText, rankViews, rateViews, scoreCell, shortageSentences, unitText,
  type RankView,
} from './batch-view.js';

export interface BatchHtmlOptions extends RenderOptions {
  /** Per school file, its reports' paths relative to summary.html (e.g. `schools/83000101.audit.md`). */
  reports?: ReadonlyMap<string, readonly string[]>;
}

const esc = (s: string | number): string => escapeHtml(String(s));

/** A relative link: each path segment percent-encoded (names with spaces and Vietnamese letters). */
const href = (path: string): string => path.split('/').map(encodeURIComponent).join('/');

const COLORS = { pass: '#2e7d32', fail: '#c62828', bar: '#1565c0', grid: '#ddd', text: '#222', muted: '#666' };

interface Bar { label: string; parts: { value: number; color: string; title: string }[] }

/** Horizontal bars (stacked parts), a label column on the left, the value at the end of each bar. */
function barChart(title: string, bars: Bar[], empty: string, id: string): string {
  const rowH = 26;
  const labelW = 300;
  const barW = 280;
  const w = labelW + barW + 60;
  const h = Math.max(1, bars.length) * rowH + 10;
  const max = Math.max(1, ...bars.map((b) => b.parts.reduce((s, p) => s + p.value, 0)));
  const rows = bars.map((b, i) => {
    const y = 5 + i * rowH;
    let x = labelW;
    const rects = b.parts.map((p) => {
      const pw = (p.value / max) * barW;
      const r = p.value > 0 ? `<rect x="${x.toFixed(1)}" y="${y + 4}" width="${pw.toFixed(1)}" height="${rowH - 10}" fill="${p.color}"><title>${esc(p.title)}</title></rect>` : '';
      x += pw;
      return r;
    }).join('');
    const total = b.parts.reduce((s, p) => s + p.value, 0);
    const label = b.label.length > 44 ? `${b.label.slice(0, 43)}…` : b.label;
    return `<g><text x="${labelW - 6}" y="${y + rowH / 2 + 4}" text-anchor="end" font-size="12" fill="${COLORS.text}"><title>${esc(b.label)}</title>${esc(label)}</text>${rects}`
      + `<text x="${(x + 4).toFixed(1)}" y="${y + rowH / 2 + 4}" font-size="12" fill="${COLORS.muted}">${esc(b.parts.length > 1 ? b.parts.map((p) => p.value).join(' / ') : total)}</text></g>`;
  }).join('');
  const body = bars.length === 0 ? `<p class="muted">${esc(empty)}</p>`
    : `<svg role="img" aria-label="${esc(title)}" viewBox="0 0 ${w} ${h}" width="${w}" height="${h}">${rows}</svg>`;
  return `<section class="chart" id="${id}"><h3>${esc(title)}</h3>${body}</section>`;
}

/** Schools per score band of ten points (0–9, 10–19 … 90–100), as vertical bars. */
function histogram(title: string, scores: number[], empty: string): string {
  const bins = Array.from({ length: 10 }, () => 0);
  for (const s of scores) bins[Math.min(9, Math.floor(s / 10))]! += 1;
  const w = 620;
  const h = 200;
  const bw = 52;
  const max = Math.max(1, ...bins);
  const bars = bins.map((n, i) => {
    const bh = (n / max) * (h - 50);
    const x = 30 + i * 58;
    const y = h - 30 - bh;
    const label = i === 9 ? '90–100' : `${i * 10}–${i * 10 + 9}`;
    return `<rect x="${x}" y="${y.toFixed(1)}" width="${bw}" height="${bh.toFixed(1)}" fill="${COLORS.bar}"><title>${label}: ${n}</title></rect>`
      + `<text x="${x + bw / 2}" y="${h - 14}" text-anchor="middle" font-size="11" fill="${COLORS.muted}">${label}</text>`
      + (n > 0 ? `<text x="${x + bw / 2}" y="${(y - 4).toFixed(1)}" text-anchor="middle" font-size="12" fill="${COLORS.text}" data-bin="${i}">${n}</text>` : '');
  }).join('');
  const body = scores.length === 0 ? `<p class="muted">${esc(empty)}</p>`
    : `<svg role="img" aria-label="${esc(title)}" viewBox="0 0 ${w} ${h}" width="${w}" height="${h}"><line x1="26" x2="${w - 6}" y1="${h - 30}" y2="${h - 30}" stroke="${COLORS.grid}"/>${bars}</svg>`;
  return `<section class="chart" id="chart-scores"><h3>${esc(title)}</h3>${body}</section>`;
}

const SCRIPT = `
(function () {
  var table = document.getElementById('schools');
  var body = table.tBodies[0];
  var rows = Array.prototype.slice.call(body.rows);
  var filter = document.getElementById('filter');
  var shown = document.getElementById('shown');
  var template = shown.getAttribute('data-template');
  function count() {
    var n = rows.filter(function (r) { return !r.hidden; }).length;
    shown.textContent = template.replace('{shown}', n).replace('{total}', rows.length);
  }
  filter.addEventListener('input', function () {
    var q = filter.value.toLocaleLowerCase('vi').normalize('NFC').trim();
    rows.forEach(function (r) { r.hidden = q !== '' && r.getAttribute('data-text').indexOf(q) === -1; });
    count();
  });
  Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, col) {
    th.addEventListener('click', function () {
      var dir = th.getAttribute('aria-sort') === 'ascending' ? -1 : 1;
      Array.prototype.forEach.call(table.tHead.rows[0].cells, function (o) { o.removeAttribute('aria-sort'); });
      th.setAttribute('aria-sort', dir === 1 ? 'ascending' : 'descending');
      var numeric = th.getAttribute('data-type') === 'number';
      rows.sort(function (a, b) {
        var x = a.cells[col].getAttribute('data-v'), y = b.cells[col].getAttribute('data-v');
        if (numeric) {
          var nx = x === '' ? Infinity : Number(x), ny = y === '' ? Infinity : Number(y);
          return (nx - ny) * dir;
        }
        return x.localeCompare(y, 'vi') * dir;
      });
      rows.forEach(function (r) { body.appendChild(r); });
    });
  });
  count();
})();
`;

const STYLE = `
body { font-family: system-ui, "Segoe UI", Roboto, Arial, sans-serif; margin: 24px; color: #222; max-width: 1280px; }
h1 { font-size: 22px; margin: 0 0 4px; } h2 { font-size: 18px; margin: 28px 0 8px; } h3 { font-size: 15px; margin: 0 0 8px; }
.muted { color: #666; } .outcome { font-weight: 600; margin: 8px 0 16px; }
.cards { display: flex; flex-wrap: wrap; gap: 10px; }
.card { border: 1px solid #ddd; border-radius: 6px; padding: 10px 14px; min-width: 120px; }
.card b { display: block; font-size: 24px; } .card span { color: #555; font-size: 13px; }
.shortage { background: #fff3e0; border-left: 4px solid #ef6c00; padding: 8px 12px; margin: 12px 0; font-weight: 600; }
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(600px, 1fr)); gap: 18px; }
.chart { border: 1px solid #eee; border-radius: 6px; padding: 12px; overflow-x: auto; }
.legend span { display: inline-block; margin-right: 14px; font-size: 12px; } .legend i { display: inline-block; width: 10px; height: 10px; margin-right: 4px; }
table { border-collapse: collapse; width: 100%; font-size: 13px; }
th, td { border-bottom: 1px solid #e5e5e5; padding: 5px 6px; text-align: left; vertical-align: top; }
th { background: #eef2f8; cursor: pointer; position: sticky; top: 0; white-space: nowrap; }
th[aria-sort=ascending]::after { content: " ▲"; } th[aria-sort=descending]::after { content: " ▼"; }
td.num { text-align: right; white-space: nowrap; } .pass { color: #2e7d32; font-weight: 600; } .fail { color: #c62828; font-weight: 600; }
input#filter { padding: 6px 8px; width: 320px; margin: 6px 12px 8px 0; font-size: 14px; }
ul { margin: 4px 0; }
@media print { .charts { grid-template-columns: 1fr; } input#filter { display: none; } }
`;

export function renderBatchHtml(s: BatchDigest, opts: BatchHtmlOptions): string {
  let html = '';
  for (const chunk of batchHtmlChunks(s, opts)) html += chunk;
  return html;
}

/** summary.html in pieces: the table of schools a row at a time, made as it is written. */
export function* batchHtmlChunks(s: BatchDigest, opts: BatchHtmlOptions): Generator<string> {
  const { lang } = opts;
  const L = (k: BatchLabel, args?: Parameters<typeof batchLabel>[2]) => batchLabel(k, lang, args);
  const t = s.totals;
  const card = (key: string, label: string, value: number) =>
    `<div class="card" data-k="${key}"><b>${value}</b><span>${esc(label)}</span></div>`;
  const cards = [
    card('files', L('totals.files'), t.files), card('schools', L('totals.schools'), t.schools),
    card('pass', L('totals.pass'), t.pass), card('fail', L('totals.fail'), t.fail),
    card('errors', L('totals.errors'), t.errors), card('not_audited', L('totals.not_audited'), t.not_audited),
    card('superseded', L('totals.superseded'), t.superseded), card('flags', L('totals.flags'), t.flags),
  ].join('');

  const areas = areaViews(s, lang);
  const legend = `<p class="legend"><span><i style="background:${COLORS.pass}"></i>${esc(L('col.passed'))}</span><span><i style="background:${COLORS.fail}"></i>${esc(L('col.failed'))}</span></p>`;
  const districtChart = barChart(L('html.chart.districts'), areas.map((a) => ({
    label: a.district,
    parts: [
      { value: a.pass, color: COLORS.pass, title: `${a.district}: ${a.pass} ${L('col.passed')}` },
      { value: a.fail, color: COLORS.fail, title: `${a.district}: ${a.fail} ${L('col.failed')}` },
    ],
  })), L('html.no_data'), 'chart-districts').replace('</h3>', `</h3>${legend}`);
  const scores: number[] = [];
  for (const v of rankViews(s, lang)) if (v.score !== null) scores.push(v.score);
  const many = s.rubrics.length > 1;
  const failed = rateViews(s, lang).filter((c) => c.fail + c.missing > 0)
    .sort((a, b) => (b.fail + b.missing) - (a.fail + a.missing) || (a.id < b.id ? -1 : 1)).slice(0, 10);
  const failedChart = barChart(L('html.chart.failed'), failed.map((c) => ({
    label: many ? `${c.title} (${c.rubric})` : c.title,
    parts: [{ value: c.fail + c.missing, color: COLORS.fail, title: `${c.id}: ${c.fail + c.missing}/${c.applicable}` }],
  })), L('html.no_data'), 'chart-failed');
  const shortageBars: Bar[] = s.districts.flatMap((d, i) => d.shortages.map((x) => ({
    label: `${areas[i]!.district}: ${unitText(x.unit, lang)}`,
    parts: [{ value: x.missing, color: '#ef6c00', title: `${x.missing} (${x.schools})` }],
  })));
  const shortageChart = barChart(L('html.chart.shortages'), shortageBars, L('shortage.none'), 'chart-shortages');

  const district = districtViews(s, lang);
  const districtList = district.length === 0 ? '' : `<h2>${esc(L('heading.district'))}</h2><ul>${district.map((d) =>
    `<li data-district-criterion="${esc(d.id)}">${esc(d.title)}: ${esc(d.value)}; ${esc(L('col.min'))} ${esc(d.min)} — <span class="${d.status === 'pass' ? 'pass' : 'fail'}">${esc(d.statusText)}</span></li>`).join('')}</ul>`;

  const head = [
    ...(many ? [[L('col.rubric'), 'text']] : []),
    [L('col.rank'), 'number'], [L('col.code'), 'text'], [L('col.name'), 'text'], [L('col.district'), 'text'],
    [L('col.score'), 'number'], [L('col.status'), 'text'], [L('col.failing_required'), 'text'], [L('col.shortages'), 'text'], [L('col.report'), 'text'],
  ];
  const rowHtml = (v: RankView): string => {
    const reports = opts.reports?.get(v.file) ?? [];
    const links = reports.map((r) => `<a href="${esc(href(r))}">${esc(r.slice(r.lastIndexOf('.') + 1))}</a>`).join(' · ');
    const shortages = v.shortages.map((x) => `${x.missing} ${unitText(x.unit, lang)}`).join(', ');
    const text = [v.code, v.name, v.district, v.statusText, ...v.failingRequiredTitles].join(' ').toLocaleLowerCase('vi').normalize('NFC');
    const cell = (value: string, sortValue: string | number, cls = '') => `<td${cls ? ` class="${cls}"` : ''} data-v="${esc(sortValue)}">${value}</td>`;
    return `<tr data-file="${esc(v.file)}" data-text="${esc(text)}">${[
      ...(many ? [cell(esc(v.rubric), v.rubric)] : []),
      cell(esc(v.rank), v.rank === '—' ? '' : v.rank, 'num'),
      cell(esc(v.code), v.code),
      cell(esc(v.name), v.name),
      cell(esc(v.district), v.district),
      cell(esc(scoreCell(v.score, lang)), v.score === null ? '' : v.score, 'num'),
      cell(esc(v.statusText), v.status, v.status),
      cell(esc(v.failingRequiredTitles.join('; ')), v.failingRequiredTitles.length, ''),
      cell(esc(shortages), shortages),
      cell(links || '—', links ? v.file : ''),
    ].join('')}</tr>`;
  };
  // Failing-required sorts by how many; marked numeric.
  const failingCol = head.findIndex((h) => h[0] === L('col.failing_required'));
  head[failingCol] = [L('col.failing_required'), 'number'];

  const others: string[] = [];
  if (s.errors.length > 0) others.push(`<h2>${esc(L('heading.errors'))}</h2><ul>${s.errors.map((e) => `<li data-error-file="${esc(e.file)}"><b>${esc(e.file)}</b>: ${esc(e.error.message)}</li>`).join('')}</ul>`);
  if (s.not_audited.length > 0) {
    others.push(`<h2>${esc(L('heading.not_audited'))}</h2><ul>${s.not_audited.map((e) => {
      const x = notAuditedText(e, lang);
      return `<li data-not-audited="${esc(e.file)}"><b>${esc(e.file)}</b> (${esc(x.kind)}): ${esc(x.note)}</li>`;
    }).join('')}</ul>`);
  }
  if (s.superseded.length > 0) {
    others.push(`<h2>${esc(L('heading.superseded'))}</h2><ul>${s.superseded.map((x) =>
      `<li data-superseded="${esc(x.file)}"><b>${esc(x.file)}</b>: ${esc(L('file.superseded_note', { code: x.code ?? '', kept: x.superseded_by }))}</li>`).join('')}</ul>`);
  }
  others.push(`<h2>${esc(L('heading.flags'))}</h2>${s.flags.length === 0 ? `<p>${esc(L('none'))}</p>`
    : `<ul>${s.flags.map((f) => `<li data-flag="${esc(f.code)}">${esc(flagText(f, lang))}</li>`).join('')}</ul>`}`);

  const title = L('html.title');
  yield `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>${esc(title)}</h1>
<p class="muted">${esc(s.rubrics.map((r) => `${r.title} (${r.id}@${r.version})`).join('; '))}${s.generated_at ? ` — ${esc(s.generated_at)}` : ''}</p>
<p class="outcome">${esc(outcomeText(s, lang))}</p>
<div class="cards">${cards}</div>
${shortageSentences(s.shortages, lang).map((x) => `<p class="shortage">${esc(x)}</p>`).join('\n')}
<div class="charts">
${districtChart}
${histogram(L('html.chart.scores'), scores, L('html.no_data'))}
${failedChart}
${shortageChart}
</div>
${districtList}
<h2>${esc(L('html.schools'))}</h2>
<input id="filter" type="search" placeholder="${esc(L('html.filter'))}" aria-label="${esc(L('html.filter'))}">
<span id="shown" class="muted" data-template="${esc(L('html.shown', { shown: '{shown}', total: '{total}' }))}"></span>
<span class="muted"> — ${esc(L('html.sort_hint'))}</span>
<table id="schools">
<thead><tr>${head.map(([h, type]) => `<th data-type="${type}">${esc(h!)}</th>`).join('')}</tr></thead>
<tbody>
`;
  let first = true;
  for (const v of rankViews(s, lang)) {
    yield first ? rowHtml(v) : `\n${rowHtml(v)}`;
    first = false;
  }
  yield `
</tbody>
</table>
${others.join('\n')}
<script>${SCRIPT}</script>
</body>
</html>
`;
}

export type { Lang };
