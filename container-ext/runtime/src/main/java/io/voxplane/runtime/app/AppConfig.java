package io.voxplane.runtime.app;

import io.voxplane.runtime.config.ConfigLookup;
import jakarta.enterprise.inject.Instance;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/** MicroProfile Config as a {@link ConfigLookup} when the container offers it, else no values. */
final class AppConfig {

    private AppConfig() {
    }

    static ConfigLookup of(Instance<Config> config) {
        if (!config.isResolvable()) {
            return key -> Optional.empty();
        }
        Config resolved = config.get();
        return key -> resolved.getOptionalValue(key, String.class);
    }
}
