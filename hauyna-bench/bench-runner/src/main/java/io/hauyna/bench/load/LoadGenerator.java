package io.hauyna.bench.load;

import io.hauyna.bench.Pause;
import io.hauyna.bench.Progress;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;

import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * The load generator's WebSocket client: Netty's client codec on two event-loop threads, enough for
 * 10,000 connections on this machine. Connections come from eight loopback source addresses
 * (127.0.0.1 to 127.0.0.8), so that churn does not run out of ephemeral ports.
 */
public final class LoadGenerator implements AutoCloseable {

    private static final int SOURCE_ADDRESSES = 8;
    private static final int MAX_FRAME = 4 * 1024 * 1024;
    private static final long HANDSHAKE_TIMEOUT_MILLIS = 60_000;

    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
    private final AtomicInteger nextSource = new AtomicInteger();

    /** A connection to open: where, as whom, and whether its receive buffer is tiny (a slow reader). */
    public record Target(URI uri, String user, boolean smallReceiveBuffer) {
        public static Target of(URI uri, String user) {
            return new Target(uri, user, false);
        }
    }

    /** Opens one connection; the future fails if the server refuses or the handshake times out. */
    public CompletableFuture<BenchConnection> open(int slot, Target target) {
        BenchConnection connection = new BenchConnection(slot, target.user());
        Bootstrap bootstrap = new Bootstrap().group(group).channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 30_000)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        connection.channel = channel;
                        channel.pipeline().addLast(new ReadGate(), new HttpClientCodec(), new HttpObjectAggregator(64 * 1024),
                                new WebSocketClientProtocolHandler(protocol(target.uri())),
                                new WebSocketFrameAggregator(MAX_FRAME), new FrameHandler(connection));
                    }
                });
        if (target.smallReceiveBuffer()) {
            bootstrap.option(ChannelOption.SO_RCVBUF, 4096);
        }
        URI uri = target.uri();
        String source = "127.0.0." + (1 + Math.floorMod(nextSource.getAndIncrement(), SOURCE_ADDRESSES));
        bootstrap.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), new InetSocketAddress(source, 0))
                .addListener(future -> {
                    if (!future.isSuccess()) {
                        connection.opened.completeExceptionally(future.cause());
                        connection.closed.complete(-1);
                    }
                });
        return connection.opened;
    }

    /** Opens one connection and waits for its handshake. */
    public BenchConnection connect(int slot, Target target) {
        try {
            return open(slot, target).get(HANDSHAKE_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (TimeoutException | java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("Connection to " + target.uri() + " failed to open", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    /**
     * Opens connections {@code 0..count-1}, at most {@code concurrency} handshakes at a time, and
     * reports progress. Fails on the first connection the server refuses.
     */
    public List<BenchConnection> openAll(int count, IntFunction<Target> targets, int concurrency) {
        return openAll(count, targets, concurrency, Duration.ZERO);
    }

    /**
     * As {@link #openAll(int, IntFunction, int)}, but starting the handshakes evenly over
     * {@code spread} (connection {@code i} at {@code i × spread / count}) rather than as fast as the
     * server takes them: what a server's periodic work per connection then does is spread evenly in
     * time too, as with clients that arrive at random.
     */
    public List<BenchConnection> openAll(int count, IntFunction<Target> targets, int concurrency, Duration spread) {
        Semaphore window = new Semaphore(concurrency);
        List<CompletableFuture<BenchConnection>> pending = new ArrayList<>(count);
        AtomicInteger opened = new AtomicInteger();
        int step = Math.max(1000, count / 5);
        long started = System.nanoTime();
        for (int slot = 0; slot < count; slot++) {
            Pause.until(started + spread.toNanos() / count * slot);
            if (!acquire(window)) {
                abandon(pending);
                throw new IllegalStateException("No handshake completed for " + HANDSHAKE_TIMEOUT_MILLIS / 1000 + " s; "
                        + opened.get() + " of " + count + " connections opened");
            }
            CompletableFuture<BenchConnection> future = open(slot, targets.apply(slot));
            future.whenComplete((connection, failure) -> {
                window.release();
                int done = opened.incrementAndGet();
                if (failure == null && done % step == 0 && count >= 2000) {
                    Progress.say("opened %,d/%,d connections", done, count);
                }
            });
            pending.add(future);
        }
        List<BenchConnection> connections = new ArrayList<>(count);
        for (CompletableFuture<BenchConnection> future : pending) {
            try {
                connections.add(future.get(HANDSHAKE_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS));
            } catch (TimeoutException | java.util.concurrent.ExecutionException e) {
                abandon(pending);
                throw new IllegalStateException("Connection " + connections.size() + " of " + count + " failed to open", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted", e);
            }
        }
        return connections;
    }

    /** Closes every connection normally and waits until the server has closed each socket. */
    public void closeAll(Collection<BenchConnection> connections) {
        List<CompletableFuture<Integer>> closing = new ArrayList<>(connections.size());
        for (BenchConnection connection : connections) {
            closing.add(connection.close());
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        int index = 0;
        for (BenchConnection connection : connections) {
            CompletableFuture<Integer> closed = closing.get(index++);
            try {
                closed.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException | java.util.concurrent.ExecutionException stuck) {
                connection.forceClose();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted", e);
            }
        }
    }

    private static WebSocketClientProtocolConfig protocol(URI uri) {
        return WebSocketClientProtocolConfig.newBuilder()
                .webSocketUri(uri)
                .handleCloseFrames(false)
                .dropPongFrames(true)
                .maxFramePayloadLength(MAX_FRAME)
                .handshakeTimeoutMillis(HANDSHAKE_TIMEOUT_MILLIS)
                .build();
    }

    /** Closes every connection of a failed batch, also those that open later, so none stays on the server. */
    private static void abandon(List<CompletableFuture<BenchConnection>> pending) {
        pending.forEach(future -> future.thenAccept(BenchConnection::forceClose));
    }

    private static boolean acquire(Semaphore window) {
        try {
            return window.tryAcquire(HANDSHAKE_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    @Override
    public void close() {
        group.shutdownGracefully(0, 5, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
