package io.voxplane.media.session;

import io.voxplane.media.rtp.InactivityMonitor;
import io.voxplane.media.rtp.RtpPortAllocator;
import io.voxplane.media.rtp.SymmetricRtpLatch;
import java.time.Duration;
import java.util.Objects;

/**
 * Settings of a {@link MediaTransport}; every value has a named default and a configuration key
 * (bound by the runtime from MicroProfile Config).
 *
 * @param rtpPortMin lowest RTP port ({@code voxplane.media.rtp-port-min}, {@link RtpPortAllocator#DEFAULT_PORT_MIN})
 * @param rtpPortMax highest RTP/RTCP port ({@code voxplane.media.rtp-port-max}, {@link RtpPortAllocator#DEFAULT_PORT_MAX})
 * @param eventLoopThreads RTP event loop threads, 0 for one per processor ({@code voxplane.media.event-loop-threads})
 * @param inactivityTimeout no RTP for this long reports inactivity ({@code voxplane.media.rtp-timeout},
 *     {@link InactivityMonitor#DEFAULT_TIMEOUT_NANOS})
 * @param qualityReportInterval period of quality reports ({@code voxplane.media.quality-report-interval},
 *     {@link #DEFAULT_QUALITY_REPORT_INTERVAL})
 * @param rtcpEnabled send RTCP reports ({@code voxplane.media.rtcp})
 * @param latchPolicy symmetric RTP latching ({@code voxplane.media.latch.policy})
 * @param maxRecordDuration longest recording ({@code voxplane.media.record.max-duration},
 *     {@link #DEFAULT_MAX_RECORD_DURATION})
 */
public record MediaConfig(int rtpPortMin, int rtpPortMax, int eventLoopThreads, Duration inactivityTimeout,
        Duration qualityReportInterval, boolean rtcpEnabled, SymmetricRtpLatch.Policy latchPolicy,
        Duration maxRecordDuration) {

    /** Quality report period: 10 s, two RTCP intervals, often enough for live dashboards. */
    public static final Duration DEFAULT_QUALITY_REPORT_INTERVAL = Duration.ofSeconds(10);
    /** Longest recording: 10 minutes (a long voicemail); about 19 MB of 16 kHz WAV on disk. */
    public static final Duration DEFAULT_MAX_RECORD_DURATION = Duration.ofMinutes(10);

    public MediaConfig {
        Objects.requireNonNull(inactivityTimeout, "inactivityTimeout");
        Objects.requireNonNull(qualityReportInterval, "qualityReportInterval");
        Objects.requireNonNull(latchPolicy, "latchPolicy");
        Objects.requireNonNull(maxRecordDuration, "maxRecordDuration");
        if (eventLoopThreads < 0 || inactivityTimeout.isNegative() || inactivityTimeout.isZero()
                || qualityReportInterval.isNegative() || qualityReportInterval.isZero()
                || maxRecordDuration.isNegative() || maxRecordDuration.isZero()) {
            throw new IllegalArgumentException("bad media configuration: " + eventLoopThreads + " threads, timeout "
                    + inactivityTimeout + ", quality interval " + qualityReportInterval + ", record " + maxRecordDuration);
        }
    }

    /** All defaults. */
    public static MediaConfig defaults() {
        return new MediaConfig(RtpPortAllocator.DEFAULT_PORT_MIN, RtpPortAllocator.DEFAULT_PORT_MAX, 0,
                Duration.ofNanos(InactivityMonitor.DEFAULT_TIMEOUT_NANOS), DEFAULT_QUALITY_REPORT_INTERVAL, true,
                SymmetricRtpLatch.Policy.LATCH_ONCE, DEFAULT_MAX_RECORD_DURATION);
    }

    public MediaConfig withPorts(int min, int max) {
        return new MediaConfig(min, max, eventLoopThreads, inactivityTimeout, qualityReportInterval, rtcpEnabled,
                latchPolicy, maxRecordDuration);
    }

    public MediaConfig withEventLoopThreads(int threads) {
        return new MediaConfig(rtpPortMin, rtpPortMax, threads, inactivityTimeout, qualityReportInterval, rtcpEnabled,
                latchPolicy, maxRecordDuration);
    }

    public MediaConfig withInactivityTimeout(Duration timeout) {
        return new MediaConfig(rtpPortMin, rtpPortMax, eventLoopThreads, timeout, qualityReportInterval, rtcpEnabled,
                latchPolicy, maxRecordDuration);
    }

    public MediaConfig withQualityReportInterval(Duration interval) {
        return new MediaConfig(rtpPortMin, rtpPortMax, eventLoopThreads, inactivityTimeout, interval, rtcpEnabled,
                latchPolicy, maxRecordDuration);
    }

    public MediaConfig withRtcp(boolean enabled) {
        return new MediaConfig(rtpPortMin, rtpPortMax, eventLoopThreads, inactivityTimeout, qualityReportInterval,
                enabled, latchPolicy, maxRecordDuration);
    }

    public MediaConfig withLatchPolicy(SymmetricRtpLatch.Policy policy) {
        return new MediaConfig(rtpPortMin, rtpPortMax, eventLoopThreads, inactivityTimeout, qualityReportInterval,
                rtcpEnabled, policy, maxRecordDuration);
    }

    public MediaConfig withMaxRecordDuration(Duration max) {
        return new MediaConfig(rtpPortMin, rtpPortMax, eventLoopThreads, inactivityTimeout, qualityReportInterval,
                rtcpEnabled, latchPolicy, max);
    }
}
