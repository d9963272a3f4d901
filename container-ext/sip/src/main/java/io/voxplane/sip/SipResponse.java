package io.voxplane.sip;

import java.util.List;

/**
 * A SIP response (RFC 3261 s7.2, s8.2.6): status code, reason phrase, headers, body. Immutable.
 * {@link #replyTo(SipRequest, int)} starts a response with the headers s8.2.6.2 says to copy.
 */
public final class SipResponse extends AbstractMessage implements SipMessage {

    private final int status;
    private final String reason;

    SipResponse(int status, String reason, HeaderBlock block, byte[] body) {
        super(block, body);
        this.status = status;
        this.reason = reason;
    }

    /** A builder for a response built from scratch. */
    public static Builder builder(int status, String reason) {
        return new Builder(new HeaderEditor(), status, reason);
    }

    /**
     * A response to {@code request} (s8.2.6.2): copies every Via in order, From, To, Call-ID and CSeq;
     * reason phrase from {@link StatusCodes}. Add a To tag with {@code .to(...)} when needed.
     */
    public static Builder replyTo(SipRequest request, int status) {
        return replyTo(request, status, StatusCodes.reasonPhrase(status));
    }

    /** As {@link #replyTo(SipRequest, int)} with an explicit reason phrase. */
    public static Builder replyTo(SipRequest request, int status, String reason) {
        HeaderEditor e = new HeaderEditor();
        e.copyFrom(request, HeaderNames.VIA, HeaderNames.FROM, HeaderNames.TO, HeaderNames.CALL_ID,
                HeaderNames.CSEQ);
        return new Builder(e, status, reason);
    }

    /** A builder holding this response's status line, headers and body. */
    public Builder toBuilder() {
        return new Builder(new HeaderEditor(this), status, reason);
    }

    public int status() {
        return status;
    }

    public String reason() {
        return reason;
    }

    public boolean isProvisional() {
        return status < 200;
    }

    public boolean isFinal() {
        return status >= 200;
    }

    /** 1 to 6. */
    public int statusClass() {
        return status / 100;
    }

    @Override
    public boolean isRequest() {
        return false;
    }

    @Override
    void appendStartLine(ByteSink sink) {
        sink.ascii("SIP/2.0 ").number(status).ascii(" ").ascii(reason).crlf();
    }

    /** Builds a {@link SipResponse}; {@link #build()} checks From, To, Call-ID and CSeq. */
    public static final class Builder {
        private final HeaderEditor editor;
        private int status;
        private String reason;

        private Builder(HeaderEditor editor, int status, String reason) {
            this.editor = editor;
            status(status);
            reason(reason);
        }

        public Builder status(int status) {
            if (status < 100 || status > 699) {
                throw new IllegalArgumentException("status code out of range 100..699: " + status);
            }
            this.status = status;
            return this;
        }

        public Builder reason(String reason) {
            String r = reason == null ? StatusCodes.reasonPhrase(status) : reason;
            if (r.indexOf('\r') >= 0 || r.indexOf('\n') >= 0) {
                throw new IllegalArgumentException("reason phrase must not contain CR or LF");
            }
            this.reason = r;
            return this;
        }

        /** Appends a Via at the bottom. */
        public Builder via(Via via) {
            editor.appendVia(via);
            return this;
        }

        /** Adds a Via on top (s16.6 step 8). */
        public Builder pushVia(Via via) {
            editor.pushVia(via);
            return this;
        }

        /** Removes the topmost Via value (s16.7 step 3). */
        public Builder removeTopVia() {
            editor.removeTopVia();
            return this;
        }

        /** Replaces all Via values. */
        public Builder vias(List<Via> vias) {
            editor.setAll(HeaderNames.VIA, vias);
            return this;
        }

        public Builder from(Address from) {
            editor.setTyped(HeaderNames.FROM, from);
            return this;
        }

        public Builder to(Address to) {
            editor.setTyped(HeaderNames.TO, to);
            return this;
        }

        public Builder callId(String callId) {
            editor.set(HeaderNames.CALL_ID, callId);
            return this;
        }

        public Builder cseq(CSeq cseq) {
            editor.setTyped(HeaderNames.CSEQ, cseq);
            return this;
        }

        public Builder maxForwards(int maxForwards) {
            if (maxForwards < 0 || maxForwards > 255) {
                throw new IllegalArgumentException("Max-Forwards out of range 0..255: " + maxForwards);
            }
            editor.set(HeaderNames.MAX_FORWARDS, Integer.toString(maxForwards));
            return this;
        }

        /** Adds a Contact value. */
        public Builder contact(Address contact) {
            editor.addGroupedTyped(HeaderNames.CONTACT, contact);
            return this;
        }

        /** Adds a Route value at the bottom. */
        public Builder route(Address route) {
            editor.addGrouped(HeaderNames.ROUTE, route.toString());
            return this;
        }

        /** Replaces all Route values. */
        public Builder routes(List<Address> routes) {
            editor.setAll(HeaderNames.ROUTE, routes);
            return this;
        }

        /** Adds a Record-Route value at the bottom. */
        public Builder recordRoute(Address recordRoute) {
            editor.addGrouped(HeaderNames.RECORD_ROUTE, recordRoute.toString());
            return this;
        }

        /** Replaces all Record-Route values. */
        public Builder recordRoutes(List<Address> recordRoutes) {
            editor.setAll(HeaderNames.RECORD_ROUTE, recordRoutes);
            return this;
        }

        /** Adds a raw header field. */
        public Builder header(String name, String value) {
            editor.add(name, value);
            return this;
        }

        /** Replaces all fields of that name with one. */
        public Builder setHeader(String name, String value) {
            editor.set(name, value);
            return this;
        }

        /** Removes all fields of that name (long and compact forms). */
        public Builder removeHeader(String name) {
            editor.remove(name);
            return this;
        }

        /** Sets the body and its Content-Type (null removes it); Content-Length is derived. */
        public Builder body(String contentType, byte[] body) {
            editor.body(contentType, body);
            return this;
        }

        public SipResponse build() {
            HeaderBlock b = editor.build(false);
            return new SipResponse(status, reason, b, editor.body());
        }
    }
}
