// Unit tests of hauyna.js's logic with a fake clock and a fake WebSocket: run by `node --test`
// (the Maven build runs them in the test phase). The real-browser tests are in the TCK (BrowserIT).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Socket, Presence, HauynaError, backoffDelay } from '../../main/resources/META-INF/resources/hauyna/hauyna.js';
import { FakeClock, fakeWebSocketClass, settle } from './fakes.mjs';

const RECONNECT = { initialDelayMs: 500, maxDelayMs: 30_000, jitter: 0.5 };

function setUp(options = {}) {
    const clock = new FakeClock();
    const { FakeWebSocket, sockets } = fakeWebSocketClass();
    const socket = new Socket('ws://example.test/chat', {
        WebSocket: FakeWebSocket,
        setTimeout: clock.setTimeout,
        clearTimeout: clock.clearTimeout,
        now: clock.now,
        random: () => 0,
        fetch: async () => ({ status: 503 }),
        heartbeatIntervalMs: 0,
        ...options,
    });
    return { clock, sockets, socket, last: () => sockets[sockets.length - 1] };
}

async function connected(options) {
    const setup = setUp(options);
    setup.socket.connect();
    await settle();
    setup.last().serverOpens();
    return setup;
}

test('backoff doubles from the initial delay up to the cap, and jitter only ever shortens it', () => {
    assert.deepEqual([0, 1, 2, 3, 4, 5, 6, 7, 8].map((a) => backoffDelay(a, RECONNECT, () => 0)),
        [500, 1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000]);
    assert.equal(backoffDelay(3, RECONNECT, () => 1), 2000);
    assert.equal(backoffDelay(100, RECONNECT, () => 0.999999), 15000);
    for (let i = 0; i < 1000; i++) {
        const delay = backoffDelay(4, RECONNECT);
        assert.ok(delay >= 4000 && delay <= 8000, `${delay} within [4000, 8000]`);
    }
});

test('a dropped connection reconnects after growing delays, and not a moment earlier', async () => {
    const { clock, sockets, socket, last } = await connected();
    const delays = [];
    socket.on('reconnecting', ({ delayMs }) => delays.push(delayMs));

    last().serverCloses(1006);
    await settle();
    for (const expected of [500, 1000, 2000, 4000]) {
        const before = sockets.length;
        await clock.advance(expected - 1);
        assert.equal(sockets.length, before, `no new socket before ${expected} ms`);
        await clock.advance(1);
        assert.equal(sockets.length, before + 1, `a new socket at ${expected} ms`);
        last().serverCloses(1006);
        await settle();
    }
    assert.deepEqual(delays, [500, 1000, 2000, 4000, 8000]);
});

test('only a connection that stayed open resets the backoff', async () => {
    const { clock, socket, last } = await connected();
    const delays = [];
    socket.on('reconnecting', ({ delayMs }) => delays.push(delayMs));
    last().serverCloses(1006);
    await clock.advance(500);
    last().serverCloses(1006);
    await settle();
    await clock.advance(1000);
    last().serverOpens();
    last().serverCloses(1011);              // accepted, then closed at once: still backing off
    await settle();
    await clock.advance(2000);
    last().serverOpens();
    await clock.advance(5000);              // stable
    last().serverCloses(1006);
    await settle();
    assert.deepEqual(delays, [500, 1000, 2000, 500]);
});

