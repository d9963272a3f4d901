package io.voxplane.runtime.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.Config;

/**
 * Makes the {@link VoxplaneSettings} and {@link ShutdownSettings} beans from MicroProfile Config, once per deployment. MP
 * Config also finds each key as an environment variable ({@code voxplane.sip.port} as
 * {@code VOXPLANE_SIP_PORT}) and as a system property.
 */
@ApplicationScoped
public class SettingsProducer {

    @Inject
    Config config;

    /** Singleton rather than application scoped: a record cannot be proxied. */
    @Produces
    @Singleton
    VoxplaneSettings settings() {
        return VoxplaneSettings.from(key -> config.getOptionalValue(key, String.class));
    }

    /** The shutdown phases' settings, from the same configuration. */
    @Produces
    @Singleton
    ShutdownSettings shutdownSettings() {
        return ShutdownSettings.from(key -> config.getOptionalValue(key, String.class));
    }
}
