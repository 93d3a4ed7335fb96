// The worksheet page. It keeps the worksheet as plain JSON, saves it to
// localStorage after every change, and asks the Go bridge (globalThis.sujuva,
// compiled to WebAssembly) for every check and figure: no domain rule lives
// here. Text typed by the user is only ever set as textContent or a value,
// never parsed as HTML.
import { texts } from './i18n.js';

const STORE = 'sujuva.worksheet.v1';
const PREF = 'sujuva.prefs';
const $ = (sel) => document.querySelector(sel);

let ws = null;            // the worksheet
let lang = 'fi';
let tab = 'team';
let catalog = {};         // code -> {fi, sv, en}

// h builds an element: h('input', {type: 'text', onInput: f}, child...).
function h(tag, attrs = {}, ...kids) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on')) el.addEventListener(k.slice(2).toLowerCase(), v);
    else if (k === 'value') el.value = v;
    else if (k === 'text') el.textContent = v;
    else el.setAttribute(k, v === true ? '' : v);
  }
  for (const kid of kids.flat()) {
    if (kid === null || kid === undefined || kid === false) continue;
    el.append(kid instanceof Node ? kid : document.createTextNode(String(kid)));
  }
  return el;
}

const t = (key, params = {}) => fill((texts[lang] && texts[lang][key]) || texts.en[key] || key, params);
function fill(s, params) { return s.replace(/\{(\w+)\}/g, (m, k) => (k in params ? params[k] : m)); }

// call runs a bridge operation; it resolves to the parsed result or throws
// an Error whose .bridge holds the bridge's error object.
async function call(op, input) {
  try {
    return JSON.parse(await globalThis.sujuva.call(op, JSON.stringify(input)));
  } catch (e) {
    let be = null;
    try { be = JSON.parse(e.message); } catch (_) { /* not a bridge error */ }
    const err = new Error(be ? be.message : String(e));
    err.bridge = be;
    throw err;
  }
}

function message(f) {
  const m = catalog[f.code];
  const text = m ? fill(m[lang] || m.en, f.params || {}) : f.code;
  return `${text} (${f.path || '/'})`;
}

function findingsList(fs, emptyKey) {
  if (!fs || fs.length === 0) return h('p', { class: 'ok', text: t(emptyKey || 'noFindings') });
  return h('ul', { class: 'findings' }, fs.map((f) => h('li', { class: f.severity, text: message(f) })));
}

// ---- storage -------------------------------------------------------------

function blank() {
  return {
    format: 'sujuva.worksheet', version: globalThis.sujuva.version, profile: 'default',
    team: { name: '', process: '', members: [], owner: {} },
    aim: { statement: '', by: '' },
    current: { name: '', kind: 'current', steps: [] },
    ideal: { name: '', kind: 'ideal', steps: [] },
    cycles: [],
    report: { basics: { name: '', summary: '', created: '', modified: '' }, sections: {} },
  };
}

// changed saves the worksheet to localStorage as soon as the task that
// changed it is done: after the edit's recompute and redraw, not before them
// (serialising and storing the worksheet took 0.1–7 ms of every edit), and
// once for a burst of edits in one task. A pending save is written at once
// when the page is hidden or left, so a reload right after typing loses
// nothing.
let pendingSave = null;
function changed() {
  if (pendingSave === null) pendingSave = setTimeout(save, 0);
}
function save() {
  clearTimeout(pendingSave);
  pendingSave = null;
  try {
    localStorage.setItem(STORE, JSON.stringify(ws));
    setStatus(t('saved'));
  } catch (e) { setStatus(`${t('error')}: ${e.message}`); }
}
function flushSave() { if (pendingSave !== null) save(); }
globalThis.addEventListener('pagehide', flushSave);
document.addEventListener('visibilitychange', () => { if (document.visibilityState === 'hidden') flushSave(); });

let statusTimer = null;
function setStatus(s) {
  clearTimeout(statusTimer);
  $('#status').textContent = s;
  statusTimer = setTimeout(() => { $('#status').textContent = ''; }, 3000);
}

async function normalise(raw) {
  const res = await call('worksheet.check', raw);
  const w = res.worksheet;
  w.aim = w.aim || { statement: '', by: '' };
  w.team.members = w.team.members || [];
  w.current.steps = w.current.steps || [];
  w.ideal.steps = w.ideal.steps || [];
  w.report = w.report || {};
  w.report.basics = w.report.basics || { name: '', summary: '', created: '', modified: '' };
  w.report.sections = w.report.sections || {};
  return w;
}

async function load() {
  const saved = localStorage.getItem(STORE);
  if (saved) {
    try { return await normalise(JSON.parse(saved)); } catch (e) { console.warn('saved worksheet unreadable', e); }
  }
  try {
    const r = await fetch('demo.json');
    if (r.ok) return await normalise(await r.json());
  } catch (_) { /* no demo served */ }
  return blank();
}

// ---- tabs ----------------------------------------------------------------

const panels = { team: teamPanel, aim: aimPanel, stream: streamPanel, pdsa: pdsaPanel, report: reportPanel, round: roundPanel };

