package io.voxplane.bench.sipp;

import io.voxplane.stack.auth.DigestAlgorithm;
import io.voxplane.stack.auth.DigestAuthenticator;
import io.voxplane.stack.auth.DigestAuthenticatorConfig;
import io.voxplane.stack.auth.InMemoryCredentialStore;
import io.voxplane.stack.registrar.InMemoryLocationStore;
import io.voxplane.stack.registrar.Registrar;
import io.voxplane.stack.registrar.RegistrarConfig;
import io.voxplane.stack.registrar.RegistrarEndpoint;
import io.voxplane.stack.registrar.RegistrarTransactionUser;
import io.voxplane.stack.registrar.RegistrationSweeper;
import io.voxplane.stack.timer.ScheduledTimerService;
import io.voxplane.stack.transport.ListenPoint;
import io.voxplane.stack.transport.TransportConfig;
import java.io.IOException;
import java.io.Reader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;

/**
 * A standalone registrar with digest authentication on the stack, without a container: REGISTER
 * (RFC 3261 s10.3, challenged with 401), OPTIONS 200, anything else 405, on UDP and TCP at one
 * address. The far end of {@code bench/sipp/register.sh} and the target of {@code bin/registrar-server}.
 *
 * <p>Outside a container there is no managed executor to borrow from, so this tool makes its own
 * event-loop thread factory and one timer thread, and shuts both down on exit (SIGTERM/Ctrl-C).
 *
 * <p>Settings (environment):
 * <ul>
 *   <li>{@code VOXPLANE_SIP_HOST} (127.0.0.1), {@code VOXPLANE_SIP_PORT} (5060),
 *   {@code VOXPLANE_IO_THREADS} (event loops per transport, default Netty's);</li>
 *   <li>{@code VOXPLANE_AUTH_USERS}: a properties file of {@code user.<name>.password} /
 *   {@code user.<name>.ha1.<algorithm>} entries (see {@link InMemoryCredentialStore}); without it
 *   nobody can register;</li>
 *   <li>{@code VOXPLANE_AUTH_REALM} (voxplane), {@code VOXPLANE_AUTH_ALGORITHMS} (SHA-256,MD5;
 *   SIPp 3.6 needs MD5 alone);</li>
 *   <li>{@code VOXPLANE_AUTH_SECRET}: the nonce HMAC key (at least 16 bytes); when unset a random
 *   one is drawn at start, so nonces do not survive a restart.</li>
 * </ul>
 */
public final class RegistrarServer {

    private RegistrarServer() {
    }

    public static void main(String[] args) throws InterruptedException, IOException {
        String host = env("VOXPLANE_SIP_HOST", "127.0.0.1");
        int port = Integer.parseInt(env("VOXPLANE_SIP_PORT", "5060"));
        int ioThreads = Integer.parseInt(env("VOXPLANE_IO_THREADS", "0"));
        String realm = env("VOXPLANE_AUTH_REALM", "voxplane");
        List<DigestAlgorithm> algorithms = new ArrayList<>();
        for (String token : env("VOXPLANE_AUTH_ALGORITHMS", "SHA-256,MD5").split(",")) {
            algorithms.add(DigestAlgorithm.fromToken(token.trim())
                    .orElseThrow(() -> new IllegalArgumentException("VOXPLANE_AUTH_ALGORITHMS: unknown " + token)));
        }
        InMemoryCredentialStore users = users(env("VOXPLANE_AUTH_USERS", ""));

        ThreadFactory io = Thread.ofPlatform().name("vx-reg-io-", 0).factory();
        ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1,
                Thread.ofPlatform().name("vx-reg-timer-", 0).daemon().factory());
        scheduler.setRemoveOnCancelPolicy(true);
        ScheduledTimerService timers = new ScheduledTimerService(scheduler);
        InstantSource clock = InstantSource.system();
        InMemoryLocationStore store = new InMemoryLocationStore();
        RegistrarConfig registrarConfig = RegistrarConfig.defaults();
        RegistrarTransactionUser registrar = new RegistrarTransactionUser(
                new Registrar(registrarConfig, store, clock),
                Optional.of(new DigestAuthenticator(DigestAuthenticatorConfig.builder(realm, secret())
                        .algorithms(algorithms).build(), users, clock)));
        RegistrationSweeper sweeper = new RegistrationSweeper(store, timers, clock, registrarConfig.sweepInterval());
        sweeper.start();

        TransportConfig transport = TransportConfig.builder().eventLoopThreads(ioThreads).build();
        InetSocketAddress address = new InetSocketAddress(host, port);
        RegistrarEndpoint udp = RegistrarEndpoint.start(ListenPoint.udp(address), transport,
                SipServer.transactionConfig(), io, timers, registrar);
        RegistrarEndpoint tcp = RegistrarEndpoint.start(ListenPoint.tcp(address), transport,
                SipServer.transactionConfig(), io, timers, registrar);
        System.out.printf("voxplane registrar-server: listening on udp %s and tcp %s (%s), realm %s, %d users, %s%n",
                udp.address(), tcp.address(), udp.transport().ioTransport(), realm, users.size(), algorithms);

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(() -> {
            sweeper.stop();
            udp.stop(Duration.ofSeconds(5));
            tcp.stop(Duration.ofSeconds(5));
            scheduler.shutdownNow();
            System.out.println("voxplane registrar-server: stopped; registered " + registrar.registered()
                    + ", rejected " + registrar.rejected() + ", AORs " + store.size() + "; udp "
                    + udp.transport().statistics() + "; tcp " + tcp.transport().statistics());
            stopped.countDown();
        }));
        stopped.await();
    }

    private static InMemoryCredentialStore users(String file) throws IOException {
        if (file.isBlank()) {
            System.out.println("voxplane registrar-server: VOXPLANE_AUTH_USERS is not set; no user can register");
            return InMemoryCredentialStore.empty();
        }
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        Map<String, String> entries = new HashMap<>();
        for (String name : properties.stringPropertyNames()) {
            entries.put(name, properties.getProperty(name));
        }
        return InMemoryCredentialStore.fromProperties(entries);
    }

    private static byte[] secret() {
        String configured = System.getenv("VOXPLANE_AUTH_SECRET");
        if (configured != null && !configured.isBlank()) {
            return configured.getBytes(StandardCharsets.UTF_8);
        }
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        return random;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
