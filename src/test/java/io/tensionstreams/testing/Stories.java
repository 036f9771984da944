package io.tensionstreams.testing;

import java.time.Instant;

import io.tensionstreams.avro.Article;

/** Articles for the topology tests, written by the team. */
public final class Stories {
    public static final String DRILLS_BODY = """
            China's military launched large-scale drills around Taiwan on Thursday, sending warships and fighter jets \
            across the median line of the Taiwan Strait. Beijing said the exercises were a punishment for separatist \
            forces on the island and warned that it would not tolerate provocations. Taiwan's defense ministry said it \
            tracked dozens of PLA aircraft and scrambled jets in response, and condemned the intimidation. The drills \
            came days after the island's new president was sworn in, and analysts said Beijing wanted to show it could \
            blockade the island at short notice. The United States urged restraint and said it was watching closely.""";

    public static final String WATER_CANNON_BODY = """
            A Chinese coast guard vessel fired a water cannon at a Philippine supply boat on Saturday near the Second \
            Thomas Shoal in the South China Sea, Manila said. The Philippine coast guard said two crew members were \
            injured in the collision that followed, and the foreign ministry lodged a protest. Beijing claims almost the \
            entire South China Sea and accused the Philippines of trespassing in its waters.""";

    public static final String TALKS_BODY = """
            The United States and China agreed on Wednesday to resume military-to-military communication, officials said \
            after talks in Washington. Both sides welcomed the constructive meeting and said they would keep open lines of \
            communication. Beijing and Washington plan another meeting soon.""";

    public static final String HOTLINE_BODY = """
            China and the Philippines agreed on Monday to set up a hotline between their coast guards after talks in \
            Manila, officials said. Both sides welcomed the constructive meeting and pledged to manage differences in the \
            South China Sea through dialogue and consultation.""";

    public static final String FESTIVAL_BODY = """
            The town's harvest festival drew large crowds on Sunday, with stalls selling apples, cider and bread along \
            the river. Organisers said attendance was the highest in a decade and thanked volunteers for their help.""";

    private static final String[] FILLER = {"harbour", "morning", "ledger", "copper", "meadow", "lantern", "orchard", "granite",
            "ribbon", "saddle", "thimble", "walnut", "beacon", "cobble", "drizzle", "ember", "fennel", "gravel", "hazel", "ivory",
            "juniper", "kettle", "linen", "marble", "nutmeg", "oyster", "pepper", "quartz", "russet", "spindle", "timber", "umber",
            "velvet", "willow", "yarrow", "zephyr", "anvil", "bramble", "cinder", "dapple"};

    private Stories() {
    }

    /**
     * A closing sentence of words drawn from the article id, so that two articles built on the same
     * story are different texts (not near-copies) unless a test means them to be.
     */
    public static String signature(String id) {
        return signature(id, 40);
    }

    /** As {@link #signature(String)}, with {@code words} words: a corpus of thousands needs more to keep every pair apart. */
    public static String signature(String id, int words) {
        java.util.Random random = new java.util.Random(id.hashCode());
        StringBuilder sentence = new StringBuilder(" Notes for the record:");
        for (int i = 0; i < words; i++) {
            sentence.append(' ').append(FILLER[random.nextInt(FILLER.length)]);
        }
        return sentence.append('.').toString();
    }

    public static Article article(String id, String title, String body, String source, Instant publishedAt) {
        return Article.newBuilder().setId(id).setTitle(title).setBody(body).setSource(source).setPublishedAt(publishedAt).build();
    }

    public static Article drills(String id, Instant publishedAt) {
        return article(id, "China stages large drills around Taiwan", DRILLS_BODY + signature(id), "wire-a", publishedAt);
    }

    public static Article waterCannon(String id, Instant publishedAt) {
        return article(id, "Chinese coast guard fires water cannon at Philippine boat", WATER_CANNON_BODY + signature(id), "wire-b",
                publishedAt);
    }

    /** China and the Philippines cooperating: a calm article for CN-PH. */
    public static Article hotline(String id, Instant publishedAt) {
        return article(id, "China and Philippines set up coast guard hotline", HOTLINE_BODY + signature(id), "wire-e", publishedAt);
    }

    /** News of no pair and no theme: it counts in a window's total of articles only. */
    public static Article festival(String id, Instant publishedAt) {
        return article(id, "Harvest festival draws record crowds", FESTIVAL_BODY + signature(id), "local", publishedAt);
    }

    public static Article talks(String id, Instant publishedAt) {
        return article(id, "US and China agree to resume military talks", TALKS_BODY + signature(id), "wire-c", publishedAt);
    }
}
