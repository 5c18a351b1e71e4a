package io.hauyna.bench.load;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler.ClientHandshakeStateEvent;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;

/** Passes text frames to the connection's receiver and follows the opening and closing handshakes. */
final class FrameHandler extends SimpleChannelInboundHandler<WebSocketFrame> {

    private final BenchConnection connection;
    private int closeStatus = -1;

    FrameHandler(BenchConnection connection) {
        this.connection = connection;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext context, WebSocketFrame frame) {
        if (frame instanceof TextWebSocketFrame) {
            connection.receiver.received(connection, frame.content());
        } else if (frame instanceof CloseWebSocketFrame close) {
            closeStatus = close.statusCode();
            if (!connection.closing) {
                // the server closes: echo its close, as RFC 6455 asks, then let it close the socket
                context.writeAndFlush(new CloseWebSocketFrame(close.statusCode(), ""));
            }
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext context, Object event) throws Exception {
        if (event == ClientHandshakeStateEvent.HANDSHAKE_COMPLETE) {
            connection.opened.complete(connection);
        } else if (event == ClientHandshakeStateEvent.HANDSHAKE_TIMEOUT) {
            connection.opened.completeExceptionally(new IllegalStateException("Handshake timed out"));
        }
        super.userEventTriggered(context, event);
    }

    @Override
    public void channelInactive(ChannelHandlerContext context) throws Exception {
        connection.opened.completeExceptionally(new IllegalStateException("Closed before the handshake completed"));
        connection.closed.complete(closeStatus);
        super.channelInactive(context);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
        connection.opened.completeExceptionally(cause);
        context.close();
    }
}
