/**
 * RFC 3263 resolution of SIP URIs over DNS: {@link io.voxplane.stack.dns.DnsTargetResolver} (the
 * {@link io.voxplane.stack.ua.TargetResolver} the container uses), SRV ordering per RFC 2782
 * ({@link io.voxplane.stack.dns.SrvSelection}), a bounded TTL cache
 * ({@link io.voxplane.stack.dns.DnsCache}) over the JDK's DNS client
 * ({@link io.voxplane.stack.dns.JndiDnsClient}), settings in {@link io.voxplane.stack.dns.DnsConfig}.
 *
 * <p>Error codes (on {@link io.voxplane.stack.ua.UserAgentException}): VXUA-001 no such host or
 * no address, VXUA-020 a DNS lookup got no answer (timeout, SERVFAIL), VXUA-021 {@code sips:} or
 * a transport other than UDP and TCP.
 */
package io.voxplane.stack.dns;
