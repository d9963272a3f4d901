package io.voxplane.stack.transport;

import java.util.Arrays;

/**
 * The bytes of a TCP stream that the {@link io.voxplane.sip.StreamFramer} holds but has not
 * returned as a message yet: the start of the message being received. Kept so that when framing
 * fails the transport can still read that message's head and answer it (RFC 4475 s3.1.2.3,
 * s3.3.9: negative or multiple Content-Length get a 400 before the connection closes).
 *
 * <p>Costs nothing while reads end on message boundaries (the usual case); a partial message is
 * held at most once more than in the framer, bounded by the message size limit. One per
 * connection, used on its event loop only.
 */
final class UnframedBytes {

    private byte[] buf = new byte[0];
    private int start;
    private int end;

    void append(byte[] data, int offset, int length) {
        if (end + length > buf.length) {
            int live = end - start;
            byte[] grown = live + length <= buf.length ? buf : new byte[Math.max(buf.length * 2, live + length)];
            System.arraycopy(buf, start, grown, 0, live);
            buf = grown;
            start = 0;
            end = live;
        }
        System.arraycopy(data, offset, buf, end, length);
        end += length;
    }

    /** Forgets all but the last {@code count} bytes (what the framer still buffers). */
    void keepLast(int count) {
        if (count <= 0) {
            start = 0;
            end = 0;
        } else {
            start = Math.max(start, end - count);
        }
    }

    byte[] toArray() {
        return Arrays.copyOfRange(buf, start, end);
    }
}
