package io.voxplane.arquillian;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The runtime's one-line shutdown report, logged with code {@value #CODE} by the shutdown
 * coordinator: {@code VXRT-200 shutdown (<reason>) took <n> ms: INITIATED <a> ms, DRAINING <b> ms,
 * TERMINATING <c> ms, COMPLETED <d> ms; calls <x> at start, <y> left; no leaks}. A forced phase
 * reads {@code <PHASE> <n> ms (forced, ...)}.
 *
 * @param line         the whole log line
 * @param reason       what started the shutdown
 * @param totalMillis  the whole shutdown as measured by the node
 * @param phases       the phases in the order logged
 * @param forcedPhases the phases that hit their timeout
 * @param callsAtStart calls active when it began
 * @param callsLeft    calls not ended by TERMINATING
 * @param noLeaks      whether it reported no leaked task or thread
 */
record ShutdownLogLine(String line, String reason, long totalMillis, List<String> phases, List<String> forcedPhases,
                       int callsAtStart, int callsLeft, boolean noLeaks) {

    static final String CODE = "VXRT-200";

    private static final Pattern HEAD = Pattern.compile(CODE + " shutdown \\((.*?)\\) took (\\d+) ms: (.*?); calls (\\d+)"
            + " at start, (\\d+) left; (.*)$");
    private static final Pattern PHASE = Pattern.compile("([A-Z]+) (\\d+) ms( \\(forced)?");

    /** Parses a log line holding the report; fails naming the line when it does not read as one. */
    static ShutdownLogLine parse(String line) {
        Matcher head = HEAD.matcher(line);
        if (!head.find()) {
            throw new AssertionError("not a " + CODE + " shutdown report: " + line);
        }
        List<String> phases = new ArrayList<>();
        List<String> forced = new ArrayList<>();
        Matcher phase = PHASE.matcher(head.group(3));
        while (phase.find()) {
            phases.add(phase.group(1));
            if (phase.group(3) != null) {
                forced.add(phase.group(1));
            }
        }
        return new ShutdownLogLine(line, head.group(1), Long.parseLong(head.group(2)), List.copyOf(phases),
                List.copyOf(forced), Integer.parseInt(head.group(4)), Integer.parseInt(head.group(5)),
                head.group(6).startsWith("no leaks"));
    }

    /** For the test output and the report: what was measured. */
    String measured() {
        return "shutdown (" + reason + ") of " + callsAtStart + " held calls took " + totalMillis + " ms"
                + line.substring(line.indexOf(" ms: ") + 3, line.indexOf("; calls"));
    }
}
