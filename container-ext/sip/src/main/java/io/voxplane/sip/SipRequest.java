package io.voxplane.sip;

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
    public static final class Builder extends MessageBuilder<Builder> {
        private String method;
        private Uri requestUri;

        private Builder(HeaderEditor editor, String method, Uri requestUri) {
            super(editor);
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

        @Override
        Builder self() {
            return this;
        }

        public SipRequest build() {
            HeaderBlock b = editor.build(true);
            return new SipRequest(method, requestUri, b, editor.body());
        }
    }
}
