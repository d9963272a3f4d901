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
 * <p>Atomic per AOR by compare-and-set: an update reads the entry, applies the change and writes
 * it only if the entry is still what it read ({@code putIfAbsent}, {@code replace(k, old, new)},
 * {@code remove(k, old)}), else reads again and retries (a {@link RegistrationUpdate} is a pure
 * function, so retrying is safe). Two REGISTERs for one AOR on two nodes never lose each other's
 * bindings, and the common case costs two map operations instead of a lock's four. After
 * {@value #MAX_ATTEMPTS} lost races it falls back to the entry's cluster-wide lock. Neither runs
 * app classes on the partition threads (as an entry processor would). Values are the bytes of
 * {@link RegistrationCodec}.
 */
public final class HazelcastLocationStore implements LocationStore {

    /** Where Payara Micro binds its Hazelcast instance. */
    public static final String JNDI_NAME = "payara/Hazelcast";

    /**
     * Compare-and-set attempts before an update takes the entry's lock: races on one AOR are two
     * devices of one user registering at the same moment, so a few attempts settle them.
     */
    static final int MAX_ATTEMPTS = 8;

    private final IMap<String, byte[]> map;

    public HazelcastLocationStore(IMap<String, byte[]> map) {
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
        return Optional.ofNullable(RegistrationCodec.decode(map.get(aor)));
    }

    @Override
    public Registration update(String aor, RegistrationUpdate update) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            byte[] current = map.get(aor);
            Registration next = update.apply(RegistrationCodec.decode(current));
            boolean written;
            if (current == null) {
                written = next == null || map.putIfAbsent(aor, RegistrationCodec.encode(next)) == null;
            } else if (next == null) {
                written = map.remove(aor, current);
            } else {
                written = map.replace(aor, current, RegistrationCodec.encode(next));
            }
            if (written) {
                return next;
            }
        }
        map.lock(aor);
        try {
            Registration next = update.apply(RegistrationCodec.decode(map.get(aor)));
            if (next == null) {
                map.delete(aor);
            } else {
                map.set(aor, RegistrationCodec.encode(next));
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
            Registration seen = RegistrationCodec.decode(map.get(aor));
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
