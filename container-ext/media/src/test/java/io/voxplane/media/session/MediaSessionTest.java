package io.voxplane.media.session;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voxplane.media.MediaErrorCode;
import io.voxplane.media.MediaException;
import io.voxplane.media.TestPeer;
import io.voxplane.media.codec.G711Codec;
import io.voxplane.media.dtmf.DtmfSender;
import io.voxplane.media.rtp.RtcpCodec;
import io.voxplane.media.rtp.RtcpPacket;
import io.voxplane.media.rtp.NtpTime;
import io.voxplane.media.rtp.ReceiverReport;
import io.voxplane.media.rtp.ReportBlock;
import io.voxplane.media.rtp.RtpPacket;
import io.voxplane.media.rtp.SenderReport;
import io.voxplane.media.rtp.SourceDescription;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class MediaSessionTest extends SessionFixture {

    private static final long PEER_SSRC = 0x11223344L;

    @Override
    MediaConfig config() {
        return super.config().withInactivityTimeout(Duration.ofSeconds(2)).withRtcp(false);
    }

    private MediaSession echoSession(TestPeer peer) throws Exception {
        MediaSession s = transport.open(LOOPBACK).listener(events);
        s.configure(MediaParameters.of(peer.address(), G711Codec.PCMU, DTMF_PT));
        s.echo();
        return s;
    }

    private static byte[] payload(int i) {
        byte[] p = new byte[160];
        for (int k = 0; k < p.length; k++) {
            p[k] = (byte) (i * 7 + k);
        }
        return p;
    }

    @Test
    void echoSendsEachPayloadBackUnchangedInItsOwnStream() throws Exception {
        try (TestPeer peer = new TestPeer()) {
            MediaSession s = echoSession(peer);
            int n = 20;
            for (int i = 0; i < n; i++) {
                peer.sendRtp(s.localAddress(), 0, 100 + i, 5000 + 160L * i, PEER_SSRC, i == 0, payload(i));
            }
            RtpPacket previous = null;
            for (int i = 0; i < n; i++) {
                TestPeer.Received r = peer.receive(5000);
                assertNotNull(r, "echo " + i);
                assertEquals(s.localAddress(), r.from(), "symmetric: sent from our RTP port");
                RtpPacket p = r.rtp();
                assertArrayEquals(payload(i), p.payloadCopy(), "payload " + i + " unchanged");
                assertEquals(0, p.payloadType());
                assertEquals(s.ssrc(), p.ssrc());
                assertNotEquals(PEER_SSRC, p.ssrc());
                assertEquals(i == 0, p.marker(), "marker on the first packet only");
                if (previous != null) {
                    assertEquals((previous.sequenceNumber() + 1) & 0xFFFF, p.sequenceNumber());
                    assertEquals((previous.timestamp() + 160) & 0xFFFFFFFFL, p.timestamp());
                }
                previous = p;
            }
            MediaStatistics st = s.statistics();
            assertEquals(n, st.packetsReceived());
            assertEquals(n, st.packetsSent());
            assertEquals(0, st.invalidPackets());
        }
    }

    @Test
    void receivesAndSendsWithTheirOwnPayloadTypesWhenTheAnswerRenumbered() throws Exception {
        try (TestPeer peer = new TestPeer()) {
            MediaSession s = transport.open(LOOPBACK).listener(events);
            InetSocketAddress r = peer.address();
            s.configure(new MediaParameters(r, new InetSocketAddress(r.getAddress(), r.getPort() + 1), G711Codec.PCMU,
                    0, 0, 20, 101, 96, MediaDirection.SENDRECV));
            s.echo();
            peer.sendRtp(s.localAddress(), 0, 1, 0, PEER_SSRC, false, payload(1));
            for (DtmfSender.Packet p : DtmfSender.packets('5', 800, 8000)) {
                peer.sendRtp(s.localAddress(), 96, 2, p.timestamp(), PEER_SSRC, p.marker(), p.event().encode());
            }
            assertNotNull(peer.receive(5000));
            assertTrue(TestPeer.await(() -> events.digits.length() == 1, 5000));
            assertEquals("5", events.digits.toString(), "telephone-event on the peer's payload type 96");
        }
    }

    @Test
    void theRfc2543HoldAddressGetsNoMedia() throws Exception {
        try (TestPeer peer = new TestPeer()) {
            MediaSession s = transport.open(LOOPBACK).listener(events);
            s.configure(MediaParameters.of(new InetSocketAddress("0.0.0.0", peer.address().getPort()), G711Codec.PCMU,
                    DTMF_PT));
            s.echo();
            peer.sendRtp(s.localAddress(), 0, 1, 0, PEER_SSRC, false, payload(1));
            awaitReceived(s, 1);
            assertNull(peer.receive(300));
            assertEquals(0, s.statistics().packetsSent());
        }
    }

    @Test
    void latchesOntoTheAddressThePeerReallySendsFrom() throws Exception {
        try (TestPeer signalled = new TestPeer(); TestPeer real = new TestPeer()) {
            MediaSession s = transport.open(LOOPBACK).listener(events);
            s.configure(MediaParameters.of(signalled.address(), G711Codec.PCMU, DTMF_PT));
            s.echo();
            for (int i = 0; i < 5; i++) {
                real.sendRtp(s.localAddress(), 0, i, 160L * i, PEER_SSRC, false, payload(i));
            }
            awaitReceived(s, 5);
            assertEquals(real.address(), s.statistics().target());
            // the first echo left before the latch moved (two packets are needed); the rest reach the real source
            assertNotNull(signalled.receive(5000));
            int atReal = 0;
            while (real.receive(500) != null) {
                atReal++;
            }
            assertEquals(4, atReal);
        }
    }

    @Test
    void invalidDatagramsAreCountedAndDroppedAndTheStreamGoesOn() throws Exception {
        try (TestPeer peer = new TestPeer()) {
            MediaSession s = echoSession(peer);
            peer.send("hello".getBytes(), s.localAddress());
            byte[] v1 = new byte[20];
            v1[0] = 0x40; // version 1
            peer.send(v1, s.localAddress());
            byte[] csrc = new byte[14];
            csrc[0] = (byte) 0x8F; // 15 CSRCs announced, none present
            peer.send(csrc, s.localAddress());
            peer.sendRtp(s.localAddress(), 34, 1, 0, PEER_SSRC, false, payload(1)); // not negotiated
            peer.sendRtp(s.localAddress(), DTMF_PT, 2, 0, PEER_SSRC, false, new byte[2]); // short telephone-event
            peer.send(new byte[] {(byte) 0x80, (byte) 201, 0, 40}, s.rtcpAddress()); // RR claiming 164 bytes
            peer.send(new byte[] {(byte) 0x81, (byte) 202, 0, 1, 0, 0, 0, 1}, s.rtcpAddress()); // SDES first
            peer.sendRtp(s.localAddress(), 0, 3, 0, PEER_SSRC, false, payload(3));
            assertNotNull(peer.receive(5000), "the valid packet is echoed");
            assertTrue(TestPeer.await(() -> s.statistics().invalidPackets() == 7, 5000),
                    "invalid: " + s.statistics().invalidPackets());
            assertEquals(2, s.statistics().packetsReceived(), "the telephone-event was valid RTP");
            assertEquals("echo", s.functionName());
        }
    }

    @Test
    void randomDatagramsOnBothPortsNeverBreakTheReceivePath() throws Exception {
        try (TestPeer peer = new TestPeer()) {
            MediaSession s = echoSession(peer);
            java.util.Random random = new java.util.Random(4733);
            int sent = 0;
            for (int i = 0; i < 400; i++) {
                byte[] d = new byte[1 + random.nextInt(300)];
                random.nextBytes(d);
                if (d.length > 1 && random.nextBoolean()) {
                    d[0] = (byte) (0x80 | (d[0] & 0x3F)); // version 2: reaches deeper checks
                    if (random.nextBoolean()) {
                        d[1] = (byte) (random.nextBoolean() ? 0 : DTMF_PT); // negotiated payload types
                    }
                }
                peer.send(d, i % 2 == 0 ? s.localAddress() : s.rtcpAddress());
                sent++;
                if (sent % 20 == 0) {
                    awaitAccounted(s, sent); // in batches, so no socket buffer overflows
                }
            }
            peer.sendRtp(s.localAddress(), 0, 1, 0, PEER_SSRC, false, payload(1));
            awaitAccounted(s, sent + 1);
            assertEquals(0, s.receiveFailures(), "nothing escaped the receive path");
            assertEquals(0, s.listenerFailures());
            assertEquals("echo", s.functionName());
        }
    }

    private static void awaitAccounted(MediaSession s, int datagrams) {
        assertTrue(TestPeer.await(() -> {
            MediaStatistics st = s.statistics();
            return st.packetsReceived() + st.invalidPackets() + st.rtcpReceived() >= datagrams;
        }, 5000), "every datagram accounted: " + s.statistics());
    }

    @Test
    void rtcpMultiplexedOnTheRtpPortIsReadAsRtcp() throws Exception {
        try (TestPeer peer = new TestPeer()) {
            MediaSession s = echoSession(peer);
            byte[] rr = RtcpCodec.write(List.of(new ReceiverReport(PEER_SSRC, List.of()),
                    SourceDescription.cname(PEER_SSRC, "peer")));
            peer.send(rr, s.localAddress());
            assertTrue(TestPeer.await(() -> s.statistics().rtcpReceived() == 1, 5000));
            assertEquals(0, s.statistics().invalidPackets());
            assertEquals(0, s.statistics().packetsReceived());
        }
    }

    @Test
    void reportsInactivityOnceAfterTheTimeoutOnVirtualTime() throws Exception {
        try (TestPeer peer = new TestPeer()) {
            MediaSession s = echoSession(peer);
            peer.sendRtp(s.localAddress(), 0, 1, 0, PEER_SSRC, false, payload(1));
            awaitReceived(s, 1);
            time.advanceMillis(1900);
            assertTrue(events.inactivity.isEmpty());
            time.advanceMillis(200);
            assertEquals(1, events.inactivity.size());
            assertTrue(events.inactivity.peek() >= 2_000_000_000L);
            time.advanceMillis(10_000);
            assertEquals(1, events.inactivity.size(), "reported once");
            peer.sendRtp(s.localAddress(), 0, 2, 160, PEER_SSRC, false, payload(2));
            awaitReceived(s, 2);
            time.advanceMillis(2100);
            assertEquals(2, events.inactivity.size(), "media came back, then stopped again");
        }
    }

    @Test
    void aReinviteMovesTheStreamToANewRemoteAndCodec() throws Exception {
        try (TestPeer first = new TestPeer(); TestPeer second = new TestPeer()) {
            MediaSession s = echoSession(first);
            first.sendRtp(s.localAddress(), 0, 1, 0, PEER_SSRC, false, payload(1));
            RtpPacket before = first.receive(5000).rtp();
            s.configure(MediaParameters.of(second.address(), G711Codec.PCMA, DTMF_PT));
            assertEquals("echo", s.functionName(), "the function survives the re-INVITE");
            for (int i = 0; i < 3; i++) {
                second.sendRtp(s.localAddress(), 8, 10 + i, 999_000 + 160L * i, 0x5151L, false, payload(i));
            }
            for (int i = 0; i < 3; i++) {
                TestPeer.Received r = second.receive(5000);
                assertNotNull(r);
                RtpPacket p = r.rtp();
                assertEquals(8, p.payloadType());
                assertEquals(s.ssrc(), p.ssrc(), "same stream, same SSRC");
                assertEquals((before.sequenceNumber() + 1 + i) & 0xFFFF, p.sequenceNumber(), "sequence continues");
                assertEquals(i == 0, p.marker(), "new talkspurt after the change");
            }
            assertNull(first.receive(200));
        }
    }

    @Test
    void aStreamOnHoldDoesNotTimeOutAndResumesTiming() throws Exception {
        try (TestPeer peer = new TestPeer()) {
            MediaSession s = echoSession(peer);
            s.direction(MediaDirection.INACTIVE);
            time.advanceMillis(10_000);
            assertTrue(events.inactivity.isEmpty());
            s.direction(MediaDirection.SENDRECV);
            time.advanceMillis(1500);
            assertTrue(events.inactivity.isEmpty());
            time.advanceMillis(1000);
            assertEquals(1, events.inactivity.size());
        }
    }

    @Test
    void sendsNothingWhileTheDirectionDoesNotSend() throws Exception {
        try (TestPeer peer = new TestPeer()) {
            MediaSession s = echoSession(peer);
            s.direction(MediaDirection.RECVONLY);
            peer.sendRtp(s.localAddress(), 0, 1, 0, PEER_SSRC, false, payload(1));
            awaitReceived(s, 1);
            assertNull(peer.receive(300));
            assertEquals(0, s.statistics().packetsSent());
        }
    }

    private void sendDigit(TestPeer peer, MediaSession s, char digit, int seq, long ts) throws Exception {
        int i = 0;
        for (DtmfSender.Packet p : DtmfSender.packets(digit, ts, 8000)) {
            peer.sendRtp(s.localAddress(), DTMF_PT, seq + i++, p.timestamp(), PEER_SSRC, p.marker(), p.event().encode());
        }
    }

    @Test
    void telephoneEventsBecomeDigitsOncePerEvent() throws Exception {
        try (TestPeer peer = new TestPeer()) {
            MediaSession s = echoSession(peer);
            sendDigit(peer, s, '1', 10, 8000);
            sendDigit(peer, s, '2', 20, 16000);
            sendDigit(peer, s, '#', 30, 24000);
            assertTrue(TestPeer.await(() -> events.digits.length() >= 3, 5000), "digits: " + events.digits);
            awaitReceived(s, 3L * DtmfSender.packets('1', 0, 8000).size());
            assertEquals("12#", events.digits.toString(), "each event once despite updates and three end packets");
            assertEquals(3, s.statistics().digits());
        }
    }

    @Test
    void collectDigitsCompletesAtTheTerminatorWithoutIt() throws Exception {
        try (TestPeer peer = new TestPeer()) {
            MediaSession s = echoSession(peer);
            CompletableFuture<String> result = s.collectDigits(DigitCollection.upTo(4)).toCompletableFuture();
            sendDigit(peer, s, '4', 10, 8000);
            sendDigit(peer, s, '2', 20, 16000);
            sendDigit(peer, s, '#', 30, 24000);
            assertEquals("42", result.get(5, TimeUnit.SECONDS));
            assertEquals(new FunctionOutcome("collect-digits", FunctionOutcome.Reason.TERMINATOR, "42"),
                    events.finished.get(0));
            assertEquals("none", s.functionName());
        }
    }

    @Test
    void collectDigitsCompletesAtTheMaximum() throws Exception {
        try (TestPeer peer = new TestPeer()) {
            MediaSession s = echoSession(peer);
            CompletableFuture<String> result = s.collectDigits(DigitCollection.upTo(2)).toCompletableFuture();
            sendDigit(peer, s, '9', 10, 8000);
            sendDigit(peer, s, '8', 20, 16000);
            sendDigit(peer, s, '7', 30, 24000);
            assertEquals("98", result.get(5, TimeUnit.SECONDS));
            assertEquals(FunctionOutcome.Reason.MAX_DIGITS, events.finished.get(0).reason());
        }
    }

    @Test
    void collectDigitsEndsAfterTheInterDigitTimeoutOnVirtualTime() throws Exception {
        try (TestPeer peer = new TestPeer()) {
            MediaSession s = echoSession(peer);
            DigitCollection spec = new DigitCollection(6, '#', Duration.ofSeconds(3), Duration.ofSeconds(20));
            CompletableFuture<String> result = s.collectDigits(spec).toCompletableFuture();
            int timers = time.pending();
            sendDigit(peer, s, '7', 10, 8000);
            assertTrue(TestPeer.await(() -> time.pending() == timers + 1, 5000), "the inter-digit timer is set");
            time.advanceMillis(2900);
            assertTrue(!result.isDone());
            time.advanceMillis(200);
            assertEquals("7", result.get(1, TimeUnit.SECONDS));
            assertEquals(FunctionOutcome.Reason.INTER_DIGIT_TIMEOUT, events.finished.get(0).reason());
        }
    }

    @Test
    void collectDigitsEndsEmptyAfterTheOverallTimeout() throws Exception {
        try (TestPeer peer = new TestPeer()) {
            MediaSession s = echoSession(peer);
            CompletableFuture<String> result = s.collectDigits(DigitCollection.upTo(4)).toCompletableFuture();
            time.advance(DigitCollection.DEFAULT_OVERALL_TIMEOUT);
            assertEquals("", result.get(1, TimeUnit.SECONDS));
            assertEquals(FunctionOutcome.Reason.TIMEOUT, events.finished.get(0).reason());
        }
    }

    @Test
    void aReplacedDigitCollectionFailsWithVxmed013() throws Exception {
        try (TestPeer peer = new TestPeer()) {
            MediaSession s = echoSession(peer);
            CompletableFuture<String> result = s.collectDigits(DigitCollection.upTo(4)).toCompletableFuture();
            s.echo();
            ExecutionException e = assertThrows(ExecutionException.class, () -> result.get(1, TimeUnit.SECONDS));
            assertEquals(MediaErrorCode.FUNCTION_STOPPED, ((MediaException) e.getCause()).code());
            assertTrue(events.finished.isEmpty(), "a replaced function is not reported as finished");
            time.advance(Duration.ofMinutes(1));
            assertTrue(events.finished.isEmpty(), "its timers were cancelled");
        }
    }

    @Test
    void reportsQualityPeriodicallyAndAtClose() throws Exception {
        try (TestPeer peer = new TestPeer()) {
            MediaSession s = echoSession(peer);
            for (int i = 0; i < 10; i++) {
                peer.sendRtp(s.localAddress(), 0, i, 160L * i, PEER_SSRC, false, payload(i));
            }
            awaitReceived(s, 10);
            time.advance(MediaConfig.DEFAULT_QUALITY_REPORT_INTERVAL);
            assertEquals(1, events.reports.size());
            assertEquals(10, events.reports.get(0).packetsReceived());
            s.close();
            assertEquals(1, events.lastReports.size());
            MediaStatistics last = events.lastReports.get(0);
            assertNotNull(last.quality());
            assertTrue(last.quality().mos() > 4.0, "clean G.711: " + last.quality());
            s.close();
            assertEquals(1, events.lastReports.size(), "close is idempotent");
            time.advance(MediaConfig.DEFAULT_QUALITY_REPORT_INTERVAL.multipliedBy(3));
            assertEquals(1, events.reports.size(), "no report after close");
        }
    }

    @Test
    void functionsNeedNegotiatedParametersAndAnOpenSession() throws Exception {
        MediaSession s = transport.open(LOOPBACK);
        MediaException notConfigured = assertThrows(MediaException.class, s::echo);
        assertEquals(MediaErrorCode.NOT_CONFIGURED, notConfigured.code());
        s.close();
        MediaException closed = assertThrows(MediaException.class,
                () -> s.configure(MediaParameters.of(new InetSocketAddress(LOOPBACK, 9), G711Codec.PCMA, -1)));
        assertEquals(MediaErrorCode.SESSION_CLOSED, closed.code());
    }

    @Test
    void negotiatedParametersRejectUnknownCodecsAndBadValues() {
        InetSocketAddress r = new InetSocketAddress(LOOPBACK, 4000);
        assertEquals(MediaErrorCode.UNSUPPORTED_CODEC, assertThrows(MediaException.class,
                () -> MediaParameters.negotiated(r, "opus", 111, 48000, 20, 101, MediaDirection.SENDRECV)).code());
        assertEquals(MediaErrorCode.BAD_PARAMETERS, assertThrows(MediaException.class,
                () -> MediaParameters.negotiated(r, "PCMU", 0, 8000, 25, 101, MediaDirection.SENDRECV)).code());
        assertEquals(MediaErrorCode.BAD_PARAMETERS, assertThrows(MediaException.class,
                () -> MediaParameters.negotiated(r, "PCMU", 0, 8000, 20, 0, MediaDirection.SENDRECV)).code());
        MediaParameters g722 = MediaParameters.negotiated(r, "g722", 9, 8000, 20, -1, MediaDirection.ofSdp("sendonly"));
        assertEquals(320, g722.frameSamples());
        assertEquals(160, g722.frameTimestampIncrement(), "G.722 RTP clock is 8000 (RFC 3551 s4.5.2)");
    }

    @Test
    void sendsRtcpReportsWithCnameToThePortAboveTheRemoteRtpPort() throws Exception {
        transport.stop(Duration.ofSeconds(5));
        transport = MediaTransport.start(threads, time, super.config(), time, io.voxplane.media.rtp.IoMechanism.best());
        try (TestPeer rtcpPeer = new TestPeer()) {
            InetSocketAddress remoteRtp = new InetSocketAddress(LOOPBACK, rtcpPeer.address().getPort() - 1);
            MediaSession s = transport.open(LOOPBACK);
            s.configure(MediaParameters.of(remoteRtp, G711Codec.PCMU, -1));
            time.advanceMillis(10_000);
            TestPeer.Received r = rtcpPeer.receive(5000);
            assertNotNull(r, "an RTCP report within 10 s (first interval is at most 3.75 s)");
            assertEquals(s.rtcpAddress(), r.from());
            List<RtcpPacket> compound = RtcpCodec.parse(r.data(), 0, r.data().length);
            assertEquals(RtcpPacket.TYPE_RR, compound.get(0).packetType(), "nothing sent yet: RR");
            assertTrue(compound.get(1) instanceof SourceDescription sd && sd.chunks().get(0).ssrc() == s.ssrc());
        }
    }

    @Test
    void sendsSenderReportsOnceItSendsAndMeasuresTheRoundTripFromReportBlocks() throws Exception {
        transport.stop(Duration.ofSeconds(5));
        transport = MediaTransport.start(threads, time, super.config(), time, io.voxplane.media.rtp.IoMechanism.best());
        try (TestPeer rtcpPeer = new TestPeer(); TestPeer rtpPeer = new TestPeer()) {
            InetSocketAddress remoteRtp = new InetSocketAddress(LOOPBACK, rtcpPeer.address().getPort() - 1);
            MediaSession s = transport.open(LOOPBACK);
            s.configure(MediaParameters.of(remoteRtp, G711Codec.PCMU, -1));
            s.echo();
            rtpPeer.sendRtp(s.localAddress(), 0, 1, 0, PEER_SSRC, false, payload(1));
            awaitReceived(s, 1);
            assertTrue(TestPeer.await(() -> s.statistics().packetsSent() == 1, 5000));
            // step 1 ms at a time so the report's send time is known to the millisecond
            for (int ms = 0; ms < 10_000 && s.statistics().rtcpSent() == 0; ms++) {
                time.advanceMillis(1);
            }
            TestPeer.Received r = rtcpPeer.receive(5000);
            assertNotNull(r, "an RTCP report");
            assertTrue(RtcpCodec.parse(r.data(), 0, r.data().length).get(0) instanceof SenderReport,
                    "an SR after sending media");
            SenderReport sr = (SenderReport) RtcpCodec.parse(r.data(), 0, r.data().length).get(0);
            assertEquals(s.ssrc(), sr.ssrc());
            assertEquals(1, sr.packetCount());
            // the peer answers 100 ms later with a report block that held it for 60 ms: RTT 40 ms (s6.4.1)
            time.advanceMillis(100);
            long lsr = NtpTime.compact(sr.ntpTimestamp());
            long dlsr = NtpTime.compactDuration(60_000_000L);
            byte[] rr = RtcpCodec.write(List.of(new ReceiverReport(PEER_SSRC,
                    List.of(new ReportBlock(s.ssrc(), 0, 0, 1, 0, lsr, dlsr))), SourceDescription.cname(PEER_SSRC, "peer")));
            rtcpPeer.send(rr, s.rtcpAddress());
            assertTrue(TestPeer.await(() -> s.statistics().rtcpReceived() == 1, 5000));
            assertEquals(40, s.statistics().roundTripMillis(), 1.0);
            assertTrue(s.statistics().quality().oneWayDelayMillis() >= 20, "half the RTT counts as network delay");
        }
    }
}
