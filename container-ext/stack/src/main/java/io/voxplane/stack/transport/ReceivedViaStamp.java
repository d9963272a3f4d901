package io.voxplane.stack.transport;

import io.voxplane.sip.SipRequest;
import io.voxplane.sip.Via;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * What a server transport writes into the top Via of every request it receives.
 *
 * <ul>
 *   <li>RFC 3261 s18.2.1: when the sent-by host is not the packet's source address (a host name,
 *       or another IP), add {@code received=<source IP>}.</li>
 *   <li>RFC 3581 s4: when the top Via has an empty {@code rport}, set it to the source port and
 *       add {@code received} even if the sent-by address matches.</li>
 * </ul>
 * The source address is written without brackets and without an IPv6 zone (the s20.42
 * grammar); no name is ever looked up.
 */
final class ReceivedViaStamp {

    private ReceivedViaStamp() {
    }

    /** The request with its top Via stamped for {@code source}, or the request itself when nothing changes. */
    static SipRequest apply(SipRequest request, InetSocketAddress source) {
        Via top = request.topVia();
        Via stamped = apply(top, source);
        if (stamped == top) {
            return request;
        }
        List<Via> vias = new ArrayList<>(request.vias());
        vias.set(0, stamped);
        return request.toBuilder().vias(vias).build();
    }

    /** The Via stamped for {@code source}, or {@code via} itself when nothing changes. */
    static Via apply(Via via, InetSocketAddress source) {
        InetAddress sourceIp = source.getAddress();
        String received = IpLiterals.receivedValue(sourceIp);
        if (via.hasRport() && via.rport().isEmpty()) {
            return via.withRport(source.getPort()).withReceived(received);
        }
        boolean sentByIsSource = IpLiterals.parse(via.host()).map(sourceIp::equals).orElse(false);
        return sentByIsSource ? via : via.withReceived(received);
    }
}
