package io.hauyna.bench.load;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;

/**
 * Stops a connection from reading at all while closed. Turning auto-read off is not enough: the
 * WebSocket decoders ask for another read whenever a read ended inside a frame, so a "paused"
 * client kept reading. First in the pipeline, this gate sees every read request and holds it.
 */
final class ReadGate extends ChannelOutboundHandlerAdapter {

    private boolean closed;
    private boolean readHeld;

    /** Called on the connection's event loop. */
    void close(ChannelHandlerContext context) {
        closed = true;
        context.channel().config().setAutoRead(false);
    }

    /** Called on the connection's event loop; releases a held read and reads on as usual. */
    void open(ChannelHandlerContext context) {
        closed = false;
        context.channel().config().setAutoRead(true);
        if (readHeld) {
            readHeld = false;
            context.read();
        }
    }

    @Override
    public void read(ChannelHandlerContext context) {
        if (closed) {
            readHeld = true;
        } else {
            context.read();
        }
    }
}
