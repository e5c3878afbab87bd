package io.persession.engine;

/**
 * The lossless byte encoding of strings that {@link StringTable} and {@link SpilledVisitors} store: a
 * length in chars (7 bits a byte, low first), then each UTF-16 unit on its own in 1 byte (U+0000..U+007F),
 * 2 (up to U+07FF) or 3 (above), so unpaired surrogates survive too. One string has exactly one
 * encoding, so two encodings are equal byte for byte if and only if their strings are {@link
 * String#equals equal}.
 */
final class CharCodec {
    private CharCodec() {
    }

    /** The bytes {@link #write} takes for {@code s}. */
    static int encodedLength(String s) {
        int length = s.length();
        long need = 0;
        for (int rest = length; ; rest >>>= 7) {
            need++;
            if (rest < 0x80) {
                break;
            }
        }
        for (int k = 0; k < length; k++) {
            char ch = s.charAt(k);
            need += ch < 0x80 ? 1 : ch < 0x800 ? 2 : 3;
        }
        if (need > Integer.MAX_VALUE - 1024) {
            throw new IllegalStateException("a string of " + length + " chars is too long to keep");
        }
        return (int) need;
    }

    /** Writes {@code s} at {@code p}; returns where the next byte goes. */
    static int write(String s, byte[] bytes, int p) {
        int length = s.length();
        int rest = length;
        while (rest >= 0x80) {
            bytes[p++] = (byte) (rest | 0x80);
            rest >>>= 7;
        }
        bytes[p++] = (byte) rest;
        for (int k = 0; k < length; k++) {
            char ch = s.charAt(k);
            if (ch < 0x80) {
                bytes[p++] = (byte) ch;
            } else if (ch < 0x800) {
                bytes[p++] = (byte) (0xC0 | (ch >> 6));
                bytes[p++] = (byte) (0x80 | (ch & 0x3F));
            } else {
                bytes[p++] = (byte) (0xE0 | (ch >> 12));
                bytes[p++] = (byte) (0x80 | ((ch >> 6) & 0x3F));
                bytes[p++] = (byte) (0x80 | (ch & 0x3F));
            }
        }
        return p;
    }

    /** The length written at {@code p}, and where its chars start: {@code length << 32 | next}. */
    static long readLength(byte[] bytes, int p) {
        int length = 0;
        int bits = 0;
        int b;
        do {
            b = bytes[p++];
            length |= (b & 0x7F) << bits;
            bits += 7;
        } while (b < 0);
        return (long) length << 32 | p;
    }

    /** The char written at {@code p} (1, 2 or 3 bytes), and where the next starts: {@code char << 32 | next}. */
    static long readChar(byte[] bytes, int p) {
        int c = bytes[p++] & 0xFF;
        if (c >= 0x80) {
            if (c < 0xE0) {
                c = ((c & 0x1F) << 6) | (bytes[p++] & 0x3F);
            } else {
                c = ((c & 0x0F) << 12) | ((bytes[p++] & 0x3F) << 6);
                c |= bytes[p++] & 0x3F;
            }
        }
        return (long) c << 32 | p;
    }

    /** The string written at {@code p} (a new instance). */
    static String read(byte[] bytes, int p) {
        long lp = readLength(bytes, p);
        int length = (int) (lp >>> 32);
        p = (int) lp;
        char[] out = new char[length];
        for (int k = 0; k < length; k++) {
            long cp = readChar(bytes, p);
            out[k] = (char) (cp >>> 32);
            p = (int) cp;
        }
        return new String(out);
    }

    /** Where the string written at {@code p} ends. */
    static int skip(byte[] bytes, int p) {
        long lp = readLength(bytes, p);
        int length = (int) (lp >>> 32);
        p = (int) lp;
        for (int k = 0; k < length; k++) {
            int c = bytes[p] & 0xFF;
            p += c < 0x80 ? 1 : c < 0xE0 ? 2 : 3;
        }
        return p;
    }

    /** Whether the string written at {@code p} equals {@code s}. */
    static boolean equals(byte[] bytes, int p, String s) {
        long lp = readLength(bytes, p);
        int length = (int) (lp >>> 32);
        p = (int) lp;
        if (length != s.length()) {
            return false;
        }
        for (int k = 0; k < length; k++) {
            long cp = readChar(bytes, p);
            if ((int) (cp >>> 32) != s.charAt(k)) {
                return false;
            }
            p = (int) cp;
        }
        return true;
    }

    /** {@link String#hashCode()} of the string written at {@code p}. */
    static int hashCode(byte[] bytes, int p) {
        long lp = readLength(bytes, p);
        int length = (int) (lp >>> 32);
        p = (int) lp;
        int h = 0;
        for (int k = 0; k < length; k++) {
            long cp = readChar(bytes, p);
            h = 31 * h + (int) (cp >>> 32);
            p = (int) cp;
        }
        return h;
    }
}
