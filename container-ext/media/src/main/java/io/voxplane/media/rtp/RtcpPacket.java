package io.voxplane.media.rtp;

/**
 * One packet of an RTCP compound packet (RFC 3550 s6.4-6.6). Immutable values; RTCP is low-rate
 * control traffic, so these are parsed into records rather than read as views.
 */
public sealed interface RtcpPacket
        permits SenderReport, ReceiverReport, SourceDescription, Goodbye, UnknownRtcpPacket {

    /** SR, s6.4.1. */
    int TYPE_SR = 200;
    /** RR, s6.4.2. */
    int TYPE_RR = 201;
    /** SDES, s6.5. */
    int TYPE_SDES = 202;
    /** BYE, s6.6. */
    int TYPE_BYE = 203;
    /** APP, s6.7. */
    int TYPE_APP = 204;

    /** The packet type field. */
    int packetType();
}
