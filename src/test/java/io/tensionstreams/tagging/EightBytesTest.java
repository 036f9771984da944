package io.tensionstreams.tagging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;

import org.junit.jupiter.api.Test;

class EightBytesTest {
    private static final byte[] SENTENCE_ENDS = {'.', '\n', '!', '?'};

    @Test
    void tellsLettersAndDigitsFromEveryOtherByteInEachOfTheEightPlaces() {
        for (int value = 0; value < 256; value++) {
            byte b = (byte) value;
            for (int place = 0; place < Long.BYTES; place++) {
                // Every other byte a letter, so that a neighbour's carry would show.
                long x = 0x6100610061006100L & ~(0xFFL << (Byte.SIZE * place)) | (value & 0xFFL) << (Byte.SIZE * place);
                boolean flagged = (EightBytes.wordBytes(x) & 0x80L << (Byte.SIZE * place)) != 0;
                assertThat(flagged).as("byte %d in place %d", value, place).isEqualTo(TextFolder.isWordByte(b));
            }
        }
    }

    @Test
    void findsWordsAndSentenceMarksWhereAByteByByteReadFindsThem() {
        Random random = new Random(3);
        byte[] alphabet = "ab9 .,-'\n!?xZ".getBytes();
        for (int round = 0; round < 500; round++) {
            byte[] text = new byte[random.nextInt(40)];
            for (int i = 0; i < text.length; i++) {
                text[i] = random.nextInt(20) == 0 ? (byte) (0x80 + random.nextInt(128)) : alphabet[random.nextInt(alphabet.length)];
            }
            for (int from = 0; from <= text.length; from++) {
                assertThat(EightBytes.nextWordStart(text, from)).isEqualTo(naiveNextWordStart(text, from));
                assertThat(EightBytes.nextOf(text, from, SENTENCE_ENDS)).isEqualTo(naiveNextOf(text, from));
                if (from < text.length && TextFolder.isWordByte(text[from])) {
                    int end = naiveWordEnd(text, from);
                    assertThat(EightBytes.wordEnd(text, from)).isEqualTo(end);
                    assertThat(EightBytes.firstEight(text, from, end)).isEqualTo(naiveFirstEight(text, from, end));
                }
            }
        }
    }

    private static int naiveNextWordStart(byte[] text, int from) {
        int i = from;
        while (i < text.length && !TextFolder.isWordByte(text[i])) {
            i++;
        }
        return i;
    }

    private static int naiveWordEnd(byte[] text, int start) {
        int i = start;
        while (i < text.length && TextFolder.isWordByte(text[i])) {
            i++;
        }
        return i;
    }

    private static int naiveNextOf(byte[] text, int from) {
        for (int i = from; i < text.length; i++) {
            if (text[i] == '.' || text[i] == '\n' || text[i] == '!' || text[i] == '?') {
                return i;
            }
        }
        return text.length;
    }

    private static long naiveFirstEight(byte[] text, int start, int end) {
        long packed = 0;
        for (int i = start; i < Math.min(end, start + Long.BYTES); i++) {
            packed |= (text[i] & 0xFFL) << (Byte.SIZE * (i - start));
        }
        return packed;
    }
}
