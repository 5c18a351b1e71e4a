// hauyna.js: the browser client of Hauyna for Jakarta EE. One dependency-free ES module, served by
// every WAR that contains the hauyna-jakarta jar at <context>/hauyna/hauyna.js. It speaks the
// protocol of docs/PROTOCOL.md: channels with replies as Promises, presence kept in sync, direct,
// group and custom events, typed errors, and reconnection with backoff that rejoins every channel.

/** A typed error: a server error frame or reply (type = its error_type), or a client-side condition. */
export class HauynaError extends Error {
    constructor(type, message, details = undefined, status = undefined) {
        super(message);
        this.name = 'HauynaError';
        /** e.g. 'forbidden', 'unauthorized', 'timeout', 'disconnected' */
        this.type = type;
        this.details = details;
        /** the HTTP status of a refused handshake, when known */
        this.status = status;
    }
}

/** Close codes after which reconnecting would fail the same way (docs/PROTOCOL.md, "Close codes"). */
export const NO_RECONNECT_CODES = Object.freeze([1008]);
/** The credential expired: reconnect at once (if the connection had been stable), asking for a fresh token. */
const CREDENTIALS_EXPIRED = 4001;
/** Too many connections: a limit that frees up later, so retry at the longest delay. */
const TOO_MANY_CONNECTIONS = 4030;
/** The server is stopping (1001 going away, 1012 service restart): come back spread out, see reconnect.shutdownSpreadMs. */
export const SERVER_STOPPING_CODES = Object.freeze([1001, 1012]);
/** A connection open this long counts as stable: the backoff starts again from its first step. */
const STABLE_AFTER_MS = 5_000;
/** Handshake statuses after which reconnecting would fail the same way. */
const REFUSED_STATUSES = { 401: 'unauthorized', 403: 'forbidden' };

const DEFAULTS = Object.freeze({
    params: {},
    token: undefined,
    timeoutMs: 10_000,
    heartbeatIntervalMs: 25_000,
    reconnect: Object.freeze({ initialDelayMs: 500, maxDelayMs: 30_000, jitter: 0.5, shutdownSpreadMs: 5_000 }),
    maxBufferedFrames: 100,
});

/**
 * The delay before reconnection attempt `attempt` (0 for the first): exponential, capped, and
 * randomised so that clients dropped together by a server restart do not come back together.
 * With jitter j, the delay lies in [capped * (1 - j), capped].
 */
export function backoffDelay(attempt, { initialDelayMs, maxDelayMs, jitter }, random = Math.random) {
    const capped = Math.min(maxDelayMs, initialDelayMs * 2 ** Math.min(attempt, 30));
    return Math.round(capped * (1 - jitter * random()));
}

/** A minimal event emitter: on(name, fn) returns a function that removes the listener. */
class Emitter {
    #listeners = new Map();

    on(name, listener) {
        const set = this.#listeners.get(name) ?? new Set();
        set.add(listener);
        this.#listeners.set(name, set);
        return () => set.delete(listener);
    }

