package io.tensionstreams.bench;

import java.io.IOException;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import io.tensionstreams.avro.Article;
import io.tensionstreams.registry.AvroSerdes;
import io.tensionstreams.registry.SchemaRegistryClient;
import io.tensionstreams.registry.SchemaRegistryServer;
import org.apache.kafka.common.serialization.Serde;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The Avro serde on one thread, schema ids cached (no HTTP on the hot path): Articles of about 2 KB.
 *
 * <p>Run: {@code mvn -B test-compile exec:exec@jmh -Djmh.args="SerdeBenchmark"}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx512m"})
@State(Scope.Benchmark)
public class SerdeBenchmark {
    private SchemaRegistryServer registry;
    private Serde<Article> serde;
    private Article article;
    private byte[] bytes;

    @Setup
    public void setUp() throws IOException {
        registry = SchemaRegistryServer.startInMemory("127.0.0.1", 0);
        serde = AvroSerdes.specificValue(Article.class, SchemaRegistryClient.forUrl(registry.url()));
        article = Article.newBuilder().setId("bench-1").setTitle("Chinese coast guard fires water cannon at Philippine boat")
                .setBody(BenchArticles.synthetic(1, 2_000, 5).get(0).body()).setSource("wire").setPublishedAt(Instant.now()).build();
        bytes = serde.serializer().serialize("articles", article);
    }

    @TearDown
    public void tearDown() {
        registry.close();
    }

    @Benchmark
    public byte[] serialize() {
        return serde.serializer().serialize("articles", article);
    }

    @Benchmark
    public Article deserialize() {
        return serde.deserializer().deserialize("articles", bytes);
    }
}
