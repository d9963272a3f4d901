package io.voxplane.stack.proxy;

import io.voxplane.sip.Uri;
import io.voxplane.stack.transport.Target;
import java.util.Objects;
import java.util.Optional;

/**
 * One member of a target set (RFC 3261 s16.5): the URI that becomes the Request-URI of the
 * branch, its q-value (0.0 to 1.0; higher is tried first when forking sequentially), and an
 * optional fixed next hop (an outbound proxy, a load balancer's choice). Without a next hop the
 * branch goes to its first Route, else to {@code uri} (s16.6 step 7, resolved by the proxy's
 * {@link io.voxplane.stack.ua.TargetResolver}).
 *
 * @param uri     the new Request-URI
 * @param q       the q-value, 0.0 to 1.0
 * @param nextHop where to send, or null to resolve
 */
public record ProxyTarget(Uri uri, double q, Target nextHop) {

    /** q-value of a target without one (RFC 3261 s16.6: treated as 1.0 for ordering). */
    public static final double DEFAULT_Q = 1.0;

    public ProxyTarget {
        Objects.requireNonNull(uri, "uri");
        if (!(q >= 0.0 && q <= 1.0)) {
            throw new IllegalArgumentException("q-value out of 0..1: " + q);
        }
    }

    /** A target with q 1.0, resolved from its URI. */
    public static ProxyTarget of(Uri uri) {
        return new ProxyTarget(uri, DEFAULT_Q, null);
    }

    /** A target with q 1.0 sent to a fixed next hop. */
    public static ProxyTarget via(Uri uri, Target nextHop) {
        return new ProxyTarget(uri, DEFAULT_Q, Objects.requireNonNull(nextHop, "nextHop"));
    }

    public ProxyTarget withQ(double value) {
        return new ProxyTarget(uri, value, nextHop);
    }

    public Optional<Target> fixedNextHop() {
        return Optional.ofNullable(nextHop);
    }
}
