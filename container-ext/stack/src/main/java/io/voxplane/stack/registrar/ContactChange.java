package io.voxplane.stack.registrar;

import java.io.Serial;
import java.io.Serializable;

/**
 * One Contact of a REGISTER, with its expiry already decided (RFC 3261 s10.3 step 7).
 *
 * @param contact        the Contact value without its {@code expires} param
 * @param uri            the contact URI's wire form
 * @param q              q in thousandths ({@link Binding#DEFAULT_Q} when absent)
 * @param expiresSeconds 0 removes the binding
 */
public record ContactChange(String contact, String uri, int q, long expiresSeconds) implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;
}
