package io.voxplane.stack.registrar;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@link LocationStore} in a {@link ConcurrentHashMap}: each update runs inside
 * {@link ConcurrentHashMap#compute}, which is atomic per key (per AOR). For one node; the
 * container puts a distributed map behind the same interface.
 */
public final class InMemoryLocationStore implements LocationStore {

    private final ConcurrentMap<String, Registration> registrations = new ConcurrentHashMap<>();

    @Override
    public Optional<Registration> find(String aor) {
        return Optional.ofNullable(registrations.get(aor));
    }

    @Override
    public Registration update(String aor, RegistrationUpdate update) {
        return registrations.compute(aor, (key, current) -> update.apply(current));
    }

    @Override
    public int removeExpired(long nowMillis) {
        AtomicInteger removed = new AtomicInteger();
        for (String aor : registrations.keySet()) {
            registrations.computeIfPresent(aor, (key, current) -> {
                Registration left = current.withoutExpired(nowMillis);
                removed.addAndGet(current.bindings().size() - (left == null ? 0 : left.bindings().size()));
                return left;
            });
        }
        return removed.get();
    }

    @Override
    public int size() {
        return registrations.size();
    }
}
