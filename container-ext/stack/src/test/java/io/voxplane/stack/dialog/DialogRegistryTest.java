package io.voxplane.stack.dialog;

import static io.voxplane.stack.dialog.DialogFixtures.fromAlice;
import static io.voxplane.stack.dialog.DialogFixtures.invite;
import static io.voxplane.stack.dialog.DialogFixtures.response;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voxplane.sip.SipMethod;
import io.voxplane.sip.SipRequest;
import io.voxplane.sip.SipResponse;
import org.junit.jupiter.api.Test;

class DialogRegistryTest {

    private final DialogRegistry registry = new DialogRegistry();
    private final SipRequest invite = invite();

    @Test
    void findsTheUasDialogOfAnInDialogRequest() {
        Dialog dialog = Dialog.createAsUas(invite, response(invite, 200));
        registry.add(dialog);

        DialogMatch match = registry.match(fromAlice(SipMethod.BYE, 11, null));

        assertTrue(match.accepted());
        assertSame(dialog, match.dialog());
    }

    @Test
    void findsTheUacDialogOfAResponse() {
        Dialog dialog = Dialog.createAsUac(invite, response(invite, 180));
        registry.add(dialog);

        assertSame(dialog, registry.findForResponse(response(invite, 200)).orElseThrow());
    }

    @Test
    void unknownDialogIsRejectedWith481() {
        SipRequest bye = fromAlice(SipMethod.BYE, 11, null);

        DialogMatch match = registry.match(bye);

        assertEquals(481, match.rejectStatus());
        assertEquals(DialogMatch.NO_DIALOG, match.errorCode());
        SipResponse rejection = match.rejection(bye);
        assertEquals(481, rejection.status());
        assertEquals(bye.cseq(), rejection.cseq());
    }

    @Test
    void outOfOrderCSeqIsRejectedWith500() {
        registry.add(Dialog.createAsUas(invite, response(invite, 200)));
        registry.match(fromAlice(SipMethod.INFO, 15, null));

        SipRequest late = fromAlice(SipMethod.INFO, 14, null);
        DialogMatch match = registry.match(late);

        assertEquals(500, match.rejectStatus());
        assertEquals(DialogMatch.CSEQ_OUT_OF_ORDER, match.errorCode());
        assertEquals(500, match.rejection(late).status());
    }

    @Test
    void terminatedDialogIsRemovedAndThenUnknown() {
        Dialog dialog = Dialog.createAsUas(invite, response(invite, 200));
        registry.add(dialog);

        registry.terminate(dialog);

        assertEquals(0, registry.size());
        assertEquals(481, registry.match(fromAlice(SipMethod.BYE, 11, null)).rejectStatus());
    }

    @Test
    void addingTheSameIdTwiceKeepsTheFirst() {
        Dialog first = Dialog.createAsUas(invite, response(invite, 180));
        Dialog second = Dialog.createAsUas(invite, response(invite, 200));

        registry.add(first);

        assertSame(first, registry.add(second).orElseThrow());
        assertEquals(1, registry.size());
    }

    @Test
    void refusesDialogsPastItsLimit() {
        DialogRegistry small = new DialogRegistry(1);
        small.add(Dialog.createAsUas(invite, response(invite, 200)));

        SipRequest other = invite.toBuilder().callId("another@10.0.0.1").build();

        assertTrue(small.add(Dialog.createAsUas(other, response(other, 200))).isEmpty());
    }
}
