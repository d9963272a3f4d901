package io.voxplane.runtime.config;

import java.util.Map;
import java.util.Optional;

/**
 * Reads one raw configuration value by key. In the container it is MicroProfile Config (system
 * properties, environment variables such as {@code VOXPLANE_SIP_PORT},
 * {@code META-INF/microprofile-config.properties}); in tests a map.
 */
@FunctionalInterface
public interface ConfigLookup {

    Optional<String> get(String key);

    /** A lookup over a fixed map. */
    static ConfigLookup of(Map<String, String> values) {
        return key -> Optional.ofNullable(values.get(key));
    }
}