test('a stopping server (1001, 1012) sends its clients back at random moments within the spread', async () => {
    for (const code of [1001, 1012]) {
        let next = 0.25;
        const { clock, sockets, socket, last } = await connected({ random: () => next });
        const delays = [];
        socket.on('reconnecting', ({ delayMs }) => delays.push(delayMs));
        await clock.advance(5000);             // a stable connection
        last().serverCloses(code, 'Server shutting down');
        await settle();
        assert.deepEqual(delays, [1250], `${code}: a quarter of the default 5 s spread`);
        await clock.advance(1249);
        assert.equal(sockets.length, 1);
        await clock.advance(1);
        assert.equal(sockets.length, 2, `${code}: reconnected`);
        next = 0;
        last().serverCloses(1006);             // that node is gone too: back to the backoff
        await settle();
        assert.equal(delays[1], 1000);
    }
    const spread = [];
    for (let i = 0; i < 200; i++) {
        const { clock, socket, last } = await connected({ random: Math.random, reconnect: { shutdownSpreadMs: 10_000 } });
        socket.on('reconnecting', ({ delayMs }) => spread.push(delayMs));
        await clock.advance(5000);
        last().serverCloses(1001);
        await settle();
    }
    assert.ok(spread.every((d) => d >= 0 && d <= 10_000), 'within the configured spread');
    assert.ok(new Set(spread.map((d) => Math.floor(d / 500))).size >= 15, 'spread over the whole window');

    // Closed with 1001 as it opened (a draining node turning clients away): the usual backoff, not the spread.
    const { socket, last } = await connected();
    const delays = [];
    socket.on('reconnecting', ({ delayMs }) => delays.push(delayMs));
    last().serverCloses(1001, 'Server shutting down');
    await settle();
    assert.deepEqual(delays, [500]);
});

test('clients dropped together come back spread out', () => {
    const delays = Array.from({ length: 200 }, () => backoffDelay(5, RECONNECT));
    const distinct = new Set(delays.map((d) => Math.floor(d / 100)));
    assert.ok(distinct.size > 50, `delays spread over ${distinct.size} buckets of 100 ms`);
});

test('no reconnection after disconnect() or a policy close', async () => {
    const first = await connected();
    first.socket.disconnect();
    await first.clock.advance(60_000);
    assert.equal(first.sockets.length, 1);
    assert.deepEqual(first.sockets[0].closedWith, { code: 1000, reason: 'bye' });

    const second = await connected();
    const errors = [];
    second.socket.on('error', (e) => errors.push(e));
    second.last().serverCloses(1008, 'Authentication required: sign in first');
    await second.clock.advance(60_000);
    assert.equal(second.sockets.length, 1);
    assert.equal(errors[0].type, 'unauthorized');

    const third = await connected();
    third.last().serverCloses(4030, 'Too many connections');
    await third.clock.advance(29_999);
    assert.equal(third.sockets.length, 1, 'a connection limit frees up later: retry at the longest delay');
    await third.clock.advance(1);
    assert.equal(third.sockets.length, 2);
});

test('a refused upgrade is checked over HTTP: 401 stops reconnecting, anything else backs off', async () => {
    const checks = [];
    const refused = setUp({ token: 'expired', fetch: async (url, init) => { checks.push([url, init]); return { status: 401 }; } });
    const errors = [];
    refused.socket.on('error', (e) => errors.push(e));
    refused.socket.connect();
    await settle();
    refused.last().serverCloses(1006);
    await refused.clock.advance(60_000);
    assert.equal(refused.sockets.length, 1);
    assert.equal(errors[0].type, 'unauthorized');
    assert.equal(errors[0].status, 401);
    assert.equal(checks[0][0], 'http://example.test/chat');
    assert.deepEqual(checks[0][1].headers, { 'X-Hauyna-Handshake-Check': '1', Authorization: 'Bearer expired' });
    await assert.rejects(refused.socket.direct('bob', 'hi'), (e) => e.type === 'unauthorized');

    const down = setUp({ fetch: async () => { throw new TypeError('network down'); } });
    down.socket.connect();
    await settle();
    down.last().serverCloses(1006);
    await settle();
    await down.clock.advance(500);
    assert.equal(down.sockets.length, 2);
});

