package io.voxplane.stack.registrar;

import io.voxplane.sip.SipParseException;
import io.voxplane.sip.Uri;
import java.io.Serial;
import java.util.ArrayList;
import java.util.List;

/**
 * The change one REGISTER makes to its AOR's bindings (RFC 3261 s10.3 steps 6 and 7), as a
 * serializable {@link RegistrationUpdate}.
 *
 * <p>For each contact: an existing binding with an equivalent URI (s19.1.4) from another Call-ID
 * is replaced (or removed when the expiry is 0); from the same Call-ID only if this CSeq is
 * higher, else the whole update is aborted ({@link RegistrarException#OUT_OF_ORDER}). A wildcard
 * removes every binding under the same Call-ID/CSeq rule. Bindings already expired are dropped on
 * the way. More live bindings than {@code maxBindings} abort the update
 * ({@link RegistrarException#TOO_MANY_BINDINGS}).
 *
 * @param wildcard true for {@code Contact: *} (then {@code contacts} is empty)
 */
public record BindingChange(String aor, String callId, long cseq, List<ContactChange> contacts, boolean wildcard,
                            long nowMillis, int maxBindings) implements RegistrationUpdate {

    @Serial
    private static final long serialVersionUID = 1L;

    public BindingChange {
        contacts = List.copyOf(contacts);
    }

    @Override
    public Registration apply(Registration current) {
        List<Binding> bindings = new ArrayList<>();
        if (current != null) {
            for (Binding b : current.bindings()) {
                if (b.liveAt(nowMillis)) {
                    bindings.add(b);
                }
            }
        }
        int before = bindings.size();
        if (wildcard) {
            for (Binding b : bindings) {
                checkOrder(b);
            }
            bindings.clear();
        }
        for (ContactChange change : contacts) {
            int index = indexOf(bindings, change.uri());
            if (index >= 0) {
                checkOrder(bindings.get(index));
                bindings.remove(index);
            }
            if (change.expiresSeconds() > 0) {
                bindings.add(new Binding(change.contact(), change.uri(), change.q(), callId, cseq,
                        nowMillis + change.expiresSeconds() * 1000, nowMillis));
            }
        }
        if (bindings.size() > maxBindings && bindings.size() > before) {
            throw new RegistrarException(RegistrarException.TOO_MANY_BINDINGS, 403,
                    aor + " would have " + bindings.size() + " bindings; the limit is " + maxBindings);
        }
        return bindings.isEmpty() ? null : new Registration(aor, bindings);
    }

    private void checkOrder(Binding existing) {
        if (existing.callId().equals(callId) && cseq <= existing.cseq()) {
            throw new RegistrarException(RegistrarException.OUT_OF_ORDER, 500,
                    "CSeq " + cseq + " is not higher than " + existing.cseq() + " stored for Call-ID " + callId);
        }
    }

    private static int indexOf(List<Binding> bindings, String uri) {
        Uri parsed = null;
        for (int i = 0; i < bindings.size(); i++) {
            String other = bindings.get(i).uri();
            if (other.equals(uri)) {
                return i;
            }
            try {
                if (parsed == null) {
                    parsed = Uri.parse(uri);
                }
                if (parsed.equals(Uri.parse(other))) {
                    return i;
                }
            } catch (SipParseException unparsable) {
                // the registrar stores only URIs that parsed; a mismatch is the only sensible reading
            }
        }
        return -1;
    }
}
