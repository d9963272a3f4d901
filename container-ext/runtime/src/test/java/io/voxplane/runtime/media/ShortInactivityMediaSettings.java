package io.voxplane.runtime.media;

import io.voxplane.runtime.config.ConfigLookup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.Map;

/** Like {@link TestMediaSettings} with a one second RTP inactivity timeout. */
@ApplicationScoped
public class ShortInactivityMediaSettings {

    @Produces
    @Singleton
    MediaSettings settings() {
        return MediaSettings.from(ConfigLookup.of(Map.of(
                MediaSettings.ADDRESS, "127.0.0.1",
                MediaSettings.RTP_PORT_MIN, "41000",
                MediaSettings.RTP_PORT_MAX, "41999",
                MediaSettings.INACTIVITY_TIMEOUT, "PT1S")));
    }
}