function render() {
  document.documentElement.lang = lang;
  document.title = t('title');
  for (const el of document.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  for (const b of document.querySelectorAll('[role=tab]')) {
    const on = b.dataset.tab === tab;
    b.setAttribute('aria-selected', String(on));
    b.tabIndex = on ? 0 : -1;
  }
  const panel = $('#panel');
  panel.setAttribute('aria-labelledby', `tab-${tab}`);
  panel.replaceChildren(...[panels[tab]()].flat(Infinity));
  panel.setAttribute('aria-busy', String(panel.querySelector('[data-loading]') !== null));
}

function selectTab(name, focus) {
  tab = name;
  localStorage.setItem(PREF, JSON.stringify({ lang, tab }));
  render();
  if (focus) $(`#tab-${name}`).focus();
}

function setupTabs() {
  const tabs = [...document.querySelectorAll('[role=tab]')];
  for (const b of tabs) {
    b.addEventListener('click', () => selectTab(b.dataset.tab, false));
    b.addEventListener('keydown', (e) => {
      const i = tabs.indexOf(b);
      let j = null;
      if (e.key === 'ArrowRight') j = (i + 1) % tabs.length;
      if (e.key === 'ArrowLeft') j = (i - 1 + tabs.length) % tabs.length;
      if (e.key === 'Home') j = 0;
      if (e.key === 'End') j = tabs.length - 1;
      if (j !== null) { e.preventDefault(); selectTab(tabs[j].dataset.tab, true); }
    });
  }
}

// field is a labelled input bound to obj[key].
let uid = 0;
function field(labelKey, obj, key, onChange, opts = {}) {
  const id = `f${++uid}`;
  const input = h(opts.multiline ? 'textarea' : 'input', {
    id, type: opts.multiline ? undefined : (opts.type || 'text'), value: obj[key] ?? '', 'data-field': opts.name || key,
    onInput: (e) => { obj[key] = opts.number ? numOrNull(e.target.value) : e.target.value; changed(); if (onChange) onChange(); },
  });
  return h('div', { class: 'field' }, h('label', { for: id, text: t(labelKey) }), input);
}
// num formats a number in the page's language. toLocaleString(lang) builds
// a formatter on every call, which took up to 18 ms for a chart's 200
// points; the formatters are kept here, one per language and precision.
const formatters = new Map();
function num(v, maxDigits) {
  const key = `${lang}/${maxDigits}`;
  let f = formatters.get(key);
  if (!f) formatters.set(key, f = new Intl.NumberFormat(lang, maxDigits === undefined ? {} : { maximumFractionDigits: maxDigits }));
  return f.format(v);
}
function numOrNull(s) { const n = parseFloat(String(s).replace(',', '.')); return Number.isFinite(n) ? n : null; }

// ---- Team ----------------------------------------------------------------

function teamPanel() {
  const out = h('div', { id: 'team-findings', 'aria-live': 'polite' });
  const update = async () => {
    try {
      const r = await call('team.validate', { team: ws.team, profile: ws.profile });
      out.replaceChildren(h('h3', { text: t('findings') }), h('p', { 'data-size': r.size, text: `${t('size')}: ${r.size}` }), findingsList(r.findings));
    } catch (e) { out.replaceChildren(h('p', { class: 'error', text: `${t('error')}: ${e.message}` })); }
  };
  const roles = ['client', 'professional', 'owner', 'supervisor'];
  const rows = ws.team.members.map((m, i) => {
    const cell = (key, label) => h('td', {}, h('input', {
      'aria-label': `${t(label)} ${i + 1}`, value: m[key] || '', 'data-field': `member-${key}`,
      onInput: (e) => { m[key] = e.target.value; changed(); update(); },
    }));
    return h('tr', {},
      cell('name', 'memberName'),
      h('td', {}, h('select', {
        'aria-label': `${t('role')} ${i + 1}`, 'data-field': 'member-role',
        onChange: (e) => { m.role = e.target.value; changed(); update(); },
      }, roles.map((r) => { const o = h('option', { value: r, text: t(`role.${r}`) }); o.selected = m.role === r; return o; }))),
      cell('unit', 'unit'), cell('profession', 'profession'),
      h('td', {}, h('button', { type: 'button', onClick: () => { ws.team.members.splice(i, 1); changed(); render(); }, text: `${t('remove')} ${i + 1}` })));
  });
  const nextID = () => { let n = ws.team.members.length + 1; while (ws.team.members.some((m) => m.id === `m${n}`)) n++; return `m${n}`; };
  update();
  return [
    h('h2', { text: t('tab.team') }),
    field('teamName', ws.team, 'name', update, { name: 'team-name' }),
    field('process', ws.team, 'process', update, { name: 'team-process' }),
    field('county', ws.team, 'county', update, { name: 'team-county' }),
    field('owner', ws.team.owner, 'name', update, { name: 'team-owner' }),
    h('h3', { text: t('members') }),
    h('table', {}, h('thead', {}, h('tr', {}, ['memberName', 'role', 'unit', 'profession', 'remove'].map((k) => h('th', { scope: 'col', text: t(k) })))), h('tbody', {}, rows)),
    h('button', { type: 'button', id: 'add-member', onClick: () => { ws.team.members.push({ id: nextID(), name: '', role: 'professional', attendsWorkshops: true }); changed(); render(); }, text: t('addMember') }),
    out,
  ];
}

// ---- Aim and measures ----------------------------------------------------

// The team's measures (a list in the worksheet, version 2): one is edited at
// a time, chosen from a list; its definition, its pasted data and its chart.
let measureIndex = 0;
function aimPanel() {
  ws.measures = ws.measures || [];
  const newMeasure = () => {
    let n = ws.measures.length + 1;
    while (ws.measures.some((x) => x.measure.id === `m${n}`)) n++;
    return { measure: { id: `m${n}`, name: '', kind: 'outcome', definition: {} }, series: { observations: [] }, pasted: '' };
  };
  if (ws.measures.length === 0) ws.measures.push(newMeasure());
  measureIndex = Math.min(measureIndex, ws.measures.length - 1);
  const m = ws.measures[measureIndex];
  m.measure.definition = m.measure.definition || {};
  m.series = m.series || { observations: [] };
  m.series.observations = m.series.observations || [];
  const chart = h('div', { id: 'chart', 'aria-live': 'polite' });
  const draw = async () => {
    if (!m.series.observations.length) { chart.replaceChildren(); return; }
    try {
      const options = { ...(m.chartOptions || {}) };
      options.type = options.type || m.measure.chart || 'run';
      const title = m.measure.name || t('measure');
      const r = await call('metrics.chart', { series: m.series, options });
      chart.replaceChildren(...runChart(r, title, { series: m.series, options, style: { title, unit: m.measure.unit || '', language: lang } }));
    } catch (e) { chart.replaceChildren(e.bridge && e.bridge.findings ? findingsList(e.bridge.findings) : h('p', { text: e.message })); }
  };
  const pasteOut = h('div', { id: 'paste-findings', 'aria-live': 'polite' });
  const read = async () => {
    const r = await call('metrics.paste', { text: m.pasted || '' });
    m.series = { ...m.series, observations: r.observations };
    changed();
    pasteOut.replaceChildren(h('p', { text: t('readRows', { count: r.observations.length }) }), r.findings.length ? findingsList(r.findings) : null);
    draw();
  };
  draw();
  const pickID = `f${++uid}`;
  const kinds = ['outcome', 'process', 'balancing'];
  const kindID = `f${++uid}`;
  return [
    h('h2', { text: t('tab.aim') }),
    field('aimStatement', ws.aim, 'statement', null, { multiline: true, name: 'aim-statement' }),
    h('h3', { text: t('measures') }),
    h('div', { class: 'field' }, h('label', { for: pickID, text: t('chooseMeasure') }),
      h('select', { id: pickID, 'data-field': 'measure-select', onChange: (e) => { measureIndex = +e.target.value; render(); } },
        ws.measures.map((x, i) => { const o = h('option', { value: String(i), text: x.measure.name || `${t('measure')} ${i + 1}` }); o.selected = i === measureIndex; return o; }))),
    h('button', { type: 'button', id: 'add-measure', onClick: () => { ws.measures.push(newMeasure()); measureIndex = ws.measures.length - 1; changed(); render(); }, text: t('addMeasure') }),
    field('measureName', m.measure, 'name', draw, { name: 'measure-name' }),
    h('div', { class: 'field' }, h('label', { for: kindID, text: t('measureKind') }),
      h('select', { id: kindID, 'data-field': 'measure-kind', onChange: (e) => { m.measure.kind = e.target.value; changed(); } },
        kinds.map((k) => { const o = h('option', { value: k, text: t(`kind.${k}`) }); o.selected = m.measure.kind === k; return o; }))),
    field('measureDefinition', m.measure.definition, 'description', null, { multiline: true, name: 'measure-definition' }),
    field('measureUnit', m.measure, 'unit', draw, { name: 'measure-unit' }),
    field('pasteData', m, 'pasted', null, { multiline: true, name: 'measure-paste' }),
    h('button', { type: 'button', id: 'read-data', onClick: read, text: t('readData') }),
    pasteOut, chart,
  ];
}

let chartDataOpen = false; // whether the chart's table of points is open

// runChart draws a quick preview of the chart the bridge computed (redrawn
// within a frame after every edit) and explains its signals in words; the
// table of points is the chart's text alternative. The SVG file to download
// is the bridge's own drawing (export.ChartSVG: limits, signals named,
// annotations, <title>/<desc>), the same as on the poster, made when asked.
function runChart(r, title, svgRequest) {
  const pts = r.chart.points.filter((p) => p.y !== null && p.y !== undefined);
  const W = 640; const H = 240; const pad = 36;
  const ys = pts.map((p) => p.y).concat(pts.map((p) => p.cl).filter((v) => v !== null));
  const lo = Math.min(...ys); const hi = Math.max(...ys); const span = hi - lo || 1;
  const x = (i) => pad + (i * (W - 2 * pad)) / Math.max(1, pts.length - 1);
  const y = (v) => H - pad - ((v - lo) / span) * (H - 2 * pad);
  const ns = 'http://www.w3.org/2000/svg';
  const el = (tag, attrs) => { const e = document.createElementNS(ns, tag); for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v); return e; };
  const titleID = `chart-title-${++uid}`;
  const svg = el('svg', { viewBox: `0 0 ${W} ${H}`, width: '100%', role: 'img', 'aria-labelledby': titleID });
  const te = el('title', { id: titleID }); te.textContent = `${t('runChart')}: ${title}`; svg.append(te);
  const cl = pts.length ? pts[0].cl : null;
  if (cl !== null) svg.append(el('line', { x1: pad, x2: W - pad, y1: y(cl), y2: y(cl), stroke: '#4a4a4a', 'stroke-dasharray': '4 3' }));
  svg.append(el('polyline', { points: pts.map((p, i) => `${x(i)},${y(p.y)}`).join(' '), fill: 'none', stroke: '#004f8c', 'stroke-width': 2 }));
  // The points as two paths of dots (zero-length segments with round caps),
  // the signalling ones larger and red: two elements to lay out, not 200.
  const dots = (keep) => pts.map((p, i) => (keep(p) ? `M${x(i)},${y(p.y)}h0` : '')).join('');
  const signalling = (p) => p.signals && p.signals.length > 0;
  svg.append(el('path', { d: dots((p) => !signalling(p)), stroke: '#004f8c', 'stroke-width': 6, 'stroke-linecap': 'round', 'data-points': 'plain' }));
  svg.append(el('path', { d: dots(signalling), stroke: '#a4000f', 'stroke-width': 10, 'stroke-linecap': 'round', 'data-points': 'signal' }));
  const explain = r.signals.length
    ? r.chart.parts.flatMap((part) => r.signals.map((s) => h('li', { 'data-signal': s, text: t(`signal.${s}`, { longestRun: part.longestRun, longestRunMax: part.longestRunMax, crossings: part.crossings, crossingsMin: part.crossingsMin }) })))
    : [h('li', { 'data-signal': 'none', text: t('signal.none') })];
  // The table of points, the chart's text alternative, is built when its
  // <details> is opened (200 rows were about 5 ms of every redraw) and
  // stays open across redraws once opened.
  const table = () => h('table', {}, h('caption', { text: `${t('runChart')}: ${title}` }),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col', text: t('period') }), h('th', { scope: 'col', text: t('value') }), h('th', { scope: 'col', text: t('signals') }))),
    h('tbody', {}, pts.map((p) => h('tr', {}, h('td', { text: p.period }), h('td', { text: num(p.y) }), h('td', { text: (p.signals || []).join(', ') || '–' })))));
  const data = h('details', { id: 'chart-data' }, h('summary', { text: t('chartData') }));
  const showData = () => { if (data.open && !data.querySelector('table')) data.append(table()); };
  data.addEventListener('toggle', () => { chartDataOpen = data.open; showData(); });
  data.open = chartDataOpen;
  showData();
  const desc = el('desc', {}); desc.textContent = explain.map((li) => li.textContent).join(' '); svg.append(desc);
  const download = h('a', { href: '#', download: 'run-chart.svg', id: 'download-svg', class: 'button', text: t('downloadSVG'), onClick: async (e) => {
    if (download.href.startsWith('blob:')) return; // made: the browser downloads it
    e.preventDefault();
    try {
      const drawn = await call('metrics.chart', svgRequest);
      download.href = URL.createObjectURL(new Blob([drawn.svg], { type: 'image/svg+xml' }));
      download.click();
    } catch (err) { setStatus(`${t('error')}: ${err.message}`); }
  } });
  return [h('h3', { text: `${t('runChart')}: ${title}` }), svg, h('ul', { id: 'signals' }, explain), download,
    findingsList(r.chart.findings, 'noFindingsChart'), data];
}

