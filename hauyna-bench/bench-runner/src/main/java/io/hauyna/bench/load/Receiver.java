package io.hauyna.bench.load;

import io.netty.buffer.ByteBuf;

/** What a scenario does with a text frame, on the connection's event-loop thread. */
@FunctionalInterface
public interface Receiver {

    Receiver IGNORE = (connection, text) -> { };

    /** @param text the frame's UTF-8 bytes, valid only during the call */
    void received(BenchConnection connection, ByteBuf text);
}