    emit(name, ...args) {
        for (const listener of [...(this.#listeners.get(name) ?? [])]) {
            try {
                listener(...args);
            } catch (error) {
                console.error(`hauyna.js: a '${name}' listener failed`, error);
            }
        }
    }
}

/**
 * One connection to a Hauyna endpoint that reconnects by itself.
 *
 *     const socket = new Socket('/chat', { token: () => myToken() });
 *     socket.connect();
 *     const lobby = socket.join('room:lobby', { name: 'Alice' });
 *     lobby.on('message', ({ from, message }) => ...);
 *     await lobby.push({ text: 'hi' });       // rejects with a HauynaError on a typed error
 */
export class Socket extends Emitter {
    #url;
    #options;
    #ws = null;
    #env;
    #nextRef = 1;
    #pending = new Map();         // ref -> { resolve, reject, timer }
    #buffer = [];                 // { ref, text } of frames sent while not open
    #channels = new Map();        // name -> Channel
    #attempt = 0;
    #reconnectTimer = null;
    #heartbeatTimer = null;
    #lastHeard = 0;
    #wantOpen = false;
    #stopped = null;              // a HauynaError when reconnecting stopped for good
    #busy = false;                // an attempt is getting its token or asking why it failed
    #generation = 0;              // bumped by disconnect(): late async steps of older attempts give up
    #openedAt = 0;

    /**
     * @param url a ws(s):// URL, or a path resolved against the page (http → ws, https → wss)
     * @param options { params, token, timeoutMs, heartbeatIntervalMs, reconnect: { initialDelayMs,
     *        maxDelayMs, jitter }, maxBufferedFrames } and, for tests, { WebSocket, setTimeout,
     *        clearTimeout, now, random, fetch, location }
     */
    constructor(url, options = {}) {
        super();
        this.#options = { ...DEFAULTS, ...options, reconnect: { ...DEFAULTS.reconnect, ...(options.reconnect ?? {}) } };
        this.#env = {
            WebSocket: options.WebSocket ?? globalThis.WebSocket,
            setTimeout: options.setTimeout ?? globalThis.setTimeout.bind(globalThis),
            clearTimeout: options.clearTimeout ?? globalThis.clearTimeout.bind(globalThis),
            now: options.now ?? (() => Date.now()),
            random: options.random ?? Math.random,
            fetch: options.fetch ?? globalThis.fetch?.bind(globalThis),
            location: options.location ?? globalThis.location,
        };
        this.#url = url;
    }

    /** @returns whether the socket is open now */
    get isConnected() {
        return this.#ws !== null && this.#ws.readyState === 1;
    }

    /** Opens the connection, and keeps it open until disconnect(). Returns this. */
    connect() {
        this.#wantOpen = true;
        this.#stopped = null;
        if (this.#ws === null && this.#reconnectTimer === null && !this.#busy) {
            this.#open();
        }
        return this;
    }

    /** Closes the connection deliberately: no reconnection. Pending replies reject with 'disconnected'. */
    disconnect(code = 1000, reason = 'bye') {
        this.#wantOpen = false;
        this.#generation++;
        this.#busy = false;
        this.#cancelReconnect();
        this.#stopHeartbeat();
        const ws = this.#ws;
        this.#ws = null;
        if (ws) {
            ws.close(code, reason);
        }
        this.#failPending(new HauynaError('disconnected', 'The connection was closed'));
    }

    /**
     * Joins a channel and keeps it joined across reconnections (with the same metadata).
     * @returns the Channel; `channel.joined` is a Promise of the first join's reply
     */
    join(name, metadata = {}) {
        const existing = this.#channels.get(name);
        if (existing) {
            return existing;
        }
        const channel = new Channel(this, name, metadata);
        this.#channels.set(name, channel);
        channel.joined = this.#subscribe(channel);
        channel.joined.catch(() => {});   // surfaced through channel.joined and the channel's 'error' event
        return channel;
    }

    /** Sends a direct message to every connection of `to`; resolves on the server's ok. */
    direct(to, message) {
        return this.request({ type: 'direct_message', to, message });
    }

    /** Sends a message to a group; needs the group_message permission. */
    groupMessage(group, message) {
        return this.request({ type: 'group_message', group, message });
    }

    /** Removes a user from a group; needs the group_kick permission. */
    kick(group, user) {
        return this.request({ type: 'group_kick', group, user });
    }

    /** Triggers a custom event; resolves with the reply's data (undefined when none). */
    event(name, data = null) {
        return this.request({ type: 'event', event: name, data }).then((reply) => reply.data);
    }

    /** Merges state into this connection's presence entry (e.g. { typing: true }). */
    updatePresence(state) {
        return this.request({ type: 'presence_update', state });
    }

    /**
     * Sends a frame with a fresh ref and resolves with the reply, or rejects with a HauynaError:
     * the server's error type, 'timeout' after timeoutMs, or 'disconnected'.
     */
    request(frame, timeoutMs = this.#options.timeoutMs) {
        if (this.#stopped) {
            return Promise.reject(this.#stopped);
        }
        const ref = this.#nextRef++;
        return new Promise((resolve, reject) => {
            const timer = this.#env.setTimeout(() => {
                this.#pending.delete(ref);
                // Not sent yet: it must not go out later, when the caller may already have retried.
                this.#buffer = this.#buffer.filter((entry) => entry.ref !== ref);
                reject(new HauynaError('timeout', `No reply to '${frame.type}' within ${timeoutMs} ms`));
            }, timeoutMs);
            this.#pending.set(ref, { resolve, reject, timer });
            this.#send({ ...frame, ref });
        });
    }

