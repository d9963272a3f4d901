package io.voxplane.stack.dialog;

import io.voxplane.sip.SipRequest;
import io.voxplane.sip.SipResponse;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The dialogs of a UA, keyed by {@link DialogId} (RFC 3261 s12.2.2: in-dialog requests; s12.1.2:
 * responses). Thread-safe and bounded.
 */
public final class DialogRegistry {

    /**
     * The most dialogs held at once. A call has one dialog per leg; 100,000 is above what one node
     * carries (a B2BUA at 50,000 concurrent calls) and bounds memory near 100 MB. Past it new
     * dialogs are refused and the UA answers 503. Key {@code voxplane.sip.dialog.max}.
     */
    public static final int DEFAULT_MAX_DIALOGS = 100_000;

    private final ConcurrentMap<DialogId, Dialog> dialogs = new ConcurrentHashMap<>();
    private final int maxDialogs;

    public DialogRegistry() {
        this(DEFAULT_MAX_DIALOGS);
    }

    public DialogRegistry(int maxDialogs) {
        if (maxDialogs < 1) {
            throw new IllegalArgumentException("maxDialogs must be positive: " + maxDialogs);
        }
        this.maxDialogs = maxDialogs;
    }

    /**
     * Adds a dialog unless one with its id exists.
     *
     * @return the dialog now registered under that id (the existing one if there was one), or
     *         empty when the limit is reached
     */
    public Optional<Dialog> add(Dialog dialog) {
        if (dialogs.size() >= maxDialogs && !dialogs.containsKey(dialog.id())) {
            return Optional.empty();
        }
        Dialog existing = dialogs.putIfAbsent(dialog.id(), dialog);
        return Optional.of(existing != null ? existing : dialog);
    }

    public Optional<Dialog> get(DialogId id) {
        return Optional.ofNullable(dialogs.get(id));
    }

    /** The dialog an in-dialog request received from the peer belongs to. */
    public Optional<Dialog> findForRequest(SipRequest request) {
        return get(DialogId.ofReceivedRequest(request));
    }

    /** The dialog a response to a request this UA sent belongs to. */
    public Optional<Dialog> findForResponse(SipResponse response) {
        return get(DialogId.ofReceivedResponse(response));
    }

    /**
     * Matches an in-dialog request (one with a To tag) and applies s12.2.2: 481 when no dialog,
     * 500 when the CSeq is lower than the remote CSeq, else the dialog with its remote CSeq and
     * (for a target refresh) remote target updated.
     */
    public DialogMatch match(SipRequest request) {
        Dialog dialog = dialogs.get(DialogId.ofReceivedRequest(request));
        if (dialog == null || dialog.state() == DialogState.TERMINATED) {
            return DialogMatch.noDialog();
        }
        return dialog.acceptRemoteRequest(request) ? DialogMatch.accepted(dialog) : DialogMatch.outOfOrder(dialog);
    }

    /** Terminates a dialog and removes it. */
    public void terminate(Dialog dialog) {
        dialog.terminate();
        dialogs.remove(dialog.id(), dialog);
    }

    /** Removes a dialog that already terminated (e.g. by a 481 response). */
    public void removeIfTerminated(Dialog dialog) {
        if (dialog.state() == DialogState.TERMINATED) {
            dialogs.remove(dialog.id(), dialog);
        }
    }

    /** True when no new dialog can be added. */
    public boolean isFull() {
        return dialogs.size() >= maxDialogs;
    }

    public int size() {
        return dialogs.size();
    }
}
