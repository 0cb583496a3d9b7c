// MAS dashboard: renders the snapshots the registry app streams at /events (server-sent events).
// Plain DOM, no framework and no build step; every value from Redis is set as text, never as HTML.
'use strict';

(() => {
  const HISTORY = 120; // snapshots kept per agent for the detail view's chart
  const state = { snapshot: null, search: '', status: '', selected: new Set(), history: new Map(), rows: new Map(), chipsKey: '' };
  const $ = (selector) => document.querySelector(selector);

  /** Creates an element: `attrs` are properties (`className`, `href`, `dataset`, `title`, ...), children text or nodes. */
  function h(tag, attrs = {}, ...children) {
    const el = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs)) {
      if (key === 'dataset') Object.assign(el.dataset, value);
      else if (value !== undefined && value !== null) el[key] = value;
    }
    for (const child of children.flat()) if (child !== null && child !== undefined) el.append(child instanceof Node ? child : String(child));
    return el;
  }

  const rate = (value) => (value === null || value === undefined ? '—' : value >= 100 ? value.toFixed(0) : value.toFixed(value >= 10 ? 1 : 2));
  const age = (seconds) => (seconds === null || seconds === undefined ? 'expired' : `${seconds.toFixed(1)} s`);
  const clock = (ms) => {
    if (!ms) return '—';
    const date = new Date(ms);
    return date.toDateString() === new Date().toDateString() ? date.toLocaleTimeString() : date.toLocaleString();
  };
  const agentLink = (id) => `#/agent/${encodeURIComponent(id)}`;
  const routeAgent = () => {
    const match = /^#\/agent\/(.+)$/.exec(location.hash);
    return match ? decodeURIComponent(match[1]) : null;
  };

  function matches(agent) {
    if (state.status && agent.status !== state.status) return false;
    if (state.selected.size && !agent.capabilities.some((c) => state.selected.has(c))) return false;
    const query = state.search.trim().toLowerCase();
    return !query || agent.id.toLowerCase().includes(query) || agent.capabilities.some((c) => c.toLowerCase().includes(query));
  }

  function chip(capability) {
    return h('button', { type: 'button', className: 'chip', dataset: { capability }, ariaPressed: String(state.selected.has(capability)) }, capability);
  }

  function toggleCapability(capability) {
    if (state.selected.has(capability)) state.selected.delete(capability);
    else state.selected.add(capability);
    state.chipsKey = '';
    render();
  }

  function renderSummary(agents) {
    const active = agents.filter((a) => a.status === 'ACTIVE').length;
    const inbound = agents.reduce((sum, a) => sum + (a.traffic?.inPerSecond ?? 0), 0);
    $('#summary').replaceChildren(
      h('span', {}, h('b', {}, agents.length), ' agents'),
      h('span', { className: 'ok' }, h('b', {}, active), ' active'),
      h('span', { className: agents.length - active ? 'bad' : '' }, h('b', {}, agents.length - active), ' inactive'),
      h('span', {}, h('b', {}, rate(inbound)), ' msg/s in'),
    );
  }

  function renderChips(agents) {
    const counts = new Map();
    for (const agent of agents) for (const c of agent.capabilities) counts.set(c, (counts.get(c) ?? 0) + 1);
    const names = [...counts.keys()].sort();
    const key = JSON.stringify([names.map((n) => [n, counts.get(n)]), [...state.selected]]);
    if (key === state.chipsKey) return;
    state.chipsKey = key;
    $('#capabilities').replaceChildren(...names.map((name) => {
      const button = chip(name);
      button.append(h('small', {}, ` ${counts.get(name)}`));
      return button;
    }));
  }

  /** Updates a cell's text only when it changed (keeps the table calm and clickable). */
  function setText(cell, text) {
    if (cell.textContent !== text) cell.textContent = text;
  }

  function rowFor(agent) {
    let row = state.rows.get(agent.id);
    if (!row) {
      row = h('tr', { dataset: { agentId: agent.id } },
        h('td', {}, h('span', { className: 'status' })),
        h('td', {}, h('a', { href: agentLink(agent.id), className: 'agent-link' }, agent.id)),
        h('td', { className: 'chips' }),
        h('td', { className: 'num heartbeat' }), h('td', { className: 'num rate-in' }), h('td', { className: 'num rate-out' }), h('td', { className: 'num errors' }));
      state.rows.set(agent.id, row);
    }
    const [statusCell, , capsCell, beatCell, inCell, outCell, errorCell] = row.cells;
    if (row.dataset.status && row.dataset.status !== agent.status) {
      row.classList.remove('changed');
      void row.offsetWidth; // restart the highlight animation
      row.classList.add('changed');
    }
    row.dataset.status = agent.status;
    const status = statusCell.firstChild;
    status.className = `status ${agent.status.toLowerCase()}`;
    setText(status, agent.status);
    const caps = JSON.stringify([agent.capabilities, agent.capabilities.filter((c) => state.selected.has(c))]);
    if (capsCell.dataset.caps !== caps) {
      capsCell.dataset.caps = caps;
      capsCell.replaceChildren(...agent.capabilities.map(chip));
    }
    setText(beatCell, age(agent.secondsSinceHeartbeat));
    setText(inCell, rate(agent.traffic?.inPerSecond));
    setText(outCell, rate(agent.traffic?.outPerSecond));
    setText(errorCell, agent.traffic ? String(agent.traffic.errors) : '—');
    return row;
  }

  function renderAgents(agents) {
    const shown = agents.filter(matches);
    const body = $('#agents tbody');
    const rows = shown.map(rowFor);
    if (rows.length !== body.rows.length || rows.some((row, i) => body.rows[i] !== row)) body.replaceChildren(...rows);
    const ids = new Set(agents.map((a) => a.id));
    for (const id of state.rows.keys()) if (!ids.has(id)) state.rows.delete(id);
    $('#empty').hidden = shown.length > 0;
  }

  /** A small SVG chart of in/out rates over the last snapshots. */
  function sparkline(points) {
    const ns = 'http://www.w3.org/2000/svg';
    const width = 480, height = 80;
    const svg = document.createElementNS(ns, 'svg');
    svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
    svg.setAttribute('class', 'sparkline');
    const max = Math.max(1, ...points.flatMap((p) => [p.in ?? 0, p.out ?? 0]));
    for (const series of ['in', 'out']) {
      const line = document.createElementNS(ns, 'polyline');
      const step = width / Math.max(1, HISTORY - 1);
      const offset = HISTORY - points.length;
      const drawn = points.map((p, i) => [offset + i, p[series]]).filter(([, value]) => value !== null && value !== undefined);
      line.setAttribute('points', drawn.map(([x, value]) => `${(x * step).toFixed(1)},${(height - 2 - (value / max) * (height - 4)).toFixed(1)}`).join(' '));
      line.setAttribute('class', `series-${series}`);
      svg.append(line);
    }
    return svg;
  }

  function renderDetail(agents, id) {
    const agent = agents.find((a) => a.id === id);
    const view = $('#detail-view');
    const title = h('h2', {}, h('a', { href: '#/', className: 'back' }, '← agents'), ' ', id);
    if (!agent) {
      view.replaceChildren(title, h('p', { className: 'empty gone' }, 'This agent is no longer registered (it stopped, or its registration was removed).'));
      return;
    }
    const t = agent.traffic;
    const field = (label, value, className) => [h('dt', {}, label), h('dd', { className }, value)];
    view.replaceChildren(
      title,
      h('dl', { className: 'detail' },
        field('status', h('span', { className: `status ${agent.status.toLowerCase()}` }, agent.status), 'detail-status'),
        field('capabilities', agent.capabilities.length ? agent.capabilities.map((c) => h('span', { className: 'chip static' }, c)) : '—'),
        field('registered', new Date(agent.registeredAt * 1000).toLocaleString()),
        field('last heartbeat', agent.lastHeartbeatAt ? `${clock(agent.lastHeartbeatAt * 1000)} (${age(agent.secondsSinceHeartbeat)} ago)` : 'expired'),
        field('messages in / out per second', t ? `${rate(t.inPerSecond)} / ${rate(t.outPerSecond)}` : 'no traffic reported', 'detail-rates'),
        field('received / sent / errors since start', t ? `${t.received} / ${t.sent} / ${t.errors}` : '—'),
        field('processes reporting', t ? String(t.reporters) : '—'),
        field('metadata', h('pre', {}, JSON.stringify(agent.metadata, null, 2))),
      ),
      h('h3', {}, 'Rates over the last ', String(HISTORY), ' updates ', h('span', { className: 'legend in' }, 'in'), ' ', h('span', { className: 'legend out' }, 'out')),
      sparkline(state.history.get(id) ?? []),
      h('p', {}, h('a', { href: `/agents/${encodeURIComponent(id)}`, target: '_blank' }, 'JSON record')),
    );
  }

  const SVG = 'http://www.w3.org/2000/svg';
  /** Creates an SVG element with attributes (`text` sets its text). */
  function svg(tag, attrs = {}) {
    const el = document.createElementNS(SVG, tag);
    for (const [key, value] of Object.entries(attrs)) {
      if (key === 'text') el.textContent = value;
      else el.setAttribute(key, String(value));
    }
    return el;
  }

  /**
   * The who-talks-to-whom graph: agents (and peers they name that are not registered) on a circle,
   * one arrow per sender → peer, as thick as its message rate, labelled with it.
   */
  function renderGraph(snapshot) {
    const links = snapshot.links ?? [];
    const canvas = $('#graph-canvas');
    $('#graph-empty').hidden = links.length > 0;
    canvas.hidden = links.length === 0;
    if (!links.length) return canvas.replaceChildren();
    const known = new Map(snapshot.agents.map((a) => [a.id, a]));
    const ids = [...new Set(links.flatMap((l) => [l.from, l.to]))].sort();
    const width = 720, height = 420, cx = width / 2, cy = height / 2;
    const radius = ids.length === 1 ? 0 : Math.min(cx, cy) - 50;
    const at = new Map(ids.map((id, i) => {
      const angle = (2 * Math.PI * i) / ids.length - Math.PI / 2;
      return [id, { x: cx + radius * Math.cos(angle), y: cy + radius * Math.sin(angle) }];
    }));
    const max = Math.max(1, ...links.map((l) => l.perSecond ?? 0));
    const marker = svg('marker', { id: 'arrow', viewBox: '0 0 10 10', refX: 10, refY: 5, markerWidth: 10, markerHeight: 10, markerUnits: 'userSpaceOnUse', orient: 'auto' });
    marker.append(svg('path', { d: 'M 0 0 L 10 5 L 0 10 z' }));
    const defs = svg('defs');
    defs.append(marker);
    const edges = links.map((link) => {
      const a = at.get(link.from), b = at.get(link.to);
      const dx = b.x - a.x, dy = b.y - a.y, length = Math.hypot(dx, dy) || 1;
      // Offset sideways so A → B and B → A do not overlap; stop short of the node circles.
      const nx = -dy / length * 7, ny = dx / length * 7, pad = 26;
      const x1 = a.x + dx / length * pad + nx, y1 = a.y + dy / length * pad + ny;
      const x2 = b.x - dx / length * pad + nx, y2 = b.y - dy / length * pad + ny;
      const perSecond = link.perSecond;
      const g = svg('g', { class: 'link' });
      const line = svg('line', {
        class: perSecond ? 'edge' : 'edge idle', x1, y1, x2, y2, 'marker-end': 'url(#arrow)',
        'stroke-width': (1 + 5 * ((perSecond ?? 0) / max)).toFixed(1),
        'data-from': link.from, 'data-to': link.to, 'data-rate': perSecond ?? '',
      });
      line.append(svg('title', { text: `${link.from} → ${link.to}: ${rate(perSecond)} msg/s (${link.sent} since start)` }));
      const anchor = nx > 1 ? 'start' : nx < -1 ? 'end' : 'middle';
      g.append(line, svg('text', { class: 'edge-label', x: ((x1 + x2) / 2 + nx).toFixed(1), y: ((y1 + y2) / 2 + ny + 4).toFixed(1), 'text-anchor': anchor, text: `${rate(perSecond)}/s` }));
      return g;
    });
    const nodes = ids.map((id) => {
      const { x, y } = at.get(id);
      const agent = known.get(id);
      const kind = agent ? agent.status.toLowerCase() : 'external';
      const g = svg('g', { class: `node ${kind}`, 'data-agent-id': id, transform: `translate(${x.toFixed(1)},${y.toFixed(1)})` });
      // The label goes outwards, away from the edges in the middle.
      const out = radius ? { x: (x - cx) / radius, y: (y - cy) / radius } : { x: 0, y: 1 };
      const label = svg('text', { x: (out.x * 30).toFixed(1), y: (out.y * 30 + 4).toFixed(1), 'text-anchor': out.x > 0.3 ? 'start' : out.x < -0.3 ? 'end' : 'middle', text: id });
      const anchor = svg('a', { href: agent ? agentLink(id) : '#/' });
      anchor.append(svg('circle', { r: 18 }), label);
      g.append(anchor);
      return g;
    });
    canvas.replaceChildren(defs, ...edges, ...nodes);
  }

  function table(selector, rows) {
    const columns = $(`${selector} thead tr`).cells.length;
    const body = rows.length ? rows.map((cells) => h('tr', {}, cells.map((cell) => h('td', {}, cell)))) : [h('tr', {}, h('td', { colSpan: columns, className: 'empty' }, 'None.'))];
    $(`${selector} tbody`).replaceChildren(...body);
  }

  function renderGateway(gateway) {
    const panel = $('#gateway');
    panel.hidden = !gateway;
    if (!gateway) return;
    const endpoint = gateway.endpoint;
    setText($('#gateway-endpoint'), endpoint ? `${endpoint.url} · ${endpoint.healthy === null ? 'checking' : endpoint.healthy ? 'healthy' : 'unreachable'}` : 'from Redis');
    setText($('#decision-window'), `(last ${gateway.windowSeconds.toFixed(0)} s, ${gateway.decisionsCounted} decisions)`);
    const decisions = Object.entries(gateway.decisionsPerSecond).sort((a, b) => b[1] - a[1]);
    const max = Math.max(0, ...decisions.map(([, value]) => value));
    $('#decisions').replaceChildren(...(decisions.length ? decisions.map(([name, value]) => {
      const bar = h('span', { className: 'bar' });
      bar.style.width = `${(value / max) * 100}%`;
      return h('div', { className: `bar-row decision-${name.toLowerCase()}`, dataset: { decision: name } },
        h('span', { className: 'bar-label' }, name), h('span', { className: 'bar-track' }, bar), h('span', { className: 'num' }, `${rate(value)}/s`));
    }) : [h('p', { className: 'empty' }, 'No decision in this window.')]));
    setText($('#audit-length'), `(${gateway.auditLength} entries)`);
    table('#audit', gateway.auditTail.map((e) => [clock(e.at), h('span', { className: `decision ${e.decision === 'ALLOWED' ? 'ok' : 'bad'}` }, e.decision), `${e.senderId} → ${e.targetId}`, e.messageType, e.reason]));
    setText($('#dlq-length'), `(${gateway.deadLetterCount} entries)`);
    table('#dlq', gateway.deadLetters.map((d) => [clock(d.at), d.agentId, d.senderId, d.reason, String(d.attempts)]));
  }

  function renderRedis(redis) {
    const banner = $('#redis-incidents');
    const resets = redis ? redis.resets : 0;
    banner.hidden = resets === 0;
    if (resets) setText(banner, `Redis came back without its data ${resets === 1 ? 'once' : `${resets} times`} (last at ${clock(redis.lastResetAt)}): undelivered messages, registrations and state written before may be lost.`);
  }

  function render() {
    const snapshot = state.snapshot;
    if (!snapshot) return;
    const id = routeAgent();
    renderSummary(snapshot.agents);
    renderChips(snapshot.agents);
    $('#agents-view').hidden = id !== null;
    $('#detail-view').hidden = id === null;
    if (id === null) renderAgents(snapshot.agents);
    else renderDetail(snapshot.agents, id);
    $('#graph').hidden = id !== null;
    if (id === null) renderGraph(snapshot);
    renderGateway(snapshot.gateway);
    renderRedis(snapshot.redis);
  }

  function remember(snapshot) {
    const ids = new Set();
    for (const agent of snapshot.agents) {
      ids.add(agent.id);
      const points = state.history.get(agent.id) ?? [];
      points.push({ at: snapshot.at, in: agent.traffic?.inPerSecond, out: agent.traffic?.outPerSecond });
      if (points.length > HISTORY) points.shift();
      state.history.set(agent.id, points);
    }
    for (const id of state.history.keys()) if (!ids.has(id)) state.history.delete(id);
  }

  function setConnection(kind, text) {
    const el = $('#connection');
    el.dataset.state = kind;
    setText(el, text);
  }

  function connect() {
    const source = new EventSource('/events');
    source.onopen = () => setConnection('live', 'live');
    source.onerror = () => setConnection('down', 'reconnecting…');
    source.onmessage = (event) => {
      state.snapshot = JSON.parse(event.data);
      state.receivedAt = Date.now();
      remember(state.snapshot);
      render();
      setConnection('live', `live · ${clock(state.snapshot.at)}`);
    };
  }

  document.addEventListener('DOMContentLoaded', () => {
    $('#search').addEventListener('input', (event) => {
      state.search = event.target.value;
      render();
    });
    $('#status-filter').addEventListener('change', (event) => {
      state.status = event.target.value;
      render();
    });
    // Capability chips, in the toolbar and in the table, toggle the capability filter.
    document.body.addEventListener('click', (event) => {
      const button = event.target.closest('button.chip');
      if (button) toggleCapability(button.dataset.capability);
    });
    window.addEventListener('hashchange', render);
    // A snapshot that stops coming (registry down or unreachable) is shown as stale.
    setInterval(() => {
      if (state.receivedAt && Date.now() - state.receivedAt > 5_000) setConnection('down', `stale · last update ${clock(state.snapshot.at)}`);
    }, 1_000);
    connect();
  });
})();