test('an expired credential reconnects at once with a fresh token, but not in a loop', async () => {
    let issued = 0;
    const { clock, sockets, last } = await connected({ token: async () => `t${++issued}` });
    assert.deepEqual(sockets[0].protocols, ['hauyna', 'bearer.t1']);
    await clock.advance(5000);
    last().serverCloses(4001, 'Credentials expired: reconnect with fresh ones');
    await clock.advance(0);
    assert.equal(sockets.length, 2);
    assert.deepEqual(sockets[1].protocols, ['hauyna', 'bearer.t2']);

    last().serverOpens();
    last().serverCloses(4001, 'Credentials expired: reconnect with fresh ones');
    await clock.advance(499);
    assert.equal(sockets.length, 2, 'a fresh token rejected at once: back off');
    await clock.advance(1);
    assert.equal(sockets.length, 3);
});

test('connect() and disconnect() while the token is on its way never leave a second socket', async () => {
    let release;
    const tokens = [];
    const { socket, sockets } = setUp({ token: () => new Promise((resolve) => { tokens.push(resolve); release = resolve; }) });
    socket.connect();
    socket.connect();
    assert.equal(tokens.length, 1, 'one attempt at a time');
    socket.disconnect();
    release('late');
    await settle();
    assert.equal(sockets.length, 0, 'a disconnect() wins over the token that arrives after it');

    socket.connect();
    tokens[1]('fresh');
    await settle();
    assert.equal(sockets.length, 1);
    assert.deepEqual(sockets[0].protocols, ['hauyna', 'bearer.fresh']);
});

test('a request that timed out while disconnected is not sent later', async () => {
    const { clock, socket, last } = await connected({ timeoutMs: 1000 });
    last().serverCloses(1006);
    await settle();
    const late = socket.direct('bob', 'are you there?');
    late.catch(() => {});
    await clock.advance(1000);
    await assert.rejects(late, (e) => e.type === 'timeout');
    await clock.advance(1000);
    last().serverOpens();
    assert.equal(last().sentOfType('direct_message').length, 0);
});

test('options that cannot make a WebSocket stop the socket with a stopped event', async () => {
    const { FakeWebSocket, sockets } = fakeWebSocketClass();
    const socket = new Socket('ws://example.test/chat', { WebSocket: FakeWebSocket, params: () => { throw new Error('no room'); } });
    const stopped = [];
    socket.on('stopped', (e) => stopped.push(e.type));
    socket.connect();
    await settle();
    assert.deepEqual(stopped, ['invalid_options']);
    assert.equal(sockets.length, 0);
});

test('parameters go in the query and a path is resolved against the page', async () => {
    const { FakeWebSocket, sockets } = fakeWebSocketClass();
    new Socket('chat', { WebSocket: FakeWebSocket, params: { room: 'a b' }, location: { href: 'https://app.test/x/chat.html' } }).connect();
    await settle();
    assert.equal(sockets[0].url, 'wss://app.test/x/chat?room=a+b');
    assert.deepEqual(sockets[0].protocols, ['hauyna']);
});

test('channels are rejoined with their metadata after every reconnection', async () => {
    const { clock, socket, last } = await connected();
    const lobby = socket.join('room:lobby', { name: 'Alice' });
    const joins = [];
    lobby.on('join', () => joins.push(true));
    const subscribe = last().sentOfType('subscribe_channel')[0];
    assert.deepEqual({ ...subscribe, ref: 0 }, { type: 'subscribe_channel', channel: 'room:lobby', metadata: { name: 'Alice' }, ref: 0 });
    last().serverSends({ type: 'reply', ref: subscribe.ref, status: 'ok' });
    await lobby.joined;

    last().serverCloses(1012, 'Service restart');
    await clock.advance(500);
    last().serverOpens();
    const rejoin = last().sentOfType('subscribe_channel');
    assert.equal(rejoin.length, 1);
    assert.deepEqual(rejoin[0].metadata, { name: 'Alice' });
    last().serverSends({ type: 'reply', ref: rejoin[0].ref, status: 'ok' });
    await settle();
    assert.equal(joins.length, 2);

    lobby.leave().catch(() => {});
    last().serverCloses(1006);
    await clock.advance(1000);
    last().serverOpens();
    assert.equal(last().sentOfType('subscribe_channel').length, 0, 'a left channel is not rejoined');
});

