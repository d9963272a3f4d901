package io.voxplane.stack.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The RFC examples, computed exactly. */
class DigestComputationTest {

    @Test
    void rfc2617Section3_5ExampleGivesTheRfcResponse() {
        String ha1 = DigestComputation.ha1(DigestAlgorithm.MD5, "Mufasa", "testrealm@host.com", "Circle Of Life");
        String ha2 = DigestComputation.ha2(DigestAlgorithm.MD5, "GET", "/dir/index.html");
        String response = DigestComputation.response(DigestAlgorithm.MD5, ha1, "dcd98b7102dd2f0e8b11d0f600bfb0c093",
                "00000001", "0a4f113b", "auth", ha2);
        assertEquals("6629fae49393a05397450978507c4ef1", response);
    }

    @Test
    void rfc7616Section3_9_1ExampleGivesTheRfcSha256Response() {
        String ha1 = DigestComputation.ha1(DigestAlgorithm.SHA_256, "Mufasa", "http-auth@example.org", "Circle of Life");
        String ha2 = DigestComputation.ha2(DigestAlgorithm.SHA_256, "GET", "/dir/index.html");
        String response = DigestComputation.response(DigestAlgorithm.SHA_256, ha1,
                "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", "00000001",
                "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ", "auth", ha2);
        assertEquals("753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1", response);
    }

    @Test
    void rfc7616Section3_9_1ExampleGivesTheRfcMd5Response() {
        String ha1 = DigestComputation.ha1(DigestAlgorithm.MD5, "Mufasa", "http-auth@example.org", "Circle of Life");
        String ha2 = DigestComputation.ha2(DigestAlgorithm.MD5, "GET", "/dir/index.html");
        String response = DigestComputation.response(DigestAlgorithm.MD5, ha1,
                "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", "00000001",
                "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ", "auth", ha2);
        assertEquals("8ca523f5e9506fed4657c9700eebdbec", response);
    }
}
