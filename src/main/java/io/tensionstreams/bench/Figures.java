package io.tensionstreams.bench;

/** How the bench rounds the figures it prints and writes. */
final class Figures {
    private Figures() {
    }

    static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
