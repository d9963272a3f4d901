package io.voxplane.media.jitter;

import io.voxplane.media.codec.AudioCodec;
import java.util.Objects;

/**
 * Settings of one {@link JitterBuffer}.
 *
 * @param codec the stream's codec (decoder, sample rate, RTP clock rate)
 * @param frameMillis packet duration (the negotiated {@code a=ptime}); one playout tick per frame
 * @param minDelayMillis lower bound of the target delay
 * @param maxDelayMillis upper bound of the target delay
 * @param initialDelayMillis target before any jitter has been measured
 * @param capacityFrames stored frames; a packet further ahead than this resynchronises the buffer
 */
public record JitterBufferConfig(AudioCodec codec, int frameMillis, int minDelayMillis, int maxDelayMillis,
        int initialDelayMillis, int capacityFrames) {

    /** 20 ms, the default {@code ptime} of RFC 3551 audio. */
    public static final int DEFAULT_FRAME_MILLIS = 20;
    /** Two frames: one frame of safety against the playout tick's phase (config {@code voxplane.media.jitter.min-delay}). */
    public static final int DEFAULT_MIN_DELAY_MILLIS = 40;
    /** 300 ms: beyond this, conversation suffers more from delay than from loss (G.114) (config {@code voxplane.media.jitter.max-delay}). */
    public static final int DEFAULT_MAX_DELAY_MILLIS = 300;
    /** 60 ms until the first measurements (config {@code voxplane.media.jitter.initial-delay}). */
    public static final int DEFAULT_INITIAL_DELAY_MILLIS = 60;
    /** 32 frames (640 ms at 20 ms): room above the maximum delay for bursts; about 5 KB of payload at 64 kbit/s (config {@code voxplane.media.jitter.capacity}). */
    public static final int DEFAULT_CAPACITY_FRAMES = 32;

    public JitterBufferConfig {
        Objects.requireNonNull(codec, "codec");
        if (frameMillis <= 0 || frameMillis > 200 || minDelayMillis < frameMillis || maxDelayMillis < minDelayMillis
                || initialDelayMillis < minDelayMillis || initialDelayMillis > maxDelayMillis
                || capacityFrames * frameMillis <= maxDelayMillis) {
            throw new IllegalArgumentException("inconsistent jitter buffer settings: frame " + frameMillis + " ms, delay "
                    + minDelayMillis + ".." + maxDelayMillis + " ms, initial " + initialDelayMillis + " ms, capacity "
                    + capacityFrames + " frames");
        }
    }

    /** The defaults for {@code codec} with 20 ms frames. */
    public static JitterBufferConfig defaults(AudioCodec codec) {
        return new JitterBufferConfig(codec, DEFAULT_FRAME_MILLIS, DEFAULT_MIN_DELAY_MILLIS, DEFAULT_MAX_DELAY_MILLIS,
                DEFAULT_INITIAL_DELAY_MILLIS, DEFAULT_CAPACITY_FRAMES);
    }

    /** The same settings with another frame duration. */
    public JitterBufferConfig withFrameMillis(int millis) {
        return new JitterBufferConfig(codec, millis, Math.max(minDelayMillis, millis), maxDelayMillis,
                Math.max(initialDelayMillis, millis), capacityFrames);
    }
}
