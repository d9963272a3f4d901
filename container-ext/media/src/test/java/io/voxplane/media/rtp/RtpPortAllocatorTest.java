package io.voxplane.media.rtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voxplane.media.MediaErrorCode;
import io.voxplane.media.MediaException;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RtpPortAllocatorTest {

    @Test
    void handsOutEvenRtpPortsWithRtcpOnTheNextPort() {
        RtpPortAllocator a = new RtpPortAllocator(20001, 20010);
        assertEquals(20002, a.min());
        assertEquals(4, a.capacity(), "20002/3, 20004/5, 20006/7, 20008/9; 20010 has no RTCP port");
        RtpPorts p = a.allocate();
        assertEquals(0, p.rtp() % 2);
        assertEquals(p.rtp() + 1, p.rtcp());
    }

    @Test
    void allocatesEveryPairThenFailsWithVxmed001ThenReusesReleasedPairs() {
        RtpPortAllocator a = new RtpPortAllocator(30000, 30019);
        Set<Integer> seen = new HashSet<>();
        RtpPorts third = null;
        for (int i = 0; i < 10; i++) {
            RtpPorts p = a.allocate();
            assertTrue(seen.add(p.rtp()), "no pair twice");
            assertTrue(p.rtp() >= 30000 && p.rtcp() <= 30019);
            if (i == 2) {
                third = p;
            }
        }
        assertEquals(10, a.inUse());
        MediaException e = assertThrows(MediaException.class, a::allocate);
        assertEquals(MediaErrorCode.PORTS_EXHAUSTED, e.code());
        assertTrue(e.getMessage().startsWith("VXMED-001"), e.getMessage());

        a.release(third);
        assertEquals(9, a.inUse());
        assertEquals(third, a.allocate(), "the only free pair is handed out again");
        assertThrows(MediaException.class, a::allocate);
    }

    @Test
    void doesNotReuseAJustReleasedPairWhileOthersAreFree() {
        RtpPortAllocator a = new RtpPortAllocator(40000, 40009);
        RtpPorts first = a.allocate();
        a.release(first);
        assertTrue(a.allocate().rtp() != first.rtp(), "round robin moves on");
    }

    @Test
    void releasingTwiceOrAForeignPairChangesNothing() {
        RtpPortAllocator a = new RtpPortAllocator(40000, 40009);
        RtpPorts p = a.allocate();
        a.release(p);
        a.release(p);
        a.release(RtpPorts.of(50000));
        assertEquals(0, a.inUse());
    }

    @Test
    void rejectsARangeWithoutAPair() {
        assertThrows(IllegalArgumentException.class, () -> new RtpPortAllocator(20001, 20002));
        assertThrows(IllegalArgumentException.class, () -> new RtpPortAllocator(0, 10));
    }

    @Test
    void defaultRangeIs20000To29999() {
        RtpPortAllocator a = new RtpPortAllocator();
        assertEquals(RtpPortAllocator.DEFAULT_PORT_MIN, a.min());
        assertEquals(5000, a.capacity());
    }
}
