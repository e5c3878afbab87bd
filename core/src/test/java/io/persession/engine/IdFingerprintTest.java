package io.persession.engine;

import com.google.common.hash.HashCode;
import com.google.common.hash.Hashing;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class IdFingerprintTest {
    private final IdFingerprint f = new IdFingerprint();

    @Test
    void isMurmurHash3OfTheBytesOfAnAsciiIdAndOfTheUtf16CodeUnitsOfAnother() {
        SplittableRandom r = new SplittableRandom(3);
        for (int len = 0; len < 80; len++) {
            for (int k = 0; k < 20; k++) {
                StringBuilder ascii = new StringBuilder();
                StringBuilder other = new StringBuilder();
                for (int i = 0; i < len; i++) {
                    ascii.append((char) r.nextInt(0x80));
                    other.append((char) (i == 0 ? 0x80 + r.nextInt(0xff80) : r.nextInt(0x800)));
                }
                String a = ascii.toString();
                String o = other.toString();
                assertEquals(reference(a.getBytes(StandardCharsets.US_ASCII)), of(a), a);
                assertEquals(reference(codeUnits(o)), of(o), o);
            }
        }
    }

    @Test
    void idsThatDifferOnlyInACharsHighByteDiffer() {
        assertNotEquals(of("id-A"), of("id-\u0141")); // U+0141's low byte is 'A'
        assertNotEquals(of(""), of("\u0000"));
    }

    private String of(String id) {
        f.of(id);
        return f.hi() + " " + f.lo();
    }

    /** The UTF-16 code units of {@code s}, little-endian, lone surrogates included (which an encoder would replace). */
    private static byte[] codeUnits(String s) {
        ByteBuffer b = ByteBuffer.allocate(2 * s.length()).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < s.length(); i++) {
            b.putChar(s.charAt(i));
        }
        return b.array();
    }

    /** Guava's MurmurHash3 x64 128 (seed 0): its 16 bytes, little-endian, are the high long, then the low one. */
    private static String reference(byte[] bytes) {
        HashCode h = Hashing.murmur3_128(0).hashBytes(bytes);
        ByteBuffer b = ByteBuffer.wrap(h.asBytes()).order(ByteOrder.LITTLE_ENDIAN);
        return b.getLong() + " " + b.getLong();
    }
}
