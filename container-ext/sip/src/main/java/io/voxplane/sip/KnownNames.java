package io.voxplane.sip;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Byte-level lookup of known header names, so the parser maps a name to its canonical constant, and
 * reuses a constant for the name as written, without allocating (RFC 3261 s7.3.1: names are
 * case-insensitive; s7.3.3 compact forms). The caller hashes the lower-cased name while it scans the
 * token ({@link #mix}); one pass over the candidate then checks the match and the exact spelling.
 * Immutable after class initialisation.
 */
final class KnownNames {

    private static final int SLOTS = 512;

    /** One known spelling: lower-case key bytes, canonical bytes, canonical name, lower-case name. */
    private record Entry(byte[] key, byte[] canonicalBytes, String canonical, String lower) {
    }

    private static final Entry[] TABLE = new Entry[SLOTS];

    static {
        for (Map.Entry<String, String> e : HeaderNames.lowerCaseTable().entrySet()) {
            String k = e.getKey();
            byte[] key = k.getBytes(StandardCharsets.US_ASCII);
            int h = 0;
            for (byte b : key) {
                h = mix(h, b);
            }
            int slot = slot(h);
            while (TABLE[slot] != null) {
                slot = (slot + 1) & (SLOTS - 1);
            }
            byte[] canonicalBytes = k.length() == e.getValue().length()
                    ? e.getValue().getBytes(StandardCharsets.US_ASCII) : key;
            TABLE[slot] = new Entry(key, canonicalBytes, e.getValue(), k);
        }
    }

    private KnownNames() {
    }

    /** Adds one byte (lower-cased) to a running name hash. */
    static int mix(int h, int b) {
        if (b >= 'A' && b <= 'Z') {
            b |= 0x20;
        }
        return h * 31 + b;
    }

    private static int slot(int h) {
        return (h ^ (h >>> 9) ^ (h >>> 18)) & (SLOTS - 1);
    }

    /** The canonical name for {@code data[p, end)} or null. */
    static String lookup(byte[] data, int p, int end) {
        int h = 0;
        for (int i = p; i < end; i++) {
            h = mix(h, data[i]);
        }
        String[] out = new String[1];
        nameAsWritten(data, p, end, h, out);
        return out[0];
    }

    /**
     * The name as written: a shared constant when the bytes spell the canonical name or the lower-case
     * (e.g. compact) form exactly, otherwise a new String. {@code out[0]} receives the canonical name
     * (null when unknown). {@code hash} is the {@link #mix} hash of the name.
     */
    static String nameAsWritten(byte[] data, int p, int end, int hash, String[] out) {
        int len = end - p;
        for (int slot = slot(hash); ; slot = (slot + 1) & (SLOTS - 1)) {
            Entry e = TABLE[slot];
            if (e == null) {
                break;
            }
            byte[] key = e.key;
            if (key.length != len) {
                continue;
            }
            byte[] canon = e.canonicalBytes;
            boolean exactCanonical = true;
            boolean exactLower = true;
            boolean match = true;
            for (int i = 0; i < len; i++) {
                int b = data[p + i];
                exactCanonical &= b == canon[i];
                exactLower &= b == key[i];
                if (b >= 'A' && b <= 'Z') {
                    b |= 0x20;
                }
                if (b != key[i]) {
                    match = false;
                    break;
                }
            }
            if (!match) {
                continue;
            }
            out[0] = e.canonical;
            if (exactCanonical && canon != key) {
                return e.canonical;
            }
            if (exactLower) {
                return e.lower;
            }
            return new String(data, p, len, StandardCharsets.ISO_8859_1);
        }
        out[0] = null;
        return new String(data, p, len, StandardCharsets.ISO_8859_1);
    }
}
