package io.voxplane.media.rtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voxplane.media.VirtualClock;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

class SymmetricRtpLatchTest {

    private final VirtualClock clock = new VirtualClock();
    private final InetSocketAddress signalled = new InetSocketAddress("127.0.0.1", 4000);
    private final InetSocketAddress natted = new InetSocketAddress("127.0.0.2", 61000);
    private final InetSocketAddress attacker = new InetSocketAddress("127.0.0.3", 5000);

    @Test
    void latchesToTheRealSourceAfterTwoPackets() {
        SymmetricRtpLatch latch = new SymmetricRtpLatch(signalled, SymmetricRtpLatch.Policy.LATCH_ONCE, clock);
        assertFalse(latch.onPacket(natted));
        assertEquals(signalled, latch.target());
        assertTrue(latch.onPacket(natted));
        assertEquals(natted, latch.target());
        assertTrue(latch.isLatched());
    }

    @Test
    void aLatchedStreamIgnoresOtherSourcesWhileItsPeerIsActive() {
        SymmetricRtpLatch latch = new SymmetricRtpLatch(signalled, SymmetricRtpLatch.Policy.LATCH_ONCE, clock);
        latch.onPacket(natted);
        latch.onPacket(natted);
        for (int i = 0; i < 10; i++) {
            clock.advanceMillis(20);
            assertFalse(latch.onPacket(attacker));
            latch.onPacket(natted);
        }
        assertEquals(natted, latch.target());
    }

    @Test
    void relatchesOnlyAfterThePeerWentSilent() {
        SymmetricRtpLatch latch = new SymmetricRtpLatch(signalled, SymmetricRtpLatch.Policy.LATCH_ONCE, clock);
        latch.onPacket(natted);
        latch.onPacket(natted);
        clock.advanceNanos(SymmetricRtpLatch.DEFAULT_RELATCH_AFTER_NANOS);
        latch.onPacket(attacker);
        assertTrue(latch.onPacket(attacker));
        assertEquals(attacker, latch.target());
        assertEquals(2, latch.moves());
    }

    @Test
    void oneStrayPacketBetweenPeerPacketsNeverMovesAFollowingLatch() {
        SymmetricRtpLatch latch = new SymmetricRtpLatch(signalled, SymmetricRtpLatch.Policy.FOLLOW, clock);
        for (int i = 0; i < 5; i++) {
            latch.onPacket(signalled);
            latch.onPacket(attacker);
        }
        assertEquals(signalled, latch.target());
    }

    @Test
    void disabledPolicyAlwaysSendsToTheSignalledAddress() {
        SymmetricRtpLatch latch = new SymmetricRtpLatch(signalled, SymmetricRtpLatch.Policy.DISABLED, clock);
        for (int i = 0; i < 5; i++) {
            latch.onPacket(natted);
        }
        assertEquals(signalled, latch.target());
    }
}
