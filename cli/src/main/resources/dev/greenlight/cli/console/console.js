// The Greenlight console's page: polls the console's JSON, draws the pipeline from its definition, and
// posts approvals and starts with the session's token. Nothing is fetched from anywhere else.
'use strict';

const token = document.querySelector('meta[name="greenlight-token"]').content;
const SVG = 'http://www.w3.org/2000/svg';
const BOX = { width: 190, height: 26, across: 200, down: 52 };
let graph = null;
let selected = null;

const $ = (id) => document.getElementById(id);

function el(tag, attributes, text) {
  const node = tag.startsWith('svg:') ? document.createElementNS(SVG, tag.slice(4)) : document.createElement(tag);
  Object.entries(attributes || {}).forEach(([name, value]) => node.setAttribute(name, value));
  if (text !== undefined && text !== null) node.textContent = text;
  return node;
}

async function getJson(url) {
  const response = await fetch(url, { cache: 'no-store' });
  const body = await response.json();
  if (!response.ok) throw new Error(body.message || response.statusText);
  return body;
}

async function post(url, body) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Greenlight-Token': token },
    body: JSON.stringify(body),
  });
  const answer = await response.json();
  return { ok: response.ok, message: answer.message };
}

function say(target, message, ok) {
  target.textContent = message;
  target.className = 'message ' + (ok ? 'ok' : 'error');
}

function time(iso) {
  return iso ? iso.replace('T', ' ').replace(/\.\d+Z$|Z$/, '') : '';
}

// --- The list of services and releases -------------------------------------------------------------

async function refreshOverview() {
  const service = $('filter-service').value;
  const outcome = $('filter-outcome').value;
  const overview = await getJson('/api/overview?service=' + encodeURIComponent(service)
    + '&outcome=' + encodeURIComponent(outcome));
  $('where').textContent = 'against ' + overview.where;
  fillOptions($('filter-service'), overview.services, 'all');
  fillOptions($('start-service'), overview.services, null);
  const services = $('services');
  services.replaceChildren(...overview.services.map((name) => {
    const latest = overview.executions.find((row) => row.service === name);
    const item = el('li', { 'data-service': name }, name + ' ');
    if (latest) item.append(el('span', { class: 'badge ' + latest.status }, latest.status));
    item.onclick = () => { $('filter-service').value = name; refreshOverview(); };
    return item;
  }));
  const rows = overview.executions.map((row) => {
    const tr = el('tr', { 'data-name': row.name, title: row.name + (row.error ? ' — ' + row.error : '') });
    if (row.name === selected) tr.className = 'selected';
    tr.append(el('td', {}, time(row.started)));
    const status = el('td');
    status.append(el('span', { class: 'badge ' + row.status }, row.status));
    tr.append(status, el('td', {}, row.service), el('td', {}, row.image));
    tr.onclick = () => { location.hash = '#/executions/' + row.name; };
    return tr;
  });
  $('executions').tBodies[0].replaceChildren(...rows);
}

function fillOptions(select, names, allLabel) {
  const wanted = (allLabel ? [''] : []).concat(names);
  const present = Array.from(select.options).map((option) => option.value);
  if (JSON.stringify(present) === JSON.stringify(wanted)) return;
  const value = select.value;
  select.replaceChildren(...wanted.map((name) => el('option', { value: name }, name || allLabel)));
  if (wanted.includes(value)) select.value = value;
}

// --- One release --------------------------------------------------------------------------------------

async function refreshDetail() {
  if (!selected) return;
  if (!graph) graph = await getJson('/api/graph');
  const asked = selected;
  const view = await getJson('/api/executions/' + encodeURIComponent(asked));
  // Another execution was opened while this answer was on its way: it must not draw over that one.
  if (asked !== selected) return;
  $('detail').hidden = false;
  $('name').textContent = view.name;
  $('status').textContent = view.status;
  $('status').className = 'badge ' + view.status;
  const input = view.input || {};
  const trigger = input.trigger || {};
  const image = input.image || {};
  $('summary').textContent = (input.service || '?') + ' ' + (image.repository || '?') + ':' + (image.tag || '-')
    + ' — started ' + time(view.started) + ' by ' + (trigger.source || '?') + ' (' + (trigger.by || '?') + '): '
    + (trigger.reason || '') + '. Approval ' + view.approvalMode + '. '
    + (view.state ? 'In ' + view.state + '.' : 'Starting.')
    + (view.failure ? ' Ended with ' + view.failure.error + ': ' + view.failure.summary : '');
  const fired = view.failure ? view.failure.fired : [];
  $('failure').replaceChildren(...fired.map((line) => el('li', {}, line)));
  $('failure').hidden = !fired.length;
  drawWait(view.wait);
  $('approval').hidden = !view.waitingApproval;
  drawApproval(view.approval);
  $('deployment').textContent = view.deploymentId ? view.deploymentId + ' (' + view.deploymentStatus + ')'
    : 'not started';
  drawGraph(view);
  drawTraffic(view.traffic);
  drawAlarms(view.alarms);
  drawTable($('canary'), view.canary, 'no canary analysis yet');
  drawSmoke(view.smokeTest);
  $('audit').textContent = view.report;
  $('download-md').href = '/api/executions/' + view.name + '/report.md';
  $('download-json').href = '/api/executions/' + view.name + '/report.json';
}

