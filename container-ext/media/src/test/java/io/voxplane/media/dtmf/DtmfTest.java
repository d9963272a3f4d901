package io.voxplane.media.dtmf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DtmfTest {

    @Test
    void payloadEncodesFieldByField() throws Exception {
        TelephoneEvent e = new TelephoneEvent(11, true, 10, 800);
        // event 11 ('#'), E=1 R=0 volume 10, duration 800 = 0x0320
        assertArrayEquals(new byte[] {0x0b, (byte) 0x8a, 0x03, 0x20}, e.encode());
        assertEquals(e, TelephoneEvent.decode(e.encode(), 0, 4));
        assertEquals('#', e.digit());
    }

    @Test
    void reservedBitIsIgnoredAndShortPayloadIsATypedError() throws Exception {
        TelephoneEvent e = TelephoneEvent.decode(new byte[] {5, 0x40 | 7, 0, (byte) 160}, 0, 4);
        assertEquals(new TelephoneEvent(5, false, 7, 160), e);
        DtmfFormatException x = assertThrows(DtmfFormatException.class, () -> TelephoneEvent.decode(new byte[3], 0, 3));
        assertTrue(x.getMessage().startsWith("DTMF-001"));
    }

    @Test
    void senderProducesStartUpdatesAndThreeEndsOnOneTimestamp() {
        List<DtmfSender.Packet> p = DtmfSender.packets('7', 12345, 8000, 200, 50, 10);
        assertEquals(3 + 3, p.size()); // updates at 50, 100, 150 ms, then 3 x end at 200 ms
        assertTrue(p.get(0).marker());
        for (int i = 0; i < p.size(); i++) {
            assertEquals(12345, p.get(i).timestamp());
            assertEquals(7, p.get(i).event().event());
            if (i > 0) {
                assertFalse(p.get(i).marker());
            }
        }
        assertEquals(400, p.get(0).event().duration());
        assertEquals(800, p.get(1).event().duration());
        assertEquals(1200, p.get(2).event().duration());
        for (int i = 3; i < 6; i++) {
            assertTrue(p.get(i).event().end());
            assertEquals(1600, p.get(i).event().duration());
        }
        assertEquals(0, p.get(0).sendAtMillis());
        assertEquals(150, p.get(5).sendAtMillis());
    }

    @Test
    void aVeryShortDigitIsJustItsEndPacketsWithTheMarker() {
        List<DtmfSender.Packet> p = DtmfSender.packets('1', 0, 8000, 40, 50, 10);
        assertEquals(3, p.size());
        assertTrue(p.get(0).marker());
        assertTrue(p.get(0).event().end());
    }

    @Test
    void receiverReportsEachDigitOnceDespiteRedundancyLossAndReordering() {
        Random random = new Random(42);
        String typed = "0123456789*#ABCD55";
        List<DtmfSender.Packet> wire = new ArrayList<>();
        long ts = 0xFFFF_FF00L; // wraps in the middle
        for (char c : typed.toCharArray()) {
            wire.addAll(DtmfSender.packets(c, ts, 8000));
            ts = (ts + 2400) & 0xFFFFFFFFL;
        }
        DtmfReceiver rx = new DtmfReceiver();
        StringBuilder got = new StringBuilder();
        int i = 0;
        while (i < wire.size()) {
            // lose 30% of packets, but never all of one digit's packets; swap some neighbours
            List<DtmfSender.Packet> window = new ArrayList<>(wire.subList(i, Math.min(wire.size(), i + 2)));
            if (window.size() == 2 && random.nextInt(4) == 0) {
                Collections.reverse(window);
            }
            for (DtmfSender.Packet p : window) {
                boolean lastOfDigit = p.event().end();
                if (!lastOfDigit && random.nextDouble() < 0.3) {
                    continue;
                }
                rx.onPacket(p.timestamp(), p.event()).ifPresent(d -> got.append(d.digit()));
            }
            i += window.size();
        }
        assertEquals(typed, got.toString());
        assertEquals(typed.length(), rx.reported());
    }
}
