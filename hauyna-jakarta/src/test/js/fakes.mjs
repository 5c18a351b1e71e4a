// Test doubles for hauyna.js: a manual clock and a WebSocket whose server side the test drives.

/** Timers that run only when the test advances time. */
export class FakeClock {
    #now = 0;
    #nextId = 1;
    #timers = new Map();   // id -> { at, fn }

    setTimeout = (fn, delay) => {
        const id = this.#nextId++;
        this.#timers.set(id, { at: this.#now + Math.max(0, delay), fn });
        return id;
    };

    clearTimeout = (id) => {
        this.#timers.delete(id);
    };

    now = () => this.#now;

    /** Moves time forward, running every timer that falls due, in order, with microtasks in between. */
    async advance(ms) {
        const end = this.#now + ms;
        for (;;) {
            const due = [...this.#timers].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at || a[0] - b[0])[0];
            if (!due) break;
            this.#timers.delete(due[0]);
            this.#now = due[1].at;
            due[1].fn();
            await settle();
        }
        this.#now = end;
        await settle();
    }

    /** @returns the delays of the pending timers, from now */
    pending() {
        return [...this.#timers.values()].map((t) => t.at - this.#now).sort((a, b) => a - b);
    }
}

/** Lets promise callbacks and async functions run. */
export async function settle() {
    for (let i = 0; i < 10; i++) {
        await Promise.resolve();
    }
}

/** Creates a WebSocket class that records its instances. */
export function fakeWebSocketClass() {
    const sockets = [];
    class FakeWebSocket {
        constructor(url, protocols) {
            this.url = url;
            this.protocols = protocols;
            this.readyState = 0;
            this.sent = [];
            this.closedWith = null;
            sockets.push(this);
        }

        send(text) {
            if (this.readyState !== 1) throw new Error('not open');
            this.sent.push(JSON.parse(text));
        }

        close(code, reason) {
            this.closedWith = { code, reason };
            this.readyState = 3;
        }

        // --- driven by the test, as the server ---
        serverOpens() {
            this.readyState = 1;
            this.onopen?.({});
        }

        serverSends(frame) {
            this.onmessage?.({ data: typeof frame === 'string' ? frame : JSON.stringify(frame) });
        }

        serverCloses(code, reason = '') {
            this.readyState = 3;
            this.onclose?.({ code, reason, wasClean: code !== 1006 });
        }

        /** The frames sent so far of one type. */
        sentOfType(type) {
            return this.sent.filter((frame) => frame.type === type);
        }
    }
    return { FakeWebSocket, sockets };
}