test('a history channel resumes from the last message received, and says whether that worked', async () => {
    const { clock, socket, last } = await connected();
    const room = socket.join('room:a');
    const shown = [];
    const recoveries = [];
    room.on('message', (frame) => shown.push(frame.offset));
    room.on('recovery', (result) => recoveries.push(result));
    const first = last().sentOfType('subscribe_channel')[0];
    assert.equal(first.since, undefined, 'nothing to resume on the first join');
    last().serverSends({ type: 'reply', ref: first.ref, status: 'ok', data: { epoch: 'E1', offset: 7 } });
    await room.joined;
    for (const offset of [8, 9]) {
        last().serverSends({ type: 'channel_message', channel: 'room:a', from: 'bob', message: {}, offset, epoch: 'E1' });
    }
    assert.deepEqual(room.position, { offset: 9, epoch: 'E1' });

    last().serverCloses(1006);
    await clock.advance(500);
    last().serverOpens();
    const resume = last().sentOfType('subscribe_channel')[0];
    assert.deepEqual(resume.since, { offset: 9, epoch: 'E1' });
    last().serverSends({ type: 'reply', ref: resume.ref, status: 'ok', data: { epoch: 'E1', offset: 11, recovered: true } });
    await settle();
    for (const offset of [9, 10, 11]) {
        last().serverSends({ type: 'channel_message', channel: 'room:a', from: 'bob', message: {}, offset, epoch: 'E1' });
    }
    assert.deepEqual(shown, [8, 9, 10, 11], 'a message already shown is not shown twice');
    assert.equal(room.recovered, true);

    last().serverCloses(1006);
    await clock.advance(1000);   // a connection that did not stay open: the backoff has grown
    last().serverOpens();
    const again = last().sentOfType('subscribe_channel')[0];
    assert.deepEqual(again.since, { offset: 11, epoch: 'E1' });
    last().serverSends({ type: 'reply', ref: again.ref, status: 'ok', data: { epoch: 'E2', offset: 3, recovered: false, reason: 'epoch_changed' } });
    await settle();
    assert.equal(room.recovered, false);
    assert.deepEqual(room.position, { offset: 3, epoch: 'E2' }, 'the next resume starts from the new stream');
    assert.deepEqual(recoveries, [{ recovered: true, reason: undefined }, { recovered: false, reason: 'epoch_changed' }]);
});

test('a history channel counts its own messages, and reports a gap in live messages', async () => {
    const { socket, last } = await connected();
    const room = socket.join('room:b');
    const recoveries = [];
    room.on('recovery', (result) => recoveries.push(result));
    const subscribe = last().sentOfType('subscribe_channel')[0];
    last().serverSends({ type: 'reply', ref: subscribe.ref, status: 'ok', data: { epoch: 'E', offset: 4 } });
    await room.joined;
    const pushed = room.push({ text: 'mine' });
    const publish = last().sentOfType('channel_message')[0];
    last().serverSends({ type: 'reply', ref: publish.ref, status: 'ok', data: { offset: 5, epoch: 'E' } });
    await pushed;
    assert.deepEqual(room.position, { offset: 5, epoch: 'E' }, 'a resume would not bring my own message back');
    last().serverSends({ type: 'channel_message', channel: 'room:b', from: 'bob', message: {}, offset: 6, epoch: 'E' });
    assert.deepEqual(recoveries, []);
    last().serverSends({ type: 'channel_message', channel: 'room:b', from: 'bob', message: {}, offset: 9, epoch: 'E' });
    assert.deepEqual(recoveries, [{ recovered: false, reason: 'gap' }]);
    assert.equal(room.recovered, false);
});

