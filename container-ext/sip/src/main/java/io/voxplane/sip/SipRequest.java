package io.voxplane.sip;

import java.util.List;
import java.util.Objects;

/**
 * A SIP request (RFC 3261 s7.1, s8.1): method, Request-URI, headers, body. Immutable; build one
 * with {@link #builder(String, Uri)} or {@link #toBuilder()}. Methods are case-sensitive tokens.
 */
public final class SipRequest extends AbstractMessage implements SipMessage {

    private final String method;
    private final Uri requestUri;

    SipRequest(String method, Uri requestUri, HeaderBlock block, byte[] body) {
        super(block, body);
        this.method = method;
        this.requestUri = requestUri;
    }

    /** A builder for a new request; Max-Forwards defaults to 70 when not set. */
    public static Builder builder(String method, Uri requestUri) {
        return new Builder(new HeaderEditor(), method, requestUri);
    }

    /** A builder holding this request's start line, headers and body. */
    public Builder toBuilder() {
        return new Builder(new HeaderEditor(this), method, requestUri);
    }

    public String method() {
        return method;
    }

    public Uri requestUri() {
        return requestUri;
    }

    public boolean isInvite() {
        return SipMethod.INVITE.equals(method);
    }

    public boolean isAck() {
        return SipMethod.ACK.equals(method);
    }

    public boolean isCancel() {
        return SipMethod.CANCEL.equals(method);
    }

    @Override
    public boolean isRequest() {
        return true;
    }

    @Override
    void appendStartLine(ByteSink sink) {
        sink.ascii(method).ascii(" ").ascii(requestUri.toString()).ascii(" SIP/2.0").crlf();
    }

    /** Builds a {@link SipRequest}; {@link #build()} checks Via, From, To, Call-ID and CSeq. */
    public static final class Builder {
        private final HeaderEditor editor;
        private String method;
        private Uri requestUri;

        private Builder(HeaderEditor editor, String method, Uri requestUri) {
            this.editor = editor;
            method(method);
            requestUri(requestUri);
        }

        public Builder method(String method) {
            if (method == null || !Chars.isToken(method)) {
                throw new IllegalArgumentException("method must be a token: " + method);
            }
            String known = SipMethod.intern(method);
            this.method = known != null ? known : method;
            return this;
        }

        public Builder requestUri(Uri requestUri) {
            this.requestUri = Objects.requireNonNull(requestUri, "requestUri");
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

        public SipRequest build() {
            HeaderBlock b = editor.build(true);
            return new SipRequest(method, requestUri, b, editor.body());
        }
    }
}
