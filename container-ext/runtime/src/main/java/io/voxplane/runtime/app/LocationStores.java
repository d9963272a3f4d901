package io.voxplane.runtime.app;

import com.hazelcast.core.HazelcastInstance;
import io.voxplane.runtime.config.ConfigLookup;
import io.voxplane.stack.registrar.InMemoryLocationStore;
import io.voxplane.stack.registrar.LocationStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.util.Locale;
import org.eclipse.microprofile.config.Config;

/**
 * Makes the container's {@link LocationStore}: {@value #STORE} = {@code memory} (the default; one
 * node, lost on restart) or {@code hazelcast} (a Hazelcast IMap named by {@value #MAP}, default
 * {@value #DEFAULT_MAP}, from a {@code HazelcastInstance} CDI bean when the deployment has one (tests
 * start an embedded member), else Payara's instance at JNDI {@value HazelcastLocationStore#JNDI_NAME};
 * registrations survive the loss of a node through the map's backups).
 */
@ApplicationScoped
public class LocationStores {

    /** Config key choosing the store. */
    public static final String STORE = "voxplane.location.store";
    /** Config key of the IMap name. */
    public static final String MAP = "voxplane.location.map";
    /** Default IMap name. */
    public static final String DEFAULT_MAP = "voxplane-locations";

    private static final System.Logger LOG = System.getLogger(LocationStores.class.getName());

    @Inject
    Instance<Config> config;

    @Inject
    Instance<HazelcastInstance> hazelcast;

    @Produces
    @ApplicationScoped
    LocationStore locationStore() {
        ConfigLookup lookup = AppConfig.of(config);
        String kind = lookup.get(STORE).orElse("memory").trim().toLowerCase(Locale.ROOT);
        if (kind.equals("hazelcast")) {
            String map = lookup.get(MAP).orElse(DEFAULT_MAP);
            LOG.log(Level.INFO, "location service in Hazelcast IMap " + map);
            return hazelcast.isResolvable() ? new HazelcastLocationStore(hazelcast.get().getMap(map))
                    : HazelcastLocationStore.fromJndi(map);
        }
        if (!kind.equals("memory")) {
            throw new IllegalStateException(AppCodes.BAD_LOCATION_STORE + " " + STORE + "=" + kind
                    + ": expected memory or hazelcast");
        }
        return new InMemoryLocationStore();
    }
}
