package io.voxplane.runtime.bus;

import io.voxplane.runtime.Plane;
import java.time.Duration;
import java.util.Objects;

/**
 * Where a bus event must be delivered, and in which order (docs/architecture.md, "The federated
 * bus"). Local delivery runs on the target plane's executor; only {@link SessionBound} events are
 * serialised (per key). The remote half of the bus (Hazelcast, later) reads the same values:
 * planes never change when it arrives.
 */
public sealed interface Affinity {

    /** The plane whose queue delivers the event locally; null for events every plane may get. */
    Plane target();

    /** Stays in its plane; never leaves the node. */
    record IntraPlane(Plane target) implements Affinity {
        public IntraPlane {
            Objects.requireNonNull(target, "target");
        }
    }

    /** For another plane, possibly on another node (its plane topic). No order. */
    record InterPlane(Plane target) implements Affinity {
        public InterPlane {
            Objects.requireNonNull(target, "target");
        }
    }

    /**
     * Must reach the node that owns the session {@code key} (a Call-ID), and is handled after
     * every earlier event with the same key (serial per key).
     */
    record SessionBound(Plane target, String key) implements Affinity {
        public SessionBound {
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(key, "key");
        }
    }

    /** For every node. Delivered on the broadcast queue, no order. */
    record Broadcast() implements Affinity {
        @Override
        public Plane target() {
            return null;
        }
    }

    /**
     * Statistics and the like: may be batched, up to {@code maxBatch} events or {@code maxDelay},
     * before leaving the node. Delivered on the broadcast queue, no order.
     */
    record Batchable(int maxBatch, Duration maxDelay) implements Affinity {
        public Batchable {
            if (maxBatch < 1) {
                throw new IllegalArgumentException("maxBatch must be positive: " + maxBatch);
            }
            Objects.requireNonNull(maxDelay, "maxDelay");
        }

        @Override
        public Plane target() {
            return null;
        }
    }
}
