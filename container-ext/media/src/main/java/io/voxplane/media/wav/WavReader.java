package io.voxplane.media.wav;

import io.voxplane.media.codec.ALaw;
import io.voxplane.media.codec.MuLaw;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads mono WAV (RIFF/WAVE) prompts and recordings: 16-bit PCM at any rate (8 and 16 kHz in
 * practice), and 8-bit G.711 A-law (format tag 6) or mu-law (7), decoded to 16-bit PCM. Chunks
 * other than {@code fmt } and {@code data} ({@code LIST}, {@code fact}, {@code cue } ...) are
 * skipped, honouring the pad byte after odd-sized chunks; {@code WAVE_FORMAT_EXTENSIBLE} is
 * accepted when its sub-format is PCM. A data size larger than what follows (files written while
 * streaming) is clipped to the bytes present. Errors are {@link WavFormatException}s.
 */
public final class WavReader {

    /** Largest file read: 64 MB, over an hour of 8 kHz 16-bit audio (config {@code voxplane.media.wav.max-bytes}). */
    public static final int DEFAULT_MAX_BYTES = 64 * 1024 * 1024;

    private static final int FORMAT_EXTENSIBLE = 0xFFFE;

    private WavReader() {
    }

    public static WavAudio read(InputStream in) throws IOException, WavFormatException {
        byte[] b = in.readNBytes(DEFAULT_MAX_BYTES + 1);
        if (b.length > DEFAULT_MAX_BYTES) {
            throw new WavFormatException(WavError.TOO_LARGE, "more than " + DEFAULT_MAX_BYTES + " bytes");
        }
        return read(b);
    }

    public static WavAudio read(byte[] b) throws WavFormatException {
        if (b.length < 12 || !tag(b, 0, "RIFF") || !tag(b, 8, "WAVE")) {
            throw new WavFormatException(WavError.NOT_RIFF_WAVE, "no RIFF/WAVE header");
        }
        int at = 12;
        int formatTag = -1;
        int channels = 0;
        int sampleRate = 0;
        int bits = 0;
        while (at + 8 <= b.length) {
            long size = u32(b, at + 4);
            int body = at + 8;
            if (tag(b, at, "fmt ")) {
                if (size < 16 || body + 16 > b.length) {
                    throw new WavFormatException(WavError.TRUNCATED, "fmt chunk of " + size + " bytes");
                }
                formatTag = u16(b, body);
                channels = u16(b, body + 2);
                sampleRate = (int) u32(b, body + 4);
                bits = u16(b, body + 14);
                if (formatTag == FORMAT_EXTENSIBLE && size >= 40 && body + 26 <= b.length) {
                    formatTag = u16(b, body + 24); // first two bytes of the sub-format GUID
                }
            } else if (tag(b, at, "data")) {
                if (formatTag < 0) {
                    throw new WavFormatException(WavError.MISSING_FORMAT, "data chunk before fmt chunk");
                }
                int length = (int) Math.min(size, b.length - body);
                return decode(b, body, length, formatTag, channels, sampleRate, bits);
            }
            long next = body + size + (size & 1);
            if (next > b.length) {
                throw new WavFormatException(WavError.TRUNCATED,
                        "chunk '" + new String(b, at, 4, java.nio.charset.StandardCharsets.ISO_8859_1) + "' of " + size + " bytes");
            }
            at = (int) next;
        }
        throw new WavFormatException(formatTag < 0 ? WavError.MISSING_FORMAT : WavError.MISSING_DATA, "no data chunk");
    }

    private static WavAudio decode(byte[] b, int at, int length, int formatTag, int channels, int sampleRate, int bits)
            throws WavFormatException {
        if (channels != 1 || sampleRate <= 0) {
            throw new WavFormatException(WavError.UNSUPPORTED_FORMAT, channels + " channels at " + sampleRate + " Hz");
        }
        switch (formatTag) {
            case WavAudio.FORMAT_PCM -> {
                if (bits != 16) {
                    throw new WavFormatException(WavError.UNSUPPORTED_FORMAT, bits + "-bit PCM");
                }
                short[] s = new short[length / 2];
                for (int i = 0; i < s.length; i++) {
                    s[i] = (short) ((b[at + 2 * i] & 0xFF) | (b[at + 2 * i + 1] << 8));
                }
                return new WavAudio(sampleRate, formatTag, s);
            }
            case WavAudio.FORMAT_ALAW, WavAudio.FORMAT_MULAW -> {
                if (bits != 8) {
                    throw new WavFormatException(WavError.UNSUPPORTED_FORMAT, bits + "-bit G.711");
                }
                short[] s = new short[length];
                boolean alaw = formatTag == WavAudio.FORMAT_ALAW;
                for (int i = 0; i < length; i++) {
                    s[i] = alaw ? ALaw.decode(b[at + i]) : MuLaw.decode(b[at + i]);
                }
                return new WavAudio(sampleRate, formatTag, s);
            }
            default -> throw new WavFormatException(WavError.UNSUPPORTED_FORMAT, "format tag " + formatTag);
        }
    }

    private static boolean tag(byte[] b, int at, String t) {
        for (int i = 0; i < 4; i++) {
            if (b[at + i] != t.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static int u16(byte[] b, int at) {
        return (b[at] & 0xFF) | ((b[at + 1] & 0xFF) << 8);
    }

    private static long u32(byte[] b, int at) {
        return (b[at] & 0xFFL) | ((b[at + 1] & 0xFFL) << 8) | ((b[at + 2] & 0xFFL) << 16) | ((b[at + 3] & 0xFFL) << 24);
    }
}
