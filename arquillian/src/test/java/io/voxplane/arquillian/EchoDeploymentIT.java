package io.voxplane.arquillian;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The echo WAR (sip-apps/echo) in a managed Payara Micro 7: all three planes start from the
 * container lifecycle; SIPp calls the echo number. One deployment for all echo tests.
 * <ul>
 * <li>SIPp plays sip-tester's {@code g711a.pcap} (236 PCMA packets of 30 ms) from its own media
 * socket; the echo app's INFO answer (the media plane's counters) shows every packet received
 * and echoed;</li>
 * <li>SIPp does the signaling with an offer naming a test socket, which sends the pcap's payloads
 * itself and compares every echoed payload;</li>
 * <li>SIPp plays {@code dtmf_2833_1.pcap} (RFC 2833/4733 key 1); the app saw the digit.</li>
 * </ul>
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class EchoDeploymentIT {

    private static final int SIP_PORT = Integer.getInteger("voxplane.it.sip.port", 5060);
    private static final Path SIP_TESTER = Path.of("/usr/share/sip-tester");
    private static final Pattern STATS = Pattern.compile("STATS received=(\\d+) sent=(\\d+) digits=(\\S*)");
    private static final Pattern MEDIA_PORT = Pattern.compile("MEDIA-PORT (\\d+)");

    @Deployment(testable = false)
    static WebArchive echo() {
        File war = new File(System.getProperty("voxplane.echo.war", "../sip-apps/echo/target/voxplane-echo.war"));
        // quality reports (the INFO answer's counters) every 200 ms instead of 10 s
        return ShrinkWrap.create(ZipImporter.class, "voxplane-echo.war").importFrom(war).as(WebArchive.class)
                .addAsResource(new StringAsset("voxplane.media.quality-report-interval=200\n"),
                        "META-INF/microprofile-config.properties");
    }

    @Test
    void sippPlaysTheG711aPcapAndEveryPacketIsReceivedAndEchoed() throws Exception {
        int packets = PcapRtp.read(SIP_TESTER.resolve("g711a.pcap")).size();
        assertEquals(236, packets, "sip-tester's g711a.pcap");
        Call call = sipp("[media_port]", play("g711a.pcap"), 9_500);
        assertEquals(0, call.exit(), "SIPp: INVITE/200/ACK, pcap, INFO/200 with counters, BYE/200; see " + call.dir());
        Matcher stats = call.log(STATS);
        assertEquals(packets, Integer.parseInt(stats.group(1)), "RTP packets the media plane received: " + call.dir());
        assertEquals(packets, Integer.parseInt(stats.group(2)), "RTP packets echoed back: " + call.dir());
    }

    @Test
    void aTestSocketHearsEveryG711aPayloadBackUnchanged() throws Exception {
        List<PcapRtp> pcap = PcapRtp.read(SIP_TESTER.resolve("g711a.pcap"));
        try (DatagramSocket peer = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            peer.setSoTimeout(5_000);
            Call call = sippInBackground(Integer.toString(peer.getLocalPort()), "", 8_000);
            InetSocketAddress media = new InetSocketAddress(InetAddress.getLoopbackAddress(),
                    Integer.parseInt(call.awaitLog(MEDIA_PORT).group(1)));
            int echoed = 0;
            int sequence = 7000;
            long timestamp = 90_000;
            for (PcapRtp packet : pcap) {
                ByteBuffer rtp = ByteBuffer.allocate(12 + packet.payload().length);
                rtp.put((byte) 0x80).put((byte) (packet.payloadType() | (echoed == 0 ? 0x80 : 0)))
                        .putShort((short) sequence++).putInt((int) timestamp).putInt(0x5EED5EED).put(packet.payload());
                timestamp += packet.payload().length;
                peer.send(new DatagramPacket(rtp.array(), rtp.capacity(), media));
                DatagramPacket back = new DatagramPacket(new byte[2048], 2048);
                try {
                    peer.receive(back);
                } catch (SocketTimeoutException e) {
                    throw new AssertionError("no echo of packet " + echoed + " within 5 s", e);
                }
                byte[] data = back.getData();
                assertEquals(packet.payloadType(), data[1] & 0x7F, "payload type of echo " + echoed);
                int header = 12 + 4 * (data[0] & 0x0F);
                assertArrayEquals(packet.payload(), Arrays.copyOfRange(data, header, back.getLength()),
                        "payload of echo " + echoed);
                echoed++;
            }
            assertEquals(pcap.size(), echoed);
            assertTrue(call.process().waitFor(60, TimeUnit.SECONDS), "SIPp finished");
            assertEquals(0, call.process().exitValue(), "SIPp's call; see " + call.dir());
            Matcher stats = call.log(STATS);
            assertEquals(pcap.size(), Integer.parseInt(stats.group(1)), "received, per the media plane");
            assertEquals(pcap.size(), Integer.parseInt(stats.group(2)), "echoed, per the media plane");
        }
    }

    @Test
    void dtmfFromSippsRfc2833PcapReachesTheApp() throws Exception {
        List<PcapRtp> events = PcapRtp.read(SIP_TESTER.resolve("dtmf_2833_1.pcap"));
        assertEquals(101, events.get(0).payloadType());
        assertEquals(1, events.get(0).payload()[0], "the pcap's event is key 1");
        Call call = sipp("[media_port]", play("dtmf_2833_1.pcap"), 2_500);
        assertEquals(0, call.exit(), "SIPp's call; see " + call.dir());
        assertEquals("1", call.log(STATS).group(3), "digits the echo app received");
    }

    // ------------------------------------------------------------------ SIPp

    /** One SIPp run: its process, directory and actions log. */
    private record Call(Process process, Path dir, Path log) {

        int exit() throws InterruptedException {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("SIPp did not finish within 60 s; see " + dir);
            }
            return process.exitValue();
        }

        /** The first log line matching {@code pattern}, failing when there is none. */
        Matcher log(Pattern pattern) throws IOException {
            Matcher m = find(pattern);
            if (m == null) {
                throw new AssertionError("no " + pattern + " in SIPp's log " + log);
            }
            return m;
        }

        /** Waits (bounded, 30 s) for a log line matching {@code pattern} while SIPp runs. */
        Matcher awaitLog(Pattern pattern) throws IOException, InterruptedException {
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (System.nanoTime() < end) {
                Matcher m = find(pattern);
                if (m != null) {
                    return m;
                }
                if (process.waitFor(50, TimeUnit.MILLISECONDS)) {
                    m = find(pattern);
                    if (m == null) {
                        throw new AssertionError("SIPp ended (" + process.exitValue() + ") without " + pattern
                                + "; see " + dir);
                    }
                    return m;
                }
            }
            throw new AssertionError("no " + pattern + " in SIPp's log within 30 s; see " + dir);
        }

        private Matcher find(Pattern pattern) throws IOException {
            if (!Files.exists(log)) {
                return null;
            }
            Matcher m = pattern.matcher(Files.readString(log, StandardCharsets.ISO_8859_1));
            return m.find() ? m : null;
        }
    }

    private static String play(String pcap) {
        return "<nop><action><exec play_pcap_audio=\"" + SIP_TESTER.resolve(pcap) + "\"/></action></nop>";
    }

    private static Call sipp(String rtpPort, String play, int pauseMillis) throws IOException {
        return sippInBackground(rtpPort, play, pauseMillis);
    }

    private static Call sippInBackground(String rtpPort, String play, int pauseMillis) throws IOException {
        Path dir = Files.createTempDirectory("voxplane-echo-sipp");
        String template;
        try (InputStream in = EchoDeploymentIT.class.getResourceAsStream("/echo-call-uac.xml")) {
            template = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
        Path scenario = dir.resolve("echo-call-uac.xml");
        Files.writeString(scenario, template.replace("%RTP_PORT%", rtpPort).replace("%PLAY%", play)
                .replace("%PAUSE_MS%", Integer.toString(pauseMillis)), StandardCharsets.ISO_8859_1);
        Path log = dir.resolve("actions.log");
        List<String> command = new ArrayList<>(List.of("sipp", "127.0.0.1:" + SIP_PORT, "-sf", scenario.toString(),
                "-m", "1", "-t", "u1", "-i", "127.0.0.1", "-p", Integer.toString(freePort()),
                "-mp", Integer.toString(freeEvenPortPair()), "-timeout", "45s", "-timeout_error",
                "-trace_err", "-error_file", dir.resolve("errors.log").toString(),
                "-trace_msg", "-message_file", dir.resolve("messages.log").toString(),
                "-trace_logs", "-log_file", log.toString()));
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("sipp.out").toFile()).start();
        return new Call(process, dir, log);
    }

    private static int freePort() throws IOException {
        try (DatagramSocket probe = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            return probe.getLocalPort();
        }
    }

    /** A free even port whose successor is free too (SIPp's media port and its RTCP). */
    private static int freeEvenPortPair() throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            int port = freePort() & ~1;
            try (DatagramSocket a = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
                 DatagramSocket b = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), port + 1))) {
                assertNotNull(a);
                assertNotNull(b);
                return port;
            } catch (java.net.BindException taken) {
                // try another
            }
        }
        throw new IOException("no free even port pair on loopback");
    }
}
