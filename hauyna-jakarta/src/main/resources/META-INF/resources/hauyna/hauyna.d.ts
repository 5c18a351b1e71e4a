// Type declarations of hauyna.js, the browser client of Hauyna for Jakarta EE.

/** A typed error: the server's error_type ('forbidden', 'unauthorized', ...), or 'timeout' / 'disconnected'. */
export class HauynaError extends Error {
    constructor(type: string, message: string, details?: Record<string, unknown>, status?: number);
    readonly type: string;
    readonly details?: Record<string, unknown>;
    /** The HTTP status of a refused handshake, when known. */
    readonly status?: number;
}

/** Close codes after which the client does not reconnect (1008: refused). 4030 is retried at the longest delay. */
export const NO_RECONNECT_CODES: readonly number[];

/** Close codes of a stopping server (1001, 1012): the client reconnects at a random moment within `shutdownSpreadMs`. */
export const SERVER_STOPPING_CODES: readonly number[];

export interface ReconnectOptions {
    /** Delay before the first reconnection attempt, doubled on each further attempt. Default 500. */
    initialDelayMs?: number;
    /** Upper bound of the delay. Default 30000. */
    maxDelayMs?: number;
    /** Fraction of the delay that is randomised (0..1), so clients do not come back together. Default 0.5. */
    jitter?: number;
    /**
     * After close code 1001 or 1012 (the server is stopping) on a connection that had been open 5 s,
     * the first attempt comes at a random moment within this many milliseconds, instead of after
     * the backoff; a connection closed as it opened backs off as usual. Default 5000.
     */
    shutdownSpreadMs?: number;
}

export interface SocketOptions {
    /** Query parameters added to the URL, or a function called before each connection attempt. */
    params?: Record<string, string> | (() => Record<string, string>);
    /** A bearer token, or a function (possibly async) called before each attempt: a fresh token after expiry. */
    token?: string | (() => string | Promise<string>);
    /** How long a request waits for its reply. Default 10000. */
    timeoutMs?: number;
    /** Interval of client pings; a connection silent for two intervals is reopened. 0 disables. Default 25000. */
    heartbeatIntervalMs?: number;
    reconnect?: ReconnectOptions;
    /**
     * Requests made while disconnected wait for the next attempt, up to this many (default 100):
     * sent if it opens, rejected with 'disconnected' if it fails, dropped when they time out.
     */
    maxBufferedFrames?: number;
    /** For tests: replacements of the browser's globals. */
    WebSocket?: unknown;
    fetch?: unknown;
    location?: { href: string };
    setTimeout?: (fn: () => void, ms: number) => unknown;
    clearTimeout?: (id: unknown) => void;
    now?: () => number;
    random?: () => number;
}

export interface Reply {
    type: 'reply';
    ref: number;
    status: 'ok';
    data?: unknown;
}

export interface CloseInfo {
    code: number;
    reason: string;
    wasClean: boolean;
}

type Unsubscribe = () => void;

export function backoffDelay(attempt: number, options: Required<ReconnectOptions>, random?: () => number): number;

export class Socket {
    constructor(url: string, options?: SocketOptions);
    readonly isConnected: boolean;
    connect(): this;
    disconnect(code?: number, reason?: string): void;
    join(channel: string, metadata?: Record<string, unknown>): Channel;
    direct(to: string, message: unknown): Promise<Reply>;
    groupMessage(group: string, message: unknown): Promise<Reply>;
    kick(group: string, user: string): Promise<Reply>;
    event(name: string, data?: unknown): Promise<unknown>;
    updatePresence(state: Record<string, unknown>): Promise<Reply>;
    request(frame: Record<string, unknown>, timeoutMs?: number): Promise<Reply>;

    on(event: 'open', listener: () => void): Unsubscribe;
    on(event: 'close', listener: (info: CloseInfo) => void): Unsubscribe;
    on(event: 'reconnecting', listener: (info: { attempt: number; delayMs: number }) => void): Unsubscribe;
    /** Error frames without a ref, failed token functions, and the reason of a stop. */
    on(event: 'error', listener: (error: HauynaError) => void): Unsubscribe;
    /** The client gave up for good (refused with 1008, 401 or 403; unusable options): no more reconnection. */
    on(event: 'stopped', listener: (error: HauynaError) => void): Unsubscribe;
    on(event: 'direct_message', listener: (frame: { from: string; message: unknown }) => void): Unsubscribe;
    on(event: 'group_message', listener: (frame: { group: string; from: string; message: unknown }) => void): Unsubscribe;
    on(event: 'group_kicked', listener: (frame: { group: string; by: string }) => void): Unsubscribe;
    /** Custom events pushed by the server: 'event:<name>' gets the data. */
    on(event: `event:${string}`, listener: (data: unknown) => void): Unsubscribe;
    /** Any other frame, by its type (e.g. an application's 'notification'); 'message' for raw text. */
    on(event: string, listener: (frame: any) => void): Unsubscribe;
}

export class Channel {
    readonly name: string;
    readonly metadata: Record<string, unknown>;
    /**
     * The first join's reply. Rejects when refused (the channel is then dropped), or with
     * 'disconnected'/'timeout' (the channel stays and is rejoined) or 'unavailable' (a cluster's history did not answer: it stays and is tried again shortly): listen to 'join' for every (re)join.
     */
    joined: Promise<Reply>;
    /** History channels (hauyna.history.channels): the last position received; null before the first join's reply. */
    readonly position: { offset: number; epoch: string } | null;
    /** History channels: whether the last rejoin recovered every missed message; undefined before the first rejoin. */
    readonly recovered: boolean | undefined;
    push(message: unknown): Promise<Reply>;
    leave(): Promise<Reply>;
    on(event: 'join', listener: (reply: Reply) => void): Unsubscribe;
    on(event: 'message', listener: (frame: { channel: string; from: string; message: unknown; offset?: number; epoch?: string }) => void): Unsubscribe;
    /**
     * After each rejoin of a history channel, and when a live message skips positions. reason when not
     * recovered: 'epoch_changed', 'too_old', 'offset_ahead', 'too_many', 'no_history' (from the server), 'gap' (seen here).
     */
    on(event: 'recovery', listener: (result: { recovered: boolean; reason?: string }) => void): Unsubscribe;
    on(event: 'error', listener: (error: HauynaError) => void): Unsubscribe;
    on(event: 'presence_state' | 'presence_diff', listener: (frame: any) => void): Unsubscribe;
}

export interface Meta {
    ref: string;
    status: 'online' | 'away';
    [key: string]: unknown;
}

export interface PresenceEntry {
    metas: Meta[];
}

export class Presence {
    constructor(channel?: Channel);
    onJoin(callback: (id: string, current: PresenceEntry | undefined, joined: PresenceEntry) => void): void;
    onLeave(callback: (id: string, current: PresenceEntry | undefined, left: PresenceEntry) => void): void;
    onUpdate(callback: (id: string, current: PresenceEntry, previous: PresenceEntry) => void): void;
    onSync(callback: () => void): void;
    syncState(presences: Record<string, PresenceEntry>): void;
    syncDiff(diff: { joins?: Record<string, PresenceEntry>; leaves?: Record<string, PresenceEntry> }): void;
    list(): { id: string; metas: Meta[]; status: 'online' | 'away' }[];
    list<T>(chooser: (id: string, presence: PresenceEntry) => T): T[];
    get(id: string): PresenceEntry | undefined;
}