test('a join the cluster could not answer (unavailable) is tried again shortly; a refused one is dropped', async () => {
    const { clock, socket, last } = await connected();
    const room = socket.join('room:c');
    room.joined.catch(() => {});
    const first = last().sentOfType('subscribe_channel')[0];
    last().serverSends({ type: 'reply', ref: first.ref, status: 'error', error_type: 'unavailable', message: 'try again' });
    await settle();
    assert.equal(last().sentOfType('subscribe_channel').length, 1, 'not at once');
    await clock.advance(500);
    const again = last().sentOfType('subscribe_channel');
    assert.equal(again.length, 2, 'tried again after the initial reconnect delay');
    last().serverSends({ type: 'reply', ref: again[1].ref, status: 'ok', data: { epoch: 'E', offset: 2 } });
    await settle();
    assert.deepEqual(room.position, { offset: 2, epoch: 'E' });

    const closed = socket.join('room:closed');
    closed.joined.catch(() => {});
    const refused = last().sentOfType('subscribe_channel')[2];
    last().serverSends({ type: 'reply', ref: refused.ref, status: 'error', error_type: 'forbidden', message: 'no' });
    await clock.advance(60_000);
    assert.equal(last().sentOfType('subscribe_channel').length, 3, 'a refused channel is not tried again');
});

test('replies resolve, typed errors reject with their details, silence times out', async () => {
    const { clock, socket, last } = await connected({ timeoutMs: 1000 });
    const lobby = socket.join('room:lobby');

    const ok = lobby.push({ text: 'hi' });
    const push = last().sentOfType('channel_message')[0];
    assert.deepEqual(push.message, { text: 'hi' });
    last().serverSends({ type: 'reply', ref: push.ref, status: 'ok' });
    assert.equal((await ok).status, 'ok');

    const refused = socket.groupMessage('staff', 'me too');
    const frame = last().sentOfType('group_message')[0];
    last().serverSends({ type: 'reply', ref: frame.ref, status: 'error', error_type: 'forbidden',
        message: "Your role 'member' in group 'staff' lacks permission 'group_message'", details: { permission: 'group_message' } });
    await assert.rejects(refused, (e) => e instanceof HauynaError && e.type === 'forbidden' && e.details.permission === 'group_message');

    const silent = socket.direct('bob', 'anyone?');
    await clock.advance(999);
    let settled = false;
    silent.catch(() => {}).finally(() => { settled = true; });
    await settle();
    assert.equal(settled, false);
    await clock.advance(1);
    await assert.rejects(silent, (e) => e.type === 'timeout');
});

test('pending replies fail with disconnected when the connection drops', async () => {
    const { socket, last } = await connected();
    const pending = socket.event('roll', { sides: 6 });
    last().serverCloses(1006);
    await assert.rejects(pending, (e) => e.type === 'disconnected');
});

test('frames sent while disconnected wait for the connection', async () => {
    const { socket, sockets } = setUp();
    socket.connect();
    const reply = socket.event('hello', { n: 1 });
    await settle();
    sockets[0].serverOpens();
    const sent = sockets[0].sentOfType('event')[0];
    assert.equal(sent.event, 'hello');
    sockets[0].serverSends({ type: 'reply', ref: sent.ref, status: 'ok', data: { n: 2 } });
    assert.deepEqual(await reply, { n: 2 });
});

test('server frames reach the right listeners', async () => {
    const { socket, last } = await connected();
    const lobby = socket.join('room:lobby');
    const seen = [];
    lobby.on('message', (f) => seen.push(`channel ${f.from}: ${f.message}`));
    socket.on('direct_message', (f) => seen.push(`direct ${f.from}`));
    socket.on('group_message', (f) => seen.push(`group ${f.group}`));
    socket.on('event:score', (data) => seen.push(`event ${data.points}`));
    socket.on('notification', (f) => seen.push(`notification ${f.text}`));
    socket.on('error', (e) => seen.push(`error ${e.type}`));
    socket.on('message', (raw) => seen.push(`raw ${raw}`));

    last().serverSends({ type: 'channel_message', channel: 'room:lobby', from: 'bob', message: 'hi' });
    last().serverSends({ type: 'channel_message', channel: 'room:other', from: 'eve', message: 'not joined' });
    last().serverSends({ type: 'direct_message', from: 'carol', message: 'psst' });
    last().serverSends({ type: 'group_message', group: 'staff', from: 'ada', message: 'standup' });
    last().serverSends({ type: 'event', event: 'score', data: { points: 3 } });
    last().serverSends({ type: 'notification', text: 'welcome' });
    last().serverSends({ type: 'error', error_type: 'rate_limited', message: 'Too many messages' });
    last().serverSends('plain text');
    assert.deepEqual(seen, ['channel bob: hi', 'direct carol', 'group staff', 'event 3', 'notification welcome',
        'error rate_limited', 'raw plain text']);
});

