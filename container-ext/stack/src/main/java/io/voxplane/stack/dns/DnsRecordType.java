package io.voxplane.stack.dns;

/** The DNS record types RFC 3263 resolution asks for (NAPTR is not used: see {@link DnsTargetResolver}). */
public enum DnsRecordType {
    /** IPv4 address (RFC 1035 s3.4.1). */
    A,
    /** IPv6 address (RFC 3596). */
    AAAA,
    /** Service location: priority, weight, port, target (RFC 2782). */
    SRV
}
