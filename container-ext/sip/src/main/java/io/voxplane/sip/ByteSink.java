package io.voxplane.sip;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A growable byte buffer that writes strings as UTF-8 with an ASCII fast path. Single owner. */
final class ByteSink {

    private byte[] buf;
    private int len;

    ByteSink(int capacity) {
        buf = new byte[capacity];
    }

    private void ensure(int extra) {
        if (len + extra > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + extra));
        }
    }

    ByteSink ascii(String s) {
        int n = s.length();
        ensure(n);
        byte[] b = buf;
        int l = len;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                len = l;
                return utf8(s, i);
            }
            b[l++] = (byte) c;
        }
        len = l;
        return this;
    }

    private ByteSink utf8(String s, int from) {
        byte[] rest = s.substring(from).getBytes(StandardCharsets.UTF_8);
        return bytes(rest, 0, rest.length);
    }

    ByteSink bytes(byte[] src, int off, int n) {
        ensure(n);
        System.arraycopy(src, off, buf, len, n);
        len += n;
        return this;
    }

    ByteSink crlf() {
        ensure(2);
        buf[len++] = '\r';
        buf[len++] = '\n';
        return this;
    }

    ByteSink sep() {
        ensure(2);
        buf[len++] = ':';
        buf[len++] = ' ';
        return this;
    }

    ByteSink number(long v) {
        if (v < 0 || v > 999_999_999L) {
            return ascii(Long.toString(v));
        }
        int value = (int) v;
        int digits = 1;
        for (int rest = value / 10; rest > 0; rest /= 10) {
            digits++;
        }
        ensure(digits);
        byte[] b = buf;
        for (int i = len + digits - 1; i >= len; i--) {
            int next = value / 10;
            b[i] = (byte) ('0' + value - next * 10);
            value = next;
        }
        len += digits;
        return this;
    }

    byte[] toArray() {
        return len == buf.length ? buf : Arrays.copyOf(buf, len);
    }
}
