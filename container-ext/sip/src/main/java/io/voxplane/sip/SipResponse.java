package io.voxplane.sip;


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
    public static final class Builder extends MessageBuilder<Builder> {
        private int status;
        private String reason;

        private Builder(HeaderEditor editor, int status, String reason) {
            super(editor);
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

        @Override
        Builder self() {
            return this;
        }

        public SipResponse build() {
            HeaderBlock b = editor.build(false);
            return new SipResponse(status, reason, b, editor.body());
        }
    }
}