/** What the current step waits for when its worker said "not yet" (Preflight and a stale alarm, say). */
function drawWait(wait) {
  $('waiting').hidden = !wait;
  if (!wait) return;
  $('waiting').textContent = wait.state + ' waits since ' + time(wait.since) + ': ' + wait.reason + '. Looked '
    + wait.attempts + (wait.attempts === 1 ? ' time' : ' times') + ', every ' + wait.intervalSeconds + ' s; next look '
    + time(wait.nextAt) + '; the release fails with ' + wait.error + ' if it still waits at ' + time(wait.givesUpAt)
    + '.';
}

function drawApproval(approval) {
  $('approval-detail').textContent = !approval ? '' : (approval.timesOutAt ? 'Until ' + time(approval.timesOutAt)
    + ' (then rolled back). ' : '') + 'May answer: ' + approval.approvers + '. From a terminal: ' + approval.approve
    + ', or ' + approval.reject + '.';
}

// The graph is drawn once per release; each poll only marks the path taken and the current state.
let drawnFor = null;
let shownState = null;

function drawGraph(view) {
  if (drawnFor !== view.name) {
    $('graph').replaceChildren(graphSvg());
    drawnFor = view.name;
    shownState = null;
  }
  const visited = new Set(view.path);
  const taken = new Set();
  view.path.forEach((state, index) => { if (index > 0) taken.add(view.path[index - 1] + '\u0000' + state); });
  document.querySelectorAll('#graph g.node').forEach((node) => {
    const state = node.getAttribute('data-state');
    node.classList.toggle('visited', visited.has(state));
    node.classList.toggle('current', state === view.state);
  });
  document.querySelectorAll('#graph path.edge').forEach((edge) => {
    const from = edge.getAttribute('data-from');
    const to = edge.getAttribute('data-to');
    edge.classList.toggle('taken', taken.has(from + '\u0000' + to)
      || (edge.classList.contains('branch') && visited.has(from) && visited.has(to)));
  });
  if (view.state && view.state !== shownState) {
    shownState = view.state;
    const current = document.querySelector('#graph g.node.current');
    // Only the graph's own box scrolls to the current state; the page stays where the reader left it.
    if (current) {
      const box = $('graph');
      box.scrollTo({ left: Number(current.dataset.x) - box.clientWidth / 2 + BOX.width / 2,
        top: Number(current.dataset.y) - box.clientHeight / 2 });
    }
  }
}

function graphSvg() {
  const byRank = new Map();
  graph.nodes.forEach((node) => {
    if (!byRank.has(node.rank)) byRank.set(node.rank, []);
    byRank.get(node.rank).push(node);
  });
  const place = new Map();
  let widest = 1;
  byRank.forEach((nodes, rank) => {
    widest = Math.max(widest, nodes.length);
    nodes.forEach((node, index) => place.set(node.name, { x: 10 + index * BOX.across, y: 10 + rank * BOX.down, node }));
  });
  const ranks = Math.max(...graph.nodes.map((node) => node.rank)) + 1;
  const svg = el('svg:svg', { width: 60 + widest * BOX.across, height: 20 + ranks * BOX.down, role: 'img',
    'aria-label': 'the pipeline graph' });
  const defs = el('svg:defs');
  const marker = el('svg:marker', { id: 'arrow', viewBox: '0 0 10 10', refX: 10, refY: 5, markerWidth: 6,
    markerHeight: 6, orient: 'auto-start-reverse' });
  marker.append(el('svg:path', { d: 'M 0 0 L 10 5 L 0 10 z', fill: '#a0aec0' }));
  defs.append(marker);
  svg.append(defs);
  graph.edges.forEach((edge) => {
    const from = place.get(edge.from);
    const to = place.get(edge.to);
    if (!from || !to) return;
    const x1 = from.x + BOX.width / 2;
    const y1 = from.y + BOX.height;
    const x2 = to.x + BOX.width / 2;
    const y2 = to.y;
    // An edge back up the graph (a watch loop, a retry) goes round the boxes' right side, dashed.
    const back = to.node.rank <= from.node.rank;
    const d = back
      ? 'M ' + (from.x + BOX.width) + ' ' + (from.y + BOX.height / 2) + ' C ' + (from.x + BOX.width + 40) + ' '
        + from.y + ', ' + (to.x + BOX.width + 40) + ' ' + (to.y + BOX.height) + ', ' + (to.x + BOX.width) + ' '
        + (to.y + BOX.height / 2)
      : 'M ' + x1 + ' ' + y1 + ' C ' + x1 + ' ' + (y1 + 20) + ', ' + x2 + ' ' + (y2 - 20) + ', ' + x2 + ' ' + y2;
    svg.append(el('svg:path', { d, class: 'edge ' + edge.kind + (back ? ' back' : ''), 'data-from': edge.from,
      'data-to': edge.to }));
  });
  place.forEach(({ x, y, node }) => {
    const group = el('svg:g', { class: 'node ' + node.type, 'data-state': node.name, 'data-x': x, 'data-y': y,
      transform: 'translate(' + x + ',' + y + ')' });
    group.append(el('svg:title', {}, node.name + ' (' + node.type + (node.parallel ? ', in ' + node.parallel : '')
      + ')'));
    group.append(el('svg:rect', { width: BOX.width, height: BOX.height, rx: 4 }));
    group.append(el('svg:text', { x: 6, y: 17 }, node.name.length > 32 ? node.name.slice(0, 31) + '…' : node.name));
    svg.append(group);
  });
  return svg;
}