test('the client pings while open and reopens a connection that went silent', async () => {
    const { clock, sockets, last } = await connected({ heartbeatIntervalMs: 1000 });
    await clock.advance(1000);
    assert.equal(last().sentOfType('ping').length, 1);
    last().serverSends({ type: 'pong' });
    await clock.advance(1000);
    assert.equal(last().sentOfType('ping').length, 2);
    await clock.advance(2000);
    assert.equal(sockets[0].closedWith.code, 4000, 'silent for more than two intervals');
    await clock.advance(500);
    assert.equal(sockets.length, 2);
});

function meta(ref, status = 'online', extra = {}) {
    return { ref, status, ...extra };
}

test('presence: state then diffs report joins, leaves and updates, like Phoenix', () => {
    const presence = new Presence();
    const events = [];
    presence.onJoin((id, current, joined) => events.push(`join ${id} ${current ? 'another tab' : 'new'} ${joined.metas.length}`));
    presence.onLeave((id, current, left) => events.push(`leave ${id} ${current ? 'one tab' : 'gone'} ${left.metas.length}`));
    presence.onUpdate((id, current, previous) => events.push(`update ${id} ${previous.metas[0].status}->${current.metas[0].status}`));
    let syncs = 0;
    presence.onSync(() => syncs++);

    presence.syncState({ alice: { metas: [meta('a1')] }, bob: { metas: [meta('b1')] } });
    presence.syncDiff({ joins: { carol: { metas: [meta('c1')] }, alice: { metas: [meta('a2')] } } });
    presence.syncDiff({ leaves: { bob: { metas: [meta('b1')] } }, joins: { bob: { metas: [meta('b1', 'away')] } } });
    presence.syncDiff({ leaves: { alice: { metas: [meta('a1')] }, carol: { metas: [meta('c1')] } } });

    assert.deepEqual(events, ['join alice new 1', 'join bob new 1', 'join alice another tab 1', 'join carol new 1',
        'update bob online->away', 'leave alice one tab 1', 'leave carol gone 1']);
    assert.equal(syncs, 4);
    assert.deepEqual(presence.list().map(({ id, status, metas }) => `${id}:${status}:${metas.length}`), ['alice:online:1', 'bob:away:1']);
});

test('presence: a new state after a rejoin reports only what changed meanwhile', () => {
    const presence = new Presence();
    presence.syncState({ alice: { metas: [meta('a1')] }, bob: { metas: [meta('b1')] } });
    const events = [];
    presence.onJoin((id) => events.push(`join ${id}`));
    presence.onLeave((id) => events.push(`leave ${id}`));
    presence.onUpdate((id) => events.push(`update ${id}`));

    presence.syncState({ alice: { metas: [meta('a1')] }, dave: { metas: [meta('d1', 'away')] } });

    assert.deepEqual(events, ['join dave', 'leave bob']);
    assert.deepEqual(presence.list().map((p) => p.id), ['alice', 'dave']);
    assert.equal(presence.get('dave').metas[0].status, 'away');
});

test('presence follows a channel', async () => {
    const { socket, last } = await connected();
    const lobby = socket.join('room:lobby');
    const presence = new Presence(lobby);
    last().serverSends({ type: 'presence_state', channel: 'room:lobby', presences: { alice: { metas: [meta('a1')] } } });
    last().serverSends({ type: 'presence_diff', channel: 'room:lobby', joins: { bob: { metas: [meta('b1')] } }, leaves: {} });
    assert.deepEqual(presence.list().map((p) => p.id), ['alice', 'bob']);
});
