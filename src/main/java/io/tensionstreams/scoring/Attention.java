package io.tensionstreams.scoring;

/**
 * How much of a window's news is about a pair, as the Caldara-Iacoviello GPR index is the share of
 * articles about geopolitical risk: a busy news day raises every pair's count, not its share.
 */
public final class Attention {
    private Attention() {
    }

    /**
     * {@code pairArticles / windowArticles}, in [0, 1]. The window's total is counted apart from the
     * pair and may lag it by a moment: a share is never reported above 1, and is 0 while the total is unknown.
     */
    public static double share(int pairArticles, long windowArticles) {
        if (windowArticles <= 0) {
            return 0;
        }
        return Math.min(1.0, (double) pairArticles / windowArticles);
    }
}