    // ---- connection lifecycle ----

    async #open() {
        this.#reconnectTimer = null;
        const generation = this.#generation;
        this.#busy = true;
        let token;
        try {
            token = typeof this.#options.token === 'function' ? await this.#options.token() : this.#options.token;
        } catch (error) {
            if (generation !== this.#generation) return;
            this.#busy = false;
            this.emit('error', new HauynaError('token_failed', `Could not get a token: ${error?.message ?? error}`));
            this.#scheduleReconnect();
            return;
        }
        if (generation !== this.#generation || !this.#wantOpen) return;
        this.#busy = false;
        let ws;
        let url;
        try {
            url = this.#resolveUrl();
            ws = new this.#env.WebSocket(url, token ? ['hauyna', `bearer.${token}`] : ['hauyna']);
        } catch (error) {
            // A malformed URL, params() that throws, a token with characters a subprotocol cannot hold.
            this.#stop(new HauynaError('invalid_options', `Cannot open the WebSocket: ${error?.message ?? error}`));
            return;
        }
        this.#ws = ws;
        let opened = false;
        ws.onopen = () => {
            if (this.#ws !== ws) return;
            opened = true;
            this.#openedAt = this.#env.now();
            this.#lastHeard = this.#openedAt;
            this.#startHeartbeat();
            this.emit('open');
            for (const channel of this.#channels.values()) {
                if (channel.rejoinNeeded) {
                    this.#subscribe(channel).catch(() => {});
                }
            }
            this.#buffer.splice(0).forEach((entry) => ws.send(entry.text));
        };
        ws.onmessage = (event) => {
            if (this.#ws !== ws) return;
            this.#lastHeard = this.#env.now();
            this.#receive(event.data);
        };
        ws.onclose = (event) => this.#closed(ws, event, opened, token, url);
        ws.onerror = () => {};   // a close event always follows, with the details there are
    }

    /** The socket closed (or the heartbeat gave up on it); the old socket's later events are ignored. */
    #closed(ws, event, opened, token, url) {
        if (this.#ws !== ws) return;
        this.#ws = null;
        this.#stopHeartbeat();
        for (const channel of this.#channels.values()) {
            channel.rejoinNeeded = true;
        }
        this.#failPending(new HauynaError('disconnected', 'The connection closed before the reply'));
        this.emit('close', { code: event.code, reason: event.reason, wasClean: event.wasClean });
        const stable = opened && this.#env.now() - this.#openedAt >= STABLE_AFTER_MS;
        if (stable) {
            this.#attempt = 0;
        }
        this.#afterClose(event.code, opened, stable, token, url);
    }

    async #afterClose(code, opened, stable, token, url) {
        if (!this.#wantOpen) {
            return;
        }
        if (NO_RECONNECT_CODES.includes(code)) {
            this.#stop(new HauynaError('unauthorized', `The server refused the connection (close code ${code}); not reconnecting`));
            return;
        }
        if (code === CREDENTIALS_EXPIRED && stable) {
            this.#open();
            return;
        }
        if (code === TOO_MANY_CONNECTIONS) {
            this.#attempt = Math.max(this.#attempt, 30);
        }
        if (stable && SERVER_STOPPING_CODES.includes(code)) {
            // Every client of that server got this close at the same moment: each comes back at a
            // random moment within the spread, so that the other nodes do not get them all at once.
            // Only after a stable connection: one closed as it opened (a draining node) backs off.
            this.#scheduleReconnect(Math.round(this.#env.random() * this.#options.reconnect.shutdownSpreadMs));
            return;
        }
        if (!opened) {
            // A browser reports any refused upgrade as 1006; ask the server why, to stop on 401/403.
            const generation = this.#generation;
            this.#busy = true;
            const status = await this.#handshakeStatus(url, token);
            if (generation !== this.#generation) return;
            this.#busy = false;
            if (REFUSED_STATUSES[status]) {
                this.#stop(new HauynaError(REFUSED_STATUSES[status], `The server refused the connection with HTTP ${status}`,
                    undefined, status));
                return;
            }
        }
        this.#scheduleReconnect();
    }

    /** The handshake check (docs/PROTOCOL.md, "Handshake"): the status the upgrade would get, or undefined. */
    async #handshakeStatus(url, token) {
        if (!this.#env.fetch) return undefined;
        try {
            const httpUrl = url.replace(/^ws/, 'http');
            const headers = { 'X-Hauyna-Handshake-Check': '1' };
            if (token) headers.Authorization = `Bearer ${token}`;
            const response = await this.#env.fetch(httpUrl, { headers, credentials: 'same-origin', cache: 'no-store' });
            return response.status;
        } catch {
            return undefined;
        }
    }

    /** Gives up for good: 'error' and then 'stopped' get the reason; requests reject with it. */
    #stop(error) {
        this.#wantOpen = false;
        this.#stopped = error;
        this.emit('error', error);
        this.emit('stopped', error);
    }