// ---- Value stream --------------------------------------------------------

const units = ['minutes', 'hours', 'days'];
function durationCell(step, key, labelKey, i, onChange) {
  const d = step[key] || (step[key] = { value: 0, unit: key === 'wait' ? 'days' : 'minutes' });
  const sel = h('select', { 'aria-label': `${t(labelKey)} ${i + 1}, ${t('timeUnit')}`, onChange: (e) => { d.unit = e.target.value; onChange(); } },
    units.map((u) => { const o = h('option', { value: u, text: t(`unit.${u}`) }); o.selected = d.unit === u; return o; }));
  return h('td', {}, h('input', {
    type: 'number', min: '0', step: 'any', 'aria-label': `${t(labelKey)} ${i + 1}, ${t('amount')}`, value: d.value, 'data-field': `step-${key}`,
    onInput: (e) => { d.value = numOrNull(e.target.value) ?? 0; onChange(); },
  }), sel);
}

function mapEditor(which) {
  const map = ws[which];
  const out = h('div', { id: `${which}-summary`, 'aria-live': 'polite' });
  const update = async () => {
    changed();
    if (map.steps.length === 0) { out.replaceChildren(); return; }
    try {
      const r = await call('valuestream.summary', { map });
      const s = r.summary;
      const days = num(r.leadTimeDays, 1);
      out.replaceChildren(h('h4', { text: t('summary') }), h('dl', { class: 'figures' },
        h('dt', { text: t('leadTime') }), h('dd', { 'data-figure': 'leadTime', text: t('leadTimeDays', { days }) }),
        h('dt', { text: t('activity') }), h('dd', { text: `${num(s.activityRatio * 100, 1)} %` }),
        h('dt', { text: t('rolled') }), h('dd', { text: `${num(s.rolledCompleteAccuratePct, 1)} %` }),
        h('dt', { text: t('bottleneck') }), h('dd', { text: s.bottleneck >= 0 ? map.steps[s.bottleneck].name : '–' })),
      findingsList(r.findings));
    } catch (e) {
      out.replaceChildren(e.bridge && e.bridge.findings ? findingsList(e.bridge.findings) : h('p', { text: e.message }));
    }
  };
  const rows = map.steps.map((s, i) => h('tr', {},
    h('td', {}, h('input', { 'aria-label': `${t('stepName')} ${i + 1}`, value: s.name, 'data-field': 'step-name', onInput: (e) => { s.name = e.target.value; update(); } })),
    h('td', {}, h('input', { 'aria-label': `${t('unit')} ${i + 1}`, value: s.unit || '', 'data-field': 'step-unit', onInput: (e) => { s.unit = e.target.value; update(); } })),
    durationCell(s, 'wait', 'wait', i, update),
    durationCell(s, 'process', 'processTime', i, update),
    h('td', {}, h('input', { type: 'number', min: '0', max: '100', 'aria-label': `${t('ca')} ${i + 1}`, value: s.completeAccuratePct ?? '',
      onInput: (e) => { const n = numOrNull(e.target.value); if (n === null) delete s.completeAccuratePct; else s.completeAccuratePct = n; update(); } })),
    h('td', {}, h('button', { type: 'button', onClick: () => { map.steps.splice(i, 1); changed(); render(); }, text: `${t('remove')} ${i + 1}` }))));
  update();
  const nextID = () => { let n = map.steps.length + 1; while (map.steps.some((s) => s.id === `s${n}`)) n++; return `s${n}`; };
  return h('section', { 'aria-labelledby': `h-${which}` },
    h('h3', { id: `h-${which}`, text: t(which) }),
    h('table', {}, h('thead', {}, h('tr', {}, ['stepName', 'unit', 'wait', 'processTime', 'ca', 'remove'].map((k) => h('th', { scope: 'col', text: t(k) })))), h('tbody', {}, rows)),
    h('button', { type: 'button', id: `add-step-${which}`, onClick: () => { map.steps.push({ id: nextID(), name: '', wait: { value: 0, unit: 'days' }, process: { value: 30, unit: 'minutes' } }); changed(); render(); }, text: `${t('addStep')} (${t(which)})` }),
    out);
}

