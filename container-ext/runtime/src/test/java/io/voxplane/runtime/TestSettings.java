package io.voxplane.runtime;

import io.voxplane.runtime.config.ConfigLookup;
import io.voxplane.runtime.config.VoxplaneSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.Map;

/**
 * Settings for weld-junit tests: SIP on loopback free ports, a small bus bound so that tests can
 * reach it.
 */
@ApplicationScoped
public class TestSettings {

    /** The bus bound used by tests. */
    public static final int MAX_IN_FLIGHT = 8;

    @Produces
    @Singleton
    VoxplaneSettings settings() {
        return VoxplaneSettings.from(ConfigLookup.of(Map.of(
                VoxplaneSettings.TRANSPORT_LISTEN, "udp:127.0.0.1:0,tcp:127.0.0.1:0",
                VoxplaneSettings.EVENT_LOOP_THREADS, "1",
                VoxplaneSettings.BUS_MAX_IN_FLIGHT, Integer.toString(MAX_IN_FLIGHT),
                VoxplaneSettings.STOP_TIMEOUT, "PT5S")));
    }
}
