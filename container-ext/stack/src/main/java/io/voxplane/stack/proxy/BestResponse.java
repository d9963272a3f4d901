package io.voxplane.stack.proxy;

import io.voxplane.sip.HeaderNames;
import io.voxplane.sip.SipResponse;
import java.util.List;

/**
 * Chooses the final response a response context sends upstream when no branch answered 2xx
 * (RFC 3261 s16.7 step 6 and 7).
 *
 * <ul>
 * <li>a 6xx wins over everything (the first 6xx received);</li>
 * <li>otherwise the lowest response class among 3xx, 4xx, 5xx, the first received in that class,
 * except that a 408 (often implied by a branch that timed out) yields to any other 4xx, which
 * says more about the callee;</li>
 * <li>a chosen 503 becomes 500: a 503 upstream would say this proxy cannot serve any request,
 * not that one next hop failed (s16.7 step 6);</li>
 * <li>a chosen 401 or 407 collects every WWW-Authenticate and Proxy-Authenticate of all 401/407
 * responses (s16.7 step 7), so the UAC can answer the challenges of every branch. Simplified:
 * other headers of those responses are not merged.</li>
 * </ul>
 */
final class BestResponse {

    private BestResponse() {
    }

    /**
     * @param finals the branches' final non-2xx responses, in arrival order (at least one)
     * @return the response to send upstream, still carrying the proxy's Via (strip it before sending)
     */
    static SipResponse select(List<SipResponse> finals) {
        if (finals.isEmpty()) {
            throw new IllegalArgumentException("no final response to choose from");
        }
        SipResponse best = null;
        for (SipResponse response : finals) {
            if (response.statusClass() == 6) {
                best = response;
                break;
            }
            if (best == null || response.statusClass() < best.statusClass()
                    || (response.statusClass() == best.statusClass() && best.status() == 408 && response.status() != 408)) {
                best = response;
            }
        }
        if (best.status() == 503) {
            return best.toBuilder().status(500).reason("Server Internal Error").build();
        }
        if (best.status() == 401 || best.status() == 407) {
            return withAllChallenges(best, finals);
        }
        return best;
    }

    private static SipResponse withAllChallenges(SipResponse chosen, List<SipResponse> finals) {
        SipResponse.Builder builder = chosen.toBuilder()
                .removeHeader(HeaderNames.WWW_AUTHENTICATE)
                .removeHeader(HeaderNames.PROXY_AUTHENTICATE);
        for (SipResponse response : finals) {
            if (response.status() != 401 && response.status() != 407) {
                continue;
            }
            for (String value : response.headerValues(HeaderNames.WWW_AUTHENTICATE)) {
                builder.header(HeaderNames.WWW_AUTHENTICATE, value);
            }
            for (String value : response.headerValues(HeaderNames.PROXY_AUTHENTICATE)) {
                builder.header(HeaderNames.PROXY_AUTHENTICATE, value);
            }
        }
        return builder.build();
    }
}