    #scheduleReconnect(delayMs = undefined) {
        if (!this.#wantOpen || this.#reconnectTimer !== null) {
            return;
        }
        const backoff = backoffDelay(this.#attempt++, this.#options.reconnect, this.#env.random);
        const delay = delayMs ?? backoff;
        this.emit('reconnecting', { attempt: this.#attempt, delayMs: delay });
        this.#reconnectTimer = this.#env.setTimeout(() => this.#open(), delay);
    }

    #cancelReconnect() {
        if (this.#reconnectTimer !== null) {
            this.#env.clearTimeout(this.#reconnectTimer);
            this.#reconnectTimer = null;
        }
    }

    /** Pings every interval; a connection silent for two intervals is presumed dead and reopened. */
    #startHeartbeat() {
        const interval = this.#options.heartbeatIntervalMs;
        if (!interval) return;
        const beat = () => {
            if (!this.isConnected) return;
            if (this.#env.now() - this.#lastHeard > 2 * interval) {
                const ws = this.#ws;
                ws.close(4000, 'Heartbeat timeout');
                // Without waiting for the close handshake, which a dead connection never completes.
                ws.onclose({ code: 4000, reason: 'Heartbeat timeout (client)', wasClean: false });
                return;
            }
            this.#send({ type: 'ping' });
            this.#heartbeatTimer = this.#env.setTimeout(beat, interval);
        };
        this.#heartbeatTimer = this.#env.setTimeout(beat, interval);
    }

    #stopHeartbeat() {
        if (this.#heartbeatTimer !== null) {
            this.#env.clearTimeout(this.#heartbeatTimer);
            this.#heartbeatTimer = null;
        }
    }

    #resolveUrl() {
        const location = this.#env.location;
        let url = this.#url;
        if (!/^wss?:\/\//.test(url)) {
            const base = new URL(url, location?.href ?? 'http://localhost/');
            url = base.href.replace(/^http/, 'ws');
        }
        const params = typeof this.#options.params === 'function' ? this.#options.params() : this.#options.params;
        const query = new URLSearchParams(params ?? {}).toString();
        return query ? `${url}${url.includes('?') ? '&' : '?'}${query}` : url;
    }

    // ---- frames ----

    #send(frame) {
        const text = JSON.stringify(frame);
        if (this.isConnected) {
            this.#ws.send(text);
        } else if (this.#buffer.length < this.#options.maxBufferedFrames) {
            this.#buffer.push({ ref: frame.ref, text });
        } else if (frame.ref !== undefined) {
            this.#settle(frame.ref, null, new HauynaError('disconnected', 'Not connected and the send buffer is full'));
        }
    }

    #subscribe(channel) {
        channel.rejoinNeeded = false;
        const since = channel.position;   // a history channel seen before: resume from there
        const frame = { type: 'subscribe_channel', channel: channel.name, metadata: channel.metadata };
        if (since) frame.since = { offset: since.offset, epoch: since.epoch };
        return this.request(frame).then(
            (reply) => {
                channel._joined(reply.data, since !== null);
                channel.emit('join', reply);
                return reply;
            },
            (error) => {
                // Refused: the channel is gone. Disconnected or timed out: it stays and is rejoined.
                // Unavailable (a cluster's history did not answer): it stays and is tried again shortly.
                const kept = error.type === 'disconnected' || error.type === 'timeout' || error.type === 'unavailable';
                if (!kept && this.#channels.get(channel.name) === channel) {
                    this.#channels.delete(channel.name);
                }
                if (error.type === 'unavailable') {
                    const delay = backoffDelay(0, this.#options.reconnect, this.#env.random);
                    this.#env.setTimeout(() => {
                        if (this.isConnected && this.#channels.get(channel.name) === channel) this.#subscribe(channel).catch(() => {});
                    }, delay);
                }
                channel.emit('error', error);
                throw error;
            });
    }

    _leave(channel) {
        if (this.#channels.get(channel.name) === channel) {
            this.#channels.delete(channel.name);
        }
        return this.request({ type: 'unsubscribe_channel', channel: channel.name });
    }

    #receive(text) {
        let frame;
        try {
            frame = JSON.parse(text);
        } catch {
            this.emit('message', text);   // an endpoint that also sends raw text
            return;
        }
        if (frame === null || typeof frame !== 'object') {
            this.emit('message', frame);
            return;
        }
        if (frame.type === 'reply') {
            this.#settle(frame.ref, frame, frame.status === 'error'
                ? new HauynaError(frame.error_type, frame.message, frame.details) : null);
            return;
        }
        if (frame.type === 'error') {
            this.emit('error', new HauynaError(frame.error_type, frame.message, frame.details));
            return;
        }
        if (frame.type === 'pong') {
            return;
        }
        const channel = frame.channel === undefined ? undefined : this.#channels.get(frame.channel);
        if (channel && frame.type === 'channel_message') {
            if (channel._received(frame)) channel.emit('message', frame);
        } else if (channel) {
            channel.emit(frame.type, frame);
        }
        if (frame.type === 'event') {
            this.emit(`event:${frame.event}`, frame.data);
        }
        this.emit(frame.type, frame);
    }

    #settle(ref, reply, error) {
        const pending = this.#pending.get(ref);
        if (!pending) return;
        this.#pending.delete(ref);
        this.#env.clearTimeout(pending.timer);
        if (error) pending.reject(error); else pending.resolve(reply);
    }

    #failPending(error) {
        for (const [ref, pending] of [...this.#pending]) {
            this.#pending.delete(ref);
            this.#env.clearTimeout(pending.timer);
            pending.reject(error);
        }
        this.#buffer.length = 0;
    }
}

