package io.hauyna.jakarta.internal.connection;

import io.hauyna.jakarta.OverflowPolicy;
import io.hauyna.jakarta.internal.metrics.HauynaMetrics;
import jakarta.websocket.SendHandler;
import jakarta.websocket.SendResult;

import java.util.ArrayDeque;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The messages on their way to one client: bounded in count and bytes, written with at most one
 * asynchronous send in flight, so that a slow client costs only its own queue and never the caller.
 */
final class OutboundQueue {

    private static final Logger LOG = Logger.getLogger(OutboundQueue.class.getName());

    private final String connectionId;
    private final MessageWriter writer;
    private final int maxMessages;
    private final long maxBytes;
    private final OverflowPolicy policy;
    private final Runnable closeSlowConsumer;
    private final HauynaMetrics metrics;

    /** Starts with room for one: a healthy client's queue is almost always empty (a send in flight is not in it). */
    private final ArrayDeque<EncodedMessage> pending = new ArrayDeque<>(1);
    private long pendingBytes;
    private boolean sending;
    private boolean closed;
    private long dropped;
    private Runnable whenDrained;

    OutboundQueue(String connectionId, MessageWriter writer, int maxMessages, long maxBytes, OverflowPolicy policy,
                  Runnable closeSlowConsumer, HauynaMetrics metrics) {
        this.metrics = metrics;
        this.connectionId = connectionId;
        this.writer = writer;
        this.maxMessages = maxMessages;
        this.maxBytes = maxBytes;
        this.policy = policy;
        this.closeSlowConsumer = closeSlowConsumer;
    }

    /**
     * Queues a message and starts writing if nothing is in flight. Never blocks on the socket.
     *
     * @return {@code false} if the queue is closed or the message was refused by the overflow policy
     */
    boolean offer(EncodedMessage message) {
        boolean overflowed = false;
        boolean writeNow = false;
        int discarded = 0;
        synchronized (this) {
            if (closed) {
                return false;
            }
            if (!sending) {
                // nothing in flight, so nothing waits either: write it without a trip through the queue
                sending = true;
                writeNow = true;
            } else if (!fits(message)) {
                if (policy == OverflowPolicy.CLOSE) {
                    discarded = pending.size() + 1;
                    discardAll();
                    overflowed = true;
                } else {
                    while (!fits(message)) {
                        pendingBytes -= pending.removeFirst().bytes();
                        dropped++;
                        discarded++;
                    }
                }
            }
            if (!overflowed && !writeNow) {
                pending.addLast(message);
                pendingBytes += message.bytes();
            }
        }
        if (discarded > 0) {
            metrics.dropped(discarded);
        }
        if (overflowed) {
            metrics.slowConsumerClosed();
            LOG.fine(() -> "Closing slow consumer " + connectionId + ": outbound queue full");
            closeSlowConsumer.run();
            return false;
        }
        if (writeNow) {
            drain(message);
        }
        return true;
    }

    /**
     * Runs an action once everything queued so far has been written, or at once when nothing is
     * queued or the queue is closed. Used to close a connection after the frames that explain why.
     */
    void afterDrain(Runnable action) {
        boolean now;
        synchronized (this) {
            now = closed || (!sending && pending.isEmpty());
            if (!now) {
                whenDrained = action;
            }
        }
        if (now) {
            action.run();
        }
    }

    /** @return whether everything queued so far has been written (or the queue is closed) */
    synchronized boolean isDrained() {
        return closed || (!sending && pending.isEmpty());
    }

    /** Discards everything queued; later offers are refused. */
    synchronized void close() {
        discardAll();
    }

    MessageWriter writer() {
        return writer;
    }

    synchronized int size() {
        return pending.size();
    }

    synchronized long bytes() {
        return pendingBytes;
    }

    /** @return how many messages {@link OverflowPolicy#DROP_OLDEST} has discarded */
    synchronized long dropped() {
        return dropped;
    }

    /** An empty queue takes any message, however large, so that no message is impossible to send. */
    private boolean fits(EncodedMessage message) {
        return pending.isEmpty() || (pending.size() < maxMessages && pendingBytes + message.bytes() <= maxBytes);
    }

    private void discardAll() {
        closed = true;
        pending.clear();
        pendingBytes = 0;
    }

    /**
     * Writes {@code first} (if any), then queued messages, one at a time. A send that completes on
     * this thread (inside {@link MessageWriter#write}) continues the loop here instead of recursing,
     * so a long queue cannot overflow the stack; a send that completes later continues on the
     * container's thread.
     */
    private void drain(EncodedMessage first) {
        EncodedMessage next = first;
        while (true) {
            if (next == null) {
                next = nextOrStop();
                if (next == null) {
                    return;
                }
            }
            Completion completion = new Completion();
            // Counted before the write: the client may have read the frame before write() returns.
            metrics.frameSent(next.bytes());
            try {
                writer.write(next, completion);
            } catch (RuntimeException closedMeanwhile) {
                failed(closedMeanwhile);
                return;
            }
            if (completion.handOff()) {
                return;
            }
            if (!completion.result.isOK()) {
                failed(completion.result.getException());
                return;
            }
            next = null;
        }
    }

    /** @return the next queued message, or {@code null} once nothing is left and nothing is in flight any more */
    private EncodedMessage nextOrStop() {
        EncodedMessage next;
        Runnable drained = null;
        synchronized (this) {
            next = closed ? null : pending.pollFirst();
            if (next == null) {
                sending = false;
                drained = whenDrained;
                whenDrained = null;
            } else {
                pendingBytes -= next.bytes();
            }
        }
        if (drained != null) {
            drained.run();
        }
        return next;
    }

    private void failed(Throwable cause) {
        Runnable drained;
        synchronized (this) {
            discardAll();
            sending = false;
            drained = whenDrained;
            whenDrained = null;
        }
        if (drained != null) {
            drained.run();
        }
        // A client going away mid-send is ordinary: the container reports the close separately.
        LOG.log(Level.FINE, "Send to " + connectionId + " failed; discarding its queue", cause);
    }

    /**
     * Whichever of the sender and the callback arrives second carries on with the queue. It is its
     * own flag (an {@link AtomicBoolean}: has the other side arrived?) to allocate one object per
     * send, not two.
     */
    private final class Completion extends AtomicBoolean implements SendHandler {
        private volatile SendResult result;

        @Override
        public void onResult(SendResult sendResult) {
            result = sendResult;
            if (handOff()) {
                return;
            }
            if (sendResult.isOK()) {
                drain(null);
            } else {
                failed(sendResult.getException());
            }
        }

        /** @return {@code true} if the other side has not arrived yet and will carry on */
        boolean handOff() {
            return compareAndSet(false, true);
        }
    }
}
