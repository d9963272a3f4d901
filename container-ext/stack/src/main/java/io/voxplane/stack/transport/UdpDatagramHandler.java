package io.voxplane.stack.transport;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramPacket;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;

/**
 * Reads SIP over UDP: each datagram is one message (RFC 3261 s18.3; bytes after the body are
 * ignored by the parser, RFC 4475 s3.1.1.8). A datagram of only CR and LF octets is a keep-alive
 * and is ignored. Nothing a peer sends closes the socket.
 */
@Sharable
final class UdpDatagramHandler extends SimpleChannelInboundHandler<DatagramPacket> {

    private static final System.Logger LOG = System.getLogger(UdpDatagramHandler.class.getName());

    private final InboundMessageProcessor processor;

    UdpDatagramHandler(InboundMessageProcessor processor) {
        this.processor = processor;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
        ByteBuf content = packet.content();
        if (isKeepAlive(content)) {
            return;
        }
        // The parsed message keeps the array (body views), so it must be a copy of the pooled buffer.
        byte[] data = ByteBufUtil.getBytes(content);
        InetSocketAddress local = (InetSocketAddress) ctx.channel().localAddress();
        Flow flow = new Flow(TransportType.UDP, local, packet.sender(), 0);
        processor.receive(data, 0, data.length, ctx.channel(), flow);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // ICMP port unreachable and the like surface here; the listener keeps serving.
        LOG.log(Level.DEBUG, "UDP listener " + ctx.channel().localAddress() + ": " + cause);
    }

    private static boolean isKeepAlive(ByteBuf content) {
        int end = content.writerIndex();
        for (int i = content.readerIndex(); i < end; i++) {
            byte b = content.getByte(i);
            if (b != '\r' && b != '\n') {
                return false;
            }
        }
        return true;
    }
}
