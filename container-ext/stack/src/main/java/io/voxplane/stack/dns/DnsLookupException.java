package io.voxplane.stack.dns;

/**
 * A DNS query got no usable answer: every server timed out, refused, or answered SERVFAIL. A
 * name that does not exist is an answer ({@link DnsAnswer#NO_SUCH_NAME}), not this.
 */
public final class DnsLookupException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String name;
    private final DnsRecordType type;

    public DnsLookupException(String name, DnsRecordType type, String reason, Throwable cause) {
        super(type + " " + name + ": " + reason, cause);
        this.name = name;
        this.type = type;
    }

    /** The name queried. */
    public String name() {
        return name;
    }

    public DnsRecordType type() {
        return type;
    }
}
