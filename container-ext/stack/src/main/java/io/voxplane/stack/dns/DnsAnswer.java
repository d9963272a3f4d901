package io.voxplane.stack.dns;

import java.util.List;

/**
 * What a DNS server said about one name and record type: the record data as text (an address
 * for A and AAAA, {@code "priority weight port target"} for SRV), or that the name does not
 * exist (NXDOMAIN, RFC 1035 s4.1.1 RCODE 3). A name that exists without records of the type
 * (NODATA) has {@code nameExists} true and no records.
 */
public record DnsAnswer(boolean nameExists, List<String> records) {

    /** The name does not exist. */
    public static final DnsAnswer NO_SUCH_NAME = new DnsAnswer(false, List.of());

    public DnsAnswer {
        records = List.copyOf(records);
    }

    public static DnsAnswer of(List<String> records) {
        return new DnsAnswer(true, records);
    }

    public boolean isEmpty() {
        return records.isEmpty();
    }
}
