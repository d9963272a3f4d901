package io.voxplane.stack.dns;

import java.util.Locale;
import java.util.Objects;

/**
 * One SRV record (RFC 2782): {@code priority weight port target}. Lower priorities are tried
 * first; among equal priorities, weights share the load. A target of {@code .} means the
 * service is decidedly not available at this domain.
 *
 * @param target the host name without the trailing dot, lower case; empty for {@code .}
 */
public record SrvRecord(int priority, int weight, int port, String target) {

    public SrvRecord {
        Objects.requireNonNull(target, "target");
        if (priority < 0 || priority > 65_535 || weight < 0 || weight > 65_535 || port < 0 || port > 65_535) {
            throw new IllegalArgumentException("SRV fields out of range: " + priority + " " + weight + " " + port);
        }
    }

    /**
     * Parses the text form the JDK's DNS client gives, e.g. {@code 10 60 5060 sip1.example.com.}.
     *
     * @throws IllegalArgumentException when it is not four fields of that form
     */
    public static SrvRecord parse(String text) {
        String[] fields = text.trim().split("\\s+");
        if (fields.length != 4) {
            throw new IllegalArgumentException("expected 'priority weight port target', got '" + text + "'");
        }
        try {
            String target = fields[3].endsWith(".") ? fields[3].substring(0, fields[3].length() - 1) : fields[3];
            return new SrvRecord(Integer.parseInt(fields[0]), Integer.parseInt(fields[1]), Integer.parseInt(fields[2]),
                    target.toLowerCase(Locale.ROOT));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected numbers in '" + text + "'", e);
        }
    }

    /** False for the {@code .} target: "service not available here" (RFC 2782). */
    public boolean available() {
        return !target.isEmpty();
    }
}
