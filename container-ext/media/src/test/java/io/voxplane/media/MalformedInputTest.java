package io.voxplane.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.voxplane.media.codec.G722Decoder;
import io.voxplane.media.dtmf.DtmfFormatException;
import io.voxplane.media.dtmf.TelephoneEvent;
import io.voxplane.media.rtp.Goodbye;
import io.voxplane.media.rtp.ReceiverReport;
import io.voxplane.media.rtp.ReportBlock;
import io.voxplane.media.rtp.RtcpCodec;
import io.voxplane.media.rtp.RtpFormatException;
import io.voxplane.media.rtp.RtpPacket;
import io.voxplane.media.rtp.SenderReport;
import io.voxplane.media.rtp.SourceDescription;
import io.voxplane.media.wav.WavAudio;
import io.voxplane.media.wav.WavFormatException;
import io.voxplane.media.wav.WavReader;
import io.voxplane.media.wav.WavWriter;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Hostile and truncated input gets a typed error or a result, never another exception: random
 * bytes, every truncation of valid input, and random bit flips in valid input.
 */
class MalformedInputTest {

    private static final int ROUNDS = 20_000;

    private static byte[] validRtcp() {
        return RtcpCodec.write(List.of(
                new SenderReport(1, 2, 3, 4, 5, List.of(new ReportBlock(6, 7, -8, 9, 10, 11, 12))),
                SourceDescription.cname(1, "user@host"), new Goodbye(List.of(1L, 2L), "bye")));
    }

    private static byte[] validWav() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        WavWriter.write(out, new WavAudio(8000, WavAudio.FORMAT_MULAW, new short[] {1, 2, 3, 4, 5}));
        return out.toByteArray();
    }

    private static byte[] mutate(Random r, byte[] valid) {
        byte[] b = valid.clone();
        for (int k = 0, n = 1 + r.nextInt(4); k < n; k++) {
            b[r.nextInt(b.length)] ^= (byte) (1 << r.nextInt(8));
        }
        return r.nextBoolean() ? b : Arrays.copyOf(b, r.nextInt(b.length + 1));
    }

    @Test
    void rtcpParserOnlyEverThrowsItsTypedError() {
        Random r = new Random(1);
        byte[] valid = validRtcp();
        for (int i = 0; i <= valid.length; i++) {
            parseRtcp(Arrays.copyOf(valid, i));
        }
        for (int i = 0; i < ROUNDS; i++) {
            parseRtcp(mutate(r, valid));
            byte[] random = new byte[1 + r.nextInt(80)];
            r.nextBytes(random);
            random[0] = (byte) (0x80 | (random[0] & 0x3F));
            parseRtcp(random);
        }
    }

    private static void parseRtcp(byte[] b) {
        try {
            assertNotNull(RtcpCodec.parse(b, 0, b.length));
        } catch (RtpFormatException e) {
            assertNotNull(e.error());
        }
    }

    @Test
    void rtpViewOnlyEverReportsItsTypedError() {
        Random r = new Random(2);
        RtpPacket p = new RtpPacket();
        for (int i = 0; i < ROUNDS; i++) {
            byte[] b = new byte[r.nextInt(60)];
            r.nextBytes(b);
            if (b.length > 0) {
                b[0] = (byte) (0x80 | (b[0] & 0x3F));
            }
            if (p.wrap(b, 0, b.length) == null) {
                assertEquals(b.length, p.payloadOffset() + p.payloadLength() + p.paddingLength());
            }
        }
    }

    @Test
    void wavReaderOnlyEverThrowsItsTypedError() throws Exception {
        Random r = new Random(3);
        byte[] valid = validWav();
        for (int i = 0; i <= valid.length; i++) {
            readWav(Arrays.copyOf(valid, i));
        }
        for (int i = 0; i < ROUNDS; i++) {
            readWav(mutate(r, valid));
        }
    }

    private static void readWav(byte[] b) {
        try {
            assertNotNull(WavReader.read(b));
        } catch (WavFormatException e) {
            assertNotNull(e.error());
        }
    }

    @Test
    void telephoneEventDecodingOnlyEverThrowsItsTypedError() {
        Random r = new Random(4);
        for (int i = 0; i < ROUNDS; i++) {
            byte[] b = new byte[r.nextInt(6)];
            r.nextBytes(b);
            try {
                assertNotNull(TelephoneEvent.decode(b, 0, b.length));
            } catch (DtmfFormatException e) {
                assertEquals(0, e.getMessage().indexOf("DTMF-001"));
            }
        }
    }

    @Test
    void g722DecodesAnyByteSequence() {
        Random r = new Random(5);
        byte[] garbage = new byte[16_000];
        r.nextBytes(garbage);
        short[] out = new short[32_000];
        assertEquals(32_000, new G722Decoder().decode(garbage, 0, garbage.length, out, 0));
    }
}
