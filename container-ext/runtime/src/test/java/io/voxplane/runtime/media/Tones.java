package io.voxplane.runtime.media;

import io.voxplane.media.codec.MuLaw;
import java.util.List;

/** Test tones as PCMU frames, and the Goertzel power of a tone in what a phone heard. */
public final class Tones {

    private Tones() {
    }

    /** Frame {@code n} (20 ms, 160 samples at 8 kHz) of a sine tone at {@code hz}, amplitude 8000, as PCMU. */
    public static byte[] pcmuFrame(double hz, int n) {
        byte[] frame = new byte[160];
        for (int s = 0; s < 160; s++) {
            int t = n * 160 + s;
            frame[s] = MuLaw.encode((int) Math.round(8000 * Math.sin(2 * Math.PI * hz * t / 8000.0)));
        }
        return frame;
    }

    /** PCMU payloads decoded, the first {@code skip} packets (start-up) left out. */
    public static short[] decodePcmu(List<byte[]> payloads, int skip) {
        List<byte[]> used = payloads.subList(Math.min(skip, payloads.size()), payloads.size());
        short[] pcm = new short[used.stream().mapToInt(p -> p.length).sum()];
        int at = 0;
        for (byte[] p : used) {
            for (byte b : p) {
                pcm[at++] = MuLaw.decode(b & 0xFF);
            }
        }
        return pcm;
    }

    /** Goertzel power of {@code hz} in {@code pcm} (8 kHz), normalised by length. */
    public static double power(short[] pcm, double hz) {
        double coefficient = 2 * Math.cos(2 * Math.PI * hz / 8000.0);
        double s1 = 0;
        double s2 = 0;
        for (short sample : pcm) {
            double s0 = sample + coefficient * s1 - s2;
            s2 = s1;
            s1 = s0;
        }
        return (s1 * s1 + s2 * s2 - coefficient * s1 * s2) / pcm.length;
    }
}
