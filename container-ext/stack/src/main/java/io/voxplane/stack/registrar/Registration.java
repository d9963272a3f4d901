package io.voxplane.stack.registrar;

import java.io.Serial;
import java.io.Serializable;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * All bindings of one address-of-record (RFC 3261 s10.3), the value the {@link LocationStore}
 * keeps per AOR. Immutable and serializable; bindings are kept in lookup order: highest q first,
 * then the most recently refreshed.
 *
 * @param aor      the canonical AOR ({@link AddressOfRecord#canonical})
 * @param bindings the bindings, never empty in a stored registration
 */
public record Registration(String aor, List<Binding> bindings) implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    /** Lookup order: q descending, then most recently updated first, then URI for stability. */
    public static final Comparator<Binding> LOOKUP_ORDER = Comparator.comparingInt(Binding::q).reversed()
            .thenComparing(Comparator.comparingLong(Binding::updatedAtMillis).reversed())
            .thenComparing(Binding::uri);

    public Registration {
        Objects.requireNonNull(aor, "aor");
        bindings = bindings.stream().sorted(LOOKUP_ORDER).toList();
    }

    /** The bindings still live at {@code nowMillis}, in lookup order. */
    public List<Binding> liveAt(long nowMillis) {
        return bindings.stream().filter(b -> b.liveAt(nowMillis)).toList();
    }

    /** This registration without the bindings expired at {@code nowMillis}; null if none is left. */
    public Registration withoutExpired(long nowMillis) {
        List<Binding> live = liveAt(nowMillis);
        if (live.isEmpty()) {
            return null;
        }
        return live.size() == bindings.size() ? this : new Registration(aor, live);
    }
}
