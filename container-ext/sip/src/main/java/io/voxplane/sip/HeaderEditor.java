package io.voxplane.sip;

import java.util.ArrayList;
import java.util.List;

/**
 * The mutable header list behind {@link SipRequest.Builder} and {@link SipResponse.Builder}. Typed
 * setters render their value into a field with the canonical name; {@link #build} decodes the list
 * with the same rules as the parser and checks the mandatory headers (s8.1.1).
 *
 * <p>A field whose typed value is already known (set through a typed setter, or copied from a
 * decoded message) carries it to {@link #build}, which then does not parse its text again.
 */
final class HeaderEditor {

    private final List<Header> list;
    private byte[] body = AbstractMessage.NO_BODY;
    /** Typed values of fields, by field identity; entries of fields removed since are never read. */
    private final KnownValues known = new KnownValues();

    HeaderEditor() {
        list = new ArrayList<>(12);
    }

    HeaderEditor(AbstractMessage m) {
        list = new ArrayList<>(m.block.headers.length + 4);
        for (Header h : m.block.headers) {
            list.add(h);
        }
        body = m.body;
    }

    /** Copies the fields of {@code m} with these names, given as {@link HeaderNames} constants. */
    void copyFrom(AbstractMessage m, String... names) {
        HeaderBlock block = m.block;
        int viaFields = 0;
        for (String c : block.canonical) {
            if (c == HeaderNames.VIA) {
                viaFields++;
            }
        }
        for (int i = 0; i < block.headers.length; i++) {
            Header h = block.headers[i];
            String c = block.canonical[i];
            if (c == null) {
                continue;
            }
            for (String n : names) {
                if (c == n) {
                    Header copy = new Header(HeaderNames.normalize(h.name()), h.value());
                    list.add(copy);
                    Object typed = typedValue(block, block.canonical[i], viaFields);
                    if (typed != null) {
                        known.add(copy, typed);
                    }
                    break;
                }
            }
        }
    }

    /** The decoded value of a field of {@code block} when the block holds it for that field alone. */
    private static Object typedValue(HeaderBlock block, String canonical, int viaFields) {
        if (canonical == null) {
            return null;
        }
        return switch (canonical) {
            case HeaderNames.FROM -> block.from;
            case HeaderNames.TO -> block.to;
            case HeaderNames.CALL_ID -> block.callId;
            case HeaderNames.CSEQ -> block.cseq;
            case HeaderNames.VIA -> viaFields == 1 ? block.vias : null;
            default -> null;
        };
    }

    /** Like {@link #set(String, String)} for a known header with its typed value. */
    void setTyped(String name, Object typed) {
        set(name, typed.toString());
        known.add(list.get(firstIndex(name)), typed);
    }

    /** Like {@link #addGrouped(String, String)} for a known header with its typed value. */
    void addGroupedTyped(String name, Object typed) {
        int i = lastIndex(name);
        Header h = new Header(checkName(name), checkValue(typed.toString()));
        if (i < 0) {
            list.add(h);
        } else {
            list.add(i + 1, h);
        }
        known.add(h, typed);
    }

    private int firstIndex(String name) {
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).is(name)) {
                return i;
            }
        }
        return -1;
    }

    private int lastIndex(String name) {
        for (int i = list.size() - 1; i >= 0; i--) {
            if (list.get(i).is(name)) {
                return i;
            }
        }
        return -1;
    }

    void add(String name, String value) {
        list.add(new Header(checkName(name), checkValue(value)));
    }

    /** Adds after the last field of the same name, or at the end. */
    void addGrouped(String name, String value) {
        int i = lastIndex(name);
        Header h = new Header(checkName(name), checkValue(value));
        if (i < 0) {
            list.add(h);
        } else {
            list.add(i + 1, h);
        }
    }

    /** Replaces all fields of that name with one, at the position of the first (or the end). */
    void set(String name, String value) {
        int i = firstIndex(name);
        remove(name);
        Header h = new Header(checkName(name), checkValue(value));
        if (i < 0 || i > list.size()) {
            list.add(h);
        } else {
            list.add(i, h);
        }
    }

    void remove(String name) {
        list.removeIf(h -> h.is(name));
    }

    void setAll(String name, List<?> values) {
        int i = firstIndex(name);
        remove(name);
        int at = i < 0 ? list.size() : Math.min(i, list.size());
        for (Object v : values) {
            list.add(at++, new Header(name, v.toString()));
        }
    }

    void pushVia(Via via) {
        int i = firstIndex(HeaderNames.VIA);
        Header h = new Header(HeaderNames.VIA, via.toString());
        list.add(i < 0 ? 0 : i, h);
        known.add(h, List.of(via));
    }

    void appendVia(Via via) {
        int i = lastIndex(HeaderNames.VIA);
        Header h = new Header(HeaderNames.VIA, via.toString());
        list.add(i < 0 ? 0 : i + 1, h);
        known.add(h, List.of(via));
    }

    void removeTopVia() {
        int i = firstIndex(HeaderNames.VIA);
        if (i < 0) {
            return;
        }
        List<Via> values;
        try {
            values = ValueParser.vias(list.get(i).value());
        } catch (SipParseException e) {
            list.remove(i);
            return;
        }
        if (values.size() <= 1) {
            list.remove(i);
        } else {
            StringBuilder sb = new StringBuilder();
            for (int k = 1; k < values.size(); k++) {
                if (k > 1) {
                    sb.append(", ");
                }
                values.get(k).appendTo(sb);
            }
            list.set(i, new Header(HeaderNames.VIA, sb.toString()));
        }
    }

    void body(String contentType, byte[] bytes) {
        body = bytes == null ? AbstractMessage.NO_BODY : bytes;
        if (contentType == null) {
            remove(HeaderNames.CONTENT_TYPE);
        } else {
            set(HeaderNames.CONTENT_TYPE, contentType);
        }
    }

    byte[] body() {
        return body;
    }

    boolean has(String name) {
        return firstIndex(name) >= 0;
    }

    /** Decodes and validates; Content-Length is set to the body length. */
    HeaderBlock build(boolean request) {
        if (request && !has(HeaderNames.MAX_FORWARDS)) {
            int i = lastIndex(HeaderNames.VIA);
            list.add(i + 1, new Header(HeaderNames.MAX_FORWARDS, "70"));
        }
        set(HeaderNames.CONTENT_LENGTH, Integer.toString(body.length));
        HeaderBlock b;
        try {
            b = HeaderBlock.decode(list.toArray(new Header[0]), null, null, known);
        } catch (SipParseException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        if (request && b.vias.isEmpty()) {
            throw new IllegalStateException("missing mandatory header Via");
        }
        if (b.from == null) {
            throw new IllegalStateException("missing mandatory header From");
        }
        if (b.to == null) {
            throw new IllegalStateException("missing mandatory header To");
        }
        if (b.callId == null) {
            throw new IllegalStateException("missing mandatory header Call-ID");
        }
        if (b.cseq == null) {
            throw new IllegalStateException("missing mandatory header CSeq");
        }
        return b;
    }

    private static String checkName(String name) {
        if (name == null || !Chars.isToken(name)) {
            throw new IllegalArgumentException("header name must be a token: " + name);
        }
        return HeaderNames.normalize(name);
    }

    private static String checkValue(String value) {
        if (value == null) {
            throw new IllegalArgumentException("header value must not be null");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\r' || c == '\n') {
                throw new IllegalArgumentException("header value must not contain CR or LF");
            }
        }
        return value.strip();
    }
}
