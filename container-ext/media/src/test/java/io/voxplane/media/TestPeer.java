package io.voxplane.media;

import io.voxplane.media.rtp.RtpPacket;
import io.voxplane.media.rtp.RtpPacketWriter;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.Arrays;
import java.util.function.BooleanSupplier;

/** A plain-NIO UDP peer on 127.0.0.1 that sends and receives RTP, with bounded receives. */
public final class TestPeer implements AutoCloseable {

    /** One datagram received. */
    public record Received(byte[] data, InetSocketAddress from) {
        public RtpPacket rtp() {
            try {
                return RtpPacket.parse(data, 0, data.length);
            } catch (io.voxplane.media.rtp.RtpFormatException e) {
                throw new AssertionError("not RTP: " + e.getMessage());
            }
        }
    }

    private final DatagramChannel channel;
    private final Selector selector;
    private final RtpPacketWriter writer = new RtpPacketWriter();

    public TestPeer() throws IOException {
        channel = DatagramChannel.open();
        channel.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        channel.configureBlocking(false);
        selector = Selector.open();
        channel.register(selector, SelectionKey.OP_READ);
    }

    public InetSocketAddress address() throws IOException {
        return (InetSocketAddress) channel.getLocalAddress();
    }

    public void send(byte[] datagram, InetSocketAddress to) throws IOException {
        channel.send(ByteBuffer.wrap(datagram), to);
    }

    /** Sends one RTP packet. */
    public void sendRtp(InetSocketAddress to, int pt, int seq, long ts, long ssrc, boolean marker, byte[] payload)
            throws IOException {
        byte[] out = new byte[12 + payload.length];
        writer.payloadType(pt).sequenceNumber(seq).timestamp(ts).ssrc(ssrc).marker(marker);
        int n = writer.write(payload, 0, payload.length, out, 0);
        send(Arrays.copyOf(out, n), to);
    }

    /** The next datagram, or null after {@code timeoutMillis}. */
    public Received receive(long timeoutMillis) throws IOException {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        ByteBuffer buf = ByteBuffer.allocate(2048);
        while (true) {
            InetSocketAddress from = (InetSocketAddress) channel.receive(buf);
            if (from != null) {
                buf.flip();
                byte[] b = new byte[buf.remaining()];
                buf.get(b);
                return new Received(b, from);
            }
            long left = (deadline - System.nanoTime()) / 1_000_000L;
            if (left <= 0) {
                return null;
            }
            selector.select(left);
            selector.selectedKeys().clear();
        }
    }

    /** Waits (bounded) until {@code condition} holds, polling; false on timeout. */
    public static boolean await(BooleanSupplier condition, long timeoutMillis) {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            java.util.concurrent.locks.LockSupport.parkNanos(200_000L);
        }
        return true;
    }

    @Override
    public void close() throws IOException {
        selector.close();
        channel.close();
    }
}
