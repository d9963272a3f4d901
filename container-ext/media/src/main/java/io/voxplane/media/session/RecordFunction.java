package io.voxplane.media.session;

import io.voxplane.media.MediaErrorCode;
import io.voxplane.media.MediaException;
import io.voxplane.media.jitter.JitterBuffer;
import io.voxplane.media.rtp.RtpPacket;
import io.voxplane.media.wav.WavFileWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Record: received audio goes through the session's jitter buffer (reordering, loss concealment)
 * and is decoded one frame per ptime on the media scheduler into a 16-bit PCM WAV file at the
 * codec's sampling rate. Recording starts with the first frame the buffer plays (its initial
 * fill is not written as silence) and ends when the function is replaced, the session closes
 * (the file is completed in both cases) or after {@code maxDuration} ({@code MAX_DURATION}).
 * A write error ends it with {@code FAILED}.
 */
final class RecordFunction implements MediaFunction {

    private static final System.Logger LOG = System.getLogger(RecordFunction.class.getName());

    private final Path path;
    private final Duration maxDuration;
    private MediaSession session;
    private WavFileWriter writer;
    private short[] frame;
    private long maxSamples;
    private int fileRate;
    private boolean playing;
    private ScheduledFuture<?> timer;

    RecordFunction(Path path, Duration maxDuration) {
        this.path = path;
        if (maxDuration.isNegative() || maxDuration.isZero()) {
            throw new MediaException(MediaErrorCode.BAD_PARAMETERS, "recording limit " + maxDuration);
        }
        this.maxDuration = maxDuration;
    }

    @Override
    public String name() {
        return "record";
    }

    @Override
    public void start(MediaSession s) {
        this.session = s;
        MediaParameters p = s.params();
        int rate = p.codec().sampleRate();
        fileRate = rate;
        try {
            writer = WavFileWriter.create(path, rate, p.frameSamples());
        } catch (IOException e) {
            throw new MediaException(MediaErrorCode.RECORD_FAILED, path + ": " + e.getMessage(), e);
        }
        frame = new short[p.frameSamples()];
        s.jitterBuffer(); // allocated now, not on the first packet
        maxSamples = maxDuration.toMillis() * rate / 1000;
        timer = s.scheduler().scheduleAtFixedRate(() -> s.locked(this::tick), p.ptimeMillis(), p.ptimeMillis(),
                TimeUnit.MILLISECONDS);
    }

    @Override
    public void onAudio(RtpPacket packet) {
        session.jitterBuffer().offer(packet);
    }

    private void tick() {
        if (!session.isCurrent(this)) {
            return;
        }
        JitterBuffer jb = session.jitterBuffer();
        if (frame.length != jb.frameSamples()) {
            return; // format changed between ticks; onFormatChanged restarts the timer
        }
        JitterBuffer.PlayoutResult r = jb.poll(frame, 0);
        if (r == JitterBuffer.PlayoutResult.BUFFERING && !playing) {
            return;
        }
        playing = true;
        try {
            int n = (int) Math.min(frame.length, maxSamples - writer.samples());
            writer.append(frame, 0, n);
            if (writer.samples() >= maxSamples) {
                session.finished(this, new FunctionOutcome(name(), FunctionOutcome.Reason.MAX_DURATION, ""));
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, MediaErrorCode.RECORD_FAILED.code() + " recording " + path + ": " + e);
            session.finished(this, new FunctionOutcome(name(), FunctionOutcome.Reason.FAILED, ""));
        }
    }

    @Override
    public void onFormatChanged() {
        // the file keeps its sampling rate; a codec of another rate ends the recording
        MediaParameters p = session.params();
        if (p.codec().sampleRate() != fileRate) {
            session.finished(this, new FunctionOutcome(name(), FunctionOutcome.Reason.COMPLETED, ""));
            return;
        }
        frame = new short[p.frameSamples()];
        timer.cancel(false);
        timer = session.scheduler().scheduleAtFixedRate(() -> session.locked(this::tick), p.ptimeMillis(),
                p.ptimeMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop(FunctionOutcome.Reason reason) {
        if (timer != null) {
            timer.cancel(false);
        }
        if (writer != null) {
            try {
                writer.close();
            } catch (IOException e) {
                LOG.log(System.Logger.Level.WARNING, MediaErrorCode.RECORD_FAILED.code() + " closing " + path + ": " + e);
            }
        }
    }
}
