package io.voxplane.stack.registrar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.voxplane.stack.auth.DigestAlgorithm;
import io.voxplane.stack.auth.DigestAuthenticator;
import io.voxplane.stack.auth.DigestAuthenticatorConfig;
import io.voxplane.stack.auth.InMemoryCredentialStore;
import io.voxplane.stack.sipp.Sipp;
import io.voxplane.stack.timer.ScheduledTimerService;
import io.voxplane.stack.transaction.TransactionConfig;
import io.voxplane.stack.transport.ListenPoint;
import io.voxplane.stack.transport.TransportConfig;
import io.voxplane.stack.transport.TransportType;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * SIPp, an independent SIP implementation, registers users to a {@link RegistrarEndpoint} with
 * digest authentication: its scenario (test resource {@code sipp/register-digest.xml}) sends
 * REGISTER, takes the 401 challenge, answers it with {@code [authentication]} and expects 200;
 * users come from an injection file. A wrong password must get 403
 * ({@code sipp/register-digest-refused.xml}).
 *
 * <p>The registrar offers MD5 only here: SIPp 3.6 answers the first challenge it gets and
 * implements only MD5 ("createAuthHeader: authentication must use MD5 or AKAv1-MD5"), so the
 * default SHA-256-first challenge pair (RFC 8760) would stop it; SHA-256 is covered by
 * {@code DigestAuthenticatorTest} and {@code RegistrarTransactionUserTest}.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SippRegisterTest {

    private static final String REALM = "voxplane.test";

    private ScheduledThreadPoolExecutor scheduler;
    private RegistrarTransactionUser registrar;
    private RegistrarEndpoint endpoint;

    @BeforeEach
    void setUp() throws IOException {
        assumeTrue(Sipp.installed(), "sipp is not installed (apt-get install sip-tester)");
        scheduler = new ScheduledThreadPoolExecutor(1, Thread.ofPlatform().name("vx-test-timer-", 0).daemon().factory());
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        registrar = new RegistrarTransactionUser(
                new Registrar(RegistrarConfig.defaults(), new InMemoryLocationStore(), InstantSource.system()),
                Optional.of(new DigestAuthenticator(DigestAuthenticatorConfig.builder(REALM, secret)
                        .algorithms(List.of(DigestAlgorithm.MD5)).build(),
                        InMemoryCredentialStore.fromProperties(users(resource("users.csv"))), InstantSource.system())));
    }

    @AfterEach
    void tearDown() {
        if (endpoint != null) {
            assertTrue(endpoint.stop(Duration.ofSeconds(10)), "transport stopped in time");
        }
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }

    @Test
    void sippRegistersEveryUserWithDigestOverUdp() throws IOException {
        registersEveryUser(TransportType.UDP, "u1");
    }

    @Test
    void sippRegistersEveryUserWithDigestOverTcp() throws IOException {
        registersEveryUser(TransportType.TCP, "t1");
    }

    @Test
    void wrongPasswordIsRefusedWith403() throws IOException {
        endpoint = start(TransportType.UDP);
        Path csv = resource("users-wrong-password.csv");
        int users = users(csv).size();
        Sipp.Result result = Sipp.scenario(resource("register-digest-refused.xml"), remote())
                .option("-inf", csv.toString())
                .calls(users)
                .rate(100)
                .timeout(Duration.ofSeconds(60))
                .run();

        assertEquals(0, result.exitCode(), result.toString());
        assertEquals(users, result.successfulCalls(), "every scenario saw its 403\n" + result);
        assertEquals(0, registrar.registered());
        assertTrue(registrar.registrar().lookup("sip:user01@127.0.0.1").isEmpty());
    }

    private void registersEveryUser(TransportType transport, String sippMode) throws IOException {
        endpoint = start(transport);
        Path csv = resource("users.csv");
        int users = users(csv).size();
        Sipp.Result result = Sipp.scenario(resource("register-digest.xml"), remote())
                .transport(sippMode)
                .option("-inf", csv.toString())
                .calls(users)
                .rate(200)
                .timeout(Duration.ofSeconds(60))
                .run();

        assertEquals(0, result.exitCode(), result.toString());
        assertEquals(users, result.successfulCalls(), result.toString());
        assertEquals(0, result.failedCalls(), result.toString());
        assertEquals(users, registrar.registered());
        for (int i = 1; i <= users; i++) {
            String aor = String.format("sip:user%02d@127.0.0.1", i);
            assertEquals(1, registrar.registrar().lookup(aor).size(), aor);
        }
        assertEquals(0, endpoint.transport().statistics().parseErrors());
    }

    private RegistrarEndpoint start(TransportType transport) {
        InetSocketAddress any = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        ListenPoint listen = transport == TransportType.UDP ? ListenPoint.udp(any) : ListenPoint.tcp(any);
        return RegistrarEndpoint.start(listen, TransportConfig.builder().build(), TransactionConfig.defaults(),
                Thread.ofPlatform().name("vx-test-io-", 0).daemon().factory(), new ScheduledTimerService(scheduler),
                registrar);
    }

    private String remote() {
        return "127.0.0.1:" + endpoint.address().getPort();
    }

    /** {@code user.<name>.password} entries from a SIPp injection file ({@code name;password} lines). */
    private static Map<String, String> users(Path csv) throws IOException {
        Map<String, String> users = new HashMap<>();
        List<String> lines = Files.readAllLines(csv, StandardCharsets.US_ASCII);
        for (String line : lines.subList(1, lines.size())) {
            String[] fields = line.split(";");
            users.put(InMemoryCredentialStore.USER_PREFIX + fields[0] + ".password", fields[1]);
        }
        return users;
    }

    private static Path resource(String name) {
        try {
            return Path.of(SippRegisterTest.class.getResource("/sipp/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
