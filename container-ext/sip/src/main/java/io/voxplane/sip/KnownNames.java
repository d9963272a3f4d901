package io.voxplane.sip;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Byte-level lookup of known header names, so the parser can map a name to its canonical constant
 * without allocating (RFC 3261 s7.3.1: names are case-insensitive; s7.3.3 compact forms).
 */
final class KnownNames {

    private static final int MAX_LEN = 32;
    /** By length: lower-case keys as bytes and their canonical names. */
    private static final byte[][][] KEYS = new byte[MAX_LEN + 1][][];
    private static final String[][] CANON = new String[MAX_LEN + 1][];

    static {
        List<List<String[]>> byLen = new ArrayList<>();
        for (int i = 0; i <= MAX_LEN; i++) {
            byLen.add(new ArrayList<>());
        }
        for (Map.Entry<String, String> e : HeaderNames.lowerCaseTable().entrySet()) {
            if (e.getKey().length() <= MAX_LEN) {
                byLen.get(e.getKey().length()).add(new String[] {e.getKey(), e.getValue()});
            }
        }
        for (int len = 0; len <= MAX_LEN; len++) {
            List<String[]> l = byLen.get(len);
            KEYS[len] = new byte[l.size()][];
            CANON[len] = new String[l.size()];
            for (int i = 0; i < l.size(); i++) {
                KEYS[len][i] = l.get(i)[0].getBytes(java.nio.charset.StandardCharsets.US_ASCII);
                CANON[len][i] = l.get(i)[1];
            }
        }
    }

    private KnownNames() {
    }

    /** The canonical name for {@code data[p, end)} or null. */
    static String lookup(byte[] data, int p, int end) {
        int len = end - p;
        if (len > MAX_LEN) {
            return null;
        }
        byte[][] keys = KEYS[len];
        outer:
        for (int k = 0; k < keys.length; k++) {
            byte[] key = keys[k];
            for (int i = 0; i < len; i++) {
                int b = data[p + i];
                if (b >= 'A' && b <= 'Z') {
                    b |= 0x20;
                }
                if (b != key[i]) {
                    continue outer;
                }
            }
            return CANON[len][k];
        }
        return null;
    }

    /** Whether {@code data[p, end)} is spelled exactly like {@code name}. */
    static boolean exact(byte[] data, int p, int end, String name) {
        if (end - p != name.length()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            if (data[p + i] != name.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
