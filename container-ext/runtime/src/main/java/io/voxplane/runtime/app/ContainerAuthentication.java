package io.voxplane.runtime.app;

import io.voxplane.api.Authentication;
import io.voxplane.api.SipRequest;
import io.voxplane.api.UserDirectory;
import io.voxplane.runtime.config.ConfigLookup;
import io.voxplane.stack.auth.AuthOutcome;
import io.voxplane.stack.auth.CredentialStore;
import io.voxplane.stack.auth.DigestAlgorithm;
import io.voxplane.stack.auth.DigestAuthenticator;
import io.voxplane.stack.auth.DigestAuthenticatorConfig;
import io.voxplane.stack.auth.UserCredentials;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * The {@link Authentication} apps inject: the stack's {@link DigestAuthenticator} (RFC 3261 s22,
 * RFC 8760) with users from the app's {@link UserDirectory} bean. Realm from
 * {@value #REALM} (default {@value #DEFAULT_REALM}); nonce secret from {@value #SECRET} (at least
 * 16 bytes; every node of a cluster needs the same one), else a random one per process, which is
 * right for one node only. With no {@link UserDirectory} bean nobody is known: every request is
 * refused, and a log line ({@value #NO_USERS}) says where users come from.
 */
@ApplicationScoped
public class ContainerAuthentication implements Authentication {

    /** Config key of the digest realm. */
    public static final String REALM = "voxplane.auth.realm";
    /** Config key of the nonce HMAC secret. */
    public static final String SECRET = "voxplane.auth.secret";
    /**
     * Config key of the challenges offered, in order (comma separated tokens, e.g. {@code MD5});
     * default SHA-256 then MD5 (RFC 8760 s2.4). Clients that answer only the first challenge
     * and know only MD5 (SIPp) need {@code MD5}.
     */
    public static final String ALGORITHMS = "voxplane.auth.algorithms";
    /** The realm when none is configured. */
    public static final String DEFAULT_REALM = "voxplane";
    /** Logged when a request is refused because no users are configured at all. */
    public static final String NO_USERS = "VXAPP-110";

    private static final System.Logger LOG = System.getLogger(ContainerAuthentication.class.getName());

    @Inject
    Instance<UserDirectory> users;

    @Inject
    Instance<Config> config;

    private DigestAuthenticator authenticator;

    @PostConstruct
    void init() {
        ConfigLookup lookup = AppConfig.of(config);
        byte[] secret = lookup.get(SECRET).map(s -> s.getBytes(StandardCharsets.UTF_8)).orElseGet(() -> {
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            LOG.log(Level.INFO, "no " + SECRET + " configured: nonces use a random per-process secret (one node only)");
            return random;
        });
        CredentialStore store = username -> directory().flatMap(d -> d.password(username))
                .map(password -> UserCredentials.withPassword(username, password));
        DigestAuthenticatorConfig.Builder settings = DigestAuthenticatorConfig.builder(
                lookup.get(REALM).orElse(DEFAULT_REALM), secret);
        Optional<String> algorithms = lookup.get(ALGORITHMS);
        if (algorithms.isPresent()) {
            List<DigestAlgorithm> offered = new ArrayList<>();
            for (String token : algorithms.get().split(",")) {
                offered.add(DigestAlgorithm.fromToken(token.trim()).orElseThrow(() -> new IllegalArgumentException(
                        AppCodes.BAD_AUTH_CONFIG + " " + ALGORITHMS + ": unknown digest algorithm " + token.trim())));
            }
            settings.algorithms(offered);
        }
        authenticator = new DigestAuthenticator(settings.build(), store, InstantSource.system());
    }

    @Override
    public Optional<String> authenticate(SipRequest request) {
        AppSipRequest appRequest = (AppSipRequest) request;
        AuthOutcome outcome = authenticator.authenticate(appRequest.stackRequest());
        if (outcome instanceof AuthOutcome.Authenticated who) {
            return Optional.of(who.username());
        }
        if (outcome instanceof AuthOutcome.Rejected refused) {
            if (directory().isEmpty() && refused.response().status() == 403) {
                LOG.log(Level.WARNING, NO_USERS + " " + request.method() + " refused: no users are configured;"
                        + " the app must provide a UserDirectory bean (the PBX reads voxplane.pbx.users)");
            }
            appRequest.answer(refused.response());
            return Optional.empty();
        }
        // Exempt: ACK and CANCEL, which the proxy core handles before any app sees them.
        return Optional.of("");
    }

    private Optional<UserDirectory> directory() {
        return users.isResolvable() ? Optional.of(users.get()) : Optional.empty();
    }
}
