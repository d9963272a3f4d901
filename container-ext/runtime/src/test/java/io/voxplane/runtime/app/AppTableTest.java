package io.voxplane.runtime.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voxplane.runtime.app.fixtures.ConflictingAppA;
import io.voxplane.runtime.app.fixtures.ConflictingAppB;
import io.voxplane.runtime.app.fixtures.EchoApp;
import io.voxplane.runtime.app.fixtures.FallbackApp;
import io.voxplane.runtime.config.ConfigLookup;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Routing rules: method, Request-URI regex, priority, and their configuration overrides. */
class AppTableTest {

    private static AppTable table(Map<String, String> config, List<AppProblem> problems, Class<?>... apps) {
        List<AppScanner.Scan> scans = new ArrayList<>();
        for (Class<?> app : apps) {
            scans.add(AppScanner.scan(app));
        }
        return AppTable.build(scans, ConfigLookup.of(config), problems);
    }

    private static Optional<String> routed(AppTable table, String method, String uri) {
        return table.route(method, uri).map(AppDescriptor::name);
    }

    @Test
    void highestPriorityAppWhoseRouteMatchesWins() {
        List<AppProblem> problems = new ArrayList<>();
        AppTable table = table(Map.of(), problems, EchoApp.class, FallbackApp.class);
        assertEquals(List.of(), problems);
        assertEquals(Optional.of("echo"), routed(table, "MESSAGE", "sip:echo@example.com"));
        assertEquals(Optional.of("fallback"), routed(table, "MESSAGE", "sip:alice@example.com"));
        assertEquals(Optional.empty(), routed(table, "INVITE", "sip:alice@example.com"), "fallback takes MESSAGE only");
    }

    @Test
    void configurationOverridesPriorityPatternAndMethods() {
        List<AppProblem> problems = new ArrayList<>();
        AppTable table = table(Map.of(
                "voxplane.apps.fallback.priority", "20",
                "voxplane.apps.fallback.methods", "MESSAGE, INVITE",
                "voxplane.apps.echo.request-uri", "sip:never"), problems, EchoApp.class, FallbackApp.class);
        assertEquals(List.of(), problems);
        assertEquals(Optional.of("fallback"), routed(table, "INVITE", "sip:echo@example.com"));
        assertEquals(Optional.of("echo"), routed(table, "OPTIONS", "sip:never"));
    }

    @Test
    void configurationCanResolveARouteConflict() {
        List<AppProblem> problems = new ArrayList<>();
        table(Map.of("voxplane.apps.conflict-b.priority", "6"), problems, ConflictingAppA.class, ConflictingAppB.class);
        assertEquals(List.of(), problems);
    }

    @Test
    void nonNumericPriorityIsAVxapp005Problem() {
        List<AppProblem> problems = new ArrayList<>();
        table(Map.of("voxplane.apps.echo.priority", "high"), problems, EchoApp.class);
        assertEquals(1, problems.size());
        assertEquals(AppCodes.BAD_ROUTE, problems.get(0).code());
        assertTrue(problems.get(0).getMessage().contains("voxplane.apps.echo.priority=high is not an integer"));
    }
}
