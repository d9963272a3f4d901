package io.voxplane.sip;

import java.util.Arrays;
import java.util.Objects;

/**
 * A stateless error response (RFC 3261 s8.2.6) kept as wire bytes, for a request whose own Via,
 * From, To, Call-ID or CSeq is the broken part, so the typed {@link SipResponse} cannot hold it
 * (RFC 4475 s3.1.2.4 scalar02, s3.1.2.6 quotbal, s3.1.2.1 badinv01, s3.1.2.15 baddn,
 * s3.1.2.14 badaspec, s3.3.1 insuf).
 *
 * <p>The bytes are a status line, the request's Via lines and its first From, To, Call-ID and
 * CSeq lines copied as received (unfolded, CR/LF removed, each within {@link SipLimits}), and
 * {@code Content-Length: 0}. They need not parse as a response: a CSeq copied verbatim may be the
 * invalid value that caused the error. {@code topVia} is the request's top Via read leniently, which
 * is enough to route the response (s18.2.2: sent-by, {@code received}, {@code rport}); a transport
 * that answers on the flow the request came from (RFC 3581) does not need it.
 *
 * @param bytes  the response as sent; defensively copied in and out
 * @param topVia the request's top Via, read leniently
 */
public record RawErrorResponse(byte[] bytes, Via topVia) {

    public RawErrorResponse {
        bytes = Objects.requireNonNull(bytes, "bytes").clone();
        Objects.requireNonNull(topVia, "topVia");
    }

    /** A copy of the response bytes. */
    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RawErrorResponse r && Arrays.equals(bytes, r.bytes) && topVia.equals(r.topVia);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(bytes) + topVia.hashCode();
    }

    @Override
    public String toString() {
        return "RawErrorResponse[" + bytes.length + " bytes, topVia=" + topVia + "]";
    }
}
