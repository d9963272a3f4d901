package io.voxplane.stack.dns;

import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import javax.naming.Context;
import javax.naming.NameNotFoundException;
import javax.naming.NamingEnumeration;
import javax.naming.NamingException;
import javax.naming.directory.Attribute;
import javax.naming.directory.Attributes;
import javax.naming.directory.DirContext;
import javax.naming.spi.InitialContextFactory;

/**
 * A {@link DnsClient} over the JDK's DNS provider for JNDI (module {@code jdk.naming.dns},
 * {@value #FACTORY}): no dependency, UDP with a fall back to TCP for truncated answers, the
 * servers of {@link DnsConfig#servers()} or else those of the system's resolver configuration.
 *
 * <p>The factory is found with {@link ServiceLoader} (the module provides it as an
 * {@link InitialContextFactory}) and called directly rather than through
 * {@code InitialDirContext}: an application server may install its own
 * {@code InitialContextFactoryBuilder}, which would then decide which factory serves the
 * context, and the provider's package is not exported for reflective loading.
 *
 * <p>Bounded: each query waits {@code timeout} for the first try of a server and doubles that for
 * each of the {@code retries - 1} further tries (JNDI properties {@value #TIMEOUT_PROPERTY} and
 * {@value #RETRIES_PROPERTY}). Each query opens and closes its own context: the JDK's DNS
 * contexts are not safe to share between threads, and answers are cached above this class.
 * Names are absolute: no search domains are applied.
 */
public final class JndiDnsClient implements DnsClient {

    /** The JDK's DNS provider for JNDI. */
    public static final String FACTORY = "com.sun.jndi.dns.DnsContextFactory";

    /** JNDI environment property: milliseconds to wait for the first try of a server. */
    static final String TIMEOUT_PROPERTY = "com.sun.jndi.dns.timeout.initial";

    /** JNDI environment property: tries per server. */
    static final String RETRIES_PROPERTY = "com.sun.jndi.dns.timeout.retries";

    private final InitialContextFactory factory;
    private final Hashtable<String, String> environment = new Hashtable<>();

    /**
     * @throws IllegalStateException when the JDK has no {@code jdk.naming.dns} module
     */
    public JndiDnsClient(DnsConfig config) {
        this.factory = ServiceLoader.load(InitialContextFactory.class, ClassLoader.getSystemClassLoader()).stream()
                .filter(provider -> provider.type().getName().equals(FACTORY))
                .map(ServiceLoader.Provider::get)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(FACTORY + " not found: the JDK lacks module jdk.naming.dns"));
        environment.put(Context.INITIAL_CONTEXT_FACTORY, FACTORY);
        if (!config.servers().isEmpty()) {
            environment.put(Context.PROVIDER_URL, config.servers().stream().map(JndiDnsClient::url)
                    .collect(Collectors.joining(" ")));
        }
        environment.put(TIMEOUT_PROPERTY, Long.toString(config.timeout().toMillis()));
        environment.put(RETRIES_PROPERTY, Integer.toString(config.retries()));
    }

    /** The provider URL of the servers, or empty for the system's resolver configuration. */
    String providerUrl() {
        return environment.getOrDefault(Context.PROVIDER_URL, "");
    }

    private static String url(InetSocketAddress server) {
        String host = server.getAddress().getHostAddress();
        if (server.getAddress() instanceof Inet6Address) {
            int scope = host.indexOf('%');
            host = "[" + (scope < 0 ? host : host.substring(0, scope)) + "]";
        }
        return "dns://" + host + ":" + server.getPort();
    }

    @Override
    public DnsAnswer query(String name, DnsRecordType type) throws DnsLookupException {
        DirContext context = null;
        try {
            context = (DirContext) factory.getInitialContext(new Hashtable<>(environment));
            // the trailing dot makes the name absolute
            Attributes attributes = context.getAttributes(name + ".", new String[] {type.name()});
            Attribute attribute = attributes.get(type.name());
            List<String> records = new ArrayList<>();
            if (attribute != null) {
                NamingEnumeration<?> values = attribute.getAll();
                while (values.hasMore()) {
                    records.add(String.valueOf(values.next()));
                }
            }
            return DnsAnswer.of(records);
        } catch (NameNotFoundException nxdomain) {
            return DnsAnswer.NO_SUCH_NAME;
        } catch (NamingException failed) {
            Throwable root = failed.getRootCause() != null ? failed.getRootCause() : failed;
            throw new DnsLookupException(name, type, failed.getMessage()
                    + (root != failed ? " (" + root + ")" : ""), failed);
        } finally {
            if (context != null) {
                try {
                    context.close();
                } catch (NamingException ignored) {
                    // closing a DNS context releases nothing that can fail in a way we could act on
                }
            }
        }
    }
}