function drawTraffic(traffic) {
  const bar = el('div', { class: 'split' });
  // Widths through the CSSOM: the page's Content-Security-Policy refuses inline style attributes.
  const part = (role, percent, text) => {
    const div = el('div', { class: role }, text);
    div.style.width = percent + '%';
    return div;
  };
  if (!traffic.length) bar.append(part('none', 100, 'no production listener'));
  traffic.forEach((share) => {
    if (share.percent === 0) return;
    bar.append(part(share.role || 'none', share.percent,
      share.targetGroup + (share.role ? ' (' + share.role + ')' : '') + ' ' + share.percent + '%'));
  });
  const legend = el('p', {}, traffic.map((share) => share.targetGroup + (share.role ? ' (' + share.role + ')' : '')
    + ' ' + share.percent + '%').join(' · '));
  $('traffic').replaceChildren(bar, legend);
}

function drawAlarms(alarms) {
  const body = $('alarms').tBodies[0];
  body.replaceChildren(...alarms.map((alarm) => {
    const tr = el('tr');
    tr.append(el('td', {}, alarm.name), el('td', {}, alarm.role ? 'on ' + alarm.role : ''),
      el('td', { class: alarm.state }, alarm.state));
    return tr;
  }));
  if (!alarms.length) body.append(el('tr', {}, 'none configured'));
}

function drawTable(table, object, empty) {
  const body = table.tBodies[0];
  if (!object) {
    body.replaceChildren(el('tr', {}, empty));
    return;
  }
  body.replaceChildren(...Object.entries(object).map(([key, value]) => {
    const tr = el('tr');
    tr.append(el('th', {}, key), el('td', {}, flat(value)));
    return tr;
  }));
}

/** {"requests": 602, "errors": 0} as "requests 602 · errors 0": evidence a person reads. */
function flat(value) {
  if (value === null || value === undefined) return '-';
  if (typeof value !== 'object') return String(value);
  return Object.entries(value).map(([key, inner]) => key + ' ' + (typeof inner === 'object' && inner !== null
    ? JSON.stringify(inner) : inner)).join(' · ');
}

function drawSmoke(smoke) {
  if (!smoke) {
    $('smoke').replaceChildren(el('p', {}, 'no report yet'));
    return;
  }
  const list = el('ul');
  (smoke.checks || []).forEach((check) => list.append(el('li', {}, typeof check === 'object'
    ? Object.values(check).join(' ') : String(check))));
  $('smoke').replaceChildren(el('p', {}, 'status ' + smoke.status), list);
}

// --- Actions --------------------------------------------------------------------------------------------

async function answer(approve) {
  const reason = $('approval-reason').value;
  const result = await post('/api/executions/' + encodeURIComponent(selected) + (approve ? '/approve' : '/reject'),
    { reason });
  say($('action-message'), result.message, result.ok);
  refreshDetail();
}

async function start(event) {
  event.preventDefault();
  const result = await post('/api/releases', { service: $('start-service').value, image: $('start-image').value,
    approval: $('start-approval').value, reason: $('start-reason').value });
  say($('start-message'), result.message, result.ok);
  refreshOverview();
}

// --- Live -------------------------------------------------------------------------------------------------

function route() {
  const match = location.hash.match(/^#\/executions\/([A-Za-z0-9_-]+)$/);
  selected = match ? match[1] : null;
  $('action-message').textContent = '';
  $('detail').hidden = !selected;
  refreshDetail().catch(stale);
}

function stale(error) {
  $('live').textContent = 'not updating: ' + error.message;
  $('live').className = 'stale';
}

function fresh() {
  $('live').textContent = 'live';
  $('live').className = '';
}

function poll(refresh, every) {
  const tick = () => refresh().then(fresh, stale).finally(() => setTimeout(tick, every));
  tick();
}

document.addEventListener('DOMContentLoaded', () => {
  $('approve').onclick = () => answer(true);
  $('reject').onclick = () => answer(false);
  $('start-form').onsubmit = start;
  $('filter-service').onchange = refreshOverview;
  $('filter-outcome').onchange = refreshOverview;
  window.addEventListener('hashchange', route);
  route();
  poll(refreshOverview, 2000);
  poll(refreshDetail, 1000);
});
