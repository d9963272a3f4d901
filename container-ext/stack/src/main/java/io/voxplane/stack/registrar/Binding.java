package io.voxplane.stack.registrar;

import io.voxplane.sip.Address;
import io.voxplane.sip.SipParseException;
import java.io.Serial;
import java.io.Serializable;
import java.util.Objects;

/**
 * One binding of an address-of-record to a contact address (RFC 3261 s10.3), as the location
 * service stores it: an immutable, small, serializable value (a cluster keeps it in a distributed
 * map), so it holds wire strings rather than parsed objects.
 *
 * @param contact        the Contact header value as registered (RFC 3261 s20.10), header params
 *                       kept, its {@code expires} param removed (the registrar writes the remaining
 *                       time into responses)
 * @param uri            the contact URI's wire form, URI params and URI headers kept (RFC 4475 s3.1.2.3)
 * @param q              the {@code q} param in thousandths (0..1000); {@link #DEFAULT_Q} when absent
 * @param callId         Call-ID of the REGISTER that last wrote this binding (s10.3 step 7)
 * @param cseq           CSeq number of that REGISTER
 * @param expiresAtMillis epoch milliseconds when the binding expires
 * @param updatedAtMillis epoch milliseconds of the last refresh (newer first among equal q)
 */
public record Binding(String contact, String uri, int q, String callId, long cseq, long expiresAtMillis,
                      long updatedAtMillis) implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    /**
     * The q of a contact without a {@code q} param, in thousandths: 1.0, the highest, so an
     * unranked contact is tried before ranked ones (RFC 3261 s16.6 leaves the order to the proxy).
     */
    public static final int DEFAULT_Q = 1000;

    public Binding {
        Objects.requireNonNull(contact, "contact");
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(callId, "callId");
        if (q < 0 || q > 1000) {
            throw new IllegalArgumentException("q must be 0..1000 thousandths: " + q);
        }
    }

    /** True while the binding has not expired at {@code nowMillis}. */
    public boolean liveAt(long nowMillis) {
        return expiresAtMillis > nowMillis;
    }

    /** Whole seconds left at {@code nowMillis} (rounded up, 0 once expired). */
    public long remainingSeconds(long nowMillis) {
        long left = expiresAtMillis - nowMillis;
        return left <= 0 ? 0 : (left + 999) / 1000;
    }

    /** The contact as an {@link Address} (parsed again from {@link #contact}). */
    public Address contactAddress() {
        try {
            return Address.parse(contact);
        } catch (SipParseException e) {
            throw new IllegalStateException("stored contact no longer parses: " + contact, e);
        }
    }

    /** q as written in SIP, e.g. {@code 0.7}. */
    public String qValue() {
        if (q == 1000) {
            return "1";
        }
        String digits = String.format("%03d", q);
        int end = 3;
        while (end > 1 && digits.charAt(end - 1) == '0') {
            end--;
        }
        return "0." + digits.substring(0, end);
    }
}
