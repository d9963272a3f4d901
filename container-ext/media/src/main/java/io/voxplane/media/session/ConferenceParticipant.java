package io.voxplane.media.session;

import io.voxplane.media.MediaErrorCode;
import io.voxplane.media.MediaException;
import io.voxplane.media.jitter.JitterBuffer;
import io.voxplane.media.rtp.RtpPacket;

/**
 * Conference: the session's side of a {@link ConferenceRoom}. Received audio goes into the
 * session's jitter buffer; at each room tick one frame is played out and converted to the mixing
 * rate ({@link #pull}), and the participant's mix is converted back and sent with the session's
 * codec ({@link #push}).
 */
final class ConferenceParticipant implements MediaFunction {

    private final ConferenceRoom room;
    private final short[] input = new short[ConferenceRoom.FRAME_SAMPLES];
    private final short[] output = new short[ConferenceRoom.FRAME_SAMPLES];
    private MediaSession session;
    private short[] frame;
    private int slot = -1;
    private boolean hasInput;

    ConferenceParticipant(ConferenceRoom room) {
        this.room = room;
    }

    ConferenceRoom room() {
        return room;
    }

    @Override
    public String name() {
        return "conference";
    }

    @Override
    public void start(MediaSession s) {
        this.session = s;
        checkFormat();
        s.jitterBuffer();
        room.add(this);
        s.beginTalkspurt();
    }

    private void checkFormat() {
        MediaParameters p = session.params();
        if (p.ptimeMillis() != ConferenceRoom.FRAME_MILLIS) {
            throw new MediaException(MediaErrorCode.ROOM_PTIME_MISMATCH, "ptime " + p.ptimeMillis() + " ms in room '"
                    + room.name() + "' mixing " + ConferenceRoom.FRAME_MILLIS + " ms frames");
        }
        frame = new short[p.frameSamples()];
    }

    @Override
    public void onAudio(RtpPacket packet) {
        session.jitterBuffer().offer(packet);
    }

    @Override
    public void onFormatChanged() {
        if (session.params().ptimeMillis() != ConferenceRoom.FRAME_MILLIS) {
            session.finished(this, new FunctionOutcome(name(), FunctionOutcome.Reason.FAILED, ""));
            return;
        }
        frame = new short[session.params().frameSamples()];
        session.beginTalkspurt();
    }

    /** Plays one frame of this participant's audio into {@link #input()} (room tick, phase 1). */
    void pull() {
        session.locked(() -> {
            hasInput = false;
            if (!session.isCurrent(this)) {
                return;
            }
            JitterBuffer jb = session.jitterBuffer();
            if (jb.frameSamples() != frame.length) {
                return;
            }
            hasInput = jb.poll(frame, 0) != JitterBuffer.PlayoutResult.BUFFERING;
            toMix(frame, input);
        });
    }

    /** Sends this participant's mix from {@link #output()} (room tick, phase 3). */
    void push() {
        session.locked(() -> {
            if (!session.isCurrent(this)) {
                return;
            }
            fromMix(output, frame);
            session.sendFrame(frame, 0);
        });
    }

    private static void toMix(short[] codecFrame, short[] mix) {
        if (codecFrame.length == mix.length) {
            System.arraycopy(codecFrame, 0, mix, 0, mix.length);
        } else {
            Resampler.up(codecFrame, 0, codecFrame.length, mix, 0);
        }
    }

    private static void fromMix(short[] mix, short[] codecFrame) {
        if (codecFrame.length == mix.length) {
            System.arraycopy(mix, 0, codecFrame, 0, mix.length);
        } else {
            Resampler.down(mix, 0, mix.length, codecFrame, 0);
        }
    }

    boolean hasInput() {
        return hasInput;
    }

    short[] input() {
        return input;
    }

    short[] output() {
        return output;
    }

    int slot() {
        return slot;
    }

    void slot(int s) {
        slot = s;
    }

    @Override
    public void stop(FunctionOutcome.Reason reason) {
        room.remove(this);
    }
}
