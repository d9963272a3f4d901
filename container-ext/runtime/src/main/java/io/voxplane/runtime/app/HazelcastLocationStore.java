package io.voxplane.runtime.app;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.voxplane.stack.registrar.LocationStore;
import io.voxplane.stack.registrar.Registration;
import io.voxplane.stack.registrar.RegistrationUpdate;
import java.util.Objects;
import java.util.Optional;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * A {@link LocationStore} in a Hazelcast {@link IMap} (RFC 3261 s10.2: the location service
 * shared by every node; the map's backups keep registrations when a node is lost).
 *
 * <p>Atomic per AOR: each update runs under the entry's cluster-wide lock ({@code IMap.lock}),
 * reading the current value and writing the new one before unlocking, so two REGISTERs for one
 * AOR on two nodes never lose each other's bindings. A lock rather than an entry processor keeps
 * the update's classes (the app's class loader) off the partition threads of a member that may
 * not see them. Values are {@link Registration}s (Java serialization).
 */
public final class HazelcastLocationStore implements LocationStore {

    /** Where Payara Micro binds its Hazelcast instance. */
    public static final String JNDI_NAME = "payara/Hazelcast";

    private final IMap<String, Registration> map;

    public HazelcastLocationStore(IMap<String, Registration> map) {
        this.map = Objects.requireNonNull(map, "map");
    }

    /** The store over map {@code name} of the instance at {@value #JNDI_NAME}. */
    static HazelcastLocationStore fromJndi(String name) {
        try {
            HazelcastInstance instance = (HazelcastInstance) new InitialContext().lookup(JNDI_NAME);
            return new HazelcastLocationStore(instance.getMap(name));
        } catch (NamingException | ClassCastException e) {
            throw new IllegalStateException(AppCodes.BAD_LOCATION_STORE + " no Hazelcast instance at " + JNDI_NAME
                    + " (is Payara's clustering enabled?): " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<Registration> find(String aor) {
        return Optional.ofNullable(map.get(aor));
    }

    @Override
    public Registration update(String aor, RegistrationUpdate update) {
        map.lock(aor);
        try {
            Registration next = update.apply(map.get(aor));
            if (next == null) {
                map.delete(aor);
            } else {
                map.set(aor, next);
            }
            return next;
        } finally {
            map.unlock(aor);
        }
    }

    @Override
    public int removeExpired(long nowMillis) {
        int removed = 0;
        for (String aor : map.keySet()) {
            Registration seen = map.get(aor);
            if (seen == null || seen.liveAt(nowMillis).size() == seen.bindings().size()) {
                continue;
            }
            int[] dropped = new int[1];
            update(aor, current -> {
                Registration left = current == null ? null : current.withoutExpired(nowMillis);
                dropped[0] = current == null ? 0 : current.bindings().size() - (left == null ? 0 : left.bindings().size());
                return left;
            });
            removed += dropped[0];
        }
        return removed;
    }

    @Override
    public int size() {
        return map.size();
    }
}
