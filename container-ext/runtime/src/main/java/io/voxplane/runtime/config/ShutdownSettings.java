package io.voxplane.runtime.config;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How a node shuts down (docs/operations.md): the Retry-After it gives callers it turns away, how
 * long calls may end by themselves, and the time each shutdown phase may take before its forced
 * fallback. Every key has a {@code DEFAULT_*} here; durations are ISO-8601 or milliseconds.
 *
 * <p>The defaults fit the target of issue 5: 200 active calls ended (BYE sent and answered) and
 * the node down in under 2 seconds, with the drain window at zero; even with every phase forced
 * the timeouts add up to 2 seconds. A node behind a load balancer
 * that can wait for calls to end by themselves sets {@value #DRAIN_WINDOW} (and gives the
 * container that much more time to stop).
 *
 * @param retryAfter         Retry-After of the 503 answering new requests once shutdown began, key {@value #RETRY_AFTER}
 * @param drainWindow        how long calls may end by themselves before they are ended, key {@value #DRAIN_WINDOW}
 * @param initiatedTimeout   bound of the INITIATED phase, key {@value #INITIATED_TIMEOUT}
 * @param drainingTimeout    bound of DRAINING beyond the drain window, key {@value #DRAINING_TIMEOUT}
 * @param terminatingTimeout bound of TERMINATING (BYE/CANCEL answered), key {@value #TERMINATING_TIMEOUT}
 * @param completedTimeout   bound of COMPLETED (sockets closed, event loops ended), key {@value #COMPLETED_TIMEOUT}
 * @param reportFile         file the report line is also written to, key {@value #REPORT_FILE}; empty: none
 */
public record ShutdownSettings(Duration retryAfter, Duration drainWindow, Duration initiatedTimeout,
                               Duration drainingTimeout, Duration terminatingTimeout, Duration completedTimeout,
                               Optional<Path> reportFile) {

    public static final String RETRY_AFTER = "voxplane.shutdown.retry-after";
    public static final String DRAIN_WINDOW = "voxplane.shutdown.drain-window";
    public static final String INITIATED_TIMEOUT = "voxplane.shutdown.initiated-timeout";
    public static final String DRAINING_TIMEOUT = "voxplane.shutdown.draining-timeout";
    public static final String TERMINATING_TIMEOUT = "voxplane.shutdown.terminating-timeout";
    public static final String COMPLETED_TIMEOUT = "voxplane.shutdown.completed-timeout";
    public static final String REPORT_FILE = "voxplane.shutdown.report-file";

    /**
     * Five seconds: long enough that a caller's retry lands on another node (or on this one,
     * redeployed), short enough that a restart in place loses little. Key {@value #RETRY_AFTER};
     * sent in whole seconds (RFC 3261 s20.33).
     */
    public static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(5);

    /**
     * Zero: calls are ended at once (BYE) rather than waited for, so that a node stops within
     * the two seconds an orchestrator's restart expects. Key {@value #DRAIN_WINDOW}.
     */
    public static final Duration DEFAULT_DRAIN_WINDOW = Duration.ZERO;

    /**
     * A quarter second to stop taking new requests and leave discovery: no I/O but the discovery
     * call. Key {@value #INITIATED_TIMEOUT}.
     */
    public static final Duration DEFAULT_INITIATED_TIMEOUT = Duration.ofMillis(250);

    /**
     * A quarter second, after the drain window, for in-flight non-INVITE transactions to get their
     * final response: an application answers in milliseconds; one that does not is cut off.
     * Key {@value #DRAINING_TIMEOUT}.
     */
    public static final Duration DEFAULT_DRAINING_TIMEOUT = Duration.ofMillis(250);

    /**
     * One second for every BYE and CANCEL to be answered: a peer on the LAN answers within
     * milliseconds, and a lost BYE over UDP is retransmitted at T1 (500 ms), so one second covers
     * one retransmission. Key {@value #TERMINATING_TIMEOUT}.
     */
    public static final Duration DEFAULT_TERMINATING_TIMEOUT = Duration.ofSeconds(1);

    /** Half a second to close sockets and end the event loops (which takes some 10 ms). Key {@value #COMPLETED_TIMEOUT}. */
    public static final Duration DEFAULT_COMPLETED_TIMEOUT = Duration.ofMillis(500);

    /**
     * No report file: the report goes to the log only. On SIGTERM the JVM closes its logging
     * concurrently with Payara's undeploy, so the log line may be lost; a file (Kubernetes:
     * {@code /dev/termination-log}) keeps it. Key {@value #REPORT_FILE}.
     */
    public static final Optional<Path> DEFAULT_REPORT_FILE = Optional.empty();

    public ShutdownSettings {
        Objects.requireNonNull(reportFile, "reportFile");
    }

    /** The settings with every default. */
    public static ShutdownSettings defaults() {
        return from(key -> Optional.empty());
    }

    /**
     * Reads and checks every key.
     *
     * @throws ConfigurationException naming the first key whose value is wrong
     */
    public static ShutdownSettings from(ConfigLookup config) {
        VoxplaneSettings.Reader r = new VoxplaneSettings.Reader(config);
        Duration retryAfter = r.duration(RETRY_AFTER, DEFAULT_RETRY_AFTER);
        if (retryAfter.toSeconds() < 1) {
            throw new ConfigurationException(RETRY_AFTER, retryAfter.toString(), "expected at least one second", null);
        }
        return new ShutdownSettings(retryAfter,
                r.durationOrZero(DRAIN_WINDOW, DEFAULT_DRAIN_WINDOW),
                r.duration(INITIATED_TIMEOUT, DEFAULT_INITIATED_TIMEOUT),
                r.duration(DRAINING_TIMEOUT, DEFAULT_DRAINING_TIMEOUT),
                r.duration(TERMINATING_TIMEOUT, DEFAULT_TERMINATING_TIMEOUT),
                r.duration(COMPLETED_TIMEOUT, DEFAULT_COMPLETED_TIMEOUT),
                reportFile(r));
    }

    private static Optional<Path> reportFile(VoxplaneSettings.Reader r) {
        Optional<String> value = r.raw(REPORT_FILE);
        try {
            return value.map(Path::of);
        } catch (InvalidPathException e) {
            throw new ConfigurationException(REPORT_FILE, value.orElse(""), "expected a file path", e);
        }
    }

    /** The Retry-After header value, whole seconds. */
    public String retryAfterHeader() {
        return Long.toString(retryAfter.toSeconds());
    }
}
