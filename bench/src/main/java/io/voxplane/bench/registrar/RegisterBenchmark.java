package io.voxplane.bench.registrar;

import io.voxplane.sip.AuthValue;
import io.voxplane.sip.SipParseException;
import io.voxplane.sip.SipParser;
import io.voxplane.sip.SipRequest;
import io.voxplane.sip.SipResponse;
import io.voxplane.stack.auth.DigestAlgorithm;
import io.voxplane.stack.auth.DigestAuthenticator;
import io.voxplane.stack.auth.DigestAuthenticatorConfig;
import io.voxplane.stack.auth.DigestComputation;
import io.voxplane.stack.auth.InMemoryCredentialStore;
import io.voxplane.stack.registrar.InMemoryLocationStore;
import io.voxplane.stack.registrar.Registrar;
import io.voxplane.stack.registrar.RegistrarConfig;
import io.voxplane.stack.registrar.RegistrarTransactionUser;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * REGISTERs per second through the registrar's CPU path on one thread, without sockets or the
 * transaction layer: bytes in, parse, digest verification (RFC 7616 / RFC 8760), location
 * update (RFC 3261 s10.3), 200 OK serialised out.
 *
 * <ul>
 *   <li>{@code authenticatedRegister}: a REGISTER with correct credentials (a distinct user,
 *   nonce and nc each time, so the replay cache never refuses it) answered 200.</li>
 *   <li>{@code challenge}: a REGISTER without credentials answered 401 with two challenges.</li>
 * </ul>
 * The authenticated requests are built in setup (the client's digest is not measured). When an
 * iteration has used them all, the registrar and the replay cache are replaced so the requests
 * are fresh again; that happens at most a few times per iteration and shows in the score.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RegisterBenchmark {

    private static final String REALM = "bench.voxplane";
    private static final int USERS = 1000;
    private static final int REQUESTS = 1 << 16;
    private static final long NOW = 1_760_000_000_000L;

    @Param({"SHA_256", "MD5"})
    public DigestAlgorithm algorithm;

    private final SipParser parser = SipParser.withDefaults();
    private final InstantSource clock = () -> Instant.ofEpochMilli(NOW);
    private byte[] secret;
    private InMemoryCredentialStore users;
    private byte[][] authenticated;
    private byte[] unauthenticated;
    private RegistrarTransactionUser registrar;
    private int next;

    @Setup(Level.Trial)
    public void setUp() throws SipParseException {
        secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        Map<String, String> properties = new HashMap<>();
        for (int u = 0; u < USERS; u++) {
            properties.put("user.u" + u + ".password", "pw-" + u);
        }
        users = InMemoryCredentialStore.fromProperties(properties);
        newRegistrar();
        unauthenticated = register(0, 1, null);
        authenticated = new byte[REQUESTS][];
        for (int i = 0; i < REQUESTS; i++) {
            int user = i % USERS;
            SipResponse challenge = registrar.answer(parse(register(user, 1, null)));
            AuthValue offered = challenge.wwwAuthenticates().stream()
                    .filter(c -> c.parameter("algorithm").orElse("").equals(algorithm.token())).findFirst().orElseThrow();
            authenticated[i] = register(user, 2 + i / USERS, credentials(offered, user));
        }
        newRegistrar();
    }

    @Benchmark
    public byte[] authenticatedRegister() throws SipParseException {
        if (next == REQUESTS) {
            newRegistrar();
        }
        SipResponse response = registrar.answer(parse(authenticated[next++]));
        if (response.status() != 200) {
            throw new IllegalStateException("expected 200, got " + response.status() + " " + response.reason());
        }
        return response.toBytes();
    }

    @Benchmark
    public byte[] challenge() throws SipParseException {
        return registrar.answer(parse(unauthenticated)).toBytes();
    }

    private void newRegistrar() {
        next = 0;
        registrar = new RegistrarTransactionUser(
                new Registrar(RegistrarConfig.defaults(), new InMemoryLocationStore(), clock),
                Optional.of(new DigestAuthenticator(DigestAuthenticatorConfig.builder(REALM, secret)
                        .maxTrackedNonces(REQUESTS).build(), users, clock)));
    }

    private SipRequest parse(byte[] bytes) throws SipParseException {
        return (SipRequest) parser.parse(bytes);
    }

    private String credentials(AuthValue challenge, int user) {
        String nonce = challenge.nonce().orElseThrow();
        String username = "u" + user;
        String response = DigestComputation.response(algorithm,
                DigestComputation.ha1(algorithm, username, REALM, "pw-" + user), nonce, "00000001", "cn" + user, "auth",
                DigestComputation.ha2(algorithm, "REGISTER", "sip:bench.voxplane"));
        return AuthValue.digest(List.of(new AuthValue.Param("username", username, true),
                new AuthValue.Param("realm", REALM, true), new AuthValue.Param("nonce", nonce, true),
                new AuthValue.Param("uri", "sip:bench.voxplane", true), new AuthValue.Param("response", response, true),
                new AuthValue.Param("algorithm", algorithm.token(), false), new AuthValue.Param("cnonce", "cn" + user, true),
                new AuthValue.Param("qop", "auth", false), new AuthValue.Param("nc", "00000001", false))).toString();
    }

    private static byte[] register(int user, long cseq, String authorization) {
        String text = "REGISTER sip:bench.voxplane SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:5070;branch=z9hG4bK-bench-" + user + "-" + cseq + ";rport\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: <sip:u" + user + "@bench.voxplane>;tag=bench" + user + "\r\n"
                + "To: <sip:u" + user + "@bench.voxplane>\r\n"
                + "Call-ID: bench-" + user + "@127.0.0.1\r\n"
                + "CSeq: " + cseq + " REGISTER\r\n"
                + "Contact: <sip:u" + user + "@127.0.0.1:5070;transport=udp>\r\n"
                + (authorization == null ? "" : "Authorization: " + authorization + "\r\n")
                + "Expires: 3600\r\n"
                + "Content-Length: 0\r\n\r\n";
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
