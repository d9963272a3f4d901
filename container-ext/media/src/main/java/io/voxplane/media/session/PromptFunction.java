package io.voxplane.media.session;

import io.voxplane.media.MediaErrorCode;
import io.voxplane.media.MediaException;
import io.voxplane.media.wav.WavAudio;
import io.voxplane.media.wav.WavFormatException;
import io.voxplane.media.wav.WavReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Prompt: plays a WAV file, encoded with the session codec, one packet per ptime on the media
 * scheduler (a fixed-rate timer, so the packet rate does not drift with scheduling delays). The
 * first packet has the marker bit (RFC 3551 s4.1, start of a talkspurt); the last frame is
 * completed with silence. At the end it reports {@code COMPLETED}, or starts over when looping.
 * The audio is converted once to the codec's sampling rate (8 or 16 kHz).
 */
final class PromptFunction implements MediaFunction {

    private final WavAudio audio;
    private final boolean loop;
    private MediaSession session;
    private short[] samples;
    private int rate;
    private short[] frame;
    private int position;
    private ScheduledFuture<?> timer;

    PromptFunction(WavAudio audio, boolean loop) {
        this.audio = audio;
        this.loop = loop;
    }

    /**
     * Reads a prompt.
     *
     * @throws MediaException {@code VXMED-006} unreadable, {@code VXMED-007} not 8/16 kHz
     */
    static WavAudio load(Path path) {
        WavAudio a;
        try (InputStream in = Files.newInputStream(path)) {
            a = WavReader.read(in);
        } catch (IOException e) {
            throw new MediaException(MediaErrorCode.PROMPT_UNREADABLE, path + ": " + e.getMessage(), e);
        } catch (WavFormatException e) {
            MediaErrorCode code = e.error() == io.voxplane.media.wav.WavError.UNSUPPORTED_FORMAT
                    ? MediaErrorCode.PROMPT_UNSUPPORTED_FORMAT : MediaErrorCode.PROMPT_UNREADABLE;
            throw new MediaException(code, path + ": " + e.getMessage(), e);
        }
        if (!Resampler.supports(a.sampleRate())) {
            throw new MediaException(MediaErrorCode.PROMPT_UNSUPPORTED_FORMAT,
                    path + ": " + a.sampleRate() + " Hz; prompts must be 8000 or 16000 Hz mono");
        }
        return a;
    }

    @Override
    public String name() {
        return "prompt";
    }

    @Override
    public void start(MediaSession s) {
        this.session = s;
        prepare();
        position = 0;
        s.beginTalkspurt();
        long ptime = s.params().ptimeMillis();
        timer = s.scheduler().scheduleAtFixedRate(() -> s.locked(this::tick), 0, ptime, TimeUnit.MILLISECONDS);
    }

    private void prepare() {
        MediaParameters p = session.params();
        rate = p.codec().sampleRate();
        samples = Resampler.convert(audio.samples(), audio.sampleRate(), rate);
        frame = new short[p.frameSamples()];
    }

    private void tick() {
        if (!session.isCurrent(this)) {
            return;
        }
        if (position >= samples.length) {
            if (!loop || samples.length == 0) {
                session.finished(this, new FunctionOutcome(name(), FunctionOutcome.Reason.COMPLETED, ""));
                return;
            }
            position = 0;
        }
        int n = Math.min(frame.length, samples.length - position);
        System.arraycopy(samples, position, frame, 0, n);
        java.util.Arrays.fill(frame, n, frame.length, (short) 0);
        position += n;
        session.sendFrame(frame, 0);
        if (position >= samples.length && !loop) {
            session.finished(this, new FunctionOutcome(name(), FunctionOutcome.Reason.COMPLETED, ""));
        }
    }

    @Override
    public void onFormatChanged() {
        // keep the place in the prompt across a codec change, in milliseconds
        long millis = position * 1000L / rate;
        prepare();
        position = (int) Math.min(samples.length, millis * session.params().codec().sampleRate() / 1000);
        session.beginTalkspurt();
    }

    @Override
    public void stop(FunctionOutcome.Reason reason) {
        if (timer != null) {
            timer.cancel(false);
        }
    }
}
