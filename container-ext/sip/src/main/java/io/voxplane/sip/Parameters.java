package io.voxplane.sip;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * An ordered, immutable list of generic parameters ({@code ;name=value} or {@code ;flag}) as used by
 * SIP URIs (RFC 3261 s19.1.1), Via (s20.42) and name-addr header fields (s20.10, s20.20, s20.39).
 *
 * <p>Names compare case-insensitively but keep the spelling they were written with. Values are kept
 * exactly as written, including the quotes of a quoted-string value, so that a message re-serialises
 * byte for byte. A flag parameter ({@code ;lr}) has a {@code null} value internally and
 * {@link #get(String)} returns {@code Optional.of("")} for it.
 */
public final class Parameters {

    private static final String[] NONE = new String[0];
    private static final Parameters EMPTY = new Parameters(NONE, NONE);

    private final String[] names;
    private final String[] values;

    private Parameters(String[] names, String[] values) {
        this.names = names;
        this.values = values;
    }

    /** The empty parameter list. */
    public static Parameters empty() {
        return EMPTY;
    }

    /** Package-private factory used by the parser; the arrays are owned by the result. */
    static Parameters ofArrays(String[] names, String[] values, int count) {
        if (count == 0) {
            return EMPTY;
        }
        return new Parameters(Arrays.copyOf(names, count), Arrays.copyOf(values, count));
    }

    private int indexOf(String name) {
        for (int i = 0; i < names.length; i++) {
            if (names[i].equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }

    /** The value of the first parameter with this name; {@code ""} for a flag; empty when absent. */
    public Optional<String> get(String name) {
        int i = indexOf(name);
        if (i < 0) {
            return Optional.empty();
        }
        return Optional.of(values[i] == null ? "" : values[i]);
    }

    /** The value, {@code ""} for a flag, or null when absent (allocation-free variant of {@link #get}). */
    public String valueOrNull(String name) {
        int i = indexOf(name);
        if (i < 0) {
            return null;
        }
        return values[i] == null ? "" : values[i];
    }

    /** Whether a parameter with this name is present (with or without a value). */
    public boolean has(String name) {
        return indexOf(name) >= 0;
    }

    /**
     * A copy with {@code name} set to {@code value} ({@code null} for a flag). An existing parameter of
     * that name is replaced in place; otherwise the new one is appended.
     */
    public Parameters with(String name, String value) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("parameter name must not be empty");
        }
        int i = indexOf(name);
        if (i >= 0) {
            String[] v = values.clone();
            String[] n = names.clone();
            n[i] = name;
            v[i] = value;
            return new Parameters(n, v);
        }
        String[] n = Arrays.copyOf(names, names.length + 1);
        String[] v = Arrays.copyOf(values, values.length + 1);
        n[names.length] = name;
        v[values.length] = value;
        return new Parameters(n, v);
    }

    /** A copy without any parameter of that name. */
    public Parameters without(String name) {
        if (indexOf(name) < 0) {
            return this;
        }
        List<String> n = new ArrayList<>(names.length);
        List<String> v = new ArrayList<>(names.length);
        for (int i = 0; i < names.length; i++) {
            if (!names[i].equalsIgnoreCase(name)) {
                n.add(names[i]);
                v.add(values[i]);
            }
        }
        return n.isEmpty() ? EMPTY : new Parameters(n.toArray(NONE), v.toArray(NONE));
    }

    /** The parameter names in order, as written. */
    public List<String> names() {
        return List.of(names);
    }

    /** Number of parameters. */
    public int size() {
        return names.length;
    }

    /** Name of the i-th parameter, as written. */
    public String nameAt(int i) {
        return names[i];
    }

    /** Value of the i-th parameter as written, or null for a flag. */
    public String valueAt(int i) {
        return values[i];
    }

    public boolean isEmpty() {
        return names.length == 0;
    }

    /** Appends the wire form ({@code ;a=b;lr}) using {@code separator} before each parameter. */
    void appendTo(StringBuilder sb, char first, char separator) {
        for (int i = 0; i < names.length; i++) {
            sb.append(i == 0 ? first : separator).append(names[i]);
            if (values[i] != null) {
                sb.append('=').append(values[i]);
            }
        }
    }

    /** Wire form {@code ;a=b;lr}; the empty string when there are none. */
    @Override
    public String toString() {
        if (names.length == 0) {
            return "";
        }
        StringBuilder sb = new StringBuilder(16 * names.length);
        appendTo(sb, ';', ';');
        return sb.toString();
    }

    /** Equal when the same names (ignoring case) carry the same values in the same order. */
    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Parameters p) || p.names.length != names.length) {
            return false;
        }
        for (int i = 0; i < names.length; i++) {
            if (!names[i].equalsIgnoreCase(p.names[i])) {
                return false;
            }
            if (values[i] == null ? p.values[i] != null : !values[i].equals(p.values[i])) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = 1;
        for (int i = 0; i < names.length; i++) {
            h = 31 * h + names[i].toLowerCase(Locale.ROOT).hashCode();
            h = 31 * h + (values[i] == null ? 0 : values[i].hashCode());
        }
        return h;
    }
}
