package io.voxplane.media.rtp;

import java.util.List;

/** SDES: source description (RFC 3550 s6.5), one chunk per source. */
public record SourceDescription(List<Chunk> chunks) implements RtcpPacket {

    /** SDES item types of s6.5.1-6.5.8. */
    public static final int CNAME = 1;
    public static final int NAME = 2;
    public static final int EMAIL = 3;
    public static final int PHONE = 4;
    public static final int LOC = 5;
    public static final int TOOL = 6;
    public static final int NOTE = 7;
    public static final int PRIV = 8;

    public SourceDescription {
        chunks = List.copyOf(chunks);
        if (chunks.size() > 31) {
            throw new IllegalArgumentException("at most 31 chunks: " + chunks.size());
        }
    }

    /** A compound packet must carry a CNAME (s6.1); this is the usual one-source SDES. */
    public static SourceDescription cname(long ssrc, String cname) {
        return new SourceDescription(List.of(new Chunk(ssrc, List.of(new Item(CNAME, cname)))));
    }

    @Override
    public int packetType() {
        return TYPE_SDES;
    }

    /** The items describing one source. */
    public record Chunk(long ssrc, List<Item> items) {
        public Chunk {
            items = List.copyOf(items);
        }
    }

    /** One item: type 1..255 and UTF-8 text of at most 255 bytes. */
    public record Item(int type, String value) {
        public Item {
            if (type < 1 || type > 255) {
                throw new IllegalArgumentException("SDES item type " + type);
            }
            if (value.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 255) {
                throw new IllegalArgumentException("SDES item longer than 255 bytes");
            }
        }
    }
}