function streamPanel() {
  const cmp = h('div', { id: 'comparison', 'aria-live': 'polite' });
  if (ws.current.steps.length && ws.ideal.steps.length) {
    call('valuestream.compare', { current: ws.current, ideal: ws.ideal }).then((c) => {
      const d = (ns) => num(ns / 864e11, 1);
      cmp.replaceChildren(h('h3', { text: t('comparison') }), h('p', { text: `${t('leadTime')}: ${t('leadTimeDays', { days: d(c.before.leadTimeNs) })} → ${t('leadTimeDays', { days: d(c.after.leadTimeNs) })}` }));
    }).catch(() => {});
  }
  return [h('h2', { text: t('tab.stream') }), mapEditor('current'), mapEditor('ideal'), cmp, eventLogSection()];
}

// eventLogSection analyses a CSV event log dropped or chosen, in the Web
// Worker: the file never leaves the browser.
function eventLogSection() {
  // The shards' Workers start when a log may come (the file input focused,
  // a file dragged in), not with the section: each is a Go instance.
  const warm = () => { const n = eventLogShards(shardFrom); if (n > 1) warmShardWorkers(n); };
  const out = h('div', { id: 'eventlog-out', 'aria-live': 'polite' });
  const progress = h('progress', { id: 'eventlog-progress', max: '1', value: '0', 'aria-label': t('eventLog') });
  const days = (s) => num(s / 86400, 1);
  const analyse = async (file) => {
    if (!file) return;
    out.replaceChildren(h('p', { text: t('analysing') }));
    try {
      const { result, ms } = await analyzeInWorker(file, { mapName: file.name, lenient: true, location: 'Europe/Helsinki' }, (done, total) => { progress.max = String(total); progress.value = String(done); });
      const s = result.summary;
      globalThis.sujuvaLastEventLogMs = ms;
      globalThis.sujuvaLastEventLogSummary = s; // for the end-to-end tests
      out.replaceChildren(h('dl', { class: 'figures' },
        h('dt', { text: t('cases') }), h('dd', { 'data-figure': 'cases', text: num(s.cases) }),
        h('dt', { text: t('events') }), h('dd', { text: num(s.events) }),
        h('dt', { text: t('leadTimeMedian') }), h('dd', { 'data-figure': 'eventlog-median', text: t('leadTimeDays', { days: days(s.leadTime.medianSeconds) }) }),
        h('dt', { text: t('leadTimeP90') }), h('dd', { text: t('leadTimeDays', { days: days(s.leadTime.p90Seconds) }) }),
        h('dt', { text: t('skipped') }), h('dd', { text: String(s.skipped) })),
      h('button', { type: 'button', id: 'use-eventlog-map', onClick: () => { result.map.kind = 'current'; ws.current = result.map; changed(); render(); }, text: t('useMap') }));
    } catch (e) { out.replaceChildren(e.bridge && e.bridge.findings ? findingsList(e.bridge.findings) : h('p', { text: e.message })); }
  };
  const input = h('input', { type: 'file', id: 'eventlog-file', accept: '.csv,text/csv', onFocus: warm, onChange: (e) => analyse(e.target.files[0]) });
  const zone = h('section', { class: 'dropzone', 'aria-labelledby': 'h-eventlog', onDragenter: warm,
    onDragover: (e) => { e.preventDefault(); }, onDrop: (e) => { e.preventDefault(); analyse(e.dataTransfer.files[0]); } },
  h('h3', { id: 'h-eventlog', text: t('eventLog') }), h('p', { text: t('eventLogIntro') }),
  h('div', { class: 'field' }, h('label', { for: 'eventlog-file', text: t('eventLogFile') }), input), progress, out);
  return zone;
}

