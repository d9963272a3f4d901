package io.voxplane.arquillian;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import io.voxplane.runtime.media.ConferenceCheck;
import io.voxplane.runtime.media.MediaPhone;
import io.voxplane.sip.SipResponse;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The real PBX WAR (sip-apps/pbx, with the runtime in WEB-INF/lib) in a managed Payara Micro 7:
 * both planes start from the container lifecycle, answer SIP from SIPp over UDP and TCP, and
 * report ready on MicroProfile Health. One deployment (one Payara Micro start) for all tests.
 * SIP listens on 127.0.0.1 at the port failsafe reserved ({@code voxplane.it.sip.port}).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class PbxDeploymentIT {

    private static final int SIP_PORT = Integer.getInteger("voxplane.it.sip.port", 5060);

    @ArquillianResource
    URL deployment;

    @Deployment(testable = false)
    static WebArchive pbx() {
        File war = new File(System.getProperty("voxplane.pbx.war", "../sip-apps/pbx/target/voxplane-pbx.war"));
        return ShrinkWrap.create(ZipImporter.class, "voxplane-pbx.war").importFrom(war).as(WebArchive.class);
    }

    @Test
    void threeCallersInConferenceRoom800EachHearTheOtherTwo() throws Exception {
        String[][] users = {{"alice", "secret1"}, {"bob", "secret2"}, {"carol", "secret3"}};
        double[] tones = {500, 900, 1400};
        MediaPhone[] room = new MediaPhone[3];
        InetSocketAddress server = new InetSocketAddress(InetAddress.getLoopbackAddress(), SIP_PORT);
        try {
            for (int i = 0; i < 3; i++) {
                room[i] = new MediaPhone(server);
                SipResponse ok = room[i].inviteAuthenticated("800", room[i].pcmuOffer(), users[i][0], users[i][1]);
                assertEquals(200, ok.status(), users[i][0] + " into room 800: " + ok.status());
                room[i].ack();
            }
            double[][] power = ConferenceCheck.run(room, tones, 100);
            for (int i = 0; i < 3; i++) {
                String report = users[i][0] + " heard: own tone " + power[i][i] + ", the others "
                        + power[i][(i + 1) % 3] + " and " + power[i][(i + 2) % 3];
                assertTrue(power[i][(i + 1) % 3] > 100 * power[i][i] && power[i][(i + 2) % 3] > 100 * power[i][i],
                        report);
            }
            for (MediaPhone phone : room) {
                assertEquals(200, phone.bye().status());
            }
        } finally {
            for (MediaPhone phone : room) {
                if (phone != null) {
                    phone.close();
                }
            }
        }
    }

    @Test
    void theVoiceMenu500PlaysThePromptFromTheWarAndKey1Echoes() throws Exception {
        try (MediaPhone phone = new MediaPhone(new InetSocketAddress(InetAddress.getLoopbackAddress(), SIP_PORT))) {
            SipResponse ok = phone.inviteAuthenticated("500", phone.pcmuOffer(), "alice", "secret1");
            assertEquals(200, ok.status());
            phone.ack();
            int prompt = 0;
            for (MediaPhone.Rtp p = phone.receiveRtp(); p != null; p = phone.receiveRtp()) {
                prompt++;
            }
            assertEquals(40, prompt, "the 800 ms menu prompt in 20 ms packets");
            phone.sendDigit(101, '1');
            byte[] payload = new byte[160];
            payload[3] = 33;
            MediaPhone.Rtp echoed = null;
            for (int attempt = 0; attempt < 20 && echoed == null; attempt++) {
                phone.sendRtp(0, payload, false);
                echoed = phone.receiveRtp();
            }
            assertTrue(echoed != null && java.util.Arrays.equals(payload, echoed.payload()), "key 1: echo");
            assertEquals(200, phone.bye().status());
        }
    }

    @Test
    void optionsOverUdpGets200() throws Exception {
        assertEquals(0, sipp("u1"), "SIPp OPTIONS scenario over UDP (exit code 0: 200 received)");
    }

    @Test
    void optionsOverTcpGets200() throws Exception {
        assertEquals(0, sipp("t1"), "SIPp OPTIONS scenario over TCP (exit code 0: 200 received)");
    }

    @Test
    void unauthenticatedRegisterIsChallengedWith401() throws Exception {
        String response = exchange(plainRequest("REGISTER", "sip:127.0.0.1", "alice", "it-register-1"));
        assertTrue(response.startsWith("SIP/2.0 401 "), response);
        assertTrue(response.contains("\r\nWWW-Authenticate: Digest "), response);
    }

    @Test
    void unauthenticatedInviteIsChallengedWith407() throws Exception {
        String response = exchange(plainRequest("INVITE", "sip:bob@127.0.0.1", "alice", "it-invite-1"));
        assertTrue(response.startsWith("SIP/2.0 407 "), response);
        assertTrue(response.contains("\r\nProxy-Authenticate: Digest "), response);
    }

    @Test
    void wrongPasswordIsRefusedWith403OverUdp() throws Exception {
        Path dir = Files.createTempDirectory("voxplane-sipp");
        Path users = dir.resolve("users.csv");
        Files.writeString(users, "SEQUENTIAL\nalice;wrong;[authentication username=alice password=wrong];"
                + freePort() + "\n");
        assertEquals(0, sipp(dir, "pbx-register-refused.xml", "u1", List.of("-inf", users.toString())),
                "SIPp saw 403 for a wrong password");
    }

    @Test
    void aliceCallsBobThroughThePbxOverUdp() throws Exception {
        call("u1");
    }

    @Test
    void aliceCallsBobThroughThePbxOverTcp() throws Exception {
        call("t1");
    }

    @Test
    void invalidRfc4475MessagesAreRefusedOrDroppedAndOptionsIsStillAnswered() throws Exception {
        Path vectors = Path.of(System.getProperty("voxplane.rfc4475.dir", "../container-ext/sip/src/test/resources/rfc4475"));
        List<String> invalid = List.of("badinv01", "clerr", "scalar02", "scalarlg", "quotbal", "ltgtruri", "lwsruri",
                "lwsstart", "trws", "escruri", "baddate", "regbadct", "badaspec", "baddn", "badvers", "mismatch01",
                "mismatch02", "bigcode", "insuf", "ncl", "multi01");
        int answered = 0;
        try (DatagramSocket client = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            client.setSoTimeout(300);
            InetSocketAddress server = new InetSocketAddress(InetAddress.getLoopbackAddress(), SIP_PORT);
            for (String name : invalid) {
                byte[] bytes = Files.readAllBytes(vectors.resolve(name + ".dat"));
                client.send(new DatagramPacket(bytes, bytes.length, server));
            }
            // Drain what comes back to this socket (most answers go to the vectors' own Via ports).
            DatagramPacket reply = new DatagramPacket(new byte[65_535], 65_535);
            try {
                while (true) {
                    client.receive(reply);
                    String text = new String(reply.getData(), 0, reply.getLength(), StandardCharsets.US_ASCII);
                    assertTrue(text.startsWith("SIP/2.0 4") || text.startsWith("SIP/2.0 5"), "not an error: " + text);
                    answered++;
                }
            } catch (java.net.SocketTimeoutException drained) {
                // nothing more within the bound
            }
        }
        String options = exchange(plainRequest("OPTIONS", "sip:127.0.0.1", "probe", "it-options-after-4475"));
        assertTrue(options.startsWith("SIP/2.0 200 "), "still answering after " + answered + " answers: " + options);
    }

    /** Bob's phone (SIPp uas) registers, alice registers and calls bob: one call, 0 failures. */
    private static void call(String transport) throws Exception {
        Path dir = Files.createTempDirectory("voxplane-sipp");
        int bobPort = freePort();
        Path bobUsers = dir.resolve("bob.csv");
        Files.writeString(bobUsers, "SEQUENTIAL\nbob;secret2;[authentication username=bob password=secret2];"
                + bobPort + "\n");
        Path aliceUsers = dir.resolve("alice.csv");
        Files.writeString(aliceUsers, "SEQUENTIAL\nalice;secret1;[authentication username=alice password=secret1];"
                + freePort() + "\n");
        Path callUsers = dir.resolve("call.csv");
        Files.writeString(callUsers, "SEQUENTIAL\nalice;secret1;[authentication username=alice password=secret1];bob\n");

        Process bob = start(dir, "pbx-call-uas.xml", transport, bobPort, List.of(), "bob-uas");
        try {
            assertEquals(0, sipp(dir, "pbx-register.xml", transport, List.of("-inf", bobUsers.toString())),
                    "bob registers with digest over " + transport);
            assertEquals(0, sipp(dir, "pbx-register.xml", transport, List.of("-inf", aliceUsers.toString())),
                    "alice registers with digest over " + transport);
            assertEquals(0, sipp(dir, "pbx-call-uac.xml", transport, List.of("-inf", callUsers.toString(),
                            // the digest uri must be the Request-URI (RFC 3261 s22.4); SIPp prefixes sip: to this, default remote ip:port
                            "-auth_uri", "bob@127.0.0.1")),
                    "alice's call: INVITE/407/ACK/INVITE+auth/180/200/ACK/BYE/200 over " + transport + ", see " + dir);
            assertTrue(bob.waitFor(30, TimeUnit.SECONDS), "bob's SIPp finished");
            assertEquals(0, bob.exitValue(), "bob's side: INVITE/180/200/ACK/BYE/200 with 0 failed calls, see " + dir);
        } finally {
            bob.destroyForcibly();
        }
    }

    private static String plainRequest(String method, String uri, String user, String callId) {
        return method + " " + uri + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:%PORT%;branch=z9hG4bK-" + callId + "\r\n"
                + "From: <sip:" + user + "@127.0.0.1>;tag=it1\r\n"
                + "To: <" + uri + ">\r\n"
                + "Call-ID: " + callId + "@127.0.0.1\r\n"
                + "CSeq: 1 " + method + "\r\n"
                + "Contact: <sip:" + user + "@127.0.0.1:%PORT%>\r\n"
                + "Max-Forwards: 70\r\n"
                + "Content-Length: 0\r\n\r\n";
    }

    /** Sends {@code template} (with %PORT% as the client's port) over UDP; the first final response. */
    private static String exchange(String template) throws Exception {
        try (DatagramSocket client = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            client.setSoTimeout(10_000);
            byte[] bytes = template.replace("%PORT%", Integer.toString(client.getLocalPort()))
                    .getBytes(StandardCharsets.US_ASCII);
            client.send(new DatagramPacket(bytes, bytes.length,
                    new InetSocketAddress(InetAddress.getLoopbackAddress(), SIP_PORT)));
            while (true) {
                DatagramPacket reply = new DatagramPacket(new byte[65_535], 65_535);
                client.receive(reply);
                String response = new String(reply.getData(), 0, reply.getLength(), StandardCharsets.US_ASCII);
                if (!response.startsWith("SIP/2.0 1")) {
                    return response;
                }
            }
        }
    }

    private static int freePort() throws IOException {
        try (java.net.ServerSocket tcp = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return tcp.getLocalPort();
        }
    }

    private static Process start(Path dir, String resource, String transport, int localPort, List<String> extra,
                                 String logName) throws IOException {
        Path scenario = dir.resolve(resource);
        try (InputStream in = PbxDeploymentIT.class.getResourceAsStream("/" + resource)) {
            Files.copy(in, scenario, StandardCopyOption.REPLACE_EXISTING);
        }
        List<String> command = new java.util.ArrayList<>(List.of("sipp", "127.0.0.1:" + SIP_PORT, "-sf",
                scenario.toString(), "-m", "1", "-t", transport, "-i", "127.0.0.1", "-p", Integer.toString(localPort),
                "-timeout", "30s", "-timeout_error", "-trace_err", "-trace_msg", "-error_file",
                dir.resolve(logName + "-errors.log").toString(), "-message_file", dir.resolve(logName + "-messages.log").toString()));
        command.addAll(extra);
        return new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve(logName + ".out").toFile()).start();
    }

    /** Runs one SIPp scenario to its end; SIPp's exit code (0: every call succeeded). */
    private static int sipp(Path dir, String resource, String transport, List<String> extra)
            throws IOException, InterruptedException {
        String logName = resource.replace(".xml", "") + "-" + transport + "-" + System.nanoTime();
        Process sipp = start(dir, resource, transport, freePort(), extra, logName);
        if (!sipp.waitFor(60, TimeUnit.SECONDS)) {
            sipp.destroyForcibly();
            throw new AssertionError("SIPp did not finish within 60 s; output in " + dir);
        }
        return sipp.exitValue();
    }

    @Test
    void adminEndpointAndMetricsShowThePlanesAndRefuseARemoteShutdownByDefault() throws Exception {
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build()) {
            HttpResponse<String> tasks = http.send(HttpRequest.newBuilder(deployment.toURI().resolve("voxplane/admin/tasks"))
                    .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, tasks.statusCode(), tasks.body());
            assertTrue(tasks.body().contains("signaling") && tasks.body().contains("transport"), tasks.body());

            HttpResponse<String> shutdown = http.send(HttpRequest.newBuilder(deployment.toURI().resolve("voxplane/admin/shutdown"))
                    .POST(HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(20)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(403, shutdown.statusCode(), "POST shutdown is off unless voxplane.admin.shutdown-enabled=true: "
                    + shutdown.body());

            HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(deployment.toURI().resolve("/metrics?scope=application"))
                    .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, metrics.statusCode(), metrics.body());
            assertTrue(metrics.body().contains("voxplane_calls_active"), metrics.body());
            assertTrue(metrics.body().contains("voxplane_tasks_active"), metrics.body());
        }
    }

    @Test
    void readinessIsUpWithBothPlanes() throws Exception {
        URI ready = deployment.toURI().resolve("/health/ready");
        HttpResponse<String> response;
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build()) {
            response = http.send(HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(20)).build(),
                    HttpResponse.BodyHandlers.ofString());
        }
        assertEquals(200, response.statusCode(), response.body());
        String body = response.body().replace(" ", "");
        assertTrue(body.contains("\"status\":\"UP\""), body);
        assertTrue(body.contains("\"name\":\"voxplane-transport\""), body);
        assertTrue(body.contains("\"name\":\"voxplane-signaling\""), body);
        assertTrue(body.contains("\"name\":\"voxplane-media\""), body);
    }

    /** Runs the one-call OPTIONS scenario (written to a temp file) and returns SIPp's exit code. */
    private static int sipp(String transport) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("voxplane-sipp");
        Path scenario = dir.resolve("options-uac.xml");
        try (InputStream in = PbxDeploymentIT.class.getResourceAsStream("/options-uac.xml")) {
            Files.copy(in, scenario, StandardCopyOption.REPLACE_EXISTING);
        }
        int localPort;
        try (DatagramSocket probe = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            localPort = probe.getLocalPort();
        }
        Path log = dir.resolve("sipp-" + transport + ".out");
        Process sipp = new ProcessBuilder(List.of("sipp", "127.0.0.1:" + SIP_PORT, "-sf", scenario.toString(),
                "-m", "1", "-t", transport, "-i", "127.0.0.1", "-p", Integer.toString(localPort),
                "-timeout", "20s", "-timeout_error", "-trace_err", "-error_file", dir.resolve("errors.log").toString()))
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        if (!sipp.waitFor(60, TimeUnit.SECONDS)) {
            sipp.destroyForcibly();
            throw new AssertionError("SIPp did not finish within 60 s; output in " + log);
        }
        return sipp.exitValue();
    }
}
