package io.voxplane.pbx;

import io.voxplane.api.UserDirectory;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * The PBX's users, from MicroProfile Config (system property, environment variable
 * {@code VOXPLANE_PBX_USERS}, or microprofile-config.properties):
 * <ul>
 * <li>{@value #USERS}: {@code alice:secret1,bob:secret2};</li>
 * <li>{@value #USERS_FILE}: a file with one {@code user:password} per line ({@code #} comments);</li>
 * <li>{@value #DOMAIN}: the domain of the users' addresses-of-record (optional).</li>
 * </ul>
 * There is no built-in user and no default password: with none configured every REGISTER and
 * INVITE is refused (403) and a log line ({@value #NO_USERS}) says where to add users. A bad
 * entry fails the deployment ({@value #BAD_USERS}).
 */
@ApplicationScoped
public class PbxUsers implements UserDirectory {

    public static final String USERS = "voxplane.pbx.users";
    public static final String USERS_FILE = "voxplane.pbx.users-file";
    public static final String DOMAIN = "voxplane.pbx.domain";
    /** Logged at start when no user is configured. */
    public static final String NO_USERS = "VXPBX-001";
    /** A users entry that is not {@code user:password}. */
    public static final String BAD_USERS = "VXPBX-002";

    private static final System.Logger LOG = System.getLogger(PbxUsers.class.getName());

    @Inject
    Instance<Config> config;

    private Map<String, String> passwords = Map.of();
    private Optional<String> domain = Optional.empty();

    @PostConstruct
    void load() {
        Map<String, String> found = new HashMap<>();
        Optional<String> inline = value(USERS);
        if (inline.isPresent()) {
            parse(List.of(inline.get().split(",")), USERS, found);
        }
        Optional<String> file = value(USERS_FILE);
        if (file.isPresent()) {
            try {
                parse(Files.readAllLines(Path.of(file.get()), StandardCharsets.UTF_8), USERS_FILE + " " + file.get(), found);
            } catch (IOException e) {
                throw new UncheckedIOException(BAD_USERS + " cannot read " + USERS_FILE + " " + file.get(), e);
            }
        }
        passwords = Map.copyOf(found);
        domain = value(DOMAIN).map(String::trim).filter(d -> !d.isEmpty());
        if (passwords.isEmpty()) {
            LOG.log(Level.WARNING, NO_USERS + " PBX has no users: every REGISTER and INVITE is refused. Add users with "
                    + USERS + "=alice:secret1,bob:secret2 (or env VOXPLANE_PBX_USERS) or " + USERS_FILE + "=<path>");
        } else {
            LOG.log(Level.INFO, "PBX users: " + passwords.keySet().stream().sorted().toList());
        }
    }

    @Override
    public Optional<String> password(String username) {
        return Optional.ofNullable(passwords.get(username));
    }

    /** The configured AOR domain, if any. */
    public Optional<String> domain() {
        return domain;
    }

    private Optional<String> value(String key) {
        return config.isResolvable() ? config.get().getOptionalValue(key, String.class) : Optional.empty();
    }

    private static void parse(List<String> entries, String source, Map<String, String> into) {
        for (String raw : entries) {
            String entry = raw.trim();
            if (entry.isEmpty() || entry.startsWith("#")) {
                continue;
            }
            int colon = entry.indexOf(':');
            if (colon <= 0 || colon == entry.length() - 1) {
                throw new IllegalArgumentException(BAD_USERS + " " + source + ": entry must be user:password, got "
                        + (colon <= 0 ? "no user name" : "an empty password for " + entry.substring(0, colon)));
            }
            into.put(entry.substring(0, colon), entry.substring(colon + 1));
        }
    }
}
