package io.voxplane.arquillian;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The RTP packets of a classic pcap file (libpcap format, Ethernet link type, IPv4/UDP), as SIPp's
 * sip-tester ships them: each packet's payload type and payload.
 */
record PcapRtp(int payloadType, byte[] payload) {

    private static final int PCAP_MAGIC = 0xA1B2C3D4;
    private static final int LINKTYPE_ETHERNET = 1;

    static List<PcapRtp> read(Path file) throws IOException {
        ByteBuffer in = ByteBuffer.wrap(Files.readAllBytes(file));
        in.order(ByteOrder.LITTLE_ENDIAN);
        int magic = in.getInt(0);
        if (magic != PCAP_MAGIC) {
            in.order(ByteOrder.BIG_ENDIAN);
            if (in.getInt(0) != PCAP_MAGIC) {
                throw new IOException(file + " is not a libpcap file (magic " + Integer.toHexString(magic) + ")");
            }
        }
        if (in.getInt(20) != LINKTYPE_ETHERNET) {
            throw new IOException(file + ": link type " + in.getInt(20) + ", expected Ethernet");
        }
        List<PcapRtp> packets = new ArrayList<>();
        int offset = 24;                                   // global header
        while (offset + 16 <= in.limit()) {
            int captured = in.getInt(offset + 8);          // record header: ts_sec, ts_usec, incl_len, orig_len
            int frame = offset + 16;
            offset = frame + captured;
            int ip = frame + 14;                           // Ethernet II header
            int ihl = (in.get(ip) & 0x0F) * 4;
            int udp = ip + ihl;
            int udpLength = ((in.get(udp + 4) & 0xFF) << 8) | (in.get(udp + 5) & 0xFF);
            int rtp = udp + 8;
            int rtpLength = udpLength - 8;
            int csrcs = in.get(rtp) & 0x0F;
            int header = 12 + 4 * csrcs;
            byte[] all = in.array();
            packets.add(new PcapRtp(in.get(rtp + 1) & 0x7F, Arrays.copyOfRange(all, rtp + header, rtp + rtpLength)));
        }
        return packets;
    }
}
