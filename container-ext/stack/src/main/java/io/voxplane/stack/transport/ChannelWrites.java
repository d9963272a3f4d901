package io.voxplane.stack.transport;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelPromise;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.DatagramPacket;
import io.netty.util.ReferenceCountUtil;
import java.net.InetSocketAddress;
import java.util.concurrent.RejectedExecutionException;

/**
 * Writes serialized SIP messages on a Netty channel: as one datagram on UDP, as stream bytes on
 * TCP. The byte array is wrapped, not copied; the caller must not change it afterwards.
 *
 * <p>Order: every write is queued on the channel's event loop, also when the caller is that
 * loop. Netty writes at once when called on the loop but queues a write from another thread, so
 * a write issued on the loop could overtake one issued earlier from a timer thread (a 180 going
 * out before the 100 Trying decided before it). Queuing always keeps writes in the order they
 * were issued.
 */
final class ChannelWrites {

    private ChannelWrites() {
    }

    /** Writes and flushes {@code wire}; {@code remote} is used for datagram channels only. */
    static ChannelFuture write(Channel channel, byte[] wire, InetSocketAddress remote) {
        Object message = channel instanceof DatagramChannel
                ? new DatagramPacket(Unpooled.wrappedBuffer(wire), remote)
                : Unpooled.wrappedBuffer(wire);
        ChannelPromise promise = channel.newPromise();
        try {
            channel.eventLoop().execute(() -> channel.writeAndFlush(message, promise));
        } catch (RejectedExecutionException stopping) {
            ReferenceCountUtil.release(message);
            promise.tryFailure(stopping);
        }
        return promise;
    }
}
