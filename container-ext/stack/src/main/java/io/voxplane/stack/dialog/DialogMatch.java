package io.voxplane.stack.dialog;

import io.voxplane.sip.SipRequest;
import io.voxplane.sip.SipResponse;

/**
 * The outcome of matching an in-dialog request to a dialog (RFC 3261 s12.2.2): the dialog, or
 * the response to reject the request with.
 *
 * @param dialog       the dialog, or null when rejected with 481
 * @param rejectStatus 0 when accepted; 481 when no dialog matches; 500 when the CSeq is out of order
 * @param errorCode    stable code of the rejection ({@code VXDLG-001} no dialog, {@code VXDLG-002}
 *                     CSeq out of order), or null when accepted
 */
public record DialogMatch(Dialog dialog, int rejectStatus, String errorCode) {

    /** No dialog matches the request. */
    public static final String NO_DIALOG = "VXDLG-001";
    /** The request's CSeq is lower than the dialog's remote CSeq. */
    public static final String CSEQ_OUT_OF_ORDER = "VXDLG-002";

    static DialogMatch accepted(Dialog dialog) {
        return new DialogMatch(dialog, 0, null);
    }

    static DialogMatch noDialog() {
        return new DialogMatch(null, 481, NO_DIALOG);
    }

    static DialogMatch outOfOrder(Dialog dialog) {
        return new DialogMatch(dialog, 500, CSEQ_OUT_OF_ORDER);
    }

    public boolean accepted() {
        return rejectStatus == 0;
    }

    /**
     * The rejection response for {@code request} (481 Call/Transaction Does Not Exist or 500 with
     * a reason saying the CSeq was out of order).
     *
     * @throws IllegalStateException when the match was accepted
     */
    public SipResponse rejection(SipRequest request) {
        if (accepted()) {
            throw new IllegalStateException("request was accepted by " + dialog);
        }
        return rejectStatus == 500
                ? SipResponse.replyTo(request, 500, "Server Internal Error (CSeq out of order)").build()
                : SipResponse.replyTo(request, 481).build();
    }
}
