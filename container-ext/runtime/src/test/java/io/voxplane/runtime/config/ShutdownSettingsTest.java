package io.voxplane.runtime.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ShutdownSettingsTest {

    @Test
    void defaultsEndTwoHundredCallsWithinTwoSeconds() {
        ShutdownSettings defaults = ShutdownSettings.defaults();

        assertEquals(Duration.ZERO, defaults.drainWindow());
        assertEquals(Optional.empty(), defaults.reportFile());
        assertEquals("5", defaults.retryAfterHeader());
        Duration worstCase = defaults.initiatedTimeout().plus(defaults.drainWindow()).plus(defaults.drainingTimeout())
                .plus(defaults.terminatingTimeout()).plus(defaults.completedTimeout());
        assertTrue(worstCase.compareTo(Duration.ofSeconds(2)) <= 0, "every phase forced still ends within 2 s: "
                + worstCase);
    }

    @Test
    void readsEveryKeyInIsoOrMilliseconds() {
        ShutdownSettings settings = ShutdownSettings.from(ConfigLookup.of(Map.of(
                ShutdownSettings.RETRY_AFTER, "PT30S",
                ShutdownSettings.DRAIN_WINDOW, "60000",
                ShutdownSettings.INITIATED_TIMEOUT, "100",
                ShutdownSettings.DRAINING_TIMEOUT, "PT2S",
                ShutdownSettings.TERMINATING_TIMEOUT, "PT3S",
                ShutdownSettings.COMPLETED_TIMEOUT, "400",
                ShutdownSettings.REPORT_FILE, "/dev/termination-log")));

        assertEquals(new ShutdownSettings(Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMillis(100),
                Duration.ofSeconds(2), Duration.ofSeconds(3), Duration.ofMillis(400),
                Optional.of(Path.of("/dev/termination-log"))), settings);
        assertEquals("30", settings.retryAfterHeader());
    }

    @Test
    void aWrongValueNamesItsKey() {
        ConfigurationException zeroTimeout = assertThrows(ConfigurationException.class, () -> ShutdownSettings.from(
                ConfigLookup.of(Map.of(ShutdownSettings.TERMINATING_TIMEOUT, "0"))));
        assertTrue(zeroTimeout.getMessage().contains(ShutdownSettings.TERMINATING_TIMEOUT), zeroTimeout.getMessage());

        ConfigurationException subSecond = assertThrows(ConfigurationException.class, () -> ShutdownSettings.from(
                ConfigLookup.of(Map.of(ShutdownSettings.RETRY_AFTER, "500"))));
        assertTrue(subSecond.getMessage().contains(ShutdownSettings.RETRY_AFTER), subSecond.getMessage());
    }
}
