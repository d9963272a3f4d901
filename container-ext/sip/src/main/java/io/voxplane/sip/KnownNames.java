package io.voxplane.sip;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Byte-level lookup of known header names, so the parser maps a name to its canonical constant, and
 * reuses a constant for the name as written, without allocating (RFC 3261 s7.3.1: names are
 * case-insensitive; s7.3.3 compact forms). Immutable after class initialisation.
 */
final class KnownNames {

    private static final int MAX_LEN = 32;

    /** One known spelling: lower-case key bytes, canonical name, the key itself as a String. */
    private record Entry(byte[] key, String canonical, String lower) {
    }

    /** Indexed by [length][lower-case first byte]. */
    private static final Entry[][][] TABLE = new Entry[MAX_LEN + 1][128][];

    static {
        List<List<List<Entry>>> build = new ArrayList<>();
        for (int len = 0; len <= MAX_LEN; len++) {
            List<List<Entry>> row = new ArrayList<>();
            for (int c = 0; c < 128; c++) {
                row.add(new ArrayList<>(1));
            }
            build.add(row);
        }
        for (Map.Entry<String, String> e : HeaderNames.lowerCaseTable().entrySet()) {
            String k = e.getKey();
            if (k.length() <= MAX_LEN && k.charAt(0) < 128) {
                build.get(k.length()).get(k.charAt(0))
                        .add(new Entry(k.getBytes(StandardCharsets.US_ASCII), e.getValue(), k));
            }
        }
        for (int len = 0; len <= MAX_LEN; len++) {
            for (int c = 0; c < 128; c++) {
                List<Entry> l = build.get(len).get(c);
                TABLE[len][c] = l.isEmpty() ? null : l.toArray(new Entry[0]);
            }
        }
    }

    private KnownNames() {
    }

    private static Entry find(byte[] data, int p, int end) {
        int len = end - p;
        if (len == 0 || len > MAX_LEN) {
            return null;
        }
        int first = data[p];
        if (first >= 'A' && first <= 'Z') {
            first |= 0x20;
        }
        if (first < 0) {
            return null;
        }
        Entry[] candidates = TABLE[len][first];
        if (candidates == null) {
            return null;
        }
        outer:
        for (Entry entry : candidates) {
            byte[] key = entry.key;
            for (int i = 1; i < len; i++) {
                int b = data[p + i];
                if (b >= 'A' && b <= 'Z') {
                    b |= 0x20;
                }
                if (b != key[i]) {
                    continue outer;
                }
            }
            return entry;
        }
        return null;
    }

    /** The canonical name for {@code data[p, end)} or null. */
    static String lookup(byte[] data, int p, int end) {
        Entry e = find(data, p, end);
        return e == null ? null : e.canonical;
    }

    /**
     * The name as written: a shared constant when the bytes spell the canonical name or the lower-case
     * (e.g. compact) form exactly, otherwise a new String. {@code out[0]} receives the canonical name
     * (null when unknown).
     */
    static String nameAsWritten(byte[] data, int p, int end, String[] out) {
        Entry e = find(data, p, end);
        if (e == null) {
            out[0] = null;
            return new String(data, p, end - p, StandardCharsets.ISO_8859_1);
        }
        out[0] = e.canonical;
        if (spells(data, p, end, e.canonical)) {
            return e.canonical;
        }
        if (spells(data, p, end, e.lower)) {
            return e.lower;
        }
        return new String(data, p, end - p, StandardCharsets.ISO_8859_1);
    }

    private static boolean spells(byte[] data, int p, int end, String name) {
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
