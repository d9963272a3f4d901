package io.voxplane.media.mix;

import java.util.Arrays;
import java.util.Objects;

/**
 * An N-party audio mixer for conferences: every tick each participant contributes one frame of
 * 16-bit PCM (or nothing, when muted or its jitter buffer had no audio) and receives the sum of
 * all other participants' frames, saturated to 16 bits, so nobody hears themselves.
 *
 * <p>Cost is linear in N: the full sum is accumulated once in 32-bit, and each output is that sum
 * minus the participant's own input, then clipped. All participants share one sample rate and
 * frame size; resampling is the caller's concern. Buffers are allocated up front (about
 * {@code 6 x frameSamples} bytes per participant). Not thread-safe: one mixing thread per
 * conference.
 */
public final class ConferenceMixer {

    /** Participants per mixer: 32, beyond which a tree of mixers scales better (config {@code voxplane.media.mixer.max-participants}). */
    public static final int DEFAULT_MAX_PARTICIPANTS = 32;

    private final int frameSamples;
    private final short[][] inputs;
    private final short[][] outputs;
    private final boolean[] joined;
    private final boolean[] contributed;
    private final int[] sum;

    public ConferenceMixer(int frameSamples) {
        this(frameSamples, DEFAULT_MAX_PARTICIPANTS);
    }

    public ConferenceMixer(int frameSamples, int maxParticipants) {
        if (frameSamples <= 0 || maxParticipants <= 0) {
            throw new IllegalArgumentException("frame " + frameSamples + ", participants " + maxParticipants);
        }
        this.frameSamples = frameSamples;
        this.inputs = new short[maxParticipants][frameSamples];
        this.outputs = new short[maxParticipants][frameSamples];
        this.joined = new boolean[maxParticipants];
        this.contributed = new boolean[maxParticipants];
        this.sum = new int[frameSamples];
    }

    /**
     * Adds a participant.
     *
     * @return its slot, used for every other call
     * @throws IllegalStateException if the mixer is full
     */
    public int join() {
        for (int i = 0; i < joined.length; i++) {
            if (!joined[i]) {
                joined[i] = true;
                contributed[i] = false;
                Arrays.fill(outputs[i], (short) 0);
                return i;
            }
        }
        throw new IllegalStateException("MIX-001 conference full: " + joined.length + " participants");
    }

    /** Removes a participant; its slot may be reused by a later join. */
    public void leave(int slot) {
        checkSlot(slot);
        joined[slot] = false;
        contributed[slot] = false;
    }

    /** Sets this tick's input of {@code slot}: {@code frameSamples} samples copied from {@code pcm[off..]}. */
    public void contribute(int slot, short[] pcm, int off) {
        checkSlot(slot);
        Objects.checkFromIndexSize(off, frameSamples, pcm.length);
        System.arraycopy(pcm, off, inputs[slot], 0, frameSamples);
        contributed[slot] = true;
    }

    /** Mixes this tick: fills every participant's output and clears the inputs for the next tick. */
    public void mix() {
        Arrays.fill(sum, 0);
        for (int p = 0; p < joined.length; p++) {
            if (joined[p] && contributed[p]) {
                short[] in = inputs[p];
                for (int i = 0; i < frameSamples; i++) {
                    sum[i] += in[i];
                }
            }
        }
        for (int p = 0; p < joined.length; p++) {
            if (!joined[p]) {
                continue;
            }
            short[] out = outputs[p];
            if (contributed[p]) {
                short[] own = inputs[p];
                for (int i = 0; i < frameSamples; i++) {
                    out[i] = saturate(sum[i] - own[i]);
                }
            } else {
                for (int i = 0; i < frameSamples; i++) {
                    out[i] = saturate(sum[i]);
                }
            }
        }
        Arrays.fill(contributed, false);
    }

    /** What {@code slot} hears after the last {@link #mix()}; owned by the mixer, valid until the next mix. */
    public short[] output(int slot) {
        checkSlot(slot);
        return outputs[slot];
    }

    /** Samples per frame. */
    public int frameSamples() {
        return frameSamples;
    }

    private void checkSlot(int slot) {
        Objects.checkIndex(slot, joined.length);
        if (!joined[slot]) {
            throw new IllegalArgumentException("MIX-002 slot " + slot + " has no participant");
        }
    }

    private static short saturate(int v) {
        return (short) (v > Short.MAX_VALUE ? Short.MAX_VALUE : (v < Short.MIN_VALUE ? Short.MIN_VALUE : v));
    }
}
