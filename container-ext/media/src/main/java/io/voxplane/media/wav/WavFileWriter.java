package io.voxplane.media.wav;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Writes a mono 16-bit PCM WAV file while the audio arrives (a recording): the RIFF and
 * {@code data} sizes are written as zero first and filled in by {@link #close()}, so memory stays
 * at one frame whatever the length. A file left unclosed by a crash still reads with
 * {@link WavReader}, which clips the data size to what is present. Not thread-safe.
 */
public final class WavFileWriter implements AutoCloseable {

    private static final int HEADER = 44;

    private final FileChannel file;
    private final ByteBuffer frame;
    private long dataBytes;
    private boolean closed;

    private WavFileWriter(FileChannel file, int frameSamples) {
        this.file = file;
        this.frame = ByteBuffer.allocate(2 * frameSamples).order(ByteOrder.LITTLE_ENDIAN);
    }

    /**
     * Creates (or truncates) {@code path} and writes the header.
     *
     * @param frameSamples the usual number of samples per {@link #append} (sizes the one buffer)
     */
    public static WavFileWriter create(Path path, int sampleRate, int frameSamples) throws IOException {
        FileChannel ch = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
        try {
            ByteBuffer h = ByteBuffer.allocate(HEADER).order(ByteOrder.LITTLE_ENDIAN);
            h.put(ascii("RIFF")).putInt(0).put(ascii("WAVE"));
            h.put(ascii("fmt ")).putInt(16).putShort((short) WavAudio.FORMAT_PCM).putShort((short) 1)
                    .putInt(sampleRate).putInt(sampleRate * 2).putShort((short) 2).putShort((short) 16);
            h.put(ascii("data")).putInt(0);
            h.flip();
            while (h.hasRemaining()) {
                ch.write(h);
            }
        } catch (IOException e) {
            ch.close();
            throw e;
        }
        return new WavFileWriter(ch, Math.max(1, frameSamples));
    }

    /** Appends {@code len} samples. */
    public void append(short[] pcm, int off, int len) throws IOException {
        int at = off;
        int end = off + len;
        while (at < end) {
            frame.clear();
            int n = Math.min(end - at, frame.capacity() / 2);
            for (int i = 0; i < n; i++) {
                frame.putShort(pcm[at + i]);
            }
            frame.flip();
            while (frame.hasRemaining()) {
                file.write(frame);
            }
            at += n;
        }
        dataBytes += 2L * len;
    }

    /** Samples written so far. */
    public long samples() {
        return dataBytes / 2;
    }

    /** Writes the sizes into the header and closes the file. Idempotent. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            ByteBuffer size = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
            size.putInt(0, (int) Math.min(0xFFFFFFFFL, 36 + dataBytes));
            file.write(size, 4);
            size.putInt(0, (int) Math.min(0xFFFFFFFFL, dataBytes));
            size.clear();
            file.write(size, 40);
        } finally {
            file.close();
        }
    }

    private static byte[] ascii(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }
}
