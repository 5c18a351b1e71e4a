// The Hauyna console: draws the view the server pushes once a second as the event
// "hauyna.console" (docs/PROTOCOL.md, "The console's feed"). Read-only; no build step.
import { Socket } from '../hauyna.js';

const CLOSE_NAMES = {
    1000: 'normal', 1001: 'going away', 1005: 'no code', 1006: 'abnormal', 1008: 'policy', 1009: 'too big', 1011: 'server error',
    1012: 'restart', 1013: 'slow consumer', 4000: 'heartbeat timeout', 4001: 'credentials expired',
    4029: 'rate limited', 4030: 'connection limit',
};

const number = new Intl.NumberFormat();
const $ = (id) => document.getElementById(id);

function time(iso) {
    return new Date(iso).toLocaleTimeString();
}

function setText(id, text) {
    $(id).textContent = text;
}

/** Replaces a table's rows; every cell is text, never HTML (identifiers and reasons come from clients). */
function fillTable(id, rows, columns, numeric = []) {
    const body = $(id).tBodies[0];
    const fresh = document.createElement('tbody');
    if (rows.length === 0) {
        const cell = fresh.insertRow().insertCell();
        cell.colSpan = columns;
        cell.className = 'empty';
        cell.textContent = 'none';
    }
    for (const row of rows) {
        const tr = fresh.insertRow();
        row.forEach((value, index) => {
            const cell = tr.insertCell();
            cell.textContent = typeof value === 'number' ? number.format(value) : value;
            if (numeric.includes(index)) cell.className = 'n';
        });
    }
    body.replaceWith(fresh);
}

/** Open connections over the last five minutes: the right edge is the latest sample. */
function drawChart(history) {
    const svg = $('connectionsChart');
    const values = history.map(([, connections]) => connections);
    const max = Math.max(1, ...values);
    const newest = history.length ? history[history.length - 1][0] : 0;
    const points = history.map(([second, connections]) =>
        `${((second - (newest - 299)) / 299 * 600).toFixed(1)},${(155 - connections / max * 150).toFixed(1)}`);
    const [area, line] = ['polygon', 'polyline'].map((shape) => svg.querySelector(shape)
        ?? svg.appendChild(document.createElementNS('http://www.w3.org/2000/svg', shape)));
    line.setAttribute('points', points.join(' '));
    // The same line closed along the bottom edge: the area under it, shaded.
    area.setAttribute('points', points.length ? `${points[0].split(',')[0]},155 ${points.join(' ')} 600,155` : '');
    setText('chartMin', '5 minutes ago');
    setText('chartMax', `now · top of the chart: ${number.format(max)}`);
}

function render(view) {
    const s = view.stats;
    const last = view.history[view.history.length - 1];
    setText('application', view.application ? `· ${view.application}` : '');
    for (const key of ['activeConnections', 'channels', 'subscriptions', 'presenceMembers', 'droppedMessages',
        'slowConsumerCloses', 'rateLimitedFrames', 'heartbeatTimeouts']) {
        setText(key, number.format(s[key]));
    }
    setText('deliveriesPerSecond', last ? number.format(last[2]) : '–');
    setText('queued', `${number.format(s.queuedMessages)} (${number.format(s.longestQueue)})`);
    setText('publish', s.publishes ? `${number.format(s.publishMeanMicros)} / ${number.format(s.publishMaxMicros)} µs` : '–');
    setText('cluster', s.clustered ? `${number.format(s.clusterMembers)} other node(s)` : 'alone');
    setText('closedByCode', Object.entries(s.closedByCode).map(([code, count]) => `${code}: ${number.format(count)}`).join(' · '));
    drawChart(view.history);
    fillTable('channelsTable', view.channels.map((c) => [c.name, c.subscribers, c.present]), 3, [1, 2]);
    fillTable('queuesTable', view.queues.map((q) => [q.identifier, q.route, q.queued, q.bytes, q.dropped]), 5, [2, 3, 4]);
    fillTable('closesTable', view.closes.map((c) => [time(c.at), `${c.code}${CLOSE_NAMES[c.code] ? ` ${CLOSE_NAMES[c.code]}` : ''}`,
        c.reason, c.identifier]), 4, [1]);
    fillTable('errorsTable', view.errors.map((e) => [time(e.at), e.type, e.message, e.identifier]), 4);
    const status = $('status');
    status.className = `status ${view.draining ? 'draining' : 'live'}`;
    status.textContent = view.draining ? 'Stopping: draining connections'
        : `Live · ${new Date(view.takenAt).toLocaleTimeString()} · background work on ${view.executor}`;
}

const socket = new Socket('live');
socket.on('event:hauyna.console', render);
socket.on('reconnecting', () => {
    $('status').className = 'status connecting';
    $('status').textContent = 'Connection lost: reconnecting…';
});
socket.on('stopped', (error) => {
    $('status').className = 'status connecting';
    $('status').textContent = `Disconnected: ${error.message}`;
});
socket.connect();
