package io.voxplane.api;

import java.util.concurrent.CompletionStage;

/**
 * A request being proxied (from {@link SipRequest#proxyTo}). The container forwards responses
 * upstream as RFC 3261 s16.7 says (1xx and 2xx at once, the best final response when every
 * branch is done, 487 after a CANCEL). When the proxy completes, the app's response handler for
 * the final response's class ({@link SuccessResponse}, {@link RedirectResponse},
 * {@link ErrorResponse}) is called with that response; provisional responses are forwarded but
 * not delivered to handlers in this version.
 */
public interface Proxy {

    /** Completes with the status of the final response sent upstream. */
    CompletionStage<Integer> completion();
}
