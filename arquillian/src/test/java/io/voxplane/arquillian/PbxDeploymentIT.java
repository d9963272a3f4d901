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
    void optionsOverUdpGets200() throws Exception {
        assertEquals(0, sipp("u1"), "SIPp OPTIONS scenario over UDP (exit code 0: 200 received)");
    }

    @Test
    void optionsOverTcpGets200() throws Exception {
        assertEquals(0, sipp("t1"), "SIPp OPTIONS scenario over TCP (exit code 0: 200 received)");
    }

    @Test
    void registerWithoutRegistrarGets405WithAllow() throws Exception {
        try (DatagramSocket client = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            client.setSoTimeout(10_000);
            String register = "REGISTER sip:127.0.0.1 SIP/2.0\r\n"
                    + "Via: SIP/2.0/UDP 127.0.0.1:" + client.getLocalPort() + ";branch=z9hG4bK-it-reg-1\r\n"
                    + "From: <sip:alice@127.0.0.1>;tag=it1\r\n"
                    + "To: <sip:alice@127.0.0.1>\r\n"
                    + "Call-ID: it-register-1@127.0.0.1\r\n"
                    + "CSeq: 1 REGISTER\r\n"
                    + "Contact: <sip:alice@127.0.0.1:" + client.getLocalPort() + ">\r\n"
                    + "Max-Forwards: 70\r\n"
                    + "Content-Length: 0\r\n\r\n";
            byte[] bytes = register.getBytes(StandardCharsets.US_ASCII);
            client.send(new DatagramPacket(bytes, bytes.length,
                    new InetSocketAddress(InetAddress.getLoopbackAddress(), SIP_PORT)));
            DatagramPacket reply = new DatagramPacket(new byte[65_535], 65_535);
            client.receive(reply);
            String response = new String(reply.getData(), 0, reply.getLength(), StandardCharsets.US_ASCII);
            assertTrue(response.startsWith("SIP/2.0 405 "), response);
            assertTrue(response.contains("\r\nAllow: INVITE, ACK, CANCEL, BYE, OPTIONS\r\n"), response);
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
