package io.voxplane.runtime.media;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.Config;

/** Makes the {@link MediaSettings} bean from MicroProfile Config, once per deployment. */
@ApplicationScoped
public class MediaSettingsProducer {

    @Inject
    Config config;

    /** Singleton rather than application scoped: a record cannot be proxied. */
    @Produces
    @Singleton
    MediaSettings settings() {
        return MediaSettings.from(key -> config.getOptionalValue(key, String.class));
    }
}
