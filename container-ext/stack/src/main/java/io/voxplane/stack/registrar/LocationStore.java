package io.voxplane.stack.registrar;

import java.util.Optional;

/**
 * The location service (RFC 3261 s10.2, s16.5): registrations keyed by canonical
 * address-of-record. Values are immutable {@link Registration}s; every change is one atomic
 * {@link RegistrationUpdate} per AOR, so an implementation over a distributed map can use an
 * entry processor or a compare-and-replace loop, and two REGISTERs for one AOR never lose
 * each other's bindings.
 *
 * <p>Implementations are thread-safe. {@link InMemoryLocationStore} is the single-node one.
 */
public interface LocationStore {

    /** The stored registration of {@code aor} (canonical form), possibly with expired bindings. */
    Optional<Registration> find(String aor);

    /**
     * Applies {@code update} atomically to {@code aor}'s registration.
     *
     * @return the registration now stored, or null when the AOR has none left
     * @throws RegistrarException when the update aborts; nothing is changed then
     */
    Registration update(String aor, RegistrationUpdate update);

    /**
     * Drops bindings expired at {@code nowMillis}, and AOR entries left without bindings.
     *
     * @return the number of bindings removed
     */
    int removeExpired(long nowMillis);

    /** Number of AORs with an entry. */
    int size();
}
