package io.voxplane.runtime.media;

import io.voxplane.media.rtp.InactivityMonitor;
import io.voxplane.media.rtp.RtpPortAllocator;
import io.voxplane.media.session.MediaConfig;
import io.voxplane.runtime.config.ConfigLookup;
import io.voxplane.runtime.config.ConfigurationException;
import io.voxplane.runtime.config.VoxplaneSettings;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;

/**
 * What the media plane reads from configuration (MicroProfile Config, keys below; docs/deployment.md
 * lists them), checked once at startup. A wrong value fails with a {@link ConfigurationException}
 * naming the key. Durations are ISO-8601 ({@code PT30S}) or whole milliseconds.
 *
 * @param address         the address RTP is bound to and put in the SDP {@code c=} line, key
 *                        {@value #ADDRESS}: default {@value VoxplaneSettings#SIP_HOST} when that is a
 *                        specific address, else loopback (set it on any node phones reach over a network)
 * @param ptimeMillis     the packet time we offer and send at when the peer names none, key {@value #PTIME}
 * @param promptDirectory where relative prompt and recording paths are resolved, key
 *                        {@value #PROMPT_DIRECTORY}, default the working directory
 * @param engine          ports, event loops, inactivity timeout, quality report interval, recording limit
 */
public record MediaSettings(InetAddress address, int ptimeMillis, Path promptDirectory, MediaConfig engine) {

    public static final String ADDRESS = "voxplane.media.address";
    public static final String RTP_PORT_MIN = "voxplane.media.rtp-port-min";
    public static final String RTP_PORT_MAX = "voxplane.media.rtp-port-max";
    public static final String PTIME = "voxplane.media.ptime";
    public static final String INACTIVITY_TIMEOUT = "voxplane.media.inactivity-timeout";
    public static final String QUALITY_REPORT_INTERVAL = "voxplane.media.quality-report-interval";
    public static final String EVENT_LOOP_THREADS = "voxplane.media.event-loop-threads";
    public static final String RECORD_MAX_DURATION = "voxplane.media.record.max-duration";
    public static final String PROMPT_DIRECTORY = "voxplane.media.prompt-directory";

    /** 20 ms packets: what every phone sends by default (RFC 3551 s4.5, G.711 and G.722). Key {@value #PTIME}. */
    public static final int DEFAULT_PTIME_MILLIS = 20;

    /**
     * One RTP event loop thread: one thread moves well over 100,000 echo packets a second (1,000
     * G.711 calls), and the machine's other cores stay with SIP. Key {@value #EVENT_LOOP_THREADS}
     * (0: one per processor).
     */
    public static final int DEFAULT_EVENT_LOOP_THREADS = 1;

    public MediaSettings {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(promptDirectory, "promptDirectory");
        Objects.requireNonNull(engine, "engine");
    }

    /** Every default (loopback, ports {@value RtpPortAllocator#DEFAULT_PORT_MIN}-{@value RtpPortAllocator#DEFAULT_PORT_MAX}). */
    public static MediaSettings defaults() {
        return from(key -> Optional.empty());
    }

    /**
     * Reads and checks every key.
     *
     * @throws ConfigurationException naming the first key whose value is wrong
     */
    public static MediaSettings from(ConfigLookup config) {
        InetAddress address = address(config);
        int min = integer(config, RTP_PORT_MIN, RtpPortAllocator.DEFAULT_PORT_MIN, 1024, 65_534);
        int max = integer(config, RTP_PORT_MAX, RtpPortAllocator.DEFAULT_PORT_MAX, 1025, 65_535);
        if (max - min < 3) {
            throw new ConfigurationException(RTP_PORT_MAX, Integer.toString(max),
                    "needs room for at least two RTP/RTCP port pairs above " + RTP_PORT_MIN + " (" + min + ")", null);
        }
        int ptime = integer(config, PTIME, DEFAULT_PTIME_MILLIS, 10, 200);
        if (ptime % 10 != 0) {
            throw new ConfigurationException(PTIME, Integer.toString(ptime), "expected a multiple of 10 ms", null);
        }
        MediaConfig engine = MediaConfig.defaults().withPorts(min, max)
                .withEventLoopThreads(integer(config, EVENT_LOOP_THREADS, DEFAULT_EVENT_LOOP_THREADS, 0, 256))
                .withInactivityTimeout(duration(config, INACTIVITY_TIMEOUT,
                        Duration.ofNanos(InactivityMonitor.DEFAULT_TIMEOUT_NANOS)))
                .withQualityReportInterval(duration(config, QUALITY_REPORT_INTERVAL,
                        MediaConfig.DEFAULT_QUALITY_REPORT_INTERVAL))
                .withMaxRecordDuration(duration(config, RECORD_MAX_DURATION, MediaConfig.DEFAULT_MAX_RECORD_DURATION));
        Path prompts;
        String dir = raw(config, PROMPT_DIRECTORY).orElse(".");
        try {
            prompts = Path.of(dir).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw new ConfigurationException(PROMPT_DIRECTORY, dir, "expected a directory path", e);
        }
        return new MediaSettings(address, ptime, prompts, engine);
    }

    /** The address as written in SDP ({@code c=IN IP4 ...}). */
    public String sdpAddress() {
        return address.getHostAddress();
    }

    private static InetAddress address(ConfigLookup config) {
        Optional<String> explicit = raw(config, ADDRESS);
        String key = ADDRESS;
        String value;
        if (explicit.isPresent()) {
            value = explicit.get();
        } else {
            Optional<String> sip = raw(config, VoxplaneSettings.SIP_HOST);
            if (sip.isEmpty()) {
                return InetAddress.getLoopbackAddress();
            }
            key = VoxplaneSettings.SIP_HOST;
            value = sip.get();
        }
        String literal = value.startsWith("[") && value.endsWith("]") ? value.substring(1, value.length() - 1) : value;
        InetAddress address;
        try {
            if (!literal.matches("[0-9a-fA-F.:]+")) {
                throw new UnknownHostException("not an IP literal");
            }
            address = InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new ConfigurationException(key, value, "expected an IPv4 or IPv6 address literal", e);
        }
        if (address.isAnyLocalAddress()) {
            if (explicit.isPresent()) {
                throw new ConfigurationException(ADDRESS, value,
                        "the media address goes into SDP c= lines: a wildcard would put calls on hold (RFC 3264 s8.4)",
                        null);
            }
            return InetAddress.getLoopbackAddress();
        }
        return address;
    }

    private static Optional<String> raw(ConfigLookup config, String key) {
        return config.get(key).map(String::trim).filter(v -> !v.isEmpty());
    }

    private static int integer(ConfigLookup config, String key, int defaultValue, int min, int max) {
        Optional<String> value = raw(config, key);
        if (value.isEmpty()) {
            return defaultValue;
        }
        try {
            int parsed = Integer.parseInt(value.get());
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below with the range
        }
        throw new ConfigurationException(key, value.get(), "expected an integer from " + min + " to " + max, null);
    }

    private static Duration duration(ConfigLookup config, String key, Duration defaultValue) {
        Optional<String> value = raw(config, key);
        if (value.isEmpty()) {
            return defaultValue;
        }
        Duration parsed;
        try {
            parsed = value.get().matches("\\d+") ? Duration.ofMillis(Long.parseLong(value.get()))
                    : Duration.parse(value.get());
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new ConfigurationException(key, value.get(), "expected an ISO-8601 duration or milliseconds", e);
        }
        if (parsed.isNegative() || parsed.isZero()) {
            throw new ConfigurationException(key, value.get(), "expected a positive duration", null);
        }
        return parsed;
    }
}