/**
 * A joined channel. Events: 'join' (every (re)join), 'message', 'recovery' (after each rejoin of a
 * history channel: { recovered, reason }), 'presence_state', 'presence_diff', 'error'.
 */
export class Channel extends Emitter {
    #socket;

    constructor(socket, name, metadata) {
        super();
        this.#socket = socket;
        this.name = name;
        this.metadata = metadata;
        this.rejoinNeeded = false;
        /** The first join's reply; rejects if refused, or with 'disconnected'/'timeout' (the channel is then rejoined later). */
        this.joined = undefined;
        /** History channels: the last position received, { offset, epoch }; null before the first join's reply. */
        this.position = null;
        /** History channels: whether the last rejoin got every missed message; undefined before the first rejoin. */
        this.recovered = undefined;
    }

    /** @internal The reply of a (re)join: where the channel's history stands, and whether resuming worked. */
    _joined(data, resuming) {
        if (resuming) {
            this.recovered = data?.recovered === true;
            this.emit('recovery', { recovered: this.recovered, reason: data?.reason });
            if (this.recovered) return;   // the missed messages follow and move the position on
        }
        // A channel without history (any more: reason 'no_history') has no position to resume from.
        this.position = data && typeof data.epoch === 'string' ? { offset: data.offset, epoch: data.epoch } : null;
    }

    /**
     * @internal
     * @returns whether the message is new (a position already passed is never shown twice). A
     *          message that skips positions (a queue that dropped some) reports a failed recovery.
     */
    _received(frame) {
        if (typeof frame.offset !== 'number') return true;
        const position = this.position;
        if (position && position.epoch === frame.epoch && frame.offset <= position.offset) return false;
        this.position = { offset: frame.offset, epoch: frame.epoch };
        if (position && (position.epoch !== frame.epoch || frame.offset > position.offset + 1)) {
            this.recovered = false;
            this.emit('recovery', { recovered: false, reason: 'gap' });
        }
        return true;
    }

