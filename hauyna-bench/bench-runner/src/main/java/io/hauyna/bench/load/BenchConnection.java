package io.hauyna.bench.load;

import io.netty.channel.Channel;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;

import java.util.concurrent.CompletableFuture;

/**
 * One WebSocket of the load generator. Its frames are handed to the current {@link Receiver} on the
 * connection's own event-loop thread, so a receiver may keep per-connection state without locks.
 */
public final class BenchConnection {

    private final int slot;
    private final String user;
    final CompletableFuture<BenchConnection> opened = new CompletableFuture<>();
    final CompletableFuture<Integer> closed = new CompletableFuture<>();
    volatile Channel channel;
    volatile Receiver receiver = Receiver.IGNORE;
    volatile boolean closing;

    BenchConnection(int slot, String user) {
        this.slot = slot;
        this.user = user;
    }

    /** @return the connection's position in the group it was opened with, from 0 */
    public int slot() {
        return slot;
    }

    /** @return the identifier the server knows it by ({@code ?u=}) */
    public String user() {
        return user;
    }

    public void receiver(Receiver receiver) {
        this.receiver = receiver;
    }

    public void send(String text) {
        channel.writeAndFlush(new TextWebSocketFrame(text));
    }

    /** Runs an action on the connection's event-loop thread after a delay. */
    public void schedule(Runnable action, long delayNanos) {
        channel.eventLoop().schedule(action, delayNanos, java.util.concurrent.TimeUnit.NANOSECONDS);
    }

    /** Stops reading from the socket: the server's writes pile up in its buffers, then in its queues. */
    public void pauseReading() {
        onEventLoop(context -> readGate().close(context));
    }

    public void resumeReading() {
        onEventLoop(context -> readGate().open(context));
    }

    private ReadGate readGate() {
        return channel.pipeline().get(ReadGate.class);
    }

    private void onEventLoop(java.util.function.Consumer<io.netty.channel.ChannelHandlerContext> action) {
        io.netty.channel.ChannelHandlerContext context = channel.pipeline().context(ReadGate.class);
        try {
            channel.eventLoop().submit(() -> action.accept(context)).get(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("Cannot change reading of " + user, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    public boolean isOpen() {
        return channel != null && channel.isActive() && !closed.isDone();
    }

    /** @return the close code the server sent, completed when the socket is gone (-1: no close frame) */
    public CompletableFuture<Integer> closed() {
        return closed;
    }

    /** Sends a normal close (1000) and completes when the server has closed the socket. */
    public CompletableFuture<Integer> close() {
        if (isOpen()) {
            closing = true;
            channel.writeAndFlush(new CloseWebSocketFrame(1000, "done"));
        }
        return closed;
    }

    void forceClose() {
        Channel current = channel;
        if (current != null) {
            current.close();
        }
    }
}
