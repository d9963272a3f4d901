package io.voxplane.media.wav;

/**
 * Mono audio read from or written to a WAV file: 16-bit linear samples at {@code sampleRate},
 * and the format tag the file stored them in ({@link #FORMAT_PCM}, {@link #FORMAT_ALAW},
 * {@link #FORMAT_MULAW}). The samples array is owned by this value; do not modify it.
 */
public record WavAudio(int sampleRate, int formatTag, short[] samples) {

    /** WAVE_FORMAT_PCM. */
    public static final int FORMAT_PCM = 1;
    /** WAVE_FORMAT_ALAW (G.711 A-law, 8 bits). */
    public static final int FORMAT_ALAW = 6;
    /** WAVE_FORMAT_MULAW (G.711 mu-law, 8 bits). */
    public static final int FORMAT_MULAW = 7;

    /** Duration in milliseconds. */
    public long durationMillis() {
        return samples.length * 1000L / sampleRate;
    }
}
