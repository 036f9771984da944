package io.tensionstreams.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;

/**
 * Polite, bounded HTTP GETs: a User-Agent naming the project, conditional requests (ETag,
 * Last-Modified), one timeout for the whole exchange, and a cap on the bytes read, before and
 * after gzip, so that a slow, enormous or gzip-bombed answer costs at most the cap and the timeout.
 */
public final class BoundedFetcher {
    public static final String USER_AGENT = "tension-streams-ingest/1 (+https://github.com/tension-streams/tension-streams)";
    private static final ScheduledExecutorService DEADLINES = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "ingest-deadlines");
        thread.setDaemon(true);
        return thread;
    });

    private final HttpClient client;
    private final Duration timeout;
    private final long maxBytes;

    /** What a GET came to: 304 (not modified), or a body with the validators for the next request. */
    public record Response(int status, byte[] body, String etag, String lastModified) {
        public boolean notModified() {
            return status == 304;
        }
    }

    public BoundedFetcher(Duration timeout, long maxBytes) {
        this.client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL).build();
        this.timeout = timeout;
        this.maxBytes = maxBytes;
    }

    public Response get(URI url, String accept, String etag, String lastModified) throws FeedException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(timeout).GET()
                .header("User-Agent", USER_AGENT).header("Accept", accept).header("Accept-Encoding", "gzip");
        if (etag != null) {
            request.header("If-None-Match", etag);
        }
        if (lastModified != null) {
            request.header("If-Modified-Since", lastModified);
        }
        HttpResponse<InputStream> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpTimeoutException e) {
            throw new FeedException("no answer within " + timeout);
        } catch (IOException e) {
            throw new FeedException("cannot connect: " + e.getMessage(), e);
        }
        try (InputStream body = response.body()) {
            if (response.statusCode() == 304) {
                return new Response(304, new byte[0], etag, lastModified);
            }
            if (response.statusCode() / 100 != 2) {
                throw new FeedException("HTTP " + response.statusCode());
            }
            Optional<Long> declared = response.headers().firstValueAsLong("Content-Length").stream().boxed().findFirst();
            if (declared.isPresent() && declared.get() > maxBytes) {
                throw new FeedException("too large: " + declared.get() + " bytes, the limit is " + maxBytes);
            }
            byte[] bytes = readBounded(body, response.headers().firstValue("Content-Encoding").orElse(""));
            return new Response(response.statusCode(), bytes, response.headers().firstValue("ETag").orElse(null),
                    response.headers().firstValue("Last-Modified").orElse(null));
        } catch (IOException e) {
            throw new FeedException("reading the answer failed: " + e.getMessage(), e);
        }
    }

    /** Reads at most {@code maxBytes} (after gzip), or fails; a body still arriving at the deadline is cut off. */
    private byte[] readBounded(InputStream raw, String encoding) throws IOException, FeedException {
        ScheduledFuture<?> deadline = DEADLINES.schedule(() -> closeQuietly(raw), timeout.toMillis(), TimeUnit.MILLISECONDS);
        try {
            InputStream body = encoding.equalsIgnoreCase("gzip") ? new GZIPInputStream(raw) : raw;
            byte[] bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (bytes.length > maxBytes) {
                throw new FeedException("too large: more than " + maxBytes + " bytes" + (encoding.isEmpty() ? "" : " after " + encoding));
            }
            return bytes;
        } catch (IOException e) {
            if (deadline.isDone()) {
                throw new FeedException("the answer took longer than " + timeout);
            }
            throw e;
        } finally {
            deadline.cancel(false);
        }
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException e) {
            // Closing is how a slow answer is cut off; nothing to add.
        }
    }
}
