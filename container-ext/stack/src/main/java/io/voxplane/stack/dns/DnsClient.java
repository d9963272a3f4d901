package io.voxplane.stack.dns;

/**
 * Asks DNS servers for the records of one type of one name. Blocking; implementations are
 * thread-safe. {@link JndiDnsClient} is the one the container uses.
 */
@FunctionalInterface
public interface DnsClient {

    /**
     * @param name a fully qualified name, without the trailing dot
     * @throws DnsLookupException when no server gave an answer (timeout, SERVFAIL, refused)
     */
    DnsAnswer query(String name, DnsRecordType type) throws DnsLookupException;
}
