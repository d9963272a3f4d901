package io.voxplane.api;

import java.util.concurrent.CompletionStage;

/**
 * A request being proxied (from {@link SipRequest#proxyTo}). The container forwards responses
 * upstream as RFC 3261 s16.7 says (1xx and 2xx at once, the best final response when every
 * branch is done, 487 after a CANCEL). When the proxy completes, the app's response handler for
 * the final response's class ({@link SuccessResponse}, {@link RedirectResponse},
 * {@link ErrorResponse}) is called with that response. Every provisional response forwarded
 * upstream (not 100 Trying, which the proxy absorbs) is also handed to the app's
 * {@link ProvisionalResponse} handler, in order and before the final one. CANCEL of a proxied
 * INVITE stays with the container's proxy (s16.10: pending branches cancelled, 487 upstream).
 */
public interface Proxy {

    /** Completes with the status of the final response sent upstream. */
    CompletionStage<Integer> completion();
}
