package io.voxplane.runtime.app;

import io.voxplane.sip.HeaderNames;
import io.voxplane.sip.SipMethod;
import io.voxplane.sip.SipRequest;
import io.voxplane.sip.SipResponse;
import io.voxplane.stack.transaction.SipIdGenerator;
import java.util.List;

/**
 * The answer of a node to a request no application takes, as RFC 3261 prescribes:
 * <ul>
 * <li>OPTIONS: 200 with Allow and Accept (s11.2: the capabilities of the server);</li>
 * <li>a request inside a dialog (To tag present), when no dialog exists: 481 (s12.2.2);</li>
 * <li>a method the node supports but no application serves at this Request-URI: 404 (s21.4.5);</li>
 * <li>a method the node recognises but does not support: 405 with Allow (s8.2.1, s21.4.6);</li>
 * <li>a method the node does not recognise: 501 with Allow (s21.5.2).</li>
 * </ul>
 * Every final response carries a To tag (s8.2.6.2).
 */
public final class NoAppResponses {

    /**
     * The methods a node supports with no application deployed: the core methods of RFC 3261
     * (s11.2 example). Apps add theirs through the app model.
     */
    public static final List<String> CORE_METHODS = List.of(SipMethod.INVITE, SipMethod.ACK, SipMethod.CANCEL,
            SipMethod.BYE, SipMethod.OPTIONS);

    /** The only body type the core understands (SDP, RFC 3264), for Accept in OPTIONS answers. */
    static final String ACCEPT = "application/sdp";

    private NoAppResponses() {
    }

    /** The answer to {@code request} when nothing serves it, with {@link #CORE_METHODS} as Allow. */
    public static SipResponse answer(SipRequest request) {
        return answer(request, CORE_METHODS);
    }

    /** The answer to {@code request} when nothing serves it, given the methods the node allows. */
    public static SipResponse answer(SipRequest request, List<String> allowedMethods) {
        String allow = String.join(", ", allowedMethods);
        String method = request.method();
        SipResponse.Builder response;
        if (SipMethod.OPTIONS.equals(method)) {
            response = SipResponse.replyTo(request, 200)
                    .setHeader(HeaderNames.ALLOW, allow)
                    .setHeader("Accept", ACCEPT);
        } else if (request.to().tag().isPresent()) {
            response = SipResponse.replyTo(request, 481);
        } else if (allowedMethods.contains(method)) {
            response = SipResponse.replyTo(request, 404);
        } else if (SipMethod.isKnown(method)) {
            response = SipResponse.replyTo(request, 405).setHeader(HeaderNames.ALLOW, allow);
        } else {
            response = SipResponse.replyTo(request, 501).setHeader(HeaderNames.ALLOW, allow);
        }
        if (request.to().tag().isEmpty()) {
            response.to(request.to().withTag(SipIdGenerator.newTag()));
        }
        return response.build();
    }
}