// ---- PDSA ----------------------------------------------------------------

const next = { draft: 'plan', plan: 'do', do: 'study', study: 'act', act: 'closed' };
function pdsaPanel() {
  const list = ws.cycles.map((c, i) => {
    const missing = h('div', { 'aria-live': 'polite', 'data-cycle-missing': i });
    const refresh = async () => {
      try {
        const r = await call('pdsa.cycle.validate', { cycle: c });
        missing.replaceChildren(h('h4', { text: t('missing') }), findingsList(r.missing, 'noFindings'));
      } catch (e) { missing.replaceChildren(h('p', { text: e.message })); }
    };
    refresh();
    const phase = c.phase || 'draft';
    c.plan = c.plan || {}; c.plan.questions = c.plan.questions || []; c.do = c.do || {}; c.study = c.study || {}; c.act = c.act || {};
    if (c.plan.questions.length === 0) c.plan.questions.push({ text: '', prediction: '' });
    const q = c.plan.questions[0];
    const onEdit = () => { changed(); refresh(); };
    const parts = [
      field('cycleTitle', c, 'title', onEdit, { name: 'cycle-title' }),
      field('changeIdea', c, 'changeIdea', onEdit, { name: 'cycle-change' }),
      h('div', { class: 'field' }, h('label', { for: `type-${i}`, text: t('cycleType') }),
        h('select', { id: `type-${i}`, 'data-field': 'cycle-type', onChange: (e) => { c.type = e.target.value; onEdit(); } },
          ['', 'collect', 'develop', 'test', 'implement'].map((v) => { const o = h('option', { value: v, text: v || '–' }); o.selected = (c.type || '') === v; return o; }))),
      field('objective', c.plan, 'objective', onEdit, { name: 'plan-objective' }),
      field('question', q, 'text', onEdit, { name: 'plan-question' }),
      field('prediction', q, 'prediction', onEdit, { name: 'plan-prediction' }),
      field('responsible', c.plan, 'responsible', onEdit, { name: 'plan-responsible' }),
      field('evaluation', c.plan, 'evaluation', onEdit, { type: 'date', name: 'plan-evaluation' }),
      field('observations', c.do, 'whatHappened', onEdit, { multiline: true, name: 'do-what' }),
      field('start', c.do, 'start', onEdit, { type: 'date', name: 'do-start' }),
      field('result', q, 'result', onEdit, { name: 'study-result' }),
      field('studySummary', c.study, 'summary', onEdit, { multiline: true, name: 'study-summary' }),
      h('div', { class: 'field' }, h('label', { for: `dec-${i}`, text: t('decision') }),
        h('select', { id: `dec-${i}`, 'data-field': 'act-decision', onChange: (e) => { c.act.decision = e.target.value; onEdit(); } },
          ['', 'adopt', 'adapt', 'abandon'].map((v) => { const o = h('option', { value: v, text: v || '–' }); o.selected = (c.act.decision || '') === v; return o; }))),
    ];
    const err = h('div', { 'aria-live': 'assertive' });
    const move = next[phase] && h('button', { type: 'button', class: 'primary', 'data-move': next[phase], onClick: async () => {
      try {
        const r = await call('pdsa.cycle.move', { cycle: c, to: next[phase], at: new Date().toISOString() });
        ws.cycles[i] = r.cycle; changed(); render();
      } catch (e) { err.replaceChildren(e.bridge && e.bridge.findings ? findingsList(e.bridge.findings) : h('p', { text: e.message })); }
    }, text: `${t('moveTo')}: ${t(`phase.${next[phase]}`)}` });
    return h('fieldset', { 'data-cycle': i },
      h('legend', { text: `${c.number || i + 1}. ${c.title || ''} – ${t('phase')}: ${t(`phase.${phase}`)}`, 'data-phase': phase }),
      parts, move, err, missing);
  });
  return [h('h2', { text: t('cycles') }), list,
    h('button', { type: 'button', id: 'add-cycle', onClick: () => {
      ws.cycles.push({ number: ws.cycles.length + 1, changeIdea: '', type: 'test', phase: 'draft', created: new Date().toISOString(),
        plan: { objective: '', questions: [{ text: '', prediction: '' }], responsible: '', evaluation: '' }, do: {}, study: {}, act: {} });
      changed(); render();
    }, text: t('addCycle') })];
}

