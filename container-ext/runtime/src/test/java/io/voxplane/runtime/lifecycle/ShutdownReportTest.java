package io.voxplane.runtime.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ShutdownReportTest {

    private final ShutdownReport forced = new ShutdownReport("undeploy", "2026-11-25T16:00:00Z", 1234, 200, 0, List.of(
            new PhaseReport(ShutdownPhase.INITIATED, 0, 2, List.of("signaling", "transport"), List.of(), false, List.of()),
            new PhaseReport(ShutdownPhase.DRAINING, 2, 1, List.of("signaling", "transport"), List.of(), false, List.of()),
            new PhaseReport(ShutdownPhase.TERMINATING, 3, 1000, List.of("signaling", "transport"), List.of("media"),
                    true, List.of("media: 2 tasks cancelled by force")),
            new PhaseReport(ShutdownPhase.COMPLETED, 1003, 231, List.of("transport", "signaling"), List.of(), false,
                    List.of())),
            List.of());

    @Test
    void summaryIsOneLineWithEveryPhaseAndWhatWasForced() {
        String summary = forced.summary();

        assertFalse(summary.contains("\n"));
        assertTrue(summary.startsWith("shutdown (undeploy) took 1234 ms: INITIATED 2 ms, DRAINING 1 ms, TERMINATING 1000 ms"
                + " (forced, unconfirmed [media], left [media: 2 tasks cancelled by force]), COMPLETED 231 ms"), summary);
        assertTrue(summary.endsWith("calls 200 at start, 0 left; no leaks"), summary);
        assertFalse(forced.clean());
    }

    @Test
    @SuppressWarnings("unchecked")
    void servesAsJsonWithEveryField() throws Exception {
        try (Jsonb jsonb = JsonbBuilder.create()) {
            String json = jsonb.toJson(forced);
            Map<String, Object> read = jsonb.fromJson(json, Map.class);

            assertEquals("undeploy", read.get("reason"));
            assertEquals(1234, ((Number) read.get("totalMillis")).intValue());
            List<Map<String, Object>> phases = (List<Map<String, Object>>) read.get("phases");
            assertEquals(List.of("INITIATED", "DRAINING", "TERMINATING", "COMPLETED"),
                    phases.stream().map(p -> p.get("phase")).toList());
            assertEquals(true, phases.get(2).get("forced"));
            assertEquals(List.of("media"), phases.get(2).get("unconfirmed"));
        }
    }
}
