package io.voxplane.media.quality;

/**
 * The ITU-T G.107 E-model (06/2015): the transmission rating factor R from the connection's
 * loudness, noise, echo, delay and codec/loss impairments, and the estimated MOS (conversational
 * quality, Annex B) from R.
 *
 * <p>{@code R = Ro - Is - Id - Ie,eff + A} (s7.1), with the basic signal-to-noise ratio Ro
 * (s7.2), the simultaneous impairments Is (s7.3), the delay impairments Id (s7.4: talker echo
 * Idte, listener echo Idle, absolute delay Idd) and the effective equipment impairment
 * {@code Ie,eff = Ie + (95 - Ie) Ppl / (Ppl / BurstR + Bpl)} (s7.5). All parameters other than
 * delay, loss and codec keep the default values of Table 3, for which a clean G.711 connection
 * rates R = 93.2 (MOS 4.41).
 *
 * <p>For VoIP with echo cancellation the mean one-way delay T, the absolute delay Ta and the round
 * trip Tr are taken from the one-way mouth-to-ear delay: T = Ta = delay, Tr = 2 x delay. Stateless.
 */
public final class EModel {

    // Table 3 default values
    private static final double SLR = 8;
    private static final double RLR = 2;
    private static final double STMR = 15;
    private static final double LSTR = 18;
    private static final double DS = 3;
    private static final double TELR = 65;
    private static final double WEPL = 110;
    private static final double QDU = 1;
    private static final double NC = -70;
    private static final double NFOR = -64;
    private static final double PS = 35;
    private static final double PR = 35;

    private EModel() {
    }

    /**
     * The R factor.
     *
     * @param oneWayDelayMillis mouth-to-ear one-way delay (network + jitter buffer + packetisation)
     * @param packetLossPercent random packet loss Ppl, 0..100
     * @param burstRatio BurstR: 1 for random loss, above 1 for bursty loss
     * @param codec Ie and Bpl of the codec
     * @param advantage the advantage factor A (0 wired, up to 10 mobile, 20 satellite; s7.6)
     */
    public static double rFactor(double oneWayDelayMillis, double packetLossPercent, double burstRatio,
            CodecImpairment codec, double advantage) {
        if (oneWayDelayMillis < 0 || packetLossPercent < 0 || packetLossPercent > 100 || burstRatio < 1) {
            throw new IllegalArgumentException("delay " + oneWayDelayMillis + " ms, loss " + packetLossPercent
                    + " %, BurstR " + burstRatio);
        }
        double t = oneWayDelayMillis;
        double ta = oneWayDelayMillis;
        double tr = 2 * oneWayDelayMillis;

        // s7.2 basic signal-to-noise ratio
        double olr = SLR + RLR;
        double nos = PS - SLR - DS - 100 + 0.004 * Math.pow(PS - olr - DS - 14, 2);
        double pre = PR + 10 * Math.log10(1 + Math.pow(10, (10 - LSTR) / 10));
        double nor = RLR - 121 + pre + 0.008 * Math.pow(pre - 35, 2);
        double nfo = NFOR + RLR;
        double no = 10 * Math.log10(Math.pow(10, NC / 10) + Math.pow(10, nos / 10) + Math.pow(10, nor / 10)
                + Math.pow(10, nfo / 10));
        double ro = 15 - 1.5 * (SLR + no);

        // s7.3 simultaneous impairments
        double xolr = olr + 0.2 * (64 + no - RLR);
        double iolr = 20 * (Math.pow(1 + Math.pow(xolr / 8, 8), 1.0 / 8) - xolr / 8);
        double stmro = -10 * Math.log10(Math.pow(10, -STMR / 10) + Math.exp(-t / 4) * Math.pow(10, -TELR / 10));
        double ist = 12 * Math.pow(1 + Math.pow((stmro - 13) / 6, 8), 1.0 / 8)
                - 28 * Math.pow(1 + Math.pow((stmro + 1) / 19.4, 35), 1.0 / 35)
                - 13 * Math.pow(1 + Math.pow((stmro - 3) / 33, 13), 1.0 / 13) + 29;
        double q = 37 - 15 * Math.log10(QDU);
        double g = 1.07 + 0.258 * q + 0.0602 * q * q;
        double y = (ro - 100) / 15 + 46 / 8.4 - g / 9;
        double z = 46.0 / 30 - g / 40;
        double iq = 15 * Math.log10(1 + Math.pow(10, y) + Math.pow(10, z));
        double is = iolr + ist + iq;

        // s7.4 delay impairments
        double terv = TELR - 40 * Math.log10((1 + t / 10) / (1 + t / 150)) + 6 * Math.exp(-0.3 * t * t);
        double roe = -1.5 * (no - RLR);
        double re = 80 + 2.5 * (terv - 14);
        double idte = ((roe - re) / 2 + Math.sqrt(Math.pow(roe - re, 2) / 4 + 100) - 1) * (1 - Math.exp(-t));
        double rle = 10.5 * (WEPL + 7) * Math.pow(tr + 1, -0.25);
        double idle = (ro - rle) / 2 + Math.sqrt(Math.pow(ro - rle, 2) / 4 + 169);
        double idd = 0;
        if (ta > 100) {
            double x = Math.log10(ta / 100) / Math.log10(2);
            idd = 25 * (Math.pow(1 + Math.pow(x, 6), 1.0 / 6) - 3 * Math.pow(1 + Math.pow(x / 3, 6), 1.0 / 6) + 2);
        }
        double id = idte + idle + idd;

        // s7.5 effective equipment impairment
        double ppl = packetLossPercent;
        double ieEff = codec.ie() + (95 - codec.ie()) * ppl / (ppl / burstRatio + codec.bpl());

        return ro - is - id - ieEff + advantage;
    }

    /** R for random loss on a wired connection (BurstR 1, A 0). */
    public static double rFactor(double oneWayDelayMillis, double packetLossPercent, CodecImpairment codec) {
        return rFactor(oneWayDelayMillis, packetLossPercent, 1, codec, 0);
    }

    /**
     * Estimated conversational MOS from R (G.107 Annex B, formula B-4). The cubic dips just
     * below 1 for R under about 6.5; the result is held at 1 there so it never falls with rising R.
     */
    public static double mos(double r) {
        if (r <= 0) {
            return 1;
        }
        if (r >= 100) {
            return 4.5;
        }
        return Math.max(1, 1 + 0.035 * r + r * (r - 60) * (100 - r) * 7e-6);
    }
}