// ---- Report --------------------------------------------------------------

// The Innokylä sections in the site's order, asked of the bridge when the
// Report tab is first shown: building a document compiles the Innokylä
// schema, 50–100 ms that starting the page need not spend.
let sectionsMeta = null;
let sectionsLoad = null;
function reportPanel() {
  const b = ws.report.basics;
  const out = h('div', { id: 'report-out', 'aria-live': 'polite' });
  const build = async () => {
    try {
      // The team's own text wins; Sujuva drafts the empty sections from the
      // worksheet's data (team, aim, measures and charts, value streams, PDSA).
      const r = await call('innokyla.draft', ws);
      const drafted = new Set((r.document.sections || []).filter((x) => x.source === 'draft').map((x) => x.key));
      const blob = new Blob([JSON.stringify(r.document, null, 2)], { type: 'application/json' });
      out.replaceChildren(
        h('p', { id: 'schema-status', class: r.valid ? 'ok' : 'error', 'data-valid': String(r.valid), text: r.valid ? t('valid') : t('invalid') }),
        findingsList(r.findings),
        h('a', { href: URL.createObjectURL(blob), download: 'innokyla.json', id: 'download-json', class: 'button', text: t('downloadJSON') }),
        ...r.copies.filter((c) => c.plain).map((c) => h('div', { class: 'copy-section', 'data-key': c.key, 'data-draft': String(drafted.has(c.key)) },
          h('h4', { lang: 'fi', text: c.heading }), drafted.has(c.key) ? h('p', { class: 'draft-note', text: t('draftNote') }) : null, h('pre', { text: c.plain }),
          h('button', { type: 'button', onClick: async (e) => { await navigator.clipboard.writeText(c.plain).catch(() => {}); e.target.textContent = t('copied'); }, text: `${t('copy')}: ${c.heading}` }))));
    } catch (e) { out.replaceChildren(h('p', { text: e.message })); }
  };
  // While the sections load, the box is marked and the panel aria-busy.
  const sections = h('div', { id: 'report-sections', 'data-loading': sectionsMeta ? null : '' });
  const fillSections = () => {
    sections.replaceChildren(...sectionsMeta.map((s) => {
      const id = `sec-${s.key}`;
      return h('div', { class: 'field' }, h('label', { for: id, lang: 'fi', text: s.required ? `${s.heading} *` : s.heading }),
        h('textarea', { id, 'data-field': `section-${s.key}`, required: s.required, value: ws.report.sections[s.key] || '', onInput: (e) => { ws.report.sections[s.key] = e.target.value; changed(); } }));
    }));
  };
  if (sectionsMeta) fillSections();
  else {
    sectionsLoad = sectionsLoad || call('innokyla.build', { basics: {} }).then((r) => { sectionsMeta = r.document.sections; });
    sectionsLoad.then(fillSections, (e) => { sectionsLoad = null; sections.replaceChildren(h('p', { class: 'error', text: `${t('error')}: ${e.message}` })); })
      .finally(() => {
        sections.removeAttribute('data-loading');
        if (sections.isConnected) $('#panel').setAttribute('aria-busy', 'false');
      });
  }
  return [h('h2', { text: t('tab.report') }),
    field('reportName', b, 'name', null, { name: 'report-name' }),
    field('reportSummary', b, 'summary', null, { multiline: true, name: 'report-summary' }),
    sections,
    h('button', { type: 'button', class: 'primary', id: 'build-report', onClick: build, text: t('build') }),
    out];
}

