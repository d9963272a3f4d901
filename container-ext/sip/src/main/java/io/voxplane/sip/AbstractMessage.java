package io.voxplane.sip;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** Shared state and accessors of {@link SipRequest} and {@link SipResponse}. */
abstract class AbstractMessage {

    static final byte[] NO_BODY = new byte[0];

    final HeaderBlock block;
    final byte[] body;

    AbstractMessage(HeaderBlock block, byte[] body) {
        this.block = block;
        this.body = body == null ? NO_BODY : body;
    }

    public List<Via> vias() {
        return block.vias;
    }

    public Via topVia() {
        return block.vias.isEmpty() ? null : block.vias.get(0);
    }

    public Address from() {
        return block.from;
    }

    public Address to() {
        return block.to;
    }

    public String callId() {
        return block.callId;
    }

    public CSeq cseq() {
        return block.cseq;
    }

    public OptionalInt maxForwards() {
        return block.maxForwards < 0 ? OptionalInt.empty() : OptionalInt.of(block.maxForwards);
    }

    public List<Address> contacts() {
        return block.contacts;
    }

    public boolean wildcardContact() {
        return block.wildcardContact;
    }

    public List<Address> routes() {
        return block.routes;
    }

    public List<Address> recordRoutes() {
        return block.recordRoutes;
    }

    public Optional<String> contentType() {
        return Optional.ofNullable(block.contentType);
    }

    public OptionalInt expires() {
        return block.expires < 0 ? OptionalInt.empty() : OptionalInt.of(block.expires);
    }

    public byte[] body() {
        return body;
    }

    public List<Header> headers() {
        return List.of(block.headers);
    }

    public Optional<String> header(String name) {
        return Optional.ofNullable(block.first(name));
    }

    public List<String> headerValues(String name) {
        return block.all(name);
    }

    public List<String> headerTokens(String name) {
        return block.tokens(name);
    }

    public List<AuthValue> authorizations() {
        return block.authorizations;
    }

    public List<AuthValue> proxyAuthorizations() {
        return block.proxyAuthorizations;
    }

    public List<AuthValue> wwwAuthenticates() {
        return block.wwwAuthenticates;
    }

    public List<AuthValue> proxyAuthenticates() {
        return block.proxyAuthenticates;
    }

    abstract void appendStartLine(ByteSink sink);

    public byte[] toBytes() {
        ByteSink sink = new ByteSink(estimateSize());
        appendStartLine(sink);
        Header[] hs = block.headers;
        String[] canon = block.canonical;
        boolean lengthWritten = false;
        for (int i = 0; i < hs.length; i++) {
            String c = canon[i];
            if (c == HeaderNames.CONTENT_LENGTH) {
                if (!lengthWritten) {
                    sink.ascii(c).sep().number(body.length).crlf();
                    lengthWritten = true;
                }
                continue;
            }
            sink.ascii(c != null ? c : hs[i].name()).sep().ascii(hs[i].value()).crlf();
        }
        if (!lengthWritten) {
            sink.ascii(HeaderNames.CONTENT_LENGTH).sep().number(body.length).crlf();
        }
        sink.crlf();
        sink.bytes(body, 0, body.length);
        return sink.toArray();
    }

    private int estimateSize() {
        int n = 64 + body.length;
        for (Header h : block.headers) {
            n += h.name().length() + h.value().length() + 4;
        }
        return n;
    }

    @Override
    public String toString() {
        return new String(toBytes(), StandardCharsets.UTF_8);
    }
}
