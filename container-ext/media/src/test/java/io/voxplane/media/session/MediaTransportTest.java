package io.voxplane.media.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voxplane.media.MediaErrorCode;
import io.voxplane.media.MediaException;
import io.voxplane.media.TestPeer;
import io.voxplane.media.codec.G711Codec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MediaTransportTest extends SessionFixture {

    @Override
    MediaConfig config() {
        return super.config().withPorts(48000, 48009);
    }

    @Test
    void openingMoreSessionsThanPortPairsFailsWithVxmed001AndClosingFreesThePair() throws Exception {
        List<MediaSession> sessions = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            sessions.add(transport.open(LOOPBACK));
        }
        MediaException e = assertThrows(MediaException.class, () -> transport.open(LOOPBACK));
        assertEquals(MediaErrorCode.PORTS_EXHAUSTED, e.code());
        int port = sessions.get(2).localAddress().getPort();
        sessions.get(2).close();
        assertTrue(TestPeer.await(() -> transport.rtp().ports().inUse() == 4, 5000));
        assertEquals(port, transport.open(LOOPBACK).localAddress().getPort(), "the freed pair is the only one");
    }

    @Test
    void stopClosesEverySessionWithALastReportFreesPortsAndLeavesNoThread() throws Exception {
        try (TestPeer peer = new TestPeer()) {
            List<MediaSession> sessions = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                MediaSession s = transport.open(LOOPBACK).listener(events);
                s.configure(MediaParameters.of(peer.address(), G711Codec.PCMU, DTMF_PT));
                s.echo();
                sessions.add(s);
            }
            transport.conferenceRoom("left-over").join(sessions.get(4));
            assertEquals(5, transport.openSessions());
            assertTrue(threads.created() > 0);
            assertTrue(transport.stop(Duration.ofSeconds(10)));
            assertEquals(0, transport.openSessions());
            assertEquals(0, transport.rtp().ports().inUse());
            assertEquals(0, transport.rooms());
            assertEquals(5, events.lastReports.size());
            assertTrue(sessions.stream().allMatch(MediaSession::isClosed));
            assertEquals(0, threads.aliveAfterJoin(5000));
            assertEquals(0, time.pending(), "every session timer was cancelled");
            assertEquals(MediaErrorCode.TRANSPORT_STOPPED, assertThrows(MediaException.class,
                    () -> transport.open(LOOPBACK)).code());
        }
    }
}
