package io.voxplane.stack.transport;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.DatagramPacket;
import java.net.InetSocketAddress;

/**
 * Writes serialized SIP messages on a Netty channel: as one datagram on UDP, as stream bytes on
 * TCP. The byte array is wrapped, not copied; the caller must not change it afterwards.
 */
final class ChannelWrites {

    private ChannelWrites() {
    }

    /** Writes and flushes {@code wire}; {@code remote} is used for datagram channels only. */
    static ChannelFuture write(Channel channel, byte[] wire, InetSocketAddress remote) {
        if (channel instanceof DatagramChannel) {
            return channel.writeAndFlush(new DatagramPacket(Unpooled.wrappedBuffer(wire), remote));
        }
        return channel.writeAndFlush(Unpooled.wrappedBuffer(wire));
    }
}
