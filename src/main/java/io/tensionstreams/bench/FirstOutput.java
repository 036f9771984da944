package io.tensionstreams.bench;

/** When a phase's output was first seen, and how many records that first read brought. */
record FirstOutput(long nanos, long records) {
}
