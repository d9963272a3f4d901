package io.voxplane.stack.transport;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramPacket;
import io.netty.util.Attribute;
import io.netty.util.AttributeKey;
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

    private static final AttributeKey<Flow> LAST_FLOW = AttributeKey.valueOf(UdpDatagramHandler.class, "lastFlow");

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
        Flow flow = flowOf(ctx.channel(), packet.sender());
        processor.receive(data, 0, data.length, ctx.channel(), flow);
    }

    /**
     * The flow of a datagram from {@code sender}: the channel's last one when it came from the
     * same peer, which is the common case (a trunk, a proxy, a load generator). Transactions keep
     * their flow for up to 64*T1, so sharing one value per peer keeps that memory flat.
     * Runs on the channel's event loop only.
     */
    private static Flow flowOf(Channel channel, InetSocketAddress sender) {
        Attribute<Flow> last = channel.attr(LAST_FLOW);
        Flow flow = last.get();
        if (flow == null || !flow.remote().equals(sender)) {
            flow = new Flow(TransportType.UDP, (InetSocketAddress) channel.localAddress(), sender, 0);
            last.set(flow);
        }
        return flow;
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
