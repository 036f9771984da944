package io.tensionstreams.tagging;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Reads folded text ({@link TextFolder#foldToBytes}) eight bytes at a time: one {@code long} says at
 * once which of eight bytes are letters or digits, or a given character, so a scan finds where
 * words start and end, or where a sentence may end, without a branch per character; and a word's
 * first eight bytes come with one read.
 */
final class EightBytes {
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long HIGH_BITS = 0x8080808080808080L;
    private static final long ONES = 0x0101010101010101L;

    private EightBytes() {
    }

    /**
     * The high bit of each byte of {@code x} that is a letter or digit. Each byte is compared
     * with the ends of a range by adding a constant that carries into its high bit exactly when
     * it reaches that end; with the high bits cleared first, no addition carries into the next
     * byte. A byte outside ASCII is no letter, as in {@link TextFolder#isWordByte}.
     */
    static long wordBytes(long x) {
        long ascii = x & ~HIGH_BITS;
        long letters = (ascii + 0x1F1F1F1F1F1F1F1FL) & ~(ascii + 0x0505050505050505L); // 'a' to 'z'
        long digits = (ascii + 0x5050505050505050L) & ~(ascii + 0x4646464646464646L); // '0' to '9'
        return (letters | digits) & HIGH_BITS & ~(x & HIGH_BITS);
    }

    /** The offset of the first letter or digit at or after {@code from}, or the text's length. */
    static int nextWordStart(byte[] folded, int from) {
        int i = from;
        for (; i + Long.BYTES <= folded.length; i += Long.BYTES) {
            long words = wordBytes((long) LONG.get(folded, i));
            if (words != 0) {
                return i + Long.numberOfTrailingZeros(words) / Byte.SIZE;
            }
        }
        while (i < folded.length && !TextFolder.isWordByte(folded[i])) {
            i++;
        }
        return i;
    }

    /** The offset just after the word that starts at {@code start}. */
    static int wordEnd(byte[] folded, int start) {
        int i = start;
        for (; i + Long.BYTES <= folded.length; i += Long.BYTES) {
            long others = ~wordBytes((long) LONG.get(folded, i)) & HIGH_BITS;
            if (others != 0) {
                return i + Long.numberOfTrailingZeros(others) / Byte.SIZE;
            }
        }
        while (i < folded.length && TextFolder.isWordByte(folded[i])) {
            i++;
        }
        return i;
    }

    /** The first eight bytes of the word {@code [start, end)} as one {@code long}, little-endian, the bytes after the word zero. */
    static long firstEight(byte[] folded, int start, int end) {
        int length = end - start;
        if (start + Long.BYTES <= folded.length) {
            long eight = (long) LONG.get(folded, start);
            return length >= Long.BYTES ? eight : eight & ((1L << (Byte.SIZE * length)) - 1);
        }
        long packed = 0;
        for (int i = start; i < end; i++) {
            if (i - start < Long.BYTES) {
                packed |= (folded[i] & 0xFFL) << (Byte.SIZE * (i - start));
            }
        }
        return packed;
    }

    /**
     * The offset of the first byte at or after {@code from} that is one of {@code wanted} (at most a
     * few), or the text's length. A byte equal to {@code c} is a zero byte of {@code x ^ c...c};
     * the classic test for a zero byte can also flag a byte above a true zero, never one below, so
     * the lowest flag found is always a true one.
     */
    static int nextOf(byte[] folded, int from, byte... wanted) {
        int i = from;
        for (; i + Long.BYTES <= folded.length; i += Long.BYTES) {
            long x = (long) LONG.get(folded, i);
            long found = 0;
            for (byte c : wanted) {
                long diff = x ^ (c & 0xFFL) * ONES;
                found |= (diff - ONES) & ~diff & HIGH_BITS;
            }
            if (found != 0) {
                return i + Long.numberOfTrailingZeros(found) / Byte.SIZE;
            }
        }
        for (; i < folded.length; i++) {
            for (byte c : wanted) {
                if (folded[i] == c) {
                    return i;
                }
            }
        }
        return folded.length;
    }
}
