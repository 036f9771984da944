package io.tensionstreams.topology;

import java.io.DataOutput;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.tensionstreams.scoring.Contribution;
import io.tensionstreams.scoring.PairWindow;

/** The compact serdes of the topology's hot values; see {@link CompactSerde}. */
final class CompactSerdes {
    private CompactSerdes() {
    }

    static CompactSerde<NearDuplicateIndex.Entry> nearDuplicateEntry() {
        return new CompactSerde<>(NearDuplicateIndex.Entry.class) {
            @Override
            void write(NearDuplicateIndex.Entry entry, DataOutput out) throws IOException {
                out.writeLong(entry.simhash());
                out.writeLong(entry.time());
                out.writeUTF(entry.id());
            }

            @Override
            NearDuplicateIndex.Entry read(ByteBuffer in) {
                long simhash = in.getLong();
                long time = in.getLong();
                return new NearDuplicateIndex.Entry(CompactSerde.readString(in), simhash, time);
            }
        };
    }

    static CompactSerde<Contribution> contribution() {
        return new CompactSerde<>(Contribution.class) {
            @Override
            void write(Contribution contribution, DataOutput out) throws IOException {
                out.writeUTF(contribution.articleId());
                writeNullable(contribution.source(), out);
                out.writeUTF(contribution.pair());
                out.writeDouble(contribution.escalation());
                out.writeDouble(contribution.deescalation());
                out.writeDouble(contribution.tension());
                writeStrings(contribution.themes(), out);
                writeStrings(contribution.mentions(), out);
                out.writeDouble(contribution.centrality());
            }

            @Override
            Contribution read(ByteBuffer in) {
                String articleId = CompactSerde.readString(in);
                String source = readNullable(in);
                String pair = CompactSerde.readString(in);
                double escalation = in.getDouble();
                double deescalation = in.getDouble();
                double tension = in.getDouble();
                List<String> themes = readStrings(in);
                List<String> mentions = readTrailingStrings(in);
                // Written before centrality was: the tension is the nearest measure the value has.
                double centrality = in.remaining() >= Double.BYTES ? in.getDouble() : tension;
                return new Contribution(articleId, source, pair, escalation, deescalation, tension, centrality, themes, mentions);
            }
        };
    }

    static CompactSerde<PairWindow> pairWindow() {
        return new CompactSerde<>(PairWindow.class) {
            @Override
            void write(PairWindow window, DataOutput out) throws IOException {
                out.writeInt(window.articles());
                writeStrings(window.sources(), out);
                out.writeDouble(window.escalation());
                out.writeDouble(window.deescalation());
                out.writeInt(window.themes().size());
                for (Map.Entry<String, PairWindow.ThemeTally> theme : new TreeMap<>(window.themes()).entrySet()) {
                    out.writeUTF(theme.getKey());
                    out.writeInt(theme.getValue().articles());
                    out.writeDouble(theme.getValue().escalation());
                }
                out.writeInt(window.topArticles().size());
                for (PairWindow.TopArticle top : window.topArticles()) {
                    out.writeUTF(top.id());
                    out.writeDouble(top.prominence());
                }
                // Added after the first release, at the end, so that values written before still read.
                for (PairWindow.ThemeTally tally : new TreeMap<>(window.themes()).values()) {
                    out.writeInt(tally.mentions());
                }
                out.writeDouble(window.weight());
                out.writeDouble(window.weightedStance());
            }

            @Override
            PairWindow read(ByteBuffer in) {
                int articles = in.getInt();
                List<String> sources = readStrings(in);
                double escalation = in.getDouble();
                double deescalation = in.getDouble();
                int themeCount = in.getInt();
                Map<String, PairWindow.ThemeTally> themes = new TreeMap<>();
                for (int i = 0; i < themeCount; i++) {
                    themes.put(CompactSerde.readString(in), new PairWindow.ThemeTally(in.getInt(), in.getDouble(), 0));
                }
                int topCount = in.getInt();
                List<PairWindow.TopArticle> top = new ArrayList<>(Math.min(topCount, in.remaining()));
                for (int i = 0; i < topCount; i++) {
                    top.add(new PairWindow.TopArticle(CompactSerde.readString(in), in.getDouble()));
                }
                if (in.hasRemaining()) {
                    themes.replaceAll((theme, tally) -> new PairWindow.ThemeTally(tally.articles(), tally.escalation(), in.getInt()));
                }
                // Written before intensity was: no stance is known, so the window reads as neutral.
                boolean hasStance = in.remaining() >= 2 * Double.BYTES;
                double weight = hasStance ? in.getDouble() : 0;
                double weightedStance = hasStance ? in.getDouble() : 0;
                return new PairWindow(articles, sources, escalation, deescalation, weight, weightedStance, themes, top);
            }
        };
    }

    private static void writeStrings(List<String> values, DataOutput out) throws IOException {
        out.writeInt(values.size());
        for (String value : values) {
            out.writeUTF(value);
        }
    }

    /** A list written after the first release: absent (empty) in values written before it. */
    private static List<String> readTrailingStrings(ByteBuffer in) {
        return in.hasRemaining() ? readStrings(in) : List.of();
    }

    private static List<String> readStrings(ByteBuffer in) {
        int count = in.getInt();
        List<String> values = new ArrayList<>(Math.min(count, in.remaining()));
        for (int i = 0; i < count; i++) {
            values.add(CompactSerde.readString(in));
        }
        return values;
    }
}
