package io.tensionstreams.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

class DeadLettersTest {

    private static ProducerRecord<byte[], byte[]> deadLetter(int valueBytes) {
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>("articles-dlq", "k".getBytes(StandardCharsets.UTF_8), new byte[valueBytes]);
        record.headers().add("__streams.errors.message", "unknown magic byte".getBytes(StandardCharsets.UTF_8))
                .add("__streams.errors.stacktrace", new byte[5_000]);
        return record;
    }

    @Test
    void aDeadLetterTooLargeToWriteIsTruncatedWithItsReasonAndOriginalSize() {
        ProducerRecord<byte[], byte[]> written = DeadLetters.writable(List.of(deadLetter(1_048_400))).get(0);

        assertThat(written.value()).hasSize(DeadLetters.KEPT_BYTES);
        assertThat(new String(written.headers().lastHeader("__streams.errors.message").value(), StandardCharsets.UTF_8))
                .isEqualTo("unknown magic byte");
        assertThat(written.headers().lastHeader("__streams.errors.stacktrace")).isNull();
        assertThat(new String(written.headers().lastHeader(DeadLetters.TRUNCATED_HEADER).value(), StandardCharsets.UTF_8)).isEqualTo("1048400");
        assertThat(DeadLetters.sizeOf(written)).isLessThan(DeadLetters.MAX_BYTES);
    }

    @Test
    void aDeadLetterThatFitsIsWrittenAsItIs() {
        ProducerRecord<byte[], byte[]> small = deadLetter(10_000);

        assertThat(DeadLetters.writable(List.of(small))).containsExactly(small);
    }
}
