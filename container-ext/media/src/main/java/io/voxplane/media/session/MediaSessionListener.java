package io.voxplane.media.session;

/**
 * What a {@link MediaSession} reports. Calls arrive on the session's event loop or on the media
 * scheduler, with the session locked: implementations must return quickly, must not block, and
 * should hand real work to another executor (the runtime posts bus events). Exceptions thrown here
 * are swallowed and counted.
 */
public interface MediaSessionListener {

    /** A listener that ignores everything. */
    MediaSessionListener NONE = new MediaSessionListener() {
    };

    /** An RFC 4733 DTMF digit arrived (once per event, whatever the number of its packets). */
    default void onDigit(MediaSession session, char digit) {
    }

    /** Periodic statistics, and a last report when the session closes ({@code last} true). */
    default void onQualityReport(MediaSession session, MediaStatistics statistics, boolean last) {
    }

    /**
     * No RTP from the peer for the configured inactivity timeout (only while the direction
     * receives); reported once per silence: again only after media came back and stopped again.
     */
    default void onInactivity(MediaSession session, long idleNanos) {
    }

    /** A media function ended by itself (prompt played, digits collected, recording limit). */
    default void onFunctionFinished(MediaSession session, FunctionOutcome outcome) {
    }
}
