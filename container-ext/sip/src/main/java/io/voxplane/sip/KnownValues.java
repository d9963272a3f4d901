package io.voxplane.sip;

import java.util.Arrays;

/**
 * The typed values a builder already holds for some of its header fields, keyed by the field
 * instance ({@code ==}), so that {@link HeaderBlock#decode} does not parse their text again. A
 * builder has a handful of such fields: a linear scan beats hashing them.
 */
final class KnownValues {

    private Header[] fields = new Header[8];
    private Object[] values = new Object[8];
    private int size;

    void add(Header field, Object value) {
        if (size == fields.length) {
            fields = Arrays.copyOf(fields, size * 2);
            values = Arrays.copyOf(values, size * 2);
        }
        fields[size] = field;
        values[size] = value;
        size++;
    }

    /** The typed value of that very field instance, or null. */
    Object get(Header field) {
        for (int i = 0; i < size; i++) {
            if (fields[i] == field) {
                return values[i];
            }
        }
        return null;
    }
}