    /** Publishes a message to the other subscribers; resolves on the server's ok. */
    push(message) {
        return this.#socket.request({ type: 'channel_message', channel: this.name, message }).then((reply) => {
            // A history channel numbers it too: a later resume must not bring one's own message back.
            const data = reply.data;
            const position = this.position;
            if (data && typeof data.offset === 'number' && position && position.epoch === data.epoch && data.offset > position.offset) {
                this.position = { offset: data.offset, epoch: data.epoch };
            }
            return reply;
        });
    }

    /** Leaves the channel; it is not rejoined after reconnections any more. */
    leave() {
        return this.#socket._leave(this);
    }
}

/**
 * Keeps a channel's presence list in sync from presence_state and presence_diff (the Phoenix
 * presence-sync model) and tells what changed:
 *
 *     const presence = new Presence(channel);
 *     presence.onJoin((id, current, joined) => ...);   // current: undefined when id was absent
 *     presence.onLeave((id, current, left) => ...);    // current: undefined when id left entirely
 *     presence.onUpdate((id, current, previous) => ...);
 *     presence.onSync(() => render(presence.list()));
 */
export class Presence {
    #state = new Map();              // identifier -> { metas: [...] }
    #callbacks = { join: () => {}, leave: () => {}, update: () => {}, sync: () => {} };

    constructor(channel) {
        if (channel) {
            channel.on('presence_state', (frame) => this.syncState(frame.presences));
            channel.on('presence_diff', (frame) => this.syncDiff(frame));
        }
    }

    onJoin(callback) { this.#callbacks.join = callback; }
    onLeave(callback) { this.#callbacks.leave = callback; }
    onUpdate(callback) { this.#callbacks.update = callback; }
    onSync(callback) { this.#callbacks.sync = callback; }

    /** Replaces the whole state (after a join or a rejoin), reporting who came, went or changed. */
    syncState(presences) {
        const next = new Map(Object.entries(presences ?? {}).map(([id, p]) => [id, { metas: [...p.metas] }]));
        this.#apply(next);
    }

    /** Applies a diff: leaves first, then joins, each by meta ref. */
    syncDiff({ joins = {}, leaves = {} }) {
        const next = new Map([...this.#state].map(([id, p]) => [id, { metas: [...p.metas] }]));
        for (const [id, { metas }] of Object.entries(leaves)) {
            const present = next.get(id);
            if (!present) continue;
            const gone = new Set(metas.map((meta) => meta.ref));
            present.metas = present.metas.filter((meta) => !gone.has(meta.ref));
            if (present.metas.length === 0) next.delete(id);
        }
        for (const [id, { metas }] of Object.entries(joins)) {
            const present = next.get(id) ?? { metas: [] };
            const added = new Set(metas.map((meta) => meta.ref));
            present.metas = [...present.metas.filter((meta) => !added.has(meta.ref)), ...metas];
            next.set(id, present);
        }
        this.#apply(next);
    }

    /** @returns one entry per identifier, sorted: { id, metas, status } with status 'online' if any meta is */
    list(chooser = (id, presence) => ({ id, metas: presence.metas, status: statusOf(presence) })) {
        return [...this.#state.keys()].sort().map((id) => chooser(id, this.#state.get(id)));
    }

    /** @returns the presence of one identifier, or undefined */
    get(id) {
        return this.#state.get(id);
    }

    #apply(next) {
        const previous = this.#state;
        this.#state = next;
        for (const [id, presence] of next) {
            const before = previous.get(id);
            if (!before) {
                this.#callbacks.join(id, undefined, presence);
            } else if (JSON.stringify(before.metas) !== JSON.stringify(presence.metas)) {
                const beforeRefs = new Set(before.metas.map((meta) => meta.ref));
                const joined = presence.metas.filter((meta) => !beforeRefs.has(meta.ref));
                const afterRefs = new Set(presence.metas.map((meta) => meta.ref));
                const left = before.metas.filter((meta) => !afterRefs.has(meta.ref));
                if (joined.length) this.#callbacks.join(id, before, { metas: joined });
                if (left.length) this.#callbacks.leave(id, presence, { metas: left });
                if (!joined.length && !left.length) this.#callbacks.update(id, presence, before);
            }
        }
        for (const [id, before] of previous) {
            if (!next.has(id)) {
                this.#callbacks.leave(id, undefined, before);
            }
        }
        this.#callbacks.sync();
    }
}

function statusOf(presence) {
    return presence.metas.some((meta) => meta.status === 'online') ? 'online' : 'away';
}
