package io.voxplane.runtime.lifecycle;

import io.voxplane.runtime.config.ConfigLookup;
import io.voxplane.runtime.config.ShutdownSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.Map;

/**
 * Shutdown settings for tests on a shared, slow machine: phase timeouts far above what a phase
 * takes, so that only a plane that never confirms forces one; Retry-After of 2 s.
 */
@ApplicationScoped
public class GenerousShutdownSettings {

    static final String RETRY_AFTER = "2";

    @Produces
    @Singleton
    ShutdownSettings settings() {
        return ShutdownSettings.from(ConfigLookup.of(Map.of(
                ShutdownSettings.RETRY_AFTER, "PT" + RETRY_AFTER + "S",
                ShutdownSettings.INITIATED_TIMEOUT, "PT10S",
                ShutdownSettings.DRAINING_TIMEOUT, "PT10S",
                ShutdownSettings.TERMINATING_TIMEOUT, "PT10S",
                ShutdownSettings.COMPLETED_TIMEOUT, "PT10S")));
    }
}