// ---- Round ---------------------------------------------------------------

// worker runs batches in a Web Worker with its own bridge, reporting
// progress, so that the page stays responsive.
let worker = null;
let workerSeq = 0;

// Go's WebAssembly runs on one thread, so a large event log is analysed in
// shards, one Web Worker (and Go instance) each, and their parts merged in
// the first: from shardFrom bytes, on a device of shardCores cores or more,
// on as many workers as it has cores, up to 4. On 2 cores, shared with the
// rest of the machine, two shards measured no faster than one Worker (see
// docs/measurements.md), so such devices keep one. The page only passes messages;
// the bridge shards and merges.
const shardFrom = 4 << 20;
const shardCores = 4;
const shardWorkers = [];
function eventLogShards(size) {
  const cores = navigator.hardwareConcurrency || 1;
  return size < shardFrom || cores < shardCores ? 1 : Math.min(cores, 4);
}

// ask posts msg to w and resolves with its answer, passing progress
// messages to onProgress; an answer with an error rejects, with the
// bridge error (if it is one) as err.bridge.
function ask(w, msg, transfer, onProgress) {
  const id = ++workerSeq;
  return new Promise((resolve, reject) => {
    const listen = (e) => {
      if (e.data.id !== id) return;
      if (e.data.done !== undefined) { if (onProgress) onProgress(e.data.done, e.data.total); return; }
      w.removeEventListener('message', listen);
      if (e.data.error) {
        let be = null;
        try { be = JSON.parse(e.data.error); } catch (_) { /* not a bridge error */ }
        const err = new Error(be ? be.message : e.data.error); err.bridge = be; reject(err);
      } else resolve(e.data);
    };
    w.addEventListener('message', listen);
    w.postMessage({ id, ...msg }, transfer);
  });
}

async function analyzeInWorker(file, options, onProgress) {
  worker = worker || new Worker('worker.js');
  const n = eventLogShards(file.size);
  globalThis.sujuvaLastEventLogWorkers = n;
  if (n === 1) {
    const { ok, ms } = await ask(worker, { eventLog: file, options }, [], onProgress);
    return { result: JSON.parse(ok), ms };
  }
  warmShardWorkers(n);
  const t0 = performance.now();
  const done = new Array(n).fill(0);
  const parts = await Promise.all(shardWorkers.slice(0, n).map((w, shard) => ask(w, { eventLogPart: file, options, shard, shards: n }, [],
    (d, total) => { done[shard] = d; onProgress(done.reduce((a, b) => a + b, 0), n * total); })));
  const t1 = performance.now();
  const buffers = parts.map((p) => p.part);
  const partBytes = buffers.reduce((a, b) => a + b.byteLength, 0);
  const { ok, ms } = await ask(worker, { mergeParts: buffers, options }, buffers);
  const result = JSON.parse(ok);
  const t2 = performance.now();
  // ms counts, as a single Worker's does, from the start of the analysis,
  // once the file is read, to the result: from the first shard's start.
  const started = Math.min(...parts.map((p) => p.startedAt)) - performance.timeOrigin;
  globalThis.sujuvaLastEventLogShards = { wallMs: t2 - t0, readMs: parts.map((p) => p.readMs), partMs: parts.map((p) => p.ms),
    partsDoneMs: t1 - started, mergeMs: ms, partBytes };
  return { result, ms: t2 - started };
}

// warmShardWorkers starts the Web Workers for n shards, so that each has
// its Go instance ready before a log is dropped.
function warmShardWorkers(n) {
  worker = worker || new Worker('worker.js');
  shardWorkers[0] = worker;
  for (let k = 1; k < n; k++) shardWorkers[k] = shardWorkers[k] || new Worker('worker.js');
}

function inWorker(batch, onProgress) {
  worker = worker || new Worker('worker.js');
  const id = ++workerSeq;
  return new Promise((resolve) => {
    const listen = (e) => {
      if (e.data.id !== id) return;
      if (e.data.results) { worker.removeEventListener('message', listen); resolve(e.data.results); } else onProgress(e.data.done, e.data.total);
    };
    worker.addEventListener('message', listen);
    worker.postMessage({ id, batch });
  });
}

// aggregateTable shows one table of the round's aggregate: hidden counts
// (small-cell suppression) as "< threshold".
function aggregateTable(key, p) {
  const cell = (v) => (v === null || v === undefined ? t('hiddenCount', { threshold: p.threshold }) : String(v));
  const label = (group, name) => t(`${group}.${name}`);
  const group = { members: 'role', measures: 'kind', improvements: 'kind' }[key];
  const colLabel = (c) => (key === 'measures' ? t(`dimension.${c}`) : t(`aggregate.col.${c}`));
  return h('table', { 'data-table': key },
    h('caption', { text: t(`aggregate.${key}`) }),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col', text: t(`aggregate.${key}.rows`) }), p.cols.map((c) => h('th', { scope: 'col', text: colLabel(c) })),
      h('th', { scope: 'col', text: t('aggregate.total') }))),
    h('tbody', {}, p.rows.map((r, i) => h('tr', {}, h('th', { scope: 'row', text: label(group, r) }),
      p.cells[i].map((v) => h('td', { 'data-hidden': String(v === null), text: cell(v) })), h('td', { text: cell(p.rowTotals[i]) })))),
    h('tfoot', {}, h('tr', {}, h('th', { scope: 'row', text: t('aggregate.total') }), p.colTotals.map((v) => h('td', { text: cell(v) })), h('td', { text: cell(p.total) }))));
}

