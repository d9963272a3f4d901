package io.voxplane.sip;

import java.util.ArrayList;
import java.util.List;

/**
 * The mutable header list behind {@link SipRequest.Builder} and {@link SipResponse.Builder}. Typed
 * setters render their value into a field with the canonical name; {@link #build} decodes the list
 * with the same rules as the parser and checks the mandatory headers (s8.1.1).
 */
final class HeaderEditor {

    private final List<Header> list;
    private byte[] body = AbstractMessage.NO_BODY;

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

    void copyFrom(AbstractMessage m, String... names) {
        for (Header h : m.block.headers) {
            for (String n : names) {
                if (h.is(n)) {
                    list.add(new Header(HeaderNames.normalize(h.name()), h.value()));
                    break;
                }
            }
        }
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
        list.add(i < 0 ? 0 : i, new Header(HeaderNames.VIA, via.toString()));
    }

    void appendVia(Via via) {
        int i = lastIndex(HeaderNames.VIA);
        list.add(i < 0 ? 0 : i + 1, new Header(HeaderNames.VIA, via.toString()));
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
            b = HeaderBlock.decode(list.toArray(new Header[0]), null);
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
