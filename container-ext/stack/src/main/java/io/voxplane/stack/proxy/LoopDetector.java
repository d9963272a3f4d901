package io.voxplane.stack.proxy;

import io.voxplane.sip.HeaderNames;
import io.voxplane.sip.SipRequest;
import io.voxplane.sip.Via;
import io.voxplane.stack.transaction.SipIdGenerator;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Branch ids that let the proxy detect loops (RFC 3261 s16.6 step 8, s16.3 item 4).
 *
 * <p>A stateful branch id is {@code z9hG4bK} + {@code vxp} + a 64-bit hash of what defines the
 * request as this proxy received it + {@code .} + a per-branch random part. The hash covers the To
 * and From tags, Call-ID, Request-URI, the topmost Via as received, CSeq number, top Route,
 * Proxy-Require and Proxy-Authorization: what s16.6 step 8 lists.
 *
 * <p>Loop check: for each Via of an incoming request with this proxy's sent-by and a {@code vxp}
 * branch, the hash is computed again with the Via just below it in place of "the topmost Via as
 * received" (that is where the upstream Via sat when this proxy forwarded the request before).
 * The same hash means the request came back unchanged: a loop (482). A different hash (another
 * Request-URI or Route after a retargeting) is a spiral and is forwarded. Stateless, thread-safe.
 */
final class LoopDetector {

    static final String STATEFUL_PREFIX = SipIdGenerator.MAGIC_COOKIE + "vxp";
    static final String STATELESS_PREFIX = SipIdGenerator.MAGIC_COOKIE + "vxa";

    private final ProxyConfig config;

    LoopDetector(ProxyConfig config) {
        this.config = config;
    }

    /** A new branch id for a request forwarded statefully; {@code received} is the request as it arrived. */
    String newBranch(SipRequest received) {
        return STATEFUL_PREFIX + hex(hash(received, received.topVia())) + "." + hex(ThreadLocalRandom.current().nextLong());
    }

    /**
     * The branch for a request forwarded statelessly (s16.11): the same for every retransmission,
     * derived from the incoming top branch and Request-URI.
     */
    static String statelessBranch(SipRequest received) {
        long h = FNV_OFFSET;
        h = mix(h, received.topVia() == null ? "" : received.topVia().branch().orElse(received.topVia().toString()));
        h = mix(h, received.requestUri().toString());
        h = mix(h, received.callId());
        return STATELESS_PREFIX + hex(h);
    }

    /** True when {@code request} carries a Via this proxy added to the same request before (s16.3 item 4). */
    boolean isLoop(SipRequest request) {
        List<Via> vias = request.vias();
        for (int i = 0; i < vias.size(); i++) {
            Via via = vias.get(i);
            String branch = via.branch().orElse("");
            if (!branch.startsWith(STATEFUL_PREFIX) || !config.isSelf(via)) {
                continue;
            }
            int dot = branch.indexOf('.', STATEFUL_PREFIX.length());
            String stamped = branch.substring(STATEFUL_PREFIX.length(), dot < 0 ? branch.length() : dot);
            Via upstream = i + 1 < vias.size() ? vias.get(i + 1) : null;
            if (stamped.equals(hex(hash(request, upstream)))) {
                return true;
            }
        }
        return false;
    }

    private static long hash(SipRequest request, Via upstream) {
        long h = FNV_OFFSET;
        h = mix(h, request.to().tag().orElse(""));
        h = mix(h, request.from().tag().orElse(""));
        h = mix(h, request.callId());
        h = mix(h, request.requestUri().toString());
        h = mix(h, upstream == null ? "" : upstream.toString());
        h = mix(h, Long.toString(request.cseq().number()));
        h = mix(h, request.routes().isEmpty() ? "" : request.routes().get(0).uri().toString());
        h = mix(h, String.join(",", request.headerValues(HeaderNames.PROXY_REQUIRE)));
        h = mix(h, String.join(",", request.headerValues(HeaderNames.PROXY_AUTHORIZATION)));
        return h;
    }

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    /** 64-bit FNV-1a over the chars, with a separator so that ("ab","c") and ("a","bc") differ. */
    private static long mix(long h, String value) {
        for (int i = 0; i < value.length(); i++) {
            h ^= value.charAt(i);
            h *= FNV_PRIME;
        }
        h ^= 0x1f;
        return h * FNV_PRIME;
    }

    private static String hex(long value) {
        String digits = Long.toHexString(value);
        return "0".repeat(16 - digits.length()) + digits;
    }
}
