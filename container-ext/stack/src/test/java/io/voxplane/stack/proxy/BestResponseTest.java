package io.voxplane.stack.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.voxplane.sip.SipRequest;
import io.voxplane.sip.SipResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RFC 3261 s16.7 step 6 best-response selection. */
class BestResponseTest {

    private final SipRequest invite = new ProxyHarness().invite();

    private List<SipResponse> of(int... statuses) {
        return java.util.Arrays.stream(statuses).mapToObj(s -> SipResponse.replyTo(invite, s).build()).toList();
    }

    @Test
    void sixHundredBeatsEveryOtherClass() {
        assertEquals(603, BestResponse.select(of(302, 486, 603, 500)).status());
    }

    @Test
    void lowestClassWinsAndTheFirstOfItsClass() {
        assertEquals(486, BestResponse.select(of(503, 486, 404)).status());
        assertEquals(301, BestResponse.select(of(404, 301, 302)).status());
    }

    @Test
    void timeoutYieldsToAnotherResponseOfItsClass() {
        assertEquals(486, BestResponse.select(of(408, 486)).status());
    }

    @Test
    void chosen503BecomesA500() {
        assertEquals(500, BestResponse.select(of(503)).status());
    }
}
