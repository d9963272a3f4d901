package io.voxplane.stack.b2bua;

import io.voxplane.sip.Address;
import io.voxplane.stack.transport.Target;
import java.util.Objects;

/**
 * What a {@link B2buaRouter} decided for one incoming call: bridge it to a callee, or reject it.
 *
 * @param to           the callee (B leg To and Request-URI); null when rejecting
 * @param nextHop      where to send the B leg's INVITE, or null to resolve {@code to}
 * @param rejectStatus 300-699 to reject the A leg without a B leg, else 0
 */
public record B2buaRoute(Address to, Target nextHop, int rejectStatus) {

    public B2buaRoute {
        if (rejectStatus == 0) {
            Objects.requireNonNull(to, "to");
        } else if (rejectStatus < 300 || rejectStatus > 699) {
            throw new IllegalArgumentException("not a rejecting status: " + rejectStatus);
        }
    }

    /** Bridge to {@code to}, sending the INVITE to {@code nextHop} (null: resolve {@code to}). */
    public static B2buaRoute bridgeTo(Address to, Target nextHop) {
        return new B2buaRoute(to, nextHop, 0);
    }

    /** Answer the caller with {@code status} and place no B leg. */
    public static B2buaRoute reject(int status) {
        return new B2buaRoute(null, null, status);
    }

    public boolean rejects() {
        return rejectStatus != 0;
    }
}