function roundPanel() {
  const out = h('div', { id: 'round-out', 'aria-live': 'polite' });
  const aggOut = h('div', { id: 'aggregate', 'aria-live': 'polite' });
  let worksheets = [];
  const aggregateButton = h('button', { type: 'button', id: 'round-aggregate', disabled: true, onClick: async () => {
    try {
      const r = await call('round.aggregate', { worksheets });
      const blob = new Blob([JSON.stringify(r, null, 2)], { type: 'application/json' });
      aggOut.replaceChildren(h('h3', { text: t('aggregate.title') }), h('p', { 'data-teams': String(r.teams), text: t('aggregate.teams', { count: r.teams }) }),
        h('p', { text: t('aggregate.note', { threshold: r.members.threshold }) }),
        aggregateTable('members', r.members), aggregateTable('measures', r.measures), aggregateTable('improvements', r.improvements),
        h('a', { href: URL.createObjectURL(blob), download: 'kierros-yhteenveto.json', id: 'download-aggregate', class: 'button', text: t('downloadJSON') }));
    } catch (e) { aggOut.replaceChildren(e.bridge && e.bridge.findings ? findingsList(e.bridge.findings) : h('p', { text: e.message })); }
  }, text: t('aggregate.build') });
  const progress = h('progress', { id: 'round-progress', max: '1', value: '0', 'aria-label': t('roundFiles') });
  const input = h('input', { type: 'file', id: 'round-files', multiple: true, accept: '.json,application/json', onChange: async (e) => {
    const files = [...e.target.files];
    const texts = await Promise.all(files.map((f) => f.text()));
    progress.max = String(files.length);
    const results = await inWorker(texts.map((json) => ({ op: 'worksheet.check', json })), (done) => { progress.value = String(done); });
    worksheets = [];
    const rows = results.map((r, i) => {
      if (r.error) return h('li', { text: `${files[i].name}: ${t('openFailed')}` });
      const c = JSON.parse(r.ok);
      worksheets.push(c.worksheet);
      return h('li', { 'data-valid': String(c.valid) }, h('strong', { text: c.worksheet.team.name || files[i].name }), ` (${files[i].name})`, findingsList(c.findings));
    });
    out.replaceChildren(h('ul', {}, rows));
    aggregateButton.disabled = worksheets.length === 0;
    aggOut.replaceChildren();
  } });
  const roundOut = h('div', { id: 'round-rules', 'aria-live': 'polite' });
  const roundInput = h('input', { type: 'file', id: 'round-file', accept: '.json,application/json', onChange: async (e) => {
    try {
      const round = JSON.parse(await e.target.files[0].text());
      const r = await call('round.validate', { round });
      roundOut.replaceChildren(h('p', { 'data-valid': String(r.valid), text: round.name || e.target.files[0].name }), findingsList(r.findings, 'noFindingsRound'));
    } catch (err) { roundOut.replaceChildren(h('p', { text: `${t('openFailed')}: ${err.message}` })); }
  } });
  return [h('h2', { text: t('tab.round') }), h('p', { text: t('roundIntro') }),
    h('div', { class: 'field' }, h('label', { for: 'round-files', text: t('roundFiles') }), input), progress, out,
    aggregateButton, aggOut,
    h('h3', { text: t('roundRules') }),
    h('div', { class: 'field' }, h('label', { for: 'round-file', text: t('roundFile') }), roundInput), roundOut];
}

// ---- start ---------------------------------------------------------------

async function startWasm() {
  const go = new globalThis.Go();
  const ready = new Promise((r) => globalThis.addEventListener('sujuva-ready', r, { once: true }));
  const res = await WebAssembly.instantiateStreaming(fetch('sujuva.wasm'), go.importObject);
  go.run(res.instance);
  await ready;
}

async function start() {
  const t0 = performance.now();
  try {
    const p = JSON.parse(localStorage.getItem(PREF) || '{}');
    if (texts[p.lang]) lang = p.lang;
    if (panels[p.tab]) tab = p.tab;
  } catch (_) { /* defaults */ }
  $('#lang').value = lang;
  $('#lang').addEventListener('change', (e) => { lang = e.target.value; localStorage.setItem(PREF, JSON.stringify({ lang, tab })); render(); });
  setupTabs();
  await startWasm();
  catalog = (await call('messages', {})).messages;
  ws = await load();
  $('#save-file').addEventListener('click', () => {
    const a = h('a', { href: URL.createObjectURL(new Blob([JSON.stringify(ws, null, 2)], { type: 'application/json' })), download: `${ws.team.name || 'worksheet'}.sujuva.json` });
    document.body.append(a); a.click(); a.remove();
  });
  $('#open-file').addEventListener('change', async (e) => {
    try { ws = await normalise(JSON.parse(await e.target.files[0].text())); save(); render(); setStatus(t('opened')); }
    catch (err) { setStatus(`${t('openFailed')}: ${err.message}`); }
  });
  render();
  document.body.dataset.ready = 'true';
  globalThis.sujuvaReadyMs = performance.now(); // since navigation start
  globalThis.sujuvaStartMs = performance.now() - t0;
}

start().catch((e) => { console.error('sujuva: start failed', e); $('#status').textContent = `${t('error')}: ${e.message}`; });
